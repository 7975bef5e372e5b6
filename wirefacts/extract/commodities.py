"""Commodity mentions: one longest-first pass of the gazetteer, with guards for ambiguous words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirefacts.extract.gazetteers import commodity_automaton, commodity_variants

# Words that are commodities only in some uses: "lead" the verb, "tin" or "oil" in a name.
METAL_CONTEXT = re.compile(
    r"\b(?:tonnes?|tons?|prices?|output|production|producers?|smelters?|mines?|mining|metal|lme|stocks?|exports?"
    r"|imports?|zinc|copper|nickel|aluminium|aluminum|ore|concentrates?|futures|ingots?)\b",
    re.I,
)
# Words that name goods only with trade words near them: "the paper said", "a magnet for investors".
TRADE_WORDS = re.compile(
    r"\b(?:tonnes?|tons?|prices?|output|production|producers?|mills?|exports?|imports?|shipments?|supply|supplies"
    r"|pulp|rare[ -]earths?|demand|market)\b",
    re.I,
)
NEEDS_CONTEXT = {"lead": METAL_CONTEXT, "tin": METAL_CONTEXT, "coke": METAL_CONTEXT, "diamonds": METAL_CONTEXT,
                 "paper": TRADE_WORDS, "magnet": TRADE_WORDS, "magnets": TRADE_WORDS,
                 "machinery": TRADE_WORDS,
                 # "metals" in a list of exports, not "a heavy metal band" or "a metal box".
                 "metals": TRADE_WORDS, "metal": TRADE_WORDS,
                 # Traded arms, not "the pullback of military hardware" from a front line.
                 "military hardware": TRADE_WORDS, "military equipment": TRADE_WORDS}  # fmt: skip
# A commodity word in front of these nouns names a business, a person's job or an object's
# material, not the goods: "oil companies", "an oil executive", "the oil minister", "a steel hull".
MODIFIED = re.compile(
    r"^[ -](?:compan(?:y|ies)|firms?|executives?|ministers?|ministry|giants?|majors?|workers?|tycoons?|lobby|barons?"
    r"|hulls?|frames?|doors?|cages?|helmets?|statues?|medals?|medallists?|rings?|roofs?|bridges?"
    r"|bands?|music|musicians?|stars?|artists?"
    r"|carriers?|dinghy|dinghies|boats?|legs?|limbs?|stems?|implants?|paws?|games?)\b",
    re.I,
)
# A word before that makes the goods word a part of a body or a vehicle: "blood sugar", "squad cars".
NOT_GOODS_BEFORE = re.compile(r"\b(?:blood|breast|squad|patrol|getaway)\s+$", re.I)
# "gas" is natural gas unless it is a weapon, a pollutant or a pump.
NOT_FUEL_GAS = re.compile(r"(?:tear|nerve|poison|mustard|sarin|chlorine|greenhouse|toxic|laughing)\s+$", re.I)
NOT_FUEL_GAS_AFTER = re.compile(
    r"^\s+(?:attacks?|chambers?|masks?|stations?|pedals?|leaks?|explosions?|canisters?)\b", re.I
)
LEAD_VERB_BEFORE = re.compile(r"\b(?:would|will|could|may|might|can|to|not|should|must)\s+$", re.I)
FUEL_ADDITIVE = re.compile(r"^\s+(?:in|from)\s+(?:petrol|gasoline|fuel|paint)\b", re.I)
# Figures of speech that name no goods: talks that "have not borne fruit", cuts made "with a meat axe".
IDIOM_BEFORE = re.compile(r"\b(?:bear|bears|bore|borne|bearing|forbidden|low-hanging)\s+$", re.I)
IDIOM_AFTER = re.compile(r"^[\s-]+(?:axe|ax|cleaver|grinder)\b", re.I)
IDIOM_KEYS = frozenset({"fruit", "fruits", "meat"})
CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]+\b")
SPEAKS_NEXT = re.compile(r"\s+(?:said|says|told|added)\b")  # "Fish said": a surname
NAME_SUFFIXES = re.compile(r"^\s+(?:Co|Corp|Inc|Ltd|Group|Company|Industries|International|Plc|AG|SA)\b")


@dataclass(frozen=True)
class CommodityMention:
    commodity: str
    category: str
    mention: str
    start: int
    end: int


def find_commodities(text: str) -> list[CommodityMention]:
    """Longest whole-word matches first, left to right."""
    variants = commodity_variants()
    lower = text.lower()
    found = []
    for start, end, key in _whole_word_matches(lower):
        surface = text[start:end]
        if _names_no_goods(key, text, start, end):
            continue
        if _is_part_of_a_name(text, start, end, surface):
            continue
        entry = variants[key]
        found.append(CommodityMention(entry.canonical, entry.category, surface, start, end))
    return found


def _whole_word_matches(lower: str) -> list[tuple[int, int, str]]:
    """Non-overlapping variants on whole words, the longest at each place. Whole words are checked
    before the longest is chosen: "oil product" inside "oil production" must not hide "oil"."""

    def whole(start: int, end: int) -> bool:
        before = start > 0 and (lower[start - 1].isalnum() or lower[start - 1] == "-")
        after = end < len(lower) and (lower[end].isalnum() or lower[end] == "-")
        return not (before or after)

    matches = sorted(
        (last - len(key) + 1, -len(key), key)
        for last, key in commodity_automaton().iter(lower)
        if whole(last - len(key) + 1, last + 1)
    )
    chosen, taken_until = [], 0
    for start, negative_length, key in matches:
        if start >= taken_until:
            chosen.append((start, start - negative_length, key))
            taken_until = start - negative_length
    return chosen


def _names_no_goods(key: str, text: str, start: int, end: int) -> bool:
    """The guards: a word that needs trade words near it, a modifier, a fuel additive, a weapon."""
    before, after = text[max(0, start - 12) : start], text[end : end + 20]
    if key in NEEDS_CONTEXT and not _has_context(text, start, end, NEEDS_CONTEXT[key]):
        return True
    if (
        MODIFIED.match(after)
        or NOT_GOODS_BEFORE.search(before)
        or (key == "lead" and FUEL_ADDITIVE.match(after))
    ):
        return True
    if key in IDIOM_KEYS and (IDIOM_BEFORE.search(before) or IDIOM_AFTER.match(after)):
        return True
    if key == "lead" and (re.match(r"\s+to\b", after) or LEAD_VERB_BEFORE.search(before)):
        return True  # "a proposal which would lead to a substantial loss": the verb
    return key == "gas" and bool(NOT_FUEL_GAS.search(before) or NOT_FUEL_GAS_AFTER.match(after))


def _has_context(text: str, start: int, end: int, context: re.Pattern) -> bool:
    if text[start:end].isupper() and len(text[start:end]) > 2:
        return False
    window = text[max(0, start - 60) : end + 60]
    return context.search(window.replace(text[start:end], " ")) is not None


def _is_part_of_a_name(text: str, start: int, end: int, surface: str) -> bool:
    """'Murphy Oil', 'U.S. Steel Corp', 'Gold Fields': capitalised inside a run of capitalised words."""
    if not surface[:1].isupper() or surface.isupper() and len(surface) > 3:
        return False
    before = text[max(0, start - 30) : start]
    # "Catcher in the Rye", "Orange County", "Silver Bears", "Fish said": a capitalised goods word
    # among capitalised words, or a surname, names no goods.
    previous = re.search(r"([A-Z][\w.&'-]*)\s+(?:(?:in|of|the)\s+){0,2}$", before)
    sentence_start = re.search(r"(?:^|[.!?]\s+|\n)$", before) is not None
    following = text[end : end + 20]
    return (
        (previous is not None and not sentence_start)
        or NAME_SUFFIXES.match(following) is not None
        or (not sentence_start and CAPITALISED_NEXT.match(following) is not None)
        or SPEAKS_NEXT.match(following) is not None
    )
