"""Documents → the fact tables, every row with the character span of its evidence in the body.

People are resolved twice: inside a document (a bare "Modi" or "Prime Minister Modi" is the
Narendra Modi named elsewhere in it) and across the corpus (S. Jaishankar and Subrahmanyam
Jaishankar are one official when surname, initial and country agree).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cache

import polars as pl
import xxhash

from schemas.models import polars_schema
from schemas.registry import written_by
from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.figures import find_figures
from wirefacts.extract.gazetteers import INTERNATIONAL_BODIES, document_country, places
from wirefacts.extract.meetings import find_meetings
from wirefacts.extract.officials import OfficialMention, find_officials
from wirefacts.extract.settings import DEFAULT, ExtractionSettings
from wirefacts.text.article import STOPWORDS
from wirefacts.text.sentences import sentence_spans

INTERNATIONAL_TITLE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(b) for b in sorted(INTERNATIONAL_BODIES, key=len, reverse=True))
    + r")(?![\w-])"
)
# The facts step's tables from the registry; quarantined_rows is the asset's, not extraction's.
FACT_TABLES = tuple(t.name for t in written_by("facts") if t.name != "quarantined_rows")


def name_tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    return [t for t in re.split(r"[^a-z0-9']+", text.replace(".", " ")) if t]


def _stable_id(*parts: object) -> str:
    return xxhash.xxh64_hexdigest("\x1f".join(str(p) for p in parts).encode("utf-8"))


def resolve_in_document(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """Give every mention the fullest name and the first known country of its person in this text."""
    full_names = sorted({m.name for m in mentions}, key=lambda n: -len(n.split()))
    canonical: dict[str, str] = {}
    for name in full_names:
        tokens = name_tokens(name)
        target = next(
            (
                f
                for f in full_names
                if f != name and _same_person(tokens, name_tokens(f)) and len(f) > len(name)
            ),
            None,
        )
        canonical[name] = canonical.get(target, target) if target else name
    countries: dict[str, str] = {}
    titles: dict[str, str] = {}
    for m in mentions:
        full = canonical[m.name]
        if m.country and full not in countries:
            countries[full] = m.country
        if m.title_start >= 0 and full not in titles and "counterpart" not in m.title.lower():
            titles[full] = m.title
    return [
        replace(
            m,
            name=canonical[m.name],
            country=countries.get(canonical[m.name]),
            title=titles.get(canonical[m.name], m.title),
        )
        for m in mentions
    ]


def known_full_names(mentions: Iterable[OfficialMention]) -> dict[str, OfficialMention]:
    """Full names (two words or more) that some document gives a title: officials of the corpus."""
    known: dict[str, OfficialMention] = {}
    for m in mentions:
        if m.title_start >= 0 and len(m.name.split()) >= 2 and not re.search(r"\b[A-Z]\.", m.name):
            known.setdefault(m.name, m)
    return known


def known_surnames(
    mentions: Iterable[OfficialMention], settings: ExtractionSettings = DEFAULT
) -> dict[str, OfficialMention]:
    """Surnames that belong to one official of the corpus, titled in enough places (settings)."""
    counts: Counter = Counter()
    owners: dict[str, set[str]] = defaultdict(set)
    source: dict[str, OfficialMention] = {}
    for m in mentions:
        tokens = m.name.split()
        if m.title_start < 0 or len(tokens) < 2:
            continue
        surname = tokens[-1]
        counts[surname] += 1
        owners[surname].add(m.name)
        source.setdefault(surname, m)
    return {
        s: source[s]
        for s, n in counts.items()
        if n >= settings.surname_min_titles
        and len(owners[s]) == 1
        and len(s) >= settings.surname_min_chars
        and s.lower() not in STOPWORDS
        and s not in places()
    }


def untitled_mentions(
    body: str,
    titled: list[OfficialMention],
    known: dict[str, OfficialMention],
    surnames: dict[str, OfficialMention],
) -> list[OfficialMention]:
    """Officials other stories name with a title: "Ronald Reagan" anywhere, and "Volcker" alone in
    a story that names no one else with that surname (briefs and all-capital headlines too)."""
    found = []
    taken = [(m.start, m.end) for m in titled]
    if known:
        for m in _name_pattern(frozenset(known), False).finditer(body):
            if not any(s <= m.start() < e for s, e in taken):
                source = known[m.group(0)]
                found.append(
                    OfficialMention(source.name, source.title, source.country, m.start(), m.end(), -1)
                )
                taken.append((m.start(), m.end()))
    if surnames and not titled:
        shouting = body.isupper()
        lookup = {s.upper(): src for s, src in surnames.items()} if shouting else surnames
        for m in _name_pattern(frozenset(lookup), False).finditer(body):
            if not any(s <= m.start() < e for s, e in taken):
                source = lookup[m.group(0)]
                found.append(
                    OfficialMention(source.name, source.title, source.country, m.start(), m.end(), -1)
                )
    return found


@cache
def _name_pattern(names: frozenset[str], ignore_case: bool) -> re.Pattern:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        one, other = (a, b) if len(a) == 1 else (b, a)
        return one[0] in other
    if a[-1] != b[-1]:
        return False
    return (
        a[0] == b[0]
        or (len(a[0]) == 1 and b[0].startswith(a[0]))
        or (len(b[0]) == 1 and a[0].startswith(b[0]))
    )


def extract_facts(
    docs: Iterable[tuple[str, str, date | None]], settings: ExtractionSettings = DEFAULT
) -> dict[str, pl.DataFrame]:
    """docs: (doc_id, body, published_on). Returns one frame per fact table."""
    rows: dict[str, list[dict]] = defaultdict(list)
    people: list[tuple[str, OfficialMention]] = []
    docs = list(docs)
    found = {doc_id: find_officials(body) for doc_id, body, _ in docs}
    all_found = [m for mentions in found.values() for m in mentions]
    known, surnames = known_full_names(all_found), known_surnames(all_found, settings)
    for doc_id, body, published_on in docs:
        spans = sentence_spans(body)
        mentions = resolve_in_document(
            found[doc_id] + untitled_mentions(body, found[doc_id], known, surnames)
        )
        people.extend((doc_id, m) for m in mentions)
        for m in mentions:
            rows["official_mentions"].append(
                {"doc_id": doc_id, "person_key": m.name, "mention": body[m.start : m.end], "title": m.title,
                 "char_start": m.start, "char_end": m.end}
            )  # fmt: skip
        commodities = find_commodities(body)
        for c in commodities:
            rows["commodity_mentions"].append(
                {"doc_id": doc_id, "commodity": c.commodity, "category": c.category, "mention": c.mention,
                 "char_start": c.start, "char_end": c.end}
            )  # fmt: skip
        for f in find_figures(body, spans, commodities, settings):
            sentence = next(((s, e) for s, e in spans if s <= f.start < e), (f.start, f.end))
            rows["trade_figures"].append(
                {"figure_id": _stable_id(doc_id, f.start), "doc_id": doc_id, "value": f.value, "unit": f.unit,
                 "direction": f.direction, "approximate": f.approximate, "metric": f.metric, "commodity": f.commodity,
                 "country": f.country, "partner_country": f.partner_country, "period_text": f.period_text,
                 "evidence": body[sentence[0] : sentence[1]], "char_start": sentence[0], "char_end": sentence[1]}
            )  # fmt: skip
        for m in find_meetings(body, spans, mentions, published_on):
            meeting_id = _stable_id(doc_id, m.start)
            rows["meetings"].append(
                {"meeting_id": meeting_id, "doc_id": doc_id, "kind": m.kind, "status": m.status, "what": m.what,
                 "date_text": m.date_text, "date_start": m.date_start, "location": m.location,
                 "location_country": m.location_country, "evidence": m.evidence, "char_start": m.start, "char_end": m.end}
            )  # fmt: skip
            for p in m.participants:
                rows["meeting_participants"].append(
                    {"meeting_id": meeting_id, "person_key": p.name, "doc_id": doc_id, "name": p.name}
                )
    officials, official_of = resolve_corpus(
        people,
        {
            doc_id: document_country(body, settings.story_country_share, settings.story_country_min_mentions)
            for doc_id, body, _ in docs
        },
    )
    for row in rows["official_mentions"]:
        row["official_id"] = official_of[(row["doc_id"], row.pop("person_key"))]
    frames = {
        name: pl.DataFrame(rows[name], schema=polars_schema(name))
        if rows[name]
        else pl.DataFrame(schema=polars_schema(name))
        for name in FACT_TABLES
        if name not in ("officials", "meeting_participants")
    }
    participants = [
        {
            "meeting_id": r["meeting_id"],
            "official_id": official_of.get((r["doc_id"], r["person_key"])),
            "name": r["name"],
        }
        for r in rows["meeting_participants"]
    ]
    frames["meeting_participants"] = pl.DataFrame(participants, schema=polars_schema("meeting_participants"))
    frames["officials"] = officials
    return frames


def resolve_corpus(
    people: list[tuple[str, OfficialMention]], story_country: dict[str, str | None] | None = None
) -> tuple[pl.DataFrame, dict[tuple[str, str], str]]:
    """Group per-document people into officials: same normalised name, or surname + initial + country.

    A person no story gives a country takes the country their stories are about, when they agree.
    """
    story_country = story_country or {}
    groups: list[dict] = []
    by_surname: dict[str, list[dict]] = defaultdict(list)
    official_of: dict[tuple[str, str], str] = {}
    group_of: dict[tuple[str, str], dict] = {}
    per_doc = {}
    for doc_id, m in people:
        per_doc.setdefault((doc_id, m.name), m)
    for (doc_id, name), m in sorted(per_doc.items(), key=lambda kv: -len(kv[0][1])):
        tokens = name_tokens(name)
        group = next(
            (
                g
                for g in by_surname[tokens[-1]]
                if _same_person(tokens, g["tokens"])
                and (not m.country or not g["countries"] or m.country in g["countries"])
            ),
            None,
        )
        if group is None:
            group = {
                "tokens": tokens,
                "names": Counter(),
                "titles": Counter(),
                "countries": Counter(),
                "keys": [],
            }
            groups.append(group)
            by_surname[tokens[-1]].append(group)
        group["names"][name] += 1
        group["keys"].append((doc_id, name))
        group_of[(doc_id, name)] = group
    for doc_id, m in people:
        group = group_of[(doc_id, m.name)]
        if m.title:
            group["titles"][m.title] += 1
        if m.country:
            group["countries"][m.country] += 1
    rows = []
    for g in groups:
        name = max(g["names"], key=lambda n: (len(n.replace(".", "")), g["names"][n]))
        title = g["titles"].most_common(1)[0][0] if g["titles"] else None
        # The World Bank's or OPEC's officials belong to no country, whatever the story is about.
        if not g["countries"] and not (title and INTERNATIONAL_TITLE.search(title)):
            g["countries"].update(c for c in (story_country.get(doc) for doc, _ in g["keys"]) if c)
        country = g["countries"].most_common(1)[0][0] if g["countries"] else None
        official_id = _stable_id(" ".join(name_tokens(name)), country)
        for key in g["keys"]:
            official_of[key] = official_id
        rows.append(
            {
                "official_id": official_id,
                "name": name,
                "title": title,
                "country": country,
                "documents": len({k[0] for k in g["keys"]}),
            }
        )
    return pl.DataFrame(rows, schema=polars_schema("officials")).unique("official_id").sort(
        "name"
    ), official_of
