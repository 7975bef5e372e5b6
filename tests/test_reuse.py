"""A rerun with nothing new keeps the computed tables; a changed file or new code recomputes them."""

import shutil

import dagster as dg
import duckdb

from assets import reuse
from tests.conftest import SEEDS, query, run_pipeline


def flags(result, key: str) -> dict[str, bool]:  # noqa: ANN001 - an ExecuteInProcessResult
    """Per table, one metadata flag of its materialization in this run."""
    found = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        if key in materialization.metadata:
            found[materialization.asset_key.to_user_string()] = materialization.metadata[key].value
    return found


def recomputed(result) -> dict[str, bool]:  # noqa: ANN001
    return flags(result, "recomputed")


def test_a_rerun_with_nothing_new_keeps_every_computed_table(tmp_path):
    source, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, source)
    first = run_pipeline(source, warehouse)
    assert set(recomputed(first).values()) == {True}
    before = query(warehouse, "SELECT figure_id, value, evidence FROM trade_figures ORDER BY 1")

    again = run_pipeline(source, warehouse)
    kept = recomputed(again)
    assert {"documents", "sentences", "story_clusters", "trade_figures", "story_facts"} <= set(kept)
    assert set(kept.values()) == {False}  # an unchanged folder recomputes nothing
    assert query(warehouse, "SELECT figure_id, value, evidence FROM trade_figures ORDER BY 1") == before

    changed = source / "002_1227c4f16900d284.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nIndia welcomed the step on Friday.\n", encoding="utf-8"
    )
    grown = run_pipeline(source, warehouse)
    assert set(recomputed(grown).values()) == {True}
    assert flags(grown, "files_parsed")["documents"] == 1  # the other files' bytes are loaded
    (source / "003_b44f0daa981a4079.txt").unlink()  # a file that leaves the folder is news too
    assert recomputed(run_pipeline(source, warehouse))["documents"] is True
    assert query(warehouse, "SELECT source_path FROM documents WHERE NOT is_present") == [
        ("003_b44f0daa981a4079.txt",)
    ]


def test_new_code_recomputes_what_it_computes(tmp_path, monkeypatch):
    source, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, source)
    assert run_pipeline(source, warehouse).success
    monkeypatch.setattr(reuse, "code_version", lambda: "a rule changed")
    rerun = run_pipeline(source, warehouse)
    assert set(recomputed(rerun).values()) == {True}
    assert flags(rerun, "files_parsed")["documents"] == 5  # new rules read every file again
    assert query(warehouse, "SELECT DISTINCT code_version FROM _step_inputs") == [("a rule changed",)]


def check_results(result) -> dict[str, tuple[bool, dict]]:  # noqa: ANN001 - an ExecuteInProcessResult
    return {e.check_name: (e.passed, e.metadata) for e in result.get_asset_check_evaluations()}


def test_a_check_passes_unread_only_on_the_rows_it_passed_before(tmp_path):
    source, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, source)
    with dg.DagsterInstance.ephemeral() as instance:
        first = run_pipeline(source, warehouse, instance)
        assert all("same_rows_passed_in_run" not in m for _, m in check_results(first).values())

        second = run_pipeline(source, warehouse, instance)
        again = check_results(second)
        assert again["trade_figures_schema"][0] is True
        assert {m["same_rows_passed_in_run"].value for _, m in again.values()} == {first.run_id}

        # A row broken behind the pipeline's back: the step keeps its table, the check reads it again.
        with duckdb.connect(str(warehouse)) as con:
            con.execute(
                "UPDATE trade_figures SET unit = 'furlongs' WHERE figure_id = (SELECT min(figure_id) FROM trade_figures)"
            )
        third = check_results(run_pipeline(source, warehouse, instance))
        assert third["trade_figures_schema"][0] is False
        assert third["documents_schema"][1]["same_rows_passed_in_run"].value == second.run_id
