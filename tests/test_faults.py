"""Crash safety and concurrency with the real command line: `make faults` (marked `faults`)."""

import re
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from assets.reuse import STEP_INPUTS
from schemas.registry import TABLE_NAMES
from tests.conftest import SEEDS
from tests.reliability import cli_run, dagster_home, damage, snapshot, wirefacts
from wirefacts.dedup.text_features import TEXT_FEATURES
from wirefacts.extract.facts import FACTS_STORE
from wirefacts.text.signatures import FILE_SIGNATURES

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """An old warehouse (four seeds), and the clean result of the next run (all five, one changed).

    Every old file is still in the new folder, so a run of the new folder into an empty warehouse
    gives the same tables as the clean result."""
    base = tmp_path_factory.mktemp("faults")
    home = dagster_home(base / "home")
    old_source, new_source = base / "old", base / "new"
    shutil.copytree(SEEDS, new_source)
    (new_source / "002_1227c4f16900d284.txt").write_text(
        (SEEDS / "002_1227c4f16900d284.txt").read_text(encoding="utf-8")
        + "\nIndia welcomed the step on Friday.\n",
        encoding="utf-8",
    )
    (new_source / "empty.txt").write_bytes(b"")  # a new rejection: every table of the run changes
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


def assert_every_table_old_or_new(after: dict[str, list[tuple]], states: dict) -> None:
    for name, rows in after.items():
        old, clean = states["old_state"].get(name, []), states["clean_state"].get(name, [])
        if name == STEP_INPUTS:  # a row per step, written with that step's tables: each row old or new
            assert all(row in old + clean for row in rows), f"{name} is half written"
        else:
            assert rows in (old, clean), f"{name} is half written"


# Every table, in the order a run writes them, the files' signatures and the stores of per-document results.
@pytest.mark.parametrize("table", (*TABLE_NAMES, FILE_SIGNATURES, TEXT_FEATURES, FACTS_STORE))
def test_kill_while_writing_a_table_leaves_old_or_new_and_the_next_run_recovers(states, table):
    warehouse = states["base"] / f"killed-{table}.duckdb"
    shutil.copyfile(states["old"], warehouse)
    killed = cli_run(states["source"], warehouse, states["home"], {"WIREFACTS_FAULT_KILL_AT": table})
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    after = snapshot(warehouse)  # the file opens
    assert_every_table_old_or_new(after, states)
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


def test_a_damaged_warehouse_is_refused_then_restored_and_the_next_run_equals_a_clean_run(states):
    folder = states["base"] / "restore"
    live, published = folder / "wirefacts.duckdb", folder / "published" / "wirefacts.duckdb"
    published.parent.mkdir(parents=True)
    shutil.copyfile(states["old"], published)
    shutil.copyfile(states["old"], live)
    damaged = damage(live)
    refused = cli_run(states["source"], live, states["home"])
    assert refused.returncode == 3, refused.stderr[-2000:]
    assert refused.stderr.startswith(f"wirefacts: the warehouse file {live} is damaged: table documents")
    assert f"`wirefacts restore --warehouse {live}` copies back" in refused.stderr
    assert "`wirefacts rebuild --source" in refused.stderr
    assert live.read_bytes() == damaged  # nothing was written
    restored = wirefacts(
        "restore", "--warehouse", str(live), "--source", str(states["source"]), home=states["home"]
    )
    assert restored.returncode == 0, restored.stdout + restored.stderr
    (aside,) = folder.glob("wirefacts.damaged-*.duckdb")
    assert aside.read_bytes() == damaged
    published_line = r"from the copy published \d+ s ago, \d{4}-\d\d-\d\d \d\d:\d\d; it holds 4 documents"
    assert re.search(published_line, restored.stdout), restored.stdout
    assert "it parses 2 new and 0 changed files" in restored.stdout  # 004 and the empty file
    recovered = cli_run(states["source"], live, states["home"])
    assert recovered.returncode == 0, recovered.stderr[-2000:]
    assert snapshot(live) == states["clean_state"]


def test_rebuild_moves_the_damaged_file_aside_and_equals_a_clean_run_over_the_folder(states):
    folder = states["base"] / "rebuild"
    folder.mkdir()
    live = folder / "wirefacts.duckdb"
    shutil.copyfile(states["old"], live)
    damaged = damage(live)
    rebuilt = wirefacts(
        "rebuild", "--source", str(states["source"]), "--warehouse", str(live), home=states["home"]
    )
    assert rebuilt.returncode == 0, rebuilt.stderr[-2000:]
    (aside,) = folder.glob("wirefacts.damaged-*.duckdb")
    moved, rebuilding, *summary = rebuilt.stdout.splitlines()
    assert moved == f"wirefacts: moved {live} aside to {aside} (kept, not deleted)"
    assert rebuilding == f"wirefacts: rebuilding every table from {states['source']}"
    assert summary[0].startswith("wirefacts run ") and " succeeded in " in summary[0]
    assert aside.read_bytes() == damaged
    assert snapshot(live) == states["clean_state"]
    assert snapshot(folder / "published" / "wirefacts.duckdb") == states["clean_state"]


def test_a_damaged_published_copy_is_named_to_readers_and_the_next_run_republishes(states):
    folder = states["base"] / "republish"
    live, published = folder / "wirefacts.duckdb", folder / "published" / "wirefacts.duckdb"
    published.parent.mkdir(parents=True)
    shutil.copyfile(states["old"], live)
    shutil.copyfile(states["old"], published)
    damage(published)
    query = ("sql", "SELECT doc_id, title FROM documents", "--warehouse", str(live))
    read = wirefacts(*query, home=states["home"])
    assert read.returncode == 3
    assert read.stderr.startswith(
        f"wirefacts: the published copy {published} is damaged (Corrupt database file"
    )
    assert "the next `wirefacts run` publishes a new one" in read.stderr
    run = cli_run(states["source"], live, states["home"])
    assert run.returncode == 0, run.stderr[-2000:]
    assert snapshot(published) == states["clean_state"]
    again = wirefacts(*query, home=states["home"])
    assert again.returncode == 0 and again.stderr == ""


def mount_small_disk(folder, size_bytes: int) -> bool:
    """A tmpfs of the given size at folder, where the system lets us mount one (root)."""
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(folder)]
    try:
        return subprocess.run(mount, capture_output=True).returncode == 0
    except OSError:
        return False


def test_a_full_disk_fails_in_one_line_leaves_every_table_whole_and_the_next_run_succeeds(states):
    disk = states["base"] / "small-disk"
    mounted = mount_small_disk(disk, states["old"].stat().st_size + 512 * 1024)
    try:
        warehouse = disk / "wirefacts.duckdb"
        shutil.copyfile(states["old"], warehouse)
        # Without a small filesystem to fill, the write fails the same way through the test-only hook.
        fault = {} if mounted else {"WIREFACTS_FAULT_NO_SPACE": "officials"}
        full = cli_run(states["source"], warehouse, states["home"], fault)
        assert full.returncode == 1, full.stderr[-2000:]
        (line,) = full.stderr.strip().splitlines()
        assert " failed at step " in line and ": the disk is full (" in line
        assert "No space left on device" in line and "free some space and run again" in line
        assert_every_table_old_or_new(snapshot(warehouse), states)
        assert not list(disk.rglob("*.tmp"))  # a copy cut short gives its space back
        if mounted:
            subprocess.run(["mount", "-o", "remount,size=256m", str(disk)], check=True)
        recovered = cli_run(states["source"], warehouse, states["home"])
        assert recovered.returncode == 0, recovered.stderr[-2000:]
        assert snapshot(warehouse) == states["clean_state"]
    finally:
        if mounted:
            subprocess.run(["umount", str(disk)], check=True)


def test_verbose_puts_the_whole_trace_on_the_terminal(states):
    run = wirefacts(
        "run", "--verbose", "--source", str(states["source"]), "--warehouse", str(states["base"] / "verbose.duckdb"),
        home=states["home"], extra_env={"WIREFACTS_FAULT_NO_SPACE": "sentences"},
    )  # fmt: skip
    assert run.returncode == 1
    assert "assets/faults.py" in run.stderr and "Traceback" in run.stderr or "Stack Trace" in run.stderr
    assert len(run.stderr.splitlines()) > 20
    assert run.stderr.strip().splitlines()[-1].startswith("wirefacts: run ")
