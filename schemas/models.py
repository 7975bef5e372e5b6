"""The warehouse tables as pandera.polars models: column names, types and rules in one place.

Each model's name is the table's name in CamelCase (`trade_figures` → `TradeFigures`); the
asset checks, the column schemas shown in the UI and the DuckDB tables all come from here.
Every column has a description: it is what the UI's catalog shows for the column.
"""

from __future__ import annotations

from typing import Optional

import pandera.polars as pa
import polars as pl

REASON_CODES = [
    "empty", "binary", "too_large", "undecodable", "not_text", "unreadable", "outside_source",
    "no_article", "unparseable", "over_file_limit", "source_metadata",
]  # fmt: skip
# Evidence spans: 0-based, end exclusive, so substr(body, char_start + 1, char_end - char_start) is the text.
EVIDENCE_START = "0-based start of the evidence in documents.body"
EVIDENCE_END = "end of the evidence in documents.body (exclusive)"


class Documents(pa.DataFrameModel):
    """One row per accepted source file (and, marked, files that have since disappeared)."""

    doc_id: str = pa.Field(
        unique=True,
        str_length={"min_value": 16, "max_value": 16},
        description="stable id of one accepted file (16 hex characters), derived from its path and its "
        "bytes: byte-identical files under different paths are two documents",
    )
    source_path: str = pa.Field(description="path of the file relative to the source folder")
    content_sha256: str = pa.Field(
        str_length={"min_value": 64, "max_value": 64},
        description="SHA-256 of the raw bytes (64 hex characters); equal for byte-identical copies",
    )
    encoding: str = pa.Field(
        description="the encoding the bytes were decoded with, e.g. utf-8, utf-16-le, cp1252"
    )
    content_type: str = pa.Field(
        isin=["text", "html"],
        description="text (a plain-text article) or html (a page, its main content extracted by trafilatura)",
    )
    title: Optional[str] = pa.Field(nullable=True, description="the headline, or NULL when the file has none")
    published_on: Optional[pl.Date] = pa.Field(
        nullable=True,
        description="publication date when the text states it unambiguously (with a year), or an HTML page's "
        "own date; else NULL; never a date taken from a photo caption or a site banner",
    )
    body: str = pa.Field(
        str_length={"min_value": 1},
        description="the article text with site boilerplate (menus, share buttons, related stories, footers) "
        "removed; all character spans point into it",
    )
    word_count: int = pa.Field(ge=1, description="number of words in body (tokens that start with a letter)")
    is_present: bool = pa.Field(description="FALSE once the file has left the source folder")
    ingested_at: pl.Datetime = pa.Field(
        description="when this version was loaded: the run that first read these bytes, kept by later runs"
    )
    missing_since: Optional[pl.Datetime] = pa.Field(
        nullable=True,
        description="when a run first found the file gone from the source folder; NULL while present",
    )
    outlet: Optional[str] = pa.Field(
        nullable=True,
        description="the publishing outlet: the page's site name or canonical host, else the folder's "
        "outlets.csv; NULL when neither names one",
    )
    outlet_source: Optional[str] = pa.Field(
        nullable=True,
        isin=["html_metadata", "outlets_csv"],
        description="where outlet came from: html_metadata or outlets_csv; NULL when outlet is NULL",
    )
    credited_agency: Optional[str] = pa.Field(
        nullable=True,
        description="the wire agency the text credits as its source: the first its strongest credit names "
        "(see credit_kind); NULL when it credits none",
    )
    credited_agencies: pl.List(pl.String) = pa.Field(
        description="every agency the text credits, once each, strongest credit first; empty when none"
    )
    credit_kind: Optional[str] = pa.Field(
        nullable=True,
        isin=["dateline", "agency_line", "contribution", "source_line", "lead"],
        description="the shape of the strongest credit, in this order of preference: dateline, agency_line, "
        "contribution, source_line, lead; NULL when the text credits no agency",
    )
    credit_start: Optional[int] = pa.Field(
        nullable=True,
        ge=0,
        description="0-based start in body of the strongest credit's agency names; NULL without a credit",
    )
    credit_end: Optional[int] = pa.Field(
        nullable=True,
        ge=1,
        description="end (exclusive) in body of the strongest credit's agency names; NULL without a credit",
    )

    class Config:
        strict = True


class RejectedDocuments(pa.DataFrameModel):
    """One row per source file that could not be accepted, with the reason."""

    source_path: str = pa.Field(unique=True, description="path of the file relative to the source folder")
    reason: str = pa.Field(
        isin=REASON_CODES,
        description="a short code: empty, binary, too_large, undecodable, not_text, unreadable, "
        "outside_source, no_article, unparseable, over_file_limit, or source_metadata (outlets.csv)",
    )
    detail: str = pa.Field(str_length={"min_value": 1}, description="a human sentence saying why")
    sha256: Optional[str] = pa.Field(
        nullable=True,
        description="SHA-256 of the raw bytes; NULL when they were not read (e.g. unreadable, too_large, "
        "over_file_limit, source_metadata)",
    )
    seen_at: pl.Datetime = pa.Field(
        description="when the file was first rejected for this reason with these bytes, kept by later runs"
    )

    class Config:
        strict = True


class Sentences(pa.DataFrameModel):
    """One row per sentence of a document body, with its span; photo-caption sentences are marked."""

    doc_id: str = pa.Field(description="the document")
    sentence_no: int = pa.Field(ge=0, description="0-based position of the sentence in the body")
    char_start: int = pa.Field(ge=0, description="0-based start of the sentence in documents.body")
    char_end: int = pa.Field(ge=1, description="end of the sentence in documents.body (exclusive)")
    is_caption: bool = pa.Field(description="TRUE when the sentence starts inside a photo caption")
    sentence: str = pa.Field(
        str_length={"min_value": 1},
        description="the sentence text: substr(body, char_start + 1, char_end - char_start)",
    )

    class Config:
        strict = True
        unique = ["doc_id", "sentence_no"]


class StoryClusters(pa.DataFrameModel):
    """One row per document: the story it carries and how it joined it."""

    doc_id: str = pa.Field(unique=True, description="the document")
    story_id: str = pa.Field(
        description="the same value for all documents that carry the same story (its canonical doc_id)"
    )
    is_canonical: bool = pa.Field(
        description="TRUE for the one document chosen to represent the story (earliest dated, then longest)"
    )
    relation: str = pa.Field(
        isin=["canonical", "exact_duplicate", "near_duplicate", "same_story"],
        description="canonical, exact_duplicate, near_duplicate, or same_story (a rewrite of the same copy)",
    )
    similarity: float = pa.Field(
        ge=0,
        le=1,
        description="the score that put the document with the canonical one (the pair's similarity; 1.0 for "
        "the canonical and for exact duplicates)",
    )

    class Config:
        strict = True


class DuplicatePairs(pa.DataFrameModel):
    """One row per verified candidate pair of documents, merged or not, with the parts of its score."""

    doc_id: str = pa.Field(description="one document of the pair (the smaller id)")
    other_doc_id: str = pa.Field(description="the other document of the pair (the larger id)")
    relation: str = pa.Field(
        isin=["exact_duplicate", "near_duplicate", "same_story", "template_variant", "different_story"],
        description="the verdict: exact_duplicate, near_duplicate, same_story, different_story, or "
        "template_variant (another issue of a template report)",
    )
    merged: bool = pa.Field(
        description="TRUE for exact_duplicate, near_duplicate and same_story, the pairs stories come from"
    )
    similarity: float = pa.Field(
        ge=0,
        le=1.0000001,
        description="the pair's score: the scorer's probability, or 1.0 for normalized_hash pairs",
    )
    method: str = pa.Field(
        isin=["normalized_hash", "minhash_lsh", "rewrite_features", "headline_lead", "shared_wording"],
        description="how the pair was found: normalized_hash (equal words), minhash_lsh (a shared LSH band), "
        "rewrite_features (shared numbers, quotes or names), headline_lead (a short text's headline words) "
        "or shared_wording (rare narrative 5-word phrases outside quotations)",
    )
    jaccard: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="the Jaccard similarity of the texts' word 5-gram shingles; 1.0 for normalized_hash pairs",
    )
    containment: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="share of the shorter text's shingles in the longer; NULL for normalized_hash pairs",
    )
    number_agreement: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="share of the numbers of the text with fewer found in the other (1.0 when either has "
        "none); NULL for normalized_hash pairs",
    )
    tfidf_cosine: Optional[float] = pa.Field(
        nullable=True,
        description="TF-IDF cosine of the texts' content words, 0 to 1; NULL for normalized_hash pairs",
    )
    shared_numbers: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="share of the smaller set of distinctive numbers (not bare years or small counts) in "
        "both; NULL for normalized_hash pairs",
    )
    shared_quotes: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="share of the smaller set of quote 5-grams in both; NULL for normalized_hash pairs",
    )
    shared_names: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="rarity-weighted share of the lighter set of multi-word capitalised names in both; NULL "
        "for normalized_hash pairs",
    )
    shared_features: Optional[int] = pa.Field(
        nullable=True,
        ge=0,
        description="count of distinctive numbers, quote 5-grams and names the texts share; NULL for "
        "normalized_hash pairs",
    )
    shared_narrative: Optional[int] = pa.Field(
        nullable=True,
        ge=0,
        description="count of word 5-gram shingles both texts share outside quotations; NULL for "
        "normalized_hash pairs",
    )
    days_apart: Optional[int] = pa.Field(
        nullable=True,
        ge=0,
        description="days between the publication dates, else between two yearless wire datelines; NULL when "
        "neither is known, and for normalized_hash pairs",
    )
    lead_overlap: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="rarity-weighted share of the lighter set of headline-and-lead content words in both; "
        "NULL when either has none, and for normalized_hash pairs",
    )
    title_overlap: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="share of the smaller headline's content words in the other; NULL when either has none, "
        "and for normalized_hash pairs",
    )
    headline_coverage: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1.0000001,
        description="for a headline-only text (40 words or fewer): weighted share of its headline and lead "
        "words the other's headline and lead hold (the lower for two); NULL when neither is short",
    )
    name_agreement: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="share of the smaller set of capitalised names in the two leads found in both; NULL when "
        "either has none, and for normalized_hash pairs",
    )
    probability: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description="the scorer's probability that the two carry one story; NULL for normalized_hash pairs",
    )

    class Config:
        strict = True
        unique = ["doc_id", "other_doc_id"]


class MinhashSignatures(pa.DataFrameModel):
    """One row per document: its persisted MinHash signature (the LSH index's payload)."""

    doc_id: str = pa.Field(unique=True, description="the document")
    signature: pl.List(pl.UInt64) = pa.Field(
        description="128 MinHash values over the body's word 5-gram shingles (datasketch's scheme, seed 1)"
    )

    class Config:
        strict = True


class LshBands(pa.DataFrameModel):
    """One row per (document, band): the persisted LSH index; new batches are joined against it."""

    doc_id: str = pa.Field(description="the document")
    band: pl.Int16 = pa.Field(ge=0, description="the band number, 0 to 31 (4 signature values each)")
    band_hash: pl.UInt64 = pa.Field(
        description="64-bit hash of the band's signature values; documents with an equal hash are candidates"
    )

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

    official_id: str = pa.Field(
        unique=True, description="stable id of the person: a hash of the normalised name and the country"
    )
    name: str = pa.Field(str_length={"min_value": 2}, description="the fullest form of the name seen")
    title: Optional[str] = pa.Field(
        nullable=True, description="the title the person's mentions give most often; NULL when none gives one"
    )
    country: Optional[str] = pa.Field(
        nullable=True,
        str_matches=ISO3,
        description="alpha-3 of the person's country: the one the mentions give most often, else the "
        "commonest country of the documents naming them; NULL when unknown",
    )
    documents: int = pa.Field(ge=1, description="number of documents that mention the person")

    class Config:
        strict = True


class OfficialMentions(pa.DataFrameModel):
    """One row per mention of an official, with the title this document gives."""

    doc_id: str = pa.Field(description="the document")
    official_id: str = pa.Field(description="the official (officials.official_id)")
    mention: str = pa.Field(str_length={"min_value": 1}, description="surface text of the name as printed")
    title: Optional[str] = pa.Field(
        nullable=True,
        description="the title this document gives, normalised (e.g. 'Foreign Minister'); when it gives "
        "none, the title another document gives the name",
    )
    char_start: int = pa.Field(ge=0, description="0-based start of the name in documents.body")
    char_end: int = pa.Field(ge=1, description="end of the name in documents.body (exclusive)")

    class Config:
        strict = True


class Meetings(pa.DataFrameModel):
    """One row per meeting a document reports (talks, visits, summits, calls), with status, place and date."""

    meeting_id: str = pa.Field(
        unique=True, description="stable id of the meeting: a hash of the document and the evidence start"
    )
    doc_id: str = pa.Field(description="the document that reports the meeting")
    kind: str = pa.Field(
        isin=["talks", "visit", "summit", "conference", "call", "meeting"],
        description="talks, visit, summit, conference, call, or meeting for any other",
    )
    status: str = pa.Field(
        isin=["held", "scheduled", "ongoing", "cancelled"],
        description="held, scheduled, ongoing or cancelled, from the tense and modality of the clause",
    )
    what: Optional[str] = pa.Field(
        nullable=True,
        description="short phrase, e.g. '24th round of border talks'; NULL when the text has none",
    )
    date_text: Optional[str] = pa.Field(
        nullable=True, description="the date in the words of the text; NULL when the text gives none"
    )
    date_start: Optional[pl.Date] = pa.Field(
        nullable=True,
        description="the date, or NULL when the text does not fix it (relative words need published_on)",
    )
    location: Optional[str] = pa.Field(
        nullable=True,
        description="the place as printed, e.g. 'New Delhi'; for a held or ongoing meeting without one, the "
        "dateline's place; NULL when unknown",
    )
    location_country: Optional[str] = pa.Field(
        nullable=True, str_matches=ISO3, description="alpha-3 of the location's country; NULL when unknown"
    )
    evidence: str = pa.Field(
        str_length={"min_value": 1},
        description="the clause that reports the meeting (a part of one sentence)",
    )
    char_start: int = pa.Field(ge=0, description=EVIDENCE_START)
    char_end: int = pa.Field(ge=1, description=EVIDENCE_END)

    class Config:
        strict = True


class MeetingParticipants(pa.DataFrameModel):
    """One row per participant of a meeting; official_id is NULL for a body or an unresolved name."""

    meeting_id: str = pa.Field(description="the meeting (meetings.meeting_id)")
    official_id: Optional[str] = pa.Field(
        nullable=True, description="the official, or NULL for a body or an unresolved name"
    )
    name: str = pa.Field(
        str_length={"min_value": 1},
        description="the participant's name: the fullest form the document gives, or the body's name",
    )

    class Config:
        strict = True


class CommodityMentions(pa.DataFrameModel):
    """One row per mention of a commodity from the gazetteer, with its canonical name and category."""

    doc_id: str = pa.Field(description="the document")
    commodity: str = pa.Field(
        str_length={"min_value": 1},
        description="canonical lower-case name, e.g. 'rare earth magnets', 'crude oil', 'wheat'",
    )
    category: str = pa.Field(
        description="the gazetteer's category, e.g. critical_mineral, agriculture, energy, metal, fertiliser"
    )
    mention: str = pa.Field(str_length={"min_value": 1}, description="surface text as printed")
    char_start: int = pa.Field(ge=0, description="0-based start of the mention in documents.body")
    char_end: int = pa.Field(ge=1, description="end of the mention in documents.body (exclusive)")

    class Config:
        strict = True


class TradeFigures(pa.DataFrameModel):
    """One row per figure of trade, production, stocks, prices, shares, tariffs or balances in a document."""

    figure_id: str = pa.Field(
        unique=True, description="stable id of the figure: a hash of the document and the number's position"
    )
    doc_id: str = pa.Field(description="the document")
    value: float = pa.Field(
        ge=0,
        description="the number with the scale applied, '6.9 million' → 6900000; a range gives two rows",
    )
    unit: str = pa.Field(
        str_matches=r"^(?:" + "|".join(UNITS) + r"|[A-Z]{3})$",
        description="percent, percentage_point, a weight or volume (metric_ton, barrel, bushel, ounce, ...), "
        "count, or an ISO 4217 currency code",
    )
    direction: Optional[str] = pa.Field(
        nullable=True,
        isin=["increase", "decrease"],
        description="increase or decrease when a change word stands by the number; NULL for a level",
    )
    approximate: bool = pa.Field(
        description="TRUE when a hedge such as 'about', 'roughly', 'nearly' or 'almost' precedes the number"
    )
    metric: Optional[str] = pa.Field(
        nullable=True,
        description="what is measured: exports, imports, production, reserves, stocks, price, market_share, "
        "trade_balance, tariff, quota, credit, consumption or sales; NULL when no such word is near",
    )
    commodity: Optional[str] = pa.Field(
        nullable=True,
        description="canonical commodity name nearest the number in its sentence, else the one named just "
        "before; NULL when none",
    )
    country: Optional[str] = pa.Field(
        nullable=True,
        str_matches=ISO3,
        description="alpha-3 of the country the figure is about (its clause's, else the document's), or NULL",
    )
    partner_country: Optional[str] = pa.Field(
        nullable=True,
        str_matches=ISO3,
        description="alpha-3 of the trade partner ('to India', 'from China'), or NULL",
    )
    period_text: Optional[str] = pa.Field(
        nullable=True,
        description="the period words, e.g. 'January levels', 'in June'; NULL when the clause has none",
    )
    evidence: str = pa.Field(str_length={"min_value": 1}, description="the sentence that gives the figure")
    char_start: int = pa.Field(ge=0, description=EVIDENCE_START)
    char_end: int = pa.Field(ge=1, description=EVIDENCE_END)

    class Config:
        strict = True


class QuarantinedRows(pa.DataFrameModel):
    """One row per fact-table row that broke a schema rule: kept with its table and rule, not dropped."""

    table_name: str = pa.Field(
        description="the fact table the row was meant for, e.g. trade_figures, meetings, officials"
    )
    doc_id: Optional[str] = pa.Field(
        nullable=True,
        description="the row's document; NULL for officials and meeting_participants, which have none",
    )
    rule: str = pa.Field(description="the rules it broke, as 'column: check', joined by '; '")
    row_json: str = pa.Field(description="the row itself as a JSON object")
    quarantined_at: pl.Datetime = pa.Field(description="when the run that set the row aside started")

    class Config:
        strict = True


FACT_TYPES = ["official", "meeting", "commodity", "figure"]


class StoryFacts(pa.DataFrameModel):
    """One row per distinct fact of a story, with the documents, outlets and agencies reporting it."""

    fact_id: str = pa.Field(
        unique=True,
        description="stable id of the fact: a hash of the story, the fact type and its key (for a figure, its value)",
    )
    story_id: str = pa.Field(description="the story (story_clusters.story_id)")
    fact_type: str = pa.Field(isin=FACT_TYPES, description="official, meeting, commodity or figure")
    label: str = pa.Field(
        str_length={"min_value": 1},
        description="readable name of the fact: the official's name, the commodity, 'kind: participants' for "
        "a meeting, or metric, commodity, countries, value, unit and direction for a figure",
    )
    official_id: Optional[str] = pa.Field(
        nullable=True, description="the official of an official fact; NULL for other facts"
    )
    name: Optional[str] = pa.Field(
        nullable=True, description="the official's fullest name, for an official fact; NULL for other facts"
    )
    meeting_kind: Optional[str] = pa.Field(
        nullable=True,
        isin=["talks", "visit", "summit", "conference", "call", "meeting"],
        description="the kind of a meeting fact (as in meetings.kind); NULL for other facts",
    )
    participants: pl.List(pl.String) = pa.Field(
        description="the names of a meeting fact's participants, sorted; empty for other facts"
    )
    commodity: Optional[str] = pa.Field(
        nullable=True,
        description="canonical commodity name of a commodity fact or of a figure; NULL for other facts or a "
        "figure without one",
    )
    metric: Optional[str] = pa.Field(
        nullable=True,
        description="what a figure measures (trade_figures.metric); NULL for other facts or when unknown",
    )
    country: Optional[str] = pa.Field(
        nullable=True,
        str_matches=ISO3,
        description="alpha-3 of the country a figure is about; NULL for other facts or when unknown",
    )
    partner_country: Optional[str] = pa.Field(
        nullable=True,
        str_matches=ISO3,
        description="alpha-3 of a figure's trade partner; NULL for other facts or when there is none",
    )
    unit: Optional[str] = pa.Field(
        nullable=True, description="a figure's unit (as in trade_figures.unit); NULL for other facts"
    )
    value: Optional[float] = pa.Field(
        nullable=True, ge=0, description="a figure's value as its first report gives it; NULL for other facts"
    )
    value_min: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        description="the smallest value a report of the figure gives; NULL for other facts",
    )
    value_max: Optional[float] = pa.Field(
        nullable=True,
        ge=0,
        description="the largest value a report of the figure gives; NULL for other facts",
    )
    direction: Optional[str] = pa.Field(
        nullable=True,
        isin=["increase", "decrease"],
        description="increase or decrease, the first a report of the figure gives; NULL when none gives one",
    )
    documents: pl.List(pl.String) = pa.Field(description="the documents of the story that report the fact")
    document_count: int = pa.Field(ge=1, description="number of those documents")
    outlets: pl.List(pl.String) = pa.Field(description="distinct outlets of those documents")
    outlet_count: int = pa.Field(
        ge=0, description="number of distinct outlets (documents without an outlet add none)"
    )
    agencies: pl.List(pl.String) = pa.Field(description="distinct agencies those documents credit")
    agency_count: int = pa.Field(ge=0, description="number of distinct agencies those documents credit")
    first_seen: pl.Date = pa.Field(description="earliest day a report was published (or, undated, loaded)")
    last_seen: pl.Date = pa.Field(description="latest day a report was published (or, undated, loaded)")
    has_conflict: bool = pa.Field(
        description="TRUE when two documents of the story disagree on the fact (see fact_conflicts)"
    )

    class Config:
        strict = True


class StoryFactReports(pa.DataFrameModel):
    """One row per document reporting a story fact, with that report's evidence span."""

    fact_id: str = pa.Field(description="the fact (story_facts.fact_id)")
    story_id: str = pa.Field(description="the story (story_clusters.story_id)")
    doc_id: str = pa.Field(description="the document that reports the fact")
    outlet: Optional[str] = pa.Field(
        nullable=True, description="the document's outlet; NULL when it has none"
    )
    credited_agency: Optional[str] = pa.Field(
        nullable=True,
        description="the agency the document credits (documents.credited_agency); NULL when none",
    )
    seen_on: pl.Date = pa.Field(description="the day the document was published, or, undated, loaded")
    value: Optional[float] = pa.Field(
        nullable=True, ge=0, description="the value this report gives, for a figure; NULL for other facts"
    )
    status: Optional[str] = pa.Field(
        nullable=True,
        isin=["held", "scheduled", "ongoing", "cancelled"],
        description="the status this report gives, for a meeting; NULL for other facts",
    )
    location: Optional[str] = pa.Field(
        nullable=True, description="the place this report gives, for a meeting; NULL for other facts or none"
    )
    date_start: Optional[pl.Date] = pa.Field(
        nullable=True, description="the date this report fixes, for a meeting; NULL for other facts or none"
    )
    evidence: str = pa.Field(
        str_length={"min_value": 1},
        description="the report's evidence: the document's first mention of the official or commodity, the "
        "meeting's clause or the figure's sentence",
    )
    char_start: int = pa.Field(ge=0, description=EVIDENCE_START)
    char_end: int = pa.Field(ge=1, description=EVIDENCE_END)

    class Config:
        strict = True
        unique = ["fact_id", "doc_id", "char_start"]


class FactConflicts(pa.DataFrameModel):
    """One row per pair of documents of a story that disagree on a figure or meeting, with both spans."""

    conflict_id: str = pa.Field(
        unique=True,
        description="stable id: a hash of the story, both facts, both documents and the attribute",
    )
    story_id: str = pa.Field(description="the story (story_clusters.story_id)")
    fact_type: str = pa.Field(isin=["figure", "meeting"], description="figure or meeting")
    attribute: str = pa.Field(
        isin=["value", "direction", "status", "location", "date"],
        description="what they disagree on: value or direction (figure); status, location or date (meeting)",
    )
    label: str = pa.Field(
        str_length={"min_value": 1},
        description="the fact's label (story_facts.label); two figure facts' labels joined by ' | '",
    )
    fact_id: str = pa.Field(description="the fact the first document reports (story_facts.fact_id)")
    other_fact_id: str = pa.Field(
        description="the fact the other document reports; equal to fact_id for a meeting"
    )
    doc_id: str = pa.Field(description="the first document (the smaller id)")
    other_doc_id: str = pa.Field(description="the other document")
    outlet: Optional[str] = pa.Field(nullable=True, description="the first document's outlet; NULL when none")
    other_outlet: Optional[str] = pa.Field(
        nullable=True, description="the other document's outlet; NULL when none"
    )
    agency: Optional[str] = pa.Field(
        nullable=True,
        description="every agency the first document credits, joined by ', '; NULL when it credits none",
    )
    other_agency: Optional[str] = pa.Field(
        nullable=True,
        description="every agency the other document credits, joined by ', '; NULL when it credits none",
    )
    reported: str = pa.Field(
        description="what the first document reports: a figure's value, unit and direction, or a meeting's "
        "status, place (with its country) or date"
    )
    other_reported: str = pa.Field(description="what the other document reports, in the same form")
    evidence: str = pa.Field(str_length={"min_value": 1}, description="the first document's evidence")
    char_start: int = pa.Field(ge=0, description=EVIDENCE_START)
    char_end: int = pa.Field(ge=1, description=EVIDENCE_END)
    other_evidence: str = pa.Field(str_length={"min_value": 1}, description="the other document's evidence")
    other_char_start: int = pa.Field(
        ge=0, description="0-based start of other_evidence in its documents.body"
    )
    other_char_end: int = pa.Field(
        ge=1, description="end of other_evidence in its documents.body (exclusive)"
    )

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
