"""Speed and memory of the documents layer over the Reuters-21578 train split (14,667 files).

Writes the stories as .txt files into a temporary folder, then times, in the same run:
  baseline   reading every file's bytes and decoding them as UTF-8, nothing else
  wirefacts  the documents layer: scan, decode, reject, strip furniture, sentences, tables
and prints files/s and peak resident memory.

    .venv/bin/python benchmarks/documents_bench.py [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402

from wirefacts.documents import DOCUMENTS, REJECTED, SENTENCES, build_tables  # noqa: E402
from wirefacts.text.ingest import scan_folder  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = 0
        for rec in records("reuters21578-train.jsonl.gz"):
            (folder / rec["file"]).write_text(rec["text"], encoding="utf-8")
            n += 1
            if args.limit and n >= args.limit:
                break

        started = time.perf_counter()
        for path in sorted(folder.iterdir()):
            path.read_bytes().decode("utf-8")
        baseline = time.perf_counter() - started

        started = time.perf_counter()
        nothing_loaded = (pl.DataFrame(schema=schema) for schema in (DOCUMENTS, REJECTED, SENTENCES))
        tables = build_tables(scan_folder(folder), *nothing_loaded, datetime.now())
        documents, rejected, sentences = (
            tables["documents"],
            tables["rejected_documents"],
            tables["sentences"],
        )
        seconds = time.perf_counter() - started
    print(f"files                {n:,}")
    print(f"baseline read+utf8   {baseline:6.2f} s  {n / baseline:10,.0f} files/s")
    print(
        f"wirefacts documents  {seconds:6.2f} s  {n / seconds:10,.0f} files/s  (accepted {documents.height:,}, rejected {rejected.height:,}, sentences {sentences.height:,})"
    )
    print(f"peak memory          {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
