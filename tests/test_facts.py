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


def test_an_official_of_an_international_body_takes_no_country_from_the_dateline():
    docs = [
        (
            "reut-10347",
            "WORLD BANK CHIEF URGES MORE JAPANESE INVESTMENT\n\nTOKYO, March 27 - World Bank President "
            "Barber Conable called on Japan to boost investment in developing nations, for its own sake as "
            "well as that of the world economy.",
            None,
        ),
        (
            "reut-05458",
            "RIO DE JANEIRO, March 16 - Finance Minister Dilson Funaro said his country's foreign debt "
            "crisis could only be solved by changes in the international financial system.",
            None,
        ),
    ]
    officials = extract_facts(docs)["officials"]
    countries = dict(zip(officials["name"], officials["country"], strict=True))
    assert countries == {"Barber Conable": None, "Dilson Funaro": "BRA"}  # Funaro: the dateline's
