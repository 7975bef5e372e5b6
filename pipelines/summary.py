"""The few lines `wirefacts run` prints: what went in, what came out, how long it took."""

from __future__ import annotations

from pathlib import Path

from schemas.registry import TABLES
from wirefacts.warehouse import connect, quote_identifier, table_names

STEPS_SHOWN = 6


def step_seconds(entries: list) -> dict[str, float]:
    """Seconds per step (asset or check) of a finished run, from the start and success entries of
    its event log."""
    started, seconds = {}, {}
    for entry in entries:
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            started[event.step_key] = entry.timestamp
        elif event.event_type_value == "STEP_SUCCESS" and event.step_key in started:
            seconds[event.step_key] = entry.timestamp - started[event.step_key]
    return seconds


def print_summary(
    warehouse_path: str, run_id: str, seconds: float, steps: dict[str, float] | None = None
) -> None:
    """One line per table the registry gives a summary label (a table not yet written is left out),
    then the steps that took longest."""
    print(f"wirefacts run {run_id} succeeded in {seconds:.1f} s → {warehouse_path}")
    with connect(Path(warehouse_path), read_only=True) as con:
        present = table_names(con)
        for t in TABLES:
            if t.summary and t.name in present:
                # both parts come from the registry's code, never from data
                count_query = f"SELECT {t.summary_count} FROM {quote_identifier(t.name)}"
                count = con.execute(count_query).fetchall()[0][0]
                print(f"  {t.summary:20s} {count:>8,}")
    if steps:
        slowest = sorted(steps.items(), key=lambda item: -item[1])[:STEPS_SHOWN]
        print("  slowest steps        " + ", ".join(f"{name} {s:.1f} s" for name, s in slowest))
