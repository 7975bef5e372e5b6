"""Scan results → the documents, rejected_documents and sentences tables, merged with history.

Re-running over the same folder changes nothing: a document keeps the ingested_at of the run
that first loaded those bytes. A changed file (new bytes at the same path) replaces its earlier
row. A file that has left the folder keeps its row, marked is_present = FALSE with the time it
was first found missing, so analysts keep its history and facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import polars as pl

from schemas.models import polars_schema
from wirefacts.text.article import WORD
from wirefacts.text.credits import credited_agencies, find_credits
from wirefacts.text.ingest import Document, Rejection, Unchanged
from wirefacts.text.outlets import OutletMap

DOCUMENTS = polars_schema("documents")
REJECTED = polars_schema("rejected_documents")
SENTENCES = polars_schema("sentences")


def build_tables(
    scanned: Iterable[Document | Rejection | Unchanged],
    previous_documents: pl.DataFrame,
    previous_rejected: pl.DataFrame,
    previous_sentences: pl.DataFrame,
    now: datetime,
    outlets: OutletMap | None = None,
    same_rules: bool = False,
) -> dict[str, pl.DataFrame]:
    """The documents layer's tables: documents, rejected_documents and sentences. same_rules: the
    previous tables were built by this code version, so a kept row keeps its credits."""
    docs: list[Document] = []
    rejections: list[Rejection] = []
    unchanged: list[str] = []
    for item in scanned:
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Unchanged):
            unchanged.append(item.source_path)
        else:
            rejections.append(item)
    documents = _documents(docs, unchanged, previous_documents, now)
    # Unchanged documents and documents kept as history keep their sentences.
    parsed = pl.Series([d.doc_id for d in docs], dtype=pl.String).implode()
    sentences = pl.concat(
        [
            _sentences(docs),
            previous_sentences.filter(
                pl.col("doc_id").is_in(documents["doc_id"].implode()) & ~pl.col("doc_id").is_in(parsed)
            ),
        ]
    )
    known_credits = previous_documents.select(CREDIT_COLUMNS) if same_rules else None
    documents = with_outlets_and_credits(documents, sentences, outlets or OutletMap(), known_credits)
    return {
        "documents": documents,
        "rejected_documents": _rejected(rejections, previous_rejected, now),
        "sentences": sentences,
    }


CREDIT_COLUMNS = (
    "doc_id",
    "credited_agency",
    "credited_agencies",
    "credit_kind",
    "credit_start",
    "credit_end",
)


def with_outlets_and_credits(
    documents: pl.DataFrame,
    sentences: pl.DataFrame,
    outlets: OutletMap,
    known_credits: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Outlet and credited agency of every row, kept rows too, so a new outlets.csv or new credit
    rules reach documents whose bytes have not changed. An outlet the page's own metadata names
    stays; every other row takes the folder's outlets.csv, or NULL. known_credits (CREDIT_COLUMNS)
    are credits found by these same rules: those documents are not read again."""
    known = {row[0]: row[1:] for row in known_credits.iter_rows()} if known_credits is not None else {}
    captions: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in (
        sentences.filter("is_caption").select("doc_id", "char_start", "char_end").iter_rows()
    ):
        captions.setdefault(doc_id, []).append((start, end))
    outlet, outlet_source, agency, agencies, kind, start, end = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    for doc_id, path, body, page_outlet, source in documents.select(
        "doc_id", "source_path", "body", "outlet", "outlet_source"
    ).iter_rows():
        if source == "html_metadata" and page_outlet:
            outlet.append(page_outlet)
            outlet_source.append(source)
        else:
            mapped = outlets.outlet_for(path)
            outlet.append(mapped)
            outlet_source.append("outlets_csv" if mapped else None)
        if doc_id in known:
            for column, value in zip((agency, agencies, kind, start, end), known[doc_id], strict=True):
                column.append(value)
            continue
        credits = find_credits(body, captions.get(doc_id))
        first = credits[0] if credits else None
        agency.append(first.agency if first else None)
        agencies.append(credited_agencies(credits))
        kind.append(first.kind if first else None)
        start.append(first.start if first else None)
        end.append(first.end if first else None)
    return documents.with_columns(
        pl.Series("outlet", outlet, dtype=pl.String),
        pl.Series("outlet_source", outlet_source, dtype=pl.String),
        pl.Series("credited_agency", agency, dtype=pl.String),
        pl.Series("credited_agencies", agencies, dtype=pl.List(pl.String)),
        pl.Series("credit_kind", kind, dtype=pl.String),
        pl.Series("credit_start", start, dtype=DOCUMENTS["credit_start"]),
        pl.Series("credit_end", end, dtype=DOCUMENTS["credit_end"]),
    ).select(DOCUMENTS.names())


def _documents(
    docs: list[Document], unchanged: list[str], previous: pl.DataFrame, now: datetime
) -> pl.DataFrame:
    current = pl.DataFrame(
        {
            "doc_id": [d.doc_id for d in docs],
            "source_path": [d.source_path for d in docs],
            "content_sha256": [d.content_sha256 for d in docs],
            "encoding": [d.encoding for d in docs],
            "content_type": [d.content_type for d in docs],
            "title": [d.title for d in docs],
            "published_on": [d.published_on for d in docs],
            "body": [d.body for d in docs],
            "word_count": [len(WORD.findall(d.body)) for d in docs],
            "is_present": [True] * len(docs),
            "ingested_at": [now] * len(docs),
            "missing_since": [None] * len(docs),
            "outlet": [d.outlet for d in docs],
            "outlet_source": ["html_metadata" if d.outlet else None for d in docs],
            "credited_agency": [None] * len(docs),
            "credited_agencies": [[] for _ in docs],
            "credit_kind": [None] * len(docs),
            "credit_start": [None] * len(docs),
            "credit_end": [None] * len(docs),
        },
        schema=DOCUMENTS,
    )
    # Files whose bytes were already loaded keep their row as it is.
    kept = previous.filter(
        pl.col("is_present") & pl.col("source_path").is_in(pl.Series(unchanged, dtype=pl.String).implode())
    )
    current = pl.concat([current, kept.select(DOCUMENTS.names())])
    # Documents re-read under another name keep the time they were first loaded.
    first_loaded = previous.filter(pl.col("is_present")).select(
        "doc_id", pl.col("ingested_at").alias("first_loaded")
    )
    current = (
        current.join(first_loaded, on="doc_id", how="left")
        .with_columns(pl.coalesce("first_loaded", "ingested_at").alias("ingested_at"))
        .drop("first_loaded")
    )
    # Files no longer in the folder (and not moved or re-read elsewhere) stay, marked missing.
    gone = previous.filter(
        ~pl.col("source_path").is_in(current["source_path"].implode())
        & ~pl.col("doc_id").is_in(current["doc_id"].implode())
    ).with_columns(
        pl.lit(False).alias("is_present"),
        pl.coalesce("missing_since", pl.lit(now, dtype=DOCUMENTS["missing_since"])).alias("missing_since"),
    )
    return pl.concat([current, gone.select(DOCUMENTS.names())]).sort("source_path")


def _rejected(rejections: list[Rejection], previous: pl.DataFrame, now: datetime) -> pl.DataFrame:
    current = pl.DataFrame(
        {
            "source_path": [r.source_path for r in rejections],
            "reason": [r.reason for r in rejections],
            "detail": [r.detail for r in rejections],
            "sha256": [r.sha256 for r in rejections],
            "seen_at": [now] * len(rejections),
        },
        schema=REJECTED,
    )
    first_seen = previous.select("source_path", "reason", "sha256", pl.col("seen_at").alias("first_seen"))
    return (
        current.join(first_seen, on=["source_path", "reason", "sha256"], how="left", nulls_equal=True)
        .with_columns(pl.coalesce("first_seen", "seen_at").alias("seen_at"))
        .drop("first_seen")
        .sort("source_path")
    )


def _sentences(docs: list[Document]) -> pl.DataFrame:
    rows: dict[str, list] = {name: [] for name in SENTENCES.names()}
    for d in docs:
        for number, (start, end) in enumerate(d.sentence_spans):
            rows["doc_id"].append(d.doc_id)
            rows["sentence_no"].append(number)
            rows["char_start"].append(start)
            rows["char_end"].append(end)
            rows["is_caption"].append(any(cs <= start < ce for cs, ce in d.caption_spans))
            rows["sentence"].append(d.body[start:end])
    return pl.DataFrame(rows, schema=SENTENCES)
