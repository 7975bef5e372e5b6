"""Sentence spans in a body: character offsets, so every extracted fact points at its sentence."""

from __future__ import annotations

import re

# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc corp co ltd llc plc bros dept est approx vs etc no nos fig vol ed eds pp op
    u.s u.k u.n e.u a.m p.m i.e e.g""".split()
)

# A candidate end: terminal punctuation, closing quotes or brackets, then space and an opener.
CANDIDATE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
PARAGRAPH_BREAK = re.compile(r"\n\s*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; end is exclusive and white space is trimmed."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for m in CANDIDATE_END.finditer(text, para_start, para_end):
            if _is_abbreviation(text, start, m.start()):
                continue
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, para_end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[sentence_start:dot])
    if not word:
        return False
    token = word.group(1).lower()
    # "S. Jaishankar", "U.S." and "Jan." do not end sentences; "Inc." before a capital rarely does.
    return len(token) == 1 or token.rstrip(".") in ABBREVIATIONS or "." in token


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
