"""One document's facts in two stages, each a pure function a worker process can run.

1. `read_document`: what the text gives on its own: officials it names with a title, commodities,
   trade figures and the country it is about.
2. `link_document`: the corpus's officials the text names without a title, its people resolved
   within the text, and its meetings. Besides the text, it reads only the corpus knowledge that
   occurs in the text (`CorpusKnowledge.in_text`), so a stored result holds while that part is
   unchanged, however many other documents arrive.

`stored_row` and `from_stored` turn both stages into one row of the facts store and back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import polars as pl
import xxhash

from schemas.models import polars_schema
from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.figures import find_figures
from wirefacts.extract.gazetteers import document_country
from wirefacts.extract.meetings import find_meetings
from wirefacts.extract.officials import OfficialMention, find_officials
from wirefacts.extract.people import resolve_in_document, untitled_mentions
from wirefacts.extract.settings import ExtractionSettings
from wirefacts.fingerprint import stable_id
from wirefacts.text.sentences import sentence_spans

WORD_RUN = re.compile(r"\w+")
MENTION_FIELDS = {
    "name": pl.String, "title": pl.String, "country": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
    "title_start": pl.Int64, "mention": pl.String,
}  # fmt: skip
# Rows of these fact tables are stored as the tables hold them (participants with their person).
ROW_TABLES = {
    "commodities": "commodity_mentions",
    "figures": "trade_figures",
    "meetings": "meetings",
}
PARTICIPANT_FIELDS = {
    "meeting_id": pl.String,
    "person_key": pl.String,
    "doc_id": pl.String,
    "name": pl.String,
}


def text_key(body: str, published_on: date | None) -> str:
    """What the facts of a document are computed from, besides the code and the corpus knowledge."""
    return xxhash.xxh64_hexdigest(f"{published_on}\x1f{body}".encode())


@dataclass(frozen=True)
class Reading:
    """Stage 1: what one text gives on its own."""

    titled: tuple[OfficialMention, ...]
    commodities: tuple[dict, ...]
    figures: tuple[dict, ...]
    country: str | None


@dataclass(frozen=True)
class Links:
    """Stage 2: the text's people resolved, and its meetings; `context` names the knowledge used."""

    context: str
    mentions: tuple[OfficialMention, ...]
    meetings: tuple[dict, ...]
    participants: tuple[dict, ...]


def read_document(doc_id: str, body: str, settings: ExtractionSettings) -> Reading:
    spans = sentence_spans(body)
    commodities = find_commodities(body)
    commodity_rows = tuple(
        {"doc_id": doc_id, "commodity": c.commodity, "category": c.category, "mention": c.mention,
         "char_start": c.start, "char_end": c.end}
        for c in commodities
    )  # fmt: skip
    figure_rows = []
    for f in find_figures(body, spans, commodities, settings):
        sentence = next(((s, e) for s, e in spans if s <= f.start < e), (f.start, f.end))
        figure_rows.append(
            {"figure_id": stable_id(doc_id, f.start), "doc_id": doc_id, "value": f.value, "unit": f.unit,
             "direction": f.direction, "approximate": f.approximate, "metric": f.metric, "commodity": f.commodity,
             "country": f.country, "partner_country": f.partner_country, "period_text": f.period_text,
             "evidence": body[sentence[0] : sentence[1]], "char_start": sentence[0], "char_end": sentence[1]}
        )  # fmt: skip
    country = document_country(body, settings.story_country_share, settings.story_country_min_mentions)
    return Reading(tuple(find_officials(body)), commodity_rows, tuple(figure_rows), country)


@dataclass(frozen=True)
class CorpusKnowledge:
    """Officials the corpus names with a title (full names), and surnames that belong to one of them."""

    known: dict[str, OfficialMention]
    surnames: dict[str, OfficialMention]

    @cached_property
    def _index(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        # A name can occur only where its last word run is a word run of the text (names match
        # between non-word characters), so the text's words pick the few names worth looking for.
        known: dict[str, list[str]] = {}
        for name in self.known:
            known.setdefault(WORD_RUN.findall(name)[-1], []).append(name)
        surnames: dict[str, list[str]] = {}
        for surname in self.surnames:
            for form in {surname, surname.upper()}:
                surnames.setdefault(WORD_RUN.findall(form)[-1], []).append(surname)
        return known, surnames

    def in_text(
        self, body: str, titled: bool
    ) -> tuple[dict[str, OfficialMention], dict[str, OfficialMention]]:
        """The known names and surnames that occur in the text (surnames only where no one is titled)."""
        known_by_word, surnames_by_word = self._index
        words = set(WORD_RUN.findall(body))
        known = {
            n: self.known[n]
            for w in sorted(words & known_by_word.keys())
            for n in known_by_word[w]
            if n in body
        }
        surnames = {}
        if not titled:
            shouting = body.isupper()
            surnames = {
                s: self.surnames[s]
                for w in sorted(words & surnames_by_word.keys())
                for s in surnames_by_word[w]
                if (s.upper() if shouting else s) in body
            }
        return known, surnames


def knowledge_key(known: dict[str, OfficialMention], surnames: dict[str, OfficialMention]) -> str:
    def entries(found: dict[str, OfficialMention]) -> list[tuple]:
        return sorted((k, m.name, m.title, m.country) for k, m in found.items())

    return xxhash.xxh64_hexdigest(repr((entries(known), entries(surnames))).encode())


def link_document(
    doc_id: str,
    body: str,
    published_on: date | None,
    titled: tuple[OfficialMention, ...],
    known: dict[str, OfficialMention],
    surnames: dict[str, OfficialMention],
) -> Links:
    mentions = resolve_in_document(list(titled) + untitled_mentions(body, list(titled), known, surnames))
    meetings, participants = [], []
    for m in find_meetings(body, sentence_spans(body), mentions, published_on):
        meeting_id = stable_id(doc_id, m.start)
        meetings.append(
            {"meeting_id": meeting_id, "doc_id": doc_id, "kind": m.kind, "status": m.status, "what": m.what,
             "date_text": m.date_text, "date_start": m.date_start, "location": m.location,
             "location_country": m.location_country, "evidence": m.evidence, "char_start": m.start, "char_end": m.end}
        )  # fmt: skip
        participants += [
            {"meeting_id": meeting_id, "person_key": p.name, "doc_id": doc_id, "name": p.name}
            for p in m.participants
        ]
    return Links(knowledge_key(known, surnames), tuple(mentions), tuple(meetings), tuple(participants))


def store_schema() -> pl.Schema:
    """One row per document: its keys, then both stages as lists of rows."""
    mention = pl.List(pl.Struct(MENTION_FIELDS))
    return pl.Schema(
        {
            "doc_id": pl.String,
            "text_key": pl.String,
            "version": pl.String,
            "country": pl.String,
            "context": pl.String,
            "titled": mention,
            "mentions": mention,
            **{column: pl.List(pl.Struct(polars_schema(t))) for column, t in ROW_TABLES.items()},
            "participants": pl.List(pl.Struct(PARTICIPANT_FIELDS)),
        }
    )


def _mention_row(m: OfficialMention, body: str) -> dict:
    return {"name": m.name, "title": m.title, "country": m.country, "char_start": m.start, "char_end": m.end,
            "title_start": m.title_start, "mention": body[m.start : m.end]}  # fmt: skip


def mention_of(row: dict) -> OfficialMention:
    return OfficialMention(
        row["name"], row["title"], row["country"], row["char_start"], row["char_end"], row["title_start"]
    )


def stored_row(doc_id: str, key: str, version: str, body: str, reading: Reading, links: Links) -> dict:
    return {
        "doc_id": doc_id,
        "text_key": key,
        "version": version,
        "country": reading.country,
        "context": links.context,
        "titled": [_mention_row(m, body) for m in reading.titled],
        "mentions": [_mention_row(m, body) for m in links.mentions],
        "commodities": list(reading.commodities),
        "figures": list(reading.figures),
        "meetings": list(links.meetings),
        "participants": list(links.participants),
    }


def from_stored(row: dict) -> tuple[Reading, Links]:
    reading = Reading(
        tuple(mention_of(m) for m in row["titled"]),
        tuple(row["commodities"]),
        tuple(row["figures"]),
        row["country"],
    )
    links = Links(
        row["context"],
        tuple(mention_of(m) for m in row["mentions"]),
        tuple(row["meetings"]),
        tuple(row["participants"]),
    )
    return reading, links
