"""General knowledge the extractors share: countries, demonyms, cities, bodies, commodities."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

FOLDER = Path(__file__).resolve().parents[1] / "gazetteers"

# Bodies and places that stand for a country ("MEA said", "the Kremlin", "MITI").
BODY_COUNTRY = {
    "MEA": "IND", "Ministry of External Affairs": "IND", "External Affairs Ministry": "IND", "New Delhi": "IND",
    "MITI": "JPN", "Ministry of International Trade and Industry": "JPN", "Bank of Japan": "JPN", "BOJ": "JPN",
    "Tokyo": "JPN", "Beijing": "CHN", "Washington": "USA", "White House": "USA", "Pentagon": "USA",
    "State Department": "USA", "Treasury": "USA", "U.S. Treasury": "USA", "Federal Reserve": "USA",
    "Federal Reserve Board": "USA", "Fed": "USA", "USDA": "USA", "Agriculture Department": "USA",
    "Commerce Department": "USA", "Congress": "USA", "Kremlin": "RUS", "Moscow": "RUS", "Bundesbank": "DEU",
    "Bonn": "DEU", "Berlin": "DEU", "Bank of England": "GBR", "Downing Street": "GBR", "Whitehall": "GBR",
    "Exchequer": "GBR", "Elysee": "FRA", "Bank of France": "FRA", "Bank of Canada": "CAN", "Ottawa": "CAN",
    "Bank of Italy": "ITA", "Reserve Bank of India": "IND", "RBI": "IND", "People's Bank of China": "CHN",
    "Zhongnanhai": "CHN", "Knesset": "ISR", "Bundestag": "DEU", "Canberra": "AUS", "Brasilia": "BRA",
    "Seoul": "KOR", "Islamabad": "PAK", "Riyadh": "SAU", "Tehran": "IRN", "Baghdad": "IRQ",
    "Camp David": "USA", "Elysee Palace": "FRA", "Great Hall of the People": "CHN", "Blue House": "KOR",
    "Rashtrapati Bhavan": "IND", "Hyderabad House": "IND", "Chequers": "GBR",
}  # fmt: skip

# Seats of government and state guest houses: the place of a meeting held "at the White House".
MEETING_VENUES = frozenset(
    {"White House", "Kremlin", "Downing Street", "Elysee", "Elysee Palace", "Zhongnanhai", "Camp David",
     "Great Hall of the People", "Blue House", "Rashtrapati Bhavan", "Hyderabad House", "Chequers"}
)  # fmt: skip

# International bodies whose officials are officials but belong to no one country.
INTERNATIONAL_BODIES = (
    "OPEC", "IMF", "International Monetary Fund", "World Bank", "EC", "European Community", "European Commission",
    "European Union", "EU", "WTO", "World Trade Organization", "GATT", "United Nations", "UN", "U.N.", "NATO",
    "ASEAN", "OECD", "SCO", "G7", "G20", "ICO", "International Coffee Organization", "ICCO", "FAO", "UNCTAD",
    "African Union", "Arab League", "BRICS", "Asian Development Bank", "ADB", "Paris Club",
    "European Council", "Council of the European Union", "European Central Bank", "ECB",
    "Inter-American Development Bank", "IADB", "IDB", "African Development Bank", "EBRD",
    "European Bank for Reconstruction and Development", "International Energy Agency", "IEA",
    "Gulf Cooperation Council", "GCC", "Bank for International Settlements",
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    text: str
    country: str
    kind: str  # country, demonym, city, body


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@cache
def country_name(alpha3: str) -> str:
    """The first (standard) name of a country: "United States" for USA, whatever the text printed."""
    with open(FOLDER / "countries.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["alpha3"] == alpha3:
                return _split(row["names"])[0]
    return alpha3


@cache
def places() -> dict[str, Place]:
    """Every surface form that names a country, mapped to its alpha-3 code."""
    found: dict[str, Place] = {}
    with open(FOLDER / "countries.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for demonym in _split(row["demonyms"]):
                found[demonym] = Place(demonym, row["alpha3"], "demonym")
            for name in _split(row["names"]):
                found[name] = Place(name, row["alpha3"], "country")
    with open(FOLDER / "cities.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["city"], Place(row["city"], row["alpha3"], "city"))
    for body, country in BODY_COUNTRY.items():
        found.setdefault(body, Place(body, country, "body"))
    return found


@cache
def place_pattern() -> re.Pattern:
    names = sorted(places(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?:['’]s)?(?![\w])")


def find_places(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Place]]:
    end = len(text) if end is None else end
    return [(m.start(1), m.end(1), places()[m.group(1)]) for m in place_pattern().finditer(text, start, end)]


@dataclass(frozen=True)
class Commodity:
    canonical: str
    category: str


@cache
def commodity_variants() -> dict[str, Commodity]:
    variants: dict[str, Commodity] = {}
    with open(FOLDER / "commodities.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = Commodity(row["commodity"], row["category"])
            for variant in _split(row["variants"]):
                variants.setdefault(variant.lower(), entry)
                # "rare earth magnet exports": the singular of a plural entry names the same goods.
                if variant.endswith("s") and not variant.endswith("ss") and len(variant) > 5:
                    variants.setdefault(variant[:-1].lower(), entry)
    return variants


@cache
def commodity_automaton() -> ahocorasick.Automaton:
    """Aho-Corasick over the lower-cased variants: one pass over a text finds them all."""
    automaton = ahocorasick.Automaton()
    for variant in commodity_variants():
        automaton.add_word(variant, variant)
    automaton.make_automaton()
    return automaton


def dateline_place(text: str) -> tuple[str, str] | None:
    """The city of a wire dateline ("TOKYO, March 27 -", "BEIJING (Reuters) -", "WASHINGTON, March 3
    (Reuters) -", "NEW YORK (AP) —"): where a report without another place was filed, and so where
    what it reports as held took place."""
    m = re.match(
        r"\s*(?:[A-Z][^\n]{0,120}\n+\s*)?([A-Z][A-Za-z .'-]{1,30}?)\s*(?:,\s+([A-Z][A-Za-z .'-]{2,30}?))?"
        r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*\(\w+\))?|\s*\(\w+\))\s+[-–—]",
        text,
    )
    if not m:
        return None
    # Datelines are in capitals; "RIO DE JANEIRO" is the gazetteer's "Rio de Janeiro".
    found = places_by_lower_name().get(m.group(1).strip().lower())
    if found and found[1].kind in ("city", "country"):
        return found[0], found[1].country
    # "TAUPO, New Zealand, March 22 -": a town the gazetteer lacks, in the country written after it.
    country = places_by_lower_name().get((m.group(2) or "").strip().lower())
    if country and country[1].kind == "country":
        return m.group(1).strip().title(), country[1].country
    return None


@cache
def places_by_lower_name() -> dict[str, tuple[str, Place]]:
    return {name.lower(): (name, place) for name, place in places().items()}


def dominant_country(body: str, share: float, min_mentions: int) -> str | None:
    """The country a story is about, when one clearly leads its place names (this share of them
    or more, and at least min_mentions of them)."""
    counts = Counter(p.country for _, _, p in find_places(body) if p.kind in ("country", "demonym", "city"))
    return leading(counts, share, min_mentions)


def leading(counts: Counter, share: float, min_count: int) -> str | None:
    """The commonest key when it has at least this share of all counts and at least min_count."""
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    return key if n >= min_count and n / sum(counts.values()) >= share else None


def document_country(body: str, share: float, min_mentions: int) -> str | None:
    """The country a text is about when it gives no other: the wire dateline's (where the report
    was filed), else the country that leads its place names."""
    place = dateline_place(body)
    return place[1] if place else dominant_country(body, share, min_mentions)
