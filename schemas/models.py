"""The warehouse tables as pandera.polars models: column names, types and rules in one place.

Each model's name is the table's name in CamelCase (`trade_figures` → `TradeFigures`); the
asset checks, the column schemas shown in the UI and the DuckDB tables all come from here.
"""

from __future__ import annotations

from typing import Optional

import pandera.polars as pa
import polars as pl

REASON_CODES = [
    "empty", "binary", "too_large", "undecodable", "not_text", "unreadable", "outside_source",
    "no_article", "unparseable", "over_file_limit", "source_metadata",
]  # fmt: skip


class Documents(pa.DataFrameModel):
    """One row per accepted source file (and, marked, files that have since disappeared)."""

    doc_id: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    source_path: str = pa.Field()
    content_sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    encoding: str = pa.Field()
    content_type: str = pa.Field(isin=["text", "html"])
    title: Optional[str] = pa.Field(nullable=True)
    published_on: Optional[pl.Date] = pa.Field(nullable=True)
    body: str = pa.Field(str_length={"min_value": 1})
    word_count: int = pa.Field(ge=1)
    is_present: bool = pa.Field(description="FALSE once the file has left the source folder")
    ingested_at: pl.Datetime = pa.Field()
    missing_since: Optional[pl.Datetime] = pa.Field(nullable=True)
    outlet: Optional[str] = pa.Field(
        nullable=True,
        description="the publishing outlet: the page's site name or canonical host, else the folder's "
        "outlets.csv; NULL when neither names one",
    )
    outlet_source: Optional[str] = pa.Field(nullable=True, isin=["html_metadata", "outlets_csv"])
    credited_agency: Optional[str] = pa.Field(
        nullable=True, description="the wire agency the text credits as its source (the first it names)"
    )
    credited_agencies: pl.List(pl.String) = pa.Field(description="every agency the text credits, in order")
    credit_kind: Optional[str] = pa.Field(
        nullable=True, isin=["dateline", "agency_line", "contribution", "source_line", "lead"]
    )
    credit_start: Optional[int] = pa.Field(nullable=True, ge=0)
    credit_end: Optional[int] = pa.Field(nullable=True, ge=1)

    class Config:
        strict = True


class RejectedDocuments(pa.DataFrameModel):
    """One row per source file that could not be accepted, with the reason."""

    source_path: str = pa.Field(unique=True)
    reason: str = pa.Field(isin=REASON_CODES)
    detail: str = pa.Field(str_length={"min_value": 1})
    sha256: Optional[str] = pa.Field(nullable=True)
    seen_at: pl.Datetime = pa.Field()

    class Config:
        strict = True


class Sentences(pa.DataFrameModel):
    """Sentence spans of every document body; captions are marked."""

    doc_id: str = pa.Field()
    sentence_no: int = pa.Field(ge=0)
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    is_caption: bool = pa.Field()
    sentence: str = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        unique = ["doc_id", "sentence_no"]


class StoryClusters(pa.DataFrameModel):
    """One row per document: the story it carries and how it joined it."""

    doc_id: str = pa.Field(unique=True)
    story_id: str = pa.Field()
    is_canonical: bool = pa.Field()
    relation: str = pa.Field(isin=["canonical", "exact_duplicate", "near_duplicate", "same_story"])
    similarity: float = pa.Field(ge=0, le=1)

    class Config:
        strict = True


class DuplicatePairs(pa.DataFrameModel):
    """Every verified candidate pair, merged or not, with the parts of its score."""

    doc_id: str = pa.Field()
    other_doc_id: str = pa.Field()
    relation: str = pa.Field(
        isin=["exact_duplicate", "near_duplicate", "same_story", "template_variant", "different_story"]
    )
    merged: bool = pa.Field()
    similarity: float = pa.Field(ge=0, le=1.0000001)
    method: str = pa.Field(
        isin=["normalized_hash", "minhash_lsh", "rewrite_features", "headline_lead", "shared_wording"]
    )
    jaccard: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    containment: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    number_agreement: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    tfidf_cosine: Optional[float] = pa.Field(nullable=True)
    shared_numbers: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    shared_quotes: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    shared_names: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    shared_features: Optional[int] = pa.Field(nullable=True, ge=0)
    shared_narrative: Optional[int] = pa.Field(nullable=True, ge=0)
    days_apart: Optional[int] = pa.Field(nullable=True, ge=0)
    lead_overlap: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    title_overlap: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    headline_coverage: Optional[float] = pa.Field(nullable=True, ge=0, le=1.0000001)
    name_agreement: Optional[float] = pa.Field(nullable=True, ge=0, le=1)
    probability: Optional[float] = pa.Field(nullable=True, ge=0, le=1)

    class Config:
        strict = True
        unique = ["doc_id", "other_doc_id"]


class MinhashSignatures(pa.DataFrameModel):
    """The persisted MinHash signature of every document (the LSH index's payload)."""

    doc_id: str = pa.Field(unique=True)
    signature: pl.List(pl.UInt64) = pa.Field()

    class Config:
        strict = True


class LshBands(pa.DataFrameModel):
    """The persisted LSH index: one hash per (document, band); new batches are joined against it."""

    doc_id: str = pa.Field()
    band: pl.Int16 = pa.Field(ge=0)
    band_hash: pl.UInt64 = pa.Field()

    class Config:
        strict = True
        unique = ["doc_id", "band"]


ISO3 = r"^[A-Z]{3}$"
UNITS = [
    "percent", "percentage_point", "metric_ton", "short_ton", "barrel", "barrel_per_day", "bushel", "bag", "bale",
    "ounce", "pound_weight", "kilogram", "cubic_meter", "count",
]  # fmt: skip


class Officials(pa.DataFrameModel):
    """One row per distinct person across the corpus."""

    official_id: str = pa.Field(unique=True)
    name: str = pa.Field(str_length={"min_value": 2})
    title: Optional[str] = pa.Field(nullable=True)
    country: Optional[str] = pa.Field(nullable=True, str_matches=ISO3)
    documents: int = pa.Field(ge=1)

    class Config:
        strict = True


class OfficialMentions(pa.DataFrameModel):
    """One row per mention of an official, with the title this document gives."""

    doc_id: str = pa.Field()
    official_id: str = pa.Field()
    mention: str = pa.Field(str_length={"min_value": 1})
    title: Optional[str] = pa.Field(nullable=True)
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True


class Meetings(pa.DataFrameModel):
    """Talks, visits, summits, calls and sessions, with status, place and date."""

    meeting_id: str = pa.Field(unique=True)
    doc_id: str = pa.Field()
    kind: str = pa.Field(isin=["talks", "visit", "summit", "conference", "call", "meeting"])
    status: str = pa.Field(isin=["held", "scheduled", "ongoing", "cancelled"])
    what: Optional[str] = pa.Field(nullable=True)
    date_text: Optional[str] = pa.Field(nullable=True)
    date_start: Optional[pl.Date] = pa.Field(nullable=True)
    location: Optional[str] = pa.Field(nullable=True)
    location_country: Optional[str] = pa.Field(nullable=True, str_matches=ISO3)
    evidence: str = pa.Field(str_length={"min_value": 1})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True


class MeetingParticipants(pa.DataFrameModel):
    """Who took part in each meeting; official_id is NULL for a body or an unresolved name."""

    meeting_id: str = pa.Field()
    official_id: Optional[str] = pa.Field(nullable=True)
    name: str = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True


class CommodityMentions(pa.DataFrameModel):
    """Every mention of a commodity from the gazetteer, with its canonical name and category."""

    doc_id: str = pa.Field()
    commodity: str = pa.Field(str_length={"min_value": 1})
    category: str = pa.Field()
    mention: str = pa.Field(str_length={"min_value": 1})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True


class TradeFigures(pa.DataFrameModel):
    """Quantities of trade, production, stocks, prices, shares, tariffs and balances."""

    figure_id: str = pa.Field(unique=True)
    doc_id: str = pa.Field()
    value: float = pa.Field(ge=0)
    unit: str = pa.Field(str_matches=r"^(?:" + "|".join(UNITS) + r"|[A-Z]{3})$")
    direction: Optional[str] = pa.Field(nullable=True, isin=["increase", "decrease"])
    approximate: bool = pa.Field()
    metric: Optional[str] = pa.Field(nullable=True)
    commodity: Optional[str] = pa.Field(nullable=True)
    country: Optional[str] = pa.Field(nullable=True, str_matches=ISO3)
    partner_country: Optional[str] = pa.Field(nullable=True, str_matches=ISO3)
    period_text: Optional[str] = pa.Field(nullable=True)
    evidence: str = pa.Field(str_length={"min_value": 1})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True


class QuarantinedRows(pa.DataFrameModel):
    """Rows that broke a schema rule: kept here, named by table and rule, instead of dropped."""

    table_name: str = pa.Field()
    doc_id: Optional[str] = pa.Field(nullable=True)
    rule: str = pa.Field()
    row_json: str = pa.Field()
    quarantined_at: pl.Datetime = pa.Field()

    class Config:
        strict = True


FACT_TYPES = ["official", "meeting", "commodity", "figure"]


class StoryFacts(pa.DataFrameModel):
    """One row per distinct fact of a story, with the documents, outlets and agencies reporting it."""

    fact_id: str = pa.Field(unique=True)
    story_id: str = pa.Field()
    fact_type: str = pa.Field(isin=FACT_TYPES)
    label: str = pa.Field(str_length={"min_value": 1})
    official_id: Optional[str] = pa.Field(nullable=True)
    name: Optional[str] = pa.Field(nullable=True)
    meeting_kind: Optional[str] = pa.Field(
        nullable=True, isin=["talks", "visit", "summit", "conference", "call", "meeting"]
    )
    participants: pl.List(pl.String) = pa.Field()
    commodity: Optional[str] = pa.Field(nullable=True)
    metric: Optional[str] = pa.Field(nullable=True)
    country: Optional[str] = pa.Field(nullable=True, str_matches=ISO3)
    partner_country: Optional[str] = pa.Field(nullable=True, str_matches=ISO3)
    unit: Optional[str] = pa.Field(nullable=True)
    value: Optional[float] = pa.Field(nullable=True, ge=0)
    value_min: Optional[float] = pa.Field(nullable=True, ge=0)
    value_max: Optional[float] = pa.Field(nullable=True, ge=0)
    direction: Optional[str] = pa.Field(nullable=True, isin=["increase", "decrease"])
    documents: pl.List(pl.String) = pa.Field(description="the documents of the story that report the fact")
    document_count: int = pa.Field(ge=1)
    outlets: pl.List(pl.String) = pa.Field(description="distinct outlets of those documents")
    outlet_count: int = pa.Field(ge=0)
    agencies: pl.List(pl.String) = pa.Field(description="distinct agencies those documents credit")
    agency_count: int = pa.Field(ge=0)
    first_seen: pl.Date = pa.Field(description="earliest day a report was published (or, undated, loaded)")
    last_seen: pl.Date = pa.Field()
    has_conflict: bool = pa.Field()

    class Config:
        strict = True


class StoryFactReports(pa.DataFrameModel):
    """One row per document reporting a story fact, with that report's evidence span."""

    fact_id: str = pa.Field()
    story_id: str = pa.Field()
    doc_id: str = pa.Field()
    outlet: Optional[str] = pa.Field(nullable=True)
    credited_agency: Optional[str] = pa.Field(nullable=True)
    seen_on: pl.Date = pa.Field()
    value: Optional[float] = pa.Field(nullable=True, ge=0)
    status: Optional[str] = pa.Field(nullable=True, isin=["held", "scheduled", "ongoing", "cancelled"])
    location: Optional[str] = pa.Field(nullable=True)
    date_start: Optional[pl.Date] = pa.Field(nullable=True)
    evidence: str = pa.Field(str_length={"min_value": 1})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)

    class Config:
        strict = True
        unique = ["fact_id", "doc_id", "char_start"]


class FactConflicts(pa.DataFrameModel):
    """Two documents of one story that disagree on a figure or a meeting, with both evidence spans."""

    conflict_id: str = pa.Field(unique=True)
    story_id: str = pa.Field()
    fact_type: str = pa.Field(isin=["figure", "meeting"])
    attribute: str = pa.Field(isin=["value", "direction", "status", "location", "date"])
    label: str = pa.Field(str_length={"min_value": 1})
    fact_id: str = pa.Field()
    other_fact_id: str = pa.Field()
    doc_id: str = pa.Field()
    other_doc_id: str = pa.Field()
    outlet: Optional[str] = pa.Field(nullable=True)
    other_outlet: Optional[str] = pa.Field(nullable=True)
    agency: Optional[str] = pa.Field(nullable=True)
    other_agency: Optional[str] = pa.Field(nullable=True)
    reported: str = pa.Field()
    other_reported: str = pa.Field()
    evidence: str = pa.Field(str_length={"min_value": 1})
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    other_evidence: str = pa.Field(str_length={"min_value": 1})
    other_char_start: int = pa.Field(ge=0)
    other_char_end: int = pa.Field(ge=1)

    class Config:
        strict = True


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "rejected_documents": RejectedDocuments,
    "sentences": Sentences,
    "story_clusters": StoryClusters,
    "duplicate_pairs": DuplicatePairs,
    "minhash_signatures": MinhashSignatures,
    "lsh_bands": LshBands,
    "officials": Officials,
    "official_mentions": OfficialMentions,
    "meetings": Meetings,
    "meeting_participants": MeetingParticipants,
    "commodity_mentions": CommodityMentions,
    "trade_figures": TradeFigures,
    "quarantined_rows": QuarantinedRows,
    "story_facts": StoryFacts,
    "story_fact_reports": StoryFactReports,
    "fact_conflicts": FactConflicts,
}


def model_for(table: str) -> type[pa.DataFrameModel]:
    return MODELS[table]


def polars_schema(table: str) -> pl.Schema:
    """The Polars schema of a table, for building empty or typed frames."""
    return pl.Schema({name: column.dtype.type for name, column in MODELS[table].to_schema().columns.items()})
