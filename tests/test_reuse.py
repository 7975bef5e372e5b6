"""A rerun with nothing new keeps the computed tables; a changed file or new code recomputes them."""

import shutil

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
    assert set(kept.values()) == {False}  # an unchanged folder writes nothing
    assert query(warehouse, "SELECT figure_id, value, evidence FROM trade_figures ORDER BY 1") == before

    changed = source / "002_1227c4f16900d284.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nIndia welcomed the step on Friday.\n", encoding="utf-8"
    )
    assert set(recomputed(run_pipeline(source, warehouse)).values()) == {True}
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
    assert set(recomputed(run_pipeline(source, warehouse)).values()) == {True}
    assert query(warehouse, "SELECT DISTINCT code_version FROM _step_inputs") == [("a rule changed",)]
