"""What the command line says when something is wrong: settings, damaged files, failed runs."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from pipelines import cli
from tests.conftest import SEEDS
from tests.reliability import dagster_home, damage, snapshot, wirefacts


@pytest.fixture
def clean_env(monkeypatch):
    """main() writes the paths it is given into the environment; put them back afterwards."""
    for name in (
        "WIREFACTS_SOURCE",
        "WIREFACTS_WAREHOUSE",
        "WIREFACTS_MAX_FILES",
        "WIREFACTS_MAX_FILE_BYTES",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIREFACTS_SOURCE", str(SEEDS))
    return monkeypatch


def one_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--source", "/nonexistent"], {}, "wirefacts: --source is '/nonexistent': no such folder"),
        (
            [],
            {"WIREFACTS_SOURCE": "/nonexistent"},
            "wirefacts: WIREFACTS_SOURCE is '/nonexistent': no such folder",
        ),
        (
            ["--source", str(SEEDS / "002_1227c4f16900d284.txt")],
            {},
            "this is a file; give the folder of article files",
        ),
        (
            ["--warehouse", "/etc/hostname/w.duckdb"],
            {},
            "--warehouse is '/etc/hostname/w.duckdb': /etc/hostname is a file",
        ),
        (["--warehouse", str(SEEDS)], {}, "this is a folder; give the DuckDB file to write"),
        (
            ["--warehouse", "/proc/w.duckdb"],
            {},
            "--warehouse is '/proc/w.duckdb': the folder /proc cannot be written",
        ),
        (
            [],
            {"WIREFACTS_MAX_FILES": "lots"},
            "WIREFACTS_MAX_FILES is 'lots': it must be a whole number of at least 1",
        ),
        (
            [],
            {"WIREFACTS_MAX_FILE_BYTES": "0"},
            "WIREFACTS_MAX_FILE_BYTES is '0': it must be a whole number of at least 1",
        ),
        (
            [],
            {"WIREFACTS_LOCK_WAIT_SECONDS": "-5"},
            "WIREFACTS_LOCK_WAIT_SECONDS is '-5': it must be a number of seconds",
        ),
        ([], {"WIREFACTS_LOCK_WAIT_SECONDS": "nan"}, "WIREFACTS_LOCK_WAIT_SECONDS is 'nan'"),
        ([], {"DAGSTER_HOME": "/nonexistent-home"}, "DAGSTER_HOME is '/nonexistent-home': no such folder"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it_and_its_value_with_exit_code_2(
    clean_env, capsys, tmp_path, args, env, expected
):
    for name, value in env.items():
        clean_env.setenv(name, value)
    if "--warehouse" not in args:
        args = [*args, "--warehouse", str(tmp_path / "w.duckdb")]
    assert cli.main(["run", *args]) == 2
    assert expected in one_line(capsys)
    assert not (tmp_path / "w.duckdb").exists()


def test_an_unreadable_source_folder_is_named(clean_env, capsys, tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("pipelines.preflight.os.scandir", refuse)
    assert cli.main(["run", "--source", str(SEEDS), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert (
        one_line(capsys)
        == f"wirefacts: --source is {str(SEEDS)!r}: the folder cannot be read (Permission denied)"
    )


@pytest.fixture
def damaged(seeds_warehouse, tmp_path):
    """A warehouse with 20 kB zeroed inside it, and its last published copy (still whole)."""
    live = tmp_path / "wirefacts.duckdb"
    published = tmp_path / "published" / "wirefacts.duckdb"
    published.parent.mkdir()
    shutil.copyfile(seeds_warehouse, published)
    shutil.copyfile(seeds_warehouse, live)
    published_at = published.stat().st_mtime - 7200  # published two hours ago
    os.utime(published, (published_at, published_at))
    source = tmp_path / "source"
    shutil.copytree(SEEDS, source)
    for path in source.iterdir():
        os.utime(path, (published_at - 60, published_at - 60))  # every file was loaded into that copy
    return {"live": live, "published": published, "source": source, "bytes": damage(live)}


def test_a_run_over_a_damaged_warehouse_names_it_offers_two_ways_out_and_writes_nothing(
    clean_env, capsys, damaged
):
    live = damaged["live"]
    assert cli.main(["run", "--warehouse", str(live)]) == 3
    message = capsys.readouterr().err
    first, *ways = message.strip().splitlines()
    assert first.startswith(
        f"wirefacts: the warehouse file {live} is damaged: table documents does not read back"
    )
    assert "Corrupt database file" in first and "Nothing was written to it." in first
    assert f"`wirefacts restore --warehouse {live}` copies back the last published copy" in ways[1]
    assert f"({damaged['published']}, published 2 h 0 min ago" in ways[1]
    assert f"`wirefacts rebuild --warehouse {live}` rebuilds every table from the source files" in ways[2]
    assert "moves the damaged file aside under a dated name" in ways[0]
    assert live.read_bytes() == damaged["bytes"]


def test_restore_moves_the_damaged_file_aside_and_copies_back_the_published_copy(clean_env, capsys, damaged):
    live, published = damaged["live"], damaged["published"]
    assert cli.main(["restore", "--warehouse", str(live), "--source", str(damaged["source"])]) == 0
    moved, restored, redo = capsys.readouterr().out.strip().splitlines()
    (aside,) = live.parent.glob("wirefacts.damaged-*.duckdb")
    assert re.fullmatch(r"wirefacts\.damaged-\d{8}-\d{6}\.duckdb", aside.name)
    assert aside.read_bytes() == damaged["bytes"]  # kept as it was, as evidence
    assert moved == f"wirefacts: moved {live} aside to {aside} (kept, not deleted)"
    assert restored.startswith(f"wirefacts: restored {live} from the copy published 2 h 0 min ago")
    assert restored.endswith("it holds 5 documents")
    assert f"redoes what was done since: it parses 0 new and 0 changed files of {damaged['source']}" in redo
    assert snapshot(live) == snapshot(published)


def test_restore_says_what_the_next_run_redoes(clean_env, capsys, damaged):
    source = damaged["source"]
    (source / "new.txt").write_text("A new article.", encoding="utf-8")
    (source / "002_1227c4f16900d284.txt").write_text("Changed.", encoding="utf-8")
    assert cli.main(["restore", "--warehouse", str(damaged["live"]), "--source", str(source)]) == 0
    assert "it parses 1 new and 1 changed files" in capsys.readouterr().out


def test_restore_without_a_whole_published_copy_points_to_rebuild(clean_env, capsys, damaged):
    live, published = damaged["live"], damaged["published"]
    damage(published)
    assert cli.main(["restore", "--warehouse", str(live)]) == 3
    out = capsys.readouterr().out
    assert out.startswith(f"wirefacts: the published copy {published} is damaged too: table documents")
    assert f"`wirefacts rebuild --warehouse {live}` rebuilds from the source files" in out
    published.unlink()
    assert cli.main(["restore", "--warehouse", str(live)]) == 1
    assert capsys.readouterr().out.startswith(f"wirefacts: no published copy at {published} to restore")
    assert live.read_bytes() == damaged["bytes"] and not list(live.parent.glob("*.damaged-*"))


def test_restore_and_rebuild_leave_a_file_another_process_holds(clean_env, capsys, damaged):
    live = damaged["live"]
    shutil.copyfile(damaged["published"], live)
    code = f"import duckdb, time; con = duckdb.connect({str(live)!r}); print('ready', flush=True); time.sleep(30)"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for command in ("restore", "rebuild"):
            assert cli.main([command, "--warehouse", str(live)]) == 1
            assert capsys.readouterr().out == (
                f"wirefacts: {live} is open in another process (a run or a reader); try again when it ends\n"
            )
    finally:
        holder.kill()
        holder.wait()
    assert not list(live.parent.glob("*.damaged-*"))


def test_readers_of_a_damaged_published_copy_are_told_the_next_run_republishes(clean_env, capsys, damaged):
    live, published = damaged["live"], damaged["published"]
    shutil.copyfile(published, live)
    damage(published)
    assert cli.main(["sql", "SELECT title FROM documents", "--warehouse", str(live)]) == 3
    line = one_line(capsys)
    assert line.startswith(f"wirefacts: the published copy {published} is damaged (Corrupt database file")
    assert line.endswith(
        "the next `wirefacts run` publishes a new one, and until then `wirefacts sql --live` reads the "
        "warehouse itself"
    )
    assert cli.main(["sql", "SELECT count(*) FROM documents", "--warehouse", str(live), "--live"]) == 0


def test_a_reader_of_a_damaged_live_file_is_offered_restore_and_rebuild(clean_env, capsys, damaged):
    live = damaged["live"]
    assert cli.main(["sql", "SELECT * FROM documents", "--warehouse", str(live), "--live"]) == 3
    message = capsys.readouterr().err
    assert message.startswith(f"wirefacts: the warehouse file {live} is damaged: Corrupt database file")
    assert "`wirefacts restore" in message and "`wirefacts rebuild" in message


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return dagster_home(tmp_path_factory.mktemp("cli") / "home")


def test_a_failed_run_prints_one_line_with_the_step_the_cause_and_where_the_trace_is(home, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    run = wirefacts(
        "run",
        "--source",
        str(SEEDS),
        "--warehouse",
        str(warehouse),
        home=home,
        extra_env={"WIREFACTS_FAULT_NO_SPACE": "sentences"},
    )
    assert run.returncode == 1
    assert run.stdout == ""
    (line,) = run.stderr.strip().splitlines()
    found = re.fullmatch(
        r"wirefacts: run (\S+) failed at step document_tables: the disk is full \((.+)\); the warehouse "
        r"keeps the tables of its last complete step: free some space and run again \(full trace: (\S+), or "
        r"run \1 in the Dagster UI \(`make ui`\)\)",
        line,
    )
    assert found, line
    run_id, cause, log_file = found.groups()
    assert "No space left on device" in cause
    trace = open(log_file, encoding="utf-8").read()
    assert log_file == str(home / "logs" / f"{run_id}.log")
    assert "Traceback" in trace or "Stack Trace" in trace
    assert "assets/faults.py" in trace and "No space left on device" in trace


def test_a_slot_kept_by_a_run_that_ended_is_given_back_before_the_next_run():
    import dagster as dg
    from dagster._core.storage.dagster_run import DagsterRun

    from pipelines.cli import WAREHOUSE_POOL, release_runs_of_dead_processes

    with dg.instance_for_test() as instance:
        storage = instance.event_log_storage
        storage.set_concurrency_slots(WAREHOUSE_POOL, 1)
        ended = instance.add_run(
            DagsterRun(job_name="materialize_everything", run_id="ended", status=dg.DagsterRunStatus.FAILURE)
        )
        running = instance.add_run(
            DagsterRun(
                job_name="materialize_everything", run_id="running", status=dg.DagsterRunStatus.STARTED
            )
        )
        assert storage.claim_concurrency_slot(WAREHOUSE_POOL, ended.run_id, "document_tables").is_claimed
        release_runs_of_dead_processes(instance)
        assert storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots == []
        assert storage.claim_concurrency_slot(WAREHOUSE_POOL, running.run_id, "document_tables").is_claimed
        release_runs_of_dead_processes(instance)  # a run in progress keeps its slot
        assert [s.run_id for s in storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots] == ["running"]
