"""Story facts over the real extraction of the seeds, with the rare-earth story grouped by hand."""

from datetime import date, datetime

import duckdb
import polars as pl
import pytest

from wirefacts.story_facts import build_story_facts, values_agree
from wirefacts.warehouse import read_table

STORY = ("000_", "001_", "004_")  # one wire story: the original, a Reuters rewrite and a summary


@pytest.fixture(scope="module")
def seed_tables(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        names = [
            "documents",
            "official_mentions",
            "officials",
            "meetings",
            "meeting_participants",
            "commodity_mentions",
            "trade_figures",
        ]
        tables = {name: read_table(con, name) for name in names}
    docs = tables["documents"]
    clusters = docs.select(
        "doc_id",
        pl.when(pl.col("source_path").str.slice(0, 4).is_in(list(STORY)))
        .then(pl.lit("rare-earth-story"))
        .otherwise(pl.col("doc_id"))
        .alias("story_id"),
    )
    return build_story_facts(
        clusters,
        docs,
        tables["official_mentions"],
        tables["officials"],
        tables["meetings"],
        tables["meeting_participants"],
        tables["commodity_mentions"],
        tables["trade_figures"],
    ), docs


def test_the_58_percent_fall_is_one_fact_reported_by_three_documents(seed_tables):
    tables, docs = seed_tables
    facts = tables["story_facts"].filter(
        (pl.col("story_id") == "rare-earth-story")
        & (pl.col("fact_type") == "figure")
        & (pl.col("value") == 58)
    )
    assert facts.height == 1
    fact = facts.row(0, named=True)
    assert fact["document_count"] == 3 and fact["unit"] == "percent" and fact["direction"] == "decrease"
    assert (fact["metric"], fact["commodity"], fact["country"], fact["partner_country"]) == (
        "exports",
        "rare earth magnets",
        "CHN",
        "IND",
    )
    assert fact["agencies"] == ["Reuters"]
    assert not fact["has_conflict"]
    conflicts = tables["fact_conflicts"]
    assert conflicts.filter(pl.col("fact_id") == fact["fact_id"]).is_empty()
    assert conflicts.filter(pl.col("other_fact_id") == fact["fact_id"]).is_empty()
    reports = tables["story_fact_reports"].filter(pl.col("fact_id") == fact["fact_id"])
    bodies = dict(docs.select("doc_id", "body").iter_rows())
    assert reports.height == 3
    for doc_id, start, end, evidence in reports.select(
        "doc_id", "char_start", "char_end", "evidence"
    ).iter_rows():
        assert bodies[doc_id][start:end] == evidence and "58%" in evidence


def test_officials_and_commodities_of_the_story_list_their_documents(seed_tables):
    tables, _ = seed_tables
    facts = tables["story_facts"].filter(pl.col("story_id") == "rare-earth-story")
    wang = facts.filter((pl.col("fact_type") == "official") & (pl.col("name") == "Wang Yi")).row(
        0, named=True
    )
    assert wang["document_count"] == 3
    magnets = facts.filter(pl.col("commodity") == "rare earth magnets").filter(
        pl.col("fact_type") == "commodity"
    )
    assert magnets["document_count"].to_list() == [3]


def test_reserves_agree_though_one_report_names_no_partner(seed_tables):
    tables, _ = seed_tables
    reserves = tables["story_facts"].filter(
        (pl.col("story_id") == "rare-earth-story") & (pl.col("metric") == "reserves")
    )
    assert reserves.select("value", "document_count").rows() == [(6_900_000.0, 2)]


@pytest.mark.parametrize(
    ("a", "b", "approximate", "agree"),
    [
        (58, 58.3, False, True),
        (6_900_000, 6_950_000, False, True),
        (58, 60, False, False),
        (58, 60, True, True),
        (1.5e9, 1.2e9, True, False),
        (300, 300, False, True),
        (12.5, 12.6, False, True),
        (10, 11, False, False),
    ],
)
def test_values_agree(a, b, approximate, agree):
    assert values_agree(a, b, approximate) is agree


def test_a_scheduled_report_from_an_earlier_day_is_not_a_conflict():
    body = "Wang Yi will meet Ajit Doval in New Delhi on Tuesday."
    docs = pl.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "body": [body] * 3,
            "outlet": ["X", "Y", "Z"],
            "credited_agencies": [[], ["Reuters"], []],
            "published_on": [date(2025, 8, 17), date(2025, 8, 19), date(2025, 8, 19)],
            "ingested_at": [datetime(2025, 8, 20)] * 3,
        },
    )
    clusters = pl.DataFrame({"doc_id": ["a", "b", "c"], "story_id": ["s", "s", "s"]})
    meetings = pl.DataFrame(
        {
            "meeting_id": ["m1", "m2", "m3"],
            "doc_id": ["a", "b", "c"],
            "kind": ["talks"] * 3,
            "status": ["scheduled", "held", "cancelled"],
            "what": [None] * 3,
            "date_text": [None] * 3,
            "date_start": [None] * 3,
            "location": ["New Delhi", "New Delhi", "Beijing"],
            "location_country": ["IND", "IND", "CHN"],
            "evidence": [body] * 3,
            "char_start": [0] * 3,
            "char_end": [len(body)] * 3,
        },
    )
    participants = pl.DataFrame(
        {
            "meeting_id": ["m1", "m1", "m2", "m2", "m3", "m3"],
            "official_id": [None] * 6,
            "name": ["Wang Yi", "Ajit Doval"] * 3,
        },
        schema_overrides={"official_id": pl.String},
    )
    empty = pl.DataFrame(
        schema={
            "doc_id": pl.String,
            "official_id": pl.String,
            "char_start": pl.Int64,
            "char_end": pl.Int64,
            "commodity": pl.String,
            "name": pl.String,
        }
    )
    figures = pl.DataFrame(
        schema={
            "doc_id": pl.String,
            "char_start": pl.Int64,
            "char_end": pl.Int64,
            "value": pl.Float64,
            "approximate": pl.Boolean,
            "direction": pl.String,
            "period_text": pl.String,
            "metric": pl.String,
            "unit": pl.String,
            "commodity": pl.String,
            "country": pl.String,
            "partner_country": pl.String,
        }
    )
    tables = build_story_facts(clusters, docs, empty, empty, meetings, participants, empty, figures)
    conflicts = tables["fact_conflicts"].sort("doc_id", "other_doc_id", "attribute")
    assert conflicts.select("doc_id", "other_doc_id", "attribute").rows() == [
        ("a", "c", "location"),
        ("a", "c", "status"),
        ("b", "c", "location"),
        ("b", "c", "status"),
    ]
    fact = tables["story_facts"].row(0, named=True)
    assert fact["outlets"] == ["X", "Y", "Z"] and fact["agencies"] == ["Reuters"]
    assert (fact["first_seen"], fact["last_seen"]) == (date(2025, 8, 17), date(2025, 8, 19))
