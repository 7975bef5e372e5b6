"""The table registry: one entry per table, and everything generated from it agrees with it."""

import re
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from pipelines.definitions import defs
from schemas.models import MODELS
from schemas.registry import STEPS, TABLE_NAMES, TABLES, markdown_table, table
from schemas.validate import validate_frame
from wirefacts.warehouse import read_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_model_has_one_registry_entry_whose_key_columns_exist():
    assert sorted(TABLE_NAMES) == sorted(MODELS)
    for t in TABLES:
        assert t.step in STEPS and t.description.endswith(".")
        assert set(t.key) <= set(t.column_descriptions()), t.name


def test_tables_are_listed_in_the_order_a_run_writes_them():
    assert [STEPS.index(t.step) for t in TABLES] == sorted(STEPS.index(t.step) for t in TABLES)


def test_the_readme_lists_the_registry_tables_as_generated():
    block = re.search(
        r"<!-- tables:.*?-->\n(.*?)\n<!-- end of tables -->", README.read_text(encoding="utf-8"), re.S
    )
    assert block and block.group(1) == markdown_table()


def test_every_registered_table_is_an_asset_with_the_registry_description_and_a_check():
    graph = defs.resolve_asset_graph()
    checks = {key.name for key in graph.asset_check_keys}
    for t in TABLES:
        node = graph.get(dg.AssetKey(t.name))
        assert node.description == t.description and node.group_name == t.layer
        assert f"{t.name}_schema" in checks


def test_a_repeated_key_fails_validation_and_names_both_rows(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        mentions = read_table(con, "commodity_mentions")
    key = table("commodity_mentions").key  # (doc_id, char_start): no single column is unique
    assert validate_frame(mentions, MODELS["commodity_mentions"], key).passed
    repeated = pl.concat([mentions, mentions.head(1)])
    outcome = validate_frame(repeated, MODELS["commodity_mentions"], key)
    assert not outcome.passed
    assert outcome.failing_rows.select(key).n_unique() == 1
    assert outcome.failing_rows["rule"].to_list() == ["key (doc_id, char_start): repeated"] * 2
    assert outcome.kept(repeated).height == mentions.height - 1
