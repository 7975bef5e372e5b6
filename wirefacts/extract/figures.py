"""Trade figures: a number grammar (value, scale, unit) plus what the clause says about it.

A number counts as a trade figure only with a unit (percent, weight, volume, currency) and
trade context in its sentence (a commodity, or words such as exports, production, reserves,
price, share, tariff). Dates, years, ordinals, counts, interest and exchange rates, and
company earnings are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from wirefacts.extract.commodities import CommodityMention
from wirefacts.extract.gazetteers import document_country, find_places, leading
from wirefacts.extract.settings import DEFAULT, ExtractionSettings

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bln": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "tln": 1e12, "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "rs": "INR",
    "rs.": "INR",
}
UNITS = [
    (r"percentage points?", "percentage_point"), (r"%|pct|per ?cent|percent", "percent"),
    (r"short tons?", "short_ton"), (r"(?:metric )?tonnes?|metric tons?|tons?|mt\b", "metric_ton"),
    (r"barrels? (?:per|a) day|bpd|b/d", "barrel_per_day"), (r"barrels?|bbl", "barrel"), (r"bushels?", "bushel"),
    (r"bags?", "bag"), (r"bales?", "bale"), (r"(?:troy )?ounces?|oz\b", "ounce"), (r"pounds? of|lbs?\b", "pound_weight"),
    (r"kilos?|kilograms?|kg\b", "kilogram"), (r"cubic met(?:er|re)s?|cu m\b", "cubic_meter"),
    (r"(?:u\.s\. |us |american )?(?:dlrs?|dollars?)", "USD"), (r"canadian (?:dlrs|dollars?)", "CAD"),
    (r"australian (?:dlrs|dollars?)", "AUD"), (r"yen", "JPY"), (r"yuan|renminbi", "CNY"), (r"rupees?", "INR"),
    (r"stg|sterling|pounds? sterling", "GBP"), (r"euros?", "EUR"), (r"swiss francs?", "CHF"), (r"french francs?|francs?", "FRF"),
    (r"(?:west german |german |d)?marks", "DEM"), (r"lire", "ITL"), (r"guilders?", "NLG"), (r"cts|cents", "USD_CENT"),
]  # fmt: skip
UNIT_PATTERN = "|".join(f"(?:{p})" for p, _ in UNITS)
_SPELLED = "|".join(
    sorted(
        (
            "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
            "forty fifty sixty seventy eighty ninety hundred"
        ).split(),
        key=len,
        reverse=True,
    )
)
# Spelled-out numbers count before a scale or unit, also as the low end of a spelled range
# ("one to two mln bags", "up one dlr").
FIGURE = re.compile(
    rf"(?P<cur>us\$|a\$|c\$|hk\$|\$|£|€|¥|rs\.?\s?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{_SPELLED})\b"
    rf"(?=(?:\s+(?:to|or)\s+(?:{_SPELLED}))?\s+(?:thousand|million|mln|billion|bln|pct|per ?cent|percent|dlrs?)\b))"
    rf"(?:\s?(?:-|to)\s?(?P<num2>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<=\s)(?:{_SPELLED})\b))?"
    rf"(?:\s?(?P<scale>thousand|million|mln|billion|bln|trillion|lakh|crore|bn|mn|m|b|k)\b)?"
    rf"(?:\s?(?P<unit>{UNIT_PATTERN}))?(?P<bagsize>\s+of\s+\d+\s+kilos?)?",
    re.I,
)
APPROXIMATE = re.compile(
    r"\b(?:about|roughly|approximately|nearly|almost|around|some|estimated|an estimated|close to|up to|an expected|expected)\s+(?:at\s+)?$",
    re.I,
)
ESTIMATED_AT = re.compile(r"\bestimated\s+(?:at\s+)?$", re.I)
DECREASE = re.compile(
    r"\b(?:lower|below|declin\w*|fell|fall\w*|drop\w*|down|decreas\w*|cut\w*|reduc\w*|slump\w*|plung\w*|shrank|shrink\w*|less than|contract\w*|slid|lost|eased?)\b",
    re.I,
)
INCREASE = re.compile(
    r"\b(?:higher|above|ris\w*|rose|up|increas\w*|surg\w*|jump\w*|gain\w*|grew|grow\w*|climb\w*|boost\w*|soar\w*|rais\w*|more than|expand\w*|add\w*)\b",
    re.I,
)
TRADE_CONTEXT = re.compile(
    r"\b(?:export\w*|import\w*|shipment\w*|ship\w*|trade|trading|production|produc\w*|output|mining|mined|reserves?"
    r"|stocks?|inventor\w*|prices?|priced|market|share|accounting for|tariffs?|dut(?:y|ies)|quotas?|surplus|deficit"
    r"|suppl\w*|harvest\w*|crops?|sales|sold|sell(?:s|ing)?|purchas\w*|bought|buy|consum\w*|demand|capacity"
    r"|sown|yield)\b",
    re.I,
)
NOT_TRADE = re.compile(
    r"\b(?:interest rates?|rate of interest|inflation|unemployment|jobless|votes?|stake|shr|net income|net loss|"
    r"profits?|revenues?|revs|earnings|dividend|qtr|quarter net|per share|exchange rate|yield on|discount rate|"
    r"prime rate|bond|notes due|debentures|loan|credit line|shares of|common stock|acquisition|merger|takeover|"
    r"shares (?:in|of|were|rose|fell|closed|jumped|gained)|share price|stock price|stock market|growth rate|gdp|"
    r"gross domestic|economic growth|economy grew|deal worth|operating loss|losses|salary|salaries|wages?|"
    r"house prices?|asking price|population|poll|survey|budget deficit)\b"
    # exchange rates: "against the euro", "the dollar hit $1.35", "the euro reached $1.30"
    r"|\bagainst the (?:u\.s\. |[a-z]+ )?(?:dollar|euro|yen|pound|sterling|mark|franc|greenback|currency)s?\b"
    # "The dollar in any case held in a narrow range": up to three words between the currency and its verb.
    r"|\b(?:dollar|euro|greenback|yen|sterling|pound|currency)\s+(?:\w+\s+){0,3}(?:was|is|hit|rose|fell|traded|trading|"
    r"reached|reaches|closed|stood|slipped|climbed|rallied|rallying|touched|held|holds|firmed|eased|weakened|"
    r"appears|seems|dipped)\b"
    # Currency dealers' words: "test support levels at 143 yen", "a quoted low of 144.85".
    r"|\b(?:support|resistance) levels?\b|\bquoted (?:at|low|high)\b|\bdipped below\b",
    re.I,
)
# A share of GDP is a figure when it is a trade balance ("a current account deficit of 5% of GDP").
TRADE_BALANCE = re.compile(r"\b(?:current[- ]account|trade (?:deficit|surplus|gap|balance))\b", re.I)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100,
}  # fmt: skip
METRICS = [
    (r"market share|accounting for|account(?:s|ed)? for|share of", "market_share"), (r"reserves?", "reserves"),
    (r"stocks?|inventor\w*", "stocks"), (r"tariffs?|dut(?:y|ies)", "tariff"), (r"quotas?", "quota"),
    (r"surplus|deficit|trade balance", "trade_balance"), (r"prices?|priced|cost", "price"),
    (r"export\w*|shipment\w*|shipped|sales abroad", "exports"), (r"import\w*|purchas\w*|bought|buy", "imports"),
    (r"production|produc\w*|output|mining|mined|harvest\w*|crops?", "production"), (r"credits?", "credit"),
    (r"consum\w*|demand", "consumption"), (r"sales|sold", "sales"),
]  # fmt: skip
PERIOD = re.compile(
    r"\b(?:(?:in|since|from|for|during|than|over|by|until|to)\s+)?(?:(?:the\s+)?(?:first|second|third|fourth|last|next|same|previous)\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"quarter|half|year|month|week|season|(?:19|20)\d\d(?:/\d\d)?)(?:\s+(?:19|20)\d\d)?(?:\s+levels?)?\b",
    re.I,
)


@dataclass
class Figure:
    value: float
    unit: str
    direction: str | None
    approximate: bool
    metric: str | None
    commodity: str | None
    country: str | None
    partner_country: str | None
    period_text: str | None
    start: int
    end: int


def _unit_of(text: str) -> str | None:
    for pattern, unit in UNITS:
        if re.fullmatch(pattern, text.strip(), re.I):
            return unit
    return None


def find_figures(
    text: str,
    sentence_spans: list[tuple[int, int]],
    commodities: list[CommodityMention],
    settings: ExtractionSettings = DEFAULT,
) -> list[Figure]:
    found = []
    seen = set()
    amount_sentence: dict[tuple, int] = {}
    # A figure with no place of its own is about the country the text is about.
    home = document_country(text, settings.story_country_share, settings.story_country_min_mentions)
    goods = _story_commodity(commodities, settings.story_commodity_share)
    previous_trade = False
    for s_start, s_end in sentence_spans:
        sentence = text[s_start:s_end]
        trade = TRADE_CONTEXT.search(sentence) is not None or any(
            s_start <= c.start < s_end for c in commodities
        )
        # "... will slash output by 11 pct. This follows a cutback of more than 20 pct": the sentence
        # goes on about the previous one's trade quantity.
        follows_on = previous_trade and CONTINUES.match(sentence) is not None
        previous_trade = trade
        if not (trade or follows_on):
            continue
        in_sentence = [c for c in commodities if s_start <= c.start < s_end]
        # Without a commodity of its own, a figure is about the goods the text was just discussing.
        earlier = [c for c in commodities if s_start - settings.trade_context_chars <= c.start < s_start]
        for m in FIGURE.finditer(sentence):
            for figure in _figures(text, sentence, s_start, m, in_sentence or earlier[-1:]):
                if figure.country is None and figure.partner_country != home:
                    figure.country = home
                if figure.commodity is None and _is_quantity(figure.unit):
                    figure.commodity = goods  # "2.0 mln bags per month" in a coffee story
                # A number given twice for one fact (a quotation and its paraphrase) is one figure.
                key = (
                    figure.value,
                    figure.unit,
                    figure.metric,
                    figure.commodity,
                    figure.country,
                    figure.partner_country,
                )
                # An amount of goods or money repeated in another sentence (headline, lead, quotation) is
                # one fact even when the sentences word it differently; within one sentence ("785 to 995
                # dlrs for March, 785 dlrs for May") and for percentages a repeat is often another fact.
                amount = (figure.value, figure.unit, figure.commodity)
                repeated = amount_sentence.get(amount, s_start) != s_start
                if key not in seen and (figure.unit in ("percent", "percentage_point") or not repeated):
                    seen.add(key)
                    amount_sentence.setdefault(amount, s_start)
                    found.append(figure)
    return found


def _story_commodity(commodities: list[CommodityMention], share: float) -> str | None:
    """The goods a text is about: the commodity of at least this share of its mentions, and of two."""
    return leading(Counter(c.commodity for c in commodities), share, 2)


def _is_quantity(unit: str) -> bool:
    """Tonnes, bags, barrels: not money (a currency code) and not a share."""
    return not (len(unit) == 3 and unit.isupper()) and unit not in ("percent", "percentage_point")


CONTINUES = re.compile(r"(?:This|That|It|These)\s+(?:follows?|followed|compares?|compared)\b")


def _figures(
    text: str, sentence: str, offset: int, m: re.Match, commodities: list[CommodityMention]
) -> list[Figure]:
    """The figure of a number, and the upper end of a range ("14 to 15 dlrs") as a second one."""
    figure = _figure(text, sentence, offset, m, commodities)
    if figure is None:
        return []
    if not m.group("num2"):
        return [figure]
    scale = SCALES.get((m.group("scale") or "").lower(), 1.0) / (
        100 if m.group("unit") and _unit_of(m.group("unit")) == "USD_CENT" else 1
    )
    upper = float(f"{_number(m.group('num2')) * scale:.12g}")
    return [figure, replace(figure, value=upper, start=offset + m.start("num2"))]


def _figure(
    text: str, sentence: str, offset: int, m: re.Match, commodities: list[CommodityMention]
) -> Figure | None:
    raw_unit = m.group("unit")
    unit = _unit_of(raw_unit) if raw_unit else None
    currency = CURRENCY_SYMBOLS.get((m.group("cur") or "").strip().lower())
    if currency and unit in (None, "USD"):
        unit = currency
    carried_scale = 1.0
    if unit is None:
        unit, carried_scale = _carried_unit(sentence, m)
    if unit is None or _looks_like_a_date_or_rank(sentence, m):
        return None
    if (
        m.group("scale")
        and m.group("scale").lower() in ("m", "b", "k")
        and not currency
        and unit not in ("USD", "GBP")
    ):
        return None
    clause_start, clause_end = _clause(sentence, m.start(), m.end())
    clause = sentence[clause_start:clause_end]
    excluded = NOT_TRADE.search(clause)
    if excluded and not (
        re.fullmatch(r"gdp|gross domestic", excluded.group(0), re.I) and TRADE_BALANCE.search(clause)
    ):
        return None
    before = sentence[max(clause_start, m.start() - 40) : m.start()]
    near = sentence[max(clause_start, m.start() - 50) : min(clause_end, m.end() + 50)]
    value = _number(m.group("num")) * SCALES.get((m.group("scale") or "").lower(), carried_scale)
    value = float(f"{value:.12g}")  # 64.4 * 1e6 is 64400000.00000001 in binary floating point
    if unit == "USD_CENT":
        unit, value = "USD", value / 100
    direction = _nearest_direction(sentence, m, clause_start, clause_end)
    commodity = _nearest(commodities, offset + m.start(), lambda c: c.commodity)
    country, partner = _countries(sentence, clause_start, clause_end, m)
    period = None
    periods = [
        p
        for p in PERIOD.finditer(sentence, clause_start, clause_end)
        if not (m.start() <= p.start() < m.end())
    ]
    if periods:
        p = min(periods, key=lambda p: abs(p.start() - m.end()))
        period = p.group(0)
    metric = next((name for pattern, name in METRICS if re.search(rf"\b(?:{pattern})", near, re.I)), None)
    return Figure(
        value=value,
        unit=unit,
        direction=direction,
        approximate=bool(
            APPROXIMATE.search(before)
            and not ESTIMATED_AT.search(before)
            or re.search(r"\b(?:about|roughly|approximately|nearly|some|around)\s+$", before, re.I)
        ),
        metric=metric,
        commodity=commodity,
        country=country,
        partner_country=partner,
        period_text=period,
        start=offset + m.start(),
        end=offset + m.end(),
    )


# After a scaled number without a unit, a word that shows no noun of its own follows ("9.9 mln exported",
# "between 11.2 mln and 12 mln bags"); "1.5 mln people" has its own noun and stays no figure.
NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.]|$|(?:and|or|to|in|at|for|from|by|last|this|a|an|the|were|was|is|are|against|compared|"
    r"versus|vs|\w+ed)\b)",
    re.I,
)


def _carried_unit(sentence: str, m: re.Match) -> tuple[str | None, float]:
    """The unit (and scale) of a range or list carried to a number printed without them: the next
    number's when "and", "to" or "or" joins them ("2.0 or 2.5 pct", "between 11.2 mln and 12 mln
    bags"); for a scaled number, else the unit of a scaled number before it ("5.5 mln bags, ... the
    9.9 mln exported")."""
    joined = re.match(r"(?:,\s+|\s*(?:and|or|to)\s+|-)(?=\S)", sentence[m.end() :])
    if joined and not m.group("cur"):
        following = FIGURE.match(sentence, m.end() + joined.end())
        if (
            following
            and following.group("unit")
            and not following.group("cur")
            and not following.group("bagsize")
        ):
            scale = SCALES.get((following.group("scale") or "").lower(), 1.0)
            if m.group("scale") is None or following.group("scale"):
                return _unit_of(following.group("unit")), scale
    scaled = m.group("scale") and m.group("scale").lower() in ("thousand", "million", "mln", "billion", "bln")
    if (
        not scaled
        or not NO_NOUN_AFTER.match(sentence, m.end())
        or sentence[: m.start()].rstrip().endswith("(")
    ):
        return None, 1.0
    for previous in reversed(list(FIGURE.finditer(sentence, 0, m.start()))):
        if re.search(r"[;()]", sentence[previous.end() : m.start()]):
            break  # "($25.7 billion; 24.3 billion euros; 21.2 billion)": conversions into other currencies
        if previous.group("unit") and previous.group("scale"):
            unit = _unit_of(previous.group("unit"))
            return (unit, 1.0) if unit not in ("percent", "percentage_point") else (None, 1.0)
    return None, 1.0


def _number(text: str) -> float:
    word = text.lower()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(text.replace(",", ""))


def _looks_like_a_date_or_rank(sentence: str, m: re.Match) -> bool:
    after = sentence[m.end() : m.end() + 3]
    if sentence[max(0, m.start() - 1) : m.start()] == "/":
        return True  # the denominator of a fraction ("8-3/4 to nine pct")
    return bool(re.match(r"(?:st|nd|rd|th)\b", after)) or (
        re.fullmatch(r"(?:19|20)\d\d", m.group("num")) is not None and not m.group("unit")
    )


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a number: between the nearest clause breaks (; , although, while, but)."""
    breaks = [
        b.end()
        for b in re.finditer(
            r";|,\s+(?:although|while|but|whereas|yet)\b|\b(?:although|whereas)\b", sentence[:start]
        )
    ]
    after = re.search(r";|,\s+(?:although|while|but|whereas|yet|according)\b", sentence[end:])
    return (breaks[-1] if breaks else 0), (end + after.start() if after else len(sentence))


# The words before the level a change ended at: "at $44.38", "to reach 1.88 billion".
LEVEL_BEFORE = re.compile(
    r"\b(?:at|to|(?:to )?(?:reach|exceed|total|stand at)|reaching|exceeding|totalling|totaling)\s+$"
)


def _nearest_direction(sentence: str, m: re.Match, clause_start: int, clause_end: int) -> str | None:
    """The change word nearest the number; none for the level a change ended at ("down 51 cents
    at $44.38": the 51 cents fell, $44.38 is where the price stands)."""
    if LEVEL_BEFORE.search(sentence[max(0, m.start() - 16) : m.start()]) and FIGURE.search(
        sentence, max(clause_start, m.start() - 40), m.start()
    ):
        return None
    candidates = []
    for pattern, name in ((DECREASE, "decrease"), (INCREASE, "increase")):
        for d in pattern.finditer(sentence, clause_start, clause_end):
            after = d.start() >= m.end()
            distance = d.start() - m.end() if after else m.start() - d.end()
            if distance <= (20 if after else 40):
                candidates.append((distance + (0 if d.start() >= m.end() else 5), name))
    return min(candidates)[1] if candidates else None


def _nearest(items: list, position: int, key) -> str | None:  # noqa: ANN001 - any extracted item with a start
    if not items:
        return None
    return key(min(items, key=lambda c: abs(c.start - position)))


def _countries(
    sentence: str, clause_start: int, clause_end: int, m: re.Match
) -> tuple[str | None, str | None]:
    """Partner: "to India", "from China" in the number's clause; country: the subject, before or after."""
    partner, before, after = None, None, None
    compound = re.search(
        r"(?<![\w.])(\S+?)-(\S+?)\s+(?:trade|talks|accord|agreement|pact|deal|relations)\b", sentence
    )
    if compound:  # "U.S.-Japan trade": the first is the country, the second its partner
        first, second = find_places(compound.group(1)), find_places(compound.group(2))
        if first and second:
            return first[0][2].country, second[0][2].country
    places = find_places(sentence)
    for (s1, e1, first), (s2, _e2, second) in zip(places, places[1:], strict=False):
        # "trade between Russia and Iran": the first is the country, the second its partner
        if (
            re.search(r"\bbetween\s+(?:the\s+)?$", sentence[max(0, s1 - 12) : s1], re.I)
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", sentence[e1:s2])
            and first.country != second.country
        ):
            return first.country, second.country
    for start, end, place in places:
        preceding = sentence[max(0, start - 10) : start].lower()
        # "exports to the US", "imports from China"; "a duty on Chinese goods": goods of that origin
        to_place = re.search(r"\b(?:to|from|with|into)\s+(?:the\s+)?$", preceding)
        origin = place.kind == "demonym" and re.match(
            r"\s+(?:goods|products|imports)\b", sentence[end : end + 10]
        )
        if to_place or origin:
            if clause_start <= start < clause_end and partner is None:
                partner = place.country
            continue
        if start < m.start():
            before = before or place.country
        elif after is None:
            after = place.country
    country = before or after
    return (None if country == partner else country), partner
