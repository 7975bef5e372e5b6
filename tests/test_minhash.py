"""MinHash shingles, signatures and LSH bands on real wire copy."""

import numpy as np

from wirefacts.dedup import minhash, settings

# Reuters-21578 train, reut-05905: a one-paragraph money market report, and the same with one
# figure changed (how the next revision of the report reads).
REPORT = (
    "LONDON, March 17 - The Bank of England said it had revised its forecast of the shortage in the money "
    "market today down to 400 mln stg from 450 mln stg."
)
REVISED = REPORT.replace("400 mln", "350 mln")
OTHER = (
    "TOKYO, March 2 - Japan's Food Agency said it will buy 120,000 tonnes of U.S. wheat for shipment in May."
)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return len(np.intersect1d(a, b)) / len(np.union1d(a, b))


def test_shingles_are_word_five_grams_of_the_lower_cased_text():
    hashes = minhash.shingle_hashes(REPORT)
    words = len(minhash.WORD.findall(REPORT))
    assert len(hashes) == words - settings.SHINGLE_WORDS + 1  # every 5-gram of this text is distinct
    assert np.array_equal(hashes, minhash.shingle_hashes(REPORT.upper()))
    # one changed word changes only the five shingles that hold it
    assert len(np.setdiff1d(hashes, minhash.shingle_hashes(REVISED))) == settings.SHINGLE_WORDS


def test_a_text_shorter_than_a_shingle_is_one_shingle_and_an_empty_text_none():
    assert len(minhash.shingle_hashes("OPEC meets")) == 1
    assert len(minhash.shingle_hashes("")) == 0


def test_signature_agreement_estimates_jaccard():
    a, b, c = (minhash.shingle_hashes(t) for t in (REPORT, REVISED, OTHER))
    sig = minhash.signatures([a, b, c])
    assert sig.shape == (3, settings.PERMUTATIONS)
    estimate = (sig[0] == sig[1]).mean()
    assert abs(estimate - jaccard(a, b)) < 0.15
    assert (sig[0] == sig[2]).mean() < 0.05


def test_near_duplicates_share_a_band_and_unrelated_texts_do_not():
    sig = minhash.signatures([minhash.shingle_hashes(t) for t in (REPORT, REVISED, OTHER)])
    bands = minhash.band_hashes(sig)
    assert bands.shape == (3, settings.BANDS)
    assert (bands[0] == bands[1]).any()
    assert not (bands[0] == bands[2]).any()
