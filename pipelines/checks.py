"""Blocking asset checks generated from the pandera models: one per table, showing failing rows."""

from __future__ import annotations

import dagster as dg

from assets.metadata import markdown_preview
from pipelines.resources import Warehouse
from schemas import model_for, validate_frame
from wirefacts.warehouse import read_table


def schema_check(table: str) -> dg.AssetChecksDefinition:
    model = model_for(table)

    @dg.asset_check(
        asset=table,
        name=f"{table}_schema",
        blocking=True,
        description=f"Every row of {table} satisfies the {model.__name__} pandera model.",
    )
    def _check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            frame = read_table(con, table)
        outcome = validate_frame(frame, model)
        metadata = {"rows_checked": frame.height, "model": model.__name__}
        if not outcome.passed:
            metadata |= {
                "failing_rows_count": outcome.failing_rows.height,
                "failure_cases": markdown_preview(outcome.failure_cases, rows=20),
                "failing_rows": markdown_preview(outcome.failing_rows, rows=20),
            }
        return dg.AssetCheckResult(passed=outcome.passed, metadata=metadata)

    return _check
