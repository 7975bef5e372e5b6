"""The number grammar and its context on real sentences: what is a trade figure, and about whom."""

import pytest

from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.figures import find_figures
from wirefacts.extract.settings import ExtractionSettings
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
        "The plan aims to boost agricultural production by five pct a year and exports to 14 to 15 mln "
        "tonnes."
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


def values(text: str) -> set[tuple[float, str]]:
    return {(f.value, f.unit) for f in figures(text)}


def test_a_range_or_list_carries_its_unit_back_to_the_first_number():
    text = (
        "He noted coffee export registrations totalled around 5.5 mln bags, more than half the 9.9 mln "
        "exported in 1986 when drought reduced the crop to between 11.2 mln and 12 mln bags."
    )
    assert values(text) == {(5.5e6, "bag"), (9.9e6, "bag"), (11.2e6, "bag"), (12e6, "bag")}
    text = "The two sides should permit export subsidies of exports of up to 2.0 or 2.5 pct without duties."
    assert values(text) == {(2.0, "percent"), (2.5, "percent")}


def test_a_scaled_number_with_a_noun_of_its_own_takes_no_unit():
    assert values("The wheat crop was 12 mln tonnes, and 1.5 mln farmers were affected.") == {
        (12e6, "metric_ton")
    }


def test_currency_conversions_in_brackets_do_not_borrow_a_unit():
    text = "Steel exports reached 178 billion yuan ($25.6 billion; 24.4 billion euros; 20.8 billion) in 2016."
    assert (20.8e9, "EUR") not in values(text)


def test_spelled_out_ranges_and_single_dollars():
    text = "Dauster said consumer proposals would have implied a reduction of one to two mln bags in coffee export quotas."
    assert values(text) == {(1e6, "bag"), (2e6, "bag")}
    assert (1.0, "USD") in values("North sea brent crude today rose over 17.00 dlrs, up one dlr.")


def test_ranges_keep_thousands_separators():
    text = "Iran exported 500,000 to 600,000 barrels of crude oil per day to Europe."
    assert values(text) >= {(5e5, "barrel"), (6e5, "barrel")}


def test_a_sentence_that_follows_on_from_a_trade_figure():
    text = (
        "Yamamoto said Japan will slash output of memory chips by 11 pct in the second quarter. "
        "This follows a cutback of more than 20 pct in the first three months of the year."
    )
    assert values(text) == {(11.0, "percent"), (20.0, "percent")}


def test_a_currency_held_in_a_range_is_an_exchange_rate():
    text = "The dollar in any case held in a narrow range today, trading just below 1.82 marks in a quiet market."
    assert figures(text) == []


def test_an_amount_repeated_in_another_sentence_is_one_figure():
    text = (
        "Russia's military hardware exports yielded about $15 billion in 2016. \"The export deliveries of military "
        'hardware as part of military and technical cooperation have brought about $15 billion," he said.'
    )
    assert [f.value for f in figures(text)] == [15e9]
    same_sentence = "Sales of cocoa were registered at 785 to 995 dlrs for March/April, 785 dlrs for May."
    assert [f.value for f in figures(same_sentence)] == [785.0, 995.0, 785.0]


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


COFFEE_STORY = (
    "NO NEAR TERM BRAZIL COFFEE MOVES EXPECTED\n\nRIO DE JANEIRO, March 12 - The Brazilian Coffee Institute, "
    "IBC, is unlikely to disclose its future export policy until the end of next week at the earliest, trade "
    "sources said.\n    Exporters said Dauster is not under any great pressure to start marketing coffee "
    "immediately.\n    The exporters said the key factor in the eventual opening of May and June export "
    "registrations will be the amount at which the contribution quota is set. They noted that on February "
    "16, the eve of a planned increase in the quota, April registrations were opened and closed after a "
    "record amount for a single day, and that Brazil's present foreign trade and payments problems mean "
    "there are pressures from the government to boost exports to maximise foreign exchange earnings, with "
    "little expectation of discounts, bonuses and price fall guarantees being introduced.\n    If May/June "
    "registrations are opened under similar conditions as before, Brazil would have no difficulty in selling "
    "at least 2.0 mln bags per month."
)


def test_a_quantity_far_from_any_commodity_is_of_the_goods_the_story_is_about():
    no_carry_over = ExtractionSettings(trade_context_chars=0)  # only the story's goods can name them
    (figure,) = find_figures(
        COFFEE_STORY, sentence_spans(COFFEE_STORY), find_commodities(COFFEE_STORY), no_carry_over
    )
    assert (figure.value, figure.unit, figure.commodity, figure.country) == (2e6, "bag", "coffee", "BRA")


def test_currency_dealers_levels_are_not_trade_figures():
    text = (
        "It briefly dipped below 145 yen, to a quoted low of 144.85, but recovered later. Without "
        "agreement on the trade issue, the dollar appears set to test support levels at 143 yen, "
        "with 140 yen within reach over the next few weeks, dealers said. Japan's exports of cars "
        "rose to 2.1 billion yen in February."
    )
    assert [f.value for f in figures(text)] == [2_100_000_000]


@pytest.mark.parametrize(
    ("sentence", "country", "partner"),
    [
        ("Mexico sends 80 percent of its exports to the US, nearly $300bn in goods in 2015.", "MEX", "USA"),
        ("According to Russia's Federal Customs Service, trade between Russia and Iran increased by "
         "70.1% in 2016 to exceed 2.18 billion U.S. dollars.", "RUS", "IRN"),
        ("His threat during the election to slam a 45% import duty on Chinese goods had caused "
         "widespread concerns.", None, "CHN"),
    ],
)  # fmt: skip
def test_the_partner_after_the_to_between_and_origin_of_goods(sentence, country, partner):
    first = figures(sentence)[0]
    assert (first.country, first.partner_country) == (country, partner)


def test_the_level_a_change_reached_has_no_direction():
    found = figures("Russia's exports grew by 85.1% to reach 1.88 billion U.S. dollars in 2016.")
    assert [(f.value, f.direction) for f in found] == [(85.1, "increase"), (1_880_000_000, None)]
