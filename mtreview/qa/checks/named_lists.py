"""A list of names the translation counts: "Ashby, Elmford and Oakley schools" rendered 3校. Used by the
numbers check (a count of the listed names is no added number)."""

from __future__ import annotations

import re

from mtreview.qa.analysis.wordlists import DAYS_AND_MONTHS
from mtreview.qa.checks.implied_numbers import days_off, one_of_a_currency, one_of_a_period, said_in_words

_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
NAMED_LIST = re.compile(rf"\b{_NAME}(?:, {_NAME})*,? (?:and|or) {_NAME}")
"""Names listed with commas and "and" (Upper Ashby, Elmford and Oakley)."""
OPENER = re.compile(
    r"^(?:On|In|At|By|For|From|With|After|Before|During|Since|Until|The|A|An|But|And|Yesterday|Today|"
    r"Meanwhile|However|Last|Next|This)(?: |$)"
)
DAY_OR_MONTH = re.compile(rf"(?:{DAYS_AND_MONTHS})")
"""A capitalised sentence opener before a name ("The Labour"), and a day or month ("On Monday, Smith and
Jones"): no name listed."""
NOT_COUNTERS = frozenset("時日年月週分秒回度倍点円万億兆位対割歳件")
"""Kanji after a number that measure or order rather than count the names (3時間, 3日, 3点差, 2対2)."""


def named_list_sizes(source: str) -> set[float]:
    """How many names each list of names in ``source`` holds: a translation may count them (3校)."""
    sizes = set()
    for m in NAMED_LIST.finditer(source):
        names = [OPENER.sub("", n) for n in re.findall(_NAME, m.group())]
        names = [n for n in names if n and not DAY_OR_MONTH.fullmatch(n)]
        if len(names) >= 2:
            sizes.add(round(float(len(names)), 6))
    return sizes


def counted(target: str, end: int) -> bool:
    """Whether a number is followed by a counter or a noun (3校, 3小学校, 3カ国), not a unit sign nor a
    measure (3時間, 3日)."""
    return end < len(target) and (
        target[end] in "カヶか" or ("\u4e00" <= target[end] <= "\u9fff" and target[end] not in NOT_COUNTERS)
    )


def counts_names(source: str, target: str, value: float, end: int) -> bool:
    """Whether a Japanese number that ends at ``end`` counts the names a list of ``source`` holds."""
    return round(value, 6) in named_list_sizes(source) and counted(target, end)


_RIVAL = rf"(?:the )?{_NAME}"
RANKING = re.compile(
    r"\b(?:(?P<runner>(?i:runners?-up))|(?i:ahead\s+of|followed\s+by|in\s+front\s+of|completed\s+by)\s+"
    rf"(?P<names>{_RIVAL}(?:, {_RIVAL})*(?:,? (?:and|or) {_RIVAL})?))",
)
"""A finishing order said without its places: "runner-up" (2位), or names after "ahead of", "followed by"
("finishing ahead of Varga and Aasland": 2位, 3位) — not "ahead of Sunday's race", "ahead of the vote"."""
PLACE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
"""A place the English states itself ("finished third"): a Japanese place must render it, none is implied."""


def implied(source: str, target: str, value: float, end: int, missing: bool) -> bool:
    """Whether a Japanese number the source does not write is one its words imply: a count of listed
    names (3校 for "Ash, Elm and Oak schools") or a place of a finishing order (2位, 3位 for "ahead of
    Varga and Aasland": one place after the first for each name; 2位 for "runner-up"), one unit of a
    currency (1ポンド for "every pound"), the period of a rate (1日 for "a day") or the days off of a working
    week (週休3日 for "a four-day week")."""
    if one_of_a_currency(source, target, value, end) or days_off(source, target, value, end):
        return True
    if one_of_a_period(source, target, value, end) or said_in_words(source, target, value, end):
        return True  # 1日2回 for "twice a day", 60代 for "in her sixties", 2割 for "a fifth"
    if target[end : end + 1] == "位" and 2 <= value <= 4 and not PLACE.search(source):
        for m in RANKING.finditer(source):
            if m.group("runner"):
                if value == 2:
                    return True
                continue
            names = [
                n.removeprefix("the ") for n in re.split(r",\s*|\s+(?:and|or)\s+", m.group("names")) if n
            ]
            if DAY_OR_MONTH.match(names[0]):
                continue  # "ahead of Sunday's race": a time, no rival
            if value <= len(names) + 1:
                return True
    return not missing and " and " in source and counts_names(source, target, value, end)
