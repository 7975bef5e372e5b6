"""Every setting of wirefacts in one place: its environment variable, default, rule and meaning.

Values are read when a run asks for them (never when a module is imported), from the
environment the caller passes, so the command line, the Dagster launchpad and tests can each
hand in their own. The README's settings table is checked against `SETTINGS` by a test.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from wirefacts.dedup.settings import StorySettings
from wirefacts.extract.settings import ExtractionSettings
from wirefacts.parallel import available_cores
from wirefacts.text.ingest import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES
from wirefacts.warehouse import LOCK_WAIT_SECONDS

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class SettingError(ValueError):
    """A setting a run cannot work with; the message is the line the user sees."""


@dataclass(frozen=True)
class Setting:
    env: str
    default: str | int | float
    shown_default: str  # the default as the README prints it
    meaning: str
    minimum: float | None = None  # for numbers: the smallest value that works

    def read(self, environ: Mapping[str, str] | None = None) -> str | int | float:
        """The value from the environment (os.environ unless one is given), else the default."""
        raw = (os.environ if environ is None else environ).get(self.env)
        if raw is None:
            return self.default
        if isinstance(self.default, str):
            return raw
        kind = type(self.default)
        noun = "a whole number" if kind is int else "a number of seconds"
        try:
            value = kind(raw)
        except ValueError:
            raise self.invalid(raw, f"it must be {noun} of at least {self.minimum:g}") from None
        if not math.isfinite(value) or (self.minimum is not None and value < self.minimum):
            raise self.invalid(raw, f"it must be {noun} of at least {self.minimum:g}")
        return value

    def invalid(self, value: object, what: str) -> SettingError:
        return SettingError(f"wirefacts: {self.env} is {str(value)!r}: {what}")


SOURCE = Setting(
    "WIREFACTS_SOURCE", str(PROJECT_ROOT / "seeds"), "`seeds/`", "folder of article files, read recursively"
)
WAREHOUSE = Setting(
    "WIREFACTS_WAREHOUSE",
    str(PROJECT_ROOT / "warehouse" / "wirefacts.duckdb"),
    "`warehouse/wirefacts.duckdb`",
    "the DuckDB file",
)
MAX_FILE_BYTES = Setting(
    "WIREFACTS_MAX_FILE_BYTES",
    DEFAULT_MAX_FILE_BYTES,
    "10485760 (10 MB)",
    "larger files are rejected as `too_large` without being read",
    minimum=1,
)
MAX_FILES = Setting(
    "WIREFACTS_MAX_FILES",
    DEFAULT_MAX_FILES,
    "200000",
    "files past this count in one run are rejected as `over_file_limit`",
    minimum=1,
)
LOCK_WAIT = Setting(
    "WIREFACTS_LOCK_WAIT_SECONDS",
    LOCK_WAIT_SECONDS,
    "100",
    "how long a writer waits for another process's lock on the warehouse before it fails",
    minimum=0,
)
INBOX = Setting(
    "WIREFACTS_INBOX",
    "",
    "the source folder",
    "the folder `inbox_sensor` watches for new, changed and removed files",
)
WORKERS = Setting(
    "WIREFACTS_WORKERS",
    0,
    "0 (every core)",
    "worker processes for per-document extraction; 1 keeps the work in the run's own process",
    minimum=0,
)
SETTINGS = (SOURCE, WAREHOUSE, MAX_FILE_BYTES, MAX_FILES, LOCK_WAIT, INBOX, WORKERS)


def workers(environ: Mapping[str, str] | None = None) -> int:
    """WIREFACTS_WORKERS, with 0 meaning every core this process may use."""
    return int(WORKERS.read(environ)) or available_cores()


# The library's decision settings: validated objects handed to the functions that use them, each
# field documented (with the figure behind its value) in the object's module.
DECISION_SETTINGS = (
    ("story", StorySettings, "wirefacts/dedup/settings.py"),
    ("extraction", ExtractionSettings, "wirefacts/extract/settings.py"),
)


def markdown_table() -> str:
    lines = ["| environment variable | default | meaning |", "|---|---|---|"]
    lines += [f"| `{s.env}` | {s.shown_default} | {s.meaning} |" for s in SETTINGS]
    lines += ["", "| decision setting | default | documented in |", "|---|---|---|"]
    lines += [
        f"| {what} `{f.name}` | {f.default} | `{module}` |"
        for what, kind, module in DECISION_SETTINGS
        for f in fields(kind)
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
