"""Charts rendered offline from warehouse frames, and the chart asset's files beside the warehouse."""

import json
from datetime import date

import polars as pl

from assets.charts import chart_folder
from wirefacts.charts import conflicts_per_story, figures_by_commodity_and_country, stories_over_time

# story_timeline rows of three 1987 Reuters stories over a fortnight, one with conflicting reports.
TIMELINE = pl.DataFrame(
    {
        "story_id": ["s1", "s2", "s3"],
        "headline": [
            "BANK OF ENGLAND REVISES MONEY MARKET FORECAST",
            "U.S. CORN SOLD TO USSR",
            "JAPAN TRADE",
        ],
        "first_seen": [date(1987, 3, 25), date(1987, 3, 25), date(1987, 4, 8)],
        "documents": [3, 1, 2],
        "conflicts": [2, 0, 0],
    }
)


def test_stories_over_time_counts_stories_per_day_for_a_fortnight_of_news():
    chart = stories_over_time(TIMELINE)
    assert chart.spec["data"]["values"] == [
        {"first_seen": "1987-03-25", "stories": 2, "documents": 4},
        {"first_seen": "1987-04-08", "stories": 1, "documents": 2},
    ]
    assert chart.png().startswith(b"\x89PNG")
    assert "Stories by the first day seen" in chart.svg()


def test_years_of_stories_are_counted_per_month_so_bars_stay_visible():
    year = TIMELINE.with_columns(
        pl.Series("first_seen", [date(1986, 11, 25), date(1986, 11, 2), date(1988, 2, 8)])
    )
    values = stories_over_time(year).spec["data"]["values"]
    assert [v["first_seen"] for v in values] == ["1986-11-01", "1988-02-01"]


def test_figures_are_counted_by_commodity_and_country_with_missing_ones_named():
    facts = pl.DataFrame(
        {
            "fact_type": ["figure", "figure", "figure", "official"],
            "commodity": ["corn", "corn", None, None],
            "country": ["USA", "USA", "GBR", "USA"],
        }
    )
    cells = figures_by_commodity_and_country(facts).spec["data"]["values"]
    assert sorted(cells, key=json.dumps) == sorted(
        [
            {"commodity": "corn", "country": "USA", "figures": 2},
            {"commodity": "none", "country": "GBR", "figures": 1},
        ],
        key=json.dumps,
    )


def test_only_stories_with_conflicts_are_charted_and_an_empty_chart_says_why():
    values = conflicts_per_story(TIMELINE).spec["data"]["values"]
    assert [(v["story"], v["conflicts"]) for v in values] == [
        ("BANK OF ENGLAND REVISES MONEY MARKET FORECAST (s1)", 2)
    ]
    empty = conflicts_per_story(TIMELINE.with_columns(pl.lit(0).alias("conflicts")))
    assert empty.spec["data"]["values"] == [{"message": "No conflicting reports"}]
    assert "No conflicting reports" in empty.svg()


def test_the_pipeline_writes_every_chart_beside_its_warehouse(seeds_warehouse):
    folder = chart_folder(str(seeds_warehouse))
    for name in ("stories_over_time", "figures_by_commodity_and_country", "conflicts_per_story"):
        assert (folder / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        assert "<svg" in (folder / f"{name}.svg").read_text(encoding="utf-8")
        assert json.loads((folder / f"{name}.vl.json").read_text(encoding="utf-8"))["data"]["values"]
