"""Names across scripts: romanise katakana and compare it with English (Latin-script) words.

Used by the aligner (a name is an anchor that survives translation) and meant to be reused by the
checks (name rendered as a company, name-consistency). Everything here is pure, Qt-free and cached.

- ``romanise(katakana)``: Hepburn romanisation of a katakana word (kana tables, exact for small kana such
  as ティ/ジェ; pykakasi for anything the tables do not cover), cached.
- ``phonetic_key(text)``: a coarse key in which an English spelling and the romanisation of its
  katakana rendering come out close: ``Karnofsky`` and ``カーノフスキー`` → ``kanofsuki`` / ``kanofusuki``.
- ``name_similarity(english, japanese)``: 0…1, how likely ``japanese`` (katakana, possibly with ・ or
  spaces between parts, or Latin) renders the English name ``english`` (one or several words).
- ``katakana_words(text)``: the katakana words of a Japanese text (split at ・ and punctuation).
- ``NameMatcher``: maps the katakana words of a document to English capitalised words of the same
  document in one pass (rapidfuzz over phonetic keys).

Example::

    >>> name_similarity("Holden Karnofsky", "ホルデン・カーノフスキー") > 0.8
    True
    >>> name_similarity("Holden", "アンソロピック") < 0.5
    True
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

__all__ = [
    "NameMatcher",
    "english_variants",
    "first_sound",
    "is_katakana_word",
    "katakana_names",
    "katakana_words",
    "name_similarity",
    "phonetic_key",
    "romanise",
    "skeleton",
]

_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe]+")
_KATAKANA_NAME = re.compile(
    r"[\u30a1-\u30fa\u30fc\u30fd\u30fe]+(?:[・=＝\u30fb][\u30a1-\u30fa\u30fc\u30fd\u30fe]+)*"
)
_SEPARATORS = re.compile(r"[\s・=＝\u30fb\u00b7\-‐]+")
_VOWELS = set("aeiou")

_kakasi_lock = threading.RLock()
_kakasi: Any = None


def _converter() -> Any:
    global _kakasi
    if _kakasi is None:
        with _kakasi_lock:
            if _kakasi is None:
                import pykakasi

                _kakasi = pykakasi.kakasi()  # type: ignore[no-untyped-call]
    return _kakasi


def is_katakana_word(text: str) -> bool:
    return bool(text) and _KATAKANA_RUN.fullmatch(text) is not None


def katakana_words(text: str) -> list[str]:
    """Katakana words of ``text`` (NFKC first, so half-width katakana counts); a name written with
    ・ between its parts gives its parts, e.g. ``オリバー・ハブリーカ`` → ``["オリバー", "ハブリーカ"]``."""
    return _KATAKANA_RUN.findall(unicodedata.normalize("NFKC", text))


def katakana_names(text: str) -> list[str]:
    """Whole katakana names including their ・-joined parts, e.g. ``["オリバー・ハブリーカ"]``."""
    return _KATAKANA_NAME.findall(unicodedata.normalize("NFKC", text))


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


def _table_romanise(katakana: str) -> str | None:
    """Hepburn romaji of a katakana word from tables (exact for small kana: ティ ti, ジェ je), or ``None``
    when it has a character the tables do not cover (then pykakasi romanises it)."""
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
            return None
        if geminate and roma and roma[0] not in "aeiou":
            roma = roma[0] + roma
        geminate = False
        out.append(roma)
    return "".join(out)


@lru_cache(maxsize=65536)
def romanise(katakana: str) -> str:
    """Hepburn romanisation, lowercase, parts joined by a space: ``ホルデン`` → ``horuden``."""
    parts = [p for p in _SEPARATORS.split(unicodedata.normalize("NFKC", katakana)) if p]
    out: list[str] = []
    for part in parts:
        if not _KATAKANA_RUN.fullmatch(part):
            out.append(part.lower())
            continue
        fast = _table_romanise(part)
        if fast is not None:
            out.append(fast)
            continue
        with _kakasi_lock:
            items = _converter().convert(part)
        out.append("".join(str(item["hepburn"]) for item in items).lower())
    return " ".join(out)


# English spelling → something close to how Japanese hears it.
_NON_RHOTIC = "(?<=[aeiou])r(?=[^aeiou]|$)"
_EN_RULES: tuple[tuple[str, str], ...] = (
    ("ough", "o"),
    ("iew", "yu"),  # review → レビュー, view → ビュー
    ("ew(?=[^aeiou]|$)", "yu"),  # Andrew → アンドリュー, news → ニュース
    ("tch", "ch"),
    ("ph", "f"),
    ("th", "s"),
    ("ck", "k"),
    ("qu", "ku"),
    ("q", "k"),
    ("x", "ks"),
    ("wh", "w"),
    ("c(?=[eiy])", "s"),
    ("c", "k"),
    ("v", "b"),
    ("y(?=[^aeiou]|$)", "i"),
    (_NON_RHOTIC, ""),  # non-rhotic: Karnofsky → kanofsky, Oliver → olibe
    ("l", "r"),
    ("(?<=[^aeiou\\s])h", ""),
    ("mb(?=\\s|$)", "m"),  # silent b: Whitcombe
    ("(?<=[^aeiou\\s])e(?=\\s|$)", ""),  # silent final e
    ("([a-z])\\1", "\\1"),
)
_JA_RULES: tuple[tuple[str, str], ...] = (
    ("(?<![a-z])u(?=[ieo])", "w"),  # ウィ ウェ ウォ are wi, we, wo
    ("shi", "si"),
    ("chi", "ti"),
    ("tsu", "tu"),
    ("sh", "sy"),
    ("ch", "ty"),
    ("fu", "fu"),
    ("v", "b"),
    ("l", "r"),
    ("([a-z])\\1", "\\1"),  # long vowels and sokuon: kaanofusukii → kanofusuki
)
_EN_COMPILED = tuple((re.compile(a), b) for a, b in _EN_RULES)
_EN_RHOTIC_COMPILED = tuple((re.compile(a), b) for a, b in _EN_RULES if a != _NON_RHOTIC)
_JA_COMPILED = tuple((re.compile(a), b) for a, b in _JA_RULES)
_NON_LETTERS = re.compile(r"[^a-z\s]+")


@lru_cache(maxsize=65536)
def phonetic_key(text: str, rhotic: bool = False) -> str:
    """A coarse phonetic key; katakana is romanised first. Parts stay separated by single spaces.
    English keys drop an r after a vowel (Karnofsky → カーノフスキー) unless ``rhotic`` (Fernandez →
    フェルナンデス keeps it); ``name_similarity`` tries both."""
    text = unicodedata.normalize("NFKC", text).strip()
    if _KATAKANA_RUN.search(text):
        key = romanise(text)
        rules = _JA_COMPILED
    else:
        key = unicodedata.normalize("NFKD", text.lower())
        key = "".join(ch for ch in key if not unicodedata.combining(ch))
        key = _SEPARATORS.sub(" ", key)
        rules = _EN_RHOTIC_COMPILED if rhotic else _EN_COMPILED
    key = _NON_LETTERS.sub("", key)
    for pattern, repl in rules:
        key = pattern.sub(repl, key)
    return " ".join(key.replace("z", "s").split())


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Consonants of a phonetic key (vowels, y, w, and h after a consonant dropped): the part of a
    name that survives the epenthetic vowels of katakana (``kanofusuki`` → ``knfsk``)."""
    out: list[str] = []
    for word in key.split():
        chars = [ch for ch in word if ch not in _VOWELS and ch not in "yw"]
        out.append("".join(chars))
    return " ".join(w for w in out if w)


_SOUND_CLASSES = ({"h", "w", "f"},)
"""Initial consonants a Japanese rendering may swap (Wh- as ホ, F- as フ/ホ)."""


def first_sound(key: str) -> str:
    """``V`` for a key starting with a vowel, else its first consonant (``h``/``w``/``f`` as one)."""
    if not key:
        return ""
    ch = key[0]
    if ch in _VOWELS:
        return "V"
    for group in _SOUND_CLASSES:
        if ch in group:
            return "h"
    return ch


def _part_similarity(en_key: str, ja_key: str) -> float:
    if "|" in en_key:
        return max(_part_similarity(k, ja_key) for k in en_key.split("|"))
    if not en_key or not ja_key:
        return 0.0
    if first_sound(en_key) != first_sound(ja_key):
        return 0.0  # Oliver is not レベル: a rendering keeps the first sound (vowel or consonant)
    full = fuzz.ratio(en_key, ja_key) / 100.0
    s1, s2 = skeleton(en_key), skeleton(ja_key)
    if not s1 or not s2:
        return full
    skel = fuzz.ratio(s1, s2) / 100.0
    if min(len(s1), len(s2)) < 2:
        skel = min(skel, full)
    return 0.5 * full + 0.5 * skel


_CONTINENTAL = (
    ("(?i)v", "f", "v"),
    ("(?i)w", "v", "w"),
    ("(?i)sch", "sh", "sch"),
    ("(?i)j", "y", "j"),
    ("(?i)kh", "h", "kh"),
)


_SILENT_FIRST = re.compile(r"(?i)\b(?:w(?=r)|[kg](?=n)|p(?=[sn]))")


def english_variants(english: str) -> list[str]:
    """The phonetic keys of each part of an English name, alternatives joined by ``|``: non-rhotic and
    rhotic r, and ``ch`` heard as k (Christopher) or as チ/チャ (Chiamaka, Charles)."""
    keys = [phonetic_key(english).split(), phonetic_key(english, rhotic=True).split()]
    lower = english.lower()
    if "ch" in lower:
        keys.append(phonetic_key(re.sub("(?i)ch", "ty", english)).split())
        keys.append(phonetic_key(re.sub("(?i)ch(?=[iy])", "t", english)).split())
    # continental spellings as Japanese hears them: Dutch and German v as f (Visscher フィッセル), w as v
    # (Wróblewska ヴルブレフスカ), sch as sh or s (Schröder シュレーダー), j as y (Jansen ヤンセン);
    # and the kh of Russian, Arabic or Central Asian names as h (Mikhail ミハイル, Arkhipova アルヒポワ)
    continental = english
    for pattern, sound, present in _CONTINENTAL:
        if present in lower:
            keys.append(phonetic_key(re.sub(pattern, sound, english)).split())
            continental = re.sub(pattern, sound, continental)
    if continental != english:
        keys.append(phonetic_key(continental).split())
    # a silent first letter, heard or not: Wren レン, Knox ノックス, Psaki サキ (Knudsen クヌーセン keeps it)
    silent = _SILENT_FIRST.sub("", english)
    if silent != english:
        keys.append(phonetic_key(silent).split())
    base = keys[0]
    parts = [[p] for p in base]
    for alt in keys[1:]:
        if len(alt) == len(base):
            for slot, p in zip(parts, alt, strict=True):
                if p not in slot:
                    slot.append(p)
    return ["|".join(slot) for slot in parts]


@lru_cache(maxsize=131072)
def name_similarity(english: str, japanese: str) -> float:
    """How well ``japanese`` (katakana, Latin, or a mix; parts split at ・ or spaces) renders the
    English name ``english``; 0…1. Multi-part names are compared part by part (each Japanese part
    with its best English part, in order-free fashion), so ``Karnofsky`` vs ``ホルデン・カーノフスキー``
    is a partial match and ``Holden Karnofsky`` vs the same is a full one."""
    en_parts = english_variants(english)
    ja_parts = [phonetic_key(p) for p in _SEPARATORS.split(unicodedata.normalize("NFKC", japanese)) if p]
    ja_parts = [p for p in ja_parts if p]
    if not en_parts or not ja_parts:
        return 0.0
    best_for_ja = [max(_part_similarity(e, j) for e in en_parts) for j in ja_parts]
    best_for_en = [max(_part_similarity(e, j) for j in ja_parts) for e in en_parts]
    score = min(sum(best_for_ja) / len(best_for_ja), sum(best_for_en) / len(best_for_en))
    if len(en_parts) > len(ja_parts) and "-" in english:
        # a hyphenated name written as one katakana word: El-Sayed エルサイード, Al-Amin アルアミン
        score = max(score, name_similarity(english.replace("-", ""), japanese))
    return score


class NameMatcher:
    """Maps katakana words to English words of the same document.

    Build it once with the document's English candidate words (capitalised words: names, products,
    places), then ``match(katakana)`` returns the English word (as given) or ``None``. Matching is a
    rapidfuzz search over phonetic keys with a strict cutoff, confirmed by ``name_similarity``.
    """

    def __init__(self, english_words: Iterable[str], threshold: float = 0.78) -> None:
        self.threshold = threshold
        by_key: dict[str, str] = {}
        for word in english_words:
            key = phonetic_key(word)
            if len(key.replace(" ", "")) >= 3:
                by_key.setdefault(key, word)
        self._keys = list(by_key)
        self._words = [by_key[k] for k in self._keys]
        self._cache: dict[str, str | None] = {}

    def match(self, katakana: str) -> str | None:
        if katakana in self._cache:
            return self._cache[katakana]
        result: str | None = None
        key = phonetic_key(katakana)
        if len(key.replace(" ", "")) >= 3 and self._keys:
            candidates = process.extract(key, self._keys, scorer=fuzz.ratio, limit=5, score_cutoff=55)
            best = 0.0
            for _choice, _score, index in candidates:
                word = self._words[index]
                score = name_similarity(word, katakana)
                if score > best:
                    best, result = score, word
            if best < self.threshold:
                result = None
        self._cache[katakana] = result
        return result
