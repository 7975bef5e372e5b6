"""Per-document facts → one row per distinct fact of a story, who reported it, and where reports conflict.

A fact of a story is an official, a meeting (its kind and participants), a commodity, or a figure
(metric, commodity, country, partner, unit). Every document of the story that reports the fact is
one report, with its outlet, the agency it credits, the day it was seen and its evidence span.

Figures. Two reports are the same figure when their keys agree and their values agree:
- keys agree when metric and unit are equal and commodity, country and partner country are equal
  or missing on one side (a report that leaves out the country still counts as the same figure);
- values agree when the finer value rounded to the coarser one's decimals equals it ("58.3%" and
  "58%"), or when they differ by at most 1% of the larger, or 10% when either is approximate
  ("about", "nearly", "estimated"); and their directions do not contradict (increase vs decrease).
Reports of one key whose values do not agree are separate facts of the story. Two documents
conflict on a figure when each gives that key exactly once and with every part equal (a report
without a partner or commodity does not contradict one with it), the key names a metric and a
commodity or country, the periods can be the same (month names and years overlap or are
missing), and the values (or directions) do not agree.

Meetings. Reports with the same kind and the same participants are one meeting. A pair of
documents conflicts on it when statuses contradict (cancelled against any other; held against
scheduled unless the scheduled report is from an earlier day), when the places differ (different
countries, or different names without countries), or when both fix a date and the dates differ.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from schemas.models import polars_schema
from wirefacts.fingerprint import stable_id
from wirefacts.text.dates import MONTHS

FIGURE_KEY_OPTIONAL = ("commodity", "country", "partner_country")
EXACT_TOLERANCE = 0.01
APPROXIMATE_TOLERANCE = 0.10
PERIOD_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"|q[1-4]|(?:19|20)\d\d)\b", re.I
)


@dataclass
class Report:
    doc_id: str
    outlet: str | None
    agencies: list[str]
    seen_on: date
    char_start: int
    char_end: int
    evidence: str
    value: float | None = None
    approximate: bool = False
    direction: str | None = None
    period: frozenset[str] = frozenset()
    status: str | None = None
    location: str | None = None
    location_country: str | None = None
    date_start: date | None = None
    key: tuple = ()  # a figure report's own (metric, unit, commodity, country, partner), as extracted


@dataclass
class Fact:
    story_id: str
    fact_type: str
    key: dict
    label: str
    reports: list[Report] = field(default_factory=list)
    fact_id: str = ""  # set by assign_fact_ids once the story's facts are complete

    def natural_id(self) -> str:
        parts = [self.story_id, self.fact_type, *(f"{k}={v}" for k, v in sorted(self.key.items()))]
        if self.fact_type == "figure":
            parts.extend((self.reports[0].value, self.reports[0].direction))
        return stable_id(*parts)


def assign_fact_ids(facts: list[Fact]) -> None:
    """Ids from the fact's story, key and value; two figures whose keys filled in to the same key
    and value get the second a derived id, before any conflict row refers to either."""
    used: set[str] = set()
    for fact in facts:
        fact_id = fact.natural_id()
        while fact_id in used:
            fact_id = stable_id(fact_id, "next")
        used.add(fact_id)
        fact.fact_id = fact_id


def decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def values_agree(a: float, b: float, approximate: bool = False) -> bool:
    """The rule the README states: rounding to the coarser value's decimals, or a relative tolerance."""
    if a == b:
        return True
    coarse, fine = (a, b) if decimals(a) <= decimals(b) else (b, a)
    if math.isclose(round(fine, decimals(coarse)), coarse, rel_tol=1e-9, abs_tol=1e-9):
        return True
    tolerance = APPROXIMATE_TOLERANCE if approximate else EXACT_TOLERANCE
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def directions_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def period_words(text: str | None) -> frozenset[str]:
    """Months as their numbers ("Sept" and "September" are one), quarters and years as written."""
    words = (w.lower() for w in PERIOD_WORDS.findall(text or ""))
    return frozenset(f"month {MONTHS[w]}" if w in MONTHS else w for w in words)


def periods_can_match(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def _report_agrees(fact: Fact, report: Report) -> bool:
    first = fact.reports[0]
    approximate = first.approximate or report.approximate
    return values_agree(first.value, report.value, approximate) and directions_agree(
        first.direction, report.direction
    )


def _keys_compatible(a: dict, b: dict) -> bool:
    if a["metric"] != b["metric"] or a["unit"] != b["unit"]:
        return False
    return all(a[k] is None or b[k] is None or a[k] == b[k] for k in FIGURE_KEY_OPTIONAL)


def _figure_label(key: dict, value: float, direction: str | None) -> str:
    where = "→".join(c for c in (key["country"], key["partner_country"]) if c)
    number = f"{value:,.10g}"
    parts = [key["metric"] or "figure", key["commodity"], where or None, f"{number} {key['unit']}", direction]
    return " ".join(p for p in parts if p)


def group_figures(story_id: str, rows: list[tuple[dict, Report]]) -> list[Fact]:
    """Most specific keys first, so a report that leaves out a country joins the figure that has it."""
    facts: list[Fact] = []
    ordered = sorted(
        rows,
        key=lambda kr: (
            -sum(kr[0][k] is not None for k in FIGURE_KEY_OPTIONAL),
            kr[1].doc_id,
            kr[1].char_start,
        ),
    )
    for key, report in ordered:
        target = next(
            (f for f in facts if _keys_compatible(f.key, key) and _report_agrees(f, report)),
            None,
        )
        if target is None:
            facts.append(
                Fact(
                    story_id,
                    "figure",
                    dict(key),
                    _figure_label(key, report.value, report.direction),
                    [report],
                )
            )
            continue
        for k in FIGURE_KEY_OPTIONAL:
            target.key[k] = target.key[k] or key[k]
        target.reports.append(report)
    return facts


def figure_conflicts(facts: list[Fact]) -> list[tuple[Fact, Report, Fact, Report, str]]:
    """Pairs of documents that each give one value for a figure key, and values that do not agree.

    Only keys with a metric and a commodity or country are compared, only reports whose own keys are
    equal (a figure with a trade partner and one without measure different things, so a missing part
    that joins two reports as one fact does not make them contradict), and only documents that give
    the key once: a text listing several companies' sales under one key is not contradicting itself.
    """
    placed = [(f, r) for f in facts for r in f.reports]
    conflicts, seen = [], set()
    for i, (a, ra) in enumerate(placed):
        if not _comparable(a.key):
            continue
        for b, rb in placed[i + 1 :]:
            if ra.doc_id == rb.doc_id or a is b or ra.key != rb.key:
                continue
            if not periods_can_match(ra.period, rb.period):
                continue
            mine = [x for _, x in placed if x.doc_id == ra.doc_id and x.key == rb.key]
            theirs = [x for _, x in placed if x.doc_id == rb.doc_id and x.key == ra.key]
            if len({x.value for x in mine}) != 1 or len({x.value for x in theirs}) != 1:
                continue
            pair = (a.story_id, *sorted((ra.doc_id, rb.doc_id)), *sorted((a.label, b.label)))
            if pair in seen:
                continue
            seen.add(pair)
            attribute = "direction" if values_agree(ra.value, rb.value) else "value"
            conflicts.append((a, ra, b, rb, attribute))
    return conflicts


def _comparable(key: dict) -> bool:
    return key["metric"] is not None and (key["commodity"] is not None or key["country"] is not None)


def _status_conflict(a: Report, b: Report) -> bool:
    if a.status == b.status or a.status is None or b.status is None:
        return False
    statuses = {a.status, b.status}
    if "cancelled" in statuses:
        return True
    if statuses <= {"held", "ongoing"}:
        return False
    scheduled, other = (a, b) if a.status == "scheduled" else (b, a)
    return not scheduled.seen_on < other.seen_on


def _place_conflict(a: Report, b: Report) -> bool:
    if a.location_country and b.location_country:
        return a.location_country != b.location_country
    if a.location and b.location and not (a.location_country or b.location_country):
        return a.location.strip().lower() != b.location.strip().lower()
    return False


def meeting_conflicts(fact: Fact) -> list[tuple[Report, Report, str]]:
    """Pairs of documents whose every report of the meeting contradicts the other's, per attribute."""
    by_doc: dict[str, list[Report]] = defaultdict(list)
    for r in fact.reports:
        by_doc[r.doc_id].append(r)
    docs = sorted(by_doc)
    found = []
    tests = {
        "status": _status_conflict,
        "location": _place_conflict,
        "date": lambda a, b: bool(a.date_start and b.date_start and a.date_start != b.date_start),
    }
    for i, da in enumerate(docs):
        for db in docs[i + 1 :]:
            for attribute, test in tests.items():
                pairs = [(a, b) for a in by_doc[da] for b in by_doc[db]]
                if pairs and all(test(a, b) for a, b in pairs):
                    found.append((pairs[0][0], pairs[0][1], attribute))
    return found


def build_story_facts(
    clusters: pl.DataFrame,
    documents: pl.DataFrame,
    official_mentions: pl.DataFrame,
    officials: pl.DataFrame,
    meetings: pl.DataFrame,
    participants: pl.DataFrame,
    commodity_mentions: pl.DataFrame,
    trade_figures: pl.DataFrame,
) -> dict[str, pl.DataFrame]:
    """documents: doc_id, body, outlet, credited_agencies, published_on, ingested_at."""
    story_of = dict(clusters.select("doc_id", "story_id").iter_rows())
    doc_info = {}
    for doc_id, body, outlet, agencies, published_on, ingested_at in documents.select(
        "doc_id", "body", "outlet", "credited_agencies", "published_on", "ingested_at"
    ).iter_rows():
        seen_on = published_on or (ingested_at.date() if ingested_at else date.today())
        doc_info[doc_id] = (body, outlet, list(agencies or []), seen_on)

    def report(doc_id: str, start: int, end: int, **extra: object) -> Report:
        body, outlet, agencies, seen_on = doc_info[doc_id]
        return Report(doc_id, outlet, agencies, seen_on, start, end, body[start:end], **extra)

    def row_report(row: dict, *columns: str, **extra: object) -> Report:
        """The report of one fact row, keeping the named columns of the row as they are."""
        kept = {column: row[column] for column in columns}
        return report(row["doc_id"], row["char_start"], row["char_end"], **kept, **extra)

    facts: list[Fact] = []
    names = dict(officials.select("official_id", "name").iter_rows())

    def mention_facts(mentions: pl.DataFrame, column: str, fact_type: str, label_of: dict) -> None:
        """One fact per story and mentioned thing; each document's first mention is its report."""
        firsts: dict[tuple[str, str, str], tuple[int, int]] = {}
        for doc_id, thing, start, end in mentions.select(
            "doc_id", column, "char_start", "char_end"
        ).iter_rows():
            if doc_id in story_of and doc_id in doc_info:
                key = (story_of[doc_id], thing, doc_id)
                firsts[key] = min(firsts.get(key, (start, end)), (start, end))
        by_thing: dict[tuple[str, str], Fact] = {}
        for (story_id, thing, doc_id), (start, end) in sorted(firsts.items()):
            fact = by_thing.get((story_id, thing))
            if fact is None:
                label = label_of.get(thing, thing)
                key = {"official_id": thing, "name": label} if fact_type == "official" else {column: thing}
                fact = by_thing[(story_id, thing)] = Fact(story_id, fact_type, key, label)
                facts.append(fact)
            fact.reports.append(report(doc_id, start, end))

    mention_facts(official_mentions, "official_id", "official", names)
    mention_facts(commodity_mentions, "commodity", "commodity", {})

    who: dict[str, list[str]] = defaultdict(list)
    for meeting_id, official_id, name in participants.select("meeting_id", "official_id", "name").iter_rows():
        who[meeting_id].append(names.get(official_id, name) if official_id else name)
    by_meeting: dict[tuple, Fact] = {}
    meeting_facts: list[Fact] = []
    for row in meetings.sort("doc_id", "char_start").iter_rows(named=True):
        doc_id = row["doc_id"]
        people = tuple(sorted(set(who.get(row["meeting_id"], []))))
        if doc_id not in story_of or doc_id not in doc_info or not people:
            continue
        key = (story_of[doc_id], row["kind"], people)
        fact = by_meeting.get(key)
        if fact is None:
            label = f"{row['kind']}: {', '.join(people)}"
            fact = by_meeting[key] = Fact(
                key[0], "meeting", {"meeting_kind": row["kind"], "participants": list(people)}, label
            )
            meeting_facts.append(fact)
        fact.reports.append(row_report(row, "status", "location", "location_country", "date_start"))
    facts.extend(meeting_facts)

    figure_rows: dict[str, list[tuple[dict, Report]]] = defaultdict(list)
    for row in trade_figures.sort("doc_id", "char_start").iter_rows(named=True):
        doc_id = row["doc_id"]
        if doc_id not in story_of or doc_id not in doc_info:
            continue
        key = {k: row[k] for k in ("metric", "unit", *FIGURE_KEY_OPTIONAL)}
        figure_rows[story_of[doc_id]].append(
            (
                key,
                row_report(
                    row,
                    "value",
                    "approximate",
                    "direction",
                    period=period_words(row["period_text"]),
                    key=tuple(key.values()),
                ),
            )
        )
    disagreements: list[tuple[Fact, Report, Fact, Report, str, str]] = []
    for story_id, rows in sorted(figure_rows.items()):
        story_figures = group_figures(story_id, rows)
        facts.extend(story_figures)
        for a, ra, b, rb, attribute in figure_conflicts(story_figures):
            disagreements.append((a, ra, b, rb, "figure", attribute))
    for fact in meeting_facts:
        for ra, rb, attribute in meeting_conflicts(fact):
            disagreements.append((fact, ra, fact, rb, "meeting", attribute))
    assign_fact_ids(facts)
    return _frames(facts, [_conflict_row(*d) for d in disagreements])


def _describe(fact: Fact, r: Report, attribute: str) -> str:
    if fact.fact_type == "figure":
        number = f"{r.value:,.10g} {fact.key['unit']}"
        return f"{number} {r.direction}" if r.direction else number
    if attribute == "status":
        return r.status or ""
    if attribute == "location":
        return ", ".join(p for p in (r.location, r.location_country) if p)
    return str(r.date_start)


def _conflict_row(a: Fact, ra: Report, b: Fact, rb: Report, fact_type: str, attribute: str) -> dict:
    if (ra.doc_id, ra.char_start) > (rb.doc_id, rb.char_start):
        a, ra, b, rb = b, rb, a, ra
    return {
        "conflict_id": stable_id(a.story_id, a.fact_id, b.fact_id, ra.doc_id, rb.doc_id, attribute),
        "story_id": a.story_id,
        "fact_type": fact_type,
        "attribute": attribute,
        "label": a.label if a is b else f"{a.label} | {b.label}",
        "fact_id": a.fact_id,
        "other_fact_id": b.fact_id,
        "doc_id": ra.doc_id,
        "other_doc_id": rb.doc_id,
        "outlet": ra.outlet,
        "other_outlet": rb.outlet,
        "agency": ", ".join(ra.agencies) or None,
        "other_agency": ", ".join(rb.agencies) or None,
        "reported": _describe(a, ra, attribute),
        "other_reported": _describe(b, rb, attribute),
        "evidence": ra.evidence,
        "char_start": ra.char_start,
        "char_end": ra.char_end,
        "other_evidence": rb.evidence,
        "other_char_start": rb.char_start,
        "other_char_end": rb.char_end,
    }


def _frames(facts: list[Fact], conflicts: list[dict]) -> dict[str, pl.DataFrame]:
    conflicted = {c["fact_id"] for c in conflicts} | {c["other_fact_id"] for c in conflicts}
    fact_rows, report_rows = [], []
    for fact in facts:
        fact_id = fact.fact_id
        docs, outlets, agencies = [], [], []
        for r in fact.reports:
            docs.append(r.doc_id) if r.doc_id not in docs else None
            outlets.append(r.outlet) if r.outlet and r.outlet not in outlets else None
            agencies.extend(a for a in r.agencies if a not in agencies)
        values = [r.value for r in fact.reports if r.value is not None]
        days = [r.seen_on for r in fact.reports]
        fact_rows.append(
            {
                "fact_id": fact_id,
                "story_id": fact.story_id,
                "fact_type": fact.fact_type,
                "label": fact.label,
                "official_id": fact.key.get("official_id"),
                "name": fact.key.get("name"),
                "meeting_kind": fact.key.get("meeting_kind"),
                "participants": fact.key.get("participants", []),
                "commodity": fact.key.get("commodity"),
                "metric": fact.key.get("metric"),
                "country": fact.key.get("country"),
                "partner_country": fact.key.get("partner_country"),
                "unit": fact.key.get("unit"),
                "value": values[0] if values else None,
                "value_min": min(values) if values else None,
                "value_max": max(values) if values else None,
                "direction": next((r.direction for r in fact.reports if r.direction), None),
                "documents": docs,
                "document_count": len(docs),
                "outlets": outlets,
                "outlet_count": len(outlets),
                "agencies": agencies,
                "agency_count": len(agencies),
                "first_seen": min(days),
                "last_seen": max(days),
                "has_conflict": fact_id in conflicted,
            }
        )
        seen = set()
        for r in fact.reports:
            if (r.doc_id, r.char_start) in seen:
                continue
            seen.add((r.doc_id, r.char_start))
            report_rows.append(
                {
                    "fact_id": fact_id,
                    "story_id": fact.story_id,
                    "doc_id": r.doc_id,
                    "outlet": r.outlet,
                    "credited_agency": r.agencies[0] if r.agencies else None,
                    "seen_on": r.seen_on,
                    "value": r.value,
                    "status": r.status,
                    "location": r.location,
                    "date_start": r.date_start,
                    "evidence": r.evidence,
                    "char_start": r.char_start,
                    "char_end": r.char_end,
                }
            )
    tables = {"story_facts": fact_rows, "story_fact_reports": report_rows, "fact_conflicts": conflicts}
    return {
        name: pl.DataFrame(rows, schema=polars_schema(name))
        if rows
        else pl.DataFrame(schema=polars_schema(name))
        for name, rows in tables.items()
    }
