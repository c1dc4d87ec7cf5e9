"""Small Japanese-text helpers the checks share: script classes, width folding, and the checks' view of
the cross-script name matcher.

Names are matched by the one implementation in ``mtreview.align.names`` (pykakasi romanisation,
phonetic keys, rapidfuzz), which the aligner uses too; this module only adapts it to the checks'
per-token questions ("which first sound", "is this katakana run a rendering of that English name").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mtreview.align import names as _names
from mtreview.qa.latin import LETTERS

KANA_RE = re.compile(r"[\u3040-\u30ff]")
KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe\u30fb\uff65-\uff9f]+")
"""Katakana (with ー, ・ and half-width katakana)."""
JA_CHAR = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u30fc"
JA_CHAR_RE = re.compile(f"[{JA_CHAR}]")
LATIN_WORD = re.compile(rf"[{LETTERS}][{LETTERS}'’\-]*[{LETTERS}]|[{LETTERS}]")


def is_ja(ch: str) -> bool:
    return bool(ch) and JA_CHAR_RE.match(ch) is not None


def has_japanese(text: str) -> bool:
    return JA_CHAR_RE.search(text) is not None


# --- names across scripts (delegates to mtreview.align.names) ---------------------------------------

romanise = _names.romanise


@lru_cache(maxsize=65536)
def katakana_full(katakana: str) -> str:
    """The phonetic key of a katakana rendering, parts joined (ホルデン → horuden)."""
    return _names.phonetic_key(unicodedata.normalize("NFKC", katakana)).replace(" ", "")


def first_sound(full: str) -> str:
    """``V`` for a vowel, else the first consonant (h/w/f as one) of a phonetic key."""
    return _names.first_sound(full)


@lru_cache(maxsize=65536)
def english_sounds(word: str) -> frozenset[str]:
    """The first sounds a Japanese rendering of the English ``word`` may start with."""
    variants = _names.english_variants(word)
    if not variants:
        return frozenset()
    return frozenset(first_sound(v) for v in variants[0].split("|") if v)


@lru_cache(maxsize=262144)
def name_similarity(english: str, katakana: str) -> float:
    """0..1: how well a katakana run renders an English name (``mtreview.align.names.name_similarity``)."""
    return _names.name_similarity(english, katakana)


def matches_name(english: str, katakana: str, threshold: float = 0.75) -> bool:
    return name_similarity(english, katakana) >= threshold


def to_halfwidth_ascii(text: str) -> str:
    """Full-width ASCII letters, digits and symbols folded to ASCII (same length: offsets survive)."""
    return text.translate(_FULLWIDTH)


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
