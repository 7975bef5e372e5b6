"""The DuckDB file: bounded lock waits, atomic table swaps, typed reads, quoting, the published path."""

import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from wirefacts import warehouse
from wirefacts.warehouse import (
    WarehouseLocked,
    connect,
    published_path,
    quote_identifier,
    read_table,
    replace_tables,
)

# Reuters-21578, reut-00833.txt and reut-00974.txt: two stories filed from Washington on March 3.
OLD = {
    "documents": pl.DataFrame({"doc_id": ["a"], "title": ["YEUTTER BLASTS PROPOSED EC OILS AND FATS TAX"]}),
    "sentences": pl.DataFrame({"doc_id": ["a"], "sentence_no": [0]}),
}
NEW = {
    "documents": pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "title": [OLD["documents"]["title"][0], "U.S. LEADING INDEX FELL 1.0 PCT IN JANUARY"],
        }
    ),
    "sentences": pl.DataFrame({"doc_id": ["a", "b", "b"], "sentence_no": [0, 0, 1]}),
    "rejected_documents": pl.DataFrame({"source_path": ["empty.txt"]}),
}


def tables_of(con):
    return {
        name: con.sql(f"SELECT * FROM {quote_identifier(name)} ORDER BY ALL").pl()
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
        ).fetchall()
    }


def assert_tables(con, expected):
    found = tables_of(con)
    assert sorted(found) == sorted(expected)
    for name, frame in expected.items():
        assert found[name].equals(frame), name


@pytest.fixture
def con(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        replace_tables(con, OLD)
        yield con


def test_replace_tables_writes_every_table_and_calls_after_each_in_order(con):
    written = []
    replace_tables(con, NEW, after_each=written.append)
    assert written == ["documents", "sentences", "rejected_documents"]
    assert_tables(con, NEW)


@pytest.mark.parametrize("failing", ["documents", "sentences", "rejected_documents"])
def test_a_failure_in_after_each_leaves_every_old_table(con, failing):
    def fail(name):
        if name == failing:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        replace_tables(con, NEW, after_each=fail)
    assert_tables(con, OLD)  # rejected_documents, new in NEW, was not created either
    # The transaction is over: the connection takes the next swap.
    replace_tables(con, NEW)
    assert_tables(con, NEW)


def test_a_reader_sees_the_old_tables_until_the_swap_commits(tmp_path, con):
    path = tmp_path / "w.duckdb"
    seen = {}
    with duckdb.connect(str(path)) as reader:  # another connection to the same database

        def look(name):
            seen[name] = reader.sql("SELECT count(*) FROM documents").fetchall()[0][0]

        replace_tables(con, NEW, after_each=look)
        assert seen == {"documents": 1, "sentences": 1, "rejected_documents": 1}
        assert reader.sql("SELECT count(*) FROM documents").fetchall() == [(2,)]


def test_a_keyboard_interrupt_mid_swap_rolls_back_too(con):
    def interrupt(name):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replace_tables(con, NEW, after_each=interrupt)
    assert_tables(con, OLD)


def test_read_table_of_a_missing_table_is_an_empty_frame_of_the_schema(con):
    schema = pl.Schema({"source_path": pl.String, "seen_at": pl.Datetime("us")})
    frame = read_table(con, "rejected_documents", schema)
    assert frame.is_empty() and frame.schema == schema
    assert read_table(con, "rejected_documents").shape == (0, 0)


def test_read_table_fits_an_older_table_to_the_schema(con):
    con.execute("CREATE TABLE figures AS SELECT 'reut-00974.txt' AS source, 1::INTEGER AS n, 'x' AS dropped")
    schema = pl.Schema({"n": pl.Int64, "source": pl.String, "unit": pl.String})
    frame = read_table(con, "figures", schema)
    assert frame.schema == schema  # columns in the schema's order, cast, the new column added
    assert frame.rows() == [(1, "reut-00974.txt", None)]
    # Without a schema the table comes back as it is.
    assert read_table(con, "figures").columns == ["source", "n", "dropped"]


def test_read_table_does_not_mistake_a_table_of_another_schema(con):
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE TABLE staging.officials AS SELECT 1 AS n")
    assert read_table(con, "officials").is_empty()


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("documents", '"documents"'),
        ('double"quote', '"double""quote"'),
        ("'); drop table documents;--", '"\'); drop table documents;--"'),
        ('"', '""""'),
    ],
)
def test_quote_identifier(name, quoted):
    assert quote_identifier(name) == quoted


def test_a_quoted_odd_name_is_one_table_and_nothing_else_runs(con):
    name = 'x"; DROP TABLE documents; --'
    replace_tables(con, {name: pl.DataFrame({"n": [1, 2]})})
    assert read_table(con, name)["n"].to_list() == [1, 2]
    assert read_table(con, "documents").height == 1


def hold_write_lock(path: Path) -> subprocess.Popen:
    """Another process holding the file for writing until its stdin closes."""
    code = (
        f"import duckdb, sys; con = duckdb.connect({str(path)!r}); print('ready', flush=True); "
        "sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "ready"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.stdin.close()
    holder.wait(timeout=30)


@pytest.fixture
def quick_retries(monkeypatch):
    monkeypatch.setattr(warehouse, "RETRY_PAUSE_SECONDS", 0.05)


def test_a_second_writer_waits_then_raises_warehouse_locked(tmp_path, quick_retries):
    path = tmp_path / "w.duckdb"
    holder = hold_write_lock(path)
    try:
        started = time.monotonic()
        with pytest.raises(WarehouseLocked) as raised, connect(path, wait_seconds=0.6):
            pass
        waited = time.monotonic() - started
    finally:
        release(holder)
    assert 0.6 <= waited < 5
    message = str(raised.value)
    assert message.startswith(f"the warehouse {path} is held by another process (waited 1 s): ")
    assert "lock" in message.lower() and f"PID {holder.pid}" in message
    assert isinstance(raised.value.__cause__, duckdb.IOException)
    # The file was never opened by the loser, and opens once the holder is gone.
    with connect(path, wait_seconds=0) as con:
        assert con.sql("SELECT 42").fetchall() == [(42,)]


def test_a_reader_waits_for_a_writer_too(tmp_path, quick_retries):
    path = tmp_path / "w.duckdb"
    holder = hold_write_lock(path)
    try:
        with pytest.raises(WarehouseLocked), connect(path, read_only=True, wait_seconds=0.2):
            pass
    finally:
        release(holder)


def test_a_writer_that_waits_gets_the_file_once_the_holder_lets_go(tmp_path, quick_retries):
    path = tmp_path / "w.duckdb"
    holder = hold_write_lock(path)
    timer = threading.Timer(0.5, holder.stdin.close)  # the holder exits half a second from now
    started = time.monotonic()
    timer.start()
    try:
        with connect(path, wait_seconds=20) as con:
            waited = time.monotonic() - started
            con.execute("CREATE TABLE t AS SELECT 1 AS n")
    finally:
        timer.join()
        holder.wait(timeout=30)
    assert 0.5 <= waited < 15


def test_an_error_that_is_not_a_lock_is_raised_at_once(tmp_path, quick_retries):
    absent = tmp_path / "absent" / "w.duckdb"
    started = time.monotonic()
    with pytest.raises(duckdb.IOException), connect(absent, read_only=True, wait_seconds=30):
        pass
    assert time.monotonic() - started < 2
    assert not absent.parent.exists()  # a reader makes nothing


def test_connect_makes_the_folder_for_a_writer_and_closes_the_connection(tmp_path):
    path = tmp_path / "new" / "deeper" / "w.duckdb"
    with connect(path) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS n")
    assert path.is_file()
    with pytest.raises(duckdb.ConnectionException):
        con.execute("SELECT 1")


def test_published_path_is_beside_the_live_file():
    assert published_path(Path("/data/warehouse/wirefacts.duckdb")) == Path(
        "/data/warehouse/published/wirefacts.duckdb"
    )
    assert published_path(Path("w.duckdb")) == Path("published/w.duckdb")
