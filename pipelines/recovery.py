"""The two ways back from a damaged warehouse: `wirefacts restore` and `wirefacts rebuild`.

Either way the damaged file is moved aside under a dated name beside it, never overwritten or
deleted.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import duckdb

from pipelines import settings
from wirefacts.integrity import copy_into_place, find_damage, in_use, move_aside
from wirefacts.warehouse import published_path

DAMAGED = 3


def live_path() -> Path:
    return Path(settings.default_warehouse())


def source_path() -> Path:
    return Path(settings.default_source())


def command(name: str) -> str:
    """The command line to type, with the paths it needs when they are not the defaults."""
    words = ["wirefacts", name]
    if source_path() != settings.PROJECT_ROOT / "seeds" and name == "rebuild":
        words += ["--source", str(source_path())]
    if live_path() != settings.PROJECT_ROOT / "warehouse" / "wirefacts.duckdb":
        words += ["--warehouse", str(live_path())]
    return " ".join(words)


def age(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return f"{int(seconds)} s"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min"
    return f"{hours // 24} days {hours % 24} h"


def published_when(copy: Path) -> str:
    published_at = copy.stat().st_mtime
    stamp = datetime.fromtimestamp(published_at).strftime("%Y-%m-%d %H:%M")
    return f"published {age(time.time() - published_at)} ago, {stamp}"


def damage_message(live: Path, detail: str) -> str:
    copy = published_path(live)
    lines = [
        f"wirefacts: the warehouse file {live} is damaged: {detail}. Nothing was written to it.",
        "Two ways out; either one moves the damaged file aside under a dated name, as evidence:",
    ]
    if copy.is_file():
        lines.append(
            f"  `{command('restore')}` copies back the last published copy ({copy}, {published_when(copy)});"
            " the next run redoes what changed since"
        )
    else:
        lines.append(f"  `wirefacts restore` needs a published copy, and there is none at {copy}")
    lines.append(f"  `{command('rebuild')}` rebuilds every table from the source files in {source_path()}")
    return "\n".join(lines)


def refuse_if_in_use(live: Path) -> bool:
    if in_use(live):
        print(f"wirefacts: {live} is open in another process (a run or a reader); try again when it ends")
        return True
    return False


def restore() -> int:
    """Copy the last published copy back in place of the live file."""
    live = live_path()
    copy = published_path(live)
    if not copy.is_file():
        print(
            f"wirefacts: no published copy at {copy} to restore; `{command('rebuild')}` rebuilds from the source files"
        )
        return 1
    damage = find_damage(copy)
    if damage is not None:
        print(f"wirefacts: the published copy {copy} is damaged too: {damage}; `{command('rebuild')}` rebuilds from the source files")  # fmt: skip
        return DAMAGED
    if refuse_if_in_use(live):
        return 1
    when, published_at = published_when(copy), copy.stat().st_mtime
    if live.exists():
        print(f"wirefacts: moved {live} aside to {move_aside(live)} (kept, not deleted)")
    copy_into_place(copy, live)
    documents, new, changed = redo_counts(live, source_path(), published_at)
    print(f"wirefacts: restored {live} from the copy {when}; it holds {documents} documents")
    print(
        f"wirefacts: the next `{command('run')}` redoes what was done since: it parses {new} new and "
        f"{changed} changed files of {source_path()}, then recomputes stories, facts and views"
    )
    return 0


def redo_counts(warehouse: Path, source: Path, since: float) -> tuple[int, int, int]:
    """Documents in the warehouse, and files of the source folder it does not hold or that changed after."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        documents = con.sql("SELECT count(*) FROM documents WHERE is_present").fetchall()[0][0]
        known = {r[0] for r in con.sql("SELECT source_path FROM documents UNION SELECT source_path FROM rejected_documents").fetchall()}  # fmt: skip
    new = changed = 0
    if source.is_dir():
        for path in source.rglob("*"):
            if not path.is_file():
                continue
            if path.relative_to(source).as_posix() not in known:
                new += 1
            elif path.stat().st_mtime > since:
                changed += 1
    return documents, new, changed


def prepare_rebuild() -> int:
    """Move the live file aside so the run that follows builds a new one from the source folder."""
    live = live_path()
    if refuse_if_in_use(live):
        return 1
    if live.exists():
        print(f"wirefacts: moved {live} aside to {move_aside(live)} (kept, not deleted)")
    print(f"wirefacts: rebuilding every table from {source_path()}", flush=True)
    return 0
