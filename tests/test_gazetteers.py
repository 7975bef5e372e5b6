"""Places, demonyms, bodies, wire datelines, a story's country and commodity variants in real sentences."""

import pytest

from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.gazetteers import (
    commodity_automaton,
    commodity_variants,
    country_name,
    dateline_place,
    dominant_country,
    find_places,
    places,
)

CHINA_EXPORTS = (
    "BEIJING (Reuters) - China's exports rose 8.7 pct in February from a year earlier, while imports "
    "from South Korea and Japan fell, customs data showed."
)


def named(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str, str]]:
    return [(text[s:e], p.country, p.kind) for s, e, p in find_places(text, start, end)]


def test_places_are_found_without_their_possessive_and_capital_datelines_are_not_names():
    assert named(CHINA_EXPORTS) == [
        ("China", "CHN", "country"),
        ("South Korea", "KOR", "country"),
        ("Japan", "JPN", "country"),
    ]


def test_the_longest_name_wins_and_names_inside_words_are_not_places():
    assert named("Nigeria's oil minister met officials from Niger and Papua New Guinea in Abuja.") == [
        ("Nigeria", "NGA", "country"),
        ("Niger", "NER", "country"),
        ("Papua New Guinea", "PNG", "country"),
        ("Abuja", "NGA", "city"),
    ]
    assert named("USAir flights to Americana hotels and Chinatown, a Japanese-made car.") == [
        ("Japanese", "JPN", "demonym")
    ]


def test_bodies_stand_for_their_country_and_a_name_beats_a_demonym_of_the_same_spelling():
    assert named("The U.S.-Japan talks. The U.S. Treasury and the Kremlin said.") == [
        ("U.S.", "USA", "country"),
        ("Japan", "JPN", "country"),
        ("U.S. Treasury", "USA", "body"),
        ("Kremlin", "RUS", "body"),
    ]
    # Capitals named in BODY_COUNTRY are also in cities.csv, and stay cities.
    assert (places()["Tokyo"].kind, places()["Singapore"].kind) == ("city", "country")


def test_places_are_looked_for_only_between_start_and_end():
    clause = CHINA_EXPORTS.index("while")
    assert [n for n, _, _ in named(CHINA_EXPORTS, clause)] == ["South Korea", "Japan"]
    assert [n for n, _, _ in named(CHINA_EXPORTS, 0, clause)] == ["China"]
    (start, end, _), *_ = find_places(CHINA_EXPORTS, clause)
    assert CHINA_EXPORTS[start:end] == "South Korea"


def test_a_country_is_named_by_its_first_standard_name():
    assert [country_name(code) for code in ("USA", "GBR", "KOR", "CHN")] == [
        "United States",
        "United Kingdom",
        "South Korea",
        "China",
    ]
    assert country_name("XXX") == "XXX"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (CHINA_EXPORTS, ("Beijing", "CHN")),
        ("TOKYO, March 27 - Japan's trade surplus rose to 8.14 billion dlrs in February.", ("Tokyo", "JPN")),
        ("DAR ES SALAAM, Feb 26 - Tanzania will sell 20,000 tonnes of coffee.", ("Dar es Salaam", "TZA")),
        ("LONDON, Sept. 3 - The Bank of England left its lending rate unchanged.", ("London", "GBR")),
        ("U.S. LEADING INDEX FELL 1.0 PCT IN JANUARY\n\nWASHINGTON, March 3 - The U.S. index of leading "
         "indicators fell.", ("Washington", "USA")),
        ("BRAZIL, March 3 - Coffee exports fell in February.", ("Brazil", "BRA")),
        ("TAUPO, New Zealand, March 22 - Ministers from more than 20 nations were told by New Zealand "
         "that the next negotiations would be the last this century.", ("Taupo", "NZL")),
    ],
)  # fmt: skip
def test_the_city_or_country_of_a_wire_dateline(text, place):
    assert dateline_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Trade talks opened in TOKYO, March 27 - the ministry said.",  # not at the start
        "MITI, March 27 - Japan's trade surplus rose.",  # a body, not a place
        "SPRINGFIELD, March 3 - The Illinois state budget was cut.",  # not in the gazetteer
        "Japan's trade surplus rose to 8.14 billion dlrs in February.",  # no dateline
    ],
)
def test_no_dateline_place_where_there_is_no_known_dateline(text):
    assert dateline_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Current Reuters datelines carry both the date and the agency.
        ("WASHINGTON, March 3 (Reuters) - The U.S. index of leading indicators fell 1.0 pct in January.",
         ("Washington", "USA")),
        # AP datelines end in an em dash.
        ("NEW YORK (AP) — Stocks rose on Wall Street.", ("New York", "USA")),
    ],
)  # fmt: skip
def test_the_dateline_place_of_current_reuters_and_ap_datelines(text, place):
    assert dateline_place(text) == place


def test_a_story_is_about_the_country_that_has_a_share_of_its_place_names():
    brazil = (
        "RIO DE JANEIRO, March 3 - Brazil's coffee exports fell in February, the Brazilian Coffee "
        "Institute said, while shipments to the United States and Argentina rose."
    )
    five = brazil.replace("and Argentina", "Argentina and Chile")
    assert dominant_country(brazil, 0.5, 2) == "BRA"  # two of four
    assert dominant_country(five, 0.5, 2) is None  # two of five
    assert dominant_country(five, 0.4, 2) == "BRA"


def test_no_story_country_from_too_few_mentions_or_bodies_alone():
    assert dominant_country("Japan's exports rose 2.8 pct in February.", 0.4, 2) is None
    assert dominant_country("Japan's exports rose 2.8 pct in February.", 0.4, 1) == "JPN"
    assert dominant_country("China and India agreed to resume border trade.", 0.4, 2) is None
    # Bodies (Bank of Japan, MITI) do not count towards the story's country.
    assert (
        dominant_country("The Bank of Japan and MITI said the yen's rise would hurt Japan.", 0.4, 2) is None
    )


def test_commodity_variants_are_lower_case_and_name_their_canonical_commodity():
    variants = commodity_variants()
    assert all(v == v.lower() for v in variants)
    assert (variants["maize"].canonical, variants["maize"].category) == ("corn", "agriculture")
    assert variants["hard red winter wheat"].canonical == "wheat"
    assert variants["robusta"].canonical == "coffee"
    assert "Wheat" not in variants


def test_the_singular_of_a_plural_variant_names_the_same_goods_but_short_words_are_not_cut():
    variants = commodity_variants()
    assert variants["rare earth magnet"] == variants["rare earth magnets"]
    assert variants["onion"].canonical == "onions"
    assert "bean" not in variants and "pea" not in variants  # "beans", "peas": five letters or fewer


def test_the_automaton_finds_the_longest_variants_in_one_pass():
    text = "japan bought hard red winter wheat, soybean meal and palm oil from the u.s."
    found = [key for _, key in commodity_automaton().iter_long(text)]
    assert found == ["hard red winter wheat", "soybean meal", "palm oil"]
    assert all(key in commodity_variants() for key in found)


def test_a_singular_variant_does_not_hide_the_commodity_before_a_longer_word():
    found = find_commodities(
        "Saudi oil production fell to 4.2 mln barrels per day and steel production rose."
    )
    assert [c.commodity for c in found] == ["crude oil", "steel"]
