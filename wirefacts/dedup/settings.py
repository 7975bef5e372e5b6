"""Named settings of the story layer, each with the trade-off it makes.

MinHash/LSH (tiers 1-2)
- SHINGLE_WORDS = 5: word 5-grams. Shorter shingles (3) make unrelated stories on one topic
  share many shingles (false candidates); longer ones (7+) let a single edited word hide a
  near duplicate. 5 is the usual choice for news (text-dedup, the C4/RefinedWeb pipelines).
- PERMUTATIONS = 128: the standard error of a Jaccard estimate is about sqrt(J(1-J)/128), ±0.04
  at J = 0.5. 256 halves the variance at twice the cost.
- BANDS x ROWS = 32 x 4: a pair with Jaccard s becomes a candidate with probability
  1 - (1 - s^4)^32: 0.99 at s = 0.6, 0.87 at s = 0.45, 0.41 at s = 0.3, 0.03 at s = 0.15. The
  S-curve's midpoint is (1/32)^(1/4) ≈ 0.42, below NEAR_DUPLICATE_JACCARD, so few true near
  duplicates are lost in banding (recall), and the Jaccard estimate then rejects the extra
  candidates (precision). 16 x 8 (midpoint 0.71) would halve the candidates and lose trimmed
  re-sends.
- NEAR_DUPLICATE_JACCARD = 0.5: estimated shingle Jaccard for a near duplicate. Re-headlined
  and re-wrapped re-sends score 0.8-1.0, trimmed ones 0.5-0.8; different stories on one topic
  stay under 0.2.

Template reports
- NUMBER_AGREEMENT = 0.6: Reuters sends one template ("FED ADDS RESERVES VIA ...", weekly money
  supply, daily prices) with new numbers. Two texts whose numbers overlap less than this (the
  shared share of the smaller number set, so a trimmed copy still agrees) are different reports
  however alike their words. Above IDENTICAL_JACCARD = 0.9 the texts are one story re-sent
  (only a dateline or a figure corrected) whatever their numbers. Texts that are mostly numbers
  (TABLE_NUMERIC_SHARE = 0.3 of their tokens: price tables, results) need TABLE_NUMBER_AGREEMENT
  = 0.95: the 11:50 and 12:10 grain price tables share most numbers but are two issues.

Same-story rewrites (tier 3)
- FEATURE_MAX_DOCS = 50: a number, quotation or name shared by more documents than this is
  common knowledge, not evidence that two texts report one event.
- MIN_SHARED_FEATURES = 2: candidates share at least two distinctive features.
- SAME_STORY_SCORE = 0.38: threshold on the combined score (see stories.combined_score).
- MIN_SHARED_FOR_MERGE = 4: a rewrite shares at least four distinctive numbers, quotation
  5-grams or names with the text it rewrites; two stories about one company or one minister
  usually share fewer.
- TEMPLATE_COSINE = 0.6: above this term similarity, numbers that disagree (NUMBER_AGREEMENT)
  mark another issue of a template report rather than a rewrite.
- REWRITE_NUMBER_AGREEMENT = 0.6: a rewrite keeps most of the numbers of the shorter text;
  follow-ups and neighbouring stories (a bid and the target's answer, one debt deal and the
  next) share names but bring other numbers. On the labelled Reuters pairs
  (tests/data/reuters_story_pairs.csv) every true rewrite has agreement >= 0.67 and most wrong
  merges <= 0.6.
- REWRITE_COSINE = 0.5: with agreeing numbers, half the weighted wording in common, or a shared
  quotation, or more than MIN_SHARED_FOR_MERGE shared distinctive features with most
  distinctive numbers shared, makes a rewrite.
- MAX_DAYS_APART = 7: rewrites of one wire story appear within days of each other.
"""

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS_PER_BAND = 4
SEED = 1
NEAR_DUPLICATE_JACCARD = 0.5
NUMBER_AGREEMENT = 0.6
IDENTICAL_JACCARD = 0.9
TABLE_NUMERIC_SHARE = 0.3
TABLE_NUMBER_AGREEMENT = 0.95
FEATURE_MAX_DOCS = 50
MIN_SHARED_FEATURES = 2
SAME_STORY_SCORE = 0.38
MIN_SHARED_FOR_MERGE = 4
TEMPLATE_COSINE = 0.6
REWRITE_NUMBER_AGREEMENT = 0.6
REWRITE_COSINE = 0.5
MAX_DAYS_APART = 7

assert BANDS * ROWS_PER_BAND == PERMUTATIONS
