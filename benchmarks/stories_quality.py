"""Story grouping quality on the labelled dev sets, beside two lexical baselines in the same run.

For each set (Reuters wire copy; 2017 outlets rewriting agency copy) and each half (tune: the
half every threshold and weight was chosen on; check: the half nothing was chosen on), the
documents of that half are grouped on their own, as a user dropping them in a folder would,
and scored pairwise (P/R/F1) with the number of labelled hard negatives merged. Baselines, on
the same cleaned bodies: word 5-gram Jaccard and word 3-gram containment, each joined with
union-find at its best threshold for that set and half (an oracle choice, in their favour).

    .venv/bin/python benchmarks/stories_quality.py [--min-f1-margin 0.05]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _story_gold import PairScore, load_gold, read_documents, score, union_find  # noqa: E402

from wirefacts.dedup.stories import group_stories  # noqa: E402

WORD = re.compile(r"\w+")
THRESHOLDS = [t / 100 for t in range(5, 100, 5)]


def shingles(body: str, k: int) -> set[tuple[str, ...]]:
    words = WORD.findall(body.lower())
    return {tuple(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


def best_baseline(
    gold_set: dict, files: list[str], bodies: dict[str, str], k: int, measure
) -> tuple[float, PairScore]:  # noqa: ANN001
    sets = {f: shingles(bodies[f], k) for f in files}
    sims = [(a, b, measure(sets[a], sets[b])) for a, b in itertools.combinations(files, 2)]
    best = None
    for t in THRESHOLDS:
        result = score(gold_set, files, union_find(files, [(a, b) for a, b, s in sims if s >= t]))
        if best is None or result.f1 > best[1].f1:
            best = (t, result)
    return best


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: set, b: set) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def line(label: str, s: PairScore, extra: str = "") -> str:
    return (
        f"  {label:34s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"hard negatives merged={s.hard_negatives_merged}{extra}"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--min-f1-margin", type=float, help="fail unless check-half F1 beats the better baseline by this"
    )
    ap.add_argument("--min-f1", action="append", default=[], metavar="SET=F1",
                    help="fail when a set's check-half F1 is below this floor")  # fmt: skip
    args = ap.parse_args()
    floors = dict(f.split("=") for f in args.min_f1)
    failed = []
    for name, gold_set in load_gold().items():
        docs = read_documents(gold_set["corpus"], gold_set["documents"])
        bodies = dict(zip(docs["doc_id"], docs["body"], strict=True))
        for half in ("tune", "check"):
            files = [f for f in gold_set["halves"][half] if f in bodies]
            pairs = sum(
                1
                for c in gold_set["clusters"]
                for a, b in itertools.combinations(c, 2)
                if a in files and b in files
            )
            print(f"{name} / {half}: {len(files)} documents, {pairs} same-story pairs")
            result = group_stories(docs.filter(docs["doc_id"].is_in(files)))
            story_of = dict(result.story_clusters.select("doc_id", "story_id").iter_rows())
            ours = score(gold_set, files, story_of)
            print(line("wirefacts", ours))
            baselines = []
            for label, k, measure in (
                ("word 5-gram Jaccard", 5, jaccard),
                ("word 3-gram containment", 3, containment),
            ):
                t, s = best_baseline(gold_set, files, bodies, k, measure)
                baselines.append(s.f1)
                print(line(f"{label} (best t={t:.2f})", s))
            if half == "check":
                if args.min_f1_margin is not None and ours.f1 < max(baselines) + args.min_f1_margin:
                    failed.append(
                        f"{name}: F1 {ours.f1:.3f} is not {args.min_f1_margin} above {max(baselines):.3f}"
                    )
                if name in floors and ours.f1 < float(floors[name]):
                    failed.append(f"{name}: F1 {ours.f1:.3f} is below the floor {floors[name]}")
    for message in failed:
        print("FAIL", message)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
