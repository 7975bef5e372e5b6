"""Fact extraction quality on the labelled dev set, per half, scored by ../shared/tools/score_gold.py.

Each half's documents are written to a folder and run through the real job (in-process, an
ephemeral Dagster instance, a temporary DuckDB file), then scored. Printed per half: P/R/F1 of
officials, meetings, commodities and figures, the mean, and the attribute accuracies, and beside
them the F1s of a keyword baseline (benchmarks/_extraction_baseline.py) on the same documents.
The tune half is where rules were developed; the check half is where they are confirmed.
--set NAME=VALUE runs with another extraction setting (wirefacts/extract/settings.py).

    .venv/bin/python benchmarks/extraction_quality.py [--errors tune] [--min-mean-f1 0.8]
    .venv/bin/python benchmarks/extraction_quality.py --set trade_context_chars=0
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import dagster as dg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import records  # noqa: E402
from _extraction_baseline import baseline_warehouse  # noqa: E402

from pipelines.definitions import defs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "extraction.dev.gold.json"
SCORER = ROOT.parent / "shared" / "tools" / "score_gold.py"
TABLES = ("officials", "meetings", "commodities", "figures")


def materialise(folder: Path, warehouse: Path, settings: dict) -> None:
    run_config = {
        "resources": {
            "source": {"config": {"path": str(folder)}},
            "warehouse": {"config": {"path": str(warehouse)}},
        },
        "ops": {"fact_tables": {"config": settings}},
        "loggers": {"console": {"config": {"log_level": "ERROR"}}},
    }
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("materialize_everything").execute_in_process(
            instance=instance, run_config=run_config, raise_on_error=False
        )
    if not result.success:
        raise SystemExit("the pipeline run failed")


def score(warehouse: Path, half_gold: Path, show_errors: bool) -> dict:
    report_path = warehouse.with_suffix(".report.json")
    args = [sys.executable, str(SCORER), str(warehouse), str(half_gold), "--json", str(report_path)]
    out = subprocess.run(args + ([] if show_errors else ["--quiet"]), capture_output=True, text=True)
    if show_errors:
        print(out.stdout)
    return json.loads(report_path.read_text())


def score_half(
    gold: dict, half: str, texts: dict[str, str], show_errors: bool, settings: dict
) -> tuple[dict, dict]:
    """The pipeline's report and the baseline's on one half."""
    files = gold["halves"][half]
    with tempfile.TemporaryDirectory() as tmp:
        folder, warehouse = Path(tmp) / "in", Path(tmp) / "w.duckdb"
        folder.mkdir()
        for f in files:
            (folder / f).write_text(texts[f], encoding="utf-8")
        materialise(folder, warehouse, settings)
        half_gold = Path(tmp) / "gold.json"
        half_gold.write_text(json.dumps({"documents": {f: gold["documents"][f] for f in files}}))
        baseline = baseline_warehouse(warehouse, Path(tmp) / "baseline.duckdb")
        return score(warehouse, half_gold, show_errors), score(baseline, half_gold, False)


def setting(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    return name, float(value) if "." in value else int(value)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", choices=["tune", "check"], help="print every error of this half")
    ap.add_argument("--min-mean-f1", type=float, help="fail when the check half's mean F1 is below this")
    ap.add_argument(
        "--set", type=setting, action="append", default=[], help="an extraction setting NAME=VALUE"
    )
    args = ap.parse_args()
    settings = dict(args.set)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    wanted = set(gold["documents"])
    texts = {}
    for corpus in sorted(set(gold["corpora"].values())):
        texts |= {r["file"]: r["text"] for r in records(corpus) if r["file"] in wanted}
    failed = False
    for half in ("tune", "check"):
        report, baseline = score_half(gold, half, texts, args.errors == half, settings)
        print(
            f"{half}: {len(gold['halves'][half])} documents, mean F1 {report['mean_f1']:.3f}"
            f" (keyword baseline {baseline['mean_f1']:.3f})"
        )
        for table in TABLES:
            t = report[table]
            attrs = "  ".join(f"{a}={v:.2f}" for a, v in sorted(t["attributes"].items()) if v is not None)
            counts = f"tp={t['tp']} fp={t['fp']} fn={t['fn']}"
            print(
                f"  {table:12s} P={t['precision']:.3f} R={t['recall']:.3f} F1={t['f1']:.3f} ({counts})"
                f"  baseline F1={baseline[table]['f1']:.3f}  {attrs}"
            )
        if half == "check" and args.min_mean_f1 is not None and report["mean_f1"] < args.min_mean_f1:
            print(f"FAIL check-half mean F1 {report['mean_f1']:.3f} is below {args.min_mean_f1}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
