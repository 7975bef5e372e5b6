"""Meetings as events: bodies take part, briefings do not count, status from the clause."""

from datetime import date

from wirefacts.extract.gazetteers import dateline_place
from wirefacts.extract.meetings import _bodies, find_meetings
from wirefacts.extract.officials import find_officials
from wirefacts.extract.people import resolve_in_document
from wirefacts.text.sentences import sentence_spans


def meetings(text: str):  # noqa: ANN201
    people = resolve_in_document(find_officials(text))
    return find_meetings(text, sentence_spans(text), people, None)


def test_a_body_takes_part_in_its_session():
    found = meetings("OPEC oil ministers will meet in Vienna on June 25 to review the output agreement.")
    assert [([p.name for p in m.participants], m.status, m.location_country) for m in found] == [
        (["OPEC oil ministers"], "scheduled", "AUT")
    ]


def test_group_meetings_name_the_group():
    found = meetings(
        "Brokers said a meeting of the Group of Five industrial nations expected in Washington tomorrow "
        "is likely to lead to further undertakings."
    )
    assert [(m.participants[0].name, m.status) for m in found] == [("Group of Five", "scheduled")]


def test_press_conferences_and_meeting_targets_are_not_meetings():
    text = (
        "Finance Minister Barend du Plessis told a news conference that the banks had agreed. "
        "Trade Minister Hajime Tamura said Japan was meeting its commitments under the pact."
    )
    assert meetings(text) == []


def test_a_would_inside_a_quotation_does_not_make_a_held_visit_scheduled():
    text = 'Prime Minister Yasuhiro Nakasone visited Washington last week. "It would help," he said of the visit.'
    assert {m.status for m in meetings(text)} == {"held"}


def test_a_held_meeting_without_a_place_took_place_at_the_dateline():
    text = "TOKYO, March 27 - Trade Minister Hajime Tamura met U.S. Trade Representative Clayton Yeutter."
    assert dateline_place(text) == ("Tokyo", "JPN")
    (meeting,) = meetings(text)
    assert (meeting.location, meeting.location_country) == ("Tokyo", "JPN")


def test_in_at_the_start_of_a_sentence_gives_the_place():
    (meeting,) = meetings("In Geneva, Foreign Minister Sergei Lavrov held talks with U.S. envoy Kurt Volker.")
    assert meeting.location_country == "CHE"


def test_a_city_of_a_country_is_found_after_its_demonym():
    (meeting,) = meetings(
        "President Xi Jinping will host the summit in the Chinese city of Xiamen next month."
    )
    assert meeting.status == "scheduled" and meeting.location_country == "CHN"


def test_a_spokesperson_reporting_on_talks_is_not_a_participant():
    text = (
        "Chinese Foreign Minister Wang Yi will visit Moscow next week for talks with Foreign Minister "
        "Sergei Lavrov, foreign ministry spokesman Lu Kang said."
    )
    people = {p.name for m in meetings(text) for p in m.participants}
    assert "Lu Kang" not in people and "Wang Yi" in people


def test_a_family_possessive_is_not_a_participant():
    text = "Then on February 1, President Donald Trump's daughter Ivanka paid a surprise visit to China's embassy."
    assert all("Donald Trump" not in {p.name for p in m.participants} for m in meetings(text))


def test_a_headline_infinitive_announces_a_scheduled_meeting():
    (meeting,) = meetings(
        "China's President Xi Jinping to meet President Donald Trump in Mar-a-Lago on April 6-7"
    )
    assert meeting.status == "scheduled"


def test_the_speaker_who_met_after_a_news_conference_takes_part():
    text = (
        "US Homeland Security Secretary John Kelly promised no mass deportations. "
        '"There will be no mass deportations", Mr Kelly told a news conference in Mexico City after meeting '
        "with Mexican ministers."
    )
    assert [[p.name for p in m.participants] for m in meetings(text)] == [["John Kelly"]]


def test_a_closing_speaker_and_a_relative_clause_name_no_participant():
    speaker = (
        "President Xi Jinping will deliver a keynote speech when attending the meeting, "
        "Vice-Foreign Minister Li Baodong told a news briefing in Beijing."
    )
    assert [[p.name for p in m.participants] for m in meetings(speaker)] == [["Xi Jinping"]]
    relative = (
        "US Secretary of State Rex Tillerson held meetings to calm tensions with Mexico, which has been "
        "targeted by US President Donald Trump with a hard line on trade."
    )
    assert [[p.name for p in m.participants] for m in meetings(relative)] == [["Rex Tillerson"]]


def test_a_possessive_reaches_a_meeting_word_three_words_on():
    text = "The U.S. expects harmonious talks during French Prime Minister Jacques Chirac's first official visit this week."
    assert [([p.name for p in m.participants], m.status) for m in meetings(text)] == [
        (["Jacques Chirac"], "scheduled")
    ]


def test_meeting_the_ones_already_set_is_no_meeting():
    text = (
        "Chancellor Gordon Brown has failed to meet the ones he already has, Tory spokesman Alan Duncan said."
    )
    assert meetings(text) == []


def test_a_demonym_and_an_office_name_the_one_official_who_holds_it():
    text = (
        "Iranian President Hassan Rouhani arrived in Moscow on Monday. "
        "Russian Prime Minister Dmitry Medvedev hopes for new ties. "
        '"Our countries have cordial relations," Medvedev said at a meeting with the Iranian president.'
    )
    participants = [[p.name for p in m.participants] for m in meetings(text)]
    assert ["Dmitry Medvedev", "Hassan Rouhani"] in participants


def test_two_countries_in_talks_without_a_named_official_are_the_parties():
    text = (
        "The United States and Canada - the world's two biggest trading partners with cross border shipments "
        "of about 150 billion dlrs a year - opened free trade talks last June."
    )
    assert [[p.name for p in m.participants] for m in meetings(text)] == [["United States", "Canada"]]
    (slash,) = meetings("She said Canada/U.S. bilateral trade negotiations are progressing well.")
    assert [p.name for p in slash.participants] == ["Canada", "United States"]


def test_a_dateline_city_with_lower_case_words_in_its_name_is_found():
    # Reuters-21578 train reut-00047 and reut-00428: datelines in capitals.
    from wirefacts.extract.gazetteers import dateline_place

    assert dateline_place("RIO DE JANEIRO, Feb 26 - Brazil's anti-inflation plan") == (
        "Rio de Janeiro",
        "BRA",
    )
    assert dateline_place("TOKYO, March 27 - Japan's trade surplus") == ("Tokyo", "JPN")


def test_meeting_status_from_tense_and_modality():
    text = (
        "Chinese Foreign Minister Wang Yi met Indian Prime Minister Narendra Modi in New Delhi. U.S. "
        "Treasury Secretary James Baker will meet Japanese Finance Minister Kiichi Miyazawa in Washington "
        "next week. West German Chancellor Helmut Kohl cancelled his visit to France."
    )
    mentions = resolve_in_document(find_officials(text))
    meetings = find_meetings(text, sentence_spans(text), mentions, date(1987, 3, 2))
    by_people = {frozenset(p.name for p in m.participants): m for m in meetings}
    held = by_people[frozenset({"Wang Yi", "Narendra Modi"})]
    assert (held.status, held.location, held.location_country) == ("held", "New Delhi", "IND")
    scheduled = by_people[frozenset({"James Baker", "Kiichi Miyazawa"})]
    assert scheduled.status == "scheduled" and scheduled.location_country == "USA"
    assert by_people[frozenset({"Helmut Kohl"})].status == "cancelled"


def test_relative_dates_need_a_publication_date():
    text = "Indian Prime Minister Narendra Modi will meet Chinese President Xi Jinping on Tuesday."
    mentions = resolve_in_document(find_officials(text))
    (with_date,) = find_meetings(text, sentence_spans(text), mentions, date(2025, 8, 18))  # a Monday
    assert with_date.date_text == "on Tuesday" and with_date.date_start == date(2025, 8, 19)
    (without,) = find_meetings(text, sentence_spans(text), mentions, None)
    assert without.date_text == "on Tuesday" and without.date_start is None


def test_a_seat_of_government_is_the_place_of_a_meeting():
    text = (
        "Japanese Prime Minister Shinzo Abe is set to meet with President Donald Trump Friday, becoming the "
        "second world leader to meet with Trump at the White House since his inauguration."
    )
    found = [(m.location, m.location_country, m.status) for m in meetings(text)]
    assert ("White House", "USA", "scheduled") in found


def test_a_speaker_who_says_something_during_a_visit_took_part_in_it():
    text = (
        "US Secretary of Defense James Mattis said last week during a visit to Japan that the US stood "
        '"100 percent shoulder to shoulder" with Japan.'
    )
    assert [([p.name for p in m.participants], m.status) for m in meetings(text)] == [
        (["James Mattis"], "held")
    ]


def test_a_speech_to_a_conference_is_no_meeting_and_a_spelled_out_body_is_one():
    quote = (
        'Speaking to a business conference he said "It is not Brazil that has to make adjustments with the '
        'IMF (International Monetary Fund)."'
    )
    assert meetings(quote) == []
    assert [b.name for b in _bodies(quote, 0, [])] == ["IMF"]


def test_countries_listed_as_topics_of_talks_are_not_their_parties():
    text = (
        "Strategic concerns, both in northeast Asia and elsewhere, including Syria and Ukraine, were among a "
        "wide range of regional and global issues addressed in the one-day talks among foreign and defense "
        "ministers from Japan and Russia."
    )
    assert all("Syria" not in [p.name for p in m.participants] for m in meetings(text))


def test_meeting_regulations_is_no_meeting():
    text = (
        "Thousands of manufacturing companies face long lead times to address their network, scale and "
        "compliance challenges in order to meet the EU FMD regulations by 2019."
    )
    assert meetings(text) == []


def test_meeting_a_target_several_words_on_is_no_meeting_but_meeting_a_minister_is():
    target = (
        "U.S. Agriculture Secretary Richard Lyng today publicly expressed doubts that the federal government "
        "would meet the fiscal year 1988 deficit reduction target set by the Gramm-Rudman law."
    )
    assert meetings(target) == []
    person = "U.S. Treasury Secretary James Baker will meet the Japanese finance minister to discuss costs."
    assert [[p.name for p in m.participants] for m in meetings(person)] == [["James Baker"]]


def test_groundwork_for_talks_means_they_are_still_to_come():
    text = (
        "A three-man Japanese trade team is already in Washington laying the groundwork for talks between "
        "MITI Vice Minister Makoto Kuroda and Deputy U.S. Trade Representative Michael Smith."
    )
    assert [m.status for m in meetings(text)] == ["scheduled"]


def test_the_place_a_visit_leads_to_comes_before_a_place_that_frames_it():
    (meeting,) = meetings(
        "Before arriving in the U.S., President Xi Jinping will pay a state visit to Finland on April 4."
    )
    assert (meeting.location, meeting.location_country, meeting.status) == ("Finland", "FIN", "scheduled")


def test_a_place_from_the_dateline_gives_way_to_a_named_place_of_the_same_talks():
    text = (
        "RIO DE JANEIRO, March 12 - Brazilian Coffee Institute president Jorio Dauster assessed the "
        "failure of talks in London to set International Coffee Organization, ICO, export quotas. "
        "Prices have recovered from the lows that followed the collapse of the ICO talks."
    )
    found = [(sorted(p.name for p in m.participants), m.location_country) for m in meetings(text)]
    assert found == [(["ICO", "International Coffee Organization"], "GBR")]


def test_talks_here_are_at_the_dateline_even_when_still_to_come():
    text = (
        "TAUPO, New Zealand, March 22 - Trade Minister Mike Moore said the ministers would hold "
        "two days of talks here on the next round."
    )
    (meeting,) = meetings(text)
    assert (meeting.status, meeting.location, meeting.location_country) == ("scheduled", "Taupo", "NZL")


def test_the_place_of_a_closing_attribution_is_where_it_was_said():
    text = (
        "President Xi Jinping will deliver a keynote speech when attending the meeting, "
        "Vice-Foreign Minister Li Baodong told a news briefing in Beijing."
    )
    assert [(m.location, m.location_country) for m in meetings(text)] == [(None, None)]
    told = "President George W Bush told the Apec summit in Chile that he remained committed to the cut."
    assert [m.location_country for m in meetings(told)] == ["CHL"]


def test_a_second_verb_of_another_tense_is_another_event():
    text = (
        "CARACAS, March 11 - Deputy Energy Minister Fernando Santos Alvite last night met Venezuelan "
        "Energy Minister Arturo Hernandez Grisanti and will today hold talks at technical level, officials said."
    )
    # The talks still to come name only him, so they join the meeting of last night.
    found = [([p.name for p in m.participants], m.status, m.location_country) for m in meetings(text)]
    assert found == [(["Fernando Santos Alvite", "Arturo Hernandez Grisanti"], "held", "VEN")]


def test_a_relative_clause_meets_through_the_official_before_it():
    text = (
        "On Sunday, Secretary of State Rex Tillerson will meet with Chinese President Xi Jinping, "
        "who's expected to meet with President Donald Trump next month."
    )
    found = [[p.name for p in m.participants] for m in meetings(text)]
    assert found == [["Rex Tillerson", "Xi Jinping"], ["Xi Jinping", "Donald Trump"]]


def test_the_group_of_six_is_a_body():
    (meeting,) = meetings("Last month's G-6 meeting in Paris agreed to stabilise the dollar above 150 yen.")
    assert ([p.name for p in meeting.participants], meeting.location_country) == (["G-6"], "FRA")


def test_a_meeting_still_awaited_is_to_come():
    text = "Dealers said they were awaiting comments after the G-5 meeting from U.S. Treasury Secretary James Baker."
    assert [m.status for m in meetings(text)] == ["scheduled"]


def test_a_meeting_word_inside_a_quotation_takes_the_quotation_tense():
    text = (
        "\"I am confident that President Xi's state visit will be giving a strong boost to our "
        'relationship," Foreign Minister Didier Burkhalter tells China Daily.'
    )
    assert [m.status for m in meetings(text)] == ["scheduled"]


def test_a_speaker_expecting_negotiations_does_not_take_part():
    text = (
        "Economy Minister Ildefonso Guajardo said he expected NAFTA negotiations with the US and "
        "Canada to conclude by the end of 2017."
    )
    assert all("Ildefonso Guajardo" not in [p.name for p in m.participants] for m in meetings(text))


def test_paying_a_call_on_officials_is_a_visit():
    text = (
        "Finance Minister Dilson Funaro paid a call in Washington to IMF Managing Director Michel "
        "Camdessus and to World Bank President Barber Conable."
    )
    (meeting,) = meetings(text)
    assert [p.name for p in meeting.participants] == ["Dilson Funaro", "Michel Camdessus", "Barber Conable"]
    assert (meeting.kind, meeting.location_country) == ("visit", "USA")


def test_a_primary_round_an_address_to_congress_and_town_halls_are_not_meetings():
    text = (
        "In a surprise result, he was eliminated in November in the first round of a primary contest, "
        "trailing former Prime Minister Alain Juppe. President Donald Trump's first address to a joint "
        "session of Congress received mixed reactions. President Donald Trump accused former President "
        "Barack Obama of being behind the protests at town hall meetings across the country."
    )
    assert meetings(text) == []


def test_a_name_in_another_clause_after_the_meeting_word_takes_no_part():
    text = (
        "The Russian banker who met with Jared Kushner in December has ties to the Russian government "
        "and was appointed to his job by Russian President Vladimir Putin. Kushner said he would "
        "appear before the committee, after it was revealed he met the head of a Russian development "
        "bank closely linked to President Vladimir Putin."
    )
    assert all("Vladimir Putin" not in [p.name for p in m.participants] for m in meetings(text))
    hosted = "The talks were attended by Foreign Minister Sergei Lavrov."
    assert [[p.name for p in m.participants] for m in meetings(hosted)] == [["Sergei Lavrov"]]


def test_a_body_told_or_a_conference_spoken_at_is_no_meeting():
    text = (
        "WASHINGTON, March 9 - Financier Carl Lindner told the Securities and Exchange Commission he "
        "has discussed with management a possible purchase. Oil Minister Subroto told reporters at an "
        "energy conference in Jakarta that OPEC had decided to maintain its price level of 18 dlrs."
    )
    assert meetings(text) == []


def test_the_place_of_a_relative_clause_is_not_the_meeting_place():
    text = (
        "WASHINGTON, March 12 - President Reagan today had talks with Kenyan President Daniel Arap Moi, "
        "who afterwards appealed for more U.S. investment in Kenya."
    )
    assert [m.location_country for m in meetings(text)] == ["USA"]


def test_a_clause_before_the_last_meeting_word_does_not_part_its_participants():
    text = (
        "The decision to revive various dialogue mechanisms was reached during a meeting between Prime "
        "Minister Narendra Modi and Chinese President Xi Jinping in the Russian city of Kazan."
    )
    (meeting,) = meetings(text)
    assert [p.name for p in meeting.participants] == ["Narendra Modi", "Xi Jinping"]


def test_an_agenda_for_discussions_is_no_meeting():
    # Reuters-21578 reut-00742: growers write to two officials about talks yet to be planned.
    text = (
        "The recent Australian proposals were a good starting point for discussions, U.S. Agriculture "
        "Secretary Richard Lyng said. The growers said they did not want the Australians to feel they are "
        "alone in developing an agenda for discussions on world grain trade."
    )
    assert meetings(text) == []


def test_a_name_that_qualifies_a_plan_takes_no_part():
    # Reuters-21578 reut-05759: the Baker Plan is discussed at a conference Baker did not attend.
    text = (
        "Treasury Secretary James Baker spoke in Washington on Monday. But there was a widespread "
        "recognition at the conference that the Baker Plan has fallen well short of expectations."
    )
    assert all("James Baker" not in [p.name for p in m.participants] for m in meetings(text))


def test_regional_development_banks_are_bodies_that_meet():
    # Reuters-21578 reut-08310.
    found = meetings(
        "Treasury Secretary James Baker attended the annual meeting of the IADB in Miami, where the reform "
        "issue was put off until June."
    )
    assert [sorted(p.name for p in m.participants) for m in found] == [["IADB", "James Baker"]]


def test_two_meetings_joined_by_and_are_two_events():
    # Reuters-21578 reut-08102.
    found = meetings(
        "Moore said the Taupo talks began a series of meetings, which includes the OECD ministerial meeting "
        "in May and the G-7 meeting in Venice in June, enabling ministers to maintain contact."
    )
    bodies = [[p.name for p in m.participants if p.name in ("OECD", "G-7")] for m in found]
    assert ["OECD"] in bodies and ["G-7"] in bodies


def test_talks_opened_today_are_under_way_whatever_they_are_expected_to_cover():
    # Reuters-21578 reut-11487.
    (found,) = meetings(
        "WASHINGTON, March 31 - French Prime Minister Jacques Chirac opened talks with President Ronald "
        "Reagan expected to focus on superpower arms control moves and trade issues."
    )
    assert ({p.name for p in found.participants}, found.status) == (
        {"Jacques Chirac", "Ronald Reagan"},
        "ongoing",
    )
