"""A run that adds files to a warehouse gives every table a clean run over the same folder gives,
on real wire copy (Reuters-21578 train); and the facts do not depend on the number of workers."""

import pytest

from tests.conftest import corpus_records
from tests.reliability import cli_run, dagster_home, snapshot
from wirefacts.dedup.stories import group_stories, story_inputs
from wirefacts.extract.facts import extract
from wirefacts.text.article import parse_article

pytestmark = pytest.mark.corpus


def reuters(count: int) -> list[tuple[str, str]]:
    records = corpus_records("reuters21578-train.jsonl.gz")
    return [(record["file"], record["text"]) for record, _ in zip(records, range(count), strict=False)]


def test_files_added_to_a_warehouse_give_the_tables_of_a_clean_run(tmp_path):
    stories = reuters(400)
    home = dagster_home(tmp_path / "home")
    source = tmp_path / "source"
    source.mkdir()
    for name, text in stories[:300]:
        (source / name).write_text(text, encoding="utf-8")
    grown = tmp_path / "grown.duckdb"
    assert cli_run(source, grown, home).returncode == 0
    for name, text in stories[300:]:
        (source / name).write_text(text, encoding="utf-8")
    assert cli_run(source, grown, home).returncode == 0
    clean = tmp_path / "clean.duckdb"
    assert cli_run(source, clean, home).returncode == 0
    assert snapshot(grown) == snapshot(clean)


def test_facts_do_not_depend_on_the_number_of_workers():
    docs = [(name, parse_article(text).body, None) for name, text in reuters(1000)]
    one, two = extract(docs, workers=1), extract(docs, workers=2)
    assert one.tables["official_mentions"].height > 100
    assert all(one.tables[name].equals(two.tables[name]) for name in one.tables)
    assert one.store.equals(two.store)


def test_stories_do_not_depend_on_the_number_of_workers():
    articles = [(name, parse_article(text)) for name, text in reuters(1000)]
    rows = [(name, a.title, a.body, a.published_on) for name, a in articles]
    docs = story_inputs(rows)
    one, two = group_stories(docs, workers=1), group_stories(docs, workers=2)
    assert two.described == 1000 and one.duplicate_pairs.filter("merged").height > 20
    for name in ("story_clusters", "duplicate_pairs", "minhash_signatures", "lsh_bands", "text_features"):
        assert getattr(one, name).equals(getattr(two, name)), name
