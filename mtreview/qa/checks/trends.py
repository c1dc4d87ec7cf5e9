"""Directions the comparison check reads beyond bounds and comparatives, per sentence pair:

* a trend: "Waiting times have increased" rendered 短縮された or 減少した (the English says up, the
  translation only down), "doubled" rendered 半減;
* a superlative: "the lowest level since 1976" rendered 最高水準, "the warmest October" rendered 最も寒い;
* a change from one value to another given the other way round: "cut from £500 to £200" rendered
  200ポンドから500ポンドに.

Only a sentence whose English says one direction (and no negation: "did not rise" may be 上昇しなかった or
横ばい) and whose translation says only the other is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis import english, japanese
from mtreview.qa.checks.numbers import english_quantities, japanese_quantities

UP, DOWN = "up", "down"

EN_TREND: dict[str, str] = {
    **dict.fromkeys(
        ("rise", "rose", "risen", "increase", "grow", "grew", "grown", "climb", "jump", "soar", "surge"), UP
    ),
    **dict.fromkeys(("double", "treble", "triple", "quadruple", "swell", "rocket", "balloon"), UP),
    **dict.fromkeys(
        ("fall", "fell", "fallen", "decrease", "decline", "drop", "shrink", "shrank", "shrunk"), DOWN
    ),
    **dict.fromkeys(("slump", "plunge", "plummet", "halve", "dwindle", "tumble", "slide", "slid"), DOWN),
}
"""English verbs (lemmas, and the irregular forms) that say a quantity went up or down."""
EN_TREND_QUICK = re.compile(
    r"\b(?:ris|rose|increas|grow|grew|climb|jump|soar|surg|doubl|trebl|tripl|quadrupl|swell|rocket|balloon|"
    r"fall|fell|decreas|declin|drop|shr[iau]nk|slump|plung|plummet|halv|dwindl|tumbl|slid)",
    re.IGNORECASE,
)
JA_TREND: dict[str, str] = {
    **dict.fromkeys(
        ("増加", "増える", "増す", "上昇", "上がる", "伸びる", "急増", "急騰", "高騰", "倍増"), UP
    ),
    **dict.fromkeys(("増大", "膨らむ", "跳ね上がる", "拡大"), UP),
    **dict.fromkeys(
        ("減少", "減る", "低下", "下落", "下がる", "急減", "急落", "半減", "縮小", "落ち込む"), DOWN
    ),
    **dict.fromkeys(("減", "目減り", "下降", "短縮"), DOWN),
}
"""Japanese words (token bases) that say a quantity went up or down."""
EN_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t|without|failed\s+to|yet\s+to)\b", re.IGNORECASE)
EN_BOTH_WAYS = re.compile(
    r"\b(?:than|compared|while|whereas|but|although|though|after|before)\b", re.IGNORECASE
)
"""Sentences that set two movements side by side: their directions are not compared here."""

EN_SUPERLATIVE: dict[str, tuple[str, str]] = {
    "highest": ("level", UP),
    "lowest": ("level", DOWN),
    "largest": ("size", UP),
    "biggest": ("size", UP),
    "smallest": ("size", DOWN),
    "longest": ("length", UP),
    "shortest": ("length", DOWN),
    "warmest": ("heat", UP),
    "hottest": ("heat", UP),
    "coldest": ("heat", DOWN),
    "coolest": ("heat", DOWN),
    "wettest": ("rain", UP),
    "driest": ("rain", DOWN),
    "fastest": ("speed", UP),
    "slowest": ("speed", DOWN),
    "cheapest": ("price", DOWN),
}
EN_SUPERLATIVE_RE = re.compile(r"\b(" + "|".join(EN_SUPERLATIVE) + r")\b", re.IGNORECASE)
JA_SUPERLATIVE: dict[str, tuple[str, str]] = {
    "最高": ("level", UP),
    "最低": ("level", DOWN),
    "最大": ("size", UP),
    "最小": ("size", DOWN),
    "最長": ("length", UP),
    "最短": ("length", DOWN),
    "最速": ("speed", UP),
    "最安": ("price", DOWN),
    "最安値": ("price", DOWN),
}
JA_MOST = {
    "高い": ("level", UP),
    "低い": ("level", DOWN),
    "大きい": ("size", UP),
    "小さい": ("size", DOWN),
    "長い": ("length", UP),
    "短い": ("length", DOWN),
    "暑い": ("heat", UP),
    "暖かい": ("heat", UP),
    "温かい": ("heat", UP),
    "寒い": ("heat", DOWN),
    "涼しい": ("heat", DOWN),
    "速い": ("speed", UP),
    "遅い": ("speed", DOWN),
    "安い": ("price", DOWN),
}
"""Adjectives after 最も (最も寒い) and the superlative they make."""
EN_BEST = re.compile(r"\b(?:best|top|greatest|record|supreme|worst|peak)\b", re.IGNORECASE)
"""English words 最高 (best, top) or 最低 (worst) may render: then those are no level."""

EN_FROM_TO = re.compile(
    r"\bfrom\s+(?P<a>[^\s,;]{1,24})\s+(?:\w+\s+){0,2}?to\s+(?P<b>[^\s,;]{1,24})", re.IGNORECASE
)
JA_FROM_TO = re.compile(r"から(?:[^、。]{0,6}?)(?=[0-9０-９])")


def trend_flips(
    source: str, target: str, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> Iterator[tuple[int, int, tuple[int, int], str]]:
    """(start, end of the Japanese word, the English word's span, the English word) of each sentence whose
    trend goes the other way in the translation."""
    if not EN_TREND_QUICK.search(source):
        return
    tokens = None
    for (es, ee), (js, je) in pairs:
        sentence = source[es:ee]
        if EN_NEGATED.search(sentence) or EN_BOTH_WAYS.search(sentence):
            continue
        said = [
            (w, EN_TREND[w.lemma] if w.lemma in EN_TREND else EN_TREND[w.lower])
            for w in english.words(source)
            if es <= w.start < ee and (w.lemma in EN_TREND or w.lower in EN_TREND)
        ]
        directions = {d for _w, d in said}
        if len(directions) != 1:
            continue
        (direction,) = directions
        if tokens is None:
            tokens = japanese.tokens(target)
        unit = [t for t in tokens if js <= t.start and t.end <= je]
        ja = [(t, JA_TREND[t.base]) for t in unit if t.base in JA_TREND]
        if not ja or any(d == direction for _t, d in ja):
            continue
        t = ja[0][0]
        w = said[0][0]
        yield t.start, t.end, (w.start, w.end), w.text


def superlative_flips(
    source: str, target: str, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> Iterator[tuple[int, int, tuple[int, int], str]]:
    """(start, end of the Japanese superlative, the English one's span, the English word) where the
    translation's superlative of the same quality goes the other way."""
    if not EN_SUPERLATIVE_RE.search(source) or "最" not in target:
        return
    tokens = None
    for (es, ee), (js, je) in pairs:
        said = {EN_SUPERLATIVE[m.group(1).lower()]: m for m in EN_SUPERLATIVE_RE.finditer(source, es, ee)}
        if not said:
            continue
        best_too = EN_BEST.search(source, es, ee) is not None
        if tokens is None:
            tokens = japanese.tokens(target)
        unit = [t for t in tokens if js <= t.start and t.end <= je]
        ja: list[tuple[int, int, tuple[str, str]]] = []
        for i, t in enumerate(unit):
            for word, meaning in JA_SUPERLATIVE.items():
                if t.surface.startswith(word) and not (best_too and word in ("最高", "最低")):
                    ja.append((t.start, t.start + len(word), meaning))
                    break
            else:
                if t.surface == "最も" and i + 1 < len(unit) and unit[i + 1].base in JA_MOST:
                    ja.append((t.start, unit[i + 1].end, JA_MOST[unit[i + 1].base]))
        said_ja = {meaning for _s, _e, meaning in ja}
        for start, end, (dim, direction) in ja:
            other = (dim, UP if direction == DOWN else DOWN)
            if other in said and (dim, direction) not in said and other not in said_ja:
                m = said[other]
                yield start, end, (m.start(), m.end()), m.group()
                return


def swapped_range(source: str, target: str) -> tuple[int, int, tuple[int, int], str] | None:
    """A change "from A to B" whose translation says from B to A (BからAに): (start, end of the Japanese
    range, the English range's span, the English range)."""
    m = EN_FROM_TO.search(source)
    if m is None or "から" not in target:
        return None
    en = english_quantities(source, words=False)
    a = next((q for q in en if m.start("a") <= q.start < m.end("a")), None)
    b = next((q for q in en if m.start("b") <= q.start < m.end("b")), None)
    if a is None or b is None or a.value == b.value:
        return None
    ja = japanese_quantities(target, kanji=False)
    for i, q in enumerate(ja[:-1]):
        after = target[q.end : ja[i + 1].start]
        if "から" not in after or len(after) > 10 or "、" in after:
            continue
        first, second = q, ja[i + 1]
        if round(first.value, 6) == round(b.value, 6) and round(second.value, 6) == round(a.value, 6):
            return first.start, second.end, (m.start(), m.end()), m.group()
    return None
