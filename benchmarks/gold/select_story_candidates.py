"""Choose documents for the story dev gold and list the pairs a labeller must read.

Candidates come from lexical overlap that no tier of the pipeline uses as-is (word 3-gram
containment of title + body, and flash headlines against title + lead), so the labelled set
is not shaped by the system it measures. Random distractors are added. Labels are decided by
reading each pair, never by these scores.

Usage: python benchmarks/gold/select_story_candidates.py OUT_DIR
       python benchmarks/gold/select_story_candidates.py --outlet-batch OUT.tsv
       python benchmarks/gold/select_story_candidates.py --reuters-batch OUT_DIR [SEED]

The second form lists newsarticles-dev pairs from different outlets, at most three days apart,
that the gold has not decided yet: texts sharing word 5-grams of narrative (outside quotations)
that at most three texts of the corpus have, or alike in TF-IDF terms (cosine 0.3 or more). The
second batch of outlet_rewrites pairs was read from this list.
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


QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]{0,600}[\"\u201d]")


def narrative_grams(text: str, k: int = 5) -> set[tuple[str, ...]]:
    """Word k-grams of the text outside quotations, within paragraphs."""
    out = set()
    for paragraph in QUOTED.sub(" \n ", text).split("\n"):
        ws = words(paragraph)
        out |= {tuple(ws[i : i + k]) for i in range(len(ws) - k + 1)}
    return out


def outlet_batch(recs, decided, max_days=3):
    """Undecided cross-outlet pairs: shared rare narrative 5-grams, or TF-IDF cosine >= 0.3."""
    import math
    from collections import Counter

    day = {r["file"]: day_number(r["date"]) for r in recs}
    outlet = {r["file"]: r["outlet"] for r in recs}
    grams = {r["file"]: narrative_grams(r["text"]) for r in recs}
    index = defaultdict(list)
    for f, gs in grams.items():
        for g in gs:
            index[g].append(f)
    shared = Counter()
    for fs in index.values():
        if 1 < len(fs) <= 3:
            shared.update(itertools.combinations(sorted(fs), 2))
    terms = {r["file"]: Counter(w for w in words(r["text"]) if len(w) > 2 and not w.isdigit()) for r in recs}
    df = Counter(t for c in terms.values() for t in c)
    vectors = {}
    for f, c in terms.items():
        v = {
            t: (1 + math.log(n)) * math.log(len(recs) / df[t])
            for t, n in c.items()
            if df[t] < 0.3 * len(recs)
        }
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[f] = {t: x / norm for t, x in v.items()}
    rows = []
    for a, b in itertools.combinations(sorted(terms), 2):
        if outlet[a] == outlet[b] or abs(day[a] - day[b]) > max_days or frozenset((a, b)) in decided:
            continue
        va, vb = sorted((vectors[a], vectors[b]), key=len)
        cosine = sum(x * vb.get(t, 0.0) for t, x in va.items())
        if shared[a, b] >= 5 or cosine >= 0.3:
            rows.append((shared[a, b], round(cosine, 3), a, b, outlet[a], outlet[b]))
    return sorted(rows, reverse=True)


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
    if (
        len(sys.argv) < 2
        or sys.argv[1].startswith("-")
        and sys.argv[1] not in ("--outlet-batch", "--reuters-batch")
    ):
        sys.exit(__doc__)  # "--help" and other flags are no output folder
    if sys.argv[1] == "--outlet-batch":
        gold = json.loads((Path(__file__).with_name("stories.dev.gold.json")).read_text())["sets"]
        labelled = gold["outlet_rewrites"]
        decided = {frozenset(p) for c in labelled["clusters"] for p in itertools.combinations(c, 2)}
        decided |= {frozenset(p[:2]) for p in labelled["hard_negative_pairs"] + labelled["same_event_only"]}
        articles = [json.loads(x) for x in gzip.open(CORPORA / "newsarticles-dev.jsonl.gz", "rt")]
        with open(sys.argv[2], "w") as fh:
            fh.write("shared_narrative_5grams\tcosine\ta\tb\ta_outlet\tb_outlet\n")
            for row in outlet_batch(articles, decided):
                fh.write("\t".join(map(str, row)) + "\n")
        return
    reuters = [json.loads(x) for x in gzip.open(CORPORA / "reuters21578-train.jsonl.gz", "rt")]
    day = {r["file"]: day_number(r["date"]) for r in reuters}
    pairs = candidate_pairs(reuters, day, max_days=4, min_contain=0.25)
    pairs.update(flash_pairs(reuters, day))
    if sys.argv[1] == "--reuters-batch":
        gold = json.loads((Path(__file__).with_name("stories.dev.gold.json")).read_text())["sets"]
        held = set(gold["reuters_wire"]["documents"])
        unseen = [r for r in reuters if r["file"] not in held]
        pairs = {p: s for p, s in pairs.items() if not held & set(p)}
        seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261204  # the second batch's seed
        chosen = choose(unseen, pairs, target_docs=130, n_random=20, rng=random.Random(seed))
        write(Path(sys.argv[2]), "reuters", reuters, chosen, pairs, ["date"])
        return
    out = Path(sys.argv[1])
    rng = random.Random(20261202)
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
