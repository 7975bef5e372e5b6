"""The wirefacts command: `wirefacts run` materialises everything; `wirefacts sql` queries."""

from __future__ import annotations

import argparse
import os
import socket
import sys
import time
from pathlib import Path

from pipelines import settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wirefacts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="materialise every asset over a source folder")
    run.add_argument("--source", help="folder of article files (default: seeds/)")
    run.add_argument("--warehouse", help="DuckDB file to write (default: warehouse/wirefacts.duckdb)")
    sql = commands.add_parser("sql", help="run a read-only query against the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", help="DuckDB file to read")
    sql.add_argument(
        "--live", action="store_true", help="read the live file, not the copy published after each run"
    )
    args = parser.parse_args(argv)
    # Paths are taken as given on the command line, before anything reads the defaults.
    if args.warehouse:
        os.environ["WIREFACTS_WAREHOUSE"] = str(Path(args.warehouse).resolve())
    if args.command == "run":
        if args.source:
            os.environ["WIREFACTS_SOURCE"] = str(Path(args.source).resolve())
        return run_all()
    return run_sql(args.query, live=args.live)


def run_all() -> int:
    settings.use_project_instance()
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.summary import print_summary

    started = time.monotonic()
    job = defs.resolve_job_def("materialize_everything")
    with dg.DagsterInstance.get() as instance:
        release_runs_of_dead_processes(instance)
        # The run's full event log is in the instance (and the UI); the terminal gets warnings only.
        quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
        tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
        result = job.execute_in_process(instance=instance, run_config=quiet, raise_on_error=False, tags=tags)
    seconds = time.monotonic() - started
    if not result.success:
        print(f"wirefacts: run {result.run_id} failed: {_failure_reason(result)}", file=sys.stderr)
        return 1
    print_summary(settings.default_warehouse(), result.run_id, seconds)
    return 0


PID_TAG, HOST_TAG = "wirefacts/pid", "wirefacts/host"


def release_runs_of_dead_processes(instance) -> None:  # noqa: ANN001 - a DagsterInstance
    """A run whose process was killed (kill -9, power loss) never frees its slot in the duckdb
    pool, and every later run would wait for it forever. Mark such runs failed and free their slots."""
    import dagster as dg

    records = instance.get_run_records(
        dg.RunsFilter(
            statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING],
            tags={HOST_TAG: socket.gethostname()},
        )
    )
    for record in records:
        run = record.dagster_run
        pid = int(run.tags.get(PID_TAG, "0"))
        if pid and not _process_alive(pid):
            instance.report_run_failed(run, f"the process {pid} running it ended without finishing the run")
            instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _failure_reason(result) -> str:  # noqa: ANN001 - a dagster ExecuteInProcessResult
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            error = event.step_failure_data.error
            # The innermost error says what went wrong, unless ours (which names the lock holder) wraps it.
            while error.cause is not None and error.cls_name != "WarehouseLocked":
                error = error.cause
            lines = error.message.strip().splitlines()
            return f"step {event.step_key}: {lines[0] if lines else 'failed'}"
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data
            if data and not data.passed:
                return f"check {data.check_name} on {data.asset_key.to_user_string()} failed"
    return "see the run in the Dagster UI"


def run_sql(query: str, live: bool = False) -> int:
    """Query the published copy, so a reader never holds the lock a running pipeline needs."""
    import duckdb

    from wirefacts.warehouse import WarehouseLocked, connect, published_path

    live_path = Path(settings.default_warehouse())
    path = live_path if live or not published_path(live_path).exists() else published_path(live_path)
    if not path.exists():
        print(f"wirefacts: no warehouse at {path}; run `wirefacts run` first", file=sys.stderr)
        return 1
    try:
        with connect(path, read_only=True, wait_seconds=5) as con:
            relation = con.sql(query)
            if relation is None:
                return 0
            relation.show(max_width=200, max_rows=200)
    except WarehouseLocked as exc:
        print(
            f"wirefacts: a run is writing the warehouse; try again shortly or drop --live ({exc})",
            file=sys.stderr,
        )
        return 1
    except duckdb.Error as exc:
        print(f"wirefacts: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
