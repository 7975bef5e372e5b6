"""Per-document work spread over worker processes, results in the order of the calls.

Workers are started with "spawn", never "fork": the caller holds a DuckDB connection and Dagster's
threads, which a forked child would copy mid-flight. The work is a pure function of its arguments,
so the results do not depend on how many workers computed them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Result = TypeVar("Result")
# Below this many calls per worker, starting workers (about 1.5 s each: a fresh interpreter that
# imports the extraction rules) costs more than the calls: the work runs in this process instead.
MIN_CALLS_PER_WORKER = 400
# Calls handed to a worker at a time: enough to keep the hand-over cheap, few enough to balance.
CHUNKS_PER_WORKER = 8


def available_cores() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_all(
    function: Callable[..., Result],
    calls: Sequence[tuple],
    workers: int,
    min_calls_per_worker: int = MIN_CALLS_PER_WORKER,
) -> list[Result]:
    """function(*call) for every call, in up to `workers` processes when the batch is worth it."""
    workers = min(workers, len(calls) // max(1, min_calls_per_worker))
    if workers <= 1:
        return [function(*call) for call in calls]
    chunk = max(1, len(calls) // (workers * CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(function, *zip(*calls, strict=True), chunksize=chunk))
