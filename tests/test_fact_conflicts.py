"""Conflicts on real pairs of Reuters reports (1987) that disagree, through the real extraction."""

from datetime import date, datetime

import polars as pl
import pytest

from wirefacts.extract.facts import extract_facts
from wirefacts.story_facts import build_story_facts

PAIRS = {
    # The Bank of England revised its forecast twice within the hour (reut-09217 and reut-09261).
    "boe_surplus": (
        "LONDON, March 25 - The Bank of England said it had revised its forecast of the liquidity position "
        "in the money market today to a surplus of 150 mln stg after it estimated a flat position earlier "
        "this morning.",
        "LONDON, March 25 - The Bank of England said it revised up its forecast of today's surplus in the "
        "money markets to 250 mln stg from its earlier estimate of a 150 mln.",
        (150e6, 250e6),
    ),
}
AGREEING = (
    # The same forecast in a rewrite and its correction (reut-03800, reut-03838): no conflict.
    "VIENNA, March 11 - A meeting of leading politicians, bankers and economists has forecast Austrian "
    "exports to rise by about 2 pct this year, a government spokesman said.",
    "VIENNA, March 11 - Austrian exports are likely to rise by 2.0 pct this year, Helmut Kramer, head of "
    "the semi-official Institute for Economic Research (WIFO) said.",
)


def story_tables(first: str, second: str) -> dict[str, pl.DataFrame]:
    docs = [("a", first, date(1987, 3, 25)), ("b", second, date(1987, 3, 25))]
    facts = extract_facts(docs)
    documents = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "body": [first, second],
            "outlet": ["Reuters", "Reuters"],
            "credited_agencies": [["Reuters"], ["Reuters"]],
            "published_on": [d for _, _, d in docs],
            "ingested_at": [datetime(2026, 1, 1)] * 2,
        },
    )
    clusters = pl.DataFrame({"doc_id": ["a", "b"], "story_id": ["s", "s"]})
    return build_story_facts(
        clusters,
        documents,
        facts["official_mentions"],
        facts["officials"],
        facts["meetings"],
        facts["meeting_participants"],
        facts["commodity_mentions"],
        facts["trade_figures"],
    )


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_reports_that_disagree_are_a_conflict_with_both_spans(name):
    first, second, values = PAIRS[name]
    tables = story_tables(first, second)
    conflicts = tables["fact_conflicts"].filter(pl.col("attribute") == "value")
    assert conflicts.height == 1
    row = conflicts.row(0, named=True)
    bodies = {"a": first, "b": second}
    assert bodies[row["doc_id"]][row["char_start"] : row["char_end"]] == row["evidence"]
    assert (
        bodies[row["other_doc_id"]][row["other_char_start"] : row["other_char_end"]] == row["other_evidence"]
    )
    reported = tables["story_facts"].filter(pl.col("fact_id").is_in([row["fact_id"], row["other_fact_id"]]))
    assert sorted(reported["value"].to_list()) == list(values)  # both sides are rows of story_facts
    assert reported["has_conflict"].all()


def test_agreeing_reports_are_one_fact_and_no_conflict():
    tables = story_tables(*AGREEING)
    assert tables["fact_conflicts"].is_empty()
    figures = tables["story_facts"].filter(pl.col("fact_type") == "figure")
    assert figures.select("value", "document_count").rows() == [(2.0, 2)]


def test_a_figure_with_a_trade_partner_does_not_contradict_one_without():
    # reut-07395 and reut-01273: U.S. corn sold to Taiwan, and U.S. corn sold to unknown buyers.
    tables = story_tables(
        "The department said exporters also reported corn sales of 143,000 tonnes for delivery to Taiwan.",
        "The U.S. Agriculture Department said private U.S. exporters reported sales of "
        "104,000 tonnes of corn to unknown destinations for shipment in the 1986/87 marketing year.",
    )
    figures = tables["story_facts"].filter(pl.col("fact_type") == "figure")
    assert sorted(figures["partner_country"].to_list(), key=str) == [None, "TWN"]
    assert tables["fact_conflicts"].is_empty()
