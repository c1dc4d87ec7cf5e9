"""Numbers, currencies and units: the source's values must be in the translation and nothing else.

Japanese numerals are understood: 万/億/兆 scales ("$25 million" = 2500万ドル), kanji numerals, full-width
digits; so are English scale words (million, bn, k), number words, ordinals and month names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis.wordlists import CENTURY_ORDINALS, ORDINAL_CENTURY
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.checks.implied_numbers import short_years
from mtreview.qa.checks.named_lists import implied
from mtreview.qa.checks.units import conversion_notes, conversions
from mtreview.qa.context import DocumentFacts
from mtreview.qa.counts import stated_count
from mtreview.qa.jtext import to_halfwidth_ascii
from mtreview.qa.month_days import month_days


def _split(text: str) -> list[str]:
    return text.split()


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGITS = re.compile(r"\d[\d,.]*\d|\d")
"""A run of digits with inner separators: 25, 1,200, 4.6, 4.6.0 (one scan per side; context read around)."""
EN_AFTER = re.compile(
    r"(?P<scale>[\s-]?(?:thousand|million|billion|trillion)\b|(?:bn|mn|[kKMB])(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
    r"(?P<cur>\s?(?:dollars?|yen|euros?|pounds?|USD|JPY|EUR|GBP)\b)?",
    re.IGNORECASE,
)
JA_AFTER = re.compile(
    r"(?P<more>(?:\s?(?:百万|千万|[兆億万千])(?:\d[\d,.]*\d|\d)?)*)(?P<wari>割(?:\d分)?)?"
    r"(?P<pct>\s?(?:%|％|パーセント))?"
    r"(?P<cur>\s?(?:米ドル|カナダドル|豪ドル|NZドル|香港ドル|シンガポールドル|ドル|円|ユーロ|ポンド|人民元|元))?"
)
JA_PART = re.compile(rf"({_NUM})\s?(百万|千万|[兆億万千]|)")
PM_AFTER = re.compile(r"\s?pm\b", re.IGNORECASE)
SCALE_WORD_AFTER = re.compile(r"\s+(hundred|thousand|million|billion)\b")
FULLWIDTH_DIGIT = re.compile(r"[０-９]")
KANJI_NUMBER = re.compile(r"[〇一二三四五六七八九十百千万億兆]+")
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
JA_SCALES = {"千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "億": 1e8, "兆": 1e12}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "ドル": "USD",
    "米ドル": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "ユーロ": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "ポンド": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "円": "JPY",
    "元": "CNY",
    "人民元": "CNY",
    "カナダドル": "CAD",
    "豪ドル": "AUD",
    "nzドル": "NZD",
    "香港ドル": "HKD",
    "シンガポールドル": "SGD",
}
DOLLARS = {
    **{"C": "CAD", "CA": "CAD", "A": "AUD", "AU": "AUD"},
    **{"NZ": "NZD", "HK": "HKD", "S": "SGD", "US": "USD"},
}
DOLLAR_MARK = re.compile(r"(?<![A-Za-z])(CA|AU|NZ|HK|US|C|A|S)\$$", re.IGNORECASE)
"""The letters before a dollar sign that say whose dollar it is (C$250,000 is Canadian)."""
_TO_TWENTY = (
    "zero one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
WORDS: dict[str, float] = {w: i for i, w in enumerate(_split(_TO_TWENTY))}
_WORD_VALUES = """
thirty 30 forty 40 fifty 50 sixty 60 seventy 70 eighty 80 ninety 90 hundred 100 thousand 1000
million 1e6 billion 1e9 dozen 12 twice 2 double 2 doubled 2 doubles 2 doubling 2 twofold 2 triple 3
tripled 3 triples 3 tripling 3 threefold 3 quadruple 4 quadrupled 4 fourfold 4 half 0.5 halved 0.5
first 1 second 2 third 3 fourth 4 fifth 5 sixth 6 seventh 7 eighth 8 ninth 9 tenth 10 once 1
january 1 february 2 march 3 april 4 may 5 june 6 july 7 august 8 september 9 october 10 november 11
december 12 noon 12 midnight 0 hundreds 100 thousands 1000 millions 1e6 billions 1e9 dozens 12
decade 10 decades 10 century 100 single 1 pair 2 couple 2 both 2
"""
_PAIRS = _split(_WORD_VALUES)
WORDS.update({w: float(v) for w, v in zip(_PAIRS[::2], _PAIRS[1::2], strict=True)})
WORD_RE = re.compile(r"[a-z]+")
_ORDINAL = ("th", "st", "nd", "rd", "pm", "am", "a.", "p.", "s ", "s.", "s,")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    start: int
    end: int
    currency: str | None
    required: bool = True
    version: str | None = None
    """A dotted version such as 4.6.0, compared as a string."""
    alt: float | None = None
    """Another reading of the same text ("5m" is 5 metres or 5 million): either value matches."""

    def values(self) -> tuple[float, ...]:
        return (_key(self.value),) if self.alt is None else (_key(self.value), _key(self.alt))


def _to_float(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _glued(text: str, start: int, end: int) -> bool:
    """Digits inside an identifier such as ``k9x2`` or ``x86`` (not ``v3``, ``ISO-9``, ``HTTPv2``, 5th)."""
    after = text[end] if end < len(text) else ""
    if after in "xX" and text[end + 1 : end + 2].isdigit() and (start == 0 or not text[start - 1].isalpha()):
        return False  # a product: the 2 of 2x10MHz (2×10MHz in Japanese), not of k9x2
    alone = start == 0 or not text[start - 1].isalpha()
    if after == "p" and not text[end + 1 : end + 2].isalnum() and alone and end - start <= 3:
        return False  # pence (20p, 20ペンス); not a video's lines (1080p: an identifier)
    if (
        after.isascii()
        and after.isalpha()
        and text[end : end + 2].lower() not in _ORDINAL
        and not SCALE_SUFFIX.match(text, end)
        and not UNIT_GLUED.match(text, start)  # 120C, 250mg, 40km: a quantity
    ):
        return True
    return (
        start >= 2
        and text[start - 1].isascii()
        and text[start - 1].islower()
        and text[start - 2].isascii()
        and text[start - 2].isalpha()
        and text[start - 2].islower()
        and text[start - 1] != "v"
    )


SCALE_SUFFIX = re.compile(r"(?:bn|mn|[kKMmBb])(?![A-Za-z])")
"""A scale glued to the digits: $3.2bn, 5.3m, 20k, $4B (not 5x, 4GB, x86)."""
UNIT_GLUED = re.compile(
    r"(?<![A-Za-z])[\d.,]+(?:[CF]|[mk]g|g|[kcm]m|ml|mph|kph|[kMG]Wh?|ha|ft|lbs?|oz)(?![A-Za-z0-9])"
)
AMBIGUOUS_SCALES = frozenset({"m", "b"})
"""Lower-case m and b without a currency: 5m may be metres, so the plain value matches too."""
NAME_NUMBER = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*-$")
"""An identifier before the digits: COVID-19, F-35, MH-17 (a name, not a quantity)."""
NAME_AFTER = re.compile(r"-[A-Z][a-z]")
"""A name after the digits: 7-Eleven."""


def _scan(text: str, after_re: re.Pattern[str], japanese: bool) -> list[Quantity]:
    """The quantities written with digits in ``text`` (a fresh list: callers extend it)."""
    return list(_scanned(text, after_re, japanese))


@lru_cache(maxsize=1024)
def _scanned(text: str, after_re: re.Pattern[str], japanese: bool) -> tuple[Quantity, ...]:
    """``_scan``, cached: the numbers check, the comparison check and the dictionary coverage scan the same
    texts (``Quantity`` is frozen)."""
    found: list[Quantity] = []
    consumed = 0
    for m in DIGITS.finditer(text):
        start, end = m.start(), m.end()
        token = m.group()
        if start < consumed:
            continue  # the 5000 of 67億5000万, already read as part of one quantity
        if _glued(text, start, end):
            continue
        if token.count(".") >= 2:
            found.append(Quantity(0.0, start, end, None, version=token))
            continue
        token = token.rstrip(".,")
        end = start + len(token)
        mark = CLOCK_MARK.match(text, end) if not japanese and CLOCK_DOT.fullmatch(token) else None
        if mark is not None:
            found.extend(_clock(token, start, end, mark.group().strip()[:1].lower() == "p"))
            consumed = end  # 7.40am: the hour and the minutes (午前7時40分), not 7.4
            continue
        value = _to_float(token)
        if value is None:
            continue
        prefix = text[start - 1] if start > 0 else ""
        cur = CURRENCIES.get(prefix) if prefix in "$€£¥￥" else None
        q_start = start - 1 if cur else start
        if prefix == "$":  # C$, A$, NZ$, HK$, S$, US$: the dollar of that country
            marked = DOLLAR_MARK.search(text, max(0, start - 4), start)
            if marked is not None:
                cur, q_start = DOLLARS[marked.group(1).upper()], marked.start()
        alt: float | None = None
        if not japanese and text[end : end + 1] == "p":
            alt = value / 100  # 20p: 20ペンス or 0.2ポンド
        if not japanese and (
            NAME_NUMBER.search(text, max(0, start - 12), start) or NAME_AFTER.match(text, end)
        ):
            found.append(Quantity(value, start, end, None, required=False))
            consumed = end
            continue
        tail = after_re.match(text, end)
        q_end = end
        if tail is not None and tail.end() > end:
            if japanese:
                more = tail.group("more")
                if more:
                    value = 0.0
                    for part in JA_PART.finditer(token + more):
                        value += (_to_float(part.group(1)) or 0.0) * JA_SCALES.get(part.group(2), 1)
                wari = tail.group("wari")
                if wari:  # tenths: 6割 is 60%, 6割5分 65%
                    value = value * 10 + (int(wari[1]) if len(wari) > 1 else 0)
            else:
                raw_scale = (tail.group("scale") or "").strip().lstrip("-")  # 52-million-kroner
                scale = raw_scale.lower()
                word = (tail.group("cur") or "").strip().lower()
                if raw_scale in AMBIGUOUS_SCALES and not cur and not word:
                    alt = value * SCALES[scale]
                elif scale:
                    value *= SCALES[scale]
            word = (tail.group("cur") or "").strip().lower()
            if word:
                cur = CURRENCIES.get(word, cur)
            q_end = tail.end()
            # keep the span tight: no trailing space
            while q_end > end and text[q_end - 1] == " ":
                q_end -= 1
        found.append(Quantity(value, q_start, q_end, cur, alt=alt))
        consumed = q_end
        if not japanese and value < 12 and PM_AFTER.match(text, end):
            found.append(Quantity(value + 12, q_start, q_end, None, required=False))
    return tuple(found)


CLOCK_DOT = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
CLOCK_MARK = re.compile(r"\s?(?:[ap]m\b|[ap]\.m\.)", re.IGNORECASE)
"""A time written with a dot, as British English does (7.40am, 10.15 p.m.)."""


def _clock(token: str, start: int, end: int, pm: bool) -> list[Quantity]:
    """The hour and the minutes of a time, none of them required: 午後10時 for 10.00pm, 7時半 for 7.30am,
    19時40分 for 7.40pm and 午前0時30分 for 12.30am all say it (the dates check compares times as values)."""
    hour, minute = token.split(".")
    split, h = start + len(hour), float(hour)
    out = [Quantity(h, start, split, None, required=False)]
    out.append(Quantity(float(minute), split + 1, end, None, required=False))
    clock = h % 12 + (12 if pm else 0)  # on the 24-hour clock (午前0時 for 12.30am, 19時 for 7.40pm)
    if h <= 12:  # …and 午後0時30分 for 12.30pm
        out.extend(Quantity(c, start, split, None, required=False) for c in {clock, h % 12} - {h})
    return out


def english_quantities(source: str, words: bool = True) -> list[Quantity]:
    found = _scan(source, EN_AFTER, japanese=False) if HAS_DIGIT.search(source) else []
    if words:
        found.extend(english_word_quantities(source))
    return found


TENS_UNIT = re.compile(r"[- ]([a-z]+)\b(?![-\w])")
"""The word after a multiple of ten: "five" of "ninety-five" (not "two" of "thirty two-bedroom flats")."""
PERIOD_AFTER = re.compile(r"[\s-]+(decades?|centuries|century|dozens?)\b")
PERIODS = {"decade": 10, "decades": 10, "century": 100, "centuries": 100, "dozen": 12, "dozens": 12}
A_PERIOD = re.compile(r"\b(?:a|one)\s+(decade|century|dozen)\b")


def english_word_quantities(source: str) -> list[Quantity]:
    found: list[Quantity] = []
    lower = source.lower()
    skip = -1
    for m in WORD_RE.finditer(lower):
        if m.start() < skip:
            continue  # the "five" of "ninety-five", read with it
        number = WORDS.get(m.group())
        if number is None:
            continue
        value = float(number)
        end = m.end()
        unit = TENS_UNIT.match(lower, end) if 20 <= value <= 90 and value % 10 == 0 else None
        if unit is not None and WORDS.get(unit.group(1), 0) in range(1, 10):
            value += WORDS[unit.group(1)]  # ninety-five, twenty one
            end = skip = unit.end()
        after = SCALE_WORD_AFTER.match(lower, end)
        if after and value < 100:
            value *= SCALES.get(after.group(1), 100)
        found.append(Quantity(value, m.start(), end, None, required=False))
        period = PERIOD_AFTER.match(lower, end)
        if period:  # two decades is also 20 (20年ぶり), three dozen 36
            found.append(
                Quantity(value * PERIODS[period.group(1)], m.start(), period.end(), None, required=False)
            )
    for m in A_PERIOD.finditer(lower):  # a decade (10年), a century (100年)
        found.append(Quantity(float(PERIODS[m.group(1)]), m.start(), m.end(), None, required=False))
    for m in ORDINAL_CENTURY.finditer(lower):  # the fifteenth century (15世紀)
        found.append(Quantity(float(CENTURY_ORDINALS[m.group(1)]), m.start(), m.end(), None, required=False))
    for m in IMPLIED.finditer(lower):  # around the clock (24時間体制), midnight (午前0時)
        for value in IMPLIED_VALUES[re.sub(r"[\s-]+", " ", m.group()).removeprefix("a").strip()]:
            found.append(Quantity(value, m.start(), m.end(), None, required=False))
    return found


IMPLIED = re.compile(
    r"\b(?:a?round[\s-]the[\s-]clock|fortnight|half\s+an\s+hour|(?:a\s+)?quarter\s+of\s+an\s+hour|noon|midday|"
    r"midnight)\b"
)
"""Phrases a translation writes with figures: 24時間体制, 2週間 (14日), 30分, 15分, 正午 (12時), 午前0時."""
IMPLIED_VALUES = {
    "round the clock": (24.0,),  # "around the clock" too: the key loses its opening "a", as "a quarter"
    "fortnight": (14.0, 2.0),
    "half an hour": (30.0,),
    "quarter of an hour": (15.0,),
    "noon": (12.0,),
    "midday": (12.0,),
    "midnight": (0.0, 12.0, 24.0),
}


UNITS_TENS = {
    w: v
    for w, v in WORDS.items()
    if v < 100
    and w
    in _split(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    )
}
BIG_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
FILLERS = frozenset({"a", "an", "and", "of"})
"""Words inside a spelled-out number: two hundred and five, half a million, a quarter of a billion."""


def english_number_phrases(source: str) -> list[Quantity]:
    """Spelled-out numbers of several words, read as one value (not required: English spells out what
    Japanese writes in digits): twenty-five, two hundred thousand, half a million, three quarters."""
    found: list[Quantity] = []
    lower = source.lower()
    run: list[re.Match[str]] = []
    for m in [*WORD_RE.finditer(lower), None]:
        word = m.group() if m is not None else ""
        number_word = m is not None and (
            word in UNITS_TENS
            or word in BIG_SCALES
            or word in FRACTIONS
            or word == "hundred"
            or (word in FILLERS and bool(run or word in ("a", "an")))
        )
        if number_word and m is not None and (not run or not lower[run[-1].end() : m.start()].strip(" -")):
            run.append(m)
            continue
        while run and run[-1].group() in FILLERS:
            run.pop()
        counted = sum(1 for r in run if r.group() not in FILLERS)
        if counted >= 2 or (counted == 1 and run[0].group() in ("a", "an")):
            value = _phrase_value([r.group() for r in run])
            if value:
                found.append(Quantity(value, run[0].start(), run[-1].end(), None, required=False))
        run = (
            [m] if m is not None and (word in ("a", "an") or (word not in FILLERS and word in WORDS)) else []
        )
    return found


def _phrase_value(words: list[str]) -> float | None:
    total, current = 0.0, None
    previous = ""
    for word in words:
        if word in ("a", "an"):
            current = 1.0 if current is None else current
        elif word in UNITS_TENS:
            current = (current or 0.0) + UNITS_TENS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in BIG_SCALES:
            total += (current or 1.0) * BIG_SCALES[word]
            current = None
        elif word in FRACTIONS:
            if word == "half" and previous == "a" and current is not None and current >= 1:
                current += 0.5  # one and a half
            else:
                current = (current or 1.0) / FRACTIONS[word]
        previous = word if word != "and" else previous
    value = total + (current or 0.0)
    return value or None


JA_FRACTION = re.compile(r"(\d+(?:\.\d+)?)\s?分の\s?(\d+(?:\.\d+)?)")
"""4分の3 (three quarters), 3分の1 (a third)."""


def kanji_value(text: str) -> float | None:
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    total, section, number = 0.0, 0.0, 0.0
    for ch in text:
        if ch in digits:
            number = number * 10 + digits[ch] if number else digits[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            section += (number or 1) * unit
            number = 0
        elif ch in "万億兆":
            total += (section + number) * JA_SCALES[ch]
            section = number = 0
    result = total + section + number
    return result if result else None


def japanese_quantities(target: str, kanji: bool = True) -> list[Quantity]:
    folded = to_halfwidth_ascii(target) if FULLWIDTH_DIGIT.search(target) else target
    found = short_years(folded, _scan(folded, JA_AFTER, japanese=True))
    return found + japanese_kanji_quantities(target) if kanji else found


def japanese_kanji_quantities(target: str) -> list[Quantity]:
    found: list[Quantity] = []
    for m in KANJI_NUMBER.finditer(target):
        value = kanji_value(m.group())
        if value is not None:
            found.append(Quantity(value, m.start(), m.end(), None, required=False))
    return found


def _any_dollar(t: Quantity, q: Quantity, target: str) -> bool:
    """A bare ドル in the translation for another country's dollar (C$250,000 as 25万ドル in a story about
    Canada): not a currency error; 米ドル would be."""
    return (
        q.currency is not None
        and q.currency.endswith("D")
        and t.currency == "USD"
        and "米ドル" not in target[t.start : t.end]
        and "$" not in target[t.start : t.end]
    )


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _key(value: float) -> float:
    return round(value, 6)


HAS_DIGIT = re.compile(r"[0-9０-９]")
PERIOD_WORD = re.compile(r"(?=[qhm-])(?:\b(?:quarter|half|Q[1-4]|H[12]|months?)\b|-month\b)", re.IGNORECASE)
"""A period of the year the translation may name by its months (the second quarter = 4～6月期)."""
MONTH_RANGE_AFTER = re.compile(r"\s?(?:[～〜~\-－–]\s?\d{1,2}\s?)?月")


def _period_month(target: str, q: Quantity) -> bool:
    """A month number of a period: 4～6月期, 10-12月, 1～3月 (the dates check compares months as dates)."""
    if q.currency is not None or not 1 <= q.value <= 12 or q.value != int(q.value):
        return False
    if MONTH_RANGE_AFTER.match(target, q.end):
        return True
    before = target[max(0, q.start - 1) : q.start]
    return before in ("～", "〜", "~", "-", "－", "–") and bool(re.match(r"\d{1,2}月", target[q.start :]))


TARGET_SCALE_OR_CURRENCY = re.compile(r"[万億兆千円元]|ドル|ユーロ|ポンド")


def _copied_verbatim(source: str, target: str) -> bool:
    """The fast path: the same digit runs on both sides, no scales or currencies to interpret."""
    if FULLWIDTH_DIGIT.search(target) or TARGET_SCALE_OR_CURRENCY.search(target):
        return False
    if "illion" in source or "ILLION" in source or "housand" in source or "HOUSAND" in source:
        return False
    if source.count("$") != target.count("$") or source.count("%") != target.count("%"):
        return False
    tokens: list[str] = []
    for m in DIGITS.finditer(source):
        after = source[m.end() : m.end() + 4].lstrip(" ")
        if after[:2] in ("bn", "mn") or (after[:1] in ("k", "K", "M", "B") and not after[1:2].isalpha()):
            return False  # $5M, 20k
        tokens.append(m.group())
    return sorted(tokens) == sorted(DIGITS.findall(target))


class Numbers(Check):
    id = "numbers"
    name = N_("Numbers, currencies and units")
    description = N_(
        "Values in the source missing or different in the translation, with Japanese numerals "
        "understood (万, 億, kanji numerals, full-width digits): “$25 million” is 2500万ドル, so "
        "2500万円 is an error, and so is 54% for 45%."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target:
            return
        has_src = HAS_DIGIT.search(source) is not None
        has_tgt = HAS_DIGIT.search(target) is not None
        if not has_src and not has_tgt:
            return
        if has_src and has_tgt and _copied_verbatim(source, target):
            return
        src = english_quantities(source, words=False) if has_src else []
        tgt = japanese_quantities(target, kanji=False) if has_tgt else []
        src_versions = {q.version for q in src if q.version}
        tgt_versions = {q.version for q in tgt if q.version}
        wrong_fractions: list[tuple[int, int, Quantity]] = []
        src_values = {k for q in src if not q.version for k in q.values()}
        tgt_values = {k for q in tgt if not q.version for k in q.values()}
        missing = [q for q in src if q.required and not q.version and tgt_values.isdisjoint(q.values())]
        extra = [q for q in tgt if q.required and not q.version and src_values.isdisjoint(q.values())]
        if extra:  # number words and ordinals in the source may explain them ("two parts" → 2つ)
            words = {_key(q.value) for q in english_word_quantities(source)}
            words.update(_key(q.value) for q in english_number_phrases(source))
            extra = [q for q in extra if _key(q.value) not in words]
        if "分の" in target:  # 4分の3 for "three quarters": the fraction is one value
            words = {_key(q.value) for q in english_word_quantities(source)}
            phrases = english_number_phrases(source)
            words.update(_key(q.value) for q in phrases)
            fractions = [q for q in phrases if q.value < 1]
            for m in JA_FRACTION.finditer(to_halfwidth_ascii(target)):
                whole, part = _to_float(m.group(1)), _to_float(m.group(2))
                if not whole or part is None:
                    continue
                if _key(part / whole) not in words | src_values and fractions:
                    wrong_fractions.append((m.start(), m.end(), fractions[0]))
                elif _key(part / whole) not in words | src_values:
                    continue
                extra = [q for q in extra if not (m.start() <= q.start < m.end())]
        if extra and not missing:  # "the elephants" → 3頭は, where the document says "its three elephants"
            extra = [q for q in extra if not stated_count(target, q.start, q.end, q.value, doc)]
        if extra:  # "Ash, Elm and Oak schools" → 3校; "ahead of Varga and Aasland" → 2位, 3位
            extra = [q for q in extra if not implied(source, target, q.value, q.end, bool(missing))]
        if extra and ("(" in target or "（" in target):  # 3200フィート（約975メートル）: a conversion note
            notes = conversion_notes(target)
            extra = [q for q in extra if not any(a <= q.start < b for a, b in notes)]
        if extra and PERIOD_WORD.search(source):  # "second quarter" → 4～6月期: months of the period
            extra = [q for q in extra if not _period_month(target, q)]
        if (missing or extra) and "月" in target and "dates" in self.beside:  # the dates check's
            days = month_days(source, target)
            missing = [q for q in missing if not days.covers(q.start, days.source_spans)]
            extra = [q for q in extra if not days.covers(q.start, days.target_spans)]
        if missing and extra:  # one amount in two units: 30 mph → 時速約48キロ
            en_converted, ja_converted = conversions(source, target)
            missing = [q for q in missing if q.start not in en_converted]
            extra = [q for q in extra if q.start not in ja_converted]
        elif missing:  # the source's own conversion note, left out: 25 nautical miles (46 km) → 46キロ
            en_converted, _ja = conversions(source, target)
            missing = [q for q in missing if q.start not in en_converted]
        if missing:  # kanji numerals in the target may render them (3 → 三)
            kanji = {_key(q.value) for q in japanese_kanji_quantities(target)}
            missing = [q for q in missing if _key(q.value) not in kanji]
        # English says "one" with articles and words (a month, per transfer, each, daily): an unpaired 1
        # with a counter in the translation (1か月, 1回あたり, 1台) is not an added number
        for q in [
            q
            for q in extra
            if q.currency is None and _same(q.value, 1.0) and target[q.end : q.end + 1] not in "%％"
        ]:
            if len(extra) <= len(missing):
                break
            extra.remove(q)
        extra += [q for q in tgt if q.version and q.version not in src_versions]
        missing += [q for q in src if q.version and q.version not in tgt_versions]
        # a wrong value: pair the n-th missing with the n-th extra and report it once, on the target
        while missing and extra:
            want, got = missing.pop(0), extra.pop(0)
            yield self.finding(
                segment,
                Side.TARGET,
                got.start,
                got.end,
                _("“{got}” does not match “{want}” in the source.").format(
                    got=target[got.start : got.end], want=source[want.start : want.end]
                ),
                None,
            )
        for start, end, want in wrong_fractions:
            yield self.finding(
                segment,
                Side.TARGET,
                start,
                end,
                _("“{got}” does not match “{want}” in the source.").format(
                    got=target[start:end], want=source[want.start : want.end]
                ),
                None,
            )
        for q in missing:
            if _glued_in(source[q.start : q.end], target) and not _glued_in(source[q.start : q.end], source):
                continue  # 1850CFU: the digits are there, glued to a unit the scan does not read
            yield self.finding(
                segment,
                Side.SOURCE,
                q.start,
                q.end,
                _("“{value}” is missing from the translation.").format(value=source[q.start : q.end]),
            )
        for q in extra:
            if target.startswith("階", q.end) and _floor(source, q.value):
                continue  # 2階 for the British "first floor" (Japan counts the ground floor as 1階)
            yield self.finding(
                segment,
                Side.TARGET,
                q.start,
                q.end,
                _("“{value}” is not in the source.").format(value=target[q.start : q.end]),
            )
        # same value, other currency: $25 million → 2500万円
        by_value: dict[float, list[Quantity]] = {}
        if any(q.currency is not None for q in src):
            for t in tgt:
                if not t.version:
                    by_value.setdefault(_key(t.value), []).append(t)
        reported: set[float] = set()
        for q in src:
            if q.currency is None or _key(q.value) in reported:
                continue
            reported.add(_key(q.value))
            matches = by_value.get(_key(q.value), [])
            if matches and all(
                t.currency is not None and t.currency != q.currency and not _any_dollar(t, q, target)
                for t in matches
            ):
                t = matches[0]
                yield self.finding(
                    segment,
                    Side.TARGET,
                    t.start,
                    t.end,
                    _("Currency differs: “{src}” in the source is {cur}.").format(
                        src=source[q.start : q.end], cur=q.currency
                    ),
                )


def _glued_in(number: str, target: str) -> bool:
    """Whether the digits of an English number of two digits or more stand in ``target`` glued to letters
    (1,850 in 1850CFU)."""
    digits = number.replace(",", "")
    glued = (
        None if not digits.isdigit() or len(digits) < 2 else re.compile(rf"(?<![\d.,A-Za-z]){digits}[A-Za-z]")
    )
    return glued is not None and glued.search(target) is not None


FLOOR = re.compile(
    r"\b(ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|[1-9]\d?(?:st|nd|rd|th))"
    r"(?:[- ]floors?\b|(?=(?:,\s*|\s+and\s+|\s+or\s+)(?:\w+\s+){0,3}?floors\b))",
    re.IGNORECASE,
)
_FLOORS = ("ground", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def _floor(source: str, value: float) -> bool:
    """Whether the English names a floor that ``value``階 renders: the same number (American) or one more
    (British: the first floor is 2階, the ground floor 1階)."""
    for m in FLOOR.finditer(source):
        word = m.group(1).lower()
        n = _FLOORS.index(word) if word in _FLOORS else int(word[:-2])
        if value in (n, n + 1) and value >= 1:
            return True
    return False
