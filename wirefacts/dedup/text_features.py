"""What one text brings to every comparison, computed once per text and code version.

`describe` is a pure function of a headline and a body, so worker processes can compute it and a
warehouse can keep it (`store_frame`, `from_store`): a later run describes only new texts, and the
corpus-level steps (weights of rare words, candidate pairs, decisions) read these compact results.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa
import xxhash

from wirefacts.dedup import features, minhash, settings
from wirefacts.fingerprint import code_version, still_valid
from wirefacts.parallel import run_all

# The bookkeeping table of per-text features, written with the story tables in one transaction.
TEXT_FEATURES = "_text_features"
# Hash arrays move through Arrow buffers, never as Python ints (millions of them at scale).
HASH_COLUMNS = ("shingles", "narrative")
# Word hashes are the same in every process; each worker keeps its own memo of them.
_WORD_HASHES: dict[str, int] = {}
STORE_SCHEMA = pl.Schema(
    {
        "doc_id": pl.String,
        "text_key": pl.String,
        "version": pl.String,
        "exact_key": pl.String,
        "shingles": pl.List(pl.UInt64),
        "narrative": pl.List(pl.UInt64),
        "numbers": pl.List(pl.String),
        "distinctive_numbers": pl.List(pl.String),
        "quotes": pl.List(pl.String),
        "names": pl.List(pl.String),
        "lead": pl.List(pl.String),
        "lead_names": pl.List(pl.String),
        "title_terms": pl.List(pl.String),
        "numeric_share": pl.Float64,
        "terms": pl.List(pl.String),
        "term_counts": pl.List(pl.Int64),
        "dateline_day": pl.Int64,
    }
)


@dataclass(frozen=True)
class TextFeatures:
    exact_key: str  # the text with case, spacing and punctuation ignored, hashed
    shingles: np.ndarray  # word-shingle hashes of the body
    narrative: np.ndarray  # the same, outside quotations
    numbers: set[str]
    distinctive: tuple[set[str], set[str], set[str]]  # identifying numbers, quotations, names
    lead: set[str]  # content words of headline and lead
    lead_names: set[str]
    title_terms: set[str]  # content words of the headline
    numeric_share: float
    terms: Counter  # content words of the body with their counts
    dateline_day: int | None


def text_key(title: str | None, body: str) -> str:
    return xxhash.xxh64_hexdigest(f"{title}\x1f{body}".encode())


def describe(title: str | None, body: str) -> TextFeatures:
    pieces = features.narrative_segments(body, settings.SHINGLE_WORDS)
    narrative = [minhash.shingle_hashes(p, cache=_WORD_HASHES) for p in pieces]
    return TextFeatures(
        features.exact_key(body),
        minhash.shingle_hashes(body, cache=_WORD_HASHES),
        np.unique(np.concatenate(narrative)) if narrative else np.empty(0, dtype=np.uint64),
        features.numbers(body),
        (features.distinctive_numbers(body), features.quote_shingles(body), features.names(body)),
        features.lead_terms(title, body),
        features.lead_names(title, body),
        features.title_terms(title),
        features.numeric_share(body),
        features.content_terms(body),
        features.dateline_day(body),
    )


def describe_all(
    docs: pl.DataFrame, stored: pl.DataFrame | None = None, workers: int = 1
) -> tuple[dict[str, TextFeatures], pl.DataFrame, int]:
    """Every document's features (docs: doc_id, title, body), the store to keep, and how many
    texts were described in this run; stored rows of the same text and version are reused."""
    version = code_version()
    keys = {d: text_key(t, b) for d, t, b in docs.select("doc_id", "title", "body").iter_rows()}
    valid = still_valid(stored, keys, version)
    kept = pl.DataFrame(schema=STORE_SCHEMA) if valid is None else valid
    found = from_store(kept)
    new = docs.filter(~pl.col("doc_id").is_in(kept["doc_id"].implode()))
    calls = list(new.select("title", "body").iter_rows())
    described = dict(zip(new["doc_id"], run_all(describe, calls, workers), strict=True))
    store = pl.concat([kept, store_frame(described, keys, version)])
    order = {d: i for i, d in enumerate(keys)}
    store = store.sort(pl.col("doc_id").replace_strict(order, return_dtype=pl.Int64))
    return found | described, store, len(described)


def store_frame(described: dict[str, TextFeatures], keys: dict[str, str], version: str) -> pl.DataFrame:
    rows = [
        {
            "doc_id": d,
            "text_key": keys[d],
            "version": version,
            "exact_key": f.exact_key,
            "numbers": sorted(f.numbers),
            "distinctive_numbers": sorted(f.distinctive[0]),
            "quotes": sorted(f.distinctive[1]),
            "names": sorted(f.distinctive[2]),
            "lead": sorted(f.lead),
            "lead_names": sorted(f.lead_names),
            "title_terms": sorted(f.title_terms),
            "numeric_share": f.numeric_share,
            "terms": list(f.terms),
            "term_counts": list(f.terms.values()),
            "dateline_day": f.dateline_day,
        }
        for d, f in described.items()
    ]
    hashes = {name: _hash_lists([getattr(f, name) for f in described.values()]) for name in HASH_COLUMNS}
    others = pl.Schema({n: t for n, t in STORE_SCHEMA.items() if n not in HASH_COLUMNS})
    return pl.DataFrame(rows, schema=others).with_columns(**hashes).select(STORE_SCHEMA.names())


def _hash_lists(arrays: list[np.ndarray]) -> pl.Series:
    """One list column from many hash arrays, through Arrow buffers rather than Python ints."""
    offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
    np.cumsum([len(a) for a in arrays], out=offsets[1:])
    values = np.concatenate(arrays).astype(np.uint64) if arrays else np.empty(0, dtype=np.uint64)
    return pl.Series(pa.LargeListArray.from_arrays(pa.array(offsets), pa.array(values)))


def _hash_arrays(column: pl.Series) -> list[np.ndarray]:
    """The list column's rows as views into one numpy array."""
    lists = column.to_arrow()
    lists = lists.combine_chunks() if isinstance(lists, pa.ChunkedArray) else lists
    values = lists.values.to_numpy(zero_copy_only=False)
    offsets = lists.offsets.to_numpy()
    return [values[offsets[i] : offsets[i + 1]] for i in range(len(lists))]


def from_store(store: pl.DataFrame) -> dict[str, TextFeatures]:
    columns = {name: store[name].to_list() for name in STORE_SCHEMA.names() if name not in HASH_COLUMNS}
    columns |= {name: _hash_arrays(store[name]) for name in HASH_COLUMNS}
    found = {}
    for i, doc_id in enumerate(columns["doc_id"]):
        found[doc_id] = TextFeatures(
            columns["exact_key"][i],
            columns["shingles"][i],
            columns["narrative"][i],
            set(columns["numbers"][i]),
            (set(columns["distinctive_numbers"][i]), set(columns["quotes"][i]), set(columns["names"][i])),
            set(columns["lead"][i]),
            set(columns["lead_names"][i]),
            set(columns["title_terms"][i]),
            columns["numeric_share"][i],
            Counter(dict(zip(columns["terms"][i], columns["term_counts"][i], strict=True))),
            columns["dateline_day"][i],
        )
    return found
