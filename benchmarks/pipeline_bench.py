"""The whole pipeline over Reuters-21578 train, beside datasketch MinHash over the same texts.

Three runs of the real command (`wirefacts run`, its own Dagster home) into one warehouse:
  1. a full run over the train stories with the last 100 held back;
  2. a rerun with nothing new;
  3. a run after the 100 held-back files land in the folder.
The baseline, timed in the same process before the runs: datasketch MinHash + MinHashLSH (one
core) over the same texts, shingled by wirefacts' shingle function. Because this machine is
noisy, the figures to compare are the ratios printed beside the seconds, all from one run.

With --scale N the folder holds N documents sampled from Reuters train and perturbed as
`stories_bench.py --scale` perturbs them (re-headlined, trimmed, re-wrapped, framed by site
furniture): the 100,000-document figures.

Usage: python benchmarks/pipeline_bench.py [--held-back 100] [--scale 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402
from stories_bench import datasketch_candidates, perturb  # noqa: E402

from wirefacts.dedup import minhash  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WIREFACTS = Path(sys.executable).with_name("wirefacts")


def datasketch_seconds(texts: list[str]) -> float:
    started = time.perf_counter()
    cache: dict[str, int] = {}
    hash_sets = [minhash.shingle_hashes(t, cache=cache) for t in texts]
    datasketch_candidates(hash_sets, [str(i) for i in range(len(texts))])
    return time.perf_counter() - started


def timed_run(source: Path, warehouse: Path, home: Path) -> tuple[float, str]:
    env = os.environ | {"DAGSTER_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run(
        [str(WIREFACTS), "run", "--source", str(source), "--warehouse", str(warehouse)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        # A negative code is the signal that ended the process (its stderr is then empty).
        sys.exit(f"wirefacts run failed with exit code {done.returncode}: {done.stderr[-2000:]}")
    return seconds, done.stdout


def peak_child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--held-back", type=int, default=100, help="files that land after the full run")
    ap.add_argument(
        "--scale", type=int, default=0, help="this many perturbed documents instead of the corpus"
    )
    args = ap.parse_args()
    stories = [(r["file"], r["text"]) for r in records("reuters21578-train.jsonl.gz")]
    if args.scale:
        rng = random.Random(7)
        stories = [(f"p{i:07d}.txt", perturb(rng.choice(stories)[1], rng)) for i in range(args.scale)]
    first, later = stories[: -args.held_back], stories[-args.held_back :]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        source, home, warehouse = base / "source", base / "home", base / "wirefacts.duckdb"
        source.mkdir()
        home.mkdir()
        shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
        for name, text in first:
            (source / name).write_text(text, encoding="utf-8")
        baseline = datasketch_seconds([t for _, t in first])
        full, summary = timed_run(source, warehouse, home)
        unchanged, unchanged_summary = timed_run(source, warehouse, home)
        for name, text in later:
            (source / name).write_text(text, encoding="utf-8")
        added, added_summary = timed_run(source, warehouse, home)
    what = "perturbed Reuters-21578 train stories" if args.scale else "Reuters-21578 train stories"
    print(f"documents                     {len(first):,} {what} (+{len(later)} later)")
    print(f"datasketch MinHash+LSH        {baseline:7.1f} s   (the one-core baseline)")
    print(f"full run                      {full:7.1f} s   {full / baseline:5.1f}x the baseline")
    print(f"rerun, nothing new            {unchanged:7.1f} s   {unchanged / full:5.2f} of the full run")
    print(f"+{len(later)} files                    {added:7.1f} s   {added / full:5.2f} of the full run")
    print(f"peak memory of a run          {peak_child_mb():7,.0f} MB")
    print("full run summary:")
    print("\n".join("  " + line for line in summary.strip().splitlines()[1:]))
    for name, text in (("rerun, nothing new", unchanged_summary), (f"+{len(later)} files", added_summary)):
        slowest = next(
            (line.split("slowest steps")[1].strip() for line in text.splitlines() if "slowest steps" in line),
            "",
        )
        print(f"{name}: slowest steps {slowest}")


if __name__ == "__main__":
    main()
