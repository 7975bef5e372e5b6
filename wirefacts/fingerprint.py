"""What a step's output depends on, as two short hashes: the code and data that compute it, and
its inputs. A step whose code version and input fingerprint match the ones stored with its
tables has nothing new to compute."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import polars as pl
import xxhash

PACKAGE = Path(__file__).resolve().parent
# Everything that changes what the library computes: its code, its gazetteers, the fitted story
# scorer and its reference word weights, and the table models the frames are built to.
VERSIONED = ("**/*.py", "gazetteers/*.csv", "dedup/pair_model.json", "dedup/term_weights.tsv.gz")
SCHEMAS = PACKAGE.parent / "schemas"


@cache
def code_version() -> str:
    digest = xxhash.xxh64()
    files = sorted({p for pattern in VERSIONED for p in PACKAGE.glob(pattern)} | set(SCHEMAS.glob("*.py")))
    for path in files:
        digest.update(path.relative_to(PACKAGE.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def input_fingerprint(con: duckdb.DuckDBPyConnection, query: str, *extra: str) -> str:
    """A hash of the rows a query returns (in its order) and of any extra words (settings)."""
    digest = xxhash.xxh64()
    for part in extra:
        digest.update(part.encode() + b"\0")
    for column in con.sql(query).to_arrow_table().columns:
        for value in column.to_pylist():  # value by value: the same rows hash alike however chunked
            digest.update(repr(value).encode() + b"\0")
    return digest.hexdigest()


def stable_id(*parts: object) -> str:
    """A row's id from the parts that identify it: the same in every run and on every machine."""
    return xxhash.xxh64_hexdigest("\x1f".join(str(p) for p in parts).encode("utf-8"))


def still_valid(stored: pl.DataFrame | None, keys: dict[str, str], version: str) -> pl.DataFrame | None:
    """The rows of a per-document store (doc_id, text_key, version) computed from the documents'
    present texts under this version; None when nothing was stored."""
    if stored is None or stored.is_empty():
        return None
    current = pl.DataFrame(
        {"doc_id": list(keys), "text_key": list(keys.values())},
        schema=stored.select("doc_id", "text_key").schema,
    )
    return stored.filter(pl.col("version") == version).join(current, on=["doc_id", "text_key"], how="semi")
