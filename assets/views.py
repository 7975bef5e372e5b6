"""Analyst views (warehouse/*.sql) and the read-only copy that readers query during runs."""

import os
import shutil
from pathlib import Path

import dagster as dg
import polars as pl

from assets.metadata import markdown_preview
from assets.resources import Warehouse
from schemas.registry import TABLE_NAMES
from wirefacts.settings import PROJECT_ROOT
from wirefacts.warehouse import published_path, quote_identifier

LAYER = "views"
VIEW_FOLDER = PROJECT_ROOT / "warehouse"


# The stories most widely carried, with how far their reports agree: the page's first table.
TOP_STORIES = """
SELECT headline, first_seen, documents, coalesce(len(outlets), 0) AS outlets, agencies, facts,
       corroborated_figures, conflicts
FROM story_timeline
ORDER BY coalesce(len(outlets), 0) DESC, documents DESC, corroborated_figures DESC, conflicts DESC, story_id
LIMIT 10
"""


def view_files() -> list[Path]:
    return sorted(VIEW_FOLDER.glob("*.sql"))


@dg.asset(
    group_name=LAYER,
    kinds={"duckdb", "sql"},
    deps=list(TABLE_NAMES),  # the views may read any table
    pool="duckdb",
    description="Views for analysts, one per file in warehouse/*.sql: stories, corroborated figures, "
    "official activity, commodity mentions by month.",
)
def analyst_views(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    counts, previews = {}, {}
    with warehouse.connect() as con:
        con.execute("BEGIN TRANSACTION")
        for path in view_files():
            con.execute(path.read_text(encoding="utf-8"))
        con.execute("COMMIT")
        for path in view_files():
            view = quote_identifier(path.stem)
            frame = pl.from_arrow(con.sql(f"SELECT * FROM {view} LIMIT 5").to_arrow_table())
            counts[path.stem] = con.sql(f"SELECT count(*) FROM {view}").fetchall()[0][0]
            previews[f"preview_{path.stem}"] = markdown_preview(frame)
        top = pl.from_arrow(con.sql(TOP_STORIES).to_arrow_table())
        con.execute("CHECKPOINT")
    context.log.info(f"views: {counts}")
    return dg.MaterializeResult(
        metadata={"views": dg.MetadataValue.json(counts), "top_stories": markdown_preview(top), **previews}
    )


@dg.asset(
    group_name=LAYER,
    kinds={"duckdb"},
    deps=[analyst_views],
    pool="duckdb",
    description="A read-only copy of the warehouse, replaced atomically after each run: "
    "`wirefacts sql` and other readers use it so they never hold the lock a run needs.",
)
def published_warehouse(warehouse: Warehouse) -> dg.MaterializeResult:
    live = warehouse.file
    target = published_path(live)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    try:
        with warehouse.connect() as con:
            con.execute("CHECKPOINT")
            shutil.copyfile(live, temporary)
        os.replace(temporary, target)  # readers see the old copy or the new one, never half of one
    finally:
        temporary.unlink(missing_ok=True)  # a copy cut short (a full disk) does not keep its space
    return dg.MaterializeResult(metadata={"path": str(target), "bytes": target.stat().st_size})
