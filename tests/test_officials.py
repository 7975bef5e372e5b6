"""Officials in the shapes news prints them, on real sentences from wire and outlet copy."""

import pytest

from wirefacts.extract.officials import find_officials
from wirefacts.extract.people import resolve_in_document


def titled(text: str) -> list[tuple[str, str, str | None]]:
    """The mentions that carry their title, in text order, before any resolution."""
    return [(o.name, o.title, o.country) for o in find_officials(text) if o.title_start >= 0]


def officials(text: str) -> set[tuple[str, str, str | None]]:
    return {
        (o.name, o.title, o.country) for o in resolve_in_document(find_officials(text)) if o.title_start >= 0
    }


def names(text: str) -> set[str]:
    return {o.name for o in find_officials(text)}


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "Secretary of Defense James Mattis, during a recent trip to Japan, said there was no need for "
            "action.",
            "James Mattis",
            "Secretary of Defense",
        ),
        (
            "The plan needs investment, Minister of State for Finance Damas Mbogoro said.",
            "Damas Mbogoro",
            "Minister of State for Finance",
        ),
        (
            "But last week, Argentine Economy Minister, Roberto Lavagna, told the French media in Paris.",
            "Roberto Lavagna",
            "Economy Minister",
        ),
        ("The Taoiseach Enda Kenny said the letter reflected his talks.", "Enda Kenny", "Taoiseach"),
        (
            "The latest to pitch in has been President George W Bush himself, who told the summit.",
            "George W Bush",
            "President",
        ),
        (
            "U.S. President Donald Trump will meet with his Chinese counterpart Xi Jinping on April 6.",
            "Xi Jinping",
            "Counterpart",
        ),
    ],
)
def test_office_shapes(sentence, name, title):
    assert any(n == name and t == title for n, t, _ in officials(sentence))


def test_a_hyphen_before_a_lower_case_word_is_not_part_of_the_name():
    text = "British Chancellor of the Exchequer Philip Hammond-said he envisaged a positive outcome."
    assert names(text) == {"Philip Hammond"}


def test_coordinated_titles_share_their_country():
    text = (
        "The letter was sent to U.S. Secretary of State George Shultz, Treasury Secretary James Baker, "
        "Commerce Secretary Malcolm Baldrige and U.S. Trade Representative Clayton Yeutter."
    )
    countries = {name: country for name, _, country in officials(text)}
    assert countries["Malcolm Baldrige"] == "USA"


def test_a_bare_first_word_is_the_person_only_when_family_names_come_first():
    text = (
        "Chinese Foreign Minister Wang Yi met Japanese Prime Minister Shinzo Abe. Wang said the talks went "
        "well. Shinzo is a common given name."
    )
    mentions = find_officials(text)
    bare = {text[m.start : m.end]: m.name for m in mentions if m.title_start < 0}
    assert bare.get("Wang") == "Wang Yi"
    assert "Shinzo" not in bare


def test_company_treasurers_are_not_officials():
    assert not officials("General Motors Treasurer Robert Smith said the notes would be priced on Tuesday.")


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("U.S. TREASURY'S BAKER SAYS PARIS PACT ONLY A START TO GREATER COOPERATION", ("Baker", "USA")),
        ("FED CHAIRMAN VOLCKER SEES NO CLEARCUT EVIDENCE OF A TRADE TURNAROUND", ("Volcker", "USA")),
        ("PRESIDENT REAGAN SAYS U.S. TO SUBMIT DRAFT TREATY ON INTERMEDIATE MISSILES", ("Reagan", None)),
    ],
)
def test_officials_of_all_capital_headlines(headline, expected):
    assert {(o.name, o.country) for o in find_officials(headline)} == {expected}


def test_company_officers_in_all_capital_headlines_are_not_officials():
    assert find_officials("GENERAL MOTORS CHAIRMAN SMITH SAYS SALES WILL RISE") == []
    assert find_officials("CHRYSLER'S IACOCCA SAYS CAR IMPORTS MUST BE CURBED") == []


def test_a_company_of_phrase_ending_in_a_capitalised_word_is_read_without_failing():
    # newsarticles-dev na-0597: the of-phrase's last word ("HMD") cannot start a name.
    text = "Florian Seiche, president of Finland-based HMD Global, the parent company, said on Sunday."
    assert "Global" not in names(text)


def test_a_portfolio_of_two_departments_joined_by_and():
    text = "Sanctions hit the European economy instead, Hungary's Minister of Foreign Affairs and Trade Peter Szijjarto said on Monday."
    assert officials(text) == {("Peter Szijjarto", "Minister of Foreign Affairs and Trade", "HUN")}
    # "and" followed by another office starts a second official, it does not extend the first title.
    assert names("Minister of Trade Piyush Goyal and Commerce Secretary Wilbur Ross met.") == {
        "Piyush Goyal",
        "Wilbur Ross",
    }


def test_homeland_security_is_a_portfolio():
    text = 'US Homeland Security Secretary John Kelly has promised "no mass deportations".'
    assert officials(text) == {("John Kelly", "Homeland Security Secretary", "USA")}


def test_a_body_named_with_a_demonym_makes_its_president_public():
    text = "Mrs May's letter to European Council President Donald Tusk contains a negotiating principle."
    assert names(text) == {"Donald Tusk"}


def test_an_initial_does_not_start_inside_an_abbreviation():
    text = (
        "He also called for reform of the IMF.\n\nPalaniappan Chidambaram, India's finance minister, argued."
    )
    assert names(text) == {"Palaniappan Chidambaram"}


def test_a_titled_name_may_end_the_sentence_when_the_title_names_a_country():
    text = "Rex Tillerson was also in Mexico City where he met with his Mexican counterpart, Luis Videgaray. Mr Tillerson said."
    assert "Luis Videgaray" in names(text)
    company = (
        "SMC management was controlled by the family of its president, Andres Soriano. Sy was appointed."
    )
    assert "Andres Soriano" not in names(company)


def test_chief_strategist_of_a_public_body_and_peace_negotiators():
    assert officials(
        "White House chief strategist Steve Bannon, in a rare public appearance, outlined the agenda."
    ) == {("Steve Bannon", "White House chief strategist", "USA")}
    assert names("Goldman Sachs chief strategist Abby Cohen said stocks would rise.") == set()
    assert officials("Norway's peace negotiator Erik Solheim is due to arrive on Wednesday.") == {
        ("Erik Solheim", "Peace negotiator", "NOR")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Japanese Finance Minister Kiichi Miyazawa said the yen's rise was too rapid.",
            ("Kiichi Miyazawa", "Finance Minister", "JPN"),
        ),
        (
            "U.S. Treasury Secretary James Baker said the dollar had fallen enough.",
            ("James Baker", "Treasury Secretary", "USA"),
        ),
        (
            "Bundesbank President Karl Otto Poehl told reporters rates would stay unchanged.",
            ("Karl Otto Poehl", "Bundesbank President", "DEU"),
        ),
        (
            "Saudi Arabian Oil Minister Hisham Nazer said OPEC would defend its prices.",
            ("Hisham Nazer", "Oil Minister", "SAU"),
        ),
        (
            "“Some Indian companies have received licences,” MEA spokesperson Randhir Jaiswal said.",
            ("Randhir Jaiswal", "MEA spokesperson", "IND"),
        ),
    ],
)
def test_title_then_name(sentence, expected):
    assert expected in officials(sentence)


def test_name_then_title_apposition():
    found = officials("Clayton Yeutter, the U.S. Trade Representative, said Japan must open its markets.")
    assert ("Clayton Yeutter", "Trade Representative", "USA") in found


def test_company_officers_and_unnamed_officials_are_not_officials():
    text = (
        "Texaco President James Kinnear said the company would appeal. A Fed spokesman declined to comment. "
        "BankAmerica spokesman Peter Magnani said the offer was delayed."
    )
    assert officials(text) == set()


def test_later_surname_resolves_to_the_full_name():
    text = "Chinese Foreign Minister Wang Yi arrived on Monday. Wang said ties had improved."
    mentions = resolve_in_document(find_officials(text))
    assert {m.name for m in mentions} == {"Wang Yi"}
    assert len(mentions) == 2


def test_a_countrys_public_agency_before_the_title_makes_it_public():
    text = (
        "MANILA, March 30 - Newly-installed Philippine Coconut Authority Chairman Jose Romero has announced "
        "the appointment of lawyer Leandro Garcia as administrator."
    )
    assert officials(text) == {("Jose Romero", "Coconut Authority Chairman", "PHL")}
    # An industry group's head is no official.
    assert (
        officials("American Petroleum Institute President Charles DiBona said no options should be rejected.")
        == set()
    )


def test_the_initials_of_the_body_may_stand_between_title_and_name():
    text = (
        "President of the Brazilian Coffee Institute, IBC, Jorio Dauster\nsaid he would talk to producers, "
        "exporters and the government."
    )
    assert ("Jorio Dauster", "BRA") in {(name, country) for name, _, country in officials(text)}


def test_a_public_body_in_lower_case_before_the_title():
    text = 'On Monday, commission spokesman Margaritis Schinas said "the Barroso doctrine" still applied.'
    assert {name for name, _, _ in officials(text)} == {"Margaritis Schinas"}


def test_a_portfolio_after_a_title_is_no_name():
    text = (
        "Officials from four Government departments - Department of the Taoiseach, Foreign Affairs, "
        'Agriculture and the Revenue Commissioners "held long discussions with members of the Commission '
        "Task Force."
    )
    assert names(text) == set()


def test_a_month_after_a_first_name_is_a_surname_but_a_date_is_not():
    text = (
        "The Taoiseach has said the discussions he has had with British Prime Minister Theresa May "
        "about Irish priorities are reflected fully in her letter. May said in May that the talks "
        "would resume on May 5."
    )
    found = [(o.name, text[o.start : o.end], o.start) for o in find_officials(text)]
    assert found == [("Theresa May", "Theresa May", 78), ("Theresa May", "May", 148)]
    dated = "Treasury Secretary James Baker May 5 said the dollar had fallen far enough."
    assert [o.name for o in find_officials(dated)] == ["James Baker"]


def test_offices_of_one_country_give_it_and_a_confederation_is_no_name():
    text = (
        "Federal Councillor Doris Leuthard took over from Johann N. Schneider-Ammann as president of "
        "the Swiss Confederation. Taoiseach Enda Kenny will travel to Washington."
    )
    found = [(name, country) for name, _, country in titled(text)]
    assert found == [("Doris Leuthard", "CHE"), ("Enda Kenny", "IRL")]


def test_an_undersecretary_and_a_country_written_after_the_name():
    text = (
        "U.S. Undersecretary of State for Economic Affairs Allen Wallis told reporters last week the "
        "talks went well. Last week, the forces of President Hissene Habre of Chad advanced."
    )
    found = titled(text)
    assert found == [
        ("Allen Wallis", "Undersecretary of State for Economic Affairs", "USA"),
        ("Hissene Habre", "President", "TCD"),
    ]


def test_longer_titles_and_lower_case_portfolios():
    text = (
        "Talks were held here between Guinean natural resources minister Ousmane Sylla and Nigerian "
        "minister of mines and power Bunu Sheriff Musa. Nakasone will visit Washington, Chief "
        "Cabinet Secretary Masaharu Gotoda told reporters."
    )
    found = titled(text)
    assert found == [
        ("Ousmane Sylla", "Natural resources minister", "GIN"),
        ("Bunu Sheriff Musa", "Minister of mines and power", "NGA"),
        ("Masaharu Gotoda", "Chief Cabinet Secretary", None),
    ]


def test_a_country_of_several_words_before_a_title_is_no_company():
    text = "Most recently South Africa's President Jacob Zuma said BRICS would grow. Texaco President James Kinnear said."
    assert [(name, country) for name, _, country in titled(text)] == [("Jacob Zuma", "ZAF")]
