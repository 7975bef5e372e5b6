"""Asset checks generated from the pandera models: one per table, showing the failing rows.

A row in the table that breaks its model fails the check with ERROR severity, which blocks
everything downstream. Rows the fact layer moved to quarantined_rows also fail the check, with
WARN severity: the rest of the table loaded and the run goes on, but the UI shows the failure
and names the rows.

The checks of the tables one step writes run together, in one step with one connection: each
check is still its own result in the UI, and one can be run alone.

A table whose rows, quarantined rows and validating code are what they were when its check last
passed passes again without being read: the check records a fingerprint of the three, and a
rerun with nothing new validates nothing.
"""

from collections.abc import Iterator
from functools import partial

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
from schemas.registry import written_by
from wirefacts.fingerprint import code_version
from wirefacts.warehouse import quote_identifier, read_table, table_names

FINGERPRINT = "fingerprint"


def schema_checks(step: str) -> dg.AssetChecksDefinition:
    """The checks of every table the step writes, named `<table>_schema`."""
    specs = [
        dg.AssetCheckSpec(
            name=f"{t.name}_schema",
            asset=t.name,
            blocking=True,
            description=f"Every row of {t.name} satisfies the {t.model.__name__} pandera model, and no two "
            f"rows share the key ({', '.join(t.key)}).",
        )
        for t in written_by(step)
    ]

    @dg.multi_asset_check(specs=specs, name=f"{step}_tables_schema", can_subset=True)
    def _checks(
        context: dg.AssetCheckExecutionContext, warehouse: Warehouse
    ) -> Iterator[dg.AssetCheckResult]:
        with warehouse.connect(read_only=True) as con:
            for spec in specs:
                if spec.key in context.selected_asset_check_keys:
                    yield check_table(context, con, spec.key)

    return _checks


def check_table(
    context: dg.AssetCheckExecutionContext, con: duckdb.DuckDBPyConnection, key: dg.AssetCheckKey
) -> dg.AssetCheckResult:
    table = key.asset_key.to_user_string()
    model = model_for(table)
    result = partial(dg.AssetCheckResult, asset_key=key.asset_key, check_name=key.name)
    fingerprint = table_fingerprint(con, table)
    passed_in = run_that_passed(context, key, fingerprint)
    if passed_in is not None:
        return result(
            passed=True,
            metadata={
                "model": model.__name__,
                FINGERPRINT: fingerprint,
                "same_rows_passed_in_run": passed_in,
            },
        )
    frame = read_table(con, table)
    outcome = validate_frame(frame, model, registered_table(table).key)
    metadata = {"rows_checked": frame.height, "model": model.__name__, FINGERPRINT: fingerprint}
    if not outcome.passed:
        metadata |= {
            "failing_rows_count": outcome.failing_rows.height,
            "failure_cases": markdown_preview(outcome.failure_cases, rows=20),
            "failing_rows": markdown_preview(outcome.failing_rows, rows=20),
        }
        return result(passed=False, severity=dg.AssetCheckSeverity.ERROR, metadata=metadata)
    quarantined = read_table(con, "quarantined_rows") if table != "quarantined_rows" else pl.DataFrame()
    if "table_name" in quarantined.columns:
        mine = quarantined.filter(pl.col("table_name") == table)
        if mine.height:
            metadata |= {
                "quarantined_rows_count": mine.height,
                "quarantined_rows": markdown_preview(mine.select("doc_id", "rule", "row_json"), rows=20),
            }
            return result(passed=False, severity=dg.AssetCheckSeverity.WARN, metadata=metadata)
    return result(passed=True, metadata=metadata)


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
