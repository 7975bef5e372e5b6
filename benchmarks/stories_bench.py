"""Speed, memory and output of the story layer on Reuters-21578 train, with datasketch beside it.

In one run:
  1. documents layer over the 14,667 stories (not timed here; see documents_bench.py);
  2. wirefacts MinHash/LSH step (signatures + band hashes + candidate pairs), timed;
  3. datasketch MinHash (legacy scheme) + MinHashLSH on the same shingle hashes, permutations
     and bands, timed; the two candidate-pair sets are compared;
  4. the whole story layer (all three tiers and clustering), timed, with clusters by relation;
  5. with --scale N: N documents made by sampling and perturbing the corpus (re-headline, trim,
     re-wrap, splice in boilerplate), grouped by the whole story layer. Peak memory is the
     process's; run with --scale-only to measure the scale run alone.

    .venv/bin/python benchmarks/stories_bench.py [--scale 100000] [--scale-only]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402

from wirefacts.dedup import minhash, settings  # noqa: E402
from wirefacts.dedup.stories import _index, _lsh_candidates, group_stories, story_inputs  # noqa: E402
from wirefacts.text.article import parse_article  # noqa: E402

FURNITURE = ["Share this article", "Read more: markets wrap", "Subscribe to our newsletter", "Advertisement"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_frame() -> pl.DataFrame:
    rows = []
    for rec in records("reuters21578-train.jsonl.gz"):
        article = parse_article(rec["text"])
        if article.body.strip():
            rows.append((rec["file"], article.title, article.body))
    return story_inputs((file, title, body, None) for file, title, body in rows)


def perturb(body: str, rng: random.Random) -> str:
    paragraphs = body.split("\n\n")
    choice = rng.randrange(4)
    if choice == 0:  # re-headline
        paragraphs.insert(0, "UPDATE - " + " ".join(body.split()[:8]).upper())
    elif choice == 1 and len(paragraphs) > 2:  # trim the ending
        paragraphs = paragraphs[: max(2, len(paragraphs) * 3 // 4)]
    elif choice == 2:  # re-wrap
        return "\n".join(" ".join(p.split()) for p in paragraphs)
    else:  # another site's furniture
        paragraphs = [rng.choice(FURNITURE)] + paragraphs + [rng.choice(FURNITURE)]
    return "\n\n".join(paragraphs)


def datasketch_candidates(hash_sets: list, ids: list[str]) -> set[tuple[str, str]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=settings.PERMUTATIONS, params=(settings.BANDS, settings.ROWS_PER_BAND))
    pairs = set()
    for doc_id, hashes in zip(ids, hash_sets, strict=True):
        m = MinHash(num_perm=settings.PERMUTATIONS, seed=settings.SEED, hashfunc=int, scheme="legacy")
        m.update_batch(hashes.tolist())
        for other in lsh.query(m):
            pairs.add((min(doc_id, other), max(doc_id, other)))
        lsh.insert(doc_id, m)
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=0, help="also group this many perturbed documents")
    ap.add_argument("--scale-only", action="store_true", help="only the scale run (its own peak memory)")
    args = ap.parse_args()
    docs = corpus_frame()
    if args.scale_only:
        scale_run(docs, args.scale)
        return
    n = docs.height
    print(f"documents            {n:,} (Reuters-21578 train, accepted bodies)")

    cache: dict[str, int] = {}
    hash_sets = [minhash.shingle_hashes(b, cache=cache) for b in docs["body"]]
    # Both sides start from the same shingle hashes; the timed part is signatures, bands, candidates.
    shingled = {d: SimpleNamespace(shingles=h) for d, h in zip(docs["doc_id"], hash_sets, strict=True)}
    started = time.perf_counter()
    signatures, bands = _index(docs["doc_id"].to_list(), shingled)
    ours = _lsh_candidates(bands, bands)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = datasketch_candidates(hash_sets, docs["doc_id"].to_list())
    theirs_seconds = time.perf_counter() - started
    ours_pairs = set(ours.iter_rows())
    print(
        f"minhash+lsh wirefacts {ours_seconds:6.2f} s {n / ours_seconds:9,.0f} docs/s  candidates {len(ours_pairs):,}"
    )
    print(
        f"minhash+lsh datasketch{theirs_seconds:6.2f} s {n / theirs_seconds:9,.0f} docs/s  candidates {len(theirs):,}"
    )
    print(
        f"speed-up              {theirs_seconds / ours_seconds:.1f}x; same candidate pairs: {ours_pairs == theirs}"
    )

    started = time.perf_counter()
    result = group_stories(docs)
    seconds = time.perf_counter() - started
    print(
        f"story layer           {seconds:6.2f} s {n / seconds:9,.0f} docs/s  peak memory {peak_mb():,.0f} MB"
    )
    print(f"stories               {result.story_clusters['story_id'].n_unique():,}")
    for relation, count in result.story_clusters.group_by("relation").len().sort("relation").iter_rows():
        print(f"  documents {relation:16s} {count:,}")

    if args.scale:
        scale_run(docs, args.scale)


def scale_run(docs: pl.DataFrame, scale: int) -> None:
    if scale:
        rng = random.Random(7)
        bodies = docs["body"].to_list()
        made = [perturb(rng.choice(bodies), rng) for _ in range(scale)]
        big = pl.DataFrame(
            {
                "doc_id": [f"p{i:07d}" for i in range(len(made))],
                "title": [None] * len(made),
                "body": made,
                "published_on": [None] * len(made),
                "word_count": [len(b.split()) for b in made],
            },
            schema=docs.schema,
        )
        started = time.perf_counter()
        result = group_stories(big)
        seconds = time.perf_counter() - started
        print(
            f"scale {scale:,}: {seconds:6.1f} s {scale / seconds:9,.0f} docs/s, "
            f"{result.story_clusters['story_id'].n_unique():,} stories, peak memory {peak_mb():,.0f} MB"
        )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
