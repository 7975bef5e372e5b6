"""Reliability in the main suite: idempotence, hostile input, validation failures, limits."""

import os
import re
import shutil
import zipfile

import pytest

from tests.conftest import SEEDS, query, run_pipeline
from tests.reliability import ROOT, snapshot

ARTICLE = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")


def test_two_runs_over_the_same_folder_give_identical_tables(tmp_path):
    source = tmp_path / "in"
    shutil.copytree(SEEDS, source)
    first, second = tmp_path / "first.duckdb", tmp_path / "second.duckdb"
    assert run_pipeline(source, first).success
    shutil.copyfile(first, second)
    before = snapshot(first)
    assert run_pipeline(source, second).success
    assert snapshot(second) == before
    assert before["documents"] and before["officials"] and before["story_clusters"]


def hostile_folder(root, outside):
    """At least 200 bad files of every kind the issue names, plus a few good ones."""
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("outside the source folder " * 40, encoding="utf-8")
    nasty_names = [
        "quote's",
        'double"quote',
        "semi;colon",
        "new\nline",
        "'); drop table documents;--",
        "tab\tname",
        "ünïcødé",
    ]
    made = 0
    for i in range(25):
        (root / f"empty-{i}.txt").write_bytes(b"")
        (root / f"nul-{i}.txt").write_bytes(b"\x00" * 50 + os.urandom(100))
        (root / f"truncated-utf8-{i}.txt").write_bytes(
            ("Prix du blé: 58 € la tonne. " * 30).encode()[: -1 - i % 2]
        )
        (root / f"utf16-nobom-{i}.txt").write_bytes((ARTICLE[: 300 + i]).encode("utf-16-le"))
        (root / f"random-{i}.bin").write_bytes(os.urandom(2000))
        (root / f"nested-{i}.html").write_text(
            "<div>" * (2000 + i) + "deep" + "</div>" * (2000 + i), encoding="utf-8"
        )
        (root / f"{nasty_names[i % len(nasty_names)]}-{i}.txt").write_text(
            ARTICLE + f"\nLine {i}.", encoding="utf-8"
        )
        (root / f"escape-{i}.txt").symlink_to(outside / "secret.txt")
        made += 8
    for i in range(5):
        bomb = root / f"bomb-{i}.txt"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("zeros.txt", b"\x00" * (20 * 1024 * 1024))
        (root / f"loop-{i}.txt").symlink_to(root / f"loop-{i}.txt")
        made += 2
    (root / "one-line.txt").write_text("word " * 210_000, encoding="utf-8")  # a 1 MB single line
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    return made + 2


def test_hostile_input_is_accounted_for_and_nothing_outside_is_read(tmp_path):
    source, outside, warehouse = tmp_path / "in", tmp_path / "outside", tmp_path / "w.duckdb"
    made = hostile_folder(source, outside)
    assert made >= 200
    assert run_pipeline(source, warehouse).success
    files = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file() or p.is_symlink()}
    accepted = {r[0] for r in query(warehouse, "SELECT source_path FROM documents")}
    rejected = dict(query(warehouse, "SELECT source_path, reason FROM rejected_documents"))
    assert accepted | set(rejected) == files and not accepted & set(rejected)
    assert all(reason for reason in rejected.values())
    assert {rejected[f"escape-{i}.txt"] for i in range(25)} == {"outside_source"}
    assert {rejected[f"bomb-{i}.txt"] for i in range(5)} == {"binary"}
    assert {rejected[f"loop-{i}.txt"] for i in range(5)} == {"unreadable"}
    assert rejected["huge.txt"] == "too_large"
    assert query(
        warehouse, "SELECT count(*) FROM documents WHERE body LIKE '%outside the source folder%'"
    ) == [(0,)]
    injected = sum(1 for i in range(25) if i % 7 == 4)  # files named "'); drop table documents;--"
    assert query(warehouse, "SELECT count(*) FROM documents WHERE source_path LIKE '%drop table%'") == [
        (injected,)
    ]


def test_sql_is_never_built_from_values():
    """Formatted SQL only ever interpolates quoted identifiers named in code; values go as parameters."""
    offenders = []
    for path in [*ROOT.glob("wirefacts/**/*.py"), *ROOT.glob("pipelines/*.py"), *ROOT.glob("assets/*.py")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\.(?:execute|sql)\(\s*f["']""", line) and not re.search(
                r"\{(?:quote_identifier\([^)]*\)|view)\}", line
            ):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_a_row_that_breaks_a_rule_is_quarantined_and_the_rest_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREFACTS_FAULT_BAD_ROW", "trade_figures")
    warehouse = tmp_path / "w.duckdb"
    result = run_pipeline(SEEDS, warehouse)
    assert result.success
    ((table, rule),) = query(warehouse, "SELECT table_name, rule FROM quarantined_rows")
    assert table == "trade_figures" and "greater_than_or_equal_to(0)" in rule
    assert query(warehouse, "SELECT count(*) FROM trade_figures") == [(7,)]
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not evaluations["trade_figures_schema"].passed
    assert evaluations["trade_figures_schema"].severity.value == "WARN"
    assert evaluations["officials_schema"].passed


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [("max_files", 2, "over_file_limit"), ("max_file_bytes", 3000, "too_large")],
)
def test_limits_reject_with_a_reason(tmp_path, setting, value, reason):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(SEEDS, warehouse, **{setting: value}).success
    reasons = [r[0] for r in query(warehouse, "SELECT reason FROM rejected_documents")]
    assert reasons and set(reasons) == {reason}
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] + len(reasons) == 5
