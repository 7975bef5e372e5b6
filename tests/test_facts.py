"""Documents to fact tables: every span selects its evidence, one official per person."""

from tests.conftest import query
from wirefacts.extract.facts import extract_facts


def test_every_fact_span_selects_its_evidence(seeds_warehouse):
    for table, column in [
        ("official_mentions", "mention"),
        ("meetings", "evidence"),
        ("commodity_mentions", "mention"),
        ("trade_figures", "evidence"),
    ]:
        bad = query(
            seeds_warehouse,
            f"""SELECT count(*) FROM {table} t JOIN documents d USING (doc_id)
                WHERE substr(d.body, t.char_start + 1, t.char_end - t.char_start) <> t.{column}""",
        )
        total = query(seeds_warehouse, f"SELECT count(*) FROM {table}")
        assert bad == [(0,)], table
        assert total[0][0] > 0, table


def test_one_official_per_person_across_the_corpus():
    docs = [
        ("a", "Indian Foreign Minister S. Jaishankar met Wang Yi.", None),
        ("b", "Foreign Minister Subrahmanyam Jaishankar said talks went well. Jaishankar left.", None),
    ]
    officials_frame = extract_facts(docs)["officials"]
    jaishankar = officials_frame.filter(officials_frame["name"].str.contains("Jaishankar"))
    assert jaishankar.height == 1
    assert jaishankar["name"][0] == "Subrahmanyam Jaishankar" and jaishankar["country"][0] == "IND"
