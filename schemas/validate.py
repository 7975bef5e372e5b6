"""Validation that keeps the failing rows, so checks can show them instead of a stack trace."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl


@dataclass(frozen=True)
class Validation:
    passed: bool
    failure_cases: pl.DataFrame  # pandera's report: column, check, failure_case, index
    failing_rows: pl.DataFrame  # the rows of the table that broke a rule


def validate_frame(df: pl.DataFrame, model: type[pa.DataFrameModel]) -> Validation:
    """Validate a collected frame (a LazyFrame would skip the data checks)."""
    try:
        model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        indexes = cases["index"].drop_nulls().unique().sort().to_list() if "index" in cases.columns else []
        failing = df.with_row_index("_row").filter(pl.col("_row").is_in(indexes)).drop("_row")
        return Validation(False, cases, failing)
    return Validation(True, pl.DataFrame(), df.clear())
