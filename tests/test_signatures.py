"""File signatures: an unchanged folder is scanned without reading its files, and any rewrite is read."""

import os
import shutil
import time

import polars as pl

from tests.conftest import SEEDS, query, run_pipeline
from tests.test_ingest import WIRE, sha256
from wirefacts.text import ingest
from wirefacts.text.ingest import Document, FileSignature, Unchanged, scan_folder
from wirefacts.text.signatures import RECENT_NS, SCHEMA, signature_table, trusted_signatures


def recorded(folder, hashed_at_ns):
    """The signature table a scan of folder starting at hashed_at_ns records."""
    return signature_table(scan_folder(folder), pl.DataFrame(schema=SCHEMA), hashed_at_ns)


def no_reading(*args):
    raise AssertionError("a file with its recorded signature was read")


def test_a_loaded_file_with_its_recorded_signature_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    sha = sha256(WIRE.encode())
    signature = FileSignature.of(os.lstat(tmp_path / "tokyo.txt"))

    monkeypatch.setattr(ingest, "_read_bytes", no_reading)
    (found,) = scan_folder(tmp_path, loaded={"tokyo.txt": sha}, signatures={"tokyo.txt": (sha, signature)})
    assert found == Unchanged("tokyo.txt", sha) and found.signature == signature


def test_a_rewrite_that_keeps_size_and_mtime_is_read_again(tmp_path):
    path = tmp_path / "tokyo.txt"
    path.write_text(WIRE, encoding="utf-8")
    sha, before = sha256(WIRE.encode()), os.lstat(path)
    corrected = WIRE.replace("8.14 billion", "8.41 billion")  # the same length
    while os.lstat(path).st_ctime_ns == before.st_ctime_ns:  # a kernel whose clock ticks coarsely
        time.sleep(0.01)
        path.write_text(corrected, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or a copy tool would
    (found,) = scan_folder(
        tmp_path, loaded={"tokyo.txt": sha}, signatures={"tokyo.txt": (sha, FileSignature.of(before))}
    )
    assert isinstance(found, Document) and found.content_sha256 == sha256(corrected.encode())


def test_a_signature_is_trusted_only_once_the_file_is_older_than_the_scan_that_recorded_it(tmp_path):
    (tmp_path / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    changed_at = os.lstat(tmp_path / "tokyo.txt").st_ctime_ns
    # Recorded by a scan that started in the same clock tick as the write: the file may still change
    # within that tick and keep its signature, so it is hashed again next time.
    assert trusted_signatures(recorded(tmp_path, changed_at)) == {}
    later = recorded(tmp_path, changed_at + RECENT_NS + 1)
    assert trusted_signatures(later) == {
        "tokyo.txt": (sha256(WIRE.encode()), FileSignature.of(os.lstat(tmp_path / "tokyo.txt")))
    }


def test_an_unchanged_folder_keeps_its_signature_rows_and_a_rehashed_file_gets_the_new_scan_time(tmp_path):
    (tmp_path / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "seoul.txt").write_text(WIRE.replace("TOKYO", "SEOUL"), encoding="utf-8")
    first_scan = os.lstat(tmp_path / "seoul.txt").st_ctime_ns + RECENT_NS + 1
    stored = recorded(tmp_path, first_scan)
    loaded = dict(stored.select("source_path", "content_sha256").iter_rows())
    again = list(scan_folder(tmp_path, loaded=loaded, signatures=trusted_signatures(stored)))
    assert signature_table(again, stored, first_scan + 10**9).equals(stored)
    (tmp_path / "seoul.txt").write_text(WIRE.replace("TOKYO", "SEOUL") + "More follows.\n", encoding="utf-8")
    rescanned = list(scan_folder(tmp_path, loaded=loaded, signatures=trusted_signatures(stored)))
    times = dict(
        signature_table(rescanned, stored, first_scan + 10**9)
        .select("source_path", "hashed_at_ns")
        .iter_rows()
    )
    assert times == {"seoul.txt": first_scan + 10**9, "tokyo.txt": first_scan}


def test_a_rerun_over_an_unchanged_folder_reads_no_file_and_a_changed_one_is_read(tmp_path, monkeypatch):
    source, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, source)
    time.sleep((RECENT_NS + 10**8) / 10**9)  # the files are older than the scan's margin when it records them
    assert run_pipeline(source, warehouse).success

    with monkeypatch.context() as patched:
        patched.setattr(ingest, "_read_bytes", no_reading)
        assert run_pipeline(source, warehouse).success

    changed = source / "002_1227c4f16900d284.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nIndia welcomed the step on Friday.\n", encoding="utf-8"
    )
    assert run_pipeline(source, warehouse).success
    assert query(
        warehouse, "SELECT count(*) FROM sentences WHERE sentence LIKE 'India welcomed the step%'"
    ) == [(1,)]
