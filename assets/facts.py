"""The fact layer: officials, meetings, commodities and trade figures, each row with its evidence span."""

from collections.abc import Iterator
from dataclasses import fields
from datetime import datetime
from typing import get_type_hints

import dagster as dg
import polars as pl
import pydantic

from assets import faults
from assets.metadata import markdown_preview, table_metadata, table_specs
from assets.resources import Warehouse
from assets.reuse import DOCUMENT_VERSIONS, kept_results, step_inputs
from schemas import model_for, validate_frame
from schemas.models import polars_schema
from schemas.registry import table as registered_table
from schemas.validate import ROW
from wirefacts import settings as run_settings
from wirefacts.extract.document_facts import store_schema
from wirefacts.extract.facts import FACTS_STORE, extract, store_version
from wirefacts.extract.settings import ExtractionSettings
from wirefacts.warehouse import read_table

# The launchpad's config of the facts step: ExtractionSettings' fields with their defaults.
ExtractionConfig = pydantic.create_model(
    "ExtractionConfig",
    __base__=dg.Config,
    **{f.name: (get_type_hints(ExtractionSettings)[f.name], f.default) for f in fields(ExtractionSettings)},
)


def quarantine(
    tables: dict[str, pl.DataFrame], now: datetime
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Move rows that break their table's pandera rules into quarantine; the rest of each table loads."""
    kept, quarantined = {}, []
    for name, frame in tables.items():
        outcome = validate_frame(frame, model_for(name), registered_table(name).key)
        kept[name] = outcome.kept(frame)
        bad = outcome.failing_rows
        if bad.is_empty():
            continue
        doc_id = pl.col("doc_id") if "doc_id" in bad.columns else pl.lit(None, dtype=pl.String)
        quarantined.append(
            bad.select(
                pl.lit(name).alias("table_name"),
                doc_id.alias("doc_id"),
                "rule",
                pl.struct(pl.exclude(ROW, "rule")).struct.json_encode().alias("row_json"),
                pl.lit(now).alias("quarantined_at"),
            )
        )
    schema = polars_schema("quarantined_rows")
    return kept, pl.concat(quarantined).cast(dict(schema)) if quarantined else pl.DataFrame(schema=schema)


@dg.multi_asset(specs=table_specs("facts", deps=["documents", "story_clusters"]), pool="duckdb")
def fact_tables(
    context: dg.AssetExecutionContext, warehouse: Warehouse, config: ExtractionConfig
) -> Iterator[dg.MaterializeResult]:
    """Rule-based extraction over every document body; invalid rows go to quarantined_rows."""
    now = datetime.now().replace(microsecond=0)
    settings = ExtractionSettings(**config.model_dump())
    with warehouse.connect() as con:
        inputs = step_inputs(con, "facts", DOCUMENT_VERSIONS, faults.bad_row_requested(), repr(settings))
        if inputs.unchanged(con):
            context.log.info("no document changed since the facts were extracted: kept as they are")
            yield from kept_results(con, inputs)
            return
        docs = con.execute("SELECT doc_id, body, published_on FROM documents ORDER BY doc_id").fetchall()
        workers = run_settings.workers()
        extraction = extract(docs, settings, read_table(con, FACTS_STORE, store_schema()), workers)
        tables, quarantined = quarantine(faults.add_bad_row_if_requested(extraction.tables), now)
        warehouse.write(
            con,
            {**tables, "quarantined_rows": quarantined, FACTS_STORE: extraction.store, **inputs.record(con)},
        )
    context.log.info(
        f"{extraction.read} of {len(docs)} documents read, {extraction.linked} linked, in {workers} worker(s); "
        "the others' facts were kept from earlier runs"
    )
    work = {
        "facts_version": store_version(settings),
        "documents_read": extraction.read,
        "documents_linked": extraction.linked,
        "workers": workers,
    }
    previews = {
        "officials": ["name", "title", "country", "documents"],
        "meetings": ["kind", "status", "what", "location", "date_text", "evidence"],
        "trade_figures": ["value", "unit", "direction", "metric", "commodity", "country", "evidence"],
    }
    for name, frame in tables.items():
        metadata = table_metadata(name, frame, previews.get(name))
        metadata["quarantined"] = quarantined.filter(pl.col("table_name") == name).height
        metadata |= inputs.metadata(True) | work
        yield dg.MaterializeResult(asset_key=name, metadata=metadata)
    yield dg.MaterializeResult(
        asset_key="quarantined_rows",
        metadata={
            **table_metadata("quarantined_rows", quarantined),
            "by_table": markdown_preview(quarantined.group_by("table_name", "rule").len()),
        },
    )
    context.log.info(", ".join(f"{n}: {f.height}" for n, f in tables.items()))
