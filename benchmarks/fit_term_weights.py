"""Count in how many news texts each content word and each name occurs: the story layer's weights.

A pair of texts is weighted by how rare its shared words and names are in news at large, not in
the folder at hand, so a pair's decision is a function of its two texts alone: it is the same
whatever else the folder holds, and a later run keeps it instead of computing it again.

The texts are every article of the shared corpora (Reuters-21578 train 1987, BBC 2004-05,
newsarticles-dev 2017), cleaned as the pipeline cleans them. No label is read. Words and names
found in one text only are left out: the story layer weighs them like words it never saw.
Writes wirefacts/dedup/term_weights.tsv.gz.

    .venv/bin/python benchmarks/fit_term_weights.py
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402

from wirefacts.dedup import features  # noqa: E402
from wirefacts.dedup.term_weights import WEIGHTS_PATH  # noqa: E402
from wirefacts.text.article import parse_article  # noqa: E402

CORPORA = ("reuters21578-train.jsonl.gz", "bbc.jsonl.gz", "newsarticles-dev.jsonl.gz")
MIN_TEXTS = 2


def main() -> None:
    terms, names, texts = Counter(), Counter(), 0
    for corpus in CORPORA:
        for record in records(corpus):
            body = parse_article(record["text"]).body
            terms.update(features.content_terms(body).keys())
            names.update(set(features.names(body)))
            texts += 1
    lines = [f"texts\t\t{texts}"]
    for kind, counts in (("term", terms), ("name", names)):
        lines += [f"{kind}\t{t}\t{n}" for t, n in sorted(counts.items()) if n >= MIN_TEXTS]
    # mtime=0: the same counts give the same bytes, so the code version changes only with them
    with gzip.GzipFile(WEIGHTS_PATH, "wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    kept = sum(1 for line in lines if line.startswith("term"))
    print(f"{texts:,} texts: {kept:,} words and {len(lines) - 1 - kept:,} names in two texts or more")


if __name__ == "__main__":
    main()
