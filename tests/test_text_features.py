"""Per-text story features kept between runs: described once per text and code version."""

import polars as pl

from tests.conftest import SEEDS
from wirefacts.dedup.stories import group_stories, story_inputs
from wirefacts.text.article import parse_article


def seed_inputs() -> pl.DataFrame:
    articles = [
        (path.stem, parse_article(path.read_text(encoding="utf-8"))) for path in sorted(SEEDS.glob("*.txt"))
    ]
    return story_inputs((name, a.title, a.body, a.published_on) for name, a in articles)


def test_kept_features_give_the_stories_of_a_run_that_describes_every_text():
    docs = seed_inputs()
    first = group_stories(docs.head(3))
    grown = group_stories(
        docs,
        first.minhash_signatures,
        first.lsh_bands,
        first.duplicate_pairs,
        known_features=first.text_features,
    )
    fresh = group_stories(docs)
    assert (first.described, grown.described, fresh.described) == (3, 2, 5)
    for name in ("story_clusters", "duplicate_pairs", "minhash_signatures", "lsh_bands", "text_features"):
        assert getattr(grown, name).equals(getattr(fresh, name)), name


def test_a_changed_text_is_described_again():
    docs = seed_inputs()
    first = group_stories(docs)
    edited = docs.with_columns(
        pl.when(pl.col("doc_id") == docs["doc_id"][0])
        .then(pl.col("body") + "\nIndia welcomed the step.")
        .otherwise("body")
        .alias("body")
    )
    again = group_stories(edited, known_features=first.text_features)
    assert again.described == 1
    assert group_stories(docs, known_features=first.text_features).described == 0
