"""Extraction on real sentences: officials, meetings, commodities and figures."""

from datetime import date

import pytest

from tests.conftest import query
from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.facts import extract_facts, resolve_in_document
from wirefacts.extract.figures import find_figures
from wirefacts.extract.meetings import find_meetings
from wirefacts.extract.officials import find_officials
from wirefacts.text.sentences import sentence_spans


def officials(text):
    return {
        (o.name, o.title, o.country) for o in resolve_in_document(find_officials(text)) if o.title_start >= 0
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Japanese Finance Minister Kiichi Miyazawa said the yen's rise was too rapid.",
            ("Kiichi Miyazawa", "Finance Minister", "JPN"),
        ),
        (
            "U.S. Treasury Secretary James Baker said the dollar had fallen enough.",
            ("James Baker", "Treasury Secretary", "USA"),
        ),
        (
            "Bundesbank President Karl Otto Poehl told reporters rates would stay unchanged.",
            ("Karl Otto Poehl", "Bundesbank President", "DEU"),
        ),
        (
            "Saudi Arabian Oil Minister Hisham Nazer said OPEC would defend its prices.",
            ("Hisham Nazer", "Oil Minister", "SAU"),
        ),
        (
            "“Some Indian companies have received licences,” MEA spokesperson Randhir Jaiswal said.",
            ("Randhir Jaiswal", "MEA spokesperson", "IND"),
        ),
    ],
)
def test_title_then_name(sentence, expected):
    assert expected in officials(sentence)


def test_name_then_title_apposition():
    found = officials("Clayton Yeutter, the U.S. Trade Representative, said Japan must open its markets.")
    assert ("Clayton Yeutter", "Trade Representative", "USA") in found


def test_company_officers_and_unnamed_officials_are_not_officials():
    text = (
        "Texaco President James Kinnear said the company would appeal. A Fed spokesman declined to comment. "
        "BankAmerica spokesman Peter Magnani said the offer was delayed."
    )
    assert officials(text) == set()


def test_later_surname_resolves_to_the_full_name():
    text = "Chinese Foreign Minister Wang Yi arrived on Monday. Wang said ties had improved."
    mentions = resolve_in_document(find_officials(text))
    assert {m.name for m in mentions} == {"Wang Yi"}
    assert len(mentions) == 2


def test_meeting_status_from_tense_and_modality():
    text = (
        "Chinese Foreign Minister Wang Yi met Indian Prime Minister Narendra Modi in New Delhi. "
        "U.S. Treasury Secretary James Baker will meet Japanese Finance Minister Kiichi Miyazawa in Washington next week. "
        "West German Chancellor Helmut Kohl cancelled his visit to France."
    )
    mentions = resolve_in_document(find_officials(text))
    meetings = find_meetings(text, sentence_spans(text), mentions, date(1987, 3, 2))
    by_people = {frozenset(p.name for p in m.participants): m for m in meetings}
    held = by_people[frozenset({"Wang Yi", "Narendra Modi"})]
    assert (held.status, held.location, held.location_country) == ("held", "New Delhi", "IND")
    scheduled = by_people[frozenset({"James Baker", "Kiichi Miyazawa"})]
    assert scheduled.status == "scheduled" and scheduled.location_country == "USA"
    assert by_people[frozenset({"Helmut Kohl"})].status == "cancelled"


def test_relative_dates_need_a_publication_date():
    text = "Indian Prime Minister Narendra Modi will meet Chinese President Xi Jinping on Tuesday."
    mentions = resolve_in_document(find_officials(text))
    (with_date,) = find_meetings(text, sentence_spans(text), mentions, date(2025, 8, 18))  # a Monday
    assert with_date.date_text == "on Tuesday" and with_date.date_start == date(2025, 8, 19)
    (without,) = find_meetings(text, sentence_spans(text), mentions, None)
    assert without.date_text == "on Tuesday" and without.date_start is None


def test_commodities_with_synonyms_and_guards():
    text = (
        "Exports of maize and fertilizer rose, while aluminum and rare-earth magnets fell. "
        "Murphy Oil said it would lead the project. LME lead stocks fell 2,000 tonnes."
    )
    found = {(c.commodity, c.mention) for c in find_commodities(text)}
    assert ("corn", "maize") in found
    assert ("fertilisers", "fertilizer") in found
    assert ("aluminium", "aluminum") in found
    assert ("rare earth magnets", "rare-earth magnets") in found
    assert ("lead", "lead") in found  # the metal, next to "LME" and "stocks"
    assert not any(m == "Oil" for _, m in found)
    assert sum(1 for _, m in found if m == "lead") == 1  # not the verb


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "direction"),
    [
        ("Brazil's coffee exports fell to 155,221 bags of 60 kilos in May.", 155221, "bag", "decrease"),
        ("Japan's trade surplus rose to 300 mln dlrs in March.", 300e6, "USD", "increase"),
        ("British exports of wheat were valued at 1.5 bln stg last year.", 1.5e9, "GBP", None),
        ("India's crude oil imports rose 70 per cent to $4.5bn.", 70, "percent", "increase"),
        ("Saudi output averaged about 4.1 mln barrels per day in February.", 4.1e6, "barrel_per_day", None),
        ("U.S. corn stocks were put at 6.9 million metric tons.", 6.9e6, "metric_ton", None),
    ],
)
def test_number_grammar(sentence, value, unit, direction):
    figures = find_figures(sentence, sentence_spans(sentence), find_commodities(sentence))
    match = [f for f in figures if abs(f.value - value) < 1e-6 * value and f.unit == unit]
    assert match, [(f.value, f.unit) for f in figures]
    assert match[0].direction == direction


def test_dates_ordinals_counts_and_rates_are_not_trade_figures():
    text = (
        "The 24th round of talks began on March 3, 1987. Some 300 workers attended. "
        "The bank cut its discount rate to 5.5 pct. Company profits rose 12 pct to 40 mln dlrs."
    )
    assert find_figures(text, sentence_spans(text), find_commodities(text)) == []


def test_approximate_and_partner():
    text = "Shipments of rare earths to India were roughly 58% lower than January levels."
    (figure,) = find_figures(text, sentence_spans(text), find_commodities(text))
    assert figure.approximate and figure.partner_country == "IND" and figure.direction == "decrease"
    assert figure.period_text and "January" in figure.period_text


def test_every_fact_span_selects_its_evidence(seeds_warehouse):
    for table, column in [
        ("official_mentions", "mention"),
        ("meetings", "evidence"),
        ("commodity_mentions", "mention"),
        ("trade_figures", "evidence"),
    ]:
        bad = query(
            seeds_warehouse,
            f"""SELECT count(*) FROM {table} t JOIN documents d USING (doc_id)
                WHERE substr(d.body, t.char_start + 1, t.char_end - t.char_start) <> t.{column}""",
        )
        total = query(seeds_warehouse, f"SELECT count(*) FROM {table}")
        assert bad == [(0,)], table
        assert total[0][0] > 0, table


def test_one_official_per_person_across_the_corpus():
    docs = [
        ("a", "Indian Foreign Minister S. Jaishankar met Wang Yi.", None),
        ("b", "Foreign Minister Subrahmanyam Jaishankar said talks went well. Jaishankar left.", None),
    ]
    officials_frame = extract_facts(docs)["officials"]
    jaishankar = officials_frame.filter(officials_frame["name"].str.contains("Jaishankar"))
    assert jaishankar.height == 1
    assert jaishankar["name"][0] == "Subrahmanyam Jaishankar" and jaishankar["country"][0] == "IND"
