"""Numbers, currencies and units: the source's values must be in the translation and nothing else.

Japanese numerals are understood: 万/億/兆 scales ("$25 million" = 2500万ドル), kanji numerals, full-width
digits; so are English scale words (million, bn, k), number words, ordinals and month names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.jtext import to_halfwidth_ascii


def _split(text: str) -> list[str]:
    return text.split()


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGITS = re.compile(r"\d[\d,.]*\d|\d")
"""A run of digits with inner separators: 25, 1,200, 4.6, 4.6.0 (one scan per side; context read around)."""
EN_AFTER = re.compile(
    r"(?P<scale>\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|[kKMB])(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
    r"(?P<cur>\s?(?:dollars?|yen|euros?|pounds?|USD|JPY|EUR|GBP)\b)?",
    re.IGNORECASE,
)
JA_AFTER = re.compile(
    r"(?P<more>(?:\s?[兆億万千](?:\d[\d,.]*\d|\d)?)*)(?P<pct>\s?(?:%|パーセント))?"
    r"(?P<cur>\s?(?:米ドル|ドル|円|ユーロ|ポンド|人民元|元))?"
)
JA_PART = re.compile(rf"({_NUM})\s?([兆億万千]?)")
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
JA_SCALES = {"千": 1e3, "万": 1e4, "億": 1e8, "兆": 1e12}
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
}
WORDS: dict[str, float] = {
    w: i
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve "
            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "thousand": 1000,
        "million": 1e6,
        "billion": 1e9,
        "dozen": 12,
        "twice": 2,
        "double": 2,
        "doubled": 2,
        "doubles": 2,
        "doubling": 2,
        "twofold": 2,
        "triple": 3,
        "tripled": 3,
        "triples": 3,
        "tripling": 3,
        "threefold": 3,
        "quadruple": 4,
        "quadrupled": 4,
        "fourfold": 4,
        "half": 0.5,
        "halved": 0.5,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "once": 1,
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
        "noon": 12,
        "midnight": 0,
        "hundreds": 100,
        "thousands": 1000,
        "millions": 1e6,
        "billions": 1e9,
        "dozens": 12,
        "decade": 10,
        "decades": 10,
        "century": 100,
        "single": 1,
        "pair": 2,
        "couple": 2,
        "both": 2,
    }
)
WORD_RE = re.compile(r"[a-z]+")
_ORDINAL = ("th", "st", "nd", "rd", "pm", "am", "s ", "s.", "s,")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    start: int
    end: int
    currency: str | None
    required: bool = True
    version: str | None = None
    """A dotted version such as 4.6.0, compared as a string."""


def _to_float(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _glued(text: str, start: int, end: int) -> bool:
    """Digits inside an identifier such as ``k9x2`` or ``x86`` (not ``v3``, ``ISO-9``, ``HTTPv2``, 5th)."""
    after = text[end] if end < len(text) else ""
    if after.isascii() and after.isalpha() and text[end : end + 2] not in _ORDINAL and after not in "kKMB":
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


def _scan(text: str, after_re: re.Pattern[str], japanese: bool) -> list[Quantity]:
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
        value = _to_float(token)
        if value is None:
            continue
        prefix = text[start - 1] if start > 0 else ""
        cur = CURRENCIES.get(prefix) if prefix in "$€£¥￥" else None
        q_start = start - 1 if cur else start
        tail = after_re.match(text, end)
        q_end = end
        if tail is not None and tail.end() > end:
            if japanese:
                more = tail.group("more")
                if more:
                    value = 0.0
                    for part in JA_PART.finditer(token + more):
                        value += (_to_float(part.group(1)) or 0.0) * JA_SCALES.get(part.group(2), 1)
            else:
                scale = (tail.group("scale") or "").strip().lower()
                if scale:
                    value *= SCALES[scale]
            word = (tail.group("cur") or "").strip().lower()
            if word:
                cur = CURRENCIES.get(word, cur)
            q_end = tail.end()
            # keep the span tight: no trailing space
            while q_end > end and text[q_end - 1] == " ":
                q_end -= 1
        found.append(Quantity(value, q_start, q_end, cur))
        consumed = q_end
        if not japanese and value < 12 and PM_AFTER.match(text, end):
            found.append(Quantity(value + 12, q_start, q_end, None, required=False))
    return found


def english_quantities(source: str, words: bool = True) -> list[Quantity]:
    found = _scan(source, EN_AFTER, japanese=False) if HAS_DIGIT.search(source) else []
    if words:
        found.extend(english_word_quantities(source))
    return found


def english_word_quantities(source: str) -> list[Quantity]:
    found: list[Quantity] = []
    lower = source.lower()
    for m in WORD_RE.finditer(lower):
        number = WORDS.get(m.group())
        if number is None:
            continue
        value = float(number)
        after = SCALE_WORD_AFTER.match(lower, m.end())
        if after and value < 100:
            value *= SCALES.get(after.group(1), 100)
        found.append(Quantity(value, m.start(), m.end(), None, required=False))
    return found


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
    found = _scan(folded, JA_AFTER, japanese=True)
    if kanji:
        found.extend(japanese_kanji_quantities(target))
    return found


def japanese_kanji_quantities(target: str) -> list[Quantity]:
    found: list[Quantity] = []
    for m in KANJI_NUMBER.finditer(target):
        value = kanji_value(m.group())
        if value is not None:
            found.append(Quantity(value, m.start(), m.end(), None, required=False))
    return found


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _key(value: float) -> float:
    return round(value, 6)


HAS_DIGIT = re.compile(r"[0-9０-９]")
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
        src_values = {_key(q.value) for q in src if not q.version}
        tgt_values = {_key(q.value) for q in tgt if not q.version}
        missing = [q for q in src if q.required and not q.version and _key(q.value) not in tgt_values]
        extra = [q for q in tgt if q.required and not q.version and _key(q.value) not in src_values]
        if extra:  # number words and ordinals in the source may explain them ("two parts" → 2つ)
            words = {_key(q.value) for q in english_word_quantities(source)}
            extra = [q for q in extra if _key(q.value) not in words]
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
        for q in missing:
            yield self.finding(
                segment,
                Side.SOURCE,
                q.start,
                q.end,
                _("“{value}” is missing from the translation.").format(value=source[q.start : q.end]),
            )
        for q in extra:
            yield self.finding(
                segment,
                Side.TARGET,
                q.start,
                q.end,
                _("“{value}” is not in the source.").format(value=target[q.start : q.end]),
            )
        # same value, other currency: $25 million → 2500万円
        for q in src:
            if q.currency is None:
                continue
            matches = [t for t in tgt if not t.version and _key(t.value) == _key(q.value)]
            if matches and all(t.currency is not None and t.currency != q.currency for t in matches):
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
