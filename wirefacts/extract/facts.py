"""Documents → the fact tables, every row with the character span of its evidence in the body.

Per-document work (`document_facts`) is done once per text and code version and can run in
worker processes; the corpus-level steps (who the corpus's officials are, `people`) work from
its compact results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import polars as pl
import xxhash

from schemas.models import polars_schema
from schemas.registry import written_by
from wirefacts.extract.document_facts import (
    CorpusKnowledge,
    Links,
    Reading,
    from_stored,
    knowledge_key,
    link_document,
    read_document,
    store_schema,
    stored_row,
    text_key,
)
from wirefacts.extract.officials import OfficialMention
from wirefacts.extract.people import known_full_names, known_surnames, resolve_corpus
from wirefacts.extract.settings import DEFAULT, ExtractionSettings
from wirefacts.fingerprint import code_version, still_valid
from wirefacts.parallel import run_all

# The facts step's tables from the registry; quarantined_rows is the asset's, not extraction's.
FACT_TABLES = tuple(t.name for t in written_by("facts") if t.name != "quarantined_rows")
# The bookkeeping table of per-document results (`document_facts.store_schema`), written with the
# fact tables in one transaction: a later run reads only what changed.
FACTS_STORE = "_document_facts"


@dataclass
class Extraction:
    tables: dict[str, pl.DataFrame]
    store: pl.DataFrame  # one row per document, both stages: what the next run can keep
    read: int  # documents whose text was read in this run (stage 1)
    linked: int  # documents whose people and meetings were worked out in this run (stage 2)


def extract_facts(
    docs: Iterable[tuple[str, str, date | None]], settings: ExtractionSettings = DEFAULT
) -> dict[str, pl.DataFrame]:
    """docs: (doc_id, body, published_on). Returns one frame per fact table."""
    return extract(docs, settings).tables


def store_version(settings: ExtractionSettings) -> str:
    """Stored results are kept only under the code, data and settings that computed them."""
    return xxhash.xxh64_hexdigest(f"{code_version()}\x1f{settings!r}".encode())


def extract(
    docs: Iterable[tuple[str, str, date | None]],
    settings: ExtractionSettings = DEFAULT,
    stored: pl.DataFrame | None = None,
    workers: int = 1,
) -> Extraction:
    """The fact tables, computing per document only what `stored` (an earlier store) lacks.

    A document is read again when its text or the version changed, and linked again when the
    corpus knowledge found in its text changed too. The tables equal a run with nothing stored.
    """
    docs = list(docs)
    version = store_version(settings)
    keys = {doc_id: text_key(body, published_on) for doc_id, body, published_on in docs}
    valid = still_valid(stored, keys, version)
    kept = {row["doc_id"]: row for row in valid.iter_rows(named=True)} if valid is not None else {}
    previous = {doc_id: from_stored(row) for doc_id, row in kept.items()}

    to_read = [(doc_id, body, settings) for doc_id, body, _ in docs if doc_id not in previous]
    readings = {doc_id: reading for doc_id, (reading, _) in previous.items()}
    readings |= dict(zip([c[0] for c in to_read], run_all(read_document, to_read, workers), strict=True))

    titled = [m for doc_id, _, _ in docs for m in readings[doc_id].titled]  # in document order
    knowledge = CorpusKnowledge(known_full_names(titled), known_surnames(titled, settings))
    links: dict[str, Links] = {}
    to_link = []
    for doc_id, body, published_on in docs:
        reading = readings[doc_id]
        known, surnames = knowledge.in_text(body, bool(reading.titled))
        if doc_id in previous and previous[doc_id][1].context == knowledge_key(known, surnames):
            links[doc_id] = previous[doc_id][1]
        else:
            to_link.append((doc_id, body, published_on, reading.titled, known, surnames))
    links |= dict(zip([c[0] for c in to_link], run_all(link_document, to_link, workers), strict=True))

    store_rows = []
    for doc_id, body, _ in docs:
        unchanged = doc_id in kept and links[doc_id] is previous[doc_id][1]
        store_rows.append(
            kept[doc_id]
            if unchanged
            else stored_row(doc_id, keys[doc_id], version, body, readings[doc_id], links[doc_id])
        )
    return Extraction(
        _tables(docs, readings, links),
        pl.DataFrame(store_rows, schema=store_schema()),
        len(to_read),
        len(to_link),
    )


def _tables(
    docs: list[tuple[str, str, date | None]], readings: dict[str, Reading], links: dict[str, Links]
) -> dict[str, pl.DataFrame]:
    rows: dict[str, list[dict]] = defaultdict(list)
    people: list[tuple[str, OfficialMention]] = []
    for doc_id, body, _ in docs:
        reading, link = readings[doc_id], links[doc_id]
        people.extend((doc_id, m) for m in link.mentions)
        rows["official_mentions"] += [
            {"doc_id": doc_id, "person_key": m.name, "mention": body[m.start : m.end], "title": m.title,
             "char_start": m.start, "char_end": m.end}
            for m in link.mentions
        ]  # fmt: skip
        rows["commodity_mentions"] += reading.commodities
        rows["trade_figures"] += reading.figures
        rows["meetings"] += link.meetings
        rows["meeting_participants"] += link.participants
    officials, official_of = resolve_corpus(people, {doc_id: r.country for doc_id, r in readings.items()})
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
