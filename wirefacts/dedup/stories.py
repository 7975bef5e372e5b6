"""Documents → stories: exact duplicates, MinHash/LSH near duplicates, same-story rewrites.

Every candidate pair that was verified is kept in `duplicate_pairs` with the parts of its
score, merged or not, so a reader can see why two texts were (not) put together.

Clusters are stars, not connected components: a document joins a story only through a
verified pair with that story's canonical document, so A~B and B~C never pull C in with A.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import polars as pl

from schemas.models import polars_schema
from wirefacts.dedup import features, minhash, settings

PAIR_SCHEMA = polars_schema("duplicate_pairs")
SIGNATURE_SCHEMA = polars_schema("minhash_signatures")
BAND_SCHEMA = polars_schema("lsh_bands")
CLUSTER_SCHEMA = polars_schema("story_clusters")
RELATION_RANK = {"exact_duplicate": 0, "near_duplicate": 1, "same_story": 2}


@dataclass
class StoryTables:
    story_clusters: pl.DataFrame
    duplicate_pairs: pl.DataFrame
    minhash_signatures: pl.DataFrame
    lsh_bands: pl.DataFrame


def group_stories(
    docs: pl.DataFrame,
    known_signatures: pl.DataFrame | None = None,
    known_bands: pl.DataFrame | None = None,
    known_pairs: pl.DataFrame | None = None,
) -> StoryTables:
    """docs: doc_id, body, published_on, word_count. known_*: the persisted LSH index and pairs."""
    ids = docs["doc_id"]
    keep = pl.col("doc_id").is_in(ids.implode())
    known_signatures = (
        known_signatures if known_signatures is not None else pl.DataFrame(schema=SIGNATURE_SCHEMA)
    ).filter(keep)
    known_bands = (known_bands if known_bands is not None else pl.DataFrame(schema=BAND_SCHEMA)).filter(keep)
    known_pairs = (known_pairs if known_pairs is not None else pl.DataFrame(schema=PAIR_SCHEMA)).filter(
        keep & pl.col("other_doc_id").is_in(ids.implode()) & (pl.col("method") == "minhash_lsh")
    )

    bodies = dict(zip(docs["doc_id"], docs["body"], strict=True))
    dates = dict(zip(docs["doc_id"], docs["published_on"], strict=True))

    new_docs = docs.filter(~pl.col("doc_id").is_in(known_signatures["doc_id"].implode()))
    new_signatures, new_bands = _index(new_docs)
    signatures = pl.concat([known_signatures, new_signatures])
    bands = pl.concat([known_bands, new_bands])

    pairs: dict[tuple[str, str], dict] = {}
    for row in known_pairs.iter_rows(named=True):
        pairs[(row["doc_id"], row["other_doc_id"])] = row
    _add_exact_pairs(docs, bodies, pairs)
    facts = NumberFacts(bodies)
    _add_near_pairs(_lsh_candidates(new_bands, bands), signatures, facts, dates, pairs)
    # Copies first; rewrites are then looked for between the copies' canonical texts only, so
    # the costly tier works on distinct stories, however many reprints each has.
    copies = cluster(docs, _frame(pairs))
    canonical = copies.filter("is_canonical")["doc_id"]
    representatives = docs.filter(pl.col("doc_id").is_in(canonical.implode()))
    _add_rewrite_pairs(representatives, {d: bodies[d] for d in canonical}, facts, dates, pairs)
    pair_frame = _frame(pairs)
    stories = cluster(representatives, pair_frame.filter(pl.col("method") == "rewrite_features"))
    return StoryTables(
        _combine(copies, stories), pair_frame.sort("doc_id", "other_doc_id"), signatures, bands
    )


def _frame(pairs: dict[tuple[str, str], dict]) -> pl.DataFrame:
    return (
        pl.DataFrame(list(pairs.values()), schema=PAIR_SCHEMA) if pairs else pl.DataFrame(schema=PAIR_SCHEMA)
    )


def _combine(copies: pl.DataFrame, stories: pl.DataFrame) -> pl.DataFrame:
    """A copy goes where its canonical text went; copies of a rewrite join as rewrites."""
    story_of = stories.select(
        pl.col("doc_id").alias("copy_of"),
        "story_id",
        pl.col("is_canonical").alias("story_canonical"),
        pl.col("relation").alias("story_relation"),
        pl.col("similarity").alias("story_similarity"),
    )
    joined = copies.rename({"story_id": "copy_of"}).join(story_of, on="copy_of", how="left")
    joined_as_rewrite = ~pl.col("story_canonical") & (pl.col("relation") != "canonical")
    return joined.select(
        "doc_id",
        "story_id",
        (pl.col("is_canonical") & pl.col("story_canonical")).alias("is_canonical"),
        pl.when(pl.col("relation") == "canonical")
        .then(pl.col("story_relation"))
        .when(joined_as_rewrite)
        .then(pl.lit("same_story"))
        .otherwise(pl.col("relation"))
        .alias("relation"),
        pl.when((pl.col("relation") == "canonical") | joined_as_rewrite)
        .then(pl.col("story_similarity"))
        .otherwise(pl.col("similarity"))
        .alias("similarity"),
    ).sort("story_id", pl.col("is_canonical").not_(), "doc_id")


def _index(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    if docs.is_empty():
        return pl.DataFrame(schema=SIGNATURE_SCHEMA), pl.DataFrame(schema=BAND_SCHEMA)
    cache: dict[str, int] = {}
    sigs = minhash.signatures([minhash.shingle_hashes(b, cache=cache) for b in docs["body"]])
    hashes = minhash.band_hashes(sigs)
    ids = docs["doc_id"].to_list()
    signature_frame = pl.DataFrame({"doc_id": ids, "signature": list(sigs)}, schema=SIGNATURE_SCHEMA)
    n, b = hashes.shape
    band_frame = pl.DataFrame(
        {
            "doc_id": np.repeat(np.array(ids, dtype=object), b),
            "band": np.tile(np.arange(b, dtype=np.int16), n),
            "band_hash": hashes.reshape(-1),
        },
        schema=BAND_SCHEMA,
    )
    return signature_frame, band_frame


def _lsh_candidates(new_bands: pl.DataFrame, all_bands: pl.DataFrame) -> pl.DataFrame:
    """Pairs sharing at least one band, with at least one new document: the incremental step.

    Joined band by band on integer document numbers, so memory stays bounded by one band's
    collisions rather than all of them at once.
    """
    numbers = all_bands.select(pl.col("doc_id").unique(maintain_order=True)).with_row_index("n")
    lookup = numbers.select("doc_id", "n")
    new = (
        new_bands.join(lookup, on="doc_id")
        .select("band", "band_hash", "n")
        .partition_by("band", as_dict=True)
    )
    old = (
        all_bands.join(lookup, on="doc_id")
        .select("band", "band_hash", "n")
        .partition_by("band", as_dict=True)
    )
    found = []
    for band, left in new.items():
        matched = left.join(old[band], on="band_hash", suffix="_other").filter(
            pl.col("n") != pl.col("n_other")
        )
        found.append(
            matched.select(
                pl.min_horizontal("n", "n_other").alias("a"), pl.max_horizontal("n", "n_other").alias("b")
            ).unique()
        )
    if not found:
        return pl.DataFrame(schema={"a": pl.String, "b": pl.String})
    pairs = pl.concat(found).unique()
    names = numbers.select(pl.col("n"), pl.col("doc_id"))
    return (
        pairs.join(names.rename({"n": "a", "doc_id": "a_id"}), on="a")
        .join(names.rename({"n": "b", "doc_id": "b_id"}), on="b")
        .select(pl.min_horizontal("a_id", "b_id").alias("a"), pl.max_horizontal("a_id", "b_id").alias("b"))
        .sort("a", "b")
    )


def _add_exact_pairs(docs: pl.DataFrame, bodies: dict[str, str], pairs: dict) -> None:
    keyed = docs.select(
        "doc_id", pl.col("body").map_elements(features.exact_key, return_dtype=pl.String).alias("key")
    )
    for group in (
        keyed.group_by("key").agg(pl.col("doc_id").sort()).filter(pl.col("doc_id").list.len() > 1)["doc_id"]
    ):
        for a_index, a in enumerate(group):
            for b in group[a_index + 1 :]:
                pairs[(a, b)] = _pair(a, b, "exact_duplicate", True, 1.0, "normalized_hash", jaccard=1.0)


def _add_near_pairs(
    candidates: pl.DataFrame, signatures: pl.DataFrame, facts: NumberFacts, dates: dict, pairs: dict
) -> None:
    if candidates.is_empty():
        return
    sig_index = {doc_id: i for i, doc_id in enumerate(signatures["doc_id"])}
    matrix = signatures["signature"].list.to_array(settings.PERMUTATIONS).to_numpy()
    a_rows = np.array([sig_index[a] for a in candidates["a"]])
    b_rows = np.array([sig_index[b] for b in candidates["b"]])
    jaccards = (matrix[a_rows] == matrix[b_rows]).mean(axis=1)
    for a, b, jaccard in zip(candidates["a"], candidates["b"], jaccards, strict=True):
        if (a, b) in pairs or jaccard < settings.NEAR_DUPLICATE_JACCARD:
            continue
        agreement = facts.agreement(a, b)
        # Other numbers in otherwise alike text: another issue of a template report, unless the
        # texts are all but identical (a re-sent story whose dateline changed).
        template = jaccard < settings.IDENTICAL_JACCARD and agreement < facts.required(a, b)
        pairs[(a, b)] = _pair(
            a, b, "template_variant" if template else "near_duplicate", not template, float(jaccard), "minhash_lsh",
            jaccard=float(jaccard), number_agreement=agreement, days_apart=_days_apart(dates[a], dates[b]),
        )  # fmt: skip


class NumberFacts:
    """Each document's numbers and numeric share, computed once per document, not once per pair."""

    def __init__(self, bodies: dict[str, str]) -> None:
        self.bodies = bodies
        self._numbers: dict[str, set[str]] = {}
        self._shares: dict[str, float] = {}

    def numbers(self, doc_id: str) -> set[str]:
        if doc_id not in self._numbers:
            self._numbers[doc_id] = features.numbers(self.bodies[doc_id])
        return self._numbers[doc_id]

    def agreement(self, a: str, b: str) -> float:
        return number_agreement(self.numbers(a), self.numbers(b))

    def required(self, a: str, b: str) -> float:
        """How many numbers two alike texts must share: price and results tables (mostly numbers)
        are another issue as soon as a few numbers change."""
        for doc_id in (a, b):
            if doc_id not in self._shares:
                self._shares[doc_id] = features.numeric_share(self.bodies[doc_id])
        if min(self._shares[a], self._shares[b]) >= settings.TABLE_NUMERIC_SHARE:
            return settings.TABLE_NUMBER_AGREEMENT
        return settings.NUMBER_AGREEMENT


def number_agreement(a: set[str], b: set[str]) -> float:
    """Shared share of the numbers of the text with fewer; 1.0 when either has none.

    A trimmed copy keeps a subset of the numbers (agreement 1.0); another issue of a template
    report has other numbers in the same places (agreement near 0).
    """
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


def _add_rewrite_pairs(
    docs: pl.DataFrame, bodies: dict, facts: NumberFacts, dates: dict, pairs: dict
) -> None:
    """Tier 3: documents that share distinctive numbers, quotations or names, verified by score."""
    kinds = {
        doc_id: (features.distinctive_numbers(body), features.quote_shingles(body), features.names(body))
        for doc_id, body in bodies.items()
    }
    exploded = pl.DataFrame(
        {
            "doc_id": [d for d, sets in kinds.items() for s in sets for _ in s],
            "feature": [f for sets in kinds.values() for s in sets for f in s],
        },
        schema={"doc_id": pl.String, "feature": pl.String},
    )
    distinctive = exploded.join(
        exploded.group_by("feature").len().filter(pl.col("len").is_between(2, settings.FEATURE_MAX_DOCS)),
        on="feature",
    ).select("doc_id", "feature")
    candidates = (
        distinctive.join(distinctive, on="feature", suffix="_other")
        .filter(pl.col("doc_id") < pl.col("doc_id_other"))
        .group_by("doc_id", "doc_id_other")
        .len()
        .filter(pl.col("len") >= settings.MIN_SHARED_FEATURES)
        .sort("doc_id", "doc_id_other")
    )
    if candidates.is_empty():
        return
    involved = set(candidates["doc_id"]) | set(candidates["doc_id_other"])
    # Document frequencies come from the whole corpus; vectors only for documents in candidates.
    idf = _idf(features.content_terms(body) for body in bodies.values())
    vectors = {doc_id: _tfidf(features.content_terms(bodies[doc_id]), idf) for doc_id in involved}
    for a, b, shared in candidates.select("doc_id", "doc_id_other", "len").iter_rows():
        if (a, b) in pairs and pairs[(a, b)]["merged"]:
            continue
        va, vb = vectors[a], vectors[b]
        if len(vb) < len(va):
            va, vb = vb, va
        parts = {
            "tfidf_cosine": sum(w * vb.get(t, 0.0) for t, w in va.items()),
            "shared_numbers": _overlap(kinds[a][0], kinds[b][0]),
            "shared_quotes": _overlap(kinds[a][1], kinds[b][1]),
            "shared_names": _overlap(kinds[a][2], kinds[b][2]),
        }
        score = combined_score(**parts)
        days = _days_apart(dates[a], dates[b])
        agreement = facts.agreement(a, b)
        relation = rewrite_relation(parts, shared, days, agreement, score, facts.required(a, b))
        if relation == "same_story" or (a, b) not in pairs:
            pairs[(a, b)] = _pair(a, b, relation, relation == "same_story", score, "rewrite_features",
                                  days_apart=days, shared_features=shared, number_agreement=agreement, **parts)  # fmt: skip


def rewrite_relation(
    parts: dict[str, float], shared: int, days: int | None, agreement: float, score: float, required: float
) -> str:
    """same_story only with enough evidence of one report; why not, otherwise.

    Rewrites keep the report's numbers (agreement), and either its wording (cosine), its
    quotations, or several of its distinctive numbers and names together.
    """
    if days is not None and days > settings.MAX_DAYS_APART:
        return "different_story"
    if parts["tfidf_cosine"] >= settings.TEMPLATE_COSINE and agreement < required:
        return "template_variant"  # the same wording with other numbers: another day's report
    if score < settings.SAME_STORY_SCORE or shared < settings.MIN_SHARED_FOR_MERGE:
        return "different_story"
    if agreement < settings.REWRITE_NUMBER_AGREEMENT:
        return "different_story"  # other numbers: a follow-up or a neighbouring story
    kept_wording = parts["tfidf_cosine"] >= settings.REWRITE_COSINE or parts["shared_quotes"] > 0
    kept_facts = shared > settings.MIN_SHARED_FOR_MERGE and parts["shared_numbers"] >= 0.5
    return "same_story" if kept_wording or kept_facts else "different_story"


def combined_score(
    tfidf_cosine: float, shared_numbers: float, shared_quotes: float, shared_names: float
) -> float:
    """Weighted evidence that two texts are rewrites of one report, between 0 and 1.

    Term similarity carries most weight; shared distinctive numbers and verbatim quotations are
    what separates a rewrite from another story on the same topic; shared names confirm.
    """
    return 0.45 * tfidf_cosine + 0.25 * shared_numbers + 0.15 * shared_quotes + 0.15 * shared_names


def _overlap(a: set[str], b: set[str]) -> float:
    """Shared share of the smaller set: a short rewrite keeps few of the original's features."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _idf(term_counts: Iterable[Counter]) -> dict[str, float]:
    df: Counter = Counter()
    n = 0
    for counts in term_counts:
        df.update(counts.keys())
        n += 1
    return {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}


def _tfidf(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    weights = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _days_apart(a: object, b: object) -> int | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)


def _pair(
    a: str, b: str, relation: str, merged: bool, similarity: float, method: str, **parts: object
) -> dict:
    row = dict.fromkeys(PAIR_SCHEMA.names())
    row.update(
        doc_id=a,
        other_doc_id=b,
        relation=relation,
        merged=merged,
        similarity=similarity,
        method=method,
        **parts,
    )
    return row


def cluster(docs: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """Star clustering: canonical documents in priority order take their direct neighbours."""
    order = docs.sort(
        pl.col("published_on").is_null(),
        "published_on",
        pl.col("word_count"),
        "doc_id",
        descending=[False, False, True, False],
    )["doc_id"].to_list()
    edges: dict[str, list[tuple[str, str, float]]] = {}
    for a, b, relation, similarity in (
        pairs.filter("merged").select("doc_id", "other_doc_id", "relation", "similarity").iter_rows()
    ):
        edges.setdefault(a, []).append((b, relation, similarity))
        edges.setdefault(b, []).append((a, relation, similarity))
    assigned: dict[str, tuple[str, bool, str, float]] = {}
    for doc_id in order:
        if doc_id in assigned:
            continue
        assigned[doc_id] = (doc_id, True, "canonical", 1.0)
        best: dict[str, tuple[str, float]] = {}
        for other, relation, similarity in edges.get(doc_id, []):
            if other in assigned:
                continue
            current = best.get(other)
            if current is None or RELATION_RANK[relation] < RELATION_RANK[current[0]]:
                best[other] = (relation, similarity)
        for other, (relation, similarity) in best.items():
            assigned[other] = (doc_id, False, relation, similarity)
    return pl.DataFrame(
        [
            {"doc_id": d, "story_id": s, "is_canonical": c, "relation": r, "similarity": sim}
            for d, (s, c, r, sim) in assigned.items()
        ],
        schema=CLUSTER_SCHEMA,
    ).sort("story_id", pl.col("is_canonical").not_(), "doc_id")
