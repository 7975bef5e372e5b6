"""Choose documents for the extraction dev gold by their subject, not by how the extractor does.

A document qualifies when its text talks about officials and meetings, or about traded goods
and figures (counted with plain keyword lists); qualifying documents are sampled at random.

Usage: python benchmarks/gold/select_extraction_docs.py OUT_DIR
"""

import gzip
import json
import random
import re
import sys
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
    out = Path(sys.argv[1])
    (out / "docs").mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261202)
    chosen = []
    for corpus, n, keep in PICKS:
        recs = [json.loads(x) for x in gzip.open(CORPORA / corpus, "rt")]
        pool = sorted((r for r in recs if keep(r) and qualifies(r["text"])), key=lambda r: r["file"])
        for r in rng.sample(pool, n):
            (out / "docs" / r["file"]).write_text(r["text"], encoding="utf-8")
            chosen.append(r["file"])
    (out / "documents.txt").write_text("\n".join(chosen) + "\n")


if __name__ == "__main__":
    main()
