"""Helpers for the reliability tests: run the real command line, and compare warehouse states."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
# Columns that record when something happened, not what the warehouse holds.
CLOCK_COLUMNS = {"ingested_at", "seen_at", "quarantined_at", "missing_since"}


def dagster_home(folder: Path) -> Path:
    """A private Dagster instance with the project's settings, so tests leave .dagster/ alone."""
    folder.mkdir(parents=True, exist_ok=True)
    config = (
        (ROOT / "dagster.yaml")
        .read_text(encoding="utf-8")
        .replace("base_dir: .dagster/", f"base_dir: {folder}/")
    )
    (folder / "dagster.yaml").write_text(config, encoding="utf-8")
    return folder


def cli_run(
    source: Path, warehouse: Path, home: Path, extra_env: dict | None = None, wait: bool = True
) -> subprocess.CompletedProcess | subprocess.Popen:
    env = os.environ | {"DAGSTER_HOME": str(home)} | (extra_env or {})
    command = [
        str(Path(sys.executable).with_name("wirefacts")),
        "run",
        "--source",
        str(source),
        "--warehouse",
        str(warehouse),
    ]
    if not wait:
        return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every base table's rows, sorted, without clock columns."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1"
        ).fetchall()]  # fmt: skip
        state = {}
        for table in tables:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
            ).fetchall()]  # fmt: skip
            kept = ", ".join(f'"{c}"' for c in columns if c not in CLOCK_COLUMNS)
            rows = con.sql(f'SELECT {kept} FROM "{table}"').fetchall()
            state[table] = sorted(rows, key=repr)
        return state
