"""The real job over seeds/ and over folders that change between runs."""

import shutil
from datetime import date

from tests.conftest import SEEDS, query, run_pipeline


def test_all_seeds_become_documents_with_their_dates(seeds_warehouse):
    rows = dict(query(seeds_warehouse, "SELECT source_path, published_on FROM documents WHERE is_present"))
    assert sorted(rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert rows["003_b44f0daa981a4079.txt"] == date(2025, 6, 14)
    assert rows["000_209ce646aeabf364.txt"] is None
    assert query(seeds_warehouse, "SELECT count(*) FROM rejected_documents") == [(0,)]


def test_sentences_point_into_bodies(seeds_warehouse):
    mismatches = query(
        seeds_warehouse,
        """SELECT count(*) FROM sentences s JOIN documents d USING (doc_id)
           WHERE substr(d.body, s.char_start + 1, s.char_end - s.char_start) <> s.sentence""",
    )
    assert mismatches == [(0,)]
    assert query(seeds_warehouse, "SELECT count(*) > 50 FROM sentences") == [(True,)]


def test_rerun_is_idempotent_and_changes_are_tracked(tmp_path):
    source, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    shutil.copytree(SEEDS, source)
    assert run_pipeline(source, warehouse).success
    first = query(warehouse, "SELECT doc_id, source_path, ingested_at, body FROM documents ORDER BY doc_id")

    assert run_pipeline(source, warehouse).success
    assert (
        query(warehouse, "SELECT doc_id, source_path, ingested_at, body FROM documents ORDER BY doc_id")
        == first
    )

    # A changed file replaces its earlier version; a removed one stays, marked missing.
    changed = source / "002_1227c4f16900d284.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nIndia welcomed the decision on Friday.\n", encoding="utf-8"
    )
    (source / "004_3a3483a7e6518857.txt").unlink()
    assert run_pipeline(source, warehouse).success
    rows = query(
        warehouse, "SELECT source_path, is_present, missing_since IS NOT NULL FROM documents ORDER BY 1"
    )
    assert len(rows) == 5
    assert ("004_3a3483a7e6518857.txt", False, True) in rows
    bodies = query(warehouse, "SELECT body FROM documents WHERE source_path = '002_1227c4f16900d284.txt'")
    assert len(bodies) == 1 and bodies[0][0].endswith("India welcomed the decision on Friday.")


def test_missing_source_folder_fails_the_run_with_a_reason(tmp_path):
    result = run_pipeline(tmp_path / "does-not-exist", tmp_path / "w.duckdb")
    assert not result.success
