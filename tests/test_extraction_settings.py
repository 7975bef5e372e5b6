"""Extraction settings: checked when made, and each one changes what is extracted."""

import pytest

from wirefacts.extract.commodities import find_commodities
from wirefacts.extract.facts import extract_facts
from wirefacts.extract.figures import find_figures
from wirefacts.extract.settings import DEFAULT, ExtractionSettings
from wirefacts.text.sentences import sentence_spans


def figure_commodities(text: str, settings: ExtractionSettings) -> list[str | None]:
    return [f.commodity for f in find_figures(text, sentence_spans(text), find_commodities(text), settings)]


def test_settings_are_checked_when_made():
    with pytest.raises(ValueError, match="story_country_share is 1.5: a share between 0 and 1"):
        ExtractionSettings(story_country_share=1.5)
    with pytest.raises(ValueError, match="trade_context_chars is -1: a whole number of at least 0"):
        ExtractionSettings(trade_context_chars=-1)


def test_a_figure_takes_the_commodity_of_the_sentence_before_within_the_context():
    text = "Brazil's coffee harvest was hit by frost. Exports fell 12 pct to 1.2 mln bags in May."
    assert set(figure_commodities(text, DEFAULT)) == {"coffee"}
    assert set(figure_commodities(text, ExtractionSettings(trade_context_chars=0))) == {None}


def test_a_bare_surname_needs_enough_titled_mentions_elsewhere():
    docs = [
        ("a", "Federal Reserve Chairman Paul Volcker said rates would stay steady.", None),
        ("b", "Volcker told Congress the dollar had fallen far enough.", None),
    ]
    strict = extract_facts(docs)["official_mentions"]
    assert set(strict["doc_id"]) == {"a"}  # one titled mention is not enough by default
    lenient = extract_facts(docs, ExtractionSettings(surname_min_titles=1))["official_mentions"]
    assert set(lenient["doc_id"]) == {"a", "b"}
