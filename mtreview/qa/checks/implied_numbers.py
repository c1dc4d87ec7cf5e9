"""Japanese numbers that English words imply without writing them: "every pound we spend" is 1ポンド, and a
"four-day week" is 週休3日 (three days off a week). Used by the numbers check through ``implied``; and the
years Japanese writes short (60年代 for "the 1960s", 2019年から20年 for "from 2019 to 2020")."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven")
ONE_OF_A_CURRENCY = re.compile(
    r"\b(?:a|an|one|every|each|per|single)\s+(?:single\s+)?(pound|dollar|euro|yen)s?\b", re.IGNORECASE
)
"""One unit of a currency said with an article or a determiner ("every pound", "a dollar", "per euro")."""
ONE_AND_CURRENCY = re.compile(r"[1１]\s?(ポンド|ドル|ユーロ|円)")
DAYS_OFF = re.compile(r"週休\s?$")
N_DAY_WEEK = re.compile(
    r"\b(\d|zero|one|two|three|four|five|six|seven)[\s-]+days?[\s-]+(?:(?:working|work)\s+)?week",
    re.IGNORECASE,
)
"""A working week by its days ("a four-day week", "a 4-day working week")."""
TRAILING_NUMBER = re.compile(r"[0-9０-９.．]+$")


ONE_OF_A_PERIOD = re.compile(
    r"\b(?:(?:a|an|per|each|every|one)\s+(?:full\s+|whole\s+|single\s+)?(day|week|month|year|hour)|"
    r"(dai|week|month|year|hour)ly|(annual)ly)\b",
    re.IGNORECASE,
)
"""A rate's period ("twice a day", "£5 per week", "daily", "annually")."""
ONE_AND_PERIOD = re.compile(r"[1１]\s?(日|週|週間|カ月|か月|ヶ月|年|年間|時間)(?:あたり|当たり|に|で|平均)?")
_PERIOD_OF = {"日": "day", "週": "week", "週間": "week", "カ月": "month", "か月": "month", "ヶ月": "month"}
_PERIOD_OF |= {"年": "year", "年間": "year", "時間": "hour"}


def one_of_a_period(source: str, target: str, value: float, end: int) -> bool:
    """1日, 1年… for "a day", "per year", "daily": the period of a rate (1日2回 for "twice a day"), no more
    such ones in the translation than the English says."""
    if value != 1:
        return False
    here = ONE_AND_PERIOD.match(target, end - 1) if end else None
    if here is None:
        return False
    period = _PERIOD_OF[here.group(1)]
    said = sum(
        1
        for m in ONE_OF_A_PERIOD.finditer(source)
        if (m.group(1) or m.group(2) or "year").lower().replace("dai", "day").startswith(period)
    )
    written = sum(1 for m in ONE_AND_PERIOD.finditer(target) if _PERIOD_OF[m.group(1)] == period)
    return 0 < written <= said


DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70}
DECADES |= {"eighties": 80, "nineties": 90}
EN_AGE_DECADE = re.compile(
    r"\b(?:(?P<teen>teens|teenage|teenager|teenagers|teenaged)|(?P<decade>twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties))\b",
    re.IGNORECASE,
)
"""An age by its decade ("in her sixties", "teenagers"): 60代, 10代."""
EN_THE_DECADE = re.compile(r"\b(?:the|this|next|coming)\s+decade\b", re.IGNORECASE)
SHARES = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
EN_SHARE_WORD = re.compile(
    r"\b(?:(?:a|one)\s+(?P<d>third|quarter|fifth|tenth)|(?P<half>half))\b", re.IGNORECASE
)


def said_in_words(source: str, target: str, value: float, end: int) -> bool:
    """A number the English says in words of another kind: 60代 for "in her sixties", 10代 for "teenagers",
    2020年代 for "by the end of the decade", 2割 for "a fifth" (3割 for "a third": a share in tenths)."""
    if target[end : end + 1] == "代" and value in (10, 20, 30, 40, 50, 60, 70, 80, 90):
        said = {
            10 if m.group("teen") else DECADES[m.group("decade").lower()]
            for m in EN_AGE_DECADE.finditer(source)
        }
        return value in said
    if target[end : end + 2] == "年代" and value % 10 == 0 and 1900 <= value <= 2100:
        return EN_THE_DECADE.search(source) is not None
    if target[end - 1 : end] == "割" and 0 < value <= 100:
        words = [SHARES[(m.group("d") or m.group("half")).lower()] for m in EN_SHARE_WORD.finditer(source)]
        return any(abs(100 * w - value) <= 4 for w in words)
    return False


def one_of_a_currency(source: str, target: str, value: float, end: int) -> bool:
    """1ポンド, 1ドル… for "every pound", "a dollar": one unit of the same currency the English names with a
    determiner, and no more such ones in the translation than the English says (the fare's 1ドル beside
    "a dollar a litre" is still a number of its own)."""
    if value != 1:
        return False
    here = next((m for m in ONE_AND_CURRENCY.finditer(target, max(0, end - 8), end) if m.end() == end), None)
    if here is None:
        return False
    from mtreview.qa.checks.numbers import CURRENCIES  # (numbers imports this module through named_lists)

    code = CURRENCIES[here.group(1)]
    said = sum(1 for m in ONE_OF_A_CURRENCY.finditer(source) if CURRENCIES[m.group(1).lower()] == code)
    written = sum(1 for m in ONE_AND_CURRENCY.finditer(target) if m.group(1) == here.group(1))
    return 0 < written <= said


def days_off(source: str, target: str, value: float, end: int) -> bool:
    """週休K日 for an English "(7−K)-day week": the Japanese counts the days off, the English the days
    worked (週休2日制 is a five-day week)."""
    if not 0 <= value <= 7 or value != int(value) or target[end : end + 1] != "日":
        return False
    number = TRAILING_NUMBER.search(target, 0, end)
    if number is None or DAYS_OFF.search(target, 0, number.start()) is None:
        return False
    worked = 7 - int(value)
    for m in N_DAY_WEEK.finditer(source):
        said = m.group(1).lower()
        if (int(said) if said.isdigit() else NUMBER_WORDS.index(said)) == worked:
            return True
    return False


FULL_YEAR = re.compile(r"(1[89]|20)(\d\d)年")
SHORT_YEAR_REACH = 16
"""How far before a short year (60年代) a full one (1950年代と) may stand: the same phrase."""


def short_years(text: str, found: Sequence[Any]) -> list[Any]:
    """``found`` (the numbers check's quantities of ``text``) with a second reading of each year Japanese
    writes with two digits: after a full year of the same phrase, in its century and later (1950年代と
    60年代: 1960; 2019年から20年: 2020); a decade alone (60年代) in the 1900s, 10年代 and 20年代 in the
    2000s."""
    out = list(found)
    for i, q in enumerate(out):
        value = q.value
        if (
            q.alt is not None
            or not 0 <= value <= 99
            or value != int(value)
            or text[q.end : q.end + 1] != "年"
        ):
            continue
        if q.end - q.start != 2 or (q.start > 0 and text[q.start - 1] in "0123456789.,"):
            continue
        before = text[max(0, q.start - SHORT_YEAR_REACH) : q.start]
        full = [m for m in FULL_YEAR.finditer(before) if "。" not in before[m.end() :]]
        if full:
            year = int(full[-1].group(1) + full[-1].group(2))
            alt = int(full[-1].group(1)) * 100 + int(value)
            if year < alt:
                out[i] = dataclasses.replace(q, alt=float(alt))
        elif text[q.end : q.end + 2] == "年代" and 10 <= value <= 90 and value % 10 == 0:
            # (10年代, 20年代: this century's; 30年代 to 90年代: the last one's)
            out[i] = dataclasses.replace(q, alt=(2000.0 if value <= 20 else 1900.0) + value)
    return out
