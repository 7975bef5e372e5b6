"""Asset checks generated from the pandera models: one per table, showing the failing rows.

A row in the table that breaks its model fails the check with ERROR severity, which blocks
everything downstream. Rows the fact layer moved to quarantined_rows also fail the check, with
WARN severity: the rest of the table loaded and the run goes on, but the UI shows the failure
and names the rows.

A table whose rows, quarantined rows and validating code are what they were when the check last
passed passes again without being read: the check records a fingerprint of the three, and a
rerun with nothing new validates nothing.
"""

import dagster as dg
import duckdb
import pandera
import polars as pl

# The status of a stored check evaluation; dagster does not export it at the top level.
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from assets.metadata import markdown_preview
from assets.resources import Warehouse
from schemas import model_for, validate_frame
from schemas.registry import table as registered_table
from wirefacts.fingerprint import code_version
from wirefacts.warehouse import quote_identifier, read_table, table_names

FINGERPRINT = "fingerprint"


def schema_check(table: str) -> dg.AssetChecksDefinition:
    model = model_for(table)
    key = dg.AssetCheckKey(dg.AssetKey(table), f"{table}_schema")

    @dg.asset_check(
        asset=table,
        name=key.name,
        blocking=True,
        description=f"Every row of {table} satisfies the {model.__name__} pandera model, and no two rows share "
        f"the key ({', '.join(registered_table(table).key)}).",
    )
    def _check(context: dg.AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            fingerprint = table_fingerprint(con, table)
            passed_in = run_that_passed(context, key, fingerprint)
            if passed_in is not None:
                metadata = {
                    "model": model.__name__,
                    FINGERPRINT: fingerprint,
                    "same_rows_passed_in_run": passed_in,
                }
                return dg.AssetCheckResult(passed=True, metadata=metadata)
            frame = read_table(con, table)
            quarantined = (
                read_table(con, "quarantined_rows") if table != "quarantined_rows" else pl.DataFrame()
            )
        outcome = validate_frame(frame, model, registered_table(table).key)
        metadata = {"rows_checked": frame.height, "model": model.__name__, FINGERPRINT: fingerprint}
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


def table_fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The table's rows (as an order-free sum of row hashes), the rows quarantined from it, and
    the version of the code that validates them. A table not written yet has no rows."""
    present = table_names(con)
    rows = f"SELECT count(*), sum(hash(t)::HUGEINT) FROM {quote_identifier(table)} t"
    quarantined = "SELECT count(*), sum(hash(q)::HUGEINT) FROM quarantined_rows q WHERE table_name = ?"
    parts = [code_version(), pandera.__version__]
    parts.append(repr(con.execute(rows).fetchone()) if table in present else "(0, None)")
    if table != "quarantined_rows":
        quarantined_part = (
            con.execute(quarantined, [table]).fetchone() if "quarantined_rows" in present else (0, None)
        )
        parts.append(repr(quarantined_part))
    return "/".join(parts)


def run_that_passed(
    context: dg.AssetCheckExecutionContext, key: dg.AssetCheckKey, fingerprint: str
) -> str | None:
    """The run in which this check last passed, if it validated these very rows then."""
    history = context.instance.event_log_storage.get_asset_check_execution_history(
        key, limit=1, status={AssetCheckExecutionRecordStatus.SUCCEEDED}
    )
    event = history[0].event.dagster_event if history and history[0].event else None
    if event is None:
        return None
    stored = event.event_specific_data.metadata.get(FINGERPRINT)
    return history[0].run_id if stored is not None and stored.value == fingerprint else None
