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
    "duplicate_file", "no_article", "unparseable", "over_file_limit",
]  # fmt: skip


class Documents(pa.DataFrameModel):
    """One row per accepted source file (and, marked, files that have since disappeared)."""

    doc_id: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    source_path: str = pa.Field()
    sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    encoding: str = pa.Field()
    content_type: str = pa.Field(isin=["text", "html"])
    title: Optional[str] = pa.Field(nullable=True)
    published_on: Optional[pl.Date] = pa.Field(nullable=True)
    body: str = pa.Field(str_length={"min_value": 1})
    word_count: int = pa.Field(ge=1)
    is_present: bool = pa.Field(description="FALSE once the file has left the source folder")
    ingested_at: pl.Datetime = pa.Field()
    missing_since: Optional[pl.Datetime] = pa.Field(nullable=True)

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


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "rejected_documents": RejectedDocuments,
    "sentences": Sentences,
}


def model_for(table: str) -> type[pa.DataFrameModel]:
    return MODELS[table]


def polars_schema(table: str) -> pl.Schema:
    """The Polars schema of a table, for building empty or typed frames."""
    return pl.Schema({name: column.dtype.type for name, column in MODELS[table].to_schema().columns.items()})
