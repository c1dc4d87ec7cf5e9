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

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis.wordlists import WEEKDAYS
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.jtext import to_halfwidth_ascii
from mtreview.qa.month_days import month_days
from mtreview.qa.unit_tables import (
    EN_AMBIGUOUS as _EN_AMBIGUOUS,
)
from mtreview.qa.unit_tables import (
    EN_UNITS as _EN_UNITS,
)
from mtreview.qa.unit_tables import (
    JA_AMBIGUOUS as _JA_AMBIGUOUS,
)
from mtreview.qa.unit_tables import (
    JA_UNITS as _JA_UNITS,
)
from mtreview.qa.unit_tables import (
    SCALES as _SCALES,
)
from mtreview.qa.unit_tables import (
    WORD_NUMBERS as _WORD_NUMBERS,
)
from mtreview.qa.unit_tables import (
    alternatives as _alternatives,
)

_TENS = "|".join(w for w in _WORD_NUMBERS if w.endswith("ty"))
_ONES = "|".join(list(_WORD_NUMBERS)[1:10])
_EN_NUMBER = (
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_ONES})|{_alternatives(_WORD_NUMBERS)}"
)
_EN_UNIT_WORDS = _alternatives(w for w in (*_EN_UNITS, *_EN_AMBIGUOUS) if "percentage" not in w)
EN_QUANTITY = re.compile(
    # the numbers' first characters first: the engine skips every other position quickly
    rf"(?=[0-9{''.join(sorted({w[0] for w in _WORD_NUMBERS} | {w[0].upper() for w in _WORD_NUMBERS}))}])"
    rf"(?<![\w.])((?:{_EN_NUMBER})(?:\s(?:thousand|million|billion|trillion))?)\s?(?:-\s?)?"
    rf"(percentage points?|{_EN_UNIT_WORDS})(?![A-Za-z])",
    re.IGNORECASE,
)
JA_QUANTITY = re.compile(
    # a figure with 万 or 億 in it is one number (1万500メートル is 10,500 metres)
    r"(?<![\d.,万億])(\d[\d,]*(?:\.\d+)?(?:億(?:\d[\d,]*(?:\.\d+)?万)?|万)(?:\d{1,4}(?![\d.,]))?|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    # every unit, longest first (キロワット before キロ)
    rf"({_alternatives(_JA_UNITS)})"
    # 3分の1 is a third, not three minutes; km2 is not km (but 2時間30分 is two hours)
    r"(?![A-Za-z]|(?<=[A-Za-z])[0-9²³]|の[0-9０-９一二三四五六七八九十])",
    re.IGNORECASE,
)


EN_PER = re.compile(
    # (an amount "a litre" is a rate too: "£1.31 a litre", "$4 a gallon")
    rf"(?:\bper\s+(?:an?\s+)?|/\s?|(?:(?<=\d\s)|(?<=\dp\s))an?\s+)({_EN_UNIT_WORDS})(?![A-Za-z])"
    r"(?!\s+(?:ago|earlier|later|before|after|from|into|on|since)\b)",  # (not "a month ago")
    re.IGNORECASE,
)
JA_PER = re.compile(
    # (1リットル150円, 1ガロン平均1.31ポンド: one unit and the amount straight after it)
    rf"(?<![\d.])(?:(?:1\s?)?({_alternatives(_JA_UNITS)})(?:当たり|あたり|につき)|1\s?"
    rf"({_alternatives(_JA_UNITS)})(?=平均|約|\d))",
    re.IGNORECASE,
)
_EN_FIGURE = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")
_JA_FIGURE = re.compile(
    r"(?<![\d.,万億])\d[\d,]*(?:\.\d+)?(?:(?:億(?:\d[\d,]*(?:\.\d+)?万)?|万)(?:\d,\d{3}|\d{1,4})?)?"
)
_PER_DIMS = frozenset({"mass", "length", "volume", "data", "power", "energy", "area", "time"})
EN_TEMPERATURE = re.compile(
    r"(?<![\w.])(-?\d+(?:\.\d+)?)(?:\s?(?:°\s?|degrees?\s+)|(?=[FC]\b))(F|C|Fahrenheit|Celsius|centigrade)\b"
)
"""A temperature with its scale: 104°F, 40 degrees Celsius, and 200F or 40C written without the sign."""
_GLUED_SCALE = re.compile(r"\d[FC]\b")


def has_temperature(source: str) -> bool:
    """Whether the English may hold a temperature (a cheap test before ``en_temperatures``)."""
    return "°" in source or "degree" in source or _GLUED_SCALE.search(source) is not None


MINUS_BEFORE = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
JA_TEMPERATURE = re.compile(
    r"(華氏|摂氏)?\s?(氷点下|零下|マイナス|-|−)?\s?(\d+(?:\.\d+)?)\s?(度(?!目)|℃|°C|℉|°F)"
)
"""A Japanese temperature (not 3度目, "the third time")."""


def en_temperatures(source: str) -> list[tuple[float, float, re.Match[str]]]:
    """(degrees Celsius, the figure as written, the match) of each temperature with its scale."""
    out = []
    for m in EN_TEMPERATURE.finditer(source):
        raw = float(m.group(1))
        if MINUS_BEFORE.search(source, max(0, m.start() - 10), m.start()):
            raw = -raw  # "minus 6 degrees Celsius" (氷点下6度)
        fahrenheit = m.group(2).lower().startswith("f")
        out.append(((raw - 32) * 5 / 9 if fahrenheit else raw, raw, m))
    return out


def _fahrenheit(m: re.Match[str]) -> bool:
    return m.group(1) == "華氏" or m.group(4) in ("℉", "°F")


def ja_temperatures(folded: str) -> list[tuple[float, float, re.Match[str]]]:
    """The same for the translation: 度 and ℃ are Celsius unless 華氏 comes before (or ℉); 氷点下 and
    マイナス make it negative."""
    out = []
    for m in JA_TEMPERATURE.finditer(folded):
        raw = -float(m.group(3)) if m.group(2) else float(m.group(3))
        out.append(((raw - 32) * 5 / 9 if _fahrenheit(m) else raw, raw, m))
    return out


_TEMPERATURE_NOTE = re.compile(r"\s?[(（]\s?(?:摂氏|華氏)?\s?(?:約|およそ|ほぼ)?\s?")


def _value(text: str) -> float:
    lower = text.lower()
    head, _, word = lower.rpartition(" ")
    if word in _SCALES:
        return _value(head) * _SCALES[word]
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


CONVERSION_NOTE = re.compile(r"\s?[(（]\s?(?:時速|秒速|分速)?(?:約|およそ|ほぼ)?\s?")


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
        if before.group(2).lower() == inside.group(2).lower():
            continue
        # キロ is km or kg, ポンド money or weight, 時速…キロ a speed: any reading of both that is one amount
        a_value, b_value = _value(before.group(1)), _value(inside.group(1))
        if any(
            da.rstrip("?") == db.rstrip("?")
            and a_value * fa > 0
            and abs(a_value * fa - b_value * fb) <= 0.05 * a_value * fa
            for da, fa in _ja_options(folded, before)
            for db, fb in _ja_options(folded, inside)
        ):
            start = before.end() + (len(opener.group()) - len(opener.group().lstrip()))
            out.append((start, close + 1))
    if "度" in folded or "℃" in folded:  # 華氏100度（摂氏約38度）
        for (ca, _ra, a), (cb, _rb, b) in pairwise(ja_temperatures(folded)):
            opener = _TEMPERATURE_NOTE.match(folded, a.end())
            if (
                opener is None
                or not b.start() <= opener.end() <= b.start(3)
                or _fahrenheit(a) == _fahrenheit(b)
            ):
                continue
            close = folded.find("）" if "（" in opener.group() else ")", b.end())
            if close >= 0 and not folded[b.end() : close].strip() and abs(ca - cb) <= 1.0:
                out.append((a.end() + len(opener.group()) - len(opener.group().lstrip()), close + 1))
    return tuple(out)


_ABOUT = re.compile(r"(?:約|およそ|ほぼ|概ね|おおむね|推定)\s?$")
_CONVERTIBLE = frozenset(
    {"mass", "length", "volume", "data", "time", "power", "energy", "area", "speed", "frequency"}
)


@lru_cache(maxsize=1024)
def conversions(source: str, target: str) -> tuple[frozenset[int], frozenset[int]]:
    """Quantities of the source and of the translation that are one amount in two different units (30 mph
    and 時速約48キロ, a 500-megawatt plant and 50万キロワット, 8 ounces and 約230グラム): the start offsets of
    their numbers, (source, translation). Equal within 5 % (10 % after 約 or およそ): a converted value
    is rounded. A Japanese quantity that renders one of the source's as it is (8 km, 8キロ) converts
    nothing; the same unit is never a conversion (400 metres and 410メートル are two numbers). Values are
    looked up by bisection, a few neighbours each: linear in the quantities."""
    src = list(EN_QUANTITY.finditer(source))
    temperatures = has_temperature(source)
    if not src and not temperatures:
        return frozenset(), frozenset()
    folded = to_halfwidth_ascii(target)
    english: list[tuple[re.Match[str], list[tuple[str, float, float]]]] = []
    as_is: set[tuple[str, str, str]] = set()
    en_hits: set[int] = set()
    ja_hits: set[int] = set()
    for m in src:
        unit = _unit_key(m.group(2))
        number = _value(m.group(1))
        options = [
            (d, f, number * f)
            for d, f in _EN_AMBIGUOUS.get(unit) or ((_EN_UNITS[unit],) if unit in _EN_UNITS else ())
        ]
        english.append((m, options))
        as_is.update((d, _key(amount), _key(f)) for d, f, amount in options)
    # the source's own conversion note, of which the translation may keep one: 25 nautical miles (46 km)
    for (a, a_options), (b, b_options) in pairwise(english):
        if _EN_NOTE.fullmatch(source, a.end(), b.start()) and any(
            da == db and _key(fa) != _key(fb) and abs(x - y) <= 0.05 * x
            for da, fa, x in a_options
            for db, fb, y in b_options
        ):
            en_hits.update((a.start(1), b.start(1)))
    by_dim: dict[str, list[tuple[float, float, int, float]]] = {}
    for t in JA_QUANTITY.finditer(folded):
        number = _value(t.group(1))
        readings = _ja_options(folded, t)
        if any((d.rstrip("?"), _key(number * f), _key(f)) in as_is for d, f in readings):
            continue  # it renders one of the source's quantities as it is (8 km, 8キロ)
        tolerance = 0.1 if _ABOUT.search(folded, max(0, t.start() - 4), t.start()) else 0.05
        for dim, factor in readings:
            if dim.rstrip("?") in _CONVERTIBLE:
                by_dim.setdefault(dim.rstrip("?"), []).append((number * factor, factor, t.start(), tolerance))
    for values in by_dim.values():
        values.sort()
    for m, options in english:
        for dim, factor, amount in options:
            values = by_dim.get(dim, [])
            if amount <= 0 or not values:
                continue
            i = bisect.bisect_left(values, (amount * 0.9,))
            for value, ja_factor, start, tolerance in values[i : i + _NEIGHBOURS]:
                if value > amount * 1.1:
                    break
                if _key(ja_factor) != _key(factor) and abs(value - amount) <= tolerance * amount:
                    en_hits.add(m.start(1))
                    ja_hits.add(start)
    if temperatures:
        ja = sorted((c, t.start(3)) for c, _raw, t in ja_temperatures(folded))
        for celsius, _raw, m in en_temperatures(source):
            i = bisect.bisect_left(ja, (celsius - 0.6,))
            for ja_celsius, start in ja[i : i + _NEIGHBOURS]:
                if ja_celsius > celsius + 0.6:
                    break
                en_hits.update((m.start(1), m.start(1) + 1) if m.group(1).startswith("-") else (m.start(1),))
                ja_hits.add(start)
    return frozenset(en_hits), frozenset(ja_hits)


_NEIGHBOURS = 8
"""Japanese values looked at around an English one (equal values in a long paragraph: a few suffice)."""
_APPROX = r"(?:about|around|roughly|some|approximately|approx\.|nearly|almost)"
_EN_NOTE = re.compile(
    rf"(?:\s+(?:high|long|wide|deep|tall|thick|away|across|below|above))?"
    rf"\s*(?:(?:[(\[]|,\s*or|or)\s*(?:{_APPROX}\s*)?|,\s*{_APPROX}\s*)",
    re.IGNORECASE,
)
"""Between a quantity and the source's own conversion of it: "(46 km)", "or 8 km", ", about 3,000 metres"."""


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
        if EN_PER.search(source) is not None:  # (" a " alone is in nearly every sentence)
            yield from self._per_unit(segment)
        if has_temperature(source):
            yield from self._temperatures(segment)
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
        options: dict[int, tuple[tuple[str, float], ...]] = {}
        for t in tgt:
            number = _value(t.group(1))
            options[t.start()] = _ja_options(folded, t)
            by_number.setdefault(_key(number), []).append(t)
            by_dim_value.update((d, _key(number * f)) for d, f in options[t.start()])
        for m in src:
            unit = _unit_key(m.group(2))
            en_options = _EN_AMBIGUOUS.get(unit) or ((_EN_UNITS[unit],) if unit in _EN_UNITS else ())
            number = _value(m.group(1))
            same_number = by_number.get(_key(number), [])
            if not same_number or any((d, _key(number * f)) in by_dim_value for d, f in en_options):
                continue
            for t in same_number:
                related = any(
                    _related(dim, t_dim) for dim, _f in en_options for t_dim, _tf in options[t.start()]
                )
                if related:
                    yield _differs(self, segment, m, t.start(), t.end())
                    break

    def _per_unit(self, segment: SegmentInput) -> Iterable[Finding]:
        """A rate's unit: "per megawatt-hour" rendered 1キロワット時当たり."""
        source, target = segment.source, segment.target
        folded = to_halfwidth_ascii(target)
        ja = [(t, _JA_UNITS[(t.group(1) or t.group(2)).lower()]) for t in JA_PER.finditer(folded)]
        if not ja:
            return
        # a rate whose unit changed and whose amount did not (18,600 dollars per megawatt-hour →
        # 1キロワット時当たり1万8600ドル); a converted rate ($5 per pound → 1キロ当たり約11ドル) is for
        # the numbers check to judge: the rate's own amount is compared, the figure before "per" with
        # the figures after 当たり
        for m in EN_PER.finditer(source):
            before = _EN_FIGURE.findall(source, max(0, m.start() - 40), m.start())
            amount = _key(_value(before[-1])) if before else None
            unit = _unit_key(m.group(1))
            en = tuple(
                (d, f)
                for d, f in _EN_AMBIGUOUS.get(unit) or ((_EN_UNITS[unit],) if unit in _EN_UNITS else ())
                if d in _PER_DIMS
            )
            if not en or any(
                d == jd.rstrip("?") and _key(f) == _key(jf) for t, (jd, jf) in ja for d, f in en
            ):
                continue
            wrong = next(
                (
                    t
                    for t, (jd, _jf) in ja
                    # the same amount per another measure: a cubic metre rendered 1トン, a kilowatt-hour 1キロ
                    if (any(_related(d, jd) for d, _f in en) or _other_measure(t, jd, en))
                    and amount == _first_figure(folded, t.end())
                ),
                None,
            )
            if wrong is not None:
                yield _differs(self, segment, m, wrong.start(), wrong.end())
                return

    def _temperatures(self, segment: SegmentInput) -> Iterable[Finding]:
        """104°F rendered 104度 (Celsius in Japanese unless 華氏 says otherwise), and the other way."""
        source, target = segment.source, segment.target
        ja = ja_temperatures(to_halfwidth_ascii(target))
        celsius_values = sorted(jc for jc, _jr, _t in ja)
        by_figure: dict[float, list[tuple[float, re.Match[str]]]] = {}
        for jc, jr, t in ja:
            by_figure.setdefault(abs(jr), []).append((jc, t))  # 5度 and 氷点下5度: one figure, two signs
        for celsius, raw, m in en_temperatures(source):
            i = bisect.bisect_left(celsius_values, celsius - 0.6)
            if i < len(celsius_values) and celsius_values[i] <= celsius + 0.6:
                continue  # rendered (or converted)
            wrong = next((u for jc, u in by_figure.get(abs(raw), []) if abs(jc - celsius) > 0.6), None)
            if wrong is not None:
                yield _differs(self, segment, m, wrong.start(), wrong.end())


def _other_measure(t: re.Match[str], dim: str, en: tuple[tuple[str, float], ...]) -> bool:
    """Whether the Japanese rate's unit is a measure of another kind than the English one in every reading
    (キロ is a mass or a length: not another measure than "per kilometre", but one than "per hour")."""
    if not dim.endswith("?"):
        return dim in _PER_DIMS
    readings = _JA_AMBIGUOUS.get(t.group(1).lower(), ())
    return bool(readings) and not any(_related(d, rd) for d, _f in en for rd, _rf in readings)


def _unit_key(unit: str) -> str:
    """An English unit as the tables write it: "square-metre" and "square  metre" are "square metre"."""
    return " ".join(unit.lower().replace("-", " ").split())


def _first_figure(folded: str, start: int) -> str | None:
    """The key of the first figure within 12 characters after ``start`` (the amount of a 当たり rate)."""
    m = _JA_FIGURE.search(folded, start, start + 12)
    return _key(_value(m.group())) if m else None


def _differs(check: Check, segment: SegmentInput, en: re.Match[str], start: int, end: int) -> Finding:
    """The finding of a quantity, date or time of the translation (``start``-``end``) that differs from
    the English ``en``."""
    return check.finding(
        segment,
        Side.TARGET,
        start,
        end,
        _("English says {en}; the translation says {ja}.").format(
            en=f"“{en.group()}”", ja=f"“{segment.target[start:end]}”"
        ),
        evidence=(en.start(), en.end()),
    )


def _related(a: str, b: str) -> bool:
    pair = {a.rstrip("?"), b.rstrip("?")}
    return (
        pair <= {"pct", "pp"}
        or pair <= {"power", "energy"}
        or pair <= {"area", "volume"}  # square for cubic kilometres
        or pair <= {"mass", "volume"}  # 10 ml rendered 10ミリグラム (a dose's unit mistaken)
        or pair <= {"loudness", "frequency"}  # a sound's decibels for its hertz
        or len(pair) == 1
    )


_SPEED_BEFORE = {"時速": 3600.0, "分速": 60.0, "秒速": 1.0}
_SPEED_PREFIX = re.compile(r"(時速|分速|秒速)(?:約|およそ|最大|最高|平均|最低)?\s?$")


def _ja_options(folded: str, t: re.Match[str]) -> tuple[tuple[str, float], ...]:
    """The dimensions and factors a Japanese quantity may have: 時速140キロ is a speed (km/h), キロ alone a
    mass or a length."""
    unit = t.group(2).lower()
    speed = _SPEED_PREFIX.search(folded, max(0, t.start() - 8), t.start())
    per = _SPEED_BEFORE[speed.group(1)] if speed else None
    if per is not None:
        lengths = [f for d, f in _JA_AMBIGUOUS.get(unit, (_JA_UNITS[unit],)) if d.rstrip("?") == "length"]
        if lengths:
            return (("speed", lengths[0] / per),)
    return _JA_AMBIGUOUS.get(unit) or (_JA_UNITS[unit],)


WEEKDAYS_JA = "月火水木金土日"
EN_WEEKDAY = re.compile(r"(?=[mtwfs])\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b", re.IGNORECASE)
JA_WEEKDAY = re.compile(r"([月火水木金土日])曜(?:日)?|[(（]([月火水木金土日])[)）]")
EN_RELATIVE = re.compile(r"(?=[lnty])\b(last|next|this|yesterday|tomorrow|today|tonight)\b", re.IGNORECASE)
JA_RELATIVE = re.compile(
    r"先週|先月|昨年|去年|昨日|昨夜|前日|来週|来月|来年|明日|翌日|翌週|今週|今月|今年|今日|今夜"
)
EN_PERIOD = re.compile(r"\b(last|next|this)\s+(week|month|year)\b", re.IGNORECASE)
JA_PERIODS = {
    **{"先週": ("week", -1), "今週": ("week", 0), "来週": ("week", 1)},
    **{"先月": ("month", -1), "今月": ("month", 0), "来月": ("month", 1)},
    **{"昨年": ("year", -1), "去年": ("year", -1), "今年": ("year", 0), "来年": ("year", 1)},
}
JA_PERIOD = re.compile("|".join(JA_PERIODS))
SEASONS_JA = frozenset("春夏秋冬")
EN_SEASON = re.compile(r"\b(?:last|next|this)\s+(?:spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
EN_TIME = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)|\b(noon|midnight)\b", re.IGNORECASE
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
        "Days of the month (June 7), weekdays, relative days (last/next Tuesday, yesterday) and times of day "
        "(10:30 p.m.) compared as values: 7月6日 for “June 7”, 先週木曜日 for “last Friday”, "
        "午前10時30分 for “10:30 p.m.”."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target or not source:
            return
        en_days = {(WEEKDAYS.index(m.group(1).lower() + "day")): m for m in EN_WEEKDAY.finditer(source)}
        if en_days or "曜" in target:
            for m in JA_WEEKDAY.finditer(target):
                day = WEEKDAYS_JA.index(m.group(1) or m.group(2))
                if en_days and day not in en_days:
                    ev = next(iter(en_days.values()))
                    yield _differs(self, segment, ev, m.start(), m.end())
        en_rel = [m for m in EN_RELATIVE.finditer(source)]
        if en_rel:
            ja_rel = list(JA_RELATIVE.finditer(target))
            en_dirs = {_en_direction(m.group().lower()) for m in en_rel}
            for m in ja_rel:
                d = _ja_direction(m.group())
                if d != 0 and -d in en_dirs and d not in en_dirs:
                    ev = next(x for x in en_rel if _en_direction(x.group().lower()) == -d)
                    yield _differs(self, segment, ev, m.start(), m.end())
            yield from self._periods(segment)
        if "月" in target:
            yield from self._month_days(segment)
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

    def _periods(self, segment: SegmentInput) -> Iterable[Finding]:
        """A week, month or year said relative to now as another one: "the end of March next year" rendered
        今年3月末 (this year), "last month" rendered 今月."""
        en = {
            (m.group(2).lower(), _en_direction(m.group(1).lower())): m
            for m in EN_PERIOD.finditer(segment.source)
        }
        if not en:
            return
        for m in JA_PERIOD.finditer(segment.target):
            season = segment.target[m.end() : m.end() + 2].lstrip("の")[:1]
            if season and season in SEASONS_JA and EN_SEASON.search(segment.source):
                continue  # 昨年春 for "last spring": a season said relative to now, not the year
            unit, d = JA_PERIODS[m.group()]
            # (last ↔ next is the relative days' business above: here "this" against either)
            other = [ev for (u, ed), ev in en.items() if u == unit and ed != d and 0 in (d, ed)]
            if other and (unit, d) not in en:
                yield _differs(self, segment, other[0], m.start(), m.end())

    def _month_days(self, segment: SegmentInput) -> Iterable[Finding]:
        """A day of a month the translation gives as another: "June 7" rendered 7月6日 (month and day
        swapped, or one of them changed). A date the English does not name is no error by itself."""
        for start, end, evidence in month_days(segment.source, segment.target).wrong:
            yield _differs(self, segment, evidence, start, end)


def _en_direction(word: str) -> int:
    return {"last": -1, "yesterday": -1, "next": 1, "tomorrow": 1}.get(word, 0)


def _ja_direction(word: str) -> int:
    if word[0] in "先昨去前":
        return -1
    if word[0] in "来明翌":
        return 1
    return 0
