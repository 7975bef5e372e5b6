"""Per-document facts kept between runs: read once per text and version, relinked only when the
corpus knowledge found in the text changes, and the same tables as a run with nothing kept."""

from dataclasses import replace

from tests.conftest import SEEDS
from wirefacts.extract.document_facts import CorpusKnowledge, link_document, read_document
from wirefacts.extract.facts import extract
from wirefacts.extract.officials import OfficialMention
from wirefacts.extract.people import known_full_names, known_surnames
from wirefacts.extract.settings import DEFAULT
from wirefacts.parallel import run_all
from wirefacts.text.article import parse_article

# Reuters, March 1987.
TITLED = (
    "titled",
    "U.S. Treasury Secretary James Baker said the United States and Japan agreed to cooperate on "
    "exchange rates. Baker spoke after meeting Japanese Finance Minister Kiichi Miyazawa.",
    None,
)
UNTITLED = (
    "untitled",
    "James Baker met West German Finance Minister Gerhard Stoltenberg in Washington on Tuesday, "
    "officials said.",
    None,
)
UNRELATED = (
    "unrelated",
    "Malaysia's palm oil exports rose to 330,000 tonnes in February from 280,000 tonnes in January.",
    None,
)


def seed_docs() -> list[tuple]:
    return [
        (path.stem, parse_article(path.read_text(encoding="utf-8")).body, None)
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def test_a_kept_document_is_not_read_again_and_the_tables_equal_a_run_with_nothing_kept():
    docs = seed_docs()
    first = extract(docs[:4])
    second = extract(docs, stored=first.store)
    fresh = extract(docs)
    assert (second.read, fresh.read) == (1, 5)
    assert all(second.tables[name].equals(fresh.tables[name]) for name in fresh.tables)
    assert second.store.equals(fresh.store)
    assert extract(docs, stored=fresh.store).read == 0


def test_an_official_titled_in_a_new_document_relinks_only_the_texts_that_name_him():
    first = extract([UNTITLED, UNRELATED])
    assert "James Baker" not in first.tables["officials"]["name"].to_list()
    second = extract([TITLED, UNTITLED, UNRELATED], stored=first.store)
    assert (second.read, second.linked) == (1, 2)  # the new text, and the one naming Baker untitled
    mentions = second.tables["official_mentions"]
    assert "James Baker" in mentions.filter(mentions["doc_id"] == "untitled")["mention"].to_list()
    fresh = extract([TITLED, UNTITLED, UNRELATED])
    assert all(second.tables[name].equals(fresh.tables[name]) for name in fresh.tables)


def test_a_changed_text_or_another_setting_is_read_again():
    first = extract([TITLED, UNRELATED])
    changed = (UNRELATED[0], UNRELATED[1].replace("330,000", "340,000"), None)
    again = extract([TITLED, changed], stored=first.store)
    assert again.read == 1
    assert again.tables["trade_figures"]["value"].to_list() == [340_000.0, 280_000.0]
    other = replace(DEFAULT, trade_context_chars=DEFAULT.trade_context_chars + 1)
    assert extract([TITLED, changed], other, stored=again.store).read == 2


def test_only_the_known_names_that_occur_in_a_text_are_handed_to_it():
    baker = OfficialMention("James Baker", "Treasury Secretary", "United States", 0, 11, 0)
    stoltenberg = OfficialMention("Gerhard Stoltenberg", "Finance Minister", "West Germany", 0, 19, 0)
    knowledge = CorpusKnowledge({"James Baker": baker, "Gerhard Stoltenberg": stoltenberg}, {"Baker": baker})
    assert knowledge.in_text(TITLED[1], titled=True) == ({"James Baker": baker}, {})
    assert len(knowledge.in_text(UNTITLED[1], titled=True)[0]) == 2
    assert knowledge.in_text("BAKER SEES NO NEED FOR DOLLAR FALL", titled=False) == ({}, {"Baker": baker})
    assert knowledge.in_text(UNRELATED[1], titled=False) == ({}, {})


def test_worker_processes_give_the_results_of_this_one():
    docs = [*seed_docs(), TITLED, UNTITLED, UNRELATED]
    reads = [(doc_id, body, DEFAULT) for doc_id, body, _ in docs]
    here = run_all(read_document, reads, workers=1)
    assert run_all(read_document, reads, workers=2, min_calls_per_worker=1) == here
    titled = [m for r in here for m in r.titled]
    knowledge = CorpusKnowledge(known_full_names(titled), known_surnames(titled))
    links = [
        (d, body, day, r.titled, *knowledge.in_text(body, bool(r.titled)))
        for (d, body, day), r in zip(docs, here, strict=True)
    ]
    assert run_all(link_document, links, workers=2, min_calls_per_worker=1) == run_all(
        link_document, links, 1
    )
