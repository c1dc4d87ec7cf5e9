"""The word lists and script patterns the dictionary coverage reads (qa.analysis.coverage): how the Japanese
is cut into units by script, which English words carry no content a translation must show, and the month,
ordinal, number and unit words that are matched by value rather than through the dictionary."""

from __future__ import annotations

import re

from mtreview.qa.analysis import english
from mtreview.qa.latin import LETTERS

EN_TOKEN = re.compile(rf"[{LETTERS}][{LETTERS}'’]*(?:-[{LETTERS}]+)*|\d[\d,.]*\d|\d")
JA_UNIT = re.compile(
    r"(?P<kanji>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+)|(?P<kata>[\u30a1-\u30fa\u30fc\u30fb]+)|"
    r"(?P<latin>[A-Za-z][A-Za-z0-9'\-]*)|(?P<num>[0-9０-９][0-9０-９,.]*)"
)
HIRAGANA = re.compile(r"[\u3041-\u309f]+$")
HAS_KANJI_OR_KATAKANA = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々\u30a1-\u30fa]")
KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々]")
COUNTERS = (
    "人|戸|件|社|台|隻|カ所|か所|ヵ所|頭|匹|羽|本|枚|回|世帯|校|店|個|軒|機|基|棟|両|"
    "カ国|か国|ヵ国|%|％|万|億"
)
"""What follows a number of things counted (少なくとも20人, 3校), as one alternation for patterns."""

SKIP = english.STOPWORDS | frozenset(
    [
        "would",
        "will",
        "whether",
        "because",
        "while",
        "since",
        "until",
        "before",
        "after",
        "during",
        "against",
        "between",
        "through",
        "across",
        "among",
        "within",
        "without",
        "including",
        "according",
        "ago",
        "again",
        "both",
        "either",
        "neither",
        "many",
        "much",
        "few",
        "several",
        "around",
        "although",
        "though",
        "however",
        "therefore",
        "thus",
        "per",
        "via",
        "whose",
        "onto",
        "toward",
        "towards",
        "upon",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
    ]
)
"""Function words, which carry no content a translation must show."""

Span = tuple[int, int]

_MONTH_FORMS = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTHS = {m: i for i, names in enumerate(_MONTH_FORMS, 1) for m in names}
"""Each month's name and abbreviations (lower case) to its number, January 1."""
MONTH_NAMES = tuple(names[0] for names in _MONTH_FORMS)
"""The months' full names, January first (lower case)."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""The days of the week, Monday first (lower case)."""
DAYS_AND_MONTHS = "|".join(name.capitalize() for name in WEEKDAYS + MONTH_NAMES)
"""A regex alternation of the days' and the months' full names, capitalised (Monday|…|December)."""
ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ],
        1,
    )
}
_TEENS_ORDINALS = "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
CENTURY_ORDINALS = {**ORDINALS, **{w: i for i, w in enumerate(_TEENS_ORDINALS.split(), 13)}}
CENTURY_ORDINALS.update({f"twenty-{w}": 20 + i for w, i in ORDINALS.items() if i < 10})
ORDINAL_CENTURY = re.compile(r"\b(" + "|".join(CENTURY_ORDINALS) + r")[\s-]+century\b")
"""A century spelled as an ordinal ("the fifteenth century": 15世紀)."""
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "percent": ("%", "％", "パーセント", "ポイント"),
    "percentage": ("%", "％", "パーセント", "ポイント"),
    "pct": ("%", "％", "パーセント"),
    "thousand": ("千", "万", "000"),
    "million": ("万", "億", "000"),
    "billion": ("億", "兆", "000"),
    "trillion": ("兆",),
    "bn": ("億", "兆"),
    "mn": ("万", "億"),
}
"""Words a number carries with it, rendered as a sign or a scale rather than a word."""
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "twice": 2})
NUMBER_WORDS.update({"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
for _tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
    for _unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
        NUMBER_WORDS[f"{_tens}-{_unit}"] = NUMBER_WORDS[_tens] + NUMBER_WORDS[_unit]  # ninety-five
KANJI_DIGITS = "〇一二三四五六七八九十"
