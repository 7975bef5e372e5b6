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


def _spec(title: str, frame: pl.DataFrame, mark: str, encoding: dict, width: object, height: object) -> dict:
    """A chart of one mark over the frame's rows, inlined: the spec alone draws it."""
    return {"$schema": VEGA_LITE, "title": title, "width": width, "height": height,
            "data": {"values": frame.to_dicts()}, "mark": {"type": mark, "tooltip": True}, "encoding": encoding}  # fmt: skip


def _nothing_to_show(name: str, title: str, message: str) -> Chart:
    """An empty warehouse still gets its chart, saying why it is empty rather than a blank frame."""
    spec = _spec(
        title, pl.DataFrame({"message": [message]}), "text", {"text": {"field": "message"}}, WIDTH, 60
    )
    spec["mark"]["fontSize"] = 14
    return Chart(name, title, spec)


def _subtitle(spec: dict, text: str | None) -> dict:
    if text:
        spec["title"] = {"text": spec["title"], "subtitle": text}
    return spec


def stories_over_time(timeline: pl.DataFrame) -> Chart:
    """timeline: the story_timeline view (first_published, first_seen, documents). Stories per
    period of their first dated report. The day a file was loaded says nothing about when the news
    broke, so undated stories are counted in the subtitle, not drawn; only when no story has a date
    are they drawn by the day they were loaded."""
    name, title = "stories_over_time", "Stories by the first day reported"
    if timeline.is_empty():
        return _nothing_to_show(name, title, "No stories yet")
    dated = timeline.filter(pl.col("first_published").is_not_null())
    if dated.is_empty():
        day, note = "first_seen", "no story has a dated line: drawn by the day its files were loaded"
        dated = timeline
    else:
        undated = timeline.height - dated.height
        day, note = (
            "first_published",
            f"{undated:,} stories without a dated line not shown" if undated else None,
        )
    span_days = (dated[day].max() - dated[day].min()).days
    unit, every, time_unit = next(b[1:] for b in TIME_BINS if span_days <= b[0])
    per_bin = (
        dated.group_by(pl.col(day).dt.truncate(every).alias("period"))
        .agg(pl.len().alias("stories"), pl.col("documents").sum().alias("documents"))
        .sort("period")
        .with_columns(pl.col("period").cast(pl.String))
    )
    spec = _spec(
        f"{title}, per {unit}",
        per_bin,
        "bar",
        width=WIDTH,
        height=260,
        encoding={
            "x": {
                "field": "period",
                "type": "temporal",
                "timeUnit": time_unit,
                "title": f"{unit} of first report",
            },
            "y": {"field": "stories", "type": "quantitative", "title": "stories", "axis": {"tickMinStep": 1}},
            "tooltip": [{"field": "period"}, {"field": "stories"}, {"field": "documents"}],
        },
    )
    return Chart(name, title, _subtitle(spec, note))


def figures_by_commodity_and_country(story_facts: pl.DataFrame) -> Chart:
    """story_facts: figure rows. Distinct story figures per commodity and country, as a heat map of
    the commonest of each. Figures with no commodity or no country are counted in the subtitle: as
    a row or column of their own they would outweigh every named cell."""
    name, title = "figures_by_commodity_and_country", "Trade figures by commodity and country"
    figures = story_facts.filter(pl.col("fact_type") == "figure").select("commodity", "country")
    named = figures.drop_nulls()
    if named.is_empty():
        return _nothing_to_show(name, title, "No trade figures with a commodity and a country yet")
    top_commodities = named["commodity"].value_counts(sort=True).head(TOP_COMMODITIES)["commodity"].to_list()
    top_countries = named["country"].value_counts(sort=True).head(TOP_COUNTRIES)["country"].to_list()
    cells = (
        named.filter(pl.col("commodity").is_in(top_commodities) & pl.col("country").is_in(top_countries))
        .group_by("commodity", "country")
        .len("figures")
        .sort("commodity", "country")
    )
    spec = _spec(
        title,
        cells,
        "rect",
        width={"step": 36},
        height={"step": 22},
        encoding={
            "x": {"field": "country", "type": "nominal", "sort": top_countries, "title": "country"},
            "y": {
                "field": "commodity",
                "type": "nominal",
                "sort": top_commodities,
                "title": "commodity",
            },
            "color": {"field": "figures", "type": "quantitative", "title": "figures"},
        },
    )
    unnamed = figures.height - named.height
    note = f"{unnamed:,} of {figures.height:,} figures have no commodity or no country and are not shown"
    return Chart(name, title, _subtitle(spec, note if unnamed else None))


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
        stories.drop("story_id"),
        "bar",
        width=WIDTH // 2,
        height={"step": 20},
        encoding={
            "y": {
                "field": "story",
                "type": "nominal",
                "sort": "-x",
                "title": None,
                "axis": {"labelLimit": 520},
            },
            "x": {
                "field": "conflicts",
                "type": "quantitative",
                "title": "conflicts",
                "axis": {"tickMinStep": 1},
            },
            "tooltip": [{"field": "story"}, {"field": "conflicts"}, {"field": "documents"}],
        },
    )
    return Chart(name, title, spec)


def build_charts(timeline: pl.DataFrame, story_facts: pl.DataFrame) -> list[Chart]:
    return [
        stories_over_time(timeline),
        figures_by_commodity_and_country(story_facts),
        conflicts_per_story(timeline),
    ]
