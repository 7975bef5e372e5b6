"""Where the Dagster instance lives. Every wirefacts setting is in `wirefacts/settings.py`."""

from __future__ import annotations

import os

from wirefacts.settings import PROJECT_ROOT


def use_project_instance() -> None:
    """Point Dagster at this repository's dagster.yaml unless the caller chose another home."""
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT))
