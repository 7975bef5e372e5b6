"""Validation that keeps the failing rows and the rules they broke, so checks can show them and
the fact layer can quarantine them instead of failing on a stack trace."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

ROW = "_row"


@dataclass(frozen=True)
class Validation:
    passed: bool
    failure_cases: pl.DataFrame  # pandera's report: column, check, failure_case, index
    failing_rows: pl.DataFrame  # the rows of the table that broke a rule, with a `rule` column naming them

    def kept(self, df: pl.DataFrame) -> pl.DataFrame:
        """The rows of df that broke no rule."""
        return df.with_row_index(ROW).join(self.failing_rows.select(ROW), on=ROW, how="anti").drop(ROW)


def validate_frame(df: pl.DataFrame, model: type[pa.DataFrameModel], key: tuple[str, ...] = ()) -> Validation:
    """Validate a collected frame (a LazyFrame would skip the data checks) against the model's
    rules and, when a key is given, against repeated keys."""
    cases = pl.DataFrame(schema={"index": pl.Int64, "column": pl.String, "check": pl.String})
    passed = True
    try:
        model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        passed, cases = False, exc.failure_cases
    rules = cases.filter(pl.col("index").is_not_null()).select(
        pl.col("index").cast(pl.UInt32).alias(ROW),
        pl.concat_str("column", pl.lit(": "), "check").alias("rule"),
    )
    if key and df.height:
        repeated = df.with_row_index(ROW).filter(pl.struct(key).is_duplicated())
        if repeated.height:
            passed = False
            rules = pl.concat(
                [rules, repeated.select(ROW, pl.lit(f"key ({', '.join(key)}): repeated").alias("rule"))]
            )
    by_row = rules.group_by(ROW).agg(pl.col("rule").unique().sort().str.join("; "))
    failing = df.with_row_index(ROW).join(by_row, on=ROW).sort(ROW)
    return Validation(passed, cases, failing)
