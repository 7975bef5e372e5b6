"""The bookkeeping table `_file_signatures`: what the file system said of each file when its bytes
were last hashed, so the next scan of an unchanged folder reads no file at all.

Hashing every file is most of an unchanged run's scan (0.8 s of it at 15,000 files, 13.6 s at
100,000). A file whose signature (size, mtime, ctime, inode) is the one recorded with its hash is
taken as unchanged without being read. A file rewritten within the same tick of a coarse
file-system clock as the hash was taken (FAT keeps times to 2 s) would fool that, so a signature
is trusted only when the file's ctime is at least RECENT_NS older than the scan that recorded it;
the next scan hashes such a file again and records it then. On FAT, whose ctime Linux reports as
the mtime, a same-size rewrite with its mtime set back also keeps the signature (`FileSignature`).
The daily reconciliation trusts no signature and hashes every file, which bounds both cases to a day.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from wirefacts.text.ingest import Document, FileSignature, Rejection, Unchanged

FILE_SIGNATURES = "_file_signatures"
SCHEMA = pl.Schema(
    {
        "source_path": pl.String,
        "content_sha256": pl.String,
        "size_bytes": pl.Int64,
        "mtime_ns": pl.Int64,
        "ctime_ns": pl.Int64,
        "inode": pl.UInt64,
        "hashed_at_ns": pl.Int64,  # when the scan that hashed these bytes started
    }
)
RECENT_NS = 2_000_000_000
# Columns that hold file-system clocks and numbers, not what the folder holds.
FILE_SYSTEM_COLUMNS = ("mtime_ns", "ctime_ns", "inode", "hashed_at_ns")


def _rows(stored: pl.DataFrame) -> dict[str, tuple[str, FileSignature, int]]:
    """source_path → (sha256, signature, hashed_at_ns) of every recorded file."""
    return {
        path: (sha, FileSignature(size, mtime, ctime, inode), hashed_at)
        for path, sha, size, mtime, ctime, inode, hashed_at in stored.select(SCHEMA.names()).iter_rows()
    }


def _trusted(signature: FileSignature, hashed_at_ns: int) -> bool:
    return signature.ctime_ns < hashed_at_ns - RECENT_NS


def trusted_signatures(stored: pl.DataFrame) -> dict[str, tuple[str, FileSignature]]:
    """source_path → (sha256, signature) of the recorded signatures a scan may trust."""
    return {
        path: (sha, signature)
        for path, (sha, signature, hashed_at) in _rows(stored).items()
        if _trusted(signature, hashed_at)
    }


def signature_table(
    scanned: Iterable[Document | Rejection | Unchanged], stored: pl.DataFrame, scan_started_ns: int
) -> pl.DataFrame:
    """A row per regular file whose bytes are loaded. A file still as its trusted row says keeps
    that row, so an unchanged folder leaves the table as it is; every other file is recorded with
    this scan's start."""
    before = _rows(stored)
    rows = []
    for item in scanned:
        if isinstance(item, Rejection) or item.signature is None:
            continue
        sha = item.content_sha256 if isinstance(item, Document) else item.sha256
        old = before.get(item.source_path)
        hashed_at = scan_started_ns
        if old is not None and old[:2] == (sha, item.signature) and _trusted(old[1], old[2]):
            hashed_at = old[2]
        signature = item.signature
        rows.append(
            (
                item.source_path,
                sha,
                signature.size,
                signature.mtime_ns,
                signature.ctime_ns,
                signature.inode,
                hashed_at,
            )
        )
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")
