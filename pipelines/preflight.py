"""What `wirefacts run` checks before it launches anything: folders and settings.

Each problem is one line naming the setting and its value; the command exits with code 2.
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

from pipelines import settings

BAD_SETTING = 2


class SettingError(ValueError):
    """A setting the run cannot work with; the message is the line the user sees."""


def problem(setting: str, value: object, what: str) -> SettingError:
    return SettingError(f"wirefacts: {setting} is {str(value)!r}: {what}")


def check_run_settings(source_setting: str, warehouse_setting: str) -> None:
    """Raise SettingError for the first setting a run could not use."""
    check_number("WIREFACTS_MAX_FILE_BYTES", int, minimum=1)
    check_number("WIREFACTS_MAX_FILES", int, minimum=1)
    check_number("WIREFACTS_LOCK_WAIT_SECONDS", float, minimum=0)
    check_dagster_home()
    check_source(source_setting, Path(settings.default_source()))
    check_warehouse(warehouse_setting, Path(settings.default_warehouse()))


def check_number(name: str, kind: type, minimum: float) -> None:
    raw = os.environ.get(name)
    if raw is None:
        return
    noun = "a whole number" if kind is int else "a number of seconds"
    try:
        value = kind(raw)
    except ValueError:
        raise problem(name, raw, f"it must be {noun} of at least {minimum}") from None
    if not math.isfinite(value) or value < minimum:
        raise problem(name, raw, f"it must be {noun} of at least {minimum}")


def check_dagster_home() -> None:
    home = os.environ.get("DAGSTER_HOME")
    if home and not Path(home).is_dir():
        raise problem("DAGSTER_HOME", home, "no such folder (it holds dagster.yaml and the run history)")


def check_source(setting: str, folder: Path) -> None:
    if not folder.exists():
        raise problem(setting, folder, "no such folder")
    if not folder.is_dir():
        raise problem(setting, folder, "this is a file; give the folder of article files")
    try:
        with os.scandir(folder) as entries:
            next(entries, None)
    except OSError as exc:
        raise problem(setting, folder, f"the folder cannot be read ({exc.strerror})") from None


def check_warehouse(setting: str, path: Path) -> None:
    if path.is_dir():
        raise problem(setting, path, "this is a folder; give the DuckDB file to write")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise problem(setting, path, "the file cannot be read and written")
    folder = path.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise problem(setting, path, f"{folder} is a file, so the warehouse folder cannot be made")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise problem(setting, path, f"the folder {folder} cannot be written ({exc.strerror})") from None
