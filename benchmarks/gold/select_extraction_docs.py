"""Choose documents for the extraction dev gold by their subject, not by how the extractor does.

A document qualifies when its text talks about officials and meetings, or about traded goods
and figures (counted with plain keyword lists); qualifying documents are sampled at random.

Usage: python benchmarks/gold/select_extraction_docs.py OUT_DIR [--seed N] [--counts R,B,N] [--exclude GOLD]

--exclude leaves out documents an earlier gold file already holds (a later batch of labels).
"""

import argparse
import gzip
import json
import random
import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
DIPLOMACY = re.compile(
    r"\b(minister|president|secretary|ambassador|governor|talks|visit|summit|met|meeting)\b", re.I
)
TRADE = re.compile(
    r"\b(exports?|imports?|tonnes|tons|barrels|pct|per cent|percent|tariffs?|trade|surplus|deficit)\b",
    re.I,
)
PICKS = [  # corpus, how many, record filter
    ("reuters21578-train.jsonl.gz", 22, lambda r: r["text_type"] == "NORM"),
    ("bbc.jsonl.gz", 16, lambda r: r["category"] in ("business", "politics")),
    ("newsarticles-dev.jsonl.gz", 22, lambda r: True),
]


def qualifies(text: str) -> bool:
    n_words = len(text.split())
    if not 120 <= n_words <= 900:
        return False
    return len(DIPLOMACY.findall(text)) >= 3 and len(TRADE.findall(text)) >= 3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--counts", help="documents from Reuters, BBC and newsarticles-dev, e.g. 5,4,6")
    ap.add_argument("--exclude", help="a gold file whose documents are left out")
    args = ap.parse_args()
    out = Path(args.out)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    counts = [int(c) for c in args.counts.split(",")] if args.counts else [n for _, n, _ in PICKS]
    excluded = set(json.loads(Path(args.exclude).read_text())["documents"]) if args.exclude else set()
    chosen = []
    for (corpus, _, keep), n in zip(PICKS, counts, strict=True):
        recs = [json.loads(x) for x in gzip.open(CORPORA / corpus, "rt")]
        pool = sorted(
            (r for r in recs if keep(r) and qualifies(r["text"]) and r["file"] not in excluded),
            key=lambda r: r["file"],
        )
        for r in rng.sample(pool, n):
            (out / "docs" / r["file"]).write_text(r["text"], encoding="utf-8")
            chosen.append(r["file"])
    (out / "documents.txt").write_text("\n".join(chosen) + "\n")


if __name__ == "__main__":
    main()
