"""Helpers for the reliability tests: run the real command line, and compare warehouse states."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from wirefacts.text.signatures import FILE_SYSTEM_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
# Columns that record when something happened (or a file's inode), not what the warehouse holds.
CLOCK_COLUMNS = {
    "ingested_at",
    "seen_at",
    "quarantined_at",
    "missing_since",
    "written_at",
    *FILE_SYSTEM_COLUMNS,
}


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


def rounded(value: object) -> object:
    """Scores summed in another order differ in their last bits; twelve digits are what they mean."""
    return round(value, 12) if isinstance(value, float) else value


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every base table's rows, sorted, without clock columns, floats to twelve decimals."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1"
            ).fetchall()
        ]
        state = {}
        for table in tables:
            columns = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY "
                    "ordinal_position",
                    [table],
                ).fetchall()
            ]
            kept = ", ".join(f'"{c}"' for c in columns if c not in CLOCK_COLUMNS)
            rows = [tuple(map(rounded, row)) for row in con.sql(f'SELECT {kept} FROM "{table}"').fetchall()]
            state[table] = sorted(rows, key=repr)
        return state


HEADERS_BYTES = 3 * 4096  # DuckDB's file header and its two database headers come before block 0
DAMAGE_BYTES = 20 * 1024


def damage(warehouse: Path, table: str = "documents") -> bytes:
    """Zero 20 kB inside the file, at the start of the block that holds the table's first column."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        block_size = con.sql("SELECT block_size FROM pragma_database_size()").fetchall()[0][0]
        block = con.execute(
            "SELECT min(block_id) FROM pragma_storage_info(?) WHERE persistent AND block_id >= 0", [table]
        ).fetchall()[0][0]
    with open(warehouse, "r+b") as handle:
        handle.seek(HEADERS_BYTES + block * block_size)
        handle.write(b"\0" * DAMAGE_BYTES)
    return warehouse.read_bytes()


def wirefacts(*args: str, home: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Any wirefacts command, as a user types it."""
    env = os.environ | {"DAGSTER_HOME": str(home)} | (extra_env or {})
    command = [str(Path(sys.executable).with_name("wirefacts")), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
