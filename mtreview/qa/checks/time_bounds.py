"""A bound in time turned round: "registered before 2015" rendered 2015年以降に登録された, "since March"
rendered 3月まで. Used by the comparison check.

The English bound is a preposition before a year or a month (before, prior to, until, by ↔ after, since,
from; "not until 2030" is after it); the Japanese one is the particle after the same year or month (以前,
より前, まで, 前に ↔ 以降, 以後, から, 以来, より後). A year or month bounded one way in the English and only
the other way in the translation is reported; one the English bounds both ways, or that the translation
gives without a bound, is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis.wordlists import COUNTERS, MONTHS

BEFORE, AFTER = "before", "after"
_MONTHS_TITLE = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
"""Month names as written: "May" is a month, "may" a modal."""
EN_TIME_BOUND = re.compile(
    r"\b(?P<neg>not\s+)?(?P<word>before|prior\s+to|until|till|by|after|since|from)\s+"
    r"(?:(?:early|mid|late)[- ]|the\s+(?:start|end|beginning|middle)\s+of\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?=[A-Z]))?"  # a UK date: "before 1 April 2017"
    rf"(?:(?-i:(?P<month>{_MONTHS_TITLE}))\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?=\d))?)?"
    r"(?P<year>(?:19|20)\d{2})?\b"
    r"(?!\s*(?:[-–—/]|to\b|and\b|through\b|until\b|till\b)\s*(?:\d|[A-Z]))",
    re.IGNORECASE,
)
"""A bound before a year or a month (not the first end of a range: "from 2015 to 2020")."""
EN_WORDS_BEFORE = frozenset({"before", "prior to", "until", "till", "by"})
JA_RELATIONS = "以前|より前|までに|まで|前に|以降|以後|から|以来|より後|後に"
JA_TIME_BOUND = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})年(?:度)?)?(?:(?P<month>\d{1,2})月)?(?:\d{1,2}日)?(?:上旬|中旬|下旬|末|初め)?"
    rf"(?P<rel>{JA_RELATIONS})"
)
JA_TIME_QUICK = re.compile(rf"[年月日](?:度)?(?:上旬|中旬|下旬|末|初め)?(?:{JA_RELATIONS})")
"""A bound after a year, a month or a day in the translation: a cheap test before the English is read."""
JA_BEFORE = frozenset({"以前", "より前", "までに", "まで", "前に"})


def _key(year: str | None, month: int | None) -> tuple[str, int] | None:
    if year:
        return ("y", int(year))
    if month:
        return ("m", month)
    return None


_NEGATION = re.compile(
    r"\b(?:not|never|no|unlikely|doubt|doubtful|few|last\s+time|first\s+time|wait|waiting|postpone|"
    r"postponed|delay|delayed|defer|deferred|put\s+off|push(?:ed)?\s+back|held\s+off|hold\s+off|"
    r"suspend|suspended|shelve|shelved)\b|n't\b",
    re.IGNORECASE,
)
"""What turns a bound round or makes it uncertain: a negation, a delay ("postponed until 2027": 2027年以降
に延期), a doubt ("unlikely to reopen before 2026": 2026年以降になる見通し), a last time ("the last time
rates were this high was before 2008": 2008年以来)."""


def _negated_before(source: str, at: int) -> bool:
    """Whether the clause before ``at`` is negated ("will not reopen until", "won't be ready before")."""
    start = max(source.rfind(",", 0, at), source.rfind(".", 0, at), source.rfind(";", 0, at), at - 80, 0)
    return _NEGATION.search(source, start, at) is not None


def english_time_bounds(source: str) -> dict[tuple[str, int], list[tuple[str, int, int]]]:
    """Year or month → (direction, start, end) of each English bound on it."""
    out: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
    for m in EN_TIME_BOUND.finditer(source):
        month = MONTHS.get((m.group("month") or "").lower())
        key = _key(m.group("year"), month)
        if key is None:
            continue
        word = re.sub(r"\s+", " ", m.group("word").lower())
        if word == "from" and not m.group("year"):
            continue  # "from March" often opens a period the sentence goes on to close
        direction = BEFORE if word in EN_WORDS_BEFORE else AFTER
        if m.group("neg") or _negated_before(source, m.start()):
            continue  # "not until 2030" is after it, but 2030年まで…しない keeps the negation: both are right
        out.setdefault(key, []).append((direction, m.start(), m.end()))
    return out


def japanese_time_bounds(target: str) -> dict[tuple[str, int], list[tuple[str, int, int]]]:
    out: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
    for m in JA_TIME_BOUND.finditer(target):
        month = int(m.group("month")) if m.group("month") else None
        key = _key(m.group("year"), month)
        if key is None:
            continue
        if m.group("rel") == "から" and target.startswith(("まで", "にかけ"), m.end()):
            continue
        direction = BEFORE if m.group("rel") in JA_BEFORE else AFTER
        out.setdefault(key, []).append((direction, m.start(), m.end()))
    return out


def reversed_time_bounds(source: str, target: str) -> Iterator[tuple[str, int, int, int, int]]:
    """(English direction, English start, end, Japanese start, end) of each bound the translation turns
    round."""
    if JA_TIME_QUICK.search(target) is None:
        return
    english = english_time_bounds(source)
    if not english:
        return
    japanese = japanese_time_bounds(target)
    for key, said in english.items():
        directions = {d for d, _s, _e in said}
        rendered = japanese.get(key, [])
        if len(directions) != 1 or not rendered:
            continue
        direction = directions.pop()
        if any(d == direction for d, _s, _e in rendered):
            continue
        if key[0] == "m" and any(k[0] == "y" for k in english):
            continue  # "before March 2024" is the year's bound; a month alone is compared without a year
        _d, s_start, s_end = said[0]
        _d2, t_start, t_end = rendered[0]
        yield direction, s_start, s_end, t_start, t_end


EN_AT_LEAST_UNTIL = re.compile(
    r"\b(?:until|till)\s+at\s+least\b|\bat\s+least\s+(?:until|till)\b", re.IGNORECASE
)
EN_AT_THE_LATEST = re.compile(r"\bat\s+the\s+latest\b(?!\s+[a-z])|\bno\s+later\s+than\b", re.IGNORECASE)
JA_AT_THE_LATEST = re.compile(r"遅くとも|遅くても")
JA_AT_LEAST_UNTIL = re.compile(
    rf"早くとも|早くても|少なくとも(?![0-9０-９一二三四五六七八九十百千数]+(?:{COUNTERS}))[^。、]{{0,16}}?まで"
)
"""A time's lower bound (not 少なくとも20人, a count)."""


def turned_time_limits(source: str, target: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(English span, Japanese span) where a time's lower bound is rendered as its upper bound or the
    reverse: "postponed until at least next Monday" (not before) rendered 遅くとも来週月曜日まで (by then at
    the latest), "by Friday at the latest" rendered 早くとも金曜日."""
    for english_re, japanese_re, other_re in (
        (EN_AT_LEAST_UNTIL, JA_AT_THE_LATEST, JA_AT_LEAST_UNTIL),
        (EN_AT_THE_LATEST, JA_AT_LEAST_UNTIL, JA_AT_THE_LATEST),
    ):
        said = english_re.search(source)
        if said is None or english_re.search(source, said.end()) is not None:
            continue  # one bound of the kind in the paragraph: the other kind renders it
        rendered = japanese_re.search(target)
        if rendered is not None and other_re.search(target) is None:
            yield said.span(), rendered.span()
