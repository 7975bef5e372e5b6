"""Code versions and input fingerprints: what tells a step that it has nothing new to compute."""

import hashlib
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from wirefacts import fingerprint
from wirefacts.fingerprint import code_version, input_fingerprint
from wirefacts.text.ingest import document_id

ROOT = Path(__file__).resolve().parents[1]
STORIES = [
    "TOKYO, March 27 - Japan's trade surplus rose to 8.14 billion dlrs in February, the Finance Ministry "
    "said.",
    "BEIJING, March 2 - China's exports rose 8.7 pct in February from a year earlier, customs data showed.",
    "WASHINGTON, March 3 - The U.S. index of leading indicators fell 1.0 pct in January.",
]
SHAS = [hashlib.sha256(story.encode()).hexdigest() for story in STORIES]
PATHS = ["wire/tokyo.txt", "wire/beijing.txt", "wire/washington.txt"]
ROWS = sorted((document_id(path, sha), sha) for path, sha in zip(PATHS, SHAS, strict=True))
QUERY = "SELECT doc_id, content_sha256 FROM documents"
ORDERED = QUERY + " ORDER BY doc_id"


def warehouse(path: Path, rows: list[tuple[str, str]]) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE OR REPLACE TABLE documents (doc_id VARCHAR, content_sha256 VARCHAR)")
        con.executemany("INSERT INTO documents VALUES (?, ?)", rows)
    return path


def fingerprint_of(path: Path, query: str = ORDERED, *extra: str) -> str:
    with duckdb.connect(str(path), read_only=True) as con:
        return input_fingerprint(con, query, *extra)


def test_the_same_rows_hash_alike_however_they_are_chunked(tmp_path):
    stored = duckdb.connect(str(warehouse(tmp_path / "w.duckdb", ROWS)), read_only=True)
    chunked = duckdb.connect()
    chunked.register(
        "documents",
        pa.table(
            {
                "doc_id": pa.chunked_array([[ROWS[0][0]], [ROWS[1][0], ROWS[2][0]]]),
                "content_sha256": pa.chunked_array([[ROWS[0][1]], [ROWS[1][1], ROWS[2][1]]]),
            }
        ),
    )
    assert stored.sql(QUERY).to_arrow_table().column(0).num_chunks == 1
    assert chunked.sql(QUERY).to_arrow_table().column(0).num_chunks == 2
    assert input_fingerprint(stored, QUERY) == input_fingerprint(chunked, QUERY)
    assert len(input_fingerprint(stored, QUERY)) == 16


def test_the_same_rows_returned_hash_alike_on_any_connection_and_in_any_stored_order(tmp_path):
    first = fingerprint_of(warehouse(tmp_path / "a.duckdb", ROWS))
    assert fingerprint_of(tmp_path / "a.duckdb") == first
    assert fingerprint_of(warehouse(tmp_path / "b.duckdb", list(reversed(ROWS)))) == first


def test_a_changed_added_or_reordered_row_changes_the_fingerprint(tmp_path):
    before = fingerprint_of(warehouse(tmp_path / "w.duckdb", ROWS))
    changed = [ROWS[0], (ROWS[1][0], hashlib.sha256(b"a corrected figure").hexdigest()), ROWS[2]]
    fingerprints = {
        before,
        fingerprint_of(warehouse(tmp_path / "changed.duckdb", changed)),
        fingerprint_of(warehouse(tmp_path / "fewer.duckdb", ROWS[:2])),
        fingerprint_of(tmp_path / "w.duckdb", QUERY + " ORDER BY doc_id DESC"),
    }
    assert len(fingerprints) == 4


def test_extra_words_are_part_of_the_fingerprint_in_their_order(tmp_path):
    path = warehouse(tmp_path / "w.duckdb", ROWS)
    fingerprints = {
        fingerprint_of(path, ORDERED),
        fingerprint_of(path, ORDERED, ""),
        fingerprint_of(path, ORDERED, "trade_figures"),
        fingerprint_of(path, ORDERED, "trade_figures", "meetings"),
        fingerprint_of(path, ORDERED, "meetings", "trade_figures"),
    }
    assert len(fingerprints) == 5


def test_values_are_hashed_as_the_query_returns_them_with_their_type():
    con = duckdb.connect()
    queries = [
        "SELECT NULL AS outlet",
        "SELECT 'None' AS outlet",
        "SELECT 1 AS n",
        "SELECT '1' AS n",
        "SELECT 1.0 AS n",
    ]
    assert len({input_fingerprint(con, q) for q in queries}) == len(queries)
    assert input_fingerprint(con, "SELECT DATE '1987-03-27' AS d") == input_fingerprint(
        con, "SELECT TIMESTAMP '1987-03-27 09:30:00'::DATE AS d"
    )


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A copy of the package and its table models, which code_version reads instead of the original."""
    shutil.copytree(ROOT / "wirefacts", tmp_path / "wirefacts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "PACKAGE", tmp_path / "wirefacts")
    monkeypatch.setattr(fingerprint, "SCHEMAS", tmp_path / "schemas")
    return tmp_path


def version() -> str:
    return code_version.__wrapped__()  # uncached: read the files again


def test_the_code_version_depends_on_the_files_not_on_where_they_are_checked_out(checkout):
    assert version() == code_version()
    assert len(version()) == 16 and int(version(), 16) >= 0


@pytest.mark.parametrize(
    "changed",
    [
        "wirefacts/extract/gazetteers.py",
        "wirefacts/gazetteers/cities.csv",
        "wirefacts/dedup/pair_model.json",
        "schemas/models.py",
    ],
)
def test_a_change_to_code_a_gazetteer_the_story_scorer_or_a_table_model_is_a_new_version(checkout, changed):
    before = version()
    with open(checkout / changed, "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert version() != before


def test_a_renamed_module_is_a_new_version_and_files_of_other_kinds_are_not_versioned(checkout):
    before = version()
    (checkout / "wirefacts" / "gazetteers" / "NOTES.md").write_text(
        "Cities added in March.\n", encoding="utf-8"
    )
    (checkout / "wirefacts" / "text" / "__pycache__").mkdir()
    (checkout / "wirefacts" / "text" / "__pycache__" / "dates.cpython-311.pyc").write_bytes(b"\xa7\r\r\n")
    (checkout / "schemas" / "models.json").write_text("{}", encoding="utf-8")
    assert version() == before
    (checkout / "wirefacts" / "text" / "dates.py").rename(checkout / "wirefacts" / "text" / "datelines.py")
    assert version() != before
