"""Story-level facts: who reported each fact of a story, where reports agree, and where they conflict."""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from assets.metadata import markdown_preview, table_metadata, table_specs
from assets.resources import Warehouse
from assets.reuse import REPORT_VERSIONS, kept_results, step_inputs
from wirefacts.story_facts import build_story_facts
from wirefacts.warehouse import read_table

SOURCES = ["story_clusters", "documents", "officials", "official_mentions", "meetings", "meeting_participants",
           "commodity_mentions", "trade_figures"]  # fmt: skip


@dg.multi_asset(specs=table_specs("story_facts", deps=SOURCES), pool="duckdb")
def story_fact_tables(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> Iterator[dg.MaterializeResult]:
    """Group every story's per-document facts into story facts and compare the reports."""
    with warehouse.connect() as con:
        # the facts and stories follow from the documents and the code; outlets and credits can
        # change without the text (a new outlets.csv)
        inputs = step_inputs(con, "story_facts", REPORT_VERSIONS)
        if inputs.unchanged(con):
            context.log.info("no document changed since the story facts were built: kept as they are")
            yield from kept_results(con, inputs)
            return
        tables = build_story_facts(
            read_table(con, "story_clusters"),
            pl.from_arrow(
                con.sql(
                    "SELECT doc_id, body, outlet, credited_agencies, published_on, ingested_at FROM documents"
                ).to_arrow_table()
            ),
            read_table(con, "official_mentions"),
            read_table(con, "officials"),
            read_table(con, "meetings"),
            read_table(con, "meeting_participants"),
            read_table(con, "commodity_mentions"),
            read_table(con, "trade_figures"),
        )
        warehouse.write(con, {**tables, **inputs.record(con)})
    facts, conflicts = tables["story_facts"], tables["fact_conflicts"]
    context.log.info(f"{facts.height} story facts, {conflicts.height} conflicts")
    corroborated = facts.filter(pl.col("document_count") >= 2).sort(
        "outlet_count", "document_count", descending=True
    )
    yield dg.MaterializeResult(
        asset_key="story_facts",
        metadata={
            **table_metadata(
                "story_facts",
                corroborated,
                [
                    "fact_type",
                    "label",
                    "document_count",
                    "outlet_count",
                    "agencies",
                    "first_seen",
                    "has_conflict",
                ],
            ),
            "dagster/row_count": facts.height,
            **inputs.metadata(True),
            "by_type": markdown_preview(facts.group_by("fact_type").len().sort("fact_type")),
            "reported_by_two_or_more_documents": corroborated.height,
        },
    )
    yield dg.MaterializeResult(
        asset_key="story_fact_reports",
        metadata=table_metadata(
            "story_fact_reports", tables["story_fact_reports"], ["doc_id", "outlet", "value", "evidence"]
        ),
    )
    yield dg.MaterializeResult(
        asset_key="fact_conflicts",
        metadata={
            **table_metadata(
                "fact_conflicts",
                conflicts,
                ["attribute", "label", "outlet", "reported", "other_outlet", "other_reported"],
            ),
            "by_attribute": markdown_preview(conflicts.group_by("fact_type", "attribute").len()),
        },
    )
