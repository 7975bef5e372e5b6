"""Where things are by default; every default can be overridden by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def default_source() -> str:
    return os.environ.get("WIREFACTS_SOURCE", str(PROJECT_ROOT / "seeds"))


def default_warehouse() -> str:
    return os.environ.get("WIREFACTS_WAREHOUSE", str(PROJECT_ROOT / "warehouse" / "wirefacts.duckdb"))


def default_max_file_bytes() -> int:
    from wirefacts.text.ingest import DEFAULT_MAX_FILE_BYTES

    return int(os.environ.get("WIREFACTS_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def default_max_files() -> int:
    from wirefacts.text.ingest import DEFAULT_MAX_FILES

    return int(os.environ.get("WIREFACTS_MAX_FILES", DEFAULT_MAX_FILES))


def use_project_instance() -> None:
    """Point Dagster at this repository's dagster.yaml unless the caller chose another home."""
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT))
