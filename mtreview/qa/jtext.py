"""Small Japanese-text helpers the checks share: script classes, katakana romanisation, name matching.

The cross-script name matcher is deliberately tiny and dependency-free (a table-driven katakana→romaji
conversion and a consonant skeleton compared with rapidfuzz), so that it is fast enough to run on every
segment. ``mtreview.align.names`` may grow a richer one; this one only has to decide "is this katakana
run a rendering of that English name".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

KANA_RE = re.compile(r"[\u3040-\u30ff]")
KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe\u30fb\uff65-\uff9f]+")
"""Katakana (with ー, ・ and half-width katakana)."""
JA_CHAR = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u30fc"
JA_CHAR_RE = re.compile(f"[{JA_CHAR}]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")


def is_ja(ch: str) -> bool:
    return bool(ch) and JA_CHAR_RE.match(ch) is not None


def has_japanese(text: str) -> bool:
    return JA_CHAR_RE.search(text) is not None


# --- katakana → romaji ------------------------------------------------------------------------------

_DIGRAPHS = {
    "キャ": "kya",
    "キュ": "kyu",
    "キョ": "kyo",
    "シャ": "sha",
    "シュ": "shu",
    "ショ": "sho",
    "シェ": "she",
    "チャ": "cha",
    "チュ": "chu",
    "チョ": "cho",
    "チェ": "che",
    "ニャ": "nya",
    "ニュ": "nyu",
    "ニョ": "nyo",
    "ヒャ": "hya",
    "ヒュ": "hyu",
    "ヒョ": "hyo",
    "ミャ": "mya",
    "ミュ": "myu",
    "ミョ": "myo",
    "リャ": "rya",
    "リュ": "ryu",
    "リョ": "ryo",
    "ギャ": "gya",
    "ギュ": "gyu",
    "ギョ": "gyo",
    "ジャ": "ja",
    "ジュ": "ju",
    "ジョ": "jo",
    "ジェ": "je",
    "ビャ": "bya",
    "ビュ": "byu",
    "ビョ": "byo",
    "ピャ": "pya",
    "ピュ": "pyu",
    "ピョ": "pyo",
    "ファ": "fa",
    "フィ": "fi",
    "フェ": "fe",
    "フォ": "fo",
    "フュ": "fyu",
    "ウィ": "wi",
    "ウェ": "we",
    "ウォ": "wo",
    "ヴァ": "va",
    "ヴィ": "vi",
    "ヴェ": "ve",
    "ヴォ": "vo",
    "ティ": "ti",
    "ディ": "di",
    "トゥ": "tu",
    "ドゥ": "du",
    "デュ": "dyu",
    "テュ": "tyu",
    "ツァ": "tsa",
    "ツェ": "tse",
    "ツォ": "tso",
    "クァ": "kwa",
    "クィ": "kwi",
    "クェ": "kwe",
    "クォ": "kwo",
    "グァ": "gwa",
    "イェ": "ye",
    "スィ": "si",
    "ズィ": "zi",
}
_MONO = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮ",
        [
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "i",
            "e",
            "o",
            "n",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "vu",
            "a",
            "i",
            "u",
            "e",
            "o",
            "ya",
            "yu",
            "yo",
            "wa",
        ],
        strict=True,
    )
)


@lru_cache(maxsize=65536)
def romanise(katakana: str) -> str:
    """Hepburn-like romaji of a katakana string (hiragana is folded to katakana; other chars kept)."""
    text = unicodedata.normalize("NFKC", katakana)
    text = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)
    out: list[str] = []
    i = 0
    geminate = False
    while i < len(text):
        pair = text[i : i + 2]
        ch = text[i]
        if pair in _DIGRAPHS:
            roma = _DIGRAPHS[pair]
            i += 2
        elif ch == "ッ":
            geminate = True
            i += 1
            continue
        elif ch == "ー":
            if out and out[-1]:
                out.append(out[-1][-1])
            i += 1
            continue
        elif ch in _MONO:
            roma = _MONO[ch]
            i += 1
        else:
            roma = ch.lower()
            i += 1
        if geminate and roma and roma[0] not in "aeiou":
            roma = roma[0] + roma
        geminate = False
        out.append(roma)
    return "".join(out)


# --- phonetic skeletons for cross-script matching ------------------------------------------------------

_EN_BASE = [
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"qu"), "kw"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"wh"), "w"),
    (re.compile(r"gh"), ""),
]
_EN_TAIL = [
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(?<=[aeiou])w(?![aeiouy])"), ""),
    (re.compile(r"(?<=[aeiou])y"), ""),
    (re.compile(r"e$"), ""),
    (re.compile(r"(?<!^)h"), ""),
]
# Alternatives a Japanese rendering may choose: th as s or t, ch as s or k, post-vocalic r kept or dropped.
_EN_VARIANTS = [
    [(re.compile(r"th"), "s"), (re.compile(r"th"), "t")],
    [(re.compile(r"ch"), "s"), (re.compile(r"ch"), "k")],
    [(re.compile(r"(?<=[aeiou])r(?![aeiouy])"), ""), (re.compile(r"$^"), "")],
]
_COMMON_RULES = [
    (re.compile(r"l"), "r"),
    (re.compile(r"v"), "b"),
    (re.compile(r"z"), "s"),
    (re.compile(r"j"), "g"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"ch"), "s"),
    (re.compile(r"ts"), "s"),
    (re.compile(r"dz"), "s"),
    (re.compile(r"f"), "b"),
    (re.compile(r"(?<!^)h"), ""),
    (re.compile(r"([a-z])\1+"), r"\1"),
]
_VOWELS = re.compile(r"[aeiouy]")


def _common(text: str) -> str:
    for pattern, repl in _COMMON_RULES:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=65536)
def english_keys(word: str) -> tuple[str, ...]:
    """Consonant skeletons of an English name as a Japanese ear may hear it (Garcia → grs)."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if "a" <= c <= "z")
    for pattern, repl in _EN_BASE:
        text = pattern.sub(repl, text)
    keys: list[str] = []
    for th in _EN_VARIANTS[0]:
        for ch in _EN_VARIANTS[1]:
            for r in _EN_VARIANTS[2]:
                variant = r[0].sub(r[1], ch[0].sub(ch[1], th[0].sub(th[1], text)))
                for pattern, repl in _EN_TAIL:
                    variant = pattern.sub(repl, variant)
                full = _common(variant)
                key = (_VOWELS.sub("", full), full)
                if key not in keys:
                    keys.append(key)
    return tuple(keys)


def first_sound(full: str) -> str:
    """ "V" for a vowel, else the first consonant of a romanised or normalised name."""
    if not full:
        return ""
    return "V" if full[0] in "aeiouy" else full[0]


@lru_cache(maxsize=65536)
def english_sounds(word: str) -> frozenset[str]:
    sounds = {first_sound(full) for _skeleton, full in english_keys(word)}
    if sounds & {"h", "w"}:
        sounds |= {"h", "w"}  # Wh- is often ホ (ホイットニー)
    return frozenset(sounds)


def english_key(word: str) -> str:
    return english_keys(word)[0][0]


@lru_cache(maxsize=65536)
def katakana_full(katakana: str) -> str:
    roma = romanise(katakana.replace("・", "").replace("=", ""))
    roma = re.sub(r"n(?=[^aeiouy]|$)", "n", roma)
    roma = roma.replace("tsu", "s").replace("shi", "s").replace("chi", "s").replace("fu", "f")
    return _common(roma)


def katakana_key(katakana: str) -> str:
    """Consonant skeleton of a katakana rendering (ガルシア → grs)."""
    return _VOWELS.sub("", katakana_full(katakana))


@lru_cache(maxsize=262144)
def name_similarity(english: str, katakana: str) -> float:
    """0..1: how well a katakana run renders an English name (best skeleton edit similarity)."""
    full_b = katakana_full(katakana)
    b = _VOWELS.sub("", full_b)
    if not b:
        return 0.0
    best = 0.0
    for a, full_a in english_keys(english):
        if not full_a or (full_a[0] in "aeiouy") != (full_b[0] in "aeiouy"):
            continue  # Oliver is not レベル: the first sound must agree (vowel or consonant)
        if full_a[0] not in "aeiouy" and full_a[0] != full_b[0] and {full_a[0], full_b[0]} != {"h", "w"}:
            continue
        if a and abs(len(a) - len(b)) <= max(2, len(a) // 2):
            skeleton = float(Levenshtein.normalized_similarity(a, b))
            vowels = float(Levenshtein.normalized_similarity(full_a, full_b))
            best = max(best, 0.7 * skeleton + 0.3 * vowels)
    return best


def matches_name(english: str, katakana: str, threshold: float = 0.75) -> bool:
    return name_similarity(english, katakana) >= threshold


def to_halfwidth_ascii(text: str) -> str:
    """Full-width ASCII letters, digits and symbols folded to ASCII (same length: offsets survive)."""
    return text.translate(_FULLWIDTH)


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
