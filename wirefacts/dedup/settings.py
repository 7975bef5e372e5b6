"""Named settings of the story layer, each with the trade-off it makes (upper-case names here,
lower-case fields of StorySettings).

MinHash/LSH (tiers 1-2)
- SHINGLE_WORDS = 5: word 5-grams. Shorter shingles (3) make unrelated stories on one topic
  share many shingles (false candidates); longer ones (7+) let a single edited word hide a
  near duplicate. 5 is the usual choice for news (text-dedup, the C4/RefinedWeb pipelines).
- PERMUTATIONS = 128: the standard error of a Jaccard estimate is about sqrt(J(1-J)/128), ±0.04
  at J = 0.5. 256 halves the variance at twice the cost.
- BANDS x ROWS = 32 x 4: a pair with Jaccard s becomes a candidate with probability
  1 - (1 - s^4)^32: 0.99 at s = 0.6, 0.87 at s = 0.45, 0.41 at s = 0.3, 0.03 at s = 0.15. The
  S-curve's midpoint is (1/32)^(1/4) ≈ 0.42, so trimmed re-sends still collide in a band (their
  containment, not their Jaccard, then decides), and the scorer rejects the extra
  candidates (precision). 16 x 8 (midpoint 0.71) would halve the candidates and lose trimmed
  re-sends.

Template reports
- NUMBER_AGREEMENT = 0.6: Reuters sends one template ("FED ADDS RESERVES VIA ...", weekly money
  supply, daily prices) with new numbers. Two texts whose numbers overlap less than this (the
  shared share of the smaller number set, so a trimmed copy still agrees) are different reports
  however alike their words. Above IDENTICAL_JACCARD = 0.9 the texts are one story re-sent
  (only a dateline or a figure corrected) whatever their numbers. Texts that are mostly numbers
  (TABLE_NUMERIC_SHARE = 0.3 of their tokens: price tables, results) need TABLE_NUMBER_AGREEMENT
  = 0.95: the 11:50 and 12:10 grain price tables share most numbers but are two issues.

Candidates (every candidate pair is scored and kept in duplicate_pairs)
- LSH band collisions (above); FEATURE_MAX_DOCS = 50: a number, quotation or name shared by
  more documents than this is common knowledge, not evidence that two texts report one event;
  MIN_SHARED_FEATURES = 2 such features make a rewrite candidate.
- MIN_SHARED_NARRATIVE = 8: texts sharing this many word 5-gram shingles outside quotations
  (each in at most FEATURE_MAX_DOCS texts; about one sentence of 12 words) are a candidate
  (`shared_wording`): a teaser or a trimmed update beside a long body (containment high, Jaccard
  too low for an LSH band), or another outlet's rewrite that keeps a few of the agency's
  sentences. Quotations are left out because every report of an event carries the same public
  quotes (LABELLING.md: a rewrite shares narrative sentences, not only quotations). 5 and 12
  gave the same tuning-half F1 as 8.
- HEADLINE_ONLY_WORDS = 40: a body this short is a flash or a headline-only item; it is compared
  with every text's headline and lead, not its body. HEADLINE_MIN_SHARED_TERMS = 3 and
  HEADLINE_CANDIDATE_SHARE = 0.5 of its rarer content words (in at most HEADLINE_TERM_MAX_DOCS
  = 200 leads; commoner words would pair every flash with thousands of stories) must appear there.

The decision (wirefacts/dedup/pair_model.py)
- A logistic regression over the recorded parts gives each candidate a probability; its
  threshold is chosen on the tuning half of benchmarks/gold/stories.dev.gold.json and stored
  with the weights. Above it, NEAR_DUPLICATE_CONTAINMENT = 0.5 (shingles of the shorter text
  found in the longer) names the pair a near duplicate (a re-send, trimmed or corrected),
  otherwise a same-story rewrite.
- Vetoes the score cannot override: MAX_DAYS_APART = 7 (rewrites of one wire story appear
  within days; wire datelines without a year count too); a template report: wording alike
  (shingle Jaccard TEMPLATE_JACCARD = 0.3) but numbers that disagree (below NUMBER_AGREEMENT,
  or TABLE_NUMBER_AGREEMENT for tables) or another issuer or entity in the lead (lead-name
  overlap below TEMPLATE_NAME_AGREEMENT = 0.34), unless the texts are all but identical
  (IDENTICAL_JACCARD); terms alike (TF-IDF cosine TEMPLATE_COSINE = 0.6) with mostly other
  numbers (agreement below TEMPLATE_COSINE_AGREEMENT = 0.5: the next day's rates report). On
  the tuning halves the cosine rule with NUMBER_AGREEMENT (0.6) cost pooled F1 0.002 by vetoing
  an outlet's re-run story; at 0.5 or 0.4 it costs nothing and still stops template reports.
- A lead gate: two full texts whose leads (the first LEAD_NUMBER_CHARS = 250 characters after
  the dateline) both give numbers and share none are two issues of a template report ("a
  further 30 mln stg" against "an early 90 mln stg" of help from the Bank of England), however
  alike the rest. Wire tuning half: F1 0.903 with 4 hard negatives merged without the gate; 0.910
  (150 characters), 0.914 with 2 (250), 0.911 with 3 (400).
"""

from __future__ import annotations

from dataclasses import dataclass

from wirefacts.validated import check_shares_and_counts

# The LSH index: fixed, because the stored signatures and bands were made with them.
SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS_PER_BAND = 4
SEED = 1
if BANDS * ROWS_PER_BAND != PERMUTATIONS:
    raise ValueError("BANDS x ROWS_PER_BAND must equal PERMUTATIONS")


@dataclass(frozen=True)
class StorySettings:
    """The decision settings above, as one validated value handed to group_stories."""

    number_agreement: float = 0.6
    identical_jaccard: float = 0.9
    table_numeric_share: float = 0.3
    table_number_agreement: float = 0.95
    feature_max_docs: int = 50
    min_shared_features: int = 2
    min_shared_narrative: int = 8
    headline_only_words: int = 40
    headline_min_shared_terms: int = 3
    headline_candidate_share: float = 0.5
    headline_term_max_docs: int = 200
    near_duplicate_containment: float = 0.5
    template_jaccard: float = 0.3
    template_cosine: float = 0.6
    template_cosine_agreement: float = 0.5
    template_name_agreement: float = 0.34
    max_days_apart: int = 7
    lead_number_chars: int = 250

    def __post_init__(self) -> None:
        check_shares_and_counts(self, "story")
        if self.identical_jaccard < self.template_jaccard:
            raise ValueError("story setting identical_jaccard must be at least template_jaccard")


DEFAULT = StorySettings()
