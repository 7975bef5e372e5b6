"""Dagster resources: the source folder and the DuckDB warehouse."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from pipelines import faults, recovery, settings
from wirefacts import integrity, warehouse


class SourceFolder(dg.ConfigurableResource):
    """The folder of raw article files, read recursively."""

    path: str = settings.default_source()
    max_file_bytes: int = settings.default_max_file_bytes()
    max_files: int = settings.default_max_files()

    @property
    def root(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file analysts query. Writers wait at most lock_wait_seconds for the lock."""

    path: str = settings.default_warehouse()
    lock_wait_seconds: float = float(
        os.environ.get("WIREFACTS_LOCK_WAIT_SECONDS", warehouse.LOCK_WAIT_SECONDS)
    )

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """A run stops before writing anything when the file does not read back whole."""
        damage = integrity.find_damage(Path(self.path), self.lock_wait_seconds)
        if damage is not None:
            raise dg.Failure(description=recovery.damage_message(Path(self.path), damage))

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(
            Path(self.path), read_only=read_only, wait_seconds=self.lock_wait_seconds
        ) as con:
            yield con

    def write(self, con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> None:
        """Replace the tables in one transaction (with the test-only kill point between tables)."""
        warehouse.replace_tables(con, tables, after_each=faults.after_table_written)
