from wirefacts.text.sentences import sentence_spans


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_initials_titles_and_abbreviations_do_not_end_sentences():
    text = (
        "Indian Foreign Minister S. Jaishankar met Wang Yi. The U.S. Treasury said exports rose 2.5 pct. "
        "Mr. Baker spoke on Jan. 5 in Washington."
    )
    assert sentences(text) == [
        "Indian Foreign Minister S. Jaishankar met Wang Yi.",
        "The U.S. Treasury said exports rose 2.5 pct.",
        "Mr. Baker spoke on Jan. 5 in Washington.",
    ]


def test_quotes_and_paragraphs():
    text = '"Borders have been quiet," Doval said. "There has been peace."\n\nWang is scheduled to meet Modi.'
    assert sentences(text) == [
        '"Borders have been quiet," Doval said.',
        '"There has been peace."',
        "Wang is scheduled to meet Modi.",
    ]


def test_spans_point_into_the_text():
    text = "  First sentence here.  Second one follows!\nThird."
    for start, end in sentence_spans(text):
        assert text[start:end] == text[start:end].strip()
        assert text[start:end]
