"""A source folder → accepted documents and rejected files, each with its reason.

Every regular file and every symlink under the folder ends up in exactly one of the two lists:
nothing is skipped silently. Symlinks are followed only when they lead to a file inside the
folder, so a run never reads outside the folder it was given.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import trafilatura

from wirefacts.parallel import run_all
from wirefacts.text.article import Article, parse_article
from wirefacts.text.decode import Rejected, decode_bytes
from wirefacts.text.outlets import OUTLETS_FILE, html_outlet
from wirefacts.text.sentences import sentence_spans

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
# Default per-file limit: the longest wire stories and saved pages are well under 1 MB;
# 10 MB leaves room for pages with inline scripts and still bounds memory per file.
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024
# Default per-run limit on files read; the rest are rejected as over_file_limit.
DEFAULT_MAX_FILES = 200_000
DOC_ID_LENGTH = 16
# Parsing a wire story takes 0.32 ms, and starting a worker (an interpreter that imports the parsers)
# about 0.4 s. Over 1,000 Reuters files two workers took 0.42 s against 0.32 s here; over 6,000 they
# took 1.38 s against 1.89 s. So files are spread over workers from 2,000 per worker.
PARSES_PER_WORKER = 2_000
# Bytes read and not yet parsed are bounded: at 256 MB (some 150,000 wire stories, or a few
# thousand saved pages) they are parsed before more files are read. A batch starts its workers
# again (0.4 s), so a batch should hold far more than a worker's start-up in parsing (0.4 s is
# some 1,200 files).
PARSE_BATCH_BYTES = 256 * 1024 * 1024
# trafilatura logs every page it cannot parse at ERROR; the rejection already says why.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", re.I)


@dataclass(frozen=True)
class Document:
    doc_id: str
    source_path: str
    content_sha256: str
    encoding: str
    content_type: str  # text or html
    title: str | None
    published_on: date | None
    body: str
    caption_spans: list[tuple[int, int]] = field(default_factory=list)
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    outlet: str | None = None  # from the page's metadata (HTML only); outlets.csv is applied later
    # What the file system said of the file before it was read (None for a symlink).
    signature: FileSignature | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FileSignature:
    """What the file system says of a regular file without reading it. On file systems that keep
    a ctime (ext4, xfs, btrfs, tmpfs, NFS), the kernel sets it whenever the bytes (or the metadata)
    change and no tool can set it back, so a file whose signature is the one recorded when its
    bytes were hashed still holds those bytes. FAT keeps no ctime of its own (Linux reports its
    mtime), so there a same-size rewrite followed by `touch -r` is caught only by the daily
    reconciliation, which hashes every file."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileSignature:
        return cls(status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


@dataclass(frozen=True)
class Unchanged:
    """A file whose bytes are already loaded: hashed (or known by its signature), not parsed again."""

    source_path: str
    sha256: str
    signature: FileSignature | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Rejection:
    source_path: str
    reason: str
    detail: str
    sha256: str | None


def scan_folder(
    source: Path,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    loaded: dict[str, str] | None = None,
    signatures: dict[str, tuple[str, FileSignature]] | None = None,
    workers: int = 1,
) -> list[Document | Rejection | Unchanged]:
    """Read every file under source (recursively, in a stable order) into a Document or a Rejection.

    loaded maps source paths to the sha256 already in the warehouse: those files are only hashed.
    signatures maps source paths to the sha256 and signature recorded when those bytes were
    hashed: a loaded file with that sha256 and the same signature now is not read at all.
    Files are read here; their bytes are parsed in up to `workers` processes (parsing is a pure
    function of a file's bytes, extension and path, so the result does not depend on how many).
    """
    root = source.resolve()
    prefix = len(str(root)) + 1  # the walk starts at root, so a path's first characters are root's
    found: list[Document | Rejection | Unchanged | Read] = []
    batch = _ParseBatch(workers)
    for count, path in enumerate(_walk(root)):
        relative = str(path)[prefix:].replace(os.sep, "/")
        if relative == OUTLETS_FILE:
            item = Rejection(
                relative,
                "source_metadata",
                "the folder's outlet map, read as settings, not as an article",
                None,
            )
        elif count >= max_files:
            item = Rejection(relative, "over_file_limit", f"the run reads at most {max_files} files", None)
        else:
            item = read_file(path, root, relative, max_file_bytes, loaded or {}, signatures or {})
        found.append(batch.add(item, len(found)))
        if batch.bytes >= PARSE_BATCH_BYTES:
            batch.parse(found)
    batch.parse(found)
    return found


class _ParseBatch:
    """Files read whose bytes wait to be parsed. Copies of the same bytes are parsed once (per
    extension: how bytes parse depends on it), also across batches."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.parsed: dict[tuple[str, str], Document | Rejection] = {}
        self.waiting: list[int] = []  # positions in the scan's results
        self.bytes = 0

    def add(
        self, item: Document | Rejection | Unchanged | Read, position: int
    ) -> Document | Rejection | Unchanged | Read:
        if not isinstance(item, Read):
            return item
        if item.parse_key in self.parsed:
            return item.parsed_as(self.parsed[item.parse_key])
        self.waiting.append(position)
        self.bytes += len(item.raw)
        return item

    def parse(self, found: list) -> None:
        """Parse the waiting files (in worker processes) and put their results in place."""
        first_copies: dict[tuple[str, str], Read] = {}
        for position in self.waiting:
            first_copies.setdefault(found[position].parse_key, found[position])
        calls = [(r.raw, r.extension, r.source_path, r.sha256) for r in first_copies.values()]
        results = run_all(parse_bytes, calls, self.workers, PARSES_PER_WORKER)
        self.parsed.update(zip(first_copies, results, strict=True))
        for position in self.waiting:
            found[position] = found[position].parsed_as(self.parsed[found[position].parse_key])
        self.waiting, self.bytes = [], 0


def _walk(root: Path) -> Iterator[Path]:
    # Directory symlinks are not descended into (they are reported as files below), which
    # also makes symlink loops harmless.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        for name in sorted(filenames + links):
            yield Path(dirpath) / name


def document_id(relative: str, sha: str) -> str:
    """Stable id of one file: its path and its bytes. A byte-identical copy under another path
    is another document (a wire item re-sent unchanged is a real second copy of its story)."""
    return hashlib.sha256(f"{relative}\0{sha}".encode()).hexdigest()[:DOC_ID_LENGTH]


@dataclass(frozen=True)
class Read:
    """A file read and hashed whose bytes are not loaded yet: they are parsed next."""

    source_path: str
    extension: str
    raw: bytes = field(repr=False)
    sha256: str
    signature: FileSignature | None = field(default=None, compare=False, repr=False)

    @property
    def parse_key(self) -> tuple[str, str]:
        return (self.sha256, self.extension)

    def parsed_as(self, first: Document | Rejection) -> Document | Rejection:
        """This file as the first copy of its bytes parsed (under its own path)."""
        if isinstance(first, Rejection):
            return replace(first, source_path=self.source_path)
        return replace(
            first,
            doc_id=document_id(self.source_path, self.sha256),
            source_path=self.source_path,
            signature=self.signature,
        )


def read_file(
    path: Path,
    root: Path,
    relative: str,
    max_file_bytes: int,
    loaded: dict[str, str],
    signatures: dict[str, tuple[str, FileSignature]] | None = None,
) -> Read | Rejection | Unchanged:
    try:
        target, signature = _locate(path, root)
        sha = loaded.get(relative)
        known = (
            signature is not None and sha is not None and (signatures or {}).get(relative) == (sha, signature)
        )
        if known and signature.size <= max_file_bytes:  # a lowered limit still rejects the file
            return Unchanged(relative, sha, signature)
        raw = _read_bytes(target, max_file_bytes)
    except Rejected as exc:
        return Rejection(relative, exc.reason, exc.detail, None)
    sha = hashlib.sha256(raw).hexdigest()
    if loaded.get(relative) == sha:
        return Unchanged(relative, sha, signature)
    return Read(relative, path.suffix.lower(), raw, sha, signature)


def parse_bytes(raw: bytes, extension: str, relative: str, sha: str) -> Document | Rejection:
    """One file's bytes → its Document, or the Rejection that says why it is none."""
    try:
        return _parse(raw, extension, relative, sha)
    except Rejected as exc:
        return Rejection(relative, exc.reason, exc.detail, sha)


def _locate(path: Path, root: Path) -> tuple[Path, FileSignature | None]:
    """The file to read for path, and the signature of a regular file (None for a symlink)."""
    try:
        status = os.lstat(path)
        if stat.S_ISREG(status.st_mode):
            # A regular file met by the walk is inside root as it is (the walk follows no links);
            # only a symlink needs resolving.
            return path, FileSignature.of(status)
        target = path.resolve(strict=True)
    except FileNotFoundError as exc:
        detail = (
            "a symlink whose target does not exist"
            if path.is_symlink()
            else "the file vanished before it was read"
        )
        raise Rejected("unreadable", detail) from exc
    except (RuntimeError, OSError) as exc:
        raise Rejected(
            "unreadable", f"the path cannot be resolved ({exc.__class__.__name__}: a symlink loop?)"
        ) from exc
    if not target.is_relative_to(root):
        raise Rejected("outside_source", "a symlink that leads outside the source folder; not read")
    if target.is_dir():
        raise Rejected(
            "not_text", "a symlink to a folder; folders are read where they are, not through links"
        )
    if not target.is_file():
        raise Rejected("not_text", "not a regular file (a device, socket or pipe)")
    return target, None


def _read_bytes(target: Path, max_file_bytes: int) -> bytes:
    try:
        size = target.stat().st_size
        if size > max_file_bytes:
            raise Rejected(
                "too_large", f"{size:,} bytes is over the limit of {max_file_bytes:,} bytes per file"
            )
        with open(target, "rb") as handle:
            # A buffer of the file's measured size, not of the limit: a 10 MB buffer shrunk to a
            # 3 kB story stays a memory mapping of its own, and a scan that holds 100,000 of them
            # runs out of mappings (vm.max_map_count is 65,530).
            raw = handle.read(size + 1)
            if len(raw) > size:  # it grew after it was measured: read on, up to the limit
                raw += handle.read(max_file_bytes + 1 - len(raw))
    except FileNotFoundError as exc:
        raise Rejected("unreadable", "the file vanished before it was read") from exc
    except PermissionError as exc:
        raise Rejected("unreadable", "permission denied when reading the file") from exc
    except OSError as exc:
        raise Rejected("unreadable", f"the file could not be read: {exc.strerror or exc}") from exc
    if len(raw) > max_file_bytes:
        raise Rejected(
            "too_large", f"the file grew past the limit of {max_file_bytes:,} bytes while it was read"
        )
    return raw


def _parse(raw: bytes, extension: str, relative: str, sha: str) -> Document:
    known = extension in TEXT_EXTENSIONS or extension in HTML_EXTENSIONS
    try:
        decoded = decode_bytes(raw)
    except Rejected as exc:
        if not known and exc.reason in ("binary", "undecodable"):
            kind = f"a {extension} file" if extension else "an extension-less file"
            raise Rejected("not_text", f"{kind} whose bytes are not text") from exc
        raise
    is_html = extension in HTML_EXTENSIONS or HTML_START.match(raw[:512]) is not None
    article, outlet = _parse_html(decoded.text) if is_html else (parse_article(decoded.text), None)
    if not article.body.strip():
        raise Rejected("no_article", "no article text was found once site furniture was removed")
    return Document(
        doc_id=document_id(relative, sha),
        source_path=relative,
        content_sha256=sha,
        encoding=decoded.encoding,
        content_type="html" if is_html else "text",
        title=article.title,
        published_on=article.published_on,
        body=article.body,
        caption_spans=article.caption_spans,
        sentence_spans=sentence_spans(article.body),
        outlet=outlet,
    )


def _parse_html(html: str) -> tuple[Article, str | None]:
    """HTML goes through trafilatura's main-content extraction, the field's standard."""
    try:
        extracted = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on hostile markup
        raise Rejected("unparseable", f"the HTML could not be parsed ({exc.__class__.__name__})") from exc
    if extracted is None:
        raise Rejected("no_article", "the HTML page holds no article text")
    text = extracted.text or ""
    published = None
    if extracted.date:
        try:
            published = date.fromisoformat(str(extracted.date)[:10])
        except ValueError:
            published = None
    body = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    outlet = html_outlet(extracted.sitename, extracted.url)
    return Article(extracted.title or None, published, body), outlet
