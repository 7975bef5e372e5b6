"""Commodity mentions: one longest-first pass of the gazetteer, with guards for ambiguous words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirefacts.extract.gazetteers import commodity_pattern, commodity_variants

# Words that are commodities only in some uses: "lead" the verb, "tin" or "oil" in a name.
METAL_CONTEXT = re.compile(
    r"\b(?:tonnes?|tons?|prices?|output|production|producers?|smelters?|mines?|mining|metal|lme|stocks?|exports?"
    r"|imports?|zinc|copper|nickel|aluminium|aluminum|ore|concentrates?|futures|ingots?)\b",
    re.I,
)
NEEDS_CONTEXT = {"lead", "tin", "coke", "diamonds"}
NAME_SUFFIXES = re.compile(r"^\s+(?:Co|Corp|Inc|Ltd|Group|Company|Industries|International|Plc|AG|SA)\b")


@dataclass(frozen=True)
class CommodityMention:
    commodity: str
    category: str
    mention: str
    start: int
    end: int


def find_commodities(text: str) -> list[CommodityMention]:
    variants = commodity_variants()
    found = []
    for m in commodity_pattern().finditer(text):
        surface = m.group(1)
        key = surface.lower()
        if key in NEEDS_CONTEXT and not _has_metal_context(text, m.start(), m.end()):
            continue
        if _is_part_of_a_name(text, m.start(), m.end(), surface):
            continue
        entry = variants[key]
        found.append(CommodityMention(entry.canonical, entry.category, surface, m.start(), m.end()))
    return found


def _has_metal_context(text: str, start: int, end: int) -> bool:
    if text[start:end].isupper() and len(text[start:end]) > 2:
        return False
    window = text[max(0, start - 60) : end + 60]
    return METAL_CONTEXT.search(window) is not None


def _is_part_of_a_name(text: str, start: int, end: int, surface: str) -> bool:
    """'Murphy Oil', 'U.S. Steel Corp', 'Gold Fields': capitalised inside a run of capitalised words."""
    if not surface[:1].isupper() or surface.isupper() and len(surface) > 3:
        return False
    before = text[max(0, start - 30) : start]
    previous = re.search(r"([A-Z][\w.&'-]*)\s+$", before)
    sentence_start = re.search(r"(?:^|[.!?]\s+|\n)$", before) is not None
    return (previous is not None and not sentence_start) or NAME_SUFFIXES.match(
        text[end : end + 20]
    ) is not None
