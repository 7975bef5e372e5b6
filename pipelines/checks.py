"""Asset checks generated from the pandera models: one per table, showing the failing rows.

A row in the table that breaks its model fails the check with ERROR severity, which blocks
everything downstream. Rows the fact layer moved to quarantined_rows also fail the check, with
WARN severity: the rest of the table loaded and the run goes on, but the UI shows the failure
and names the rows.
"""

from __future__ import annotations

import dagster as dg
import polars as pl

from assets.metadata import markdown_preview
from assets.resources import Warehouse
from schemas import model_for, validate_frame
from schemas.registry import table as registered_table
from wirefacts.warehouse import read_table


def schema_check(table: str) -> dg.AssetChecksDefinition:
    model = model_for(table)

    @dg.asset_check(
        asset=table,
        name=f"{table}_schema",
        blocking=True,
        description=f"Every row of {table} satisfies the {model.__name__} pandera model, and no two rows share "
        f"the key ({', '.join(registered_table(table).key)}).",
    )
    def _check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            frame = read_table(con, table)
            quarantined = (
                read_table(con, "quarantined_rows") if table != "quarantined_rows" else pl.DataFrame()
            )
        outcome = validate_frame(frame, model, registered_table(table).key)
        metadata = {"rows_checked": frame.height, "model": model.__name__}
        if not outcome.passed:
            metadata |= {
                "failing_rows_count": outcome.failing_rows.height,
                "failure_cases": markdown_preview(outcome.failure_cases, rows=20),
                "failing_rows": markdown_preview(outcome.failing_rows, rows=20),
            }
            return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR, metadata=metadata)
        if "table_name" in quarantined.columns:
            mine = quarantined.filter(pl.col("table_name") == table)
            if mine.height:
                metadata |= {
                    "quarantined_rows_count": mine.height,
                    "quarantined_rows": markdown_preview(mine.select("doc_id", "rule", "row_json"), rows=20),
                }
                return dg.AssetCheckResult(
                    passed=False, severity=dg.AssetCheckSeverity.WARN, metadata=metadata
                )
        return dg.AssetCheckResult(passed=True, metadata=metadata)

    return _check
