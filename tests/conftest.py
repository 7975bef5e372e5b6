"""Shared helpers: run the real job, in-process, against a temporary warehouse."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.definitions import defs

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CORPORA = Path(
    os.environ.get("WIREFACTS_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora")
)


def corpus_records(name: str) -> Iterator[dict]:
    """The records of a ../shared corpus; CI fails without it, a developer's run skips."""
    path = CORPORA / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is not here: CI must run with ../shared beside the repository")
        pytest.skip(f"{path} is not here")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def run_pipeline(
    source: Path, warehouse: Path, instance: dg.DagsterInstance | None = None, **source_config: object
) -> dg.ExecuteInProcessResult:
    """One run of the job; runs given the same instance see each other's history."""
    run_config = {
        "resources": {
            "source": {"config": {"path": str(source), **source_config}},
            "warehouse": {"config": {"path": str(warehouse)}},
        },
        "loggers": {"console": {"config": {"log_level": "WARNING"}}},
    }
    job = defs.resolve_job_def("materialize_everything")
    if instance is not None:
        return job.execute_in_process(instance=instance, run_config=run_config, raise_on_error=False)
    with dg.DagsterInstance.ephemeral() as ephemeral:
        return job.execute_in_process(instance=ephemeral, run_config=run_config, raise_on_error=False)


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run over seeds/ shared by the tests that only read its result."""
    warehouse = tmp_path_factory.mktemp("seeds") / "wirefacts.duckdb"
    result = run_pipeline(SEEDS, warehouse)
    assert result.success
    return warehouse
