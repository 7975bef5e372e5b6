"""Calendar dates written out in news text: "Jun 14, 2025", "14 June 2025", "2025-06-14"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # June 14, 2025
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 14 June 2025
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2025-06-14
)


@dataclass(frozen=True)
class DateMention:
    value: date
    start: int
    end: int


def find_dates(text: str) -> list[DateMention]:
    """Every full calendar date (day, month and year) in the text, in order of position."""
    found: dict[int, DateMention] = {}
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            month_text = m.group("month").lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
            try:
                value = date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            if not any(d.start <= m.start() < d.end for d in found.values()):
                found[m.start()] = DateMention(value, m.start(), m.end())
    return [found[k] for k in sorted(found)]
