"""What rewrites of one story keep, measured on real wire and outlet sentences."""

from wirefacts.dedup import features

# Reuters-21578 train, reut-09261 (a Bank of England money market report).
BOE = (
    "LONDON, March 25 - The Bank of England said it revised up its forecast of today's surplus in the "
    "money markets to 250 mln stg from its earlier estimate of a 150 mln."
)


def test_texts_that_differ_only_in_spacing_case_and_punctuation_have_one_key():
    reflowed = BOE.upper().replace(" - ", " -- ").replace("today's", "today ' s")
    assert features.normalized_text(BOE) != features.normalized_text(BOE.replace("250", "300"))
    assert features.exact_key(BOE) == features.exact_key(reflowed)


def test_numbers_keep_their_unit_and_spelling_variants_agree():
    assert {"250million", "150million", "25"} <= features.numbers(BOE)
    assert features.numbers("shipments fell 58% in June") == features.numbers("shipments fell 58 pct in June")
    assert features.numbers("a 150 mln surplus") == features.numbers("a 150 million surplus")


def test_distinctive_numbers_leave_out_years_and_small_counts():
    found = features.distinctive_numbers("In 1987 two banks lent 1,250 tonnes and 7 mln dlrs")
    assert found == {"n:1250tonne", "n:7million"}


def test_quotations_and_the_narrative_around_them_are_kept_apart():
    # newsarticles-dev style: a reported quotation inside the agency's own sentence.
    body = (
        'Chinese Foreign Minister Wang Yi said on Monday "China is willing to work with India to properly '
        'handle the border question" before talks with Indian officials in New Delhi on the boundary.'
    )
    assert "q:china is willing to work" in features.quote_shingles(body)
    pieces = features.narrative_segments(body, 5)
    assert pieces == [
        "Chinese Foreign Minister Wang Yi said on Monday ",
        " before talks with Indian officials in New Delhi on the boundary.",
    ]
    assert not any("willing" in p for p in pieces)


def test_names_and_lead_names_are_the_capitalised_runs():
    assert {"p:wang yi", "p:new delhi"} <= features.names("Wang Yi flew to New Delhi on Monday.")
    assert features.lead_names(None, "The Bank of England said it gave help.") >= {"bank", "england"}


def test_a_wire_dateline_gives_a_day_of_the_year_and_nothing_else_does():
    assert features.dateline_day(BOE) == 2 * 31 + 25
    assert features.dateline_day("TOKYO, Sept 9 - Japan's Food Agency said") == 8 * 31 + 9
    assert features.dateline_day("The Bank of England said on March 25") is None


def test_the_lead_skips_a_photo_caption_before_the_story():
    body = "A ship at the port of Tianjin. (Photo: Reuters)\n" + BOE
    assert features.lead_text(body).startswith("LONDON March 25 The Bank of England")


def test_tables_are_mostly_numbers():
    table = "Wheat 1,250 1,300 1,275\nCorn 980 1,010 995"
    assert features.numeric_share(table) > 0.5 > features.numeric_share(BOE)


def test_overlap_is_the_shared_share_of_the_smaller_set():
    assert features.overlap({"a", "b"}, {"a", "b", "c", "d"}) == 1.0
    assert features.overlap(set(), {"a"}) is None


def test_two_flashes_of_one_template_about_other_issuers_have_other_subjects():
    toronto = "TORONTO DOMINION BANK CUTS PRIME RATE TO 8-3/4 PCT FROM 9-1/4 PCT - TOMORROW"
    montreal = "BANK OF MONTREAL CUTS PRIME RATE TO 8-3/4 PCT FROM 9-1/4 PCT, EFFECTIVE FRIDAY"
    assert features.subjects_differ(toronto, montreal)
    assert not features.subjects_differ(montreal, "BANK OF MONTREAL CUTS PRIME RATE TO 8-3/4 PCT")
    table = (
        "VEVEY, Switzerland, March 20 - Div 145 Swiss francs per share and 29 francs per participation "
        "certificate (unchanged)\n    Net 1.79 billion vs 1.75 billion"
    )
    assert not features.subjects_differ("NESTLE 1986 NET 1.79 BILLION SWISS FRANCS VS 1.75 BILLION", table)
