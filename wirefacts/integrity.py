"""Is the warehouse file readable, and what to do with one that is not.

DuckDB keeps a checksum for every block and checks it when the block is read. Reading every
column of every table therefore reads every block in use, so a damaged file is found before a
run writes to it. A damaged file is evidence: it is moved aside under a dated name, never
overwritten or deleted.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from datetime import datetime
from pathlib import Path

import duckdb

from wirefacts import settings
from wirefacts.warehouse import LOCK_WAIT_SECONDS, connect, published_path, quote_identifier

DAMAGE_MARKERS = ("Corrupt database file", "not a valid DuckDB database file", "checksum")


class WarehouseDamaged(RuntimeError):
    """The warehouse file cannot be read back: a block fails its checksum, or the header is gone."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"the warehouse file {path} is damaged: {detail}")
        self.path, self.detail = path, detail


def is_damage(error: BaseException) -> bool:
    return isinstance(error, duckdb.Error) and any(marker in str(error) for marker in DAMAGE_MARKERS)


def first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def find_damage(path: Path, wait_seconds: float = LOCK_WAIT_SECONDS) -> str | None:
    """What is wrong with the file (None when every table reads back whole, or there is no file yet)."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        with connect(path, read_only=True, wait_seconds=wait_seconds) as con:
            tables = [
                r[0]
                for r in con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1"
                ).fetchall()
            ]
            for table in tables:
                try:
                    con.sql(f"SELECT max(hash(COLUMNS(*))) FROM {quote_identifier(table)}").fetchall()
                except duckdb.Error as exc:
                    if not is_damage(exc):
                        raise
                    return f"table {table} does not read back ({first_line(exc)})"
    except duckdb.Error as exc:
        if isinstance(exc, duckdb.OutOfMemoryException | duckdb.InterruptException):
            raise
        return f"it does not open ({first_line(exc)})"
    return None


def in_use(path: Path) -> bool:
    """Whether another process holds the file (DuckDB takes a POSIX lock on it while connected)."""
    if not path.exists():
        return False
    with open(path, "r+b") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.lockf(handle, fcntl.LOCK_UN)
    return False


def aside_name(path: Path, now: datetime) -> Path:
    """wirefacts.duckdb -> wirefacts.damaged-20250102-030405.duckdb (with -2, -3 if that is taken)."""
    stem = f"{path.stem}.damaged-{now:%Y%m%d-%H%M%S}"
    candidate, number = path.with_name(stem + path.suffix), 1
    while candidate.exists() or candidate.with_name(candidate.name + ".wal").exists():
        number += 1
        candidate = path.with_name(f"{stem}-{number}{path.suffix}")
    return candidate


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename the file (and its write-ahead log) to a dated name beside it; nothing is overwritten."""
    target = aside_name(path, now or datetime.now())
    for source, destination in ((path, target), (wal(path), wal(target))):
        if not source.exists():
            continue
        try:
            os.link(source, destination)  # fails rather than replace an existing file
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise
            os.rename(source, destination)  # a filesystem without hard links; the name was checked free
        else:
            source.unlink()
    return target


def wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def copy_into_place(copy: Path, live: Path) -> None:
    """Copy a file to live through a temporary name, so live is never half a file."""
    temporary = live.with_name(live.name + ".restoring")
    try:
        shutil.copyfile(copy, temporary)
        os.replace(temporary, live)
    finally:
        temporary.unlink(missing_ok=True)


# Codes the command exits with when the warehouse is damaged.
DAMAGED = 3


def command(name: str, live: Path, source: Path) -> str:
    """The command line to type, with the paths it needs when they are not the defaults."""
    words = ["wirefacts", name]
    if source != Path(settings.SOURCE.default) and name == "rebuild":
        words += ["--source", str(source)]
    if live != Path(settings.WAREHOUSE.default):
        words += ["--warehouse", str(live)]
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


def damage_message(live: Path, detail: str, source: Path | None = None) -> str:
    """What the user reads about a damaged warehouse: the two ways out, as commands to type."""
    source = Path(settings.SOURCE.read()) if source is None else source
    copy = published_path(live)
    lines = [
        f"wirefacts: the warehouse file {live} is damaged: {detail}. Nothing was written to it.",
        "Two ways out; either one moves the damaged file aside under a dated name, as evidence:",
    ]
    if copy.is_file():
        lines.append(
            f"  `{command('restore', live, source)}` copies back the last published copy ({copy}, "
            f"{published_when(copy)}); the next run redoes what changed since"
        )
    else:
        lines.append(f"  `wirefacts restore` needs a published copy, and there is none at {copy}")
    lines.append(
        f"  `{command('rebuild', live, source)}` rebuilds every table from the source files in {source}"
    )
    return "\n".join(lines)
