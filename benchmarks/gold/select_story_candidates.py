"""Choose documents for the story dev gold and list the pairs a labeller must read.

Candidates come from lexical overlap that no tier of the pipeline uses as-is (word 3-gram
containment of title + body, and flash headlines against title + lead), so the labelled set
is not shaped by the system it measures. Random distractors are added. Labels are decided by
reading each pair, never by these scores.

Usage: python benchmarks/gold/select_story_candidates.py OUT_DIR
"""

import gzip
import itertools
import json
import random
import re
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
WORD = re.compile(r"[a-z0-9]+")


def day_number(date: str) -> int:
    """Ordinal day of an ISO timestamp; records without one sort far from every other."""
    return datetime.fromisoformat(date).toordinal() if date else -(10**6)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def trigrams(ws: list[str]) -> set[tuple[str, ...]]:
    return {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}


def candidate_pairs(recs, day_of, max_days, min_contain, max_df=25):
    grams = {r["file"]: trigrams(words(r["text"])) for r in recs}
    index = defaultdict(list)
    for f, gs in grams.items():
        for g in gs:
            index[g].append(f)
    shared = defaultdict(int)
    for fs in index.values():
        if 1 < len(fs) <= max_df:
            for a, b in itertools.combinations(sorted(fs), 2):
                shared[a, b] += 1
    pairs = {}
    for (a, b), n in shared.items():
        if abs(day_of[a] - day_of[b]) > max_days:
            continue
        c = n / max(1, min(len(grams[a]), len(grams[b])))
        if c >= min_contain:
            pairs[a, b] = round(c, 3)
    return pairs


def flash_pairs(recs, day_of, max_days=2):
    """One-line documents against other documents' title and first 60 words."""
    short = [r for r in recs if len(words(r["text"])) < 25]
    lead = {r["file"]: set(words(r["text"])[:60]) for r in recs}
    pairs = {}
    for s in short:
        sw = {w for w in words(s["text"]) if len(w) > 2 and not w.isdigit()}
        if len(sw) < 3:
            continue
        for r in recs:
            if r["file"] == s["file"] or abs(day_of[r["file"]] - day_of[s["file"]]) > max_days:
                continue
            overlap = len(sw & lead[r["file"]]) / len(sw)
            if overlap >= 0.6:
                pairs[tuple(sorted((s["file"], r["file"])))] = round(overlap, 3)
    return pairs


def components(pairs):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups = defaultdict(set)
    for x in parent:
        groups[find(x)].add(x)
    return list(groups.values())


def choose(recs, pairs, target_docs, n_random, rng, max_group=8):
    # Sorted before shuffling so the choice does not depend on set order (hash seed).
    groups = sorted(sorted(g) for g in components(pairs) if len(g) <= max_group)
    rng.shuffle(groups)
    chosen = set()
    for g in groups:
        if len(chosen) >= target_docs:
            break
        chosen |= set(g)
    rest = sorted(r["file"] for r in recs if r["file"] not in chosen)
    chosen |= set(rng.sample(rest, n_random))
    return chosen


def write(out: Path, name, recs, chosen, pairs, extra_cols):
    d = out / name
    (d / "docs").mkdir(parents=True, exist_ok=True)
    by_file = {r["file"]: r for r in recs}
    for f in sorted(chosen):
        (d / "docs" / f).write_text(by_file[f]["text"], encoding="utf-8")
    with open(d / "candidate_pairs.tsv", "w") as fh:
        fh.write("a\tb\tscore\t" + "\t".join(f"a_{c}\tb_{c}" for c in extra_cols) + "\n")
        for (a, b), s in sorted(pairs.items()):
            if a in chosen and b in chosen:
                cols = [str(by_file[x].get(c, "")) for c in extra_cols for x in (a, b)]
                fh.write(f"{a}\t{b}\t{s}\t" + "\t".join(cols) + "\n")
    (d / "documents.txt").write_text("\n".join(sorted(chosen)) + "\n")


def main() -> None:
    out = Path(sys.argv[1])
    rng = random.Random(20261202)
    reuters = [json.loads(x) for x in gzip.open(CORPORA / "reuters21578-train.jsonl.gz", "rt")]
    day = {r["file"]: day_number(r["date"]) for r in reuters}
    pairs = candidate_pairs(reuters, day, max_days=4, min_contain=0.25)
    pairs.update(flash_pairs(reuters, day))
    chosen = choose(reuters, pairs, target_docs=290, n_random=60, rng=rng)
    write(out, "reuters", reuters, chosen, pairs, ["date"])

    articles = [json.loads(x) for x in gzip.open(CORPORA / "newsarticles-dev.jsonl.gz", "rt")]
    day = {r["file"]: day_number(r["date"]) for r in articles}
    pairs = candidate_pairs(articles, day, max_days=3, min_contain=0.04, max_df=12)
    outlet = {r["file"]: r["outlet"] for r in articles}
    pairs = {p: s for p, s in pairs.items() if outlet[p[0]] != outlet[p[1]] or s >= 0.5}
    chosen = choose(articles, pairs, target_docs=200, n_random=40, rng=rng)
    write(out, "newsarticles", articles, chosen, pairs, ["outlet", "date"])


if __name__ == "__main__":
    main()
