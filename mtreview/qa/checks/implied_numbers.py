"""Japanese numbers that English words imply without writing them: "every pound we spend" is 1ポンド, and a
"four-day week" is 週休3日 (three days off a week). Used by the numbers check through ``implied``."""

from __future__ import annotations

import re

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
