"""Dagster resources: the source folder and the DuckDB warehouse.

A setting left out of the run config is read from its environment variable when the run starts,
else its default (`wirefacts/settings.py`); nothing is read when this module is imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
from pydantic import PrivateAttr

from assets import faults
from wirefacts import integrity, settings, warehouse


class SourceFolder(dg.ConfigurableResource):
    """The folder of raw article files, read recursively."""

    path: str | None = None  # default: WIREFACTS_SOURCE, else seeds/
    max_file_bytes: int | None = None  # default: WIREFACTS_MAX_FILE_BYTES, else 10 MB
    max_files: int | None = None  # default: WIREFACTS_MAX_FILES, else 200,000
    # Hash every file, trusting no recorded file signature (the daily reconciliation does).
    reread_every_file: bool = False

    @property
    def root(self) -> Path:
        return Path(self.path or settings.SOURCE.read())

    @property
    def byte_limit(self) -> int:
        return self.max_file_bytes or settings.MAX_FILE_BYTES.read()

    @property
    def file_limit(self) -> int:
        return self.max_files or settings.MAX_FILES.read()


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file analysts query. Writers wait at most lock_wait_seconds for the lock."""

    path: str | None = None  # default: WIREFACTS_WAREHOUSE, else warehouse/wirefacts.duckdb
    lock_wait_seconds: float | None = None  # default: WIREFACTS_LOCK_WAIT_SECONDS, else 100

    @property
    def file(self) -> Path:
        return Path(self.path or settings.WAREHOUSE.read())

    @property
    def wait_seconds(self) -> float:
        return settings.LOCK_WAIT.read() if self.lock_wait_seconds is None else self.lock_wait_seconds

    # The connection a run holds from its start to its end (None outside a run).
    _held: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """A run stops before writing anything when the file does not read back whole. Then it
        opens the file once and holds it to the end: each step works on a cursor of that one open
        database instead of opening the file again (16-40 ms each, some thirty times a run). So a
        run holding the file is a run in progress, and this one waits for it to end, however long."""
        while True:
            try:
                damage = integrity.find_damage(self.file, self.wait_seconds)
                if damage is not None:
                    raise dg.Failure(description=integrity.damage_message(self.file, damage))
                self._held = warehouse.open_connection(self.file, wait_seconds=self.wait_seconds)
                return
            except warehouse.WarehouseLocked:
                if not other_run_in_progress(context):
                    raise

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one step. In a run it is a cursor of the held connection; a read-only
        one works inside a read-only transaction (one open database has one configuration)."""
        if self._held is None:
            with warehouse.connect(self.file, read_only=read_only, wait_seconds=self.wait_seconds) as con:
                yield con
            return
        cursor = self._held.cursor()
        try:
            if read_only:
                cursor.execute("BEGIN TRANSACTION READ ONLY")
            yield cursor
        finally:
            cursor.close()  # rolls back whatever the step left open

    def write(self, con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> None:
        """Replace the tables in one transaction (with the test-only kill point between tables)."""
        warehouse.replace_tables(con, tables, after_each=faults.after_table_written)


def other_run_in_progress(context: dg.InitResourceContext) -> bool:
    """Whether another run of this instance has started and not ended. A run whose process died is
    marked failed by the next `wirefacts run` (or the daemon's run monitoring), so it stops counting."""
    if context.instance is None:
        return False
    records = context.instance.get_run_records(
        dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING])
    )
    return any(record.dagster_run.run_id != context.run_id for record in records)
