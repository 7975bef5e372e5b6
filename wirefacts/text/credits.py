"""The wire agency a text credits as its source, and the span of the credit in the text.

A credit is one of the shapes news prints to say where its copy came from:

- a dateline credit: "WASHINGTON (Reuters) -", "March 3 (Reuters) -", "LONDON (AP) —",
  "MOSCOW, March 18. /TASS/.";
- an agency line: "ls/bw (AFP, AP, dpa)", "(AFP, Reuters)" closing a paragraph, "with dpa" or
  "- AP" closing the text, "Source: Reuters news agency", a bare "Xinhua" closing the text;
- a contribution: "The Associated Press contributed to this report", "AP researcher Yu Bing
  contributed to this report", "AFP contributed";
- a lead credit: a paragraph near the start that opens "Reuters reported ..." (the whole report
  is the agency's).

Not credits: photo credits ("REUTERS/File Photo", "(Indian Foreign Ministry via AP)", "Zhang
Wenzong / Xinhua", "Images courtesy of AFP"), an agency that one quotation or one fact is
attributed to ("told Reuters", "according to a translation by Indian news agency ANI",
"Xinhua News Agency reported" in the middle of the text), and an agency as a subject ("AP
photographer Burhan Ozbilici"). Captions can be passed in and nothing inside them is a credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Canonical name → the ways texts print it.
AGENCIES: dict[str, list[str]] = {
    "Reuters": [r"Reuters(?:\s+Health)?", r"REUTERS", r"Reuter", r"REUTER"],
    "AP": [r"(?:The\s+)?Associated\s+Press", r"(?:The\s+)?AP"],
    "AFP": [r"AFP", r"Agence\s+France[- ]Presse"],
    "dpa": [r"dpa", r"DPA", r"Deutsche\s+Presse-Agentur"],
    "TASS": [r"ITAR-TASS", r"TASS"],
    "Xinhua": [r"Xinhua(?:\s+News\s+Agency)?"],
    "ANI": [r"ANI"],
    "PTI": [r"PTI"],
    "IANS": [r"IANS"],
    "UPI": [r"UPI"],
    "Bloomberg": [r"Bloomberg(?:\s+News)?"],
    "Kyodo": [r"Kyodo(?:\s+News)?"],
    "Yonhap": [r"Yonhap"],
    "EFE": [r"EFE"],
    "ANSA": [r"ANSA"],
    "Anadolu": [r"Anadolu(?:\s+Agency)?"],
    "Interfax": [r"Interfax"],
    "RIA Novosti": [r"RIA\s+Novosti"],
    "KNA": [r"KNA"],
    "AAP": [r"AAP"],
    "PA": [r"PA"],
    "Bernama": [r"Bernama"],
    "Antara": [r"Antara"],
    "KUNA": [r"KUNA"],
    "IRNA": [r"IRNA"],
    "KCNA": [r"KCNA"],
    "SANA": [r"SANA"],
}
# Kinds in the order they are preferred when a text prints several credits.
KINDS = ("dateline", "agency_line", "contribution", "source_line", "lead")

_ALTERNATIVES = sorted(
    ((surface, name) for name, forms in AGENCIES.items() for surface in forms), key=lambda p: -len(p[0])
)
AGENCY = "(?:" + "|".join(surface for surface, _ in _ALTERNATIVES) + ")"
_CANONICAL = [(re.compile(rf"^{surface}$"), name) for surface, name in _ALTERNATIVES]
ANY_AGENCY = re.compile(rf"(?<![\w@.]){AGENCY}(?![\w@-])")
# Separators inside an agency list; this corpus also prints non-breaking spaces as "-".
_SEP = r"\s*(?:,|/|\band\b|&)\s*-?\s*"
AGENCY_LIST = rf"{AGENCY}(?:{_SEP}{AGENCY})*"

DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:[A-Z][\w.'’/ ,-]{{0,60}}?[ \t])?\((?P<list>{AGENCY_LIST})\)[ \t]*[-–—]"
    rf"|^[ \t]*[A-Z][^\n]{{0,80}}?\d{{1,2}}\.\s*/(?P<slash>{AGENCY})/\."
)
AGENCY_LINE = re.compile(
    # editors' initials then the agencies: "ls/bw (AFP, AP, dpa)", "es/jm-(AFP, dpa)", "mp (DPA/Reuters)"
    rf"(?<![\w])[a-z]{{1,4}}(?:/[a-z]{{1,4}})*\s*-?\s*\((?P<list>{AGENCY_LIST})\)"
    # a parenthesised list of agencies alone closing a paragraph
    rf"|\((?P<closing>{AGENCY_LIST})\)[ \t]*-?[ \t]*(?=\n|$)"
    # "with dpa", "- AP", "— Reuters" closing the text
    rf"|(?:\bwith|[-–—])[ \t]+(?P<with>{AGENCY_LIST})\.?[ \t]*$"
    # a bare agency name after the last sentence of the text: "... globally.\" Xinhua"
    rf"|(?<=[.!?\"”’])[ \t]+(?P<bare>{AGENCY})[ \t]*(?:\((?!{AGENCY})[^()\n]{{0,60}}\))?[ \t]*$"
)
CONTRIBUTION = re.compile(
    rf"(?:^|(?<=[.!?\"”?—–-])|(?<=\n))[\s\"”?—–-]*(?P<list>{AGENCY_LIST})"
    rf"(?P<who>(?:[ \t]+(?:[\w.'’-]+|,)){{0,14}}?)[ \t]+contributed\b",
    re.M,
)
SOURCE_LINE = re.compile(
    rf"\bSource\s*:[\s-]*(?:[A-Z][\w ]{{0,30}}?\s+and\s+)?(?P<list>{AGENCY_LIST})(?:\s+news\s+agenc(?:y|ies))?\b"
)
LEAD = re.compile(
    rf"(?m)^[ \t]*(?P<list>{AGENCY_LIST})(?:\s+news\s+agency)?\s+(?:reported|reports|said|says)\b"
)
LEAD_CHARS = 1200
PHOTO_CONTEXT = re.compile(r"(?:\bphotos?\b|\bimages?\b|\bpictures?\b|courtesy|\bvia\b|/\s*$)", re.I)
WHO_WORDS = re.compile(
    r"^(?:\s*(?:writers?|reporters?|researchers?|correspondents?|staff|news\s+assistants?|photographers?|"
    r"[A-Z][\w.'’-]*|and|in|,|[a-z]+\s+writers?))*\s*$"
)


@dataclass(frozen=True)
class Credit:
    agency: str  # the first agency the credit names, canonical
    agencies: tuple[str, ...]  # every agency it names, in printed order
    kind: str  # dateline, agency_line, contribution, source_line or lead
    start: int
    end: int


def canonical_agency(surface: str) -> str | None:
    text = re.sub(r"\s+", " ", surface.strip())
    for pattern, name in _CANONICAL:
        if pattern.match(text):
            return name
    return None


def _names(listed: str) -> tuple[str, ...]:
    names: list[str] = []
    for match in ANY_AGENCY.finditer(listed):
        name = canonical_agency(match.group(0))
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)


def find_credits(text: str, captions: list[tuple[int, int]] | None = None) -> list[Credit]:
    """Every credit in the text, strongest kind first, then in reading order."""
    if not ANY_AGENCY.search(text):
        return []
    captions = captions or []
    found: list[Credit] = []

    def add(kind: str, match: re.Match, group: str) -> None:
        start, end = match.span(group)
        if _inside(captions, start):
            return
        before = text[max(0, start - 40) : start]
        if PHOTO_CONTEXT.search(before.rsplit("\n", 1)[-1]) and kind != "dateline":
            return
        names = _names(match.group(group))
        if names:
            found.append(Credit(names[0], names, kind, start, end))

    for m in DATELINE.finditer(text):
        add("dateline", m, "list" if m.group("list") else "slash")
    for m in AGENCY_LINE.finditer(text):
        group = next(g for g in ("list", "closing", "with", "bare") if m.group(g))
        if group in ("with", "bare") and text[m.end() :].strip():
            continue  # only at the very end of the text
        add("agency_line", m, group)
    for m in CONTRIBUTION.finditer(text):
        if WHO_WORDS.match(m.group("who") or ""):
            add("contribution", m, "list")
    for m in SOURCE_LINE.finditer(text):
        add("source_line", m, "list")
    for m in LEAD.finditer(text[:LEAD_CHARS]):
        add("lead", m, "list")
    found.sort(key=lambda c: (KINDS.index(c.kind), c.start))
    unique: list[Credit] = []
    for credit in found:
        if not any(u.start == credit.start for u in unique):
            unique.append(credit)
    return unique


def credited_agencies(credits: list[Credit]) -> list[str]:
    names: list[str] = []
    for credit in credits:
        names.extend(n for n in credit.agencies if n not in names)
    return names


def find_credit(text: str, captions: list[tuple[int, int]] | None = None) -> Credit | None:
    """The strongest credit of the text, or None when it credits no agency."""
    credits = find_credits(text, captions)
    return credits[0] if credits else None
