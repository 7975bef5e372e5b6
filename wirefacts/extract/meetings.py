"""Meetings: talks, visits, summits, calls, with participants, status, place and date.

A sentence is cut into segments where a new clause brings its own meeting word ("..., days
ahead of Modi's trip to China for the SCO summit"). Each segment with a meeting word and at
least one official is a meeting; a segment without an official takes the sentence's subject
("... and is also scheduled to meet Modi"). Status comes from tense and modality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from wirefacts.extract.gazetteers import (
    INTERNATIONAL_BODIES,
    MEETING_VENUES,
    country_name,
    dateline_place,
    find_places,
)
from wirefacts.extract.officials import OfficialMention
from wirefacts.text.dates import MONTHS, find_dates

TRIGGER = re.compile(
    r"\b(?:meet(?:s|ing|ings)?|met|talks|negotiations?|visit(?:s|ed|ing)?|trip|travel(?:s|led|ling)?|summit|"
    r"conference|(?:phone|telephone) (?:call|conversation)|telephoned|phoned|discussions?|discussed|session|"
    r"hosted|hosts?|consultations?|dialogue|held talks|confer(?:red)?|pa(?:id|ys?) (?:a )?(?:courtesy )?call)\b",
    re.I,
)
# Uses of meeting words that report no meeting: briefings, and meeting a target rather than a person.
NOT_A_MEETING = re.compile(
    r"\b(?:news|press|telephone|conference) (?:conference|briefing|call)s?\b"
    # A speech to an audience: "Speaking to a business conference he said ...".
    r"|\b(?:speaking|spoke|speaks|told|tells|addressing|addressed|addresses)\s+(?:to\s+)?"
    r"(?:(?:reporters|journalists|delegates)\s+(?:at|on the sidelines of)\s+)?(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}(?:conference|seminar|symposium|forum)\b"
    r"|\bmeet(?:s|ing)?\s+(?:the\s+|its\s+|our\s+|their\s+|his\s+|her\s+|this\s+|these\s+|all\s+)?"
    # up to five words before the noun ("the fiscal year 1988 deficit reduction target", "the strikers'
    # demands"), none that starts a phrase of its own ("meet the minister to discuss costs" is a meeting)
    r"(?:(?!(?:to|with|and|on|in|at|for|about|over|who|which)\b)[\w'’-]+\s+){0,5}"
    r"(?:demands?|needs?|targets?|requirements?|commitments?|obligations?|criteria|deadlines?|costs?|"
    r"expectations?|standards?|goals?|(?:re)?payments?|conditions?|shortfalls?|quotas?|debts?|bills?|liabilit\w+|"
    r"maturities|interest|challenges?|ones|regulations?|rules)\b"
    r"|\bmeeting rules\b"
    # Public occasions, not meetings: "an address to a joint session of Congress", "town hall meetings".
    r"|\b(?:address|speech|remarks)\s+to\s+(?:a|the)\s+(?:joint\s+)?session\b|\btown[- ]hall meetings?\b"
    # What talks would be about, not talks: "an agenda for discussions", "a basis for negotiations".
    r"|\b(?:agenda|starting point|basis|framework|subjects?|topics?|issues?)\s+for\s+(?:further\s+|future\s+)?"
    r"(?:discussions?|talks|negotiations?)\b",
    re.I,
)
# Named bodies that meet: intergovernmental groups (the shared list of international bodies),
# ministers of a group, councils, committees, cabinets.
_GROUP_MINISTERS = (
    r"(?:EU|Eurozone|eurozone|euro zone|European|G-?7|G-?20|OPEC|Opec|Arab|Commonwealth|Nordic|African)\s+"
    r"(?:finance\s+|trade\s+|foreign\s+|oil\s+|energy\s+|agriculture\s+|farm\s+|economy\s+)?ministers"
)
_NAMED_BODIES = "|".join(
    re.escape(b) for b in sorted({*INTERNATIONAL_BODIES, "Opec", "Nato", "Asean", "Apec", "APEC", "Eurogroup"},
                                 key=len, reverse=True)
)  # fmt: skip
BODY = re.compile(
    rf"(?<![\w.-])(?:{_GROUP_MINISTERS}|G-?(?:5|6|7|8|10|20|24|77)|Group of (?:Five|Seven|Eight|Ten|20|Twenty|24|77)|"
    rf"(?:[A-Z][\w'-]+\s+(?:and\s+|of\s+|for\s+)?){{1,4}}(?:Council|Committee|Commission|Club|Cabinet|Executive|Assembly|Forum)"
    rf"|{_NAMED_BODIES})(?![\w-])"
)
# Bodies join only meetings that their sessions are: a session, a meeting, a summit, talks.
BODY_TRIGGER = re.compile(
    r"\b(?:meet(?:s|ing|ings)?|met|talks|negotiations?|summit|conference|session)\b", re.I
)
CANCELLED = re.compile(r"\b(?:cancel\w*|postpone\w*|called off|call off|scrapped|put off|suspended)\b", re.I)
SCHEDULED = re.compile(
    r"\b(?:will|would|shall|is to|are to|is due|are due|is scheduled|are scheduled|scheduled to|plans? to|planned|"
    r"is expected|are expected|expected to|prepares? to|preparing to|is set to|are set to|upcoming|next week|next month|"
    r"ahead of|later this|to attend|intends? to|is going to|prepares? for|preparing for|tomorrow|expected (?:in|on|at|later)|"
    r"coming|forthcoming|next|expects?|groundwork for|preparations? for|in preparation for|"
    # A headline's bare infinitive announces: "China's Xi to meet Trump in Mar-a-Lago".
    r"(?<!failed )(?<!refused )(?<!declined )to (?:meet|visit|hold talks|attend))\b",
    re.I,
)
ONGOING = re.compile(
    r"\b(?:is in|are in|is visiting|are visiting|are holding|is holding|are meeting|is meeting|currently|"
    r"is beginning|are beginning|began|begins|opened|opens|is opening|are opening|arrived|arrives|"
    r"is on an? \w*\s*visit|are on an? \w*\s*visit|under way|underway)\b",
    re.I,
)
# What talks are expected to be about says nothing of when they are: "opened talks with Reagan
# expected to focus on arms control".
AGENDA = re.compile(
    r"\b(?:is\s+|are\s+)?expected\s+to\s+(?:focus|cent(?:er|re)|concentrate|cover|deal|address|include|touch|dominate)\b",
    re.I,
)
LEAVING = re.compile(r"\b(?:leaves|is leaving|heads|is heading|departs|sets off|will head)\b", re.I)
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
KINDS = [
    ("summit", "summit"),
    ("conference|session", "conference"),
    (r"pa(?:id|ys?) (?:a )?(?:courtesy )?call", "visit"),  # a call paid on someone is a visit
    ("call", "call"),
    ("talks|negotiation|discussion|dialogue|consultation", "talks"),
    ("visit|trip|travel", "visit"),
]
WHAT = re.compile(
    r"(?:(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:round\s+of\s+)?)(?:[A-Z][\w()-]*\s+|\([A-Z]+\)\s+|border\s+|trade\s+|bilateral\s+|high-level\s+){0,7}"
    r"(?:summit|talks|negotiations|meeting|conference|visit|discussions|session|dialogue)",
)
SOLO_KINDS = {"summit", "visit"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE_DATE = re.compile(
    r"\b(?:on\s+)?(?:(?:next|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:(?:at\s+)?the\s+)?(?:end|start|beginning|middle) of (?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:in\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?:last|next|this) year|\s+(?:19|20)\d\d)?\b"
    r"|\b(?:next|last|this) (?:week|month|year)\b|\btoday\b|\btomorrow\b|\byesterday\b",
)


@dataclass
class Meeting:
    kind: str
    status: str
    what: str | None
    participants: list[OfficialMention]
    location: str | None
    location_country: str | None
    date_text: str | None
    date_start: date | None
    start: int
    end: int
    evidence: str
    triggers: list[str] = field(default_factory=list)
    place_from_dateline: bool = False  # only where the report was filed, so weaker than a named place


def find_meetings(
    text: str,
    sentence_spans: list[tuple[int, int]],
    officials: list[OfficialMention],
    published_on: date | None,
) -> list[Meeting]:
    meetings: list[Meeting] = []
    dateline = dateline_place(text)
    officials = sorted(officials + _described(text, officials), key=lambda o: o.start)
    for s_start, s_end in sentence_spans:
        # Blanked to the same length, so offsets into the sentence stay true.
        sentence = NOT_A_MEETING.sub(lambda m: " " * len(m.group(0)), text[s_start:s_end])
        in_sentence = [o for o in officials if s_start <= o.start < s_end]
        bodies = _bodies(sentence, s_start, officials)
        if not (in_sentence or bodies):
            bodies = _country_pair(sentence, s_start)
        if not (in_sentence or bodies) or not TRIGGER.search(sentence):
            continue
        subject = min(in_sentence or bodies, key=lambda o: o.start)
        for seg_start, seg_end in _segments(sentence):
            segment = sentence[seg_start:seg_end]
            triggers = [t.group(0).lower() for t in TRIGGER.finditer(segment)]
            if not triggers:
                continue
            people = [o for o in in_sentence if s_start + seg_start <= o.start < s_start + seg_end]
            if BODY_TRIGGER.search(segment):
                people += [b for b in bodies if s_start + seg_start <= b.start < s_start + seg_end]
            people.sort(key=lambda o: o.start)
            first_trigger = s_start + seg_start + TRIGGER.search(segment).start()
            # "..., and is also scheduled to meet Modi" / "his first visit": the sentence's subject acts.
            has_own_subject = any(o.start < first_trigger for o in people)
            # "..., Chinese President Xi Jinping, who's expected to meet with Trump": the relative
            # clause's subject is the official just before it.
            if RELATIVE_CLAUSE.match(segment):
                antecedent = [o for o in in_sentence if o.start < s_start + seg_start]
                if antecedent and not has_own_subject:
                    people, has_own_subject = [antecedent[-1], *people], True
            if (
                re.search(r"\b(?:he|she|his|her)\b", segment, re.I) or not has_own_subject
            ) and subject not in people:
                people = [subject, *people]
            people = _without_reporters(_without_possessors(people, text))
            people = [
                p
                for p in people
                if not _only_reports(text, p, first_trigger)
                and not _outside_meeting_clause(text, p, first_trigger)
            ]
            meeting = _meeting(text, sentence, s_start, seg_start, seg_end, people, triggers, published_on)
            if meeting.location_country is None and dateline and HERE.search(segment):
                meeting.location, meeting.location_country = dateline  # "two days of talks here"
            if meeting.location_country is None and meeting.status in ("held", "ongoing") and dateline:
                meeting.location, meeting.location_country = dateline
                meeting.place_from_dateline = True
            meetings.append(meeting)
    return _merge(meetings)


RELATIVE_CLAUSE = re.compile(r"\W*(?:who|who's|whom)\b", re.I)
# "here" in wire copy is the dateline's city, whatever the meeting's status.
HERE = re.compile(r"\b(?:here|in this city)\b")
DESCRIBED_OFFICE = re.compile(
    r"\b[Tt]he\s+(?P<place>[A-Z][a-z]+)\s+(?P<office>president|prime minister|premier|foreign minister|"
    r"finance minister|chancellor|leader|king|emir)\b"
)


def _described(text: str, officials: list[OfficialMention]) -> list[OfficialMention]:
    """ "Medvedev said at a meeting with the Iranian president": a demonym and an office name the
    one official of the text who holds it, when exactly one does."""
    found = []
    for m in DESCRIBED_OFFICE.finditer(text):
        place = next((p for _, _, p in find_places(m.group("place")) if p.kind == "demonym"), None)
        if place is None:
            continue
        holders = {
            o.name: o
            for o in officials
            if o.country == place.country and o.title and m.group("office") in o.title.lower()
        }
        if len(holders) == 1 and not any(o.start <= m.start() < o.end for o in officials):
            (holder,) = holders.values()
            found.append(OfficialMention(holder.name, holder.title, holder.country, m.start(), m.end(), -1))
    return found


COUNTRY_PAIR_TALKS = re.compile(r"\b(?:talks|negotiations|summit)\b", re.I)


def _country_pair(sentence: str, offset: int) -> list[OfficialMention]:
    """ "The United States and Canada ... opened free trade talks last June": with no official named,
    two countries joined by "and" or "/" ahead of the talks are the parties."""
    talks = COUNTRY_PAIR_TALKS.search(sentence)
    if talks is None:
        return []
    places = [p for p in find_places(sentence[: talks.start()]) if p[2].kind == "country"]
    for (s1, e1, first), (s2, e2, second) in zip(places, places[1:], strict=False):
        if first.country != second.country and re.fullmatch(r"\s*(?:and|/)\s*", sentence[e1:s2]):
            # "issues including Syria and Ukraine were addressed in the talks": topics, not parties.
            if re.search(
                r"\b(?:including|such as|like|on|about|over|in|of)\s+(?:the\s+)?$", sentence[:s1], re.I
            ):
                return []
            return [
                OfficialMention(country_name(p.country), "", p.country, offset + s, offset + e, -1)
                for s, e, p in ((s1, e1, first), (s2, e2, second))
            ]
    return []


ADDRESSED = re.compile(
    r"\b(?:told|tells|telling|informed|notified|(?:filing|filed) with)\s+(?:the\s+)?$", re.I
)


def _bodies(sentence: str, offset: int, officials: list[OfficialMention]) -> list[OfficialMention]:
    """Named bodies of a sentence as participants (no official id: they are not people)."""
    found = []
    for m in BODY.finditer(sentence):
        name = re.sub(r"^(?:The|A|An|In|At|On|But|And)\s+", "", m.group(0))
        start = offset + m.end() - len(name)
        if any(o.start <= start < o.end or start <= o.start < offset + m.end() for o in officials):
            continue  # a part of an official's name or title
        if found and re.fullmatch(r"\s*\(", sentence[found[-1].end - offset : start - offset]):
            continue  # "the IMF (International Monetary Fund)": one body, spelled out
        if ADDRESSED.search(sentence[max(0, m.start() - 16) : m.end() - len(name)]):
            continue  # "told the Securities and Exchange Commission": addressed, not met
        found.append(OfficialMention(name, "", None, start, offset + m.end(), -1))
    return found


# A name that qualifies a plan or a government names no one who meets: "the Baker Plan".
NAME_AS_MODIFIER = re.compile(r"\s+(?:[Pp]lan|[Aa]dministration|[Dd]octrine|[Ii]nitiative|[Rr]ound|[Ee]ra)\b")


def _without_possessors(people: list[OfficialMention], text: str) -> list[OfficialMention]:
    """ "Trump's daughter paid a visit": a name in the possessive names whose visit it is only when
    a meeting word follows ("Merkel's visit"); nor does a name that qualifies a plan (NAME_AS_MODIFIER)."""
    kept = []
    for p in people:
        after = text[p.end : p.end + 40]
        if NAME_AS_MODIFIER.match(after):
            continue
        possessive = re.match(r"['’]s\s+(\w+(?:\s+\w+){0,2})", after)  # "Chirac's first official visit"
        if possessive and not TRIGGER.search(possessive.group(1)):
            continue
        kept.append(p)
    return kept


REPORTING = re.compile(
    r"\b(?:said|says|told|tells|added|warned|stressed|noted|hoped|envisaged|urged|predicted|insisted|argued)\b"
)
ACTS = re.compile(
    r"\b(?:he|she|they|we|i)\s+(?:\w+\s+){0,2}(?:meet|met|meeting|hold|held|holding|visit\w*|travel\w*|attend\w*|"
    r"host\w*|call\w*|discuss\w*|negotiat(?:e|es|ed|ing)|talk(?:ed|ing)?)\b"
    # "X told a news conference after meeting with Mexican ministers": the speaker is the one who met.
    r"|\b(?:after|before|while|following)\s+(?:meeting|visiting|holding|hosting|attending|talking)\b"
    # "Medvedev said at a meeting with ...", "Mattis said last week during a visit to Japan", "Funaro
    # said that during his recent trip": said there, so present.
    r"|^\s*(?:that\s+)?(?:(?:last|this|on)\s+\w+\s+)?(?:at|during)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?"
    r"(?:meeting|talks|summit|session|visit|trip|tour)\b",
    re.I,
)


def _only_reports(text: str, person: OfficialMention, trigger: int) -> bool:
    """ "Philip Hammond said he envisaged a positive outcome in the Brexit talks": the speaker only
    speaks of the talks, unless the reported clause says they take part ("he will meet ...")."""
    if person.start > trigger:
        return False
    between = text[person.end : trigger]
    said = REPORTING.search(between)
    return said is not None and not ACTS.search(text[person.end + said.end() : trigger + 20])


OTHER_PARTICIPLE = re.compile(
    r"\b(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?(?P<verb>\w+ed)\b|\b(?P<verb2>\w+ed)\s+(?:to|by)\s+(?:the\s+)?$",
    re.I,
)
MEETING_PARTICIPLES = {
    "held", "hosted", "attended", "joined", "invited", "received", "chaired", "led", "organised",
    "organized", "convened", "scheduled", "planned", "expected", "welcomed", "accompanied",
}  # fmt: skip


def _outside_meeting_clause(text: str, person: OfficialMention, trigger: int) -> bool:
    """A name after the meeting word that takes no part in it: the closing speaker ("Xi will attend the
    meeting, Vice-Foreign Minister Li Baodong told a news briefing") or a name inside a relative clause
    about something else ("The meetings aimed to calm tensions with Mexico, which has been targeted by
    US President Donald Trump")."""
    if person.start <= trigger:
        return False
    title_start = person.title_start if 0 <= person.title_start < person.start else person.start
    if re.search(r",\s*(?:[\w.'’-]+\s+){0,4}$", text[trigger:title_start]) and re.match(
        r"\s*(?:said|says|told|tells|added)\b", text[person.end : person.end + 12]
    ):
        return True
    between = text[trigger:title_start]
    if re.search(r",\s+(?:which|who)\b", between):
        return True
    # "... who met with Jared Kushner in December ... was appointed to his job by President Vladimir
    # Putin", "a bank closely linked to President Putin": a clause about something else.
    # Only after the last meeting word: "The decision to revive dialogue mechanisms was reached during a
    # meeting between Modi and Xi" names them after "meeting", whatever stood before.
    last = list(TRIGGER.finditer(between))
    for m in OTHER_PARTICIPLE.finditer(between, last[-1].end() if last else 0):
        if (m.group("verb") or m.group("verb2")).lower() not in MEETING_PARTICIPLES:
            return True
    return False


def _without_reporters(people: list[OfficialMention]) -> list[OfficialMention]:
    """A spokesperson reports on talks others hold: not a participant when others are named."""
    reporters = [p for p in people if re.search(r"spokes", p.title, re.I)]
    return [p for p in people if p not in reporters] if len(reporters) < len(people) else people


def _segments(sentence: str) -> list[tuple[int, int]]:
    """Cut at a comma or semicolon whose following clause has its own meeting word, or before a
    second verb of another tense ("X last night met Y and will today hold talks")."""
    cuts = [0]
    for m in re.finditer(
        r"[,;]\s+|\s+(?:and|but)\s+(?=(?:will|would|is to|are to|also|then|later)\b)"
        # "the OECD ministerial meeting in May and the G-7 meeting in Venice": two events
        r"|\s+and\s+(?=(?:at\s+|in\s+|to\s+)?(?:the|a|an)\s+)",
        sentence,
    ):
        following = sentence[m.end() :].split(",")[0]
        if TRIGGER.search(following) and TRIGGER.search(sentence[cuts[-1] : m.start()]):
            cuts.append(m.end())
    cuts.append(len(sentence))
    return list(zip(cuts[:-1], cuts[1:], strict=False))


def _meeting(
    text: str, sentence: str, offset: int, seg_start: int, seg_end: int, people: list[OfficialMention],
    triggers: list[str], published_on: date | None,
) -> Meeting:  # fmt: skip
    segment = sentence[seg_start:seg_end]
    joined = " ".join(triggers)
    kind = next((name for pattern, name in KINDS if re.search(pattern, joined)), "meeting")
    what_match = WHAT.search(segment)
    location, location_country = (
        _location(_before_attribution(segment))
        or _location(_before_attribution(sentence), only_in=True)
        or (None, None)
    )
    date_text, date_start = _date(sentence, segment, published_on)
    return Meeting(
        kind=kind,
        status=_status(segment, sentence),
        what=what_match.group(0).strip() if what_match else None,
        participants=_unique(people),
        location=location,
        location_country=location_country,
        date_text=date_text,
        date_start=date_start,
        start=offset + seg_start,
        end=offset + seg_end,
        evidence=text[offset + seg_start : offset + seg_end],
        triggers=triggers,
    )


# "..., who afterwards appealed for investment in Kenya": a clause about something else.
RELATIVE_TAIL = re.compile(r",\s+(?:who|which)\b.*$", re.S)
# "..., Vice-Foreign Minister Li Baodong told a news briefing in Beijing": where it was said.
CLOSING_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|tells|added)\b[^,]*$")


def _before_attribution(text: str) -> str:
    """The text before a closing attribution, whose place is where the speaker spoke (unless the
    attribution holds the meeting word: "Bush, who told the Apec summit in Chile ...")."""
    relative = RELATIVE_TAIL.search(text)
    if relative is not None and not TRIGGER.search(relative.group(0)):
        text = text[: relative.start()]  # "Moi, who afterwards appealed for investment in Kenya"
    closing = CLOSING_ATTRIBUTION.search(text)
    if closing is None or TRIGGER.search(closing.group(0)):
        return text
    return text[: closing.start()]


AWAITED = re.compile(r"\bawait(?:s|ed|ing)?\b|\bwait(?:s|ed|ing)? for\b", re.I)
AFTER_THE_MEETING = re.compile(r"\b(?:after|following|since)\s+(?:\w+['’]?s?\s+){0,3}$", re.I)


def _status(segment: str, sentence: str) -> str:
    """From the clause the meeting word stands in; a "would" inside a quotation is someone's words
    (unless the meeting word is inside it too), a meeting people still await is to come, and a
    meeting something happened "after" was held."""
    quoted = next((q for q in QUOTED.finditer(segment) if TRIGGER.search(q.group(0))), None)
    if quoted is not None and not TRIGGER.search(QUOTED.sub(" ", segment)):
        clause = quoted.group(0)  # "'President Xi's state visit will be giving a strong boost'"
    else:
        clause = QUOTED.sub(lambda m: " " * len(m.group(0)), segment)
    clause = AGENDA.sub(lambda m: " " * len(m.group(0)), clause)
    if CANCELLED.search(clause):
        return "cancelled"
    trigger = TRIGGER.search(clause)
    if trigger and AWAITED.search(clause[: trigger.start()]):
        return "scheduled"  # "dealers were awaiting comments after the G-5 meeting"
    if trigger and AFTER_THE_MEETING.search(clause[max(0, trigger.start() - 40) : trigger.start()]):
        return "held"
    if SCHEDULED.search(clause) or LEAVING.search(clause):
        return "scheduled"
    if ONGOING.search(clause):
        return "ongoing"
    return "held"


def _location(text: str, only_in: bool = False) -> tuple[str, str] | None:
    # "in Kazan", "In Geneva, ...", "to the Russian city of Kazan", "visiting Tokyo", "at the White House".
    pattern = (
        r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(?:city of\s+)?$"
        if only_in
        else r"\b(?:in|at|to|visited|visiting|visit)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(?:city of\s+)?$"
    )
    found = [
        (start, text[start:end], place.country)
        for start, end, place in find_places(text)
        if (place.kind in ("city", "country") or place.text in MEETING_VENUES)
        and re.search(pattern, text[max(0, start - 40) : start], re.I)
    ]
    if not found:
        return None
    # "Before arriving in the U.S., Xi will pay a state visit to Finland": the place the meeting
    # word leads to, before one that only frames it.
    trigger = TRIGGER.search(text)
    after = [f for f in found if trigger and f[0] > trigger.start()]
    _, name, country = (after or found)[0]
    return name, country


def _date(sentence: str, segment: str, published_on: date | None) -> tuple[str | None, date | None]:
    for d in find_dates(sentence):
        return sentence[d.start : d.end], d.value
    m = RELATIVE_DATE.search(segment) or RELATIVE_DATE.search(sentence)
    if not m:
        return None, None
    words = m.group(0).strip()
    return words, _resolve(words, published_on)


def _resolve(words: str, published_on: date | None) -> date | None:
    """Relative dates only against the document's own date; otherwise the words stay, the date NULL."""
    if published_on is None:
        return None
    lower = words.lower()
    for i, day in enumerate(WEEKDAYS):
        if day in lower:
            delta = (i - published_on.weekday()) % 7
            if "last" in lower or ("next" not in lower and delta > 3):
                delta -= 7
            return published_on + timedelta(days=delta)
    for name, month in MONTHS.items():
        if re.search(rf"\b{name}\b", lower) and len(name) > 3:
            year = published_on.year + (1 if "next year" in lower else -1 if "last year" in lower else 0)
            day = 28 if "end of" in lower else 1
            return date(year, month, day)
    if "today" in lower:
        return published_on
    if "tomorrow" in lower:
        return published_on + timedelta(days=1)
    if "yesterday" in lower:
        return published_on - timedelta(days=1)
    return None


def _unique(people: list[OfficialMention]) -> list[OfficialMention]:
    seen, out = set(), []
    for p in people:
        if p.name not in seen:
            seen.add(p.name)
            out.append(p)
    return out


def _merge(meetings: list[Meeting]) -> list[Meeting]:
    """One row per event of the document: mentions of the same people merge when nothing says
    they are two events (another kind, status or place); a subset mention adds to the fuller one."""
    merged: list[Meeting] = []
    for m in meetings:
        names = {p.name for p in m.participants}
        same = next(
            (x for x in merged if {p.name for p in x.participants} == names and _compatible(x, m)), None
        )
        if same is None and m.kind not in ("summit", "visit"):
            same = next(
                (x for x in merged if names < {p.name for p in x.participants} and _compatible(x, m)), None
            )
        if same is None:
            merged.append(m)
            continue
        if same.place_from_dateline and m.location_country and not m.place_from_dateline:
            same.location, same.location_country, same.place_from_dateline = (
                m.location,
                m.location_country,
                False,
            )
        for attr in ("what", "location", "location_country", "date_text", "date_start"):
            if getattr(same, attr) is None and getattr(m, attr) is not None:
                setattr(same, attr, getattr(m, attr))
    return merged


def _compatible(a: Meeting, b: Meeting) -> bool:
    """Two mentions can be one event: kinds agree (or one is a bare "meeting"), statuses agree
    (a held meeting may have been reported as scheduled earlier), places do not differ."""
    kinds = {a.kind, b.kind} - {"meeting", "talks"}
    if len(kinds) > 1:
        return False
    if a.status != b.status and "cancelled" in (a.status, b.status):
        return False
    return (
        a.location_country is None
        or b.location_country is None
        or a.location_country == b.location_country
        or a.place_from_dateline
        or b.place_from_dateline
    )
