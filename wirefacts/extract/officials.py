"""Officials: named people who hold or speak for a public office, found next to their titles.

The shapes covered are the ones news uses: "Title Name" ("Chinese Foreign Minister Wang Yi"),
"Name, the Title," ("Randhir Jaiswal, the MEA spokesperson,"), and later bare surnames, which
resolve to the full name seen earlier in the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wirefacts.extract.gazetteers import INTERNATIONAL_BODIES, find_places, places
from wirefacts.text.article import STOPWORDS
from wirefacts.text.dates import MONTHS

# Office heads, multi-word ones before their parts. Gated heads also name company officers, so they need a public
# body, a country or nothing at all in front of them ("President Reagan").
HEADS = [
    "National Security Advisor", "National Security Adviser", "Trade Representative", "Secretary of State",
    "Secretary-General", "Secretary General", "Director-General", "Director General", "Managing Director",
    "Prime Minister", "Vice President", "Vice-President", "Crown Prince", "Chief Minister", "Deputy Premier",
    "Chancellor of the Exchequer", "Minister", "Secretary", "President", "Premier", "Chancellor", "Governor",
    "Chairman", "Chairwoman", "Spokesperson", "Spokesman", "Spokeswoman", "Ambassador", "Envoy", "Commissioner",
    "King", "Queen", "Emir", "Sultan", "Senator", "Sen.", "Congressman", "Congresswoman", "Speaker",
    "Chief of Staff", "Director", "Chief", "Leader", "Counterpart",
    # Offices of other systems of government.
    "Taoiseach", "Tanaiste", "High Commissioner", "Governor-General", "Governor General", "First Minister",
    "Attorney General", "Attorney-General", "State Councillor", "Mayor", "Treasurer", "Chief Negotiator",
    "Negotiator", "Chief Strategist", "Federal Councillor", "Undersecretary", "Under-Secretary",
]  # fmt: skip
GATED = {
    "President", "Vice President", "Vice-President", "Chairman", "Chairwoman", "Governor", "Director-General",
    "Director General", "Managing Director", "Spokesperson", "Spokesman", "Spokeswoman", "Commissioner",
    "Secretary-General", "Secretary General", "Secretary", "Director", "Chief", "Leader",
    "King", "Queen", "Emir", "Sultan", "Crown Prince", "Counterpart", "Treasurer", "Negotiator",
    "Chief Negotiator", "Chief Strategist",
}  # fmt: skip
# Portfolios that make a gated head public when they follow "of": "Secretary of Defense".
DEPARTMENTS = (
    "State", "Defense", "Defence", "Treasury", "Agriculture", "Commerce", "Energy", "Interior", "Health",
    "Labor", "Labour", "Transportation", "Transport", "Education", "Justice", "Homeland Security", "Finance",
    "Foreign Affairs", "Trade", "Industry", "Economy", "Environment", "Housing", "Veterans Affairs",
)  # fmt: skip
PUBLIC_BODIES = (
    "Federal Reserve Board", "Federal Reserve", "Fed", "Bundesbank", "central bank", "Central Bank", "Treasury",
    "Bank of Japan", "Bank of England", "Bank of France", "Bank of Canada", "Bank of Italy", "Reserve Bank",
    "MEA", "MITI", "Foreign Ministry", "Finance Ministry", "Trade Ministry", "State Department", "White House",
    "Kremlin", "Commerce Department", "Agriculture Department", "USDA", "Securities and Exchange Commission",
    "SEC", "Council of Economic Advisers", "Senate", "House", "Ways and Means Committee", "Committee",
) + INTERNATIONAL_BODIES  # fmt: skip
PORTFOLIOS = (
    "Foreign", "Finance", "External Affairs", "Trade", "Oil", "Petroleum", "Energy", "Agriculture", "Farm",
    "Commerce", "Economy", "Economic", "Economics", "Industry", "International Trade", "Treasury", "Defence",
    "Defense", "Interior", "Home", "Mines", "Mining", "Labour", "Labor", "Health", "Transport", "Budget",
    "Planning", "Environment", "Food", "Fisheries", "Justice", "Education", "Information", "Communications",
    "National Security", "Security", "Deputy", "Vice", "Acting", "Junior", "Senior", "First", "State",
    "Assistant", "Under", "Executive", "Press", "Government", "Presidential", "Cabinet", "Chief", "Agricultural",
    "Top", "Supreme", "Paramount", "Majority", "Minority", "Opposition", "Party", "External", "Monetary",
    "Financial", "Overseas", "Development", "Competition", "Affairs", "Foreign Trade", "Economic Affairs",
    "Homeland Security", "Peace", "Natural Resources", "Resources", "Power", "Water",
    # Public bodies written in lower case before a title: "commission spokesman", "ministry spokeswoman".
    "Ministry", "Foreign Ministry", "Commission", "Embassy", "Presidency", "Central Bank",
)  # fmt: skip
LOWER_PORTFOLIO = "|".join(
    re.escape(p.lower()) for p in PORTFOLIOS if p not in ("State", "First", "Chief", "Party")
)

# A hyphen or apostrophe joins name parts only before a capital ("Al-Assad", "D'Alema"): in
# "Philip Hammond-said" the hyphen is a typing slip, not a part of the name.
# An initial starts a word: the "F." that ends "IMF." is no initial.
NAME_TOKEN = r"(?:Mc[A-Z][a-z]+|O'[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z][A-Za-z]+)*|(?<![A-Za-z.])[A-Z]\.(?:[A-Z]\.)*)"
PARTICLE = r"(?:bin|al|el|de|da|van|von|der|du|dos|la|le|di)"
RANK = r"(?:(?:Col|Gen|Lt|Maj|Adm|Capt|Brig|Cmdr|Sgt)\.?\s+)"
# A middle initial may stand without its full stop ("George W Bush").
NAME = rf"{RANK}?{NAME_TOKEN}(?:\s+(?:{PARTICLE}[- ])?(?:{NAME_TOKEN}|[A-Z](?=\s+[A-Z][a-z]))){{0,3}}"
# Heads are matched capitalised or lower-case ("MEA spokesperson Randhir Jaiswal").
HEAD_PATTERN = "|".join(re.escape(h) for h in HEADS) + "|" + "|".join(re.escape(h.lower()) for h in HEADS)

# A second department joined by "and" ends the of-phrase, unless another office follows it
# ("Secretary of State and Defense Secretary X" is two offices).
AND_DEPARTMENT = rf"(?:\s+and\s+(?:{'|'.join(DEPARTMENTS)})\b(?!\s+(?:{HEAD_PATTERN})\b))"
# "Chinese Foreign Minister Wang Yi", "Fed Chairman Paul Volcker", "Minister of Trade Piyush Goyal",
# "Minister of Foreign Affairs and Trade Peter Szijjarto".
TITLE_THEN_NAME = re.compile(
    rf"(?P<title>(?:(?:[A-Z][\w.'’&-]*|of|the|for|and|{LOWER_PORTFOLIO})\s+){{0,6}}?(?:{HEAD_PATTERN})(?:\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}{AND_DEPARTMENT}?|(?:{LOWER_PORTFOLIO})(?:\s+and\s+(?:{LOWER_PORTFOLIO}))?)){{0,2}})"
    rf"\s+(?P<name>{NAME})"
)
NAME_ONLY = re.compile(rf"(?P<name>{NAME})")
# "Randhir Jaiswal, the MEA spokesperson," / "Nazer, Saudi Arabia's oil minister,".
NAME_THEN_TITLE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:[\w.'’&-]+\s+){{0,5}}?"
    rf"(?:{HEAD_PATTERN}|{'|'.join(h.lower() for h in HEADS if ' ' in h or h in ('Minister', 'Secretary', 'President', 'Governor', 'Chairman', 'Ambassador', 'Spokesman', 'Spokesperson', 'Spokeswoman', 'Premier', 'Chancellor', 'Commissioner'))})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){{1,4}})?)[,.;)]"
)
# "The chairman of the Federal Reserve Board, Paul Volcker, said ..."
# "President of the Brazilian Coffee Institute, IBC, Jorio Dauster": the body's initials may stand between.
TITLE_OF_BODY_THEN_NAME = re.compile(
    rf"(?P<title>\b(?:{HEAD_PATTERN})\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|the)){{0,5}}),"
    rf"\s+(?:[A-Z]{{2,6}},\s+)?(?P<name>{NAME})(?=,|\s+(?:said|says|told|added)\b)"
)
# A country's public agency before a gated title: "Australian Wheat Board Chairman X", "Japanese
# Food Agency Director General Y". Institutes and councils are left out: "American Petroleum
# Institute President" heads an industry group, and a company's officers stay out ("Texaco President").
PUBLIC_INSTITUTION = re.compile(
    r"(?P<place>[A-Z][\w'’-]*)\s+(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:Board|Agency|Authority|Commission|Ministry|Department|Bureau|Directorate)\b"
)
# "Argentine Economy Minister, Roberto Lavagna, told ..." / "incumbent governor, Ann Richards, said" /
# "met with his Mexican counterpart, Luis Videgaray." (the name may end the sentence).
TITLE_COMMA_NAME = re.compile(
    rf"(?P<title>(?:(?:[A-Z][\w.'’&-]*|of|the|for|and|incumbent|acting|{LOWER_PORTFOLIO})\s+){{0,5}}(?:{HEAD_PATTERN})),\s+"
    rf"(?P<name>{NAME})(?=,|\.(?:\s|$)|\s+(?:said|says|told|added|was|is|has|had|will|would)\b)"
)
NOT_NAMES = {
    "The", "A", "An", "He", "She", "It", "They", "We", "In", "On", "At", "But", "And", "Mr", "Mrs", "Ms", "Dr",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Minister",
    "President", "Secretary", "Prime", "Foreign", "Finance", "Chairman", "Governor", "Reuters", "This", "That",
    "Beijing", "Washington", "New", "Delhi", "Tokyo", "Moscow", "London", "Paris", "Congress", "Senate", "House",
    "Government", "Ministry", "Department", "Bank", "Board", "Commission", "Committee", "Council", "Party",
    "Counterpart", "Officials", "Official", "Sources", "Analysts", "Some", "Speaking", "Asked", "According",
    "Meanwhile", "However", "Also", "Both", "Two", "His", "Her", "Its", "Their", "After", "Before", "During",
}  # fmt: skip
# Month names that are also surnames (Theresa May): after a first name they are the person's.
MONTH_SURNAMES = {max((m for m in MONTHS if MONTHS[m] == n), key=len).capitalize() for n in range(1, 13)}
# "in May", "on May 5", "last May": the month, not Mrs May.
MONTH_USE_BEFORE = re.compile(
    r"\b(?:in|on|of|since|until|till|by|from|through|to|late|early|mid|last|next|this|every|each)[\s-]+$",
    re.I,
)
MONTH_USE_AFTER = re.compile(r"^[\s,]*(?:\d|the\b)")


def is_month_use(text: str, start: int, end: int) -> bool:
    """Whether the capitalised month word at text[start:end] names the month here."""
    return bool(
        MONTH_USE_BEFORE.search(text[max(0, start - 12) : start])
        or MONTH_USE_AFTER.match(text[end : end + 6])
    )


MONARCHS = {"King", "Queen", "Emir", "Sultan", "Crown Prince"}
TITLE_WORDS = {word for head in HEADS for word in head.split()}
# Words of organisations and places that the name pattern would otherwise take for people.
ORGANISATION_WORDS = {
    "Limited", "Ltd", "Inc", "Corp", "Co", "Centre", "Center", "Insurance", "Group", "Bank", "Company", "Corporation",
    "Association", "Union", "University", "Institute", "Council", "Party", "Confederation", "Agency", "Office", "Board", "Service",
    "Services", "Department", "Ministry", "Fund", "Organisation", "Organization", "Commission", "Committee",
    "Authority", "Federation", "Society", "Trust", "Foundation", "National", "European", "International", "Royal",
    "Street", "House", "Court", "Parliament", "Assembly", "Congress", "Senate", "Exchange", "Reserve", "Federal",
    "Chamber", "Merchants", "Industries", "Motors", "Airlines", "Holdings", "Partners", "Media", "News",
    # Portfolios: "Department of the Taoiseach, Foreign Affairs, ..." or "Minister of Jerusalem Affairs
    # and Heritage" name no person.
    "Affairs", "Heritage", "Agriculture", "Defence", "Defense", "Commerce", "Interior", "Fisheries",
    "Environment", "Housing", "Education", "Communications",
}  # fmt: skip
HONORIFICS = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Sheikh|Prof|Shri|Smt|Col|Gen|Lt|Maj|Adm|Capt|Brig|Cmdr|Sgt)\.?\s+"
)
# Family names that come first ("Wang" is Wang Yi): a bare first word of such a name is the person.
FAMILY_NAME_FIRST = frozenset(
    """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie
    Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding
    Ren Shen Yao Xi Qian Kang Jin Dai Fan Fu Zou Shi Cui Tan Hou Bai Mao Meng Qin Wen Gu Kong Shao Wan Xue
    Lei Bo Lee Kim Park Choi Jung Moon Nguyen Tran Le Pham Hoang""".split()
)


@dataclass
class OfficialMention:
    name: str
    title: str
    country: str | None
    start: int  # span of the name in the text
    end: int
    title_start: int


def normalize_title(raw: str) -> str:
    """The office without country words and articles: "India's National Security Advisor" → "National Security Advisor".

    Bodies stay ("MEA spokesperson", "Bundesbank President"): they say which office it is.
    """
    title = raw.replace("’", "'")
    for start, end, place in sorted(find_places(title), key=lambda p: -p[0]):
        if place.kind in ("country", "demonym"):
            title = title[:start] + title[end:].removeprefix("'s")
    title = re.sub(r"^(?:U\.S\.|US|U\.K\.|UK)\s+", "", title.strip())
    words = [w for w in title.split() if w.lower() not in ("the", "a", "an", "his", "her", "its", "their")]
    title = " ".join(words).strip(" ,")
    title = re.sub(r"\bspokes(?:man|woman|person)\b", "spokesperson", title, flags=re.I)
    return title[:1].upper() + title[1:] if title else raw


# Offices that exist in one country only.
ONE_COUNTRY_OFFICES = {
    "Taoiseach": "IRL",
    "Tanaiste": "IRL",
    "Federal Councillor": "CHE",
    "State Councillor": "CHN",
}


def title_country(raw: str) -> str | None:
    for _, _, place in find_places(raw):
        if place.kind in ("country", "demonym", "body", "city"):
            return place.country
    return next((c for office, c in ONE_COUNTRY_OFFICES.items() if office.lower() in raw.lower()), None)


def _title_is_public(raw_title: str, head: str) -> bool:
    """Gated heads need a country, a public body, a portfolio, or nothing in front of them."""
    if head not in GATED:
        return True
    head_start, head_end = _head_span(raw_title, head)
    before = raw_title[:head_start].strip()
    after = raw_title[head_end:]
    if re.search(r"\bof\b", after):
        return (
            title_country(after) is not None
            or any(b in after for b in PUBLIC_BODIES)
            or re.match(rf"\s+of\s+(?:the\s+)?(?:{'|'.join(DEPARTMENTS)})\b", after) is not None
        )
    if not before:
        return (
            head in ("President", "Vice President", "Vice-President", "Governor", "Commissioner")
            or head in MONARCHS
        )
    # Bodies go before places: "European Council" is one body, not the demonym "European" and a council.
    rest = before
    for m in PUBLIC_INSTITUTION.finditer(before):
        if any(p.kind in ("country", "demonym") for _, _, p in find_places(m.group("place"))):
            rest = rest.replace(m.group(0), " ")
    for body in sorted(PUBLIC_BODIES + PORTFOLIOS, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(body)}(?!\w)", " ", rest, flags=0 if body.isupper() else re.I)
    for _, _, place in sorted(find_places(rest), key=lambda p: -p[0]):
        rest = rest.replace(place.text + "'s", " ").replace(place.text + "’s", " ").replace(place.text, " ")
    rest = re.sub(r"\b(?:and|of|for|the)\b|&", " ", rest)
    return not re.search(r"[A-Za-z]", rest)


def _head_of(raw_title: str) -> str | None:
    for head in HEADS:
        if re.search(rf"(?<!\w){re.escape(head)}(?!\w)", raw_title, re.I):
            return head
    return None


def _head_span(raw_title: str, head: str) -> tuple[int, int]:
    m = list(re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", raw_title, re.I))[-1]
    return m.start(), m.end()


def _clean_name(name: str, following: str = "") -> str | None:
    """The person's name in a matched span; `following` is the text after the span, which tells
    a surname that is a month ("Theresa May said") from a date ("Baker May 5")."""
    name = HONORIFICS.sub("", name.strip())
    # "President Carter's White House": the name ends at the possessive.
    name = re.split(r"(?<=\w)['’]s\b", name)[0]
    tokens = name.split()
    while tokens and (tokens[0] in NOT_NAMES or tokens[0] in places()):
        tokens = tokens[1:]
    cut = len(tokens)
    for i, token in enumerate(tokens):
        if (
            i > 0
            and token in MONTH_SURNAMES
            and not MONTH_USE_AFTER.match(" ".join(tokens[i + 1 :]) + following)
        ):
            continue
        if token in NOT_NAMES or token.rstrip(".") in NOT_NAMES or token in places():
            cut = i
            break
    tokens = tokens[:cut]
    if (
        not tokens
        or all(re.fullmatch(r"[A-Z]\.", t) for t in tokens)
        or any(t in ORGANISATION_WORDS for t in tokens)
    ):
        return None
    return " ".join(tokens)


# All-capital wire headlines and briefs: "TREASURY'S BAKER SAYS ...", "FED CHAIRMAN VOLCKER SEES ...",
# "PRESIDENT REAGAN SAYS ...". The name is the capital word(s) between the office and a headline verb.
HEADLINE_VERB = (
    r"(?:SAYS|SAID|SEES|SAW|FORECASTS|EXPECTS|FULLY|URGES|WARNS|CALLS|DENIES|VOWS|MAINTAINS|PREDICTS|PROPOSES|"
    r"REJECTS|ASKS|PLANS|WANTS|HOPES|BACKS|OPPOSES|REITERATES|REAFFIRMS|DEFENDS|CRITICIZES|AGREES|TO|WILL|IN|AT|ON)"
)
SHOUTED_TITLE_THEN_NAME = re.compile(
    rf"(?P<title>(?:[A-Z.]+['’]S\s+|[A-Z.]{{2,}}\s+){{0,3}}?(?:{'|'.join(re.escape(h.upper()) for h in HEADS)}))\s+"
    rf"(?P<name>[A-Z][A-Z'-]{{2,}}(?:\s+[A-Z][A-Z'-]{{2,}})?)(?=\s+{HEADLINE_VERB}\b)"
)
SHOUTED_BODY_THEN_NAME = re.compile(
    rf"(?P<title>(?:[A-Z.]+\s+)?[A-Z.]+)['’]S\s+(?P<name>[A-Z][A-Z'-]{{2,}}(?:\s+[A-Z][A-Z'-]{{2,}})?)(?=\s+{HEADLINE_VERB}\b)"
)


def _shouted_mentions(text: str) -> list[OfficialMention]:
    """Officials of all-capital lines, read as if the line were written in title case."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        words = line.group(0).split()
        if len(words) < 3 or not line.group(0).isupper():
            continue
        for pattern in (SHOUTED_TITLE_THEN_NAME, SHOUTED_BODY_THEN_NAME):
            for m in pattern.finditer(line.group(0)):
                title = _title_case(m.group("title").replace("’S", "'S").removesuffix("'S"))
                name = _title_case(m.group("name"))
                if _clean_name(name) != name or name.upper() in HEADLINE_WORDS:
                    continue
                head = _head_of(title)
                if pattern is SHOUTED_BODY_THEN_NAME:
                    body = title.removeprefix("U.S. ").removeprefix("U.K. ")
                    if body not in PUBLIC_BODIES:
                        continue  # a country's possessive names no office
                elif head is None or not _title_is_public(title, head):
                    continue
                start = line.start() + m.start("name")
                country = title_country(title)
                found.append(
                    OfficialMention(
                        name,
                        normalize_title(title),
                        country,
                        start,
                        start + len(name),
                        line.start() + m.start("title"),
                    )
                )
    return found


HEADLINE_WORDS = {"U.S.", "NEW", "HOUSE", "STATE", "OIL", "TRADE", "DEBT"}


def _title_case(words: str) -> str:
    """ "TREASURY SECRETARY JAMES BAKER" → "Treasury Secretary James Baker"; "U.S." stays."""
    return " ".join(w if "." in w else w[:1] + w[1:].lower() for w in words.split())


def find_officials(text: str) -> list[OfficialMention]:
    """Titled mentions, then bare-surname mentions of the people found, in text order."""
    titled: list[OfficialMention] = _shouted_mentions(text)
    for title, title_start, m in _title_then_name(text):
        raw_title = title[title.find(_trim_title_start(title)) :]
        mention = _mention(text, m, raw_title, title_start + (len(title) - len(raw_title)))
        if mention:
            titled.append(mention)
    for m in TITLE_OF_BODY_THEN_NAME.finditer(text):
        if any(t.start <= m.start("name") < t.end for t in titled):
            continue
        mention = _mention(text, m, m.group("title").strip(), m.start("title"))
        if mention:
            titled.append(mention)
    for m in TITLE_COMMA_NAME.finditer(text):
        if any(t.start <= m.start("name") < t.end for t in titled):
            continue
        raw_title = m.group("title")
        raw_title = raw_title[raw_title.find(_trim_title_start(raw_title)) :]
        if text.startswith(".", m.end()) and title_country(raw_title) is None:
            continue  # "the family of its president, Andres Soriano.": without a country no public office
        mention = _mention(text, m, raw_title, m.start("title") + (len(m.group("title")) - len(raw_title)))
        if mention:
            titled.append(mention)
    for m in NAME_THEN_TITLE.finditer(text):
        if any(t.start <= m.start("name") < t.end for t in titled) or _head_of(m.group("title")) in MONARCHS:
            continue
        mention = _mention(text, m, m.group("title"), m.start("title"))
        if mention:
            titled.append(mention)
    # One mention per name span: the first shape that read it (the most specific) keeps it.
    titled = sorted({t.start: t for t in reversed(titled)}.values(), key=lambda t: t.start)
    _share_list_country(text, titled)
    return titled + _surname_mentions(text, titled)


def _title_then_name(text: str) -> list[tuple[str, int, re.Match]]:
    """(title, its start, the name's match). An of-phrase and a name are both runs of capitalised
    words: when the longest title leaves a bare surname ("Secretary of Defense James" + "Mattis"),
    the given name goes back to the name ("Secretary of Defense" + "James Mattis")."""
    found = []
    for m in TITLE_THEN_NAME.finditer(text):
        title, name = m.group("title"), m
        # "Minister of Foreign Affairs and Trade": a portfolio may join two departments with "and".
        of_phrase = re.search(
            r"\s(?:of|for)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)+)$", title
        )
        if of_phrase and len(m.group("name").split()) == 1:
            given = m.start("title") + title.rfind(" ") + 1
            name = NAME_ONLY.match(text, given)
            if name is None:  # "president of Finland-based HMD" + "Global": one body's name, no person
                continue
            title = text[m.start("title") : given].rstrip()
        title, name = _title_words_out_of_name(text, m.start("title"), title, name)
        found.append((title, m.start("title"), name))
    return found


def _title_words_out_of_name(text: str, title_start: int, title: str, name: re.Match) -> tuple[str, re.Match]:
    """ "Chief" + "Cabinet Secretary Masaharu Gotoda": the shortest title stops at the first head,
    so words of a longer title that end in a head move from the name back to the title."""
    tokens = list(re.finditer(r"\S+", name.group("name")))
    heads = [i for i, t in enumerate(tokens[:-1]) if t.group(0) in HEADS]
    if not heads or not all(
        t.group(0) in PORTFOLIOS or t.group(0) in TITLE_WORDS for t in tokens[: heads[-1]]
    ):
        return title, name
    rest = name.start("name") + tokens[heads[-1] + 1].start()
    longer = NAME_ONLY.match(text, rest)
    if longer is None:
        return title, name
    return text[title_start:rest].rstrip(), longer


def _share_list_country(text: str, titled: list[OfficialMention]) -> None:
    """Coordinated titles share their country: "Japanese Prime Minister X and Trade Minister Y",
    "U.S. Secretary of State X, Treasury Secretary Y and Commerce Secretary Z"."""
    for previous, mention in zip(titled, titled[1:], strict=False):
        if mention.country is None and previous.country and mention.title_start > previous.end:
            between = text[previous.end : mention.title_start]
            if re.fullmatch(r"\s*(?:,|,?\s+and)\s*", between):
                mention.country = previous.country


SENTENCE_WORDS = STOPWORDS | {
    "yesterday",
    "today",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "also",
    "former",
    "new",
}


def _company_word_before(text: str, title_start: int) -> bool:
    """ "Texaco President James Kinnear": a capitalised word that is no place, body or common word."""
    before = re.search(r"([A-Z][\w.&'’-]*)\s+$", text[max(0, title_start - 40) : title_start])
    if not before:
        return False
    word = re.sub(r"['’]s$", "", before.group(1))
    window_start = max(0, title_start - 40)
    word_end = window_start + before.start(1) + len(word)
    if any(end == word_end for _, end, _ in find_places(text, window_start, word_end)):
        return False  # the end of a place of several words: "South Africa's President"
    if word.endswith(".") and len(word) > 2 and not re.fullmatch(r"(?:[A-Z]\.)+", word):
        return False  # the last word of the previous sentence
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", word):
        return False  # "Newly-installed", "Newly-elected": a modifier; companies are "Coca-Cola"
    return not (
        word.lower() in SENTENCE_WORDS or word in places() or word in PUBLIC_BODIES or word in PORTFOLIOS
    )


@cache
def _multiword_prefixes() -> tuple[str, ...]:
    return tuple(p for p in (*PUBLIC_BODIES, *places()) if " " in p)


def _trim_title_start(raw_title: str) -> str:
    """Drop leading words that belong to the sentence, not the title ("As Chinese Foreign Minister")."""
    words = raw_title.split()
    for i, word in enumerate(words):
        rest = " ".join(words[i:])
        if any(rest.startswith(prefix + " ") for prefix in _multiword_prefixes()):
            return rest  # "Federal Reserve Board Chairman", "West German President"
        bare = re.sub(r"['’]s$", "", word)
        if (
            bare in places()
            or bare.capitalize() in PORTFOLIOS
            or bare in PORTFOLIOS
            or bare in PUBLIC_BODIES
            or bare.capitalize() in TITLE_WORDS
            or bare in ("U.S.", "US")
        ):
            return " ".join(words[i:])
    return raw_title


FORMER = re.compile(r"\b(?:former|ex-?|deposed|ousted|late|then-?|one-time|erstwhile|outgoing)\s*$", re.I)


def _mention(text: str, m: re.Match, raw_title: str, title_start: int) -> OfficialMention | None:
    head = _head_of(raw_title)
    if head is None or not _title_is_public(raw_title, head):
        return None
    if FORMER.search(text[max(0, title_start - 20) : title_start]):
        return None  # a former office holder is named by an office they no longer hold
    if head in GATED and _company_word_before(text, title_start):
        return None
    name = _clean_name(m.group("name"), text[m.end("name") : m.end("name") + 6])
    if name is None:
        return None
    start = m.start("name") + m.group("name").find(name.split()[0])
    country = title_country(raw_title)
    if country is None and not any(b in raw_title for b in INTERNATIONAL_BODIES):
        country = _nearby_country(text, title_start) or _country_after_name(text, m.end("name"))
    return OfficialMention(name, normalize_title(raw_title), country, start, start + len(name), title_start)


def _country_after_name(text: str, name_end: int) -> str | None:
    """ "President Hissene Habre of Chad": the country written after the name."""
    after = re.match(r"\s+of\s+(?:the\s+)?", text[name_end : name_end + 12])
    if after is None:
        return None
    start = name_end + after.end()
    found = find_places(text, start, min(len(text), start + 40))
    return found[0][2].country if found and found[0][0] == start and found[0][2].kind == "country" else None


def _nearby_country(text: str, title_start: int) -> str | None:
    """A country named just before the title in the same sentence ("Washington's ... under President X")."""
    window_start = max(text.rfind(". ", 0, title_start), text.rfind("\n", 0, title_start), title_start - 60)
    found = [p for p in find_places(text, window_start, title_start) if text[p[1] : p[1] + 2] in ("'s", "’s")]
    return found[-1][2].country if found else None


def _surname_mentions(text: str, titled: list[OfficialMention]) -> list[OfficialMention]:
    """ "Wang", "Modi" or "Wang Yi" without a title: a part of a full name seen with one in the text."""
    by_part: dict[str, OfficialMention] = {}
    for t in titled:
        tokens = [tok for tok in t.name.split() if not re.fullmatch(r"[A-Z]\.", tok)]
        if len(tokens) >= 1:
            by_part.setdefault(tokens[-1], t)
        if len(tokens) in (2, 3) and tokens[0] in FAMILY_NAME_FIRST:
            by_part.setdefault(tokens[0], t)  # "Wang" for Wang Yi, "Kim" for Kim Jong Un
    if not by_part:
        return []
    taken = [(t.start, t.end) for t in titled]
    pattern = re.compile(
        r"(?<![\w.])("
        + "|".join(re.escape(p) for p in sorted(by_part, key=len, reverse=True))
        + r")(?![\w-])"
    )
    found = []
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group(1) in MONTH_SURNAMES and is_month_use(text, m.start(), m.end()):
            continue
        source = by_part[m.group(1)]
        found.append(OfficialMention(source.name, source.title, source.country, m.start(), m.end(), -1))
    return found
