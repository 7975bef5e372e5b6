"""What `wirefacts run` checks before it launches anything: folders and settings.

Each problem is one line naming the setting and its value; the command exits with code 2.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from wirefacts.settings import SETTINGS, SettingError

BAD_SETTING = 2


def problem(setting: str, value: object, what: str) -> SettingError:
    return SettingError(f"wirefacts: {setting} is {str(value)!r}: {what}")


def check_run_settings(source: tuple[str, Path], warehouse: tuple[str, Path]) -> None:
    """Raise SettingError for the first setting a run could not use. source and warehouse are
    (where the value came from, the path): "--source" or "WIREFACTS_SOURCE", and so on."""
    for setting in SETTINGS:
        setting.read()  # raises SettingError for a value it cannot use
    check_dagster_home()
    check_source(*source)
    check_warehouse(*warehouse)


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
