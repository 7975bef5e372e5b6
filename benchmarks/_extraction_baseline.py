"""A keyword baseline for fact extraction, scored beside the pipeline on the same documents.

It is what a first attempt with the same gazetteers looks like (keyword event coding in the
spirit of GDELT's, no grammar and no guards):
- officials: an office title followed by two or three capitalised words, the country from a
  country name or demonym just before the title;
- meetings: a sentence with a meeting word and at least one such official, its participants the
  officials in it, "held" unless "will" or "to meet" appears;
- commodities: every gazetteer variant, wherever it occurs;
- figures: a number with a unit word in a sentence with a trade word, the country from the
  dateline.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from wirefacts.extract.gazetteers import commodity_variants, dateline_place, find_places
from wirefacts.text.sentences import sentence_spans

TITLE = re.compile(
    r"\b(?P<title>(?:Prime |Foreign |Finance |Trade |Oil |Agriculture )?(?:Minister|President|Secretary"
    r"|Governor|Chancellor|Chairman|Ambassador|Representative|Spokesman|Premier|King))\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
)
MEETING_WORD = re.compile(r"\b(?:meet|meets|met|meeting|talks|visit|visited|visits|summit)\b", re.I)
SCHEDULED = re.compile(r"\b(?:will|to meet|to visit)\b", re.I)
TRADE_WORD = re.compile(r"\b(?:export|import|trade|surplus|deficit|output|production|shipment)", re.I)
FIGURE = re.compile(
    r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>mln|million|bln|billion)?\s*"
    r"(?P<unit>pct|percent|per cent|%|dlrs|dollars|tonnes|tons|barrels|bags)\b",
    re.I,
)
SCALES = {"mln": 1e6, "million": 1e6, "bln": 1e9, "billion": 1e9}
UNITS = {
    **dict.fromkeys(("pct", "percent", "per cent", "%"), "percent"),
    **dict.fromkeys(("dlrs", "dollars"), "USD"),
    **dict.fromkeys(("tonnes", "tons"), "metric_ton"),
    "barrels": "barrel",
    "bags": "bag",
}


def officials_in(body: str, start: int = 0, end: int | None = None) -> list[tuple[str, str, str | None]]:
    """(name, title, country) of every title + name in body[start:end]."""
    found = []
    for m in TITLE.finditer(body, start, len(body) if end is None else end):
        before = find_places(body, max(0, m.start() - 25), m.start())
        found.append((m.group("name"), m.group("title"), before[-1][2].country if before else None))
    return found


def baseline_warehouse(pipeline_warehouse: Path, out: Path) -> Path:
    """A warehouse holding the pipeline's documents and the baseline's fact tables."""
    con = duckdb.connect(str(out))
    con.execute(f"ATTACH '{pipeline_warehouse}' AS run (READ_ONLY)")
    con.execute("CREATE TABLE documents AS SELECT * FROM run.documents")
    docs = con.execute("SELECT doc_id, body FROM documents").fetchall()
    con.execute("DETACH run")
    officials, meetings, participants, commodities, figures = [], [], [], [], []
    variants = commodity_variants()
    variant_pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(variants, key=len, reverse=True))) + r")\b", re.I
    )
    for doc_id, body in docs:
        for name, title, country in officials_in(body):
            officials.append((doc_id, f"{doc_id}:{name}", name, title, country))
        for m in variant_pattern.finditer(body):
            commodities.append((doc_id, variants[m.group(1).lower()].canonical, m.group(1)))
        place = dateline_place(body)
        for s, e in sentence_spans(body):
            sentence = body[s:e]
            people = officials_in(body, s, e)
            if people and MEETING_WORD.search(sentence):
                meeting_id = f"{doc_id}:{s}"
                status = "scheduled" if SCHEDULED.search(sentence) else "held"
                meetings.append((meeting_id, doc_id, "meeting", status, sentence))
                participants += [(meeting_id, name) for name, _, _ in people]
            if TRADE_WORD.search(sentence):
                for m in FIGURE.finditer(sentence):
                    value = float(m.group("number").replace(",", "")) * SCALES.get(
                        (m.group("scale") or "").lower(), 1
                    )
                    unit = UNITS[m.group("unit").lower()]
                    figures.append((doc_id, value, unit, place[1] if place else None, sentence))
    con.execute("CREATE TABLE officials (official_id VARCHAR, name VARCHAR, title VARCHAR, country VARCHAR)")
    con.execute("CREATE TABLE official_mentions (doc_id VARCHAR, official_id VARCHAR, title VARCHAR)")
    con.executemany("INSERT INTO officials VALUES (?, ?, ?, ?)", [r[1:] for r in officials] or [])
    con.executemany("INSERT INTO official_mentions VALUES (?, ?, ?)", [(r[0], r[1], r[3]) for r in officials])
    con.execute(
        "CREATE TABLE meetings (meeting_id VARCHAR, doc_id VARCHAR, kind VARCHAR, status VARCHAR, date_text "
        "VARCHAR, date_start DATE, location VARCHAR, location_country VARCHAR, evidence VARCHAR)"
    )
    con.executemany("INSERT INTO meetings VALUES (?, ?, ?, ?, NULL, NULL, NULL, NULL, ?)", meetings)
    con.execute("CREATE TABLE meeting_participants (meeting_id VARCHAR, name VARCHAR)")
    con.executemany("INSERT INTO meeting_participants VALUES (?, ?)", participants)
    con.execute("CREATE TABLE commodity_mentions (doc_id VARCHAR, commodity VARCHAR, mention VARCHAR)")
    con.executemany("INSERT INTO commodity_mentions VALUES (?, ?, ?)", commodities)
    con.execute(
        "CREATE TABLE trade_figures (doc_id VARCHAR, value DOUBLE, unit VARCHAR, direction VARCHAR, "
        "approximate BOOLEAN, commodity VARCHAR, metric VARCHAR, country VARCHAR, partner_country VARCHAR, "
        "period_text VARCHAR, evidence VARCHAR)"
    )
    con.executemany(
        "INSERT INTO trade_figures VALUES (?, ?, ?, NULL, false, NULL, NULL, ?, NULL, NULL, ?)", figures
    )
    con.close()
    return out
