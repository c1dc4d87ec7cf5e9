"""Idioms matched on lemmas, with inflection and inserted words: "the ball was now firmly in the regulators'
court" is "ball is in one's court", "thrown in the proverbial towel" is "throw in the towel".

An idiom's words (its pattern column, or the idiom itself when the pattern is a regular expression)
become slots: a word matches any form with the same lemma (was ↔ is, thrown ↔ throw, corners ↔ corner);
``one's`` a possessive (his, their, the regulators'); ``oneself`` a reflexive pronoun; ``someone`` /
``something`` one to three words; ``*`` up to three words; ``a/the`` alternatives; ``(word)`` an optional
word; an article is optional (another determiner may stand in its place: "kicking this can down the road").
Between two slots up to two other words may stand ("cut any corners", "now firmly"), never a punctuation
mark. The regular-expression matcher of ``lexicons`` runs first; this one is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mtreview.qa.analysis.coverage import lemmas

TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*['’]?|[.,;:!?()\"“”—–]")
POSSESSIVES = frozenset(
    ["my", "your", "his", "her", "its", "our", "their", "one's", "someone's", "somebody's"]
)
REFLEXIVES = frozenset(
    ["myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves", "oneself"]
)
MAX_GAP = 2
ARTICLES = frozenset(["the", "a", "an"])


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str
    """``word``, ``poss``, ``refl``, ``some`` or ``any``."""
    forms: frozenset[str] = frozenset()
    optional: bool = False
    singular: frozenset[str] = frozenset()
    """After "a"/"an" in the idiom: the word as written, the only form it may take ("lay an egg" is not
    "lay eggs")."""


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    lower: str
    lemmas: frozenset[str]
    punct: bool


def _forms(word: str) -> frozenset[str]:
    return frozenset(lemmas(word)) | {word}


@lru_cache(maxsize=4096)
def slots(text: str) -> tuple[Slot, ...]:
    """The slots of an idiom written in the pattern language (``re:`` patterns are not accepted)."""
    out: list[Slot] = []
    previous = ""
    for raw in text.lower().replace("’", "'").split():
        token = raw.strip("()").rstrip("+")
        after_indefinite, previous = previous in ("a", "an", "a/an"), token
        # an article may be any determiner or none ("kicking this can down the road")
        optional = (raw.startswith("(") and raw.endswith(")")) or token in ARTICLES
        if token in ("one's", "someone's"):
            out.append(Slot("poss", optional=optional))
        elif token == "oneself":
            out.append(Slot("refl", optional=optional))
        elif token in ("someone", "something", "somebody", "sb", "sth"):
            out.append(Slot("some", optional=optional))
        elif token == "*":
            out.append(Slot("any", optional=True))
        else:
            forms: set[str] = set()
            for alt in token.split("/"):
                alt = alt.strip("'.,")
                if alt:
                    forms |= _forms(alt)
            if forms:
                written = frozenset(a.strip("'.,") for a in token.split("/") if after_indefinite)
                out.append(Slot("word", frozenset(forms), optional, written))
    return tuple(out)


@lru_cache(maxsize=256)
def tokens(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        if not word[0].isalpha():
            out.append(Token(m.start(), m.end(), word, frozenset(), True))
            continue
        lower = word.lower().replace("’", "'")
        out.append(Token(m.start(), m.end(), lower, _forms(lower.rstrip("'")), False))
    return tuple(out)


def _fits(slot: Slot, toks: tuple[Token, ...], i: int) -> list[int]:
    """Token indices just after ``slot`` when it starts at token ``i``."""
    if i >= len(toks) or toks[i].punct:
        return []
    t = toks[i]
    if slot.kind == "word":
        if slot.singular and t.lower not in slot.singular:
            return []
        return [i + 1] if t.lemmas & slot.forms else []
    if slot.kind == "poss":
        ends = []
        if t.lower in POSSESSIVES or t.lower.endswith(("'s", "s'")):
            ends.append(i + 1)
        if t.lower == "the" and i + 1 < len(toks) and toks[i + 1].lower.endswith(("'s", "s'")):
            ends.append(i + 2)
        return ends
    if slot.kind == "refl":
        return [i + 1] if t.lower in REFLEXIVES else []
    if slot.kind in ("some", "any"):
        ends = []
        for n in range(1, 4):
            if i + n > len(toks) or toks[i + n - 1].punct:
                break
            ends.append(i + n)
        return ends
    return []


def match(idiom_slots: tuple[Slot, ...], text: str) -> tuple[int, int] | None:
    """The span of ``text`` where the idiom occurs, if it does."""
    toks = tokens(text)
    if not idiom_slots or not toks:
        return None
    first = idiom_slots[0]
    for i in range(len(toks)):
        if first.kind == "word" and not (toks[i].lemmas & first.forms):
            continue
        end = _match_from(idiom_slots, 0, toks, i, first_slot=True)
        if end is not None and not _other_article(idiom_slots, toks[i:end]):
            return toks[i].start, toks[end - 1].end
    return None


def _other_article(idiom_slots: tuple[Slot, ...], matched: tuple[Token, ...]) -> bool:
    """Whether the text puts an article the idiom does not have where it has one ("getting under a table" is
    no "under the table"; "this can" for "the can" stays), or a distributive "each"/"every" the idiom does
    not have: a literal phrase ("at the end of every day" is no "at the end of the day")."""
    own = {f for s in idiom_slots if s.kind == "word" and s.forms <= ARTICLES for f in s.forms}
    words = {f for s in idiom_slots if s.kind == "word" for f in s.forms}
    if any(t.lower in DISTRIBUTIVE and t.lower not in words for t in matched):
        return True
    return bool(own) and any(t.lower in ARTICLES and t.lower not in own for t in matched)


DISTRIBUTIVE = frozenset({"each", "every"})


MAX_ASIDE = 6
"""Words of an aside between commas inside an idiom."""


def _aside_end(toks: tuple[Token, ...], comma: int) -> int | None:
    """The token after the comma that closes an aside opened by the comma at ``comma``."""
    for j in range(comma + 1, min(len(toks), comma + MAX_ASIDE + 2)):
        if toks[j].punct:
            return j + 1 if toks[j].lower == "," and j > comma + 1 else None
    return None


def _match_from(
    idiom_slots: tuple[Slot, ...], k: int, toks: tuple[Token, ...], i: int, first_slot: bool = False
) -> int | None:
    """Match slots ``k``… starting at or (for later slots) up to ``MAX_GAP`` words after token ``i``;
    the index after the last matched token."""
    if k == len(idiom_slots):
        return i
    if not first_slot and i < len(toks) and toks[i].lower == ",":
        # an aside between commas ("the jury, frankly, is still out", "the ball, as far as I'm concerned,
        # is in their court"): the idiom goes on after it
        close = _aside_end(toks, i)
        if close is not None:
            return _match_from(idiom_slots, k, toks, close)
    slot = idiom_slots[k]
    gaps = range(0, 1) if first_slot else range(0, MAX_GAP + 1)
    for gap in gaps:
        j = i + gap
        if gap and (j - 1 >= len(toks) or toks[j - 1].punct):
            break  # no punctuation inside an idiom
        for after in _fits(slot, toks, j):
            end = _match_from(idiom_slots, k + 1, toks, after)
            if end is not None:
                return end
    if slot.optional:
        return _match_from(idiom_slots, k + 1, toks, i)
    return None
