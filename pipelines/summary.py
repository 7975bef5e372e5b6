"""The few lines `wirefacts run` prints: what went in, what came out, how long it took."""

from __future__ import annotations

from pathlib import Path

from schemas.registry import TABLES
from wirefacts.warehouse import connect, quote_identifier


def print_summary(warehouse_path: str, run_id: str, seconds: float) -> None:
    """One line per table the registry gives a summary label; a table not yet written is left out."""
    print(f"wirefacts run {run_id} succeeded in {seconds:.1f} s → {warehouse_path}")
    with connect(Path(warehouse_path), read_only=True) as con:
        present = {
            row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        for t in TABLES:
            if t.summary and t.name in present:
                # both parts come from the registry's code, never from data
                count_query = f"SELECT {t.summary_count} FROM {quote_identifier(t.name)}"
                count = con.execute(count_query).fetchall()[0][0]
                print(f"  {t.summary:20s} {count:>8,}")
