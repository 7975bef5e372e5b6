"""Choose the 50 newsarticles-dev documents labelled for credited_agency (benchmarks/gold/credits.dev.gold.json).

Documents that name a wire agency anywhere are where credits and non-credits (photo credits,
quotations, agencies as subjects) are decided, so the sample is drawn from them: five per outlet,
then five more from the rest, with a fixed seed.

Usage: python benchmarks/gold/select_credit_docs.py
"""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _corpora import records  # noqa: E402

AGENCY_NAME = re.compile(
    r"\b(?:Reuters|REUTERS|Associated Press|AP|AFP|Agence France[- ]Presse|TASS|Xinhua|ANI|PTI|Bloomberg|dpa|DPA"
    r"|Kyodo|Yonhap|EFE|ANSA|UPI|Anadolu|Interfax|RIA Novosti|Sputnik|Press Association|IANS)\b"
)
PER_OUTLET = 5
TOTAL = 50
SEED = 13


def select() -> list[str]:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for record in records("newsarticles-dev.jsonl.gz"):
        if AGENCY_NAME.search(record["text"]):
            by_outlet[record["outlet"]].append(record["file"])
    rng = random.Random(SEED)
    chosen: list[str] = []
    for outlet in sorted(by_outlet):
        files = sorted(by_outlet[outlet])
        chosen.extend(rng.sample(files, min(PER_OUTLET, len(files))))
    rest = sorted(f for files in by_outlet.values() for f in files if f not in chosen)
    chosen.extend(rng.sample(rest, TOTAL - len(chosen)))
    return sorted(chosen)


if __name__ == "__main__":
    print("\n".join(select()))
