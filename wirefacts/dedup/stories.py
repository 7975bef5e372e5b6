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
from wirefacts.dedup import features, minhash, term_weights, text_features
from wirefacts.dedup.pair_model import PairModel, load_model, model_inputs
from wirefacts.dedup.settings import DEFAULT, StorySettings
from wirefacts.text.article import WORD

PAIR_SCHEMA = polars_schema("duplicate_pairs")
SIGNATURE_SCHEMA = polars_schema("minhash_signatures")
BAND_SCHEMA = polars_schema("lsh_bands")
CLUSTER_SCHEMA = polars_schema("story_clusters")
RELATION_RANK = {"exact_duplicate": 0, "near_duplicate": 1, "same_story": 2}
INPUT_SCHEMA = {
    "doc_id": pl.String, "title": pl.String, "body": pl.String, "published_on": pl.Date, "word_count": pl.Int64,
}  # fmt: skip


def story_inputs(rows: Iterable[tuple[str, str | None, str, object]]) -> pl.DataFrame:
    """The frame group_stories reads, from (doc_id, title, body, published_on) rows; the word
    count is the documents table's."""
    rows = list(rows)
    return pl.DataFrame(
        [(*row, len(WORD.findall(row[2]))) for row in rows], schema=INPUT_SCHEMA, orient="row"
    )


@dataclass
class StoryTables:
    story_clusters: pl.DataFrame
    duplicate_pairs: pl.DataFrame
    minhash_signatures: pl.DataFrame
    lsh_bands: pl.DataFrame
    text_features: pl.DataFrame  # the store of per-text features (text_features.STORE_SCHEMA)
    described: int  # texts whose features were computed in this run
    scored: int  # candidate pairs whose parts were computed in this run (the others' were kept)


def group_stories(
    docs: pl.DataFrame,
    known_signatures: pl.DataFrame | None = None,
    known_bands: pl.DataFrame | None = None,
    known_pairs: pl.DataFrame | None = None,
    model: PairModel | None = None,
    choices: StorySettings = DEFAULT,
    known_features: pl.DataFrame | None = None,
    workers: int = 1,
    reuse_decisions: bool = False,
) -> StoryTables:
    """docs: doc_id, title, body, published_on, word_count. known_*: the persisted LSH index, pairs
    and per-text features; texts are described in up to `workers` processes. With
    reuse_decisions (the known pairs were scored by this code version), a candidate pair already
    scored keeps its parts: they depend on its two texts only (the word weights are fixed)."""
    model = model or load_model()
    if "title" not in docs.columns:
        docs = docs.with_columns(pl.lit(None, dtype=pl.String).alias("title"))
    ids = docs["doc_id"]
    keep = pl.col("doc_id").is_in(ids.implode())
    known_signatures = (
        known_signatures if known_signatures is not None else pl.DataFrame(schema=SIGNATURE_SCHEMA)
    ).filter(keep)
    known_bands = (known_bands if known_bands is not None else pl.DataFrame(schema=BAND_SCHEMA)).filter(keep)
    known_pairs = (known_pairs if known_pairs is not None else pl.DataFrame(schema=PAIR_SCHEMA)).filter(
        keep & pl.col("other_doc_id").is_in(ids.implode())
    )
    scored = _scored_parts(known_pairs) if reuse_decisions else {}
    known_pairs = known_pairs.filter(pl.col("method") == "minhash_lsh")

    described, feature_store, described_count = text_features.describe_all(docs, known_features, workers)
    new_ids = docs.filter(~pl.col("doc_id").is_in(known_signatures["doc_id"].implode()))["doc_id"].to_list()
    new_signatures, new_bands = _index(new_ids, described)
    signatures = pl.concat([known_signatures, new_signatures])
    bands = pl.concat([known_bands, new_bands])

    # Byte- or text-identical copies first: the other tiers compare one text per copy group.
    order = _priority(docs)
    pairs: dict[tuple[str, str], dict] = {}
    representative = _add_exact_pairs(described, order, pairs)
    texts = Texts(docs.filter(pl.col("doc_id").is_in(list(set(representative.values())))), described, choices)
    candidates: dict[tuple[str, str], str] = {}
    lsh = _lsh_candidates(new_bands, bands).rows() + known_pairs.select("doc_id", "other_doc_id").rows()
    _add_candidates(candidates, lsh, representative, "minhash_lsh")
    _add_candidates(candidates, _feature_candidates(texts), representative, "rewrite_features")
    _add_candidates(candidates, _headline_candidates(texts), representative, "headline_lead")
    _add_candidates(candidates, _wording_candidates(texts), representative, "shared_wording")
    for (a, b), method in sorted(candidates.items()):
        pairs[(a, b)] = _decide(a, b, method, texts, model, scored.get((a, b)))
    _keep_best_headline_match(pairs, texts)
    pair_frame = _frame(pairs)
    clusters = cluster(
        docs.filter(pl.col("doc_id").is_in(list(texts.bodies))),
        pair_frame.filter(pl.col("method") != "normalized_hash"),
    )
    return StoryTables(
        _with_copies(clusters, representative),
        pair_frame.sort("doc_id", "other_doc_id"),
        signatures,
        bands,
        feature_store,
        described_count,
        sum(1 for key in candidates if key not in scored),
    )


def _priority(docs: pl.DataFrame) -> list[str]:
    """Canonical order: the earliest dated, then the longest, then the smallest id."""
    return docs.sort(
        pl.col("published_on").is_null(),
        "published_on",
        pl.col("word_count"),
        "doc_id",
        descending=[False, False, True, False],
    )["doc_id"].to_list()


def _frame(pairs: dict[tuple[str, str], dict]) -> pl.DataFrame:
    return (
        pl.DataFrame(list(pairs.values()), schema=PAIR_SCHEMA) if pairs else pl.DataFrame(schema=PAIR_SCHEMA)
    )


def _with_copies(clusters: pl.DataFrame, representative: dict[str, str]) -> pl.DataFrame:
    """Each copy joins the story of the text it copies, as an exact duplicate."""
    story = {d: s for d, s in clusters.select("doc_id", "story_id").iter_rows()}
    copies = [
        {
            "doc_id": d,
            "story_id": story[r],
            "is_canonical": False,
            "relation": "exact_duplicate",
            "similarity": 1.0,
        }
        for d, r in representative.items()
        if d != r
    ]
    return pl.concat([clusters, pl.DataFrame(copies, schema=CLUSTER_SCHEMA)]).sort(
        "story_id", pl.col("is_canonical").not_(), "doc_id"
    )


def _add_candidates(
    candidates: dict, found: Iterable[tuple[str, str]], representative: dict[str, str], method: str
) -> None:
    """Candidate pairs between copy-group representatives; the first tier to find a pair names it."""
    for a, b in found:
        a, b = sorted((representative[a], representative[b]))
        if a != b:
            candidates.setdefault((a, b), method)


def _index(
    ids: list[str], described: dict[str, text_features.TextFeatures]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    if not ids:
        return pl.DataFrame(schema=SIGNATURE_SCHEMA), pl.DataFrame(schema=BAND_SCHEMA)
    sigs = minhash.signatures([described[d].shingles for d in ids])
    hashes = minhash.band_hashes(sigs)
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


def _add_exact_pairs(
    described: dict[str, text_features.TextFeatures], order: list[str], pairs: dict
) -> dict[str, str]:
    """Pairs of texts equal once case, spacing and punctuation are ignored; returns each
    document's representative (the first of its group in canonical order)."""
    rank = {d: i for i, d in enumerate(order)}
    keys = pl.DataFrame(
        {"doc_id": list(described), "key": [f.exact_key for f in described.values()]},
        schema={"doc_id": pl.String, "key": pl.String},
    )
    representative = {}
    for group in keys.group_by("key").agg(pl.col("doc_id"))["doc_id"]:
        group = sorted(group, key=rank.__getitem__)
        for d in group:
            representative[d] = group[0]
        for a_index, a in enumerate(group):
            for b in group[a_index + 1 :]:
                x, y = sorted((a, b))
                pairs[(x, y)] = _pair(x, y, "exact_duplicate", True, 1.0, "normalized_hash", jaccard=1.0)
    return representative


class Texts:
    """The texts of one comparison: their features (`text_features`), the reference weights of
    rare words and names (`term_weights`), and what is computed per text from them, once."""

    def __init__(
        self,
        docs: pl.DataFrame,
        described: dict[str, text_features.TextFeatures],
        choices: StorySettings = DEFAULT,
    ) -> None:
        self.choices = choices
        self.bodies = dict(zip(docs["doc_id"], docs["body"], strict=True))
        self.titles = dict(zip(docs["doc_id"], docs["title"], strict=True))
        self.words = dict(zip(docs["doc_id"], docs["word_count"], strict=True))
        self.features = {d: described[d] for d in self.bodies}
        self.days = {
            d: (published, self.features[d].dateline_day)
            for d, published in docs.select("doc_id", "published_on").iter_rows()
        }
        self._vectors: dict[str, dict[str, float]] = {}
        self._leads: dict[str, set[str]] = {}
        self.idf, self.name_idf = term_weights.reference()

    def is_short(self, doc_id: str) -> bool:
        return self.words[doc_id] <= self.choices.headline_only_words

    def shingles(self, doc_id: str) -> np.ndarray:
        return self.features[doc_id].shingles

    def narrative(self, doc_id: str) -> np.ndarray:
        """Shingles of the text outside quotations (features.narrative_segments)."""
        return self.features[doc_id].narrative

    def numbers(self, doc_id: str) -> set[str]:
        return self.features[doc_id].numbers

    def lead_numbers_disagree(self, a: str, b: str) -> bool:
        """Both leads give numbers and share none: the next issue of a template report ("a further
        30 mln stg" against "an early 90 mln stg"), not a re-send, which keeps its lead."""
        la, lb = self._lead_numbers(a), self._lead_numbers(b)
        return bool(la) and bool(lb) and not la & lb

    def _lead_numbers(self, doc_id: str) -> set[str]:
        if doc_id not in self._leads:
            body = self.bodies[doc_id]
            dateline = features.DATELINE.match(body)  # its day says when, not what
            start = dateline.end() if dateline else 0
            self._leads[doc_id] = features.numbers(body[start : start + self.choices.lead_number_chars])
        return self._leads[doc_id]

    def distinctive(self, doc_id: str) -> tuple[set[str], set[str], set[str]]:
        return self.features[doc_id].distinctive

    def lead(self, doc_id: str) -> set[str]:
        return self.features[doc_id].lead

    def lead_names(self, doc_id: str) -> set[str]:
        return self.features[doc_id].lead_names

    def numeric_share(self, doc_id: str) -> float:
        return self.features[doc_id].numeric_share

    def vector(self, doc_id: str) -> dict[str, float]:
        if doc_id not in self._vectors:
            self._vectors[doc_id] = _tfidf(self.features[doc_id].terms, self.idf)
        return self._vectors[doc_id]

    def coverage(self, a: str, b: str) -> float:
        """Weighted share of a's headline-and-lead words found in b's headline and lead."""
        terms, other = self.lead(a), self.lead(b)
        # Summed in sorted order: set order differs between processes, and so would the last digits.
        total = sum(self.idf[t] for t in sorted(terms))
        return min(1.0, sum(self.idf[t] for t in sorted(terms & other)) / total) if total else 0.0

    def weighted_overlap(
        self, a: set[str], b: set[str], idf: term_weights.Weights | None = None
    ) -> float | None:
        """Shared share of the lighter set, items weighted by rarity: two rate-cut flashes share
        "cuts prime rate" but not their banks' names, and the names weigh most."""
        if not a or not b:
            return None
        idf = self.idf if idf is None else idf
        weight = lambda terms: sum(idf[t] for t in sorted(terms))  # noqa: E731 - fixed order
        return min(1.0, weight(a & b) / min(weight(a), weight(b)))  # 1.0000000000000002 is 1

    def days_apart(self, a: str, b: str) -> int | None:
        """From the publication dates, else from two wire datelines (month and day, no year)."""
        (pa_, da), (pb, db) = self.days[a], self.days[b]
        if pa_ is not None and pb is not None:
            return abs((pa_ - pb).days)
        if da is not None and db is not None:
            gap = abs(da - db)
            return min(gap, 372 - gap)
        return None

    def required_agreement(self, a: str, b: str) -> float:
        """Price and results tables (mostly numbers) are another issue once a few numbers change."""
        if min(self.numeric_share(a), self.numeric_share(b)) >= self.choices.table_numeric_share:
            return self.choices.table_number_agreement
        return self.choices.number_agreement


def _feature_candidates(texts: Texts) -> list[tuple[str, str]]:
    """Texts sharing distinctive numbers, quotations or names: rewrites by other outlets."""
    choices = texts.choices
    exploded = pl.DataFrame(
        [(d, f) for d in texts.bodies for kind in texts.distinctive(d) for f in kind],
        schema={"doc_id": pl.String, "feature": pl.String},
        orient="row",
    )
    distinctive = exploded.join(
        exploded.group_by("feature").len().filter(pl.col("len").is_between(2, choices.feature_max_docs)),
        on="feature",
    ).select("doc_id", "feature")
    return (
        distinctive.join(distinctive, on="feature", suffix="_other")
        .filter(pl.col("doc_id") < pl.col("doc_id_other"))
        .group_by("doc_id", "doc_id_other")
        .len()
        .filter(pl.col("len") >= choices.min_shared_features)
        .select("doc_id", "doc_id_other")
        .rows()
    )


def _wording_candidates(texts: Texts) -> list[tuple[str, str]]:
    """Texts sharing narrative sentences (shingles outside quotations) that few texts have: a
    trimmed re-send or a teaser (high containment, low Jaccard, so no LSH band in common), or
    another outlet's rewrite that keeps a few of the agency's sentences."""
    choices = texts.choices
    ids = list(texts.bodies)
    hashes = [texts.narrative(d) for d in ids]
    if not ids or not any(len(h) for h in hashes):
        return []
    exploded = pl.DataFrame(
        {
            "n": np.repeat(np.arange(len(ids), dtype=np.int32), [len(h) for h in hashes]),
            "shingle": np.concatenate(hashes),
        }
    )
    rare = exploded.group_by("shingle").len().filter(pl.col("len").is_between(2, choices.feature_max_docs))
    rare_rows = exploded.join(rare.select("shingle"), on="shingle")
    found = (
        rare_rows.join(rare_rows, on="shingle", suffix="_other")
        .filter(pl.col("n") < pl.col("n_other"))
        .group_by("n", "n_other")
        .len()
        .filter(pl.col("len") >= choices.min_shared_narrative)
    )
    return [(ids[a], ids[b]) for a, b in found.select("n", "n_other").iter_rows()]


def _headline_candidates(texts: Texts) -> list[tuple[str, str]]:
    """Headline-only texts (flashes) against every text's headline and lead."""
    choices = texts.choices
    short = [d for d in texts.bodies if texts.is_short(d)]
    if not short:
        return []
    leads = pl.DataFrame(
        [(d, t) for d in texts.bodies for t in texts.lead(d)],
        schema={"doc_id": pl.String, "term": pl.String},
        orient="row",
    )
    # Words in many leads ("said", "pct") find every story: only the rarer ones make candidates.
    rare = leads.group_by("term").len().filter(pl.col("len") <= choices.headline_term_max_docs)
    leads = leads.join(rare.select("term"), on="term")
    flashes = leads.filter(pl.col("doc_id").is_in(short)).rename({"doc_id": "flash"})
    sizes = flashes.group_by("flash").len("terms")
    return (
        flashes.join(leads, on="term")
        .filter(pl.col("flash") != pl.col("doc_id"))
        .group_by("flash", "doc_id")
        .len("shared")
        .join(sizes, on="flash")
        .filter(pl.col("shared") >= choices.headline_min_shared_terms)
        .filter(pl.col("shared") >= pl.col("terms") * choices.headline_candidate_share)
        .select("flash", "doc_id")
        .rows()
    )


# The parts of a pair's score: every column of duplicate_pairs but the pair, its decision and its method.
PART_COLUMNS = tuple(
    c
    for c in PAIR_SCHEMA.names()
    if c not in ("doc_id", "other_doc_id", "relation", "merged", "similarity", "method", "probability")
)


def _scored_parts(pairs: pl.DataFrame) -> dict[tuple[str, str], dict]:
    """The recorded parts and probability of pairs scored before (copies of one text have none)."""
    scored = pairs.filter(pl.col("method") != "normalized_hash").select(
        "doc_id", "other_doc_id", *PART_COLUMNS, "probability"
    )
    return {(row.pop("doc_id"), row.pop("other_doc_id")): row for row in scored.iter_rows(named=True)}


def _decide(a: str, b: str, method: str, texts: Texts, model: PairModel, parts: dict | None = None) -> dict:
    """The parts of one candidate pair (unless already scored), the scorer's probability, and the
    relation they give."""
    parts = dict(parts) if parts is not None else _parts(a, b, texts)
    short = texts.is_short(a) or texts.is_short(b)
    probability = parts.pop("probability", None)  # a kept pair's, from the same scorer
    if probability is None:
        probability = model.probability(model_inputs(parts, short))
    relation = pair_relation(
        parts, probability, model.threshold, texts.required_agreement(a, b), short, texts.choices
    )
    if texts.is_short(a) and texts.is_short(b) and features.subjects_differ(texts.bodies[a], texts.bodies[b]):
        relation = "template_variant"  # two flashes of one template about other issuers
    if relation in ("near_duplicate", "same_story") and not short and texts.lead_numbers_disagree(a, b):
        relation = "template_variant"
    merged = relation in ("near_duplicate", "same_story")
    return _pair(a, b, relation, merged, probability, method, probability=probability, **parts)


def _parts(a: str, b: str, texts: Texts) -> dict:
    """What the two texts share, each part in [0, 1] or a count (PART_COLUMNS)."""
    sa, sb = texts.shingles(a), texts.shingles(b)
    common = len(np.intersect1d(sa, sb, assume_unique=True))
    union = len(sa) + len(sb) - common
    va, vb = texts.vector(a), texts.vector(b)
    if len(vb) < len(va):
        va, vb = vb, va
    (na, qa, ma), (nb, qb, mb) = texts.distinctive(a), texts.distinctive(b)
    narrative = len(np.intersect1d(texts.narrative(a), texts.narrative(b), assume_unique=True))
    return {
        "jaccard": common / union if union else 0.0,
        "containment": common / min(len(sa), len(sb)) if min(len(sa), len(sb)) else 0.0,
        "tfidf_cosine": min(1.0, sum(w * vb.get(t, 0.0) for t, w in va.items())),
        "number_agreement": number_agreement(texts.numbers(a), texts.numbers(b)),
        "shared_numbers": _overlap(na, nb),
        "shared_quotes": _overlap(qa, qb),
        "shared_names": texts.weighted_overlap(ma, mb, texts.name_idf) or 0.0,
        "shared_features": len(na & nb) + len(qa & qb) + len(ma & mb),
        "shared_narrative": narrative,
        "lead_overlap": texts.weighted_overlap(texts.lead(a), texts.lead(b)),
        "title_overlap": features.overlap(texts.features[a].title_terms, texts.features[b].title_terms),
        "name_agreement": features.overlap(texts.lead_names(a), texts.lead_names(b)),
        "days_apart": texts.days_apart(a, b),
        # How much of each headline-only side's words the other's headline and lead hold.
        "headline_coverage": min(
            (texts.coverage(x, y) for x, y in ((a, b), (b, a)) if texts.is_short(x)), default=None
        ),
    }


def pair_relation(
    parts: dict,
    probability: float,
    threshold: float,
    required_agreement: float,
    short: bool,
    choices: StorySettings = DEFAULT,
) -> str:
    """Rules that veto a merge whatever the score, then the scorer's decision.

    - Reports more than MAX_DAYS_APART days apart are different stories.
    - A headline-only text announces a story that has most of its numbers (NUMBER_AGREEMENT).
    - Alike wording with other numbers or another issuer in the lead is another issue of a
      template report, unless the texts are all but identical (a re-send with a corrected figure).
    """
    days = parts.get("days_apart")
    if days is not None and days > choices.max_days_apart:
        return "different_story"
    if short and parts["number_agreement"] < choices.number_agreement:
        return "different_story"  # a flash's numbers are in the story it announces
    alike = parts["jaccard"] >= choices.template_jaccard
    if alike and parts["jaccard"] < choices.identical_jaccard and not short:
        names = parts.get("name_agreement")
        if parts["number_agreement"] < required_agreement or (
            names is not None and names < choices.template_name_agreement
        ):
            return "template_variant"
    # Alike terms with mostly other numbers: the next issue of a rates or prices report.
    if (
        parts["tfidf_cosine"] >= choices.template_cosine
        and parts["number_agreement"] < choices.template_cosine_agreement
    ):
        return "template_variant"
    if probability < threshold:
        return "different_story"
    return "near_duplicate" if parts["containment"] >= choices.near_duplicate_containment else "same_story"


def _keep_best_headline_match(pairs: dict, texts: Texts) -> None:
    """A headline-only text joins the one story it announces: its best-scoring match, a full
    story before another flash (two flashes of a template report issued weeks apart score alike)."""
    best: dict[str, tuple[tuple[bool, float], tuple[str, str]]] = {}
    for key, row in pairs.items():
        if not row["merged"] or row["method"] == "normalized_hash":
            continue
        for d in key:
            other = key[1] if d == key[0] else key[0]
            rank = (not texts.is_short(other), row["similarity"])
            if texts.is_short(d) and (d not in best or rank > best[d][0]):
                best[d] = (rank, key)
    winners = {key for _, key in best.values()}
    for key, row in pairs.items():
        if row["merged"] and row["method"] != "normalized_hash" and key not in winners:
            if any(texts.is_short(d) for d in key):
                row.update(merged=False, relation="different_story")


def number_agreement(a: set[str], b: set[str]) -> float:
    """Shared share of the numbers of the text with fewer; 1.0 when either has none.

    A trimmed copy keeps a subset of the numbers (agreement 1.0); another issue of a template
    report has other numbers in the same places (agreement near 0).
    """
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


def _overlap(a: set[str], b: set[str]) -> float:
    """Shared share of the smaller set: a short rewrite keeps few of the original's features."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _tfidf(counts: Counter, idf: term_weights.Weights) -> dict[str, float]:
    weights = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


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
    order = _priority(docs)
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
