"""The story layer: one story per wire report, however many outlets reprinted or rewrote it."""

import dagster as dg
import polars as pl

from assets.metadata import markdown_preview, table_metadata, table_specs
from assets.resources import Warehouse
from assets.reuse import DOCUMENT_VERSIONS, kept_results, step_inputs
from wirefacts import settings
from wirefacts.dedup.stories import BAND_SCHEMA, PAIR_SCHEMA, SIGNATURE_SCHEMA, group_stories
from wirefacts.dedup.text_features import STORE_SCHEMA, TEXT_FEATURES
from wirefacts.warehouse import read_table


@dg.multi_asset(specs=table_specs("stories", deps=["documents"]), pool="duckdb")
def story_tables(context: dg.AssetExecutionContext, warehouse: Warehouse):  # noqa: ANN201 - yields results
    """Exact hash, MinHash/LSH near duplicates and same-story rewrites, clustered without chaining."""
    with warehouse.connect() as con:
        inputs = step_inputs(con, "stories", DOCUMENT_VERSIONS)
        if inputs.unchanged(con):
            context.log.info("no document changed since the stories were grouped: kept as they are")
            yield from kept_results(con, inputs)
            return
        docs = pl.from_arrow(
            con.sql(
                "SELECT doc_id, title, body, published_on, word_count FROM documents ORDER BY doc_id"
            ).to_arrow_table()
        )
        workers = settings.workers()
        result = group_stories(
            docs,
            read_table(con, "minhash_signatures", SIGNATURE_SCHEMA),
            read_table(con, "lsh_bands", BAND_SCHEMA),
            read_table(con, "duplicate_pairs", PAIR_SCHEMA),
            known_features=read_table(con, TEXT_FEATURES, STORE_SCHEMA),
            workers=workers,
            reuse_decisions=inputs.same_code(con),
        )
        tables = {
            "story_clusters": result.story_clusters,
            "duplicate_pairs": result.duplicate_pairs,
            "minhash_signatures": result.minhash_signatures,
            "lsh_bands": result.lsh_bands,
        }
        warehouse.write(con, {**tables, TEXT_FEATURES: result.text_features, **inputs.record(con)})
        largest = pl.from_arrow(
            con.sql(
                """SELECT c.story_id, count(*) AS documents, any_value(d.title) FILTER (WHERE c.is_canonical) AS headline,
                          string_agg(DISTINCT c.relation, ', ') AS relations
                   FROM story_clusters c JOIN documents d USING (doc_id)
                   GROUP BY c.story_id ORDER BY documents DESC, c.story_id LIMIT 10"""
            ).to_arrow_table()
        )
    clusters = result.story_clusters
    by_relation = clusters.group_by("relation").len().sort("relation")
    context.log.info(
        f"{clusters['story_id'].n_unique()} stories from {clusters.height} documents; "
        f"{result.described} texts described in {workers} worker(s), the others' features kept; "
        f"{result.scored} candidate pairs scored, the others' parts kept"
    )
    yield dg.MaterializeResult(
        asset_key="story_clusters",
        metadata={
            **table_metadata("story_clusters", clusters),
            **inputs.metadata(True),
            "texts_described": result.described,
            "pairs_scored": result.scored,
            "workers": workers,
            "stories": clusters["story_id"].n_unique(),
            **{f"documents_{r}": n for r, n in by_relation.iter_rows()},
            "largest_stories": markdown_preview(largest),
        },
    )
    pairs = result.duplicate_pairs
    yield dg.MaterializeResult(
        asset_key="duplicate_pairs",
        metadata={
            **table_metadata("duplicate_pairs", pairs.sort("similarity", descending=True)),
            "pairs_by_relation": markdown_preview(
                pairs.group_by("relation", "merged").len().sort("relation")
            ),
        },
    )
    for name in ("minhash_signatures", "lsh_bands"):
        yield dg.MaterializeResult(asset_key=name, metadata={"dagster/row_count": tables[name].height})
