"""Fit the story pair scorer on the tuning halves of the story dev gold, and choose its threshold.

Every candidate pair the story layer generates among a tuning half's documents is one example,
labelled 1 when the gold puts both documents in one story (pairs labelled same-event-only are
left out). The weights are a logistic regression over the parts `duplicate_pairs` records; the
threshold is the one that gives the best pairwise F1 over the tuning halves once clustered.
The check halves are never read here. Writes wirefacts/dedup/pair_model.json.

    .venv/bin/python benchmarks/train_story_model.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _story_gold import PairScore, load_gold, read_documents, score  # noqa: E402

from wirefacts.dedup import pair_model  # noqa: E402
from wirefacts.dedup.stories import group_stories  # noqa: E402

THRESHOLDS = [t / 100 for t in range(20, 91, 5)]
# L2 penalty of the fit, chosen on the tuning halves' pooled F1 (0.1: 0.838, 1: 0.849, 3 and 10:
# 0.865, 30: 0.857): with a few dozen positive pairs a firmer penalty keeps the weights from
# chasing single pairs.
L2 = 10.0


def tuning_halves() -> list[tuple[dict, list[str], object]]:
    halves = []
    for gold_set in load_gold().values():
        files = gold_set["halves"]["tune"]
        docs = read_documents(gold_set["corpus"], files)
        halves.append((gold_set, docs["doc_id"].to_list(), docs))
    return halves


def examples(halves, model) -> tuple[list[dict], list[int], list[float]]:  # noqa: ANN001
    """Candidate pairs with their labels, each set weighing as much as another in total, so the
    many wire pairs do not drown the outlet rewrites."""
    rows, labels, weights = [], [], []
    for gold_set, _files, docs in halves:
        start = len(rows)
        cluster_of = {f: i for i, c in enumerate(gold_set["clusters"]) for f in c}
        unscored = {frozenset(p[:2]) for p in gold_set["same_event_only"]}
        words = dict(zip(docs["doc_id"], docs["word_count"], strict=True))
        pairs = group_stories(docs, model=model).duplicate_pairs.filter(pl_method_scored())
        for row in pairs.iter_rows(named=True):
            a, b = row["doc_id"], row["other_doc_id"]
            if frozenset((a, b)) in unscored:
                continue
            short = min(words[a], words[b]) <= pair_model_short_words()
            rows.append(pair_model.model_inputs(row, short))
            labels.append(int(a in cluster_of and cluster_of[a] == cluster_of.get(b)))
        weights.extend([1.0 / max(1, len(rows) - start)] * (len(rows) - start))
    scale = len(rows) / sum(weights)
    return rows, labels, [w * scale for w in weights]


def pl_method_scored():  # noqa: ANN201
    import polars as pl

    return pl.col("method") != "normalized_hash"


def pair_model_short_words() -> int:
    from wirefacts.dedup.settings import DEFAULT

    return DEFAULT.headline_only_words


def tuned_f1(halves, model) -> float:  # noqa: ANN001
    """Pairwise F1 over the pairs of all tuning halves together (pooled, so a set with a handful
    of positive pairs does not swing the choice)."""
    pooled = PairScore()
    for gold_set, files, docs in halves:
        story_of = dict(
            group_stories(docs, model=model).story_clusters.select("doc_id", "story_id").iter_rows()
        )
        s = score(gold_set, files, story_of)
        pooled.tp, pooled.fp, pooled.fn = pooled.tp + s.tp, pooled.fp + s.fp, pooled.fn + s.fn
    return pooled.f1


def main() -> None:
    halves = tuning_halves()
    # Candidates and their parts do not depend on the weights: any model will do to list them.
    untrained = pair_model.PairModel(
        dict.fromkeys(pair_model.FEATURES, 0.0), dict.fromkeys(pair_model.FEATURES, 0.0),
        dict.fromkeys(pair_model.FEATURES, 1.0), 0.0, 0.5,
    )  # fmt: skip
    rows, labels, weights = examples(halves, untrained)
    print(f"{len(rows)} candidate pairs on the tuning halves, {sum(labels)} of one story")
    model = pair_model.fit(rows, labels, l2=L2)
    by_threshold = {t: tuned_f1(halves, replace(model, threshold=t)) for t in THRESHOLDS}
    for t, f1 in by_threshold.items():
        print(f"  threshold {t:.2f}: pooled pairwise F1 on the tuning halves {f1:.3f}")
    best = max(by_threshold, key=lambda t: (by_threshold[t], -abs(t - 0.5)))
    model = replace(model, threshold=best)
    pair_model.MODEL_PATH.write_text(
        model.to_json(
            fitted_by="benchmarks/train_story_model.py",
            examples=len(rows),
            positives=sum(labels),
            tuning_pooled_f1=round(by_threshold[best], 4),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"threshold {best:.2f}; weights:")
    for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:18s} {weight:+.3f}")


if __name__ == "__main__":
    main()
