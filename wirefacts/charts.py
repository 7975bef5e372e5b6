"""Charts of the warehouse as Vega-Lite specs, rendered offline to SVG and PNG.

Each chart is a plain Vega-Lite spec with its data inlined, so the files stand alone: nothing is
fetched when they are viewed. vl-convert renders them with its bundled Vega engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import vl_convert

VEGA_LITE = "https://vega.github.io/schema/vega-lite/v5.json"  # the schema id only; never fetched
WIDTH = 720
TOP_COMMODITIES = 15
TOP_COUNTRIES = 15
TOP_STORIES = 20
LABEL_CHARS = 60
# Bars per day for a few weeks of news, per week for a few months, per month beyond: a bar for
# every day of a year would be too thin to see.
TIME_BINS = [
    (45, "day", "1d", "yearmonthdate"),
    (400, "week", "1w", "yearweek"),
    (10**6, "month", "1mo", "yearmonth"),
]


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    spec: dict

    def svg(self) -> str:
        return vl_convert.vegalite_to_svg(self.spec)

    def png(self) -> bytes:
        return vl_convert.vegalite_to_png(self.spec, scale=2)


def _spec(title: str, rows: list[dict], **chart: object) -> dict:
    return {"$schema": VEGA_LITE, "title": title, "width": WIDTH, "data": {"values": rows}, **chart}


def _nothing_to_show(name: str, title: str, message: str) -> Chart:
    """An empty warehouse still gets its chart, saying why it is empty rather than a blank frame."""
    spec = _spec(title, [{"message": message}], height=60, mark={"type": "text", "fontSize": 14},
                 encoding={"text": {"field": "message"}})  # fmt: skip
    return Chart(name, title, spec)


def stories_over_time(timeline: pl.DataFrame) -> Chart:
    """timeline: the story_timeline view (first_seen, documents). Stories and documents per period."""
    name, title = "stories_over_time", "Stories by the first day seen"
    if timeline.is_empty():
        return _nothing_to_show(name, title, "No stories yet")
    span_days = (timeline["first_seen"].max() - timeline["first_seen"].min()).days
    unit, every, time_unit = next(b[1:] for b in TIME_BINS if span_days <= b[0])
    per_bin = (
        timeline.group_by(pl.col("first_seen").dt.truncate(every))
        .agg(pl.len().alias("stories"), pl.col("documents").sum().alias("documents"))
        .sort("first_seen")
        .with_columns(pl.col("first_seen").cast(pl.String))
    )
    spec = _spec(
        f"{title}, per {unit}",
        per_bin.to_dicts(),
        height=260,
        mark={"type": "bar", "tooltip": True},
        encoding={
            "x": {"field": "first_seen", "type": "temporal", "timeUnit": time_unit, "title": "first seen"},
            "y": {"field": "stories", "type": "quantitative", "title": "stories", "axis": {"tickMinStep": 1}},
            "tooltip": [{"field": "first_seen"}, {"field": "stories"}, {"field": "documents"}],
        },
    )
    return Chart(name, title, spec)


def figures_by_commodity_and_country(story_facts: pl.DataFrame) -> Chart:
    """story_facts: figure rows. Distinct story figures per commodity and country, as a heat map of
    the commonest of each (a figure with no commodity or country is counted under "none")."""
    name, title = "figures_by_commodity_and_country", "Trade figures by commodity and country"
    figures = story_facts.filter(pl.col("fact_type") == "figure").select(
        pl.col("commodity").fill_null("none"), pl.col("country").fill_null("none")
    )
    if figures.is_empty():
        return _nothing_to_show(name, title, "No trade figures yet")
    top_commodities = figures["commodity"].value_counts(sort=True).head(TOP_COMMODITIES)["commodity"]
    top_countries = figures["country"].value_counts(sort=True).head(TOP_COUNTRIES)["country"]
    cells = (
        figures.filter(pl.col("commodity").is_in(top_commodities) & pl.col("country").is_in(top_countries))
        .group_by("commodity", "country")
        .len("figures")
        .sort("commodity", "country")
    )
    spec = _spec(
        title,
        cells.to_dicts(),
        height={"step": 22},
        mark={"type": "rect", "tooltip": True},
        encoding={
            "x": {"field": "country", "type": "nominal", "sort": top_countries.to_list(), "title": "country"},
            "y": {
                "field": "commodity",
                "type": "nominal",
                "sort": top_commodities.to_list(),
                "title": "commodity",
            },
            "color": {"field": "figures", "type": "quantitative", "title": "figures"},
        },
    )
    spec["width"] = {"step": 36}
    return Chart(name, title, spec)


def conflicts_per_story(timeline: pl.DataFrame) -> Chart:
    """timeline: the story_timeline view (headline, conflicts). The stories with most conflicts."""
    name, title = "conflicts_per_story", "Conflicting reports per story"
    stories = (
        timeline.filter(pl.col("conflicts") > 0)
        .sort(["conflicts", "story_id"], descending=[True, False])
        .head(TOP_STORIES)
        .select(
            pl.col("story_id"),
            # the id keeps two stories with one headline apart
            pl.concat_str(
                pl.col("headline").fill_null("").str.slice(0, LABEL_CHARS),
                pl.lit(" ("),
                pl.col("story_id").str.slice(0, 8),
                pl.lit(")"),
            ).alias("story"),
            pl.col("conflicts"),
            pl.col("documents"),
        )
    )
    if stories.is_empty():
        return _nothing_to_show(name, title, "No conflicting reports")
    spec = _spec(
        title,
        stories.to_dicts(),
        height={"step": 20},
        mark={"type": "bar", "tooltip": True},
        encoding={
            "y": {"field": "story", "type": "nominal", "sort": "-x", "title": None},
            "x": {
                "field": "conflicts",
                "type": "quantitative",
                "title": "conflicts",
                "axis": {"tickMinStep": 1},
            },
            "tooltip": [{"field": "story"}, {"field": "conflicts"}, {"field": "documents"}],
        },
    )
    spec["width"] = WIDTH // 2
    return Chart(name, title, spec)


def build_charts(timeline: pl.DataFrame, story_facts: pl.DataFrame) -> list[Chart]:
    return [
        stories_over_time(timeline),
        figures_by_commodity_and_country(story_facts),
        conflicts_per_story(timeline),
    ]
