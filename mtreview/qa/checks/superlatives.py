"""Superlatives said the other way: "the oldest winner" rendered 最年少の優勝者, "the lowest rate" rendered
最高の水準. Used by the comparison check.

A closed list of English superlatives and their opposites, by dimension (age, size, height, length, speed,
temperature, weight, depth, width, strength, wealth, quality), and the Japanese superlatives of each
direction. A Japanese superlative counts only as a word of its own: 最低賃金 ("minimum wage"),
最高経営責任者 ("chief executive"), 最小限 and the bound 最低でも are no superlatives. Reported where the
English sentence says one direction only, and the Japanese
sentence says the other and not the English one."""

from __future__ import annotations

import re
from collections.abc import Iterator

UP, DOWN = "up", "down"
EN_SUPERLATIVES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("oldest", "eldest"), ("age", UP)),
    "youngest": ("age", DOWN),
    # how recent a thing is, apart from a person's age: "the newest recruit" may be the oldest player,
    # "the latest report" (最新) says nothing against "his eldest daughter"
    "newest": ("newness", DOWN),
    **dict.fromkeys(("largest", "biggest"), ("size", UP)),
    "smallest": ("size", DOWN),
    "highest": ("height", UP),
    "lowest": ("height", DOWN),
    "longest": ("length", UP),
    "shortest": ("length", DOWN),
    **dict.fromkeys(("fastest", "quickest"), ("speed", UP)),
    "slowest": ("speed", DOWN),
    **dict.fromkeys(("hottest", "warmest"), ("temperature", UP)),
    **dict.fromkeys(("coldest", "coolest"), ("temperature", DOWN)),
    "heaviest": ("weight", UP),
    "lightest": ("weight", DOWN),
    "deepest": ("depth", UP),
    "shallowest": ("depth", DOWN),
    "widest": ("width", UP),
    "narrowest": ("width", DOWN),
    "strongest": ("strength", UP),
    "weakest": ("strength", DOWN),
    "richest": ("wealth", UP),
    "poorest": ("wealth", DOWN),
    "best": ("quality", UP),
    "worst": ("quality", DOWN),
}
"""English superlatives: (dimension, direction)."""
EN_WORD = re.compile(
    r"(?<!personal )\b(" + "|".join(EN_SUPERLATIVES) + r")\b"
    r"(?![-‐]|\s+(?:wishes|known)\b|(?<=best)\s+of\b)",
    re.IGNORECASE,
)
"""Not the first word of a compound (best-known, lowest-paid, worst-hit), nor "best of three", "best
wishes" or a personal best ("the oldest of the three" is a superlative)."""

_JA: dict[tuple[str, str], tuple[str, ...]] = {
    ("age", UP): ("最年長", "最高齢", "最古", "最も古い", "最も年長", "最も年上", "一番年上", "最も高齢"),
    ("age", DOWN): ("最年少", "最も若い", "一番若い", "最も年少", "最も年下"),
    ("newness", DOWN): ("最も新しい", "一番新しい", "最新"),
    ("newness", UP): ("最古", "最も古い"),
    ("size", UP): ("最大", "最も大きい", "一番大きい", "最も大きな"),
    ("size", DOWN): ("最小", "最も小さい", "一番小さい", "最も小さな"),
    # (the highest since 1969: 1969年以来の高水準, 10年ぶりの高値)
    ("height", UP): (
        "最高",
        "最も高い",
        "一番高い",
        *(f"{a}の{w}" for a in ("以来", "ぶり") for w in ("高水準", "高値")),
    ),
    ("height", DOWN): (
        "最低",
        "最も低い",
        "一番低い",
        *(f"{a}の{w}" for a in ("以来", "ぶり") for w in ("低水準", "安値")),
    ),
    ("length", UP): ("最長", "最も長い", "一番長い"),
    ("length", DOWN): ("最短", "最も短い", "一番短い"),
    ("speed", UP): ("最速", "最も速い", "一番速い", "最も早い"),
    ("speed", DOWN): ("最も遅い", "一番遅い"),
    ("temperature", UP): ("最も暑い", "最も暖かい", "最も温暖"),
    ("temperature", DOWN): ("最も寒い", "最も涼しい", "最も冷た"),
    ("weight", UP): ("最も重い", "一番重い", "最重量"),
    ("weight", DOWN): ("最も軽い", "一番軽い", "最軽量"),
    ("depth", UP): ("最も深い", "一番深い", "最深"),
    ("depth", DOWN): ("最も浅い", "一番浅い"),
    ("width", UP): ("最も広い", "一番広い", "最も幅の広い"),
    ("width", DOWN): ("最も狭い", "一番狭い", "最も幅の狭い"),
    ("strength", UP): ("最も強い", "一番強い", "最強"),
    ("strength", DOWN): ("最も弱い", "一番弱い", "最弱"),
    ("wealth", UP): ("最も裕福", "一番裕福", "最も豊か"),
    ("wealth", DOWN): ("最も貧しい", "一番貧しい", "最貧"),
    ("quality", UP): ("最高", "最良", "最善", "最も良い", "最もよい", "一番良い", "一番いい"),
    ("quality", DOWN): ("最悪", "最低", "最も悪い", "一番悪い"),
}
"""The Japanese superlatives of each (dimension, direction)."""
_ALL = sorted({w for words in _JA.values() for w in words}, key=len, reverse=True)
JA_SUPERLATIVE_QUICK = re.compile(r"最|一番|ぶりの|以来の")
"""Any Japanese superlative: a cheap test before the sentence pairs."""
_BARE = ("最高", "最低", "最大", "最小", "最古", "最新")
"""Superlatives that open many compounds (最低賃金, 最高経営責任者, 最大手, 最小限): a word of their own
only when no kanji follows (最新 of 最新鋭, 最新型 too)."""
_KANJI = [w for w in _ALL if re.fullmatch(r"最[\u4e00-\u9fff]+", w)]
_PHRASES = [w for w in _ALL if w not in _KANJI]
_PAST = {w[:-1] + "かった": w for w in _PHRASES if w.endswith("い")}
"""最も高かった → 最も高い."""
_KEYS: dict[str, set[tuple[str, str]]] = {}
for _key, _words in _JA.items():
    for _word in _words:
        _KEYS.setdefault(_word, set()).add(_key)
"""A Japanese superlative → its (dimension, direction)s (最高: height and quality)."""
_NOT_A_WORD = r"(?![\u4e00-\u9fff々]|で|限|値|約|[0-9０-９一二三四五六七八九十百千何数])"
JA_WORD = re.compile(
    "(?:"
    + "|".join(w for w in _KANJI if w in _BARE)
    + ")"
    + _NOT_A_WORD
    + "|(?:"
    + "|".join(w for w in _KANJI if w not in _BARE)
    + r")(?![0-9０-９])"
    + "|(?:"
    + "|".join(sorted([*_PAST, *_PHRASES], key=len, reverse=True))
    + ")"
)
"""A Japanese superlative that is a word of its own: not 最低賃金, 最小限, nor a bound before a number
(最低3人, 最大10人, 最高40度) or 最低でも; 最年少 also before a noun (最年少優勝者); a phrase (最も低い,
最も低かった) whatever follows it."""


EN_RECENT = re.compile(
    r"\b(?:latest|most\s+recent|most\s+modern|(?:most\s+)?up[-‐ ]to[-‐ ]date|state[-‐ ]of[-‐ ]the[-‐ ]art|"
    r"cutting[-‐ ]edge)\b",
    re.IGNORECASE,
)
"""Words 最新 renders that are no superlative the check reads (a superlative of their own would flag
"his latest book" beside 最古, "the earliest known")."""
EN_ALSO: dict[str, tuple[str, str]] = {"oldest": ("newness", UP)}
"""An English superlative that says a second dimension too: a thing's "oldest" is its least new."""


def english_superlatives(source: str, start: int, end: int) -> dict[str, tuple[set[str], re.Match[str]]]:
    """Dimension → the directions the English sentence's superlatives say, and the first of them."""
    out: dict[str, tuple[set[str], re.Match[str]]] = {}
    for m in EN_WORD.finditer(source, start, end):
        word = m.group().lower()
        for dim, direction in (EN_SUPERLATIVES[word], *([EN_ALSO[word]] if word in EN_ALSO else [])):
            out.setdefault(dim, (set(), m))[0].add(direction)
    if "newness" in out and EN_RECENT.search(source, start, end):
        out["newness"][0].add(DOWN)  # "the oldest bakery … the latest ovens" (最新のオーブン): both ways
    return out


def reversed_superlatives(
    source: str, target: str, sentence: tuple[int, int], japanese: tuple[int, int]
) -> Iterator[tuple[int, int, int, int]]:
    """(Japanese start, end, English start, end) of each superlative the translation says the other way."""
    en = english_superlatives(source, *sentence)
    if not en:
        return
    # the English dimension → its one direction (a sentence that says both ways says nothing here)
    one = {dim: next(iter(directions)) for dim, (directions, _m) in en.items() if len(directions) == 1}
    found = [(m, _KEYS[_PAST.get(m.group(), m.group())]) for m in JA_WORD.finditer(target, *japanese)]
    said = set().union(*(keys for _m, keys in found))
    for m, keys in found:
        for dim, direction in keys:
            english = one.get(dim)
            if english is None or direction == english or (dim, english) in said:
                continue  # (the English direction is said too: 最高 and 最低 side by side)
            if any((d, one[d]) in said for d, _r in keys if d != dim and d in one):
                continue  # 最高 for "the best" is the quality's, not a height's
            ev = en[dim][1]
            yield m.start(), m.end(), ev.start(), ev.end()
            return
