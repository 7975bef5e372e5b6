"""The number grammar and its context on real sentences: what is a trade figure, and about whom."""

from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.figures import find_figures
from wirefacts.text.sentences import sentence_spans


def figures(text: str):  # noqa: ANN201
    return find_figures(text, sentence_spans(text), find_commodities(text))


def test_exchange_rates_are_not_trade_figures():
    text = (
        "The dollar was trading at $1.2944 against the euro at 2100GMT, still close to the $1.3006 record. "
        "Against the Japanese yen, it was trading at 105.28 yen in thin trade."
    )
    assert figures(text) == []


def test_spelled_out_numbers_and_both_ends_of_a_range():
    found = figures(
        "The plan aims to boost agricultural production by five pct a year and exports to 14 to 15 mln tonnes."
    )
    assert {(f.value, f.unit) for f in found} >= {
        (5.0, "percent"),
        (14e6, "metric_ton"),
        (15e6, "metric_ton"),
    }


def test_a_share_of_gdp_counts_when_it_is_a_trade_balance():
    found = figures("The current account deficit widened to 5.7 percent of GDP, a record for trade in goods.")
    assert [(f.value, f.unit, f.metric) for f in found] == [(5.7, "percent", "trade_balance")]


def test_the_previous_sentence_gives_the_commodity():
    text = "Malaysia's rubber output is recovering. Production rose 12 pct in the first quarter."
    (figure,) = figures(text)
    assert figure.commodity == "rubber" and figure.direction == "increase"


def test_a_figure_without_a_place_of_its_own_is_about_the_dateline_country():
    (figure,) = figures("TOKYO, March 27 - Crude oil imports fell 4.2 pct in February from a year earlier.")
    assert figure.country == "JPN" and figure.direction == "decrease"


def test_a_compound_names_country_and_partner():
    (figure,) = figures("The U.S.-Japan trade deficit reached 58.6 billion dlrs last year.")
    assert (figure.country, figure.partner_country) == ("USA", "JPN")
