"""Runs nobody has to start: an inbox sensor for new files and a daily reconciliation."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import dagster as dg

from wirefacts import settings

INBOX_POLL_SECONDS = 30


def inbox_folder() -> Path:
    """The folder the sensor watches, read at each tick: WIREFACTS_INBOX, else the source folder."""
    return Path(settings.INBOX.read() or settings.SOURCE.read())


def folder_fingerprint(folder: Path) -> str:
    """Changes when a file is added, removed, renamed, resized or rewritten (by mtime)."""
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                stat = os.lstat(path)
            except OSError:
                continue  # vanished between the listing and the stat: the next tick sees it
            digest.update(f"{os.path.relpath(path, folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def build_automation(
    job: dg.UnresolvedAssetJobDefinition,
) -> tuple[dg.SensorDefinition, dg.ScheduleDefinition]:
    @dg.sensor(
        job=job,
        minimum_interval_seconds=INBOX_POLL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Starts a run when files in the inbox folder are added, changed or removed. "
        "The documents layer only parses files whose bytes it has not loaded yet.",
    )
    def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
        folder = inbox_folder()
        if not folder.is_dir():
            return dg.SkipReason(f"the inbox folder {folder} does not exist")
        if not any(path.is_file() for path in folder.rglob("*")):
            return dg.SkipReason(
                f"the inbox folder {folder} holds no files"
            )  # a run would mark every document missing
        fingerprint = folder_fingerprint(folder)
        if fingerprint == context.cursor:
            return dg.SkipReason(f"no new or changed files in {folder}")
        run_config = {"resources": {"source": {"config": {"path": str(folder)}}}}
        return dg.SensorResult(
            run_requests=[
                dg.RunRequest(run_key=fingerprint, run_config=run_config, tags={"wirefacts/trigger": "inbox"})
            ],
            cursor=fingerprint,
        )

    daily_reconciliation = dg.ScheduleDefinition(
        name="daily_reconciliation",
        job=job,
        cron_schedule="0 3 * * *",
        default_status=dg.DefaultScheduleStatus.RUNNING,
        run_config={"resources": {"source": {"config": {"reread_every_file": True}}}},
        description="Every day at 03:00: re-read and hash every file of the source folder, trusting no "
        "recorded file signature, and rebuild every table whose inputs changed.",
    )
    return inbox_sensor, daily_reconciliation
