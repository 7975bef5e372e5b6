"""Which outlet published a file: from the page's own metadata, or from the folder's outlets.csv.

HTML pages name their site (og:site_name, publisher and application-name tags, a site name in
the title) or their canonical URL, and trafilatura reads both. Plain text names nothing, so a
source folder may carry an `outlets.csv` at its root:

    pattern,outlet
    bbc/,BBC
    tass-*.txt,TASS
    na-0001.txt,ABC News (US)

A pattern ending in "/" names a sub-folder (every file under it); any other pattern is a glob
matched against the file's path relative to the folder and against its file name. The first row
that matches wins. A file no row matches has no outlet: it is never guessed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

OUTLETS_FILE = "outlets.csv"


GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class OutletMap:
    rows: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Plain names and folders are looked up; only glob rows are matched one by one.
        exact: dict[str, int] = {}
        folders: dict[str, int] = {}
        globs: list[tuple[int, str]] = []
        for index, (pattern, _) in enumerate(self.rows):
            if pattern.endswith("/"):
                folders.setdefault(pattern.strip("/"), index)
            elif GLOB_CHARACTERS & set(pattern):
                globs.append((index, pattern))
            else:
                exact.setdefault(pattern, index)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folders", folders)
        object.__setattr__(self, "_globs", globs)

    def outlet_for(self, relative_path: str) -> str | None:
        """The outlet of the first row that matches the path, or None."""
        if not self.rows:
            return None
        path = PurePosixPath(relative_path)
        found = [self._exact.get(relative_path), self._exact.get(path.name)]
        found += [self._folders.get(parent.as_posix()) for parent in path.parents if parent.as_posix() != "."]
        candidates = [i for i in found if i is not None]
        best = min(candidates) if candidates else len(self.rows)
        for index, pattern in self._globs:
            if index >= best:
                break
            if fnmatchcase(relative_path, pattern) or fnmatchcase(path.name, pattern):
                best = index
                break
        return self.rows[best][1] if best < len(self.rows) else None


def parse_outlets_csv(text: str) -> OutletMap:
    """Rows of (pattern, outlet); blank rows and rows missing either field are skipped."""
    reader = csv.DictReader(io.StringIO(text))
    fields = {name.strip().lower(): name for name in reader.fieldnames or []}
    if "pattern" not in fields or "outlet" not in fields:
        raise ValueError(f"{OUTLETS_FILE} needs the columns pattern and outlet")
    rows = []
    for row in reader:
        pattern = (row.get(fields["pattern"]) or "").strip()
        outlet = (row.get(fields["outlet"]) or "").strip()
        if pattern and outlet:
            rows.append((pattern, outlet))
    return OutletMap(tuple(rows))


def load_outlet_map(source: Path) -> OutletMap:
    """The folder's outlets.csv, or an empty map when it has none."""
    path = source / OUTLETS_FILE
    if not path.is_file():
        return OutletMap()
    return parse_outlets_csv(path.read_text(encoding="utf-8-sig"))


def html_outlet(sitename: str | None, url: str | None) -> str | None:
    """The outlet a page names: its site name, else the host of its canonical URL."""
    name = (sitename or "").strip()
    if name:
        return name
    if url:
        host = (urlsplit(url).hostname or "").lower()
        host = host[4:] if host.startswith("www.") else host
        return host or None
    return None
