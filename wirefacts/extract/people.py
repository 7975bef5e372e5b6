"""People resolved twice: inside a document (a bare "Modi" or "Prime Minister Modi" is the
Narendra Modi named elsewhere in it) and across the corpus (S. Jaishankar and Subrahmanyam
Jaishankar are one official when surname, initial and country agree).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

import polars as pl

from schemas.models import polars_schema
from wirefacts.extract.gazetteers import INTERNATIONAL_BODIES, places
from wirefacts.extract.officials import MONTH_SURNAMES, OfficialMention
from wirefacts.extract.settings import DEFAULT, ExtractionSettings
from wirefacts.fingerprint import stable_id
from wirefacts.text.article import STOPWORDS

INTERNATIONAL_TITLE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(b) for b in sorted(INTERNATIONAL_BODIES, key=len, reverse=True))
    + r")(?![\w-])"
)


def name_tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    return [t for t in re.split(r"[^a-z0-9']+", text.replace(".", " ")) if t]


def resolve_in_document(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """Give every mention the fullest name and the first known country of its person in this text."""
    # Longest names first; among equals the one the text names first (not set order, which
    # changes from process to process), so "Baker" is the same Baker in every run.
    in_text_order = dict.fromkeys(m.name for m in sorted(mentions, key=lambda m: m.start))
    full_names = sorted(in_text_order, key=lambda n: -len(n.split()))
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
        and s not in MONTH_SURNAMES  # "May" alone is the month more often than the person
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


# Bounded: each document looks for its own few names.
@lru_cache(maxsize=4096)
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
        official_id = stable_id(" ".join(name_tokens(name)), country)
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
