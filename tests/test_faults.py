"""Crash safety and concurrency with the real command line: `make faults` (marked `faults`)."""

import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.reliability import cli_run, dagster_home, snapshot

pytestmark = pytest.mark.faults

# Every table the pipeline writes, in the order its assets write them.
TABLES = [
    "documents", "rejected_documents", "sentences", "story_clusters", "duplicate_pairs", "minhash_signatures",
    "lsh_bands", "officials", "official_mentions", "meetings", "meeting_participants", "commodity_mentions",
    "trade_figures", "quarantined_rows",
]  # fmt: skip


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """An old warehouse (four seeds), and the clean result of the next run (all five, one changed)."""
    base = tmp_path_factory.mktemp("faults")
    home = dagster_home(base / "home")
    old_source, new_source = base / "old", base / "new"
    shutil.copytree(SEEDS, new_source)
    (new_source / "002_1227c4f16900d284.txt").write_text(
        (SEEDS / "002_1227c4f16900d284.txt").read_text(encoding="utf-8")
        + "\nIndia welcomed the step on Friday.\n",
        encoding="utf-8",
    )
    shutil.copytree(SEEDS, old_source)
    (old_source / "004_3a3483a7e6518857.txt").unlink()
    old = base / "old.duckdb"
    assert cli_run(old_source, old, home).returncode == 0
    clean = base / "clean.duckdb"
    shutil.copyfile(old, clean)
    assert cli_run(new_source, clean, home).returncode == 0
    return {
        "base": base,
        "home": home,
        "source": new_source,
        "old": old,
        "old_state": snapshot(old),
        "clean_state": snapshot(clean),
    }


@pytest.mark.parametrize("table", TABLES)
def test_kill_while_writing_a_table_leaves_old_or_new_and_the_next_run_recovers(states, table):
    warehouse = states["base"] / f"killed-{table}.duckdb"
    shutil.copyfile(states["old"], warehouse)
    killed = cli_run(states["source"], warehouse, states["home"], {"WIREFACTS_FAULT_KILL_AT": table})
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    after = snapshot(warehouse)  # the file opens
    for name, rows in after.items():
        assert rows in (states["old_state"].get(name), states["clean_state"].get(name)), (
            f"{name} is half written"
        )
    assert after[table] == states["old_state"][table]  # the killed transaction never committed
    recovered = cli_run(states["source"], warehouse, states["home"])
    assert recovered.returncode == 0, recovered.stderr[-2000:]
    assert snapshot(warehouse) == states["clean_state"]


def test_two_runs_at_once_both_finish_and_agree_with_a_clean_run(states):
    warehouse = states["base"] / "concurrent.duckdb"
    shutil.copyfile(states["old"], warehouse)
    first = cli_run(states["source"], warehouse, states["home"], wait=False)
    second = cli_run(states["source"], warehouse, states["home"], wait=False)
    outputs = [p.communicate(timeout=600) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    assert snapshot(warehouse) == states["clean_state"]


def hold_read_lock(warehouse, seconds: float) -> subprocess.Popen:
    code = f"import duckdb, time; con = duckdb.connect({str(warehouse)!r}, read_only=True); print('ready', flush=True); time.sleep({seconds})"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_a_writer_waits_for_a_reader_then_completes(states):
    warehouse = states["base"] / "reader-short.duckdb"
    shutil.copyfile(states["old"], warehouse)
    holder = hold_read_lock(warehouse, 8)
    run = cli_run(states["source"], warehouse, states["home"])
    holder.wait()
    assert run.returncode == 0, run.stderr[-2000:]
    assert snapshot(warehouse) == states["clean_state"]


def test_a_writer_blocked_too_long_fails_naming_the_lock_and_corrupts_nothing(states):
    warehouse = states["base"] / "reader-long.duckdb"
    shutil.copyfile(states["old"], warehouse)
    holder = hold_read_lock(warehouse, 40)
    try:
        run = cli_run(states["source"], warehouse, states["home"], {"WIREFACTS_LOCK_WAIT_SECONDS": "3"})
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 1
    reason = run.stderr.strip().splitlines()[-1]
    assert reason.startswith("wirefacts: run") and "held by another process" in reason and "PID" in reason
    assert snapshot(warehouse) == states["old_state"]


def test_readers_of_the_published_copy_never_see_a_half_written_table(states):
    warehouse = states["base"] / "published.duckdb"
    shutil.copyfile(states["old"], warehouse)
    assert cli_run(states["source"], warehouse, states["home"]).returncode == 0  # publishes a copy
    published = warehouse.parent / "published" / warehouse.name
    expected = snapshot(published)
    run = cli_run(states["source"], warehouse, states["home"], wait=False)
    reads = 0
    while run.poll() is None:
        with duckdb.connect(str(published), read_only=True) as con:
            documents = con.sql("SELECT count(*) FROM documents").fetchall()[0][0]
            sentences = con.sql("SELECT count(DISTINCT doc_id) FROM sentences").fetchall()[0][0]
        assert (documents, sentences) == (
            len(expected["documents"]),
            len({r[0] for r in expected["sentences"]}),
        )
        reads += 1
        time.sleep(0.2)
    assert run.returncode == 0 and reads > 5
