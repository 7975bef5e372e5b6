"""Credited agency on 50 labelled newsarticles-dev documents, beside an agency-name baseline.

Each document goes through the same parsing as the pipeline (furniture removed, captions found),
then wirefacts.text.credits reads the body. A prediction is right when the agencies it credits
are the labelled ones (strict), or when its first agency is one of them (lenient). Labels marked
optional accept any answer and are left out of both counts. The baseline credits every agency
named anywhere in the text.

Usage: python benchmarks/credits_quality.py [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _corpora import records  # noqa: E402

from wirefacts.text.article import parse_article  # noqa: E402
from wirefacts.text.credits import AGENCY, canonical_agency, credited_agencies, find_credits  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "credits.dev.gold.json"


NAMED = re.compile(rf"\b{AGENCY}\b")


def baseline(text: str) -> list[str]:
    names: list[str] = []
    for match in NAMED.finditer(text):
        name = canonical_agency(match.group(0))
        if name and name not in names:
            names.append(name)
    return names


def score(predictions: dict[str, list[str]], gold: dict[str, dict]) -> dict[str, float]:
    counted = {f: g for f, g in gold.items() if not g.get("optional")}
    expected = {f: _as_list(g["agency"]) for f, g in counted.items()}
    predicted = [f for f in counted if predictions[f]]
    relevant = [f for f in counted if expected[f]]
    strict = [f for f in predicted if expected[f] and predictions[f] == expected[f]]
    lenient = [f for f in predicted if expected[f] and predictions[f][0] in expected[f]]
    return {
        "predicted": len(predicted),
        "labelled": len(relevant),
        "precision": len(strict) / len(predicted) if predicted else 0.0,
        "recall": len(strict) / len(relevant) if relevant else 0.0,
        "lenient_precision": len(lenient) / len(predicted) if predicted else 0.0,
        "lenient_recall": len(lenient) / len(relevant) if relevant else 0.0,
    }


def _as_list(agency: str | list[str] | None) -> list[str]:
    if agency is None:
        return []
    return [agency] if isinstance(agency, str) else list(agency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print every document's answer beside its label")
    args = parser.parse_args()
    labels = json.loads(GOLD.read_text(encoding="utf-8"))
    gold = labels["documents"]
    system, base = {}, {}
    for record in records(labels["corpus"]):
        if record["file"] not in gold:
            continue
        article = parse_article(record["text"])
        system[record["file"]] = credited_agencies(find_credits(article.body, article.caption_spans))
        base[record["file"]] = baseline(record["text"])
    print(f"credited agency, {len(gold)} labelled documents of {labels['corpus']}")
    for name, predictions in (("wirefacts.text.credits", system), ("baseline: any agency named", base)):
        s = score(predictions, gold)
        print(
            f"  {name:28s} P {s['precision']:.3f}  R {s['recall']:.3f}   (lenient P {s['lenient_precision']:.3f}"
            f"  R {s['lenient_recall']:.3f}; {s['predicted']} credited, {s['labelled']} labelled)"
        )
    if args.show:
        for file, label in sorted(gold.items()):
            expected = _as_list(label["agency"])
            mark = "ok " if system[file] == expected else ("opt" if label.get("optional") else "BAD")
            print(f"  {mark} {file} gold={expected} got={system[file]} base={base[file]}  {label['why']}")


if __name__ == "__main__":
    main()
