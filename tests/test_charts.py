"""Charts rendered offline from warehouse frames, and the chart asset's files beside the warehouse."""

import json
from datetime import date

import polars as pl

from assets.charts import chart_folder, render_or_reuse
from wirefacts.charts import conflicts_per_story, figures_by_commodity_and_country, stories_over_time

# story_timeline rows of three 1987 Reuters stories over a fortnight, loaded today, one with
# conflicting reports.
TIMELINE = pl.DataFrame(
    {
        "story_id": ["s1", "s2", "s3"],
        "headline": [
            "BANK OF ENGLAND REVISES MONEY MARKET FORECAST",
            "U.S. CORN SOLD TO USSR",
            "JAPAN TRADE",
        ],
        "first_published": [date(1987, 3, 25), date(1987, 3, 25), date(1987, 4, 8)],
        "first_seen": [date(2026, 12, 2)] * 3,
        "documents": [3, 1, 2],
        "conflicts": [2, 0, 0],
    }
)


def test_stories_over_time_counts_stories_per_day_of_first_report_for_a_fortnight_of_news():
    chart = stories_over_time(TIMELINE)
    assert chart.spec["data"]["values"] == [
        {"period": "1987-03-25", "stories": 2, "documents": 4},
        {"period": "1987-04-08", "stories": 1, "documents": 2},
    ]
    assert chart.png().startswith(b"\x89PNG")
    assert "Stories by the first day reported" in chart.svg()


def test_years_of_stories_are_counted_per_month_so_bars_stay_visible():
    dates = [date(1986, 11, 25), date(1986, 11, 2), date(1988, 2, 8)]
    values = stories_over_time(TIMELINE.with_columns(pl.Series("first_published", dates))).spec["data"][
        "values"
    ]
    assert [v["period"] for v in values] == ["1986-11-01", "1988-02-01"]


def test_undated_stories_are_counted_but_not_drawn_at_the_day_they_were_loaded():
    partly = TIMELINE.with_columns(pl.Series("first_published", [date(1987, 3, 25), None, None]))
    chart = stories_over_time(partly)
    assert chart.spec["data"]["values"] == [{"period": "1987-03-25", "stories": 1, "documents": 3}]
    assert chart.spec["title"]["subtitle"] == "2 stories without a dated line not shown"
    undated = stories_over_time(TIMELINE.with_columns(pl.lit(None, pl.Date).alias("first_published")))
    assert undated.spec["data"]["values"] == [{"period": "2026-12-02", "stories": 3, "documents": 6}]


def test_figures_are_counted_by_commodity_and_country_and_unnamed_ones_in_the_subtitle():
    facts = pl.DataFrame(
        {
            "fact_type": ["figure", "figure", "figure", "official"],
            "commodity": ["corn", "corn", None, None],
            "country": ["USA", "USA", "GBR", "USA"],
        }
    )
    chart = figures_by_commodity_and_country(facts)
    assert chart.spec["data"]["values"] == [{"commodity": "corn", "country": "USA", "figures": 2}]
    assert chart.spec["title"]["subtitle"].startswith("1 of 3 figures have no commodity or no country")


def test_only_stories_with_conflicts_are_charted_and_an_empty_chart_says_why():
    values = conflicts_per_story(TIMELINE).spec["data"]["values"]
    assert [(v["story"], v["conflicts"]) for v in values] == [
        ("BANK OF ENGLAND REVISES MONEY MARKET FORECAST (s1)", 2)
    ]
    empty = conflicts_per_story(TIMELINE.with_columns(pl.lit(0).alias("conflicts")))
    assert empty.spec["data"]["values"] == [{"message": "No conflicting reports"}]
    assert "No conflicting reports" in empty.svg()


def test_the_pipeline_writes_every_chart_beside_its_warehouse(seeds_warehouse):
    folder = chart_folder(seeds_warehouse)
    for name in ("stories_over_time", "figures_by_commodity_and_country", "conflicts_per_story"):
        assert (folder / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        assert "<svg" in (folder / f"{name}.svg").read_text(encoding="utf-8")
        assert json.loads((folder / f"{name}.vl.json").read_text(encoding="utf-8"))["data"]["values"]


def test_a_chart_is_rendered_again_only_when_its_spec_changes(tmp_path):
    chart = stories_over_time(TIMELINE)
    png, rendered = render_or_reuse(chart, tmp_path)
    assert rendered and png.startswith(b"\x89PNG")
    assert render_or_reuse(chart, tmp_path) == (png, False)
    later = stories_over_time(TIMELINE.with_columns(pl.col("documents") + 1))
    assert render_or_reuse(later, tmp_path)[1]
    (tmp_path / f"{chart.name}.png").unlink()
    assert render_or_reuse(later, tmp_path)[1]
