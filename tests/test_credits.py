"""Credited agencies on real sentences: credits, and the look-alikes that are not credits."""

import pytest

from tests.conftest import SEEDS
from wirefacts.text.article import parse_article
from wirefacts.text.credits import credited_agencies, find_credit, find_credits


def seed_body(prefix: str) -> tuple[str, list[tuple[int, int]]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    article = parse_article(path.read_text(encoding="utf-8"))
    return article.body, article.caption_spans


@pytest.mark.parametrize(
    ("text", "agencies", "kind"),
    [
        (
            "WASHINGTON (Reuters) - The U.S. Department of Homeland Security has issued requests for "
            "proposals.",
            ["Reuters"],
            "dateline",
        ),
        (
            "The deaths were described as murders.\n\nMarch 3 (Reuters) - Two inmates have been killed "
            "during a disturbance.",
            ["Reuters"],
            "dateline",
        ),
        (
            "(Reuters Health) - Just a small fraction of adolescents with opioid addiction will receive "
            "medications.",
            ["Reuters"],
            "dateline",
        ),
        ("NEW YORK (AP) — Stocks rose on Wall Street.", ["AP"], "dateline"),
        (
            "MOSCOW, February 7. /TASS/. Syrian President, Bashar al-Assad, has said that cooperation could "
            "be beneficial.",
            ["TASS"],
            "dateline",
        ),
        (
            "It will have to pay the fine for illegal file sharing. es/jm-(AFP, dpa)",
            ["AFP", "dpa"],
            "agency_line",
        ),
        ("They continue to battle with IS militants. blc/jm-(AP, Reuters)", ["AP", "Reuters"], "agency_line"),
        ('The report was published in the US journal "Child Development." with dpa', ["dpa"], "agency_line"),
        ("Shipments resumed on Monday, officials said. - AP", ["AP"], "agency_line"),
        (
            '"help bridge China and international markets." Xinhua (China Daily European Weekly 03/03/2017 '
            "page25)",
            ["Xinhua"],
            "agency_line",
        ),
        (
            "Production of coal fell by 9 percent. AP researcher Yu Bing and news assistant Liu Zheng "
            "contributed to this report.",
            ["AP"],
            "contribution",
        ),
        (
            "It was unclear what that entails. The Associated Press contributed to this report",
            ["AP"],
            "contribution",
        ),
        ("The talks ended without agreement. AFP contributed.", ["AFP"], "contribution"),
        (
            "There's been an influx of weapons,\" he said. Source:-Reuters news agency",
            ["Reuters"],
            "source_line",
        ),
    ],
)
def test_credits(text, agencies, kind):
    credit = find_credit(text)
    assert credit is not None and list(credit.agencies) == agencies and credit.kind == kind
    assert credit.agency == agencies[0]
    assert agencies[0].lower()[:3] in text[credit.start : credit.end].lower().replace(
        "associated press", "ap"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi attends the meeting in Kuala Lumpur on July 11, 2025. MANDEL NGAN/Pool via REUTERS/File "
        "Photo",
        "Jaishankar shakes hand with Wang Yi in New Delhi, India, Monday, August 18, 2025. (Indian Foreign "
        "Ministry via AP)",
        "A selection of the best photos from across Africa this week. Images courtesy of AFP, AP, EPA, Getty "
        "Images and Reuters",
        "The event was held in Kuala Lumpur. Zhang Wenzong / Xinhua  Syngenta takeover likely to be approved",
        'Wang noted that the setbacks were "not in the interests of the people," according to a translation '
        "by Indian news agency ANI.",
        '"It is not safe," one police source told Reuters. The incident comes six weeks before an election.',
        "AP photographer Burhan Ozbilici has won the 2017 World Press Photo competition.",
        "HNA keeps its stake below 10 percent, Xinhua News Agency reported. The German lender welcomes any "
        "investor.",
        "Sean Spicer tweeted earlier this month after The Associated Press reported that troops could be "
        "mobilised.",
        "Barrow has pledged to reverse Jammeh's repressive policies. Source:-News agencies",
        '"We have to see," said Alzugaray. "?Andrea Rodriguez on Twitter: www.twitter.com/ARodriguezAP',
    ],
)
def test_not_credits(text):
    assert find_credits(text) == []


def test_seed_001_credits_reuters_not_the_ap_photo():
    body, captions = seed_body("001")
    credits = find_credits(body, captions)
    assert credited_agencies(credits) == ["Reuters"]
    assert body[credits[0].start : credits[0].end] == "Reuters"
    assert body[credits[0].start :].startswith("Reuters reported on Tuesday that relations")


def test_seed_000_photo_credit_and_ani_translation_are_not_credits():
    body, captions = seed_body("000")
    assert "REUTERS/File Photo" in body and "translation by Indian news agency ANI" in body
    assert find_credits(body, captions) == []


def test_reported_far_from_the_lead_is_not_a_credit():
    lead = "China has pledged to address India's needs, officials said on Tuesday.\n\n" * 30
    assert find_credit("Reuters reported on Tuesday that ties improved.\n\n" + lead).agency == "Reuters"
    assert find_credit(lead + "Reuters reported on Tuesday that ties improved.") is None
