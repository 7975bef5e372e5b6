"""The two ways back from a damaged warehouse: `wirefacts restore` and `wirefacts rebuild`.

Either way the damaged file is moved aside under a dated name beside it, never overwritten or
deleted.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from wirefacts.integrity import (
    DAMAGED,
    command,
    copy_into_place,
    find_damage,
    in_use,
    move_aside,
    published_when,
)
from wirefacts.warehouse import published_path


def refuse_if_in_use(live: Path) -> bool:
    if in_use(live):
        print(f"wirefacts: {live} is open in another process (a run or a reader); try again when it ends")
        return True
    return False


def restore(live: Path, source: Path) -> int:
    """Copy the last published copy back in place of the live file."""
    copy = published_path(live)
    if not copy.is_file():
        print(
            f"wirefacts: no published copy at {copy} to restore; `{command('rebuild', live, source)}` rebuilds from the source files"
        )
        return 1
    damage = find_damage(copy)
    if damage is not None:
        print(
            f"wirefacts: the published copy {copy} is damaged too: {damage}; `{command('rebuild', live, source)}` rebuilds from the source files"
        )
        return DAMAGED
    if refuse_if_in_use(live):
        return 1
    when, published_at = published_when(copy), copy.stat().st_mtime
    if live.exists():
        print(f"wirefacts: moved {live} aside to {move_aside(live)} (kept, not deleted)")
    copy_into_place(copy, live)
    documents, new, changed = redo_counts(live, source, published_at)
    print(f"wirefacts: restored {live} from the copy {when}; it holds {documents} documents")
    print(
        f"wirefacts: the next `{command('run', live, source)}` redoes what was done since: it parses {new} new and "
        f"{changed} changed files of {source}, then recomputes stories, facts and views"
    )
    return 0


def redo_counts(warehouse: Path, source: Path, since: float) -> tuple[int, int, int]:
    """Documents in the warehouse, and files of the source folder it does not hold or that changed after."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        documents = con.sql("SELECT count(*) FROM documents WHERE is_present").fetchall()[0][0]
        known = {
            r[0]
            for r in con.sql(
                "SELECT source_path FROM documents UNION SELECT source_path FROM rejected_documents"
            ).fetchall()
        }
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


def prepare_rebuild(live: Path, source: Path) -> int:
    """Move the live file aside so the run that follows builds a new one from the source folder."""
    if refuse_if_in_use(live):
        return 1
    if live.exists():
        print(f"wirefacts: moved {live} aside to {move_aside(live)} (kept, not deleted)")
    print(f"wirefacts: rebuilding every table from {source}", flush=True)
    return 0
