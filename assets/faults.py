"""Test-only fault injection, off unless its environment variables are set.

WIREFACTS_FAULT_KILL_AT=<table>   kill -9 the process after <table> is written and before its
                                  transaction commits (crash-safety tests).
WIREFACTS_FAULT_NO_SPACE=<table>  fail with "No space left on device" after <table> is written and
                                  before its transaction commits (full-disk tests).
WIREFACTS_FAULT_BAD_ROW=<table>   add one row that breaks <table>'s schema before validation
                                  (quarantine tests).
"""

from __future__ import annotations

import errno
import os
import signal

import polars as pl

KILL_AT = "WIREFACTS_FAULT_KILL_AT"
NO_SPACE = "WIREFACTS_FAULT_NO_SPACE"
BAD_ROW = "WIREFACTS_FAULT_BAD_ROW"


def bad_row_requested() -> str:
    """The table a bad row is to be added to, if any: such a run's facts are not a clean run's."""
    return os.environ.get(BAD_ROW, "")


def after_table_written(table: str) -> None:
    if os.environ.get(KILL_AT) == table:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get(NO_SPACE) == table:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), table)


def add_bad_row_if_requested(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Copy the first row of the named table with every number made negative (breaking ge=0 rules)."""
    name = os.environ.get(BAD_ROW)
    if name not in tables or tables[name].is_empty():
        return tables
    frame = tables[name]
    numeric = [c for c, t in frame.schema.items() if t.is_numeric()]
    keys = [c for c in frame.columns if c.endswith("_id") and c != "doc_id" and frame.schema[c] == pl.String]
    bad = frame.head(1).with_columns(
        *((pl.col(c) * -1 - 1).cast(frame.schema[c]) for c in numeric),
        *(pl.col(c) + "-fault" for c in keys),  # its own key, so only this row breaks a rule
    )
    return {**tables, name: pl.concat([frame, bad])}
