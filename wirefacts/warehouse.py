"""The DuckDB file: connecting with a bounded wait for the lock, and swapping tables atomically.

DuckDB lets one process write a database file. A second writer (or a reader while a writer
holds the file) gets an IOException naming the process that holds the lock; we retry for a
bounded time and then fail with that message rather than hang.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import polars as pl

LOCK_WAIT_SECONDS = 100.0
RETRY_PAUSE_SECONDS = 0.5


class WarehouseLocked(RuntimeError):
    """Another process held the warehouse file for longer than we were willing to wait."""


def open_connection(
    path: Path, read_only: bool = False, wait_seconds: float = LOCK_WAIT_SECONDS
) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse, waiting up to wait_seconds for another process's lock."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                first_line = str(exc).splitlines()[0]
                raise WarehouseLocked(
                    f"the warehouse {path} is held by another process (waited {wait_seconds:.0f} s): {first_line}"
                ) from exc
            time.sleep(RETRY_PAUSE_SECONDS)


@contextmanager
def connect(
    path: Path, read_only: bool = False, wait_seconds: float = LOCK_WAIT_SECONDS
) -> Iterator[duckdb.DuckDBPyConnection]:
    """open_connection, closed when the block ends."""
    con = open_connection(path, read_only, wait_seconds)
    try:
        yield con
    finally:
        con.close()


def quote_identifier(name: str) -> str:
    """Table names come from code, never from input; quoting keeps odd names harmless anyway."""
    return '"' + name.replace('"', '""') + '"'


def replace_tables(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pl.DataFrame],
    after_each: Callable[[str], None] | None = None,
) -> None:
    """Replace whole tables in one transaction: readers see all the old tables or all the new.

    after_each is called with each table's name once it is written, before the commit.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        for name, frame in tables.items():
            con.register("incoming_frame", frame.to_arrow())
            con.execute(f"CREATE OR REPLACE TABLE {quote_identifier(name)} AS SELECT * FROM incoming_frame")
            con.unregister("incoming_frame")
            if after_each is not None:
                after_each(name)
        con.execute("COMMIT")
    except BaseException:
        # A failed COMMIT (a full disk) has already ended the transaction; keep its error, not ROLLBACK's.
        with suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables and views of the warehouse's default schema."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {row[0] for row in rows}


def read_table(con: duckdb.DuckDBPyConnection, name: str, schema: pl.Schema | None = None) -> pl.DataFrame:
    """A whole table as a Polars frame; an empty frame of the given schema when it does not exist yet."""
    if name not in table_names(con):
        return pl.DataFrame(schema=schema)
    frame = pl.from_arrow(con.sql(f"SELECT * FROM {quote_identifier(name)}").to_arrow_table())
    if schema is not None:
        missing = [c for c in schema.names() if c not in frame.columns]
        frame = frame.with_columns(pl.lit(None, dtype=schema[c]).alias(c) for c in missing).select(
            schema.names()
        )
        frame = frame.cast(dict(schema), strict=False)
    return frame


def published_path(live: Path) -> Path:
    """Where the read-only copy of a warehouse file is published after each run."""
    return live.parent / "published" / live.name
