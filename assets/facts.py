"""The fact layer: officials, meetings, commodities and trade figures, each row with its evidence span."""

from collections.abc import Iterator
from datetime import datetime

import dagster as dg
import polars as pl

from assets.metadata import markdown_preview, table_metadata, table_specs
from pipelines import faults
from pipelines.resources import Warehouse
from schemas import model_for, validate_frame
from schemas.models import polars_schema
from wirefacts.extract.facts import extract_facts

LAYER = "facts"
DESCRIPTIONS = {
    "officials": "One row per person holding or speaking for a public office, resolved across the corpus.",
    "official_mentions": "Every mention of an official, with the title the document gives and its span.",
    "meetings": "Talks, visits, summits and calls, with status, place, date and evidence.",
    "meeting_participants": "Who took part in each meeting.",
    "commodity_mentions": "Every commodity mention, canonical name and category.",
    "trade_figures": "Trade, production, stock, price, share and tariff figures with unit, direction and context.",
    "quarantined_rows": "Rows that broke a schema rule, kept with the table and the rule instead of dropped.",
}


def quarantine(
    tables: dict[str, pl.DataFrame], now: datetime
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Move rows that break their table's pandera rules into quarantine; the rest of each table loads."""
    kept, quarantined = {}, []
    for name, frame in tables.items():
        outcome = validate_frame(frame, model_for(name))
        if outcome.passed:
            kept[name] = frame
            continue
        cases = outcome.failure_cases.filter(pl.col("index").is_not_null())
        rules = cases.group_by("index").agg(
            pl.concat_str("column", pl.lit(": "), "check").unique().str.join("; ").alias("rule")
        )
        bad = frame.with_row_index("index").join(
            rules.with_columns(pl.col("index").cast(pl.UInt32)), on="index"
        )
        kept[name] = (
            frame.with_row_index("index").join(bad.select("index"), on="index", how="anti").drop("index")
        )
        quarantined.append(
            bad.select(
                pl.lit(name).alias("table_name"),
                (pl.col("doc_id") if "doc_id" in bad.columns else pl.lit(None, dtype=pl.String)).alias(
                    "doc_id"
                ),
                "rule",
                pl.struct(pl.exclude("index", "rule")).struct.json_encode().alias("row_json"),
                pl.lit(now).alias("quarantined_at"),
            )
        )
    schema = polars_schema("quarantined_rows")
    return kept, pl.concat(quarantined).cast(dict(schema)) if quarantined else pl.DataFrame(schema=schema)


@dg.multi_asset(specs=table_specs(DESCRIPTIONS, LAYER, deps=["documents", "story_clusters"]), pool="duckdb")
def fact_tables(context: dg.AssetExecutionContext, warehouse: Warehouse) -> Iterator[dg.MaterializeResult]:
    """Rule-based extraction over every document body; invalid rows go to quarantined_rows."""
    now = datetime.now().replace(microsecond=0)
    with warehouse.connect() as con:
        docs = con.execute("SELECT doc_id, body, published_on FROM documents ORDER BY doc_id").fetchall()
        tables, quarantined = quarantine(faults.add_bad_row_if_requested(extract_facts(docs)), now)
        warehouse.write(con, {**tables, "quarantined_rows": quarantined})
    previews = {
        "officials": ["name", "title", "country", "documents"],
        "meetings": ["kind", "status", "what", "location", "date_text", "evidence"],
        "trade_figures": ["value", "unit", "direction", "metric", "commodity", "country", "evidence"],
    }
    for name, frame in tables.items():
        metadata = table_metadata(name, frame, previews.get(name))
        metadata["quarantined"] = quarantined.filter(pl.col("table_name") == name).height
        yield dg.MaterializeResult(asset_key=name, metadata=metadata)
    yield dg.MaterializeResult(
        asset_key="quarantined_rows",
        metadata={
            **table_metadata("quarantined_rows", quarantined),
            "by_table": markdown_preview(quarantined.group_by("table_name", "rule").len()),
        },
    )
    context.log.info(", ".join(f"{n}: {f.height}" for n, f in tables.items()))
