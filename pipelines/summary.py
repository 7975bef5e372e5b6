"""The few lines `wirefacts run` prints: what went in, what came out, how long it took."""

from __future__ import annotations

from pathlib import Path

from wirefacts.warehouse import connect

# (label, query) pairs; a table that does not exist yet is simply not reported.
SUMMARY_QUERIES = [
    ("documents accepted", "SELECT count(*) FROM documents WHERE is_present"),
    ("documents rejected", "SELECT count(*) FROM rejected_documents"),
    ("sentences", "SELECT count(*) FROM sentences"),
    ("stories", "SELECT count(DISTINCT story_id) FROM story_clusters"),
    ("officials", "SELECT count(*) FROM officials"),
    ("official mentions", "SELECT count(*) FROM official_mentions"),
    ("meetings", "SELECT count(*) FROM meetings"),
    ("commodity mentions", "SELECT count(*) FROM commodity_mentions"),
    ("trade figures", "SELECT count(*) FROM trade_figures"),
    ("quarantined rows", "SELECT count(*) FROM quarantined_rows"),
]


def print_summary(warehouse_path: str, run_id: str, seconds: float) -> None:
    print(f"wirefacts run {run_id} succeeded in {seconds:.1f} s → {warehouse_path}")
    with connect(Path(warehouse_path), read_only=True) as con:
        tables = {
            row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        for label, query in SUMMARY_QUERIES:
            table = query.split(" FROM ")[1].split()[0]
            if table in tables:
                print(f"  {label:20s} {con.execute(query).fetchall()[0][0]:>8,}")
