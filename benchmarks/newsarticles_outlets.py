"""Unpack newsarticles-dev into a source folder with an outlets.csv built from the corpus metadata.

Each record's outlet (a field of the corpus, not of the text) becomes one outlets.csv row for its
file, so a pipeline run over the folder knows every document's outlet the way a newsroom's own
folder map would tell it.

Usage: python benchmarks/newsarticles_outlets.py OUT_DIR
then:  wirefacts run --source OUT_DIR --warehouse OUT_DIR.duckdb
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for record in records("newsarticles-dev.jsonl.gz"):
        (out / record["file"]).write_text(record["text"], encoding="utf-8")
        rows.append((record["file"], record["outlet"]))
    with open(out / "outlets.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pattern", "outlet"])
        writer.writerows(rows)
    print(f"{len(rows)} files and outlets.csv written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
