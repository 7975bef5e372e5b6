"""A step whose inputs and code are what its tables were computed from skips the computation.

Each step that recomputes whole tables (stories, facts, story facts) records, in the same
transaction as its tables, the code version and a fingerprint of its inputs in the bookkeeping
table `_step_inputs`. A later run with the same two keeps the tables as they are: a rerun with
nothing new costs the hashing, not the work. Restoring an older warehouse restores its
bookkeeping with it, so the next run sees what changed since.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import dagster as dg
import duckdb
import polars as pl

from assets.metadata import column_schema
from schemas.registry import written_by
from wirefacts.fingerprint import code_version, input_fingerprint
from wirefacts.warehouse import quote_identifier, read_table, table_names

STEP_INPUTS = "_step_inputs"
# What stories and facts are computed from: every document's bytes (its body, title and date
# follow from them and the code).
DOCUMENT_VERSIONS = "SELECT doc_id, content_sha256 FROM documents ORDER BY doc_id"
# Story facts also carry each report's outlet, credits and the day it was loaded (the day, not the
# second: first_seen is a date).
REPORT_VERSIONS = "SELECT doc_id, content_sha256, outlet, credited_agencies, ingested_at::DATE FROM documents ORDER BY doc_id"
SCHEMA = pl.Schema(
    {"step": pl.String, "code_version": pl.String, "fingerprint": pl.String, "written_at": pl.Datetime("us")}
)


@dataclass(frozen=True)
class StepInputs:
    step: str
    code_version: str
    fingerprint: str

    def _stored(self, con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
        return read_table(con, STEP_INPUTS, SCHEMA).filter(pl.col("step") == self.step)

    def unchanged(self, con: duckdb.DuckDBPyConnection) -> bool:
        present = table_names(con)
        return self._stored(con).select("code_version", "fingerprint").rows() == [
            (self.code_version, self.fingerprint)
        ] and all(t.name in present for t in written_by(self.step))

    def same_code(self, con: duckdb.DuckDBPyConnection) -> bool:
        """Whether the step's stored tables were computed by this code version (inputs aside)."""
        return self._stored(con)["code_version"].to_list() == [self.code_version]

    def record(self, con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
        """The bookkeeping table with this step's row replaced, to write with the step's tables."""
        others = read_table(con, STEP_INPUTS, SCHEMA).filter(pl.col("step") != self.step)
        mine = pl.DataFrame(
            [(self.step, self.code_version, self.fingerprint, datetime.now().replace(microsecond=0))],
            schema=SCHEMA,
            orient="row",
        )
        return {STEP_INPUTS: pl.concat([others, mine]).sort("step")}

    def metadata(self, recomputed: bool) -> dict:
        return {"recomputed": recomputed, "code_version": self.code_version, "inputs": self.fingerprint}


def step_inputs(con: duckdb.DuckDBPyConnection, step: str, query: str, *extra: str) -> StepInputs:
    return StepInputs(step, code_version(), input_fingerprint(con, query, *extra))


def folder_inputs(step: str, fingerprint: str) -> StepInputs:
    """A step whose inputs are files, not tables: the caller fingerprints what it scanned."""
    return StepInputs(step, code_version(), fingerprint)


def kept_results(con: duckdb.DuckDBPyConnection, inputs: StepInputs) -> Iterator[dg.MaterializeResult]:
    """The step's tables as they are, each with its row count and a note that nothing was redone."""
    for t in written_by(inputs.step):
        rows = con.execute(f"SELECT count(*) FROM {quote_identifier(t.name)}").fetchall()[0][0]
        yield dg.MaterializeResult(
            asset_key=t.name,
            metadata={
                "dagster/row_count": rows,
                "dagster/column_schema": column_schema(t.name),
                **inputs.metadata(False),
            },
        )
