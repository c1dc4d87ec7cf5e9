"""Quantities with units, and dates and times compared as values.

``units``: a value whose unit changed dimension-preservingly (250 mg → 250g, 10 km → 10マイル, six hours →
6分, 120 hectares → 120エーカー, 14.5 MW → 14.5ギガワット), turned from percentage points into percent (0.2
percentage points → 0.2%) or from energy into power (5 kWh → 5kW). Mass, length, volume, data, time
spans, power, energy and area; English values in figures or words (six hours, a 48-hour strike). Values
equal after conversion (0.3 g for 300 mg, 14日間 for two weeks) are fine; the plain value check is
``numbers``'s.

``dates``: weekdays (Monday ↔ 月曜日, (月)), the direction of relative days (last/next/this ↔
先/来/今, yesterday ↔ 昨日) and times of day with a.m./p.m. (10:30 p.m. ↔ 午後10時30分, 22:30) must
agree; month and day numbers are ``numbers``'s business (a wrong day is a wrong number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.jtext import to_halfwidth_ascii

_YEAR = 31556952.0  # seconds in a Gregorian year; a month is a twelfth of it (12 months = 1 year)
_TIME = (
    ("second seconds sec secs", 1.0),
    ("minute minutes min mins", 60.0),
    ("hour hours hr hrs", 3600.0),
    ("day days", 86400.0),
    ("week weeks", 604800.0),
    ("month months", _YEAR / 12),
    ("year years", _YEAR),
)
_POWER = (
    ("w watt watts", 1.0),
    ("kw kilowatt kilowatts", 1e3),
    ("mw megawatt megawatts", 1e6),
    ("gw gigawatt gigawatts", 1e9),
    ("tw terawatt terawatts", 1e12),
)
_ENERGY = (("wh", 1.0), ("kwh", 1e3), ("mwh", 1e6), ("gwh", 1e9), ("twh", 1e12))
_AREA = (
    ("hectare|hectares|ha", 1e4),
    ("acre|acres", 4046.8564224),
    ("square kilometre|square kilometres|square kilometer|square kilometers|km2|km²|sq km", 1e6),
    ("square metre|square metres|square meter|square meters|m2|m²|sq m", 1.0),
    ("square mile|square miles|sq mi", 2589988.110336),
)
_WORD_NUMBERS = {
    w: n
    for n, w in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
            *("nineteen", "twenty"),
        )
    )
} | {w: 10 * n for n, w in enumerate(("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 3)}
_EN_UNITS = {
    "mg": ("mass", 1e-3),
    "milligram": ("mass", 1e-3),
    "milligrams": ("mass", 1e-3),
    "g": ("mass", 1.0),
    "gram": ("mass", 1.0),
    "grams": ("mass", 1.0),
    "kg": ("mass", 1e3),
    "kilogram": ("mass", 1e3),
    "kilograms": ("mass", 1e3),
    "mcg": ("mass", 1e-6),
    "µg": ("mass", 1e-6),
    "microgram": ("mass", 1e-6),
    "micrograms": ("mass", 1e-6),
    "mm": ("length", 1e-3),
    "millimetre": ("length", 1e-3),
    "millimetres": ("length", 1e-3),
    "millimeter": ("length", 1e-3),
    "millimeters": ("length", 1e-3),
    "cm": ("length", 1e-2),
    "centimetre": ("length", 1e-2),
    "centimetres": ("length", 1e-2),
    "centimeter": ("length", 1e-2),
    "centimeters": ("length", 1e-2),
    "m": ("length", 1.0),
    "km": ("length", 1e3),
    "metre": ("length", 1.0),
    "metres": ("length", 1.0),
    "meter": ("length", 1.0),
    "meters": ("length", 1.0),
    "kilometre": ("length", 1e3),
    "kilometres": ("length", 1e3),
    "kilometer": ("length", 1e3),
    "kilometers": ("length", 1e3),
    "mile": ("length", 1609.344),
    "miles": ("length", 1609.344),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "inches": ("length", 0.0254),
    "yard": ("length", 0.9144),
    "yards": ("length", 0.9144),
    "ml": ("volume", 1e-3),
    "millilitres": ("volume", 1e-3),
    "milliliters": ("volume", 1e-3),
    "l": ("volume", 1.0),
    "litre": ("volume", 1.0),
    "litres": ("volume", 1.0),
    "liter": ("volume", 1.0),
    "liters": ("volume", 1.0),
    "kb": ("data", 1e3),
    "mb": ("data", 1e6),
    "gb": ("data", 1e9),
    "tb": ("data", 1e12),
    "hz": ("frequency", 1.0),
    "khz": ("frequency", 1e3),
    "mhz": ("frequency", 1e6),
    "ghz": ("frequency", 1e9),
    "percent": ("pct", 1.0),
    "per cent": ("pct", 1.0),
    "%": ("pct", 1.0),
    "percentage point": ("pp", 1.0),
    "percentage points": ("pp", 1.0),
    **{w: ("time", f) for ws, f in _TIME for w in ws.split()},
    **{w: ("power", f) for ws, f in _POWER for w in ws.split()},
    **{w: ("energy", f) for ws, f in _ENERGY for w in ws.split()},
    **{w: ("area", f) for ws, f in _AREA for w in ws.split("|")},
    "tonne": ("mass", 1e6),
    "tonnes": ("mass", 1e6),
    "ton": ("mass", 1e6),
    "tons": ("mass", 1e6),
    **{
        w: ("volume", 1e12)
        for w in ("cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers")
    },
    **{w: ("volume", 1e12) for w in ("km3", "km³")},
    **{
        w: ("volume", 1e3) for w in ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³")
    },
    # a currency's hundredth (285 pence → 285ポンド is a hundred times too much)
    **{w: ("money", 0.01) for w in ("pence", "penny", "cent", "cents")},
    **{w: ("money", 1.0) for w in ("dollar", "dollars", "euro", "euros")},
}
_JA_UNITS = {
    "mg": ("mass", 1e-3),
    "ミリグラム": ("mass", 1e-3),
    "g": ("mass", 1.0),
    "グラム": ("mass", 1.0),
    "kg": ("mass", 1e3),
    "キログラム": ("mass", 1e3),
    "キロ": ("mass?", 1e3),
    "μg": ("mass", 1e-6),
    "マイクログラム": ("mass", 1e-6),
    "mm": ("length", 1e-3),
    "ミリ": ("length?", 1e-3),
    "cm": ("length", 1e-2),
    "センチ": ("length", 1e-2),
    "km": ("length", 1e3),
    "キロメートル": ("length", 1e3),
    "メートル": ("length", 1.0),
    "m": ("length", 1.0),
    "マイル": ("length", 1609.344),
    "フィート": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "インチ": ("length", 0.0254),
    "ヤード": ("length", 0.9144),
    "ml": ("volume", 1e-3),
    "ミリリットル": ("volume", 1e-3),
    "リットル": ("volume", 1.0),
    "l": ("volume", 1.0),
    "kb": ("data", 1e3),
    "mb": ("data", 1e6),
    "gb": ("data", 1e9),
    "tb": ("data", 1e12),
    "hz": ("frequency", 1.0),
    "khz": ("frequency", 1e3),
    "mhz": ("frequency", 1e6),
    "ghz": ("frequency", 1e9),
    "%": ("pct", 1.0),
    "パーセント": ("pct", 1.0),
    "ポイント": ("pp", 1.0),
    "pt": ("pp", 1.0),
    "秒": ("time", 1.0),
    "秒間": ("time", 1.0),
    "分": ("time", 60.0),
    "分間": ("time", 60.0),
    "時間": ("time", 3600.0),
    "日間": ("time", 86400.0),
    "週間": ("time", 604800.0),
    **{
        m: ("time", _YEAR / 12)
        for m in ("か月", "カ月", "ヶ月", "ヵ月", "ケ月", "箇月", "か月間", "カ月間", "ヶ月間")
    },
    "年間": ("time", _YEAR),
    "w": ("power", 1.0),
    "ワット": ("power", 1.0),
    "kw": ("power", 1e3),
    "キロワット": ("power", 1e3),
    "mw": ("power", 1e6),
    "メガワット": ("power", 1e6),
    "gw": ("power", 1e9),
    "ギガワット": ("power", 1e9),
    "wh": ("energy", 1.0),
    "kwh": ("energy", 1e3),
    "キロワット時": ("energy", 1e3),
    "mwh": ("energy", 1e6),
    "メガワット時": ("energy", 1e6),
    "gwh": ("energy", 1e9),
    "ギガワット時": ("energy", 1e9),
    "twh": ("energy", 1e12),
    "テラワット時": ("energy", 1e12),
    "ヘクタール": ("area", 1e4),
    "ha": ("area", 1e4),
    "エーカー": ("area", 4046.8564224),
    "平方キロメートル": ("area", 1e6),
    "km2": ("area", 1e6),
    "km²": ("area", 1e6),
    "平方メートル": ("area", 1.0),
    "m2": ("area", 1.0),
    "m²": ("area", 1.0),
    "平方マイル": ("area", 2589988.110336),
    "トン": ("mass", 1e6),
    "立方キロメートル": ("volume", 1e12),
    "km3": ("volume", 1e12),
    "km³": ("volume", 1e12),
    "立方メートル": ("volume", 1e3),
    "m3": ("volume", 1e3),
    "m³": ("volume", 1e3),
    "ペンス": ("money", 0.01),
    "セント": ("money", 0.01),
    "ポンド": ("money", 1.0),
    "ドル": ("money", 1.0),
    "ユーロ": ("money", 1.0),
}


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (km2 before km, kWh before kW)."""
    return "|".join(
        re.escape(w).replace("\\ ", r"\s") for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


_TENS = "|".join(w for w in _WORD_NUMBERS if w.endswith("ty"))
_ONES = "|".join(list(_WORD_NUMBERS)[1:10])
_EN_NUMBER = (
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_ONES})|{_alternatives(_WORD_NUMBERS)}"
)
_EN_UNIT_WORDS = _alternatives(w for w in _EN_UNITS if "percentage" not in w)
EN_QUANTITY = re.compile(
    # the numbers' first characters first: the engine skips every other position quickly
    rf"(?=[0-9{''.join(sorted({w[0] for w in _WORD_NUMBERS} | {w[0].upper() for w in _WORD_NUMBERS}))}])"
    rf"(?<![\w.])({_EN_NUMBER})\s?(?:-\s?)?(percentage points?|{_EN_UNIT_WORDS})(?![A-Za-z])",
    re.IGNORECASE,
)
_CUBIC = ("立方キロメートル", "立方メートル", "km3", "km³", "m3", "m³")
_JA_MORE_UNITS = _alternatives(
    k
    for k, (dim, _f) in _JA_UNITS.items()
    if dim in ("time", "power", "energy", "area", "money") or k in ("トン", *_CUBIC)
)
JA_QUANTITY = re.compile(
    # a figure with 万 or 億 in it is one number (1万500メートル is 10,500 metres)
    r"(?<![\d.,万億])(\d[\d,]*(?:\.\d+)?(?:億(?:\d[\d,]*(?:\.\d+)?万)?|万)(?:\d{1,4}(?![\d.,]))?|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(マイクログラム|ミリグラム|キログラム|キロメートル|ミリリットル|"
    r"パーセント|ポイント|グラム|リットル|メートル|センチ|マイル|フィート|インチ|ヤード|キロ|ミリ|"
    r"ghz|mhz|khz|hz|mg|μg|kg|km|cm|mm|ml|ft|g|m|l|kb|mb|gb|tb|pt|%|"
    rf"{_JA_MORE_UNITS})"
    # 3分の1 is a third, not three minutes; km2 is not km (but 2時間30分 is two hours)
    r"(?![A-Za-z]|(?<=[A-Za-z])[0-9²³]|の[0-9０-９一二三四五六七八九十])",
    re.IGNORECASE,
)


def _value(text: str) -> float:
    lower = text.lower()
    if lower in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[lower])
    if "-" in lower:
        tens, ones = lower.split("-", 1)
        return float(_WORD_NUMBERS[tens] + _WORD_NUMBERS[ones])
    text = text.replace(",", "")
    total = 0.0
    for mark, scale in (("億", 1e8), ("万", 1e4)):
        if mark in text:
            high, text = text.split(mark, 1)
            total += float(high) * scale
    return total + (float(text) if text else 0.0)


CONVERSION_NOTE = re.compile(r"\s?[(（]\s?(?:約|およそ|ほぼ)?\s?")


@lru_cache(maxsize=1024)
def conversion_notes(target: str) -> tuple[tuple[int, int], ...]:
    """Brackets right after a quantity that give it in another unit of the same dimension, equal within
    rounding: 3200フィート（約975メートル）, 10マイル（16キロ） — a translator's help to the reader, not an
    addition. (start, end) of each bracket, brackets included."""
    folded = to_halfwidth_ascii(target)
    found = list(JA_QUANTITY.finditer(folded))
    out: list[tuple[int, int]] = []
    for before, inside in pairwise(found):
        opener = CONVERSION_NOTE.match(folded, before.end())
        if opener is None or opener.end() != inside.start():
            continue
        close = folded.find("）", inside.end()) if "（" in opener.group() else folded.find(")", inside.end())
        if close < 0 or folded[inside.end() : close].strip():
            continue
        dim_a, fa = _JA_UNITS[before.group(2).lower()]
        dim_b, fb = _JA_UNITS[inside.group(2).lower()]
        # キロ and ミリ are of either dimension (km or kg, mm or ml): the other side says which
        ambiguous = dim_a.endswith("?") or dim_b.endswith("?")
        if (dim_a.rstrip("?") != dim_b.rstrip("?") and not ambiguous) or (
            before.group(2).lower() == inside.group(2).lower()
        ):
            continue
        a, b = _value(before.group(1)) * fa, _value(inside.group(1)) * fb
        if a > 0 and abs(a - b) <= 0.05 * a:
            start = before.end() + (len(opener.group()) - len(opener.group().lstrip()))
            out.append((start, close + 1))
    return tuple(out)


def _key(value: float) -> str:
    """A value compared up to rounding (0.3 g = 300 mg × 0.001)."""
    return f"{value:.9g}"


class Units(Check):
    id = "units"
    name = N_("Units")
    description = N_(
        "A quantity whose unit changed in the translation: 250 mg rendered 250g, 10 km rendered 10マイル, "
        "percentage points rendered as percent. Conversions that keep the value (0.3 g for 300 mg) pass."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target:
            return
        src = list(EN_QUANTITY.finditer(source))
        if not src:
            return
        folded = to_halfwidth_ascii(target)
        tgt = list(JA_QUANTITY.finditer(folded))
        if not tgt:
            return
        # indexed once (a long paragraph has many quantities on both sides: linear, not quadratic)
        by_number: dict[str, list[re.Match[str]]] = {}
        by_dim_value: set[tuple[str, str]] = set()
        for t in tgt:
            number = _value(t.group(1))
            t_dim, t_factor = _JA_UNITS[t.group(2).lower()]
            by_number.setdefault(_key(number), []).append(t)
            by_dim_value.add((t_dim.rstrip("?"), _key(number * t_factor)))
        for m in src:
            unit = _EN_UNITS.get(m.group(2).lower())
            if unit is None:
                continue
            dim, factor = unit
            value = _value(m.group(1)) * factor
            same_number = by_number.get(_key(_value(m.group(1))), [])
            if (dim.rstrip("?"), _key(value)) in by_dim_value or not same_number:
                continue
            for t in same_number:
                t_dim, _f = _JA_UNITS[t.group(2).lower()]
                pair = {dim.rstrip("?"), t_dim.rstrip("?")}
                related = (
                    pair <= {"pct", "pp"}
                    or pair <= {"power", "energy"}
                    or pair <= {"area", "volume"}  # square for cubic kilometres
                    or len(pair) == 1
                )
                if related:
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        t.start(),
                        t.end(),
                        _("English says {en}; the translation says {ja}.").format(
                            en=f"“{m.group()}”", ja=f"“{target[t.start() : t.end()]}”"
                        ),
                        evidence=(m.start(), m.end()),
                    )
                    break


WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS_JA = "月火水木金土日"
EN_WEEKDAY = re.compile(r"(?=[mtwfs])\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b", re.IGNORECASE)
JA_WEEKDAY = re.compile(r"([月火水木金土日])曜(?:日)?|[(（]([月火水木金土日])[)）]")
EN_RELATIVE = re.compile(r"(?=[lnty])\b(last|next|this|yesterday|tomorrow|today|tonight)\b", re.IGNORECASE)
JA_RELATIVE = re.compile(
    r"先週|先月|昨年|去年|昨日|昨夜|前日|来週|来月|来年|明日|翌日|翌週|今週|今月|今年|今日|今夜"
)
EN_TIME = re.compile(
    r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)|\b(noon|midnight)\b", re.IGNORECASE
)
JA_TIME = re.compile(r"(午前|午後)?\s?(\d{1,2})時(?:(\d{1,2})分|半)?|(\d{1,2}):(\d{2})|(正午|真夜中|深夜0時)")


def _en_times(text: str) -> list[tuple[int, int, int, int]]:
    out = []
    for m in EN_TIME.finditer(text):
        if m.group(4):
            out.append((12 if m.group(4).lower() == "noon" else 0, 0, m.start(), m.end()))
            continue
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        mark = m.group(3).lower()
        if hour > 12:
            continue
        if mark.startswith("p") and hour != 12:
            hour += 12
        elif mark.startswith("a") and hour == 12:
            hour = 0
        elif "clock" in mark:
            continue  # no half of the day: compared by numbers
        out.append((hour, minute, m.start(), m.end()))
    return out


def _ja_times(text: str) -> list[tuple[int, int, int, int, bool]]:
    """(hour, minute, start, end, half-day known)."""
    out = []
    for m in JA_TIME.finditer(text):
        if m.group(6):
            out.append((12 if m.group(6) == "正午" else 0, 0, m.start(), m.end(), True))
        elif m.group(4):
            out.append((int(m.group(4)), int(m.group(5)), m.start(), m.end(), int(m.group(4)) > 12))
        else:
            hour = int(m.group(2))
            minute = 30 if m.group().endswith("半") else int(m.group(3) or 0)
            half = m.group(1)
            if half == "午後" and hour < 12:
                hour += 12
            out.append((hour, minute, m.start(), m.end(), bool(half) or hour > 12))
    return out


class Dates(Check):
    id = "dates"
    name = N_("Dates and times")
    description = N_(
        "Weekdays, relative days (last/next Tuesday, yesterday) and times of day (10:30 p.m.) compared as "
        "values: 先週木曜日 for “last Friday”, 午前10時30分 for “10:30 p.m.”."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target or not source:
            return
        en_days = {(WEEKDAYS_EN.index(m.group(1).lower() + "day")): m for m in EN_WEEKDAY.finditer(source)}
        if en_days or "曜" in target:
            for m in JA_WEEKDAY.finditer(target):
                day = WEEKDAYS_JA.index(m.group(1) or m.group(2))
                if en_days and day not in en_days:
                    ev = next(iter(en_days.values()))
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        m.start(),
                        m.end(),
                        _("English says {en}; the translation says {ja}.").format(
                            en=f"“{ev.group()}”", ja=f"“{m.group()}”"
                        ),
                        evidence=(ev.start(), ev.end()),
                    )
        en_rel = [m for m in EN_RELATIVE.finditer(source)]
        if en_rel:
            ja_rel = list(JA_RELATIVE.finditer(target))
            en_dirs = {_en_direction(m.group().lower()) for m in en_rel}
            for m in ja_rel:
                d = _ja_direction(m.group())
                if d != 0 and -d in en_dirs and d not in en_dirs:
                    ev = next(x for x in en_rel if _en_direction(x.group().lower()) == -d)
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        m.start(),
                        m.end(),
                        _("English says {en}; the translation says {ja}.").format(
                            en=f"“{ev.group()}”", ja=f"“{m.group()}”"
                        ),
                        evidence=(ev.start(), ev.end()),
                    )
        if ("m." in source or "m " in source or "pm" in source or "am" in source or "noon" in source) and (
            "時" in target or ":" in target
        ):
            en_times = _en_times(source)
            if en_times:
                values = {(h, mi) for h, mi, _s, _e in en_times}
                for h, mi, s, e, known in _ja_times(target):
                    if (h, mi) in values or (not known and ((h + 12) % 24, mi) in values):
                        continue
                    same_clock = [t for t in en_times if t[0] % 12 == h % 12 and t[1] == mi]
                    if same_clock and known:
                        tv = same_clock[0]
                        yield self.finding(
                            segment,
                            Side.TARGET,
                            s,
                            e,
                            _("English says {en}; the translation says {ja}.").format(
                                en=f"“{source[tv[2] : tv[3]]}”", ja=f"“{target[s:e]}”"
                            ),
                            evidence=(tv[2], tv[3]),
                        )


def _en_direction(word: str) -> int:
    return {"last": -1, "yesterday": -1, "next": 1, "tomorrow": 1}.get(word, 0)


def _ja_direction(word: str) -> int:
    if word[0] in "先昨去前":
        return -1
    if word[0] in "来明翌":
        return 1
    return 0
