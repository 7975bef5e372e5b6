"""Story grouping on real wire text: resends, template reports, rewrites, and no chaining."""

from datetime import date

import polars as pl
import pytest

from tests.conftest import query
from wirefacts.dedup import minhash, settings
from wirefacts.dedup.settings import DEFAULT, StorySettings
from wirefacts.dedup.stories import group_stories, story_inputs
from wirefacts.text.article import parse_article

FED = (
    "FED ADDS RESERVES VIA CUSTOMER REPURCHASES\n\n"
    "NEW YORK, March 2 - The Federal Reserve entered the U.S. Government securities market to arrange "
    "{amount} billion dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said Federal "
    "funds were trading at {rate} pct when the Fed began its temporary and indirect supply of reserves to "
    "the banking system. The Fed said the agreements would mature on {day} and that it expected reserve "
    "levels to remain adequate through the end of the statement period."
)
WHEAT = (
    "Japan's Food Agency said it will buy 120,000 tonnes of U.S. wheat for shipment in May, the agency said "
    "in a statement. The purchase follows the agency's regular tender on Tuesday, when it bought 85,000 "
    "tonnes of Canadian wheat and 40,000 tonnes of Australian wheat for April shipment. Agency officials "
    "said Japan's wheat imports in the 1986/87 fiscal year would reach 5.5 mln tonnes, unchanged from a year "
    "earlier, with the United States supplying about 58 pct of the total."
)


def frame(texts: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": list(texts),
            "body": list(texts.values()),
            "published_on": [None] * len(texts),
            "word_count": [len(t.split()) for t in texts.values()],
        },
        schema={"doc_id": pl.String, "body": pl.String, "published_on": pl.Date, "word_count": pl.Int64},
    )


def story_of(result, doc_id):
    return result.story_clusters.filter(pl.col("doc_id") == doc_id)["story_id"][0]


def test_resend_with_new_headline_and_trimmed_ending_is_a_near_duplicate():
    resend = (
        "JAPAN TO BUY U.S. WHEAT - AGENCY\n\n"
        + WHEAT.rsplit(" Agency officials", 1)[0]
        + " Agency officials said imports would hold."
    )
    result = group_stories(frame({"a": WHEAT, "b": resend}))
    assert story_of(result, "a") == story_of(result, "b")
    relation = result.story_clusters.filter(~pl.col("is_canonical"))["relation"][0]
    assert relation == "near_duplicate"


def test_whitespace_and_case_differences_are_exact_duplicates():
    result = group_stories(frame({"a": WHEAT, "b": "  " + WHEAT.upper().replace(". ", ".\n\n")}))
    assert result.story_clusters.filter(~pl.col("is_canonical"))["relation"].to_list() == ["exact_duplicate"]


def test_template_reports_with_other_numbers_are_different_stories():
    first = FED.format(amount="1.5", rate="6-1/8", day="March 5")
    second = FED.format(amount="2.75", rate="6-3/16", day="March 9")
    result = group_stories(frame({"a": first, "b": second}))
    assert story_of(result, "a") != story_of(result, "b")
    ((relation, merged),) = result.duplicate_pairs.select("relation", "merged").rows()
    assert relation == "template_variant" and not merged


def test_clusters_do_not_chain_through_a_middle_document():
    words = [f"w{i}" for i in range(400)]
    a = " ".join(words[:200])
    b = " ".join(words[80:280])
    c = " ".join(words[160:360])
    result = group_stories(frame({"a": a, "b": b, "c": c}))
    stories = {d: story_of(result, d) for d in "abc"}
    assert not (stories["a"] == stories["b"] == stories["c"])


def test_incremental_batches_give_the_batch_result():
    texts = {
        "a": WHEAT,
        "b": "JAPAN TO BUY U.S. WHEAT\n\n" + WHEAT,
        "c": FED.format(amount="1.5", rate="6-1/8", day="March 5"),
        "d": FED.format(amount="1.5", rate="6-1/8", day="March 5") + " Reuter",
    }
    batch = group_stories(frame(texts))
    first = group_stories(frame({k: texts[k] for k in "ac"}))
    second = group_stories(frame(texts), first.minhash_signatures, first.lsh_bands, first.duplicate_pairs)
    assert second.story_clusters.equals(batch.story_clusters)
    assert second.lsh_bands.height == 4 * batch.lsh_bands.height // 4


def test_a_pair_scores_alike_whatever_else_the_folder_holds_and_is_not_scored_twice():
    resend = "JAPAN TO BUY U.S. WHEAT - AGENCY\n\n" + WHEAT.rsplit(" Agency officials", 1)[0]
    fed = {day: FED.format(amount="1.5", rate="6-1/8", day=day) for day in ("March 5", "March 9")}
    alone = group_stories(frame({"a": WHEAT, "b": resend}))
    among_others = group_stories(frame({"a": WHEAT, "b": resend, "c": fed["March 5"], "d": fed["March 9"]}))
    pair = lambda result: result.duplicate_pairs.filter(pl.col("doc_id") == "a").drop("method")  # noqa: E731
    assert pair(alone).equals(pair(among_others))  # word weights are not the folder's

    later = group_stories(
        frame({"a": WHEAT, "b": resend, "c": fed["March 5"], "d": fed["March 9"]}),
        alone.minhash_signatures,
        alone.lsh_bands,
        alone.duplicate_pairs,
        known_features=alone.text_features,
        reuse_decisions=True,
    )
    assert later.scored == among_others.scored - 1  # only the pairs with a new text
    assert later.duplicate_pairs.equals(among_others.duplicate_pairs)


def test_signatures_match_datasketch():
    from datasketch import MinHash

    hashes = minhash.shingle_hashes(WHEAT)
    ours = minhash.signatures([hashes])[0]
    theirs = MinHash(num_perm=128, seed=1, hashfunc=lambda x: x, scheme="legacy")
    theirs.update_batch([int(h) for h in hashes])
    assert (ours == theirs.hashvalues).all()


def seed_stories(warehouse) -> dict[str, str]:  # noqa: ANN001
    rows = query(
        warehouse, "SELECT d.source_path, c.story_id FROM story_clusters c JOIN documents d USING (doc_id)"
    )
    return {path[:3]: story_id for path, story_id in rows}


def test_seed_rewrites_form_one_story_and_topic_neighbours_stay_apart(seeds_warehouse):
    story = seed_stories(seeds_warehouse)
    assert story["000"] == story["001"]
    assert len({story["000"], story["002"], story["003"]}) == 3
    assert story["004"] not in (story["002"], story["003"])


@pytest.mark.xfail(
    strict=True,
    reason="004 rewrites the 000/001 report as an analysis piece: it keeps the cast and one figure "
    "(58%) but almost no wording, and the scorer does not yet tell it from topic neighbours",
)
def test_the_analysis_rewrite_of_the_seed_story_joins_it(seeds_warehouse):
    story = seed_stories(seeds_warehouse)
    assert story["004"] == story["000"]


def test_dates_far_apart_block_a_merge_that_would_otherwise_happen():
    texts = frame(
        {"a": WHEAT, "b": WHEAT.replace("Japan's Food Agency said", "The Food Agency of Japan announced")}
    )
    undated = group_stories(texts)
    assert story_of(undated, "a") == story_of(undated, "b")
    dated = texts.with_columns(pl.Series("published_on", [date(1987, 3, 1), date(1987, 9, 1)]))
    months_apart = group_stories(dated)
    assert story_of(months_apart, "a") != story_of(months_apart, "b")
    ((days, relation),) = months_apart.duplicate_pairs.select("days_apart", "relation").rows()
    assert days > DEFAULT.max_days_apart and relation == "different_story"
    # the limit is what keeps them apart: without it the same dated pair merges
    no_limit = group_stories(dated, choices=StorySettings(max_days_apart=10**9))
    assert story_of(no_limit, "a") == story_of(no_limit, "b")


def test_wire_datelines_without_a_year_measure_the_gap():
    first = "TOKYO, March 2 - " + WHEAT
    second = "TOKYO, Sept 9 - " + WHEAT.replace(
        "Japan's Food Agency said", "The Food Agency of Japan announced"
    )
    result = group_stories(frame({"a": first, "b": second}))
    assert result.duplicate_pairs["days_apart"][0] > DEFAULT.max_days_apart
    assert story_of(result, "a") != story_of(result, "b")


def test_a_flash_joins_the_full_story_it_announces_and_only_that_one():
    flash = "JAPAN FOOD AGENCY TO BUY 120,000 TONNES OF U.S. WHEAT"
    other = (
        "Japan's Food Agency said it will sell 300,000 tonnes of rice from state stocks to millers in May."
    )
    result = group_stories(frame({"flash": flash, "full": WHEAT, "other": other}))
    assert story_of(result, "flash") == story_of(result, "full")
    assert story_of(result, "other") != story_of(result, "full")
    (relation,) = result.story_clusters.filter(pl.col("doc_id") == "flash")["relation"]
    assert relation in ("near_duplicate", "same_story")


def test_a_flash_joins_the_full_story_before_an_alike_flash_of_another_day():
    # Reuters-21578 reut-05344 (March 16), reut-12495 and reut-12501 (April 2).
    texts = {
        "earlier": "BANK OF FRANCE LEAVES MONEY MARKET INTERVENTION RATE UNCHANGED AT 7-3/4 PCT - OFFICIAL\n",
        "flash": "BANK OF FRANCE LEAVES INTERVENTION RATE UNCHANGED AT 7-3/4 PCT - OFFICIAL\n",
        "full": "BANK OF FRANCE LEAVES INTERVENTION RATE UNCHANGED\n\n"
        "PARIS, April 2 - The Bank of France said it left its\nintervention rate unchanged at 7-3/4 pct when it "
        "injected funds\nto the market against first category paper in todays money\nmarket intervention "
        "tender.\n    Money market dealers had earlier expressed mixed views on a\npossible quarter point "
        "cut.\n    The rate was last adjusted on March 9, when it was reduced\nto 7-3/4 pct from the eight pct "
        "rate set in January.\n REUTER\n",
    }
    articles = {d: parse_article(t) for d, t in texts.items()}
    result = group_stories(story_inputs((d, a.title, a.body, None) for d, a in articles.items()))
    assert story_of(result, "flash") == story_of(result, "full")


def test_two_issues_of_a_template_report_whose_leads_share_no_number_stay_apart():
    # Reuters-21578 reut-05232 and reut-05277: two rounds of Bank of England help on one day.
    early = (
        "U.K. MONEY MARKET GIVEN 90 MLN STG EARLY HELP\n\n"
        "LONDON, March 16 - The Bank of England said it provided the\nmoney market with assistance worth 90 "
        "mln stg in response to an\nearly round of bill offers from discount houses.\n    Earlier, the bank "
        "estimated the shortage in the system\ntoday at some 1.05 billion stg.\n    The bank bought bills for "
        "resale to the market in equal\namounts on April 1, 2 and 3 at an interest rate of 10-7/16 pct.\n REUTER\n"
    )
    further = (
        "U.K. MONEY MARKET GIVEN FURTHER 30 MLN STG HELP\n\n"
        "LONDON, March 16 - The Bank of England said it provided the\nmoney market with a further 30 mln stg "
        "assistance.\n    This brings the Bank's total help so far today to 120 mln\nstg and compares with its "
        "upward revised estimate that the\nsystem would face a shortage of some 1.15 billon stg.\n    The central "
        "bank bought bills for resale to the market in\nequal amounts on April 1, 2 and 3 at an interest rate of\n"
        "10-7/16 pct.\n REUTER\n"
    )
    articles = {d: parse_article(t) for d, t in {"early": early, "further": further}.items()}
    result = group_stories(story_inputs((d, a.title, a.body, None) for d, a in articles.items()))
    assert story_of(result, "early") != story_of(result, "further")
    resent = group_stories(story_inputs([("early", articles["early"].title, articles["early"].body, None),
                                         ("again", "U.K. MONEY MARKET GETS 90 MLN STG EARLY HELP",
                                          articles["early"].body.replace(" REUTER", ""), None)]))  # fmt: skip
    assert story_of(resent, "early") == story_of(resent, "again")  # a re-send keeps its lead


def test_a_flash_with_other_numbers_does_not_join():
    flash = "JAPAN FOOD AGENCY TO BUY 95,000 TONNES OF U.S. WHEAT"
    result = group_stories(frame({"flash": flash, "full": WHEAT}))
    assert story_of(result, "flash") != story_of(result, "full")
    assert result.duplicate_pairs["number_agreement"][0] < DEFAULT.number_agreement


def test_a_trimmed_resend_joins_by_containment():
    trimmed = WHEAT.split(" The purchase follows")[0]
    result = group_stories(
        frame({"full": WHEAT + " " + FED.format(amount="1", rate="6", day="May 1"), "trimmed": trimmed})
    )
    pair = result.duplicate_pairs.row(0, named=True)
    assert pair["containment"] > pair["jaccard"]
    assert story_of(result, "full") == story_of(result, "trimmed")


def test_shared_narrative_counts_wording_outside_quotations_only():
    from wirefacts.dedup import features

    quote = '"We will buy more wheat from the United States this year than last," an agency official said.'
    pieces = features.narrative_segments(WHEAT + "\n" + quote, settings.SHINGLE_WORDS)
    assert pieces[0] == WHEAT and not any("buy more wheat" in p for p in pieces)
    other = "Tokyo traders expect rice prices to rise in the spring as stocks run low at the mills. " + quote
    result = group_stories(frame({"a": WHEAT + " " + quote, "b": other}))
    pairs = result.duplicate_pairs
    assert pairs.is_empty() or pairs["shared_narrative"][0] == 0


def test_a_short_teaser_of_a_long_story_is_a_wording_candidate():
    # A teaser repeats the story's opening sentences; beside a long body its Jaccard is tiny, so
    # no LSH band collides, but the narrative it shares makes the pair a candidate to score.
    filler = " ".join(
        f"Paragraph {i} of the report describes how grain buyers in region {i} reacted to the tender."
        for i in range(60)
    )
    teaser = (
        "The agency said it would buy wheat from the United States for shipment next month, and that "
        "the purchase follows its regular tender, when it bought wheat from two other suppliers. Officials "
        "expect imports for the fiscal year to stay close to last year's level, with most of the grain "
        "coming from American farms."
    )
    result = group_stories(frame({"story": teaser + " " + filler, "teaser": teaser}))
    ((method, narrative, jaccard),) = result.duplicate_pairs.select(
        "method", "shared_narrative", "jaccard"
    ).rows()
    assert method == "shared_wording" and narrative >= DEFAULT.min_shared_narrative and jaccard < 0.2
