"""Full calendar dates in real text; wire datelines without a year are not dates."""

from datetime import date

from wirefacts.text.dates import find_dates


def test_the_three_written_forms_of_a_full_date():
    text = (
        "NEW YORK, March 8, 2017 - The talks resumed on 14 June 2025 and were set for 2025-06-20, "
        "officials said in a statement dated Sept. 3, 1987."
    )  # the first is newsarticles-dev na-2056's dateline
    assert [d.value for d in find_dates(text)] == [
        date(2017, 3, 8),
        date(2025, 6, 14),
        date(2025, 6, 20),
        date(1987, 9, 3),
    ]
    first = find_dates(text)[0]
    assert text[first.start : first.end] == "March 8, 2017"


def test_a_wire_dateline_without_a_year_and_impossible_days_give_no_date():
    # Reuters-21578 train reut-00974: month and day only.
    assert find_dates("TOKYO, March 2 - Japan's Food Agency said it will buy wheat.") == []
    assert find_dates("February 30, 1987 and 31 April 1987") == []
