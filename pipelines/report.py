"""What a failed run tells the user: one line on the terminal, the whole event log in a file."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

# Errors of ours whose message already says what happened; the errors they wrap say less.
OWN_ERRORS = {"WarehouseLocked", "WarehouseDamaged", "Failure"}


def failure_line(result, log_file: Path | None) -> str:  # noqa: ANN001 - a dagster ExecuteInProcessResult
    where = f"run {result.run_id} in the Dagster UI (`make ui`)"
    if log_file is not None:
        where = f"{log_file}, or {where}"
    return f"wirefacts: run {result.run_id} failed at {failure_reason(result)} (full trace: {where})"


def failure_reason(result) -> str:  # noqa: ANN001 - a dagster ExecuteInProcessResult
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            return f"step {event.step_key}: {plain_cause(event.step_failure_data.error)}"
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data
            if data and not data.passed:
                return f"check {data.check_name} on {data.asset_key.to_user_string()}: it failed"
    for event in result.all_events:
        error = getattr(event.event_specific_data, "error", None)
        if event.is_failure and error is not None:
            return f"the start of the run: {plain_cause(error)}"
    return "a step: see the run's event log"


def plain_cause(error) -> str:  # noqa: ANN001 - a dagster SerializableErrorInfo
    """The innermost error in plain words (ours say what happened, so they are not unwrapped)."""
    while error.cause is not None and error.cls_name not in OWN_ERRORS:
        error = error.cause
    lines = error.message.strip().splitlines()
    text = lines[0] if lines else error.cls_name
    head, _, rest = text.partition(": ")
    if rest and " " not in head and head.split(".")[-1] == error.cls_name:
        text = rest  # "dagster._core.definitions.events.Failure: the source folder ..." -> "the source folder ..."
    if text.startswith("wirefacts: "):
        return text.removeprefix("wirefacts: ")
    if "No space left on device" in text:
        return (
            f"the disk is full ({text}); the warehouse keeps the tables of its last complete step: "
            "free some space and run again"
        )
    if "Corrupt database file" in text:
        return f"the warehouse file is damaged ({text}); `wirefacts restore` or `wirefacts rebuild` repair it"
    return text


def write_run_log(instance, run_id: str) -> Path | None:  # noqa: ANN001 - a DagsterInstance
    """Every event of the run, with the full trace of each error, in <instance>/logs/<run id>.log."""
    folder = Path(instance.root_directory).resolve().parent / "logs"
    lines = []
    for entry in instance.all_logs(run_id):
        when = datetime.fromtimestamp(entry.timestamp).strftime("%Y-%m-%d %H:%M:%S")
        lines.append(f"{when} {logging.getLevelName(entry.level)} {entry.step_key or '-'} {entry.message}")
        error = getattr(getattr(entry.dagster_event, "event_specific_data", None), "error", None)
        if error is not None:
            lines.append(error.to_string())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{run_id}.log"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        return None  # the run id in the UI still leads to the same events
    return path
