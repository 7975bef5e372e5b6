"""Charts of the warehouse for people who would rather look than read, shown on the asset's page."""

import base64
import json
import os
from pathlib import Path

import dagster as dg
import polars as pl

from assets.resources import Warehouse
from assets.views import LAYER, analyst_views
from wirefacts.charts import Chart, build_charts


def chart_folder(warehouse_file: Path) -> Path:
    """Beside the warehouse file, so each warehouse keeps the charts of its own data."""
    return warehouse_file.parent / "charts"


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)  # a viewer sees the old chart or the new one, never half of one


def render_or_reuse(chart: Chart, folder: Path) -> tuple[bytes, bool]:
    """The chart's PNG, and whether it was rendered: the same spec (its data inline) draws the
    same picture, so the files of an unchanged spec are kept."""
    spec = json.dumps(chart.spec, indent=1).encode("utf-8")
    png_file, svg_file, spec_file = (folder / f"{chart.name}{ext}" for ext in (".png", ".svg", ".vl.json"))
    if spec_file.is_file() and spec_file.read_bytes() == spec and png_file.is_file() and svg_file.is_file():
        return png_file.read_bytes(), False
    png = chart.png()
    _write_atomically(png_file, png)
    _write_atomically(svg_file, chart.svg().encode("utf-8"))
    _write_atomically(spec_file, spec)  # last: a spec on disk means its pictures are there
    return png, True


def _embedded(chart: Chart, png: bytes) -> dg.MetadataValue:
    """The PNG inside the Markdown itself: the UI shows it with no file server behind it."""
    return dg.MetadataValue.md(f"![{chart.title}](data:image/png;base64,{base64.b64encode(png).decode()})")


@dg.asset(
    group_name=LAYER,
    kinds={"vega", "svg"},
    deps=[analyst_views],
    pool="duckdb",
    description="Charts rendered offline from the warehouse: stories over time, trade figures by commodity "
    "and country, conflicting reports per story. Vega-Lite specs, SVG and PNG files beside the warehouse; "
    "the PNGs are shown on this page.",
)
def warehouse_charts(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        timeline = pl.from_arrow(con.sql("SELECT * FROM story_timeline").to_arrow_table())
        story_facts = pl.from_arrow(
            con.sql("SELECT fact_type, commodity, country FROM story_facts").to_arrow_table()
        )
    folder = chart_folder(warehouse.file)
    folder.mkdir(parents=True, exist_ok=True)
    metadata: dict[str, dg.MetadataValue] = {"folder": dg.MetadataValue.path(str(folder))}
    charts = build_charts(timeline, story_facts)
    rendered = 0
    for chart in charts:
        png, drawn = render_or_reuse(chart, folder)
        rendered += drawn
        metadata[chart.name] = _embedded(chart, png)
        metadata[f"{chart.name}_svg"] = dg.MetadataValue.path(str(folder / f"{chart.name}.svg"))
    metadata["rendered"] = dg.MetadataValue.int(rendered)
    context.log.info(f"{rendered} of {len(charts)} charts rendered (the others unchanged) in {folder}")
    return dg.MaterializeResult(metadata=metadata)
