"""The story dev gold (benchmarks/gold/stories.dev.gold.json): its documents as the pipeline
reads them, and pairwise scoring by the rules of ../shared/gold/LABELLING.md."""

from __future__ import annotations

import itertools
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from _corpora import records

from wirefacts.dedup.stories import story_inputs
from wirefacts.text.ingest import Document, scan_folder

GOLD = Path(__file__).resolve().parent / "gold" / "stories.dev.gold.json"


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["sets"]


def read_documents(corpus: str, files: list[str]) -> pl.DataFrame:
    """The files written to a folder and read by the documents layer, as the pipeline would;
    doc_id is the file name so results can be scored by name."""
    wanted = set(files)
    with tempfile.TemporaryDirectory() as folder:
        for rec in records(corpus):
            if rec["file"] in wanted:
                (Path(folder) / rec["file"]).write_text(rec["text"], encoding="utf-8")
        docs = [d for d in scan_folder(Path(folder)) if isinstance(d, Document)]
    return story_inputs((d.source_path, d.title, d.body, d.published_on) for d in docs)


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    hard_negatives_merged: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold_set: dict, files: list[str], story_of: dict[str, str]) -> PairScore:
    """Pairwise P/R/F1 over the listed files; same-event-only pairs are not scored either way."""
    cluster_of = {f: i for i, c in enumerate(gold_set["clusters"]) for f in c}
    unscored = {frozenset(p[:2]) for p in gold_set["same_event_only"]}
    result = PairScore()
    for a, b in itertools.combinations(sorted(files), 2):
        if frozenset((a, b)) in unscored:
            continue
        same_gold = a in cluster_of and cluster_of.get(a) == cluster_of.get(b)
        same_found = story_of.get(a, a) == story_of.get(b, b)
        result.tp += same_gold and same_found
        result.fp += same_found and not same_gold
        result.fn += same_gold and not same_found
    wanted = set(files)
    for a, b, _ in gold_set["hard_negative_pairs"]:
        if a in wanted and b in wanted and story_of.get(a, a) == story_of.get(b, b):
            result.hard_negatives_merged += 1
    return result


def union_find(files: list[str], edges: list[tuple[str, str]]) -> dict[str, str]:
    parent = {f: f for f in files}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    return {f: find(f) for f in files}
