"""Vectorised MinHash signatures and LSH band hashes.

The arithmetic is datasketch's "legacy" scheme (universal hashing modulo the Mersenne prime 2^61-1 on 32-bit
shingle hashes, permutations drawn from numpy's RandomState(seed)), so the same shingles give
the same signatures and the same candidate pairs; but all shingles of a batch of documents go
through numpy at once instead of one document at a time.
"""

from __future__ import annotations

import re

import numpy as np
import xxhash

from wirefacts.dedup import settings

MERSENNE_PRIME = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)
WORD = re.compile(r"\w+")
CHUNK_SHINGLES = 50_000  # bounds each (permutations x shingles) temporary to ~50 MB


def permutations(
    num_perm: int = settings.PERMUTATIONS, seed: int = settings.SEED
) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) coefficients, drawn exactly as datasketch.MinHash draws them."""
    gen = np.random.RandomState(seed)
    pairs = np.array(
        [
            (gen.randint(1, MERSENNE_PRIME, dtype=np.uint64), gen.randint(0, MERSENNE_PRIME, dtype=np.uint64))
            for _ in range(num_perm)
        ],
        dtype=np.uint64,
    ).T
    return pairs[0], pairs[1]


def shingle_hashes(
    text: str, k: int = settings.SHINGLE_WORDS, cache: dict[str, int] | None = None
) -> np.ndarray:
    """The distinct 32-bit hashes of a text's lower-cased word k-grams (one shingle if shorter).

    Each word is hashed once (xxh32, cached across documents) and a k-gram's hash is a
    polynomial of its words' hashes modulo 2^32, computed for all k-grams at once.
    """
    cache = {} if cache is None else cache
    words = WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    word_hashes = np.fromiter((_word_hash(w, cache) for w in words), dtype=np.uint64, count=len(words))
    span = min(k, len(words))
    count = len(words) - span + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(span):
            combined = combined * SHINGLE_BASE + word_hashes[j : j + count]
    return np.unique(combined & MAX_HASH)


SHINGLE_BASE = np.uint64(0x01000193)  # the FNV prime: odd, so the polynomial mixes every word


def _word_hash(word: str, cache: dict[str, int]) -> int:
    value = cache.get(word)
    if value is None:
        value = cache[word] = xxhash.xxh32_intdigest(word.encode("utf-8"))
    return value


def signatures(hash_sets: list[np.ndarray], num_perm: int = settings.PERMUTATIONS) -> np.ndarray:
    """MinHash signatures, one row of num_perm uint64 values per document."""
    a, b = permutations(num_perm)
    result = np.full((len(hash_sets), num_perm), MAX_HASH, dtype=np.uint64)
    start = 0
    while start < len(hash_sets):
        end, size = start, 0
        while end < len(hash_sets) and (size == 0 or size + len(hash_sets[end]) <= CHUNK_SHINGLES):
            size += len(hash_sets[end])
            end += 1
        _fill(result, hash_sets, start, end, a, b)
        start = end
    return result


def _fill(
    result: np.ndarray, hashes: list[np.ndarray], start: int, end: int, a: np.ndarray, b: np.ndarray
) -> None:
    lengths = np.array([len(h) for h in hashes[start:end]])
    if lengths.sum() == 0:
        return
    values = np.concatenate(hashes[start:end])[None, :]
    with np.errstate(over="ignore"):  # uint64 wrap-around is part of the hash, as in datasketch
        product = a[:, None] * values + b[:, None]
    # x mod (2^61 - 1) without division: 2^61 ≡ 1, so fold the top bits onto the bottom ones.
    folded = (product & MERSENNE_PRIME) + (product >> np.uint64(61))
    folded -= MERSENNE_PRIME * (folded >= MERSENNE_PRIME)
    permuted = folded & MAX_HASH
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    non_empty = lengths > 0
    mins = np.minimum.reduceat(permuted, offsets[non_empty], axis=1)
    result[np.arange(start, end)[non_empty]] = mins.T


# Odd 64-bit multipliers for combining a band's rows into one hash (splitmix64 constants).
BAND_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F,
     0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3],
    dtype=np.uint64,
)  # fmt: skip


def band_hashes(signature_rows: np.ndarray, bands: int = settings.BANDS) -> np.ndarray:
    """One 64-bit hash per (document, band); equal rows give equal hashes.

    Rows are combined linearly with odd multipliers and then mixed (splitmix64's finaliser),
    all in numpy: a chance collision between different bands is about 2^-64 per pair.
    """
    n, num_perm = signature_rows.shape
    rows = num_perm // bands
    banded = signature_rows.reshape(n, bands, rows)
    with np.errstate(over="ignore"):
        h = (banded * BAND_MULTIPLIERS[:rows]).sum(axis=2, dtype=np.uint64)
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return h
