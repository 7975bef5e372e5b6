"""Settings: read when asked, from the environment given, checked, and documented as they are."""

import re
from pathlib import Path

import pytest

from assets.resources import SourceFolder, Warehouse
from wirefacts import settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_settings_table_is_the_registry():
    block = re.search(
        r"<!-- settings:.*?-->\n(.*?)\n<!-- end of settings -->", README.read_text(encoding="utf-8"), re.S
    )
    assert block and block.group(1) == settings.markdown_table()


def test_a_value_is_read_from_the_environment_given_else_the_default():
    assert settings.MAX_FILES.read({}) == 200_000
    assert settings.MAX_FILES.read({"WIREFACTS_MAX_FILES": "12"}) == 12
    assert settings.LOCK_WAIT.read({"WIREFACTS_LOCK_WAIT_SECONDS": "0.5"}) == 0.5


@pytest.mark.parametrize(
    ("setting", "raw", "message"),
    [
        (
            settings.MAX_FILES,
            "lots",
            "WIREFACTS_MAX_FILES is 'lots': it must be a whole number of at least 1",
        ),
        (
            settings.MAX_FILE_BYTES,
            "0",
            "WIREFACTS_MAX_FILE_BYTES is '0': it must be a whole number of at least 1",
        ),
        (settings.LOCK_WAIT, "inf", "WIREFACTS_LOCK_WAIT_SECONDS is 'inf': it must be a number of seconds"),
    ],
)
def test_a_value_a_run_cannot_use_is_refused_with_its_name(setting, raw, message):
    with pytest.raises(settings.SettingError, match=re.escape(message)):
        setting.read({setting.env: raw})


def test_resources_read_the_environment_when_used_not_when_imported(monkeypatch, tmp_path):
    source, warehouse = SourceFolder(), Warehouse()
    monkeypatch.setenv("WIREFACTS_SOURCE", str(tmp_path))
    monkeypatch.setenv("WIREFACTS_MAX_FILES", "7")
    monkeypatch.setenv("WIREFACTS_LOCK_WAIT_SECONDS", "2")
    assert source.root == tmp_path and source.file_limit == 7
    assert warehouse.wait_seconds == 2
    # run config wins over the environment
    assert SourceFolder(path="/elsewhere", max_files=3).root == Path("/elsewhere")
    assert SourceFolder(max_files=3).file_limit == 3
    assert Warehouse(lock_wait_seconds=0).wait_seconds == 0
