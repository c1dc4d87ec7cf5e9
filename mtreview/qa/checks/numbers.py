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

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
EN_NUMBER = re.compile(
    rf"(?P<cur>US\$|\$|€|£|¥|USD\s?|EUR\s?|JPY\s?|GBP\s?)?(?P<num>{_NUM})"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|[kKMB])(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
    r"(?P<cur2>\s?(?:dollars?|yen|euros?|pounds?|USD|JPY|EUR|GBP)\b)?")
JA_NUMBER = re.compile(
    rf"(?P<cur>US\$|\$|€|£|¥|￥)?(?P<num>(?:{_NUM})(?:\s?[兆億万千](?:{_NUM})?)*)"
    r"(?P<pct>\s?(?:%|パーセント))?(?P<cur2>\s?(?:米ドル|ドル|円|ユーロ|ポンド|人民元|元))?")
VERSION = re.compile(r"(?<![A-Za-z0-9.])v?\d+(?:\.\d+){2,}(?![A-Za-z0-9])")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
KANJI_NUMBER = re.compile(r"[〇一二三四五六七八九十百千万億兆]+")
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12}
JA_SCALES = {"千": 1e3, "万": 1e4, "億": 1e8, "兆": 1e12}
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "ドル": "USD",
              "米ドル": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "ユーロ": "EUR",
              "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "ポンド": "GBP", "¥": "JPY",
              "￥": "JPY", "jpy": "JPY", "yen": "JPY", "円": "JPY", "元": "CNY", "人民元": "CNY"}
WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
              "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12, "twice": 2,
              "double": 2, "triple": 3, "half": 0.5, "first": 1, "second": 2, "third": 3, "fourth": 4,
              "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "once": 1,
              "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
              "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "noon": 12,
              "midnight": 0, "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9,
              "dozens": 12, "decade": 10, "decades": 10, "century": 100, "single": 1, "pair": 2,
              "couple": 2, "both": 2})
WORD_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    start: int
    end: int
    currency: str | None
    required: bool = True


def _to_float(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _letter_glued(text: str, start: int, end: int) -> bool:
    """Digits inside an identifier such as ``1a3orn`` (but not ``v3``, ``ASL-3``, ``RSPv2``)."""
    return end < len(text) and text[end].isalpha() and text[end].isascii() and not (
        text[end] in "kKmMbB%" or text[end : end + 2] in ("th", "st", "nd", "rd", "pm", "am", "s ", "s."))


def english_quantities(source: str) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in VERSION.finditer(source):
        taken.append((m.start(), m.end()))
    for m in ISO_DATE.finditer(source):
        taken.append((m.start(), m.end()))
        for g in (1, 2, 3):
            found.append(Quantity(float(m.group(g)), m.start(g), m.end(g), None))
    for m in EN_NUMBER.finditer(source):
        start, end = m.start("num"), m.end("num")
        if any(s <= start < e for s, e in taken):
            continue
        if _letter_glued(source, start, m.end("num") if not m.group("scale") else m.end("scale")):
            if not m.group("scale") and not m.group("pct"):
                continue
        if start > 0 and source[start - 1].isalpha() and source[start - 1].islower() and start > 1 and \
                source[start - 2].isalpha() and source[start - 2].islower():
            continue  # "abc12" inside a word
        value = _to_float(m.group("num"))
        if value is None:
            continue
        scale = (m.group("scale") or "").strip().lower()
        if scale:
            value *= SCALES[scale]
        cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
        found.append(Quantity(value, m.start(), m.end(), CURRENCIES.get(cur)))
        if re.match(r"\s?pm\b", source[m.end() :], re.IGNORECASE) and value < 12:
            found.append(Quantity(value + 12, m.start(), m.end(), None, required=False))
    for m in WORD_RE.finditer(source.lower()):
        word = m.group()
        if word in WORDS:
            value = float(WORDS[word])
            after = re.match(r"\s+(hundred|thousand|million|billion)\b", source.lower()[m.end() :])
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


def japanese_quantities(target: str) -> list[Quantity]:
    folded = to_halfwidth_ascii(target)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in VERSION.finditer(folded):
        taken.append((m.start(), m.end()))
    for m in ISO_DATE.finditer(folded):
        taken.append((m.start(), m.end()))
        for g in (1, 2, 3):
            found.append(Quantity(float(m.group(g)), m.start(g), m.end(g), None))
    for m in JA_NUMBER.finditer(folded):
        body = m.group("num")
        if not body or not any(c.isdigit() for c in body):
            continue
        start = m.start("num")
        if any(s <= start < e for s, e in taken):
            continue
        if _letter_glued(folded, start, m.end("num")):
            continue  # inside an identifier such as 1a3orn
        value = 0.0
        for part in re.finditer(rf"({_NUM})\s?([兆億万千]?)", body):
            number = _to_float(part.group(1)) or 0.0
            value += number * JA_SCALES.get(part.group(2), 1)
        cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
        end = m.end()
        found.append(Quantity(value, m.start(), end, CURRENCIES.get(cur)))
    for m in KANJI_NUMBER.finditer(target):
        value = kanji_value(m.group())
        if value is not None:
            found.append(Quantity(value, m.start(), m.end(), None, required=False))
    return found


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


class Numbers(Check):
    id = "numbers"
    name = N_("Numbers, currencies and units")
    description = N_("Values in the source missing or different in the translation, with Japanese numerals "
                     "understood (万, 億, kanji numerals, full-width digits): “$25 million” is 2500万ドル, so "
                     "2500万円 is an error, and so is 54% for 45%.")
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target:
            return
        has_src = re.search(r"\d", source) is not None
        has_tgt = re.search(r"[\d０-９]", target) is not None
        if not has_src and not has_tgt:
            return
        src = english_quantities(source)
        tgt = japanese_quantities(target)
        versions_src = {m.group().lstrip("v") for m in VERSION.finditer(source)}
        versions_tgt = {m.group().lstrip("v"): m for m in VERSION.finditer(to_halfwidth_ascii(target))}
        src_values = [q.value for q in src]
        tgt_values = [q.value for q in tgt]
        missing = [q for q in src if q.required and not any(_same(q.value, v) for v in tgt_values)]
        extra = [q for q in tgt if q.required and not any(_same(q.value, v) for v in src_values)]
        for version, m in versions_tgt.items():
            if version not in versions_src:
                extra.append(Quantity(0.0, m.start(), m.end(), None))
        missing_versions = [v for v in versions_src if v not in versions_tgt]
        # a wrong value: pair the n-th missing with the n-th extra and report it once, on the target
        while missing and extra:
            want, got = missing.pop(0), extra.pop(0)
            yield self.finding(
                segment, Side.TARGET, got.start, got.end,
                _("“{got}” does not match “{want}” in the source.").format(
                    got=target[got.start:got.end], want=source[want.start:want.end]),
                None)
        for q in missing:
            yield self.finding(segment, Side.SOURCE, q.start, q.end,
                               _("“{value}” is missing from the translation.").format(
                                   value=source[q.start:q.end]))
        for v in missing_versions:
            m = re.search(re.escape(v), source)
            if m:
                yield self.finding(segment, Side.SOURCE, m.start(), m.end(),
                                   _("“{value}” is missing from the translation.").format(value=v))
        for q in extra:
            yield self.finding(segment, Side.TARGET, q.start, q.end,
                               _("“{value}” is not in the source.").format(value=target[q.start:q.end]))
        # same value, other currency: $25 million → 2500万円
        for q in src:
            if q.currency is None:
                continue
            matches = [t for t in tgt if _same(t.value, q.value)]
            if matches and all(t.currency is not None and t.currency != q.currency for t in matches):
                t = matches[0]
                yield self.finding(
                    segment, Side.TARGET, t.start, t.end,
                    _("Currency differs: “{src}” in the source is {cur}.").format(
                        src=source[q.start:q.end], cur=q.currency))
