"""How rare a word or a name is in news at large: inverse document frequencies over a fixed
reference of news texts (`benchmarks/fit_term_weights.py`), versioned as a small file beside this
module. Fixed weights make a pair's score a function of its two texts alone."""

from __future__ import annotations

import gzip
import math
from functools import cache
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("term_weights.tsv.gz")


class Weights(dict):
    """word → inverse document frequency; a word the reference never saw twice weighs most."""

    def __init__(self, frequencies: dict[str, int], texts: int) -> None:
        super().__init__({t: idf(n, texts) for t, n in frequencies.items()})
        self.unseen = idf(0, texts)

    def __missing__(self, term: str) -> float:
        return self.unseen


def idf(frequency: int, texts: int) -> float:
    return math.log((1 + texts) / (1 + frequency)) + 1.0


@cache
def reference() -> tuple[Weights, Weights]:
    """The weights of content words and of multi-word names."""
    counts: dict[str, dict[str, int]] = {"term": {}, "name": {}}
    texts = 0
    with gzip.open(WEIGHTS_PATH, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, item, count = line.rstrip("\n").split("\t")
            if kind == "texts":
                texts = int(count)
            else:
                counts[kind][item] = int(count)
    return Weights(counts["term"], texts), Weights(counts["name"], texts)
