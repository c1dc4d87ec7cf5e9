"""Days of a month on both sides of a pair: "June 7", "1 July", "Sept. 30th" and 7月6日, compared as
(month, day) values. The dates check reports a Japanese date that gives another day than the English one
it stands for (7月6日 for "June 7": swapped, or the month or the day changed); the numbers check leaves the
figures of the dates compared here to it (one finding for one wrong date, which says what the date is)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mtreview.qa.jtext import to_halfwidth_ascii

_MONTH_NAMES = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|"
    "Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
EN_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_NAMES})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_NAMES})\b)"
)
"""A day of a month: June 7, Sept. 30th, 1 July, 15th of March (capitalised: "may" is also a verb)."""
JA_DATE = re.compile(r"(\d{1,2})\s?月\s?(\d{1,2})\s?日")
"""A day of a month in (half-width folded) Japanese: 7月6日, 12月 1日."""
_MONTHS = {
    name: i
    for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


@dataclass(frozen=True)
class MonthDays:
    wrong: list[tuple[int, int, re.Match[str]]] = field(default_factory=list)
    """(start, end) of a Japanese date that is not the English date (the match) it stands for."""
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    """English dates compared here (rendered, or the evidence of a wrong one)."""
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    """Japanese dates compared here (an English date's rendering, or a wrong one)."""

    def covers(self, start: int, spans: list[tuple[int, int]]) -> bool:
        return any(a <= start < b for a, b in spans)


EN_FIRST_DAY = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|or|until|till|through)\s*$", re.IGNORECASE
)
"""The first day of a day-first range or list: "1 to 5 June", "7 and 8 June", "between 10 and 14 March"."""


def en_dates(source: str) -> dict[tuple[int, int], re.Match[str]]:
    """(month, day) → its first mention, of each day of a month the English names (both days of "1 to
    5 June")."""
    out: dict[tuple[int, int], re.Match[str]] = {}
    for m in EN_DATE.finditer(source):
        month = _MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
        days = [int(m.group("d1") or m.group("d2"))]
        if m.group("d2"):
            first = EN_FIRST_DAY.search(source, max(0, m.start() - 16), m.start())
            if first is not None:
                days.insert(0, int(first.group(1)))
        for day in days:
            if 1 <= day <= 31:
                out.setdefault((month, day), m)
    return out


@lru_cache(maxsize=256)
def month_days(source: str, target: str) -> MonthDays:
    """The pair's days of a month compared (cached: the dates and numbers checks both ask)."""
    result = MonthDays()
    if "月" not in target:
        return result
    en = en_dates(source)
    if not en:
        return result
    ja = [
        (int(m.group(1)), int(m.group(2)), m.start(), m.end())
        for m in JA_DATE.finditer(to_halfwidth_ascii(target))
    ]
    said = {(month, day) for month, day, _s, _e in ja}
    missing = [(value, m) for value, m in en.items() if value not in said]
    result.source_spans.extend(m.span() for value, m in en.items() if value in said)
    for month, day, start, end in ja:
        if (month, day) in en:
            result.target_spans.append((start, end))
            continue
        evidence = next(
            (m for (em, ed), m in missing if em == month or ed == day or (ed, em) == (month, day)), None
        )
        if evidence is not None:
            result.wrong.append((start, end, evidence))
            result.target_spans.append((start, end))
            result.source_spans.append(evidence.span())
    return result
