"""Is the warehouse file whole, and the ways out when it is not, on real DuckDB files."""

from datetime import datetime
from pathlib import Path

import duckdb

from wirefacts import integrity, settings


def small_warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            "CREATE TABLE documents AS SELECT range AS doc_id, repeat('wheat ', 200) AS body FROM "
            "range(20000)"
        )
        con.execute("CHECKPOINT")
    return path


def test_a_whole_file_has_no_damage_and_overwritten_blocks_are_found(tmp_path):
    live = small_warehouse(tmp_path / "wirefacts.duckdb")
    assert integrity.find_damage(live) is None
    data = bytearray(live.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 20480] = bytes(20480)
    live.write_bytes(bytes(data))
    assert integrity.find_damage(live) is not None


def test_moving_aside_keeps_the_file_under_a_dated_name_and_never_overwrites(tmp_path):
    live = small_warehouse(tmp_path / "wirefacts.duckdb")
    content = live.read_bytes()
    when = datetime(2026, 12, 2, 3, 4, 5)
    first = integrity.move_aside(live, when)
    assert first.name == "wirefacts.damaged-20261202-030405.duckdb" and first.read_bytes() == content
    assert not live.exists()
    integrity.copy_into_place(first, live)
    second = integrity.move_aside(live, when)
    assert second.name == "wirefacts.damaged-20261202-030405-2.duckdb" and first.exists()


def test_the_message_names_the_commands_with_the_paths_they_need(tmp_path):
    live, source = tmp_path / "w.duckdb", tmp_path / "articles"
    message = integrity.damage_message(live, "checksum mismatch", source)
    assert message.startswith(f"wirefacts: the warehouse file {live} is damaged: checksum mismatch.")
    assert f"`wirefacts rebuild --source {source} --warehouse {live}`" in message
    assert "needs a published copy, and there is none" in message
    default = integrity.command("rebuild", Path(settings.WAREHOUSE.default), Path(settings.SOURCE.default))
    assert default == "wirefacts rebuild"


def test_ages_read_as_a_person_would_say_them():
    assert [integrity.age(s) for s in (12, 600, 3 * 3600 + 60, 3 * 86400 + 7200)] == [
        "12 s",
        "10 min",
        "3 h 1 min",
        "3 days 2 h",
    ]
