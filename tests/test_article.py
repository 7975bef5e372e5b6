from datetime import date
from pathlib import Path

from wirefacts.text.article import END_OF_ARTICLE, parse_article, split_blocks

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_site_menus_related_lists_and_footers_are_removed():
    article = parse_article(seed("003"))
    for furniture in ("Read Ecopy", "Karnataka", "Amarnath", "Subscribe", "Privacy", "Himanta Biswa Sarma"):
        assert furniture not in article.body
    assert article.body.startswith("India and China have resumed dialogue on rare earth trade")
    assert article.body.endswith("in an increasingly polarized global economy.")


def test_article_date_line_wins_over_the_site_banner():
    article = parse_article(seed("003"))
    assert article.published_on == date(2025, 6, 14)  # the banner above the headline says July 18
    assert (
        article.title
        == "India and China move towards renewed cooperation on rare Earth supply amid global shifts"
    )


def test_breadcrumb_byline_and_mobile_footer_are_removed_and_caption_is_marked():
    article = parse_article(seed("000"))
    assert "Exit mobile version" not in article.body
    assert "Home International" not in article.body
    assert "Rodney Mbua" not in article.body
    assert article.title == "China Pledges to Address India’s Rare Earth Needs as Border Talks Resume"
    ((start, end),) = article.caption_spans
    assert "File Photo" in article.body[start:end]
    # The caption's date is the photo's, not the article's.
    assert article.published_on is None


def test_read_more_link_is_removed():
    article = parse_article(seed("001"))
    assert "Read more: China holds" not in article.body
    assert "Diplomatic recalibration" in article.body  # a subheading inside the article stays


def test_furniture_lines_in_an_article():
    text = "\n".join(
        [
            "Skip to content",
            "Home",
            "World",
            "Business",
            "Japan cuts tariffs on farm imports",
            "By Jane Smith",
            "Published: 3 March 2024",
            "Japan's agriculture ministry said on Tuesday it would cut tariffs on beef and oranges from "
            "April, a move that trade partners had sought for years.",
            "Advertisement",
            "The ministry said imports of beef rose 12 percent last year to 560,000 tonnes, while orange "
            "imports fell for a third year.",
            "Share this article",
            "Related",
            "Rice harvest seen lower after typhoon",
            "© 2024 Example News. All rights reserved.",
        ]
    )
    article = parse_article(text)
    assert article.title == "Japan cuts tariffs on farm imports"
    assert article.published_on == date(2024, 3, 3)
    assert article.body.startswith("Japan's agriculture ministry said")
    assert article.body.endswith("fell for a third year.")
    for furniture in ("Advertisement", "Share this", "Rice harvest", "rights reserved", "Jane Smith"):
        assert furniture not in article.body


def test_hard_wrapped_wire_copy_is_joined_into_paragraphs():
    text = (
        "JAPAN TRADE SURPLUS WIDENS IN MARCH\n\n"
        "TOKYO, April 13 - Japan's trade surplus widened to 9.56 billion\n"
        "dlrs in March from 6.44 billion a year earlier, the Finance\n"
        "Ministry said in a statement issued on Monday morning.\n"
        "    Exports rose 8.5 pct to 20.11 billion dlrs while imports fell\n"
        "4.2 pct to 10.55 billion, the ministry said in its report.\n"
        " REUTER\n"
    )
    blocks = split_blocks(text)
    assert blocks[1].startswith(
        "TOKYO, April 13 - Japan's trade surplus widened to 9.56 billion dlrs in March"
    )
    assert blocks[2].startswith("Exports rose 8.5 pct")
    article = parse_article(text)
    assert article.title == "JAPAN TRADE SURPLUS WIDENS IN MARCH"
    assert "REUTER" not in article.body
    assert article.published_on is None  # the dateline has no year


def test_a_short_paragraph_starting_with_more_is_not_the_end_of_the_article():
    text = (
        "Trade ministers meet in Geneva\n\n"
        "GENEVA - Trade ministers from 20 countries met in Geneva on Monday to discuss farm subsidies "
        "and tariffs on manufactured goods, officials said.\n\n"
        "More talks are planned for next week.\n\n"
        "The ministers said they hoped to agree on a framework by the end of the year, when the "
        "current round of negotiations is due to finish.\n\n"
        "More World News\n\n"
        "Floods hit the north of the country"
    )
    body = parse_article(text).body
    assert "More talks are planned" in body and "hoped to agree on a framework" in body
    assert END_OF_ARTICLE.match("More World News") and not END_OF_ARTICLE.match("More talks are planned.")
