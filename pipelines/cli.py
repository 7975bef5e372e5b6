"""The wirefacts command: `wirefacts run` materialises everything; `wirefacts sql` queries."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import time
from pathlib import Path

from pipelines import preflight, recovery, report
from pipelines import settings as settings_home
from wirefacts import settings
from wirefacts.integrity import DAMAGED, damage_message, find_damage, first_line, is_damage
from wirefacts.warehouse import WarehouseLocked

FAILED = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirefacts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="materialise every asset over a source folder")
    rebuild = commands.add_parser(
        "rebuild", help="move the warehouse file aside and rebuild every table from the source folder"
    )
    for parser_ in (run, rebuild):
        parser_.add_argument("--source", help="folder of article files (default: seeds/)")
        parser_.add_argument("--warehouse", help="DuckDB file to write (default: warehouse/wirefacts.duckdb)")
        parser_.add_argument("--verbose", action="store_true", help="print the run's event log and traces")
    restore = commands.add_parser(
        "restore", help="move the warehouse file aside and copy back the last published copy"
    )
    restore.add_argument("--source", help="the source folder, to say what the next run redoes")
    restore.add_argument("--warehouse", help="DuckDB file to restore")
    sql = commands.add_parser("sql", help="run a read-only query against the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", help="DuckDB file to read")
    sql.add_argument(
        "--live", action="store_true", help="read the live file, not the copy published after each run"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # The paths are taken once, from the command line, else the environment, else the defaults,
        # and handed to everything that needs them (the run gets them as run config).
        live = Path(args.warehouse).resolve() if args.warehouse else Path(settings.WAREHOUSE.read())
        source_arg = getattr(args, "source", None)
        source = Path(source_arg).resolve() if source_arg else Path(settings.SOURCE.read())
        if args.command == "sql":
            return run_sql(args.query, live_path=live, live=args.live)
        if args.command == "restore":
            return recovery.restore(live, source)
        preflight.check_run_settings(
            ("--source" if source_arg else settings.SOURCE.env, source),
            ("--warehouse" if args.warehouse else settings.WAREHOUSE.env, live),
        )
    except settings.SettingError as exc:
        print(exc, file=sys.stderr)
        return preflight.BAD_SETTING
    if args.command == "rebuild":
        return recovery.prepare_rebuild(live, source) or run_all(live, source, args.verbose)
    return run_checked(live, source, args.verbose)


def run_checked(live: Path, source: Path, verbose: bool = False) -> int:
    """Refuse to write to a warehouse that does not read back; otherwise run everything."""
    try:
        damage = find_damage(live, settings.LOCK_WAIT.read())
    except WarehouseLocked:
        # Held by another run (or a reader): the run checks the file once it gets it, waiting for a
        # run in progress to end, and for anything else as long as the lock wait allows.
        damage = None
    if damage is not None:
        print(damage_message(live, damage, source), file=sys.stderr)
        return DAMAGED
    return run_all(live, source, verbose)


def run_config(live: Path, source: Path, verbose: bool) -> dict:
    """The run's resources point at these paths; the other settings come from the environment at
    run time. The full event log is in the instance (and the UI); the terminal gets it only with
    --verbose."""
    return {
        "resources": {
            "source": {"config": {"path": str(source)}},
            "warehouse": {"config": {"path": str(live)}},
        },
        "loggers": {"console": {"config": {"log_level": "INFO" if verbose else "CRITICAL"}}},
    }


def run_all(live: Path, source: Path, verbose: bool = False) -> int:
    settings_home.use_project_instance()
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.summary import print_summary, step_seconds

    started = time.monotonic()
    job = defs.resolve_job_def("materialize_everything")
    with dg.DagsterInstance.get() as instance:
        release_runs_of_dead_processes(instance)
        tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
        result = job.execute_in_process(
            instance=instance, run_config=run_config(live, source, verbose), raise_on_error=False, tags=tags
        )
        log_file = None if result.success else report.write_run_log(instance, result.run_id)
        steps = step_seconds(instance.all_logs(result.run_id)) if result.success else {}
    seconds = time.monotonic() - started
    if not result.success:
        print(report.failure_line(result, log_file), file=sys.stderr)
        return FAILED
    print_summary(str(live), result.run_id, seconds, steps)
    return 0


PID_TAG, HOST_TAG = "wirefacts/pid", "wirefacts/host"
WAREHOUSE_POOL = "duckdb"  # the concurrency pool of every asset that writes the warehouse


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
    # A run can also end still holding its slot, when its process failed while writing the event
    # that gives it back (a disk I/O error in the event log): give back the slots of ended runs.
    pool = instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL)
    for run_id in {slot.run_id for slot in pool.claimed_slots} | {step.run_id for step in pool.pending_steps}:
        run = instance.get_run_by_id(run_id)
        if run is None or run.is_finished:
            instance.event_log_storage.free_concurrency_slots_for_run(run_id)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_sql(query: str, live_path: Path, live: bool = False) -> int:
    """Query the published copy, so a reader never holds the lock a running pipeline needs."""
    import duckdb

    from wirefacts.warehouse import connect, published_path

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
        if not is_damage(exc):
            print(f"wirefacts: {first_line(exc)}", file=sys.stderr)
            return 1
        if path == live_path:
            message = damage_message(live_path, first_line(exc)).replace(" Nothing was written to it.", "")
            print(message, file=sys.stderr)
            return DAMAGED
        print(
            f"wirefacts: the published copy {path} is damaged ({first_line(exc)}); the next `wirefacts run` "
            "publishes a new one, and until then `wirefacts sql --live` reads the warehouse itself",
            file=sys.stderr,
        )
        return DAMAGED
    return 0


def entry() -> None:
    """The console command. Everything a command opens (the Dagster instance, the warehouse) is
    closed when main returns; tearing down the interpreter's modules after that would take another
    0.4-0.7 s (Dagster's import graph, object by object), so the process ends once output is flushed."""
    code = main()
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that stopped reading (`wirefacts sql ... | head`)
        pass
    os._exit(code)


if __name__ == "__main__":
    entry()
