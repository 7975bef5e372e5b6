"""Token-level precision, recall and F1 of `body` against the hand-made gold article bodies.

Runs the documents layer's plain-text path over the 80 pages of aeb-dev.jsonl.gz (full-page
text with menus and "Read more" kept) and compares bags of lower-cased word tokens, the
measure the Article Extraction Benchmark uses. Baseline in the same run: the whole page kept.

    .venv/bin/python benchmarks/boilerplate_bench.py [--worst 5]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402

from wirefacts.text.article import parse_article  # noqa: E402

TOKEN = re.compile(r"\w+")


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(gold.lower()))
    common = sum((p & g).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worst", type=int, default=5, help="print the pages with the lowest F1")
    args = ap.parse_args()
    rows = []
    for rec in records("aeb-dev.jsonl.gz"):
        body = parse_article(rec["text"]).body
        rows.append(
            (rec["file"], token_prf(body, rec["gold_body"]), token_prf(rec["text"], rec["gold_body"]))
        )
    for label, idx in (("wirefacts body", 1), ("baseline: whole page", 2)):
        n = len(rows)
        p = sum(r[idx][0] for r in rows) / n
        r_ = sum(r[idx][1] for r in rows) / n
        f = sum(r[idx][2] for r in rows) / n
        print(f"{label:22s} pages={n} precision={p:.3f} recall={r_:.3f} F1={f:.3f}")
    for name, (p, r, f), _ in sorted(rows, key=lambda x: x[1][2])[: args.worst]:
        print(f"  worst {name}: P={p:.2f} R={r:.2f} F1={f:.2f}")


if __name__ == "__main__":
    main()
