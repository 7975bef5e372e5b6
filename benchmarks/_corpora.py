"""Where the shared development corpora live, and how to read them."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

CORPORA = Path(
    os.environ.get("WIREFACTS_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora")
)


def records(name: str) -> Iterator[dict]:
    """Records of one corpus file, e.g. records("reuters21578-train.jsonl.gz")."""
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)
