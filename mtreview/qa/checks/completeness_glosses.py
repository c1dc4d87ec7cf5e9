"""What a bracket in the translation may hold without adding anything (the gloss test of the completeness
check): the source's own figures, an acronym of its words, another name of the word just before it, an
abbreviation of that Japanese word."""

from __future__ import annotations

import re

from mtreview.qa.analysis import english
from mtreview.qa.analysis.coverage import coverage

ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


WEEKDAY_MARK = re.compile(r"[月火水木金土日](?:曜日?)?(?:・[祝休])?|祝|休")
_BRACKET_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_AGE = re.compile(r"(\d{1,3})歳")


def figures_in_source(content: str, source: str) -> bool:
    """Whether ``content`` is only figures the source has too (an age: 52, 52歳): a Japanese newspaper sets
    the source's ", 52," in brackets after the name. (An acronym after its spelt-out form,
    責任ある拡張ポリシー(RSP), stays a gloss: the spelt-out form is what the translation added.)"""
    bare = _AGE.sub(r"\1", content.strip())
    figures = _BRACKET_NUMBER.findall(bare)
    if not figures or _BRACKET_NUMBER.sub("", bare).strip(" 、,・/〜~～-"):  # (29〜41歳: "aged 29 to 41")
        return False
    found = set(_BRACKET_NUMBER.findall(source))
    return all(f in found for f in figures)


def initials_of(content: str, source: str) -> bool:
    """Whether ``content`` is the acronym of consecutive words of ``source``: every letter the initial of
    one (WHO for "World Health Organization"), or, for three letters or more, all but the last (CEO for
    "chief executive"). Function words are skipped."""
    if not ACRONYM.fullmatch(content):
        return False
    letters = content.replace("&", "").lower()
    words = english.WORD.findall(source.replace("-", " "))  # (buy-now, pay-later: BNPL)
    initials = "".join(w[0].lower() for w in words if w.lower() not in _FUNCTION_WORDS)
    if letters in initials:
        return True
    return len(letters) >= 3 and letters[:-1] in initials


WORD_BEFORE = re.compile(r"[\u30a1-\u30fc\u4e00-\u9fff]{2,16}$")  # (・ too: ドメスティック・バイオレンス)


def synonym_of_word_before(content: str, source: str, target: str, start: int) -> bool:
    """Whether ``content`` is another name of the English word rendered just before the bracket: the
    dictionary glosses it with a piece of that word (レアアース（希土類） for "rare-earth": rare, earth)."""
    from mtreview.qa.analysis.lookup import glosses

    said = glosses(content)
    if not said:
        return False
    for w in coverage(source, target).words:
        if any(b == start for _a, b in w.hits):
            parts = {p for p in re.split(r"[-\s]+", w.text.lower()) if len(p) > 2} | {w.lemma}
            if said & parts:
                return True
    return False


def abbreviation_of_word_before(content: str, target: str, start: int) -> bool:
    """Whether ``content`` is an acronym of the Japanese word just before the bracket, by the dictionary:
    one of the word's glosses (人工知能（AI）), or every letter the initial of one of its gloss words
    (電気自動車（EV）: electric, vehicle). The word is the longest ending of the run the dictionary knows."""
    if not ACRONYM.fullmatch(content):
        return False
    run = WORD_BEFORE.search(target, max(0, start - 16), start)
    if run is None:
        return False
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

    letters = content.replace("&", "").lower()
    try:
        dictionary = default_dictionary()
        for i in range(run.start(), start - 1):
            glosses = dictionary.english(target[i:start])
            if glosses:
                initials = {g[0] for g in glosses}
                return letters in glosses or (len(glosses) >= len(letters) and set(letters) <= initials)
    except DictionaryUnavailable:
        return False
    return False
