"""Offensive tone: profanity or an insult on one side of a pair and none on the other.

An insult rendered as something harmless ("asshole" as おばあちゃん) or dropped, or an insult the English
does not have, changes what the text does to its reader — one of the critical errors of machine
translation. Driven by the offensive-word lexicon (``offensive.tsv``, shipped and user-extendable):
English terms are whole words (``fuck*`` also matches longer words), Japanese terms are found anywhere
except inside a longer katakana word (バカ, not バカンス).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts, QaContext
from mtreview.qa.lexicons import LEXICON_DIR, _lines, user_lexicon_dir

FILENAME = "offensive.tsv"
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")


def load_offensive(path: Path) -> tuple[list[str], list[str]]:
    """(English terms, Japanese terms) of one file; ``InputError`` with file and line on a bad line."""
    english: list[str] = []
    japanese: list[str] = []
    for number, line in _lines(path):
        cols = line.split("\t")
        side = cols[0].strip().lower()
        term = cols[1].strip() if len(cols) > 1 else ""
        if side not in ("en", "ja") or not term:
            raise InputError(_("expected “en” or “ja”, a tab and a term"), str(path), number)
        (english if side == "en" else japanese).append(term)
    return english, japanese


LATIN_WORD = re.compile(r"[A-Za-z]+")
NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
"""A capitalised word after a capitalised whole-word term: a name (Dick Cheney), not an insult."""


class EnglishTerms:
    """The English terms as a set of whole words and a tuple of prefixes (``fuck*``): a text's words are
    looked up one by one (faster than one long alternation on every segment)."""

    def __init__(self, terms: Iterable[str]) -> None:
        terms, exceptions = _exceptions(t.lower() for t in terms)
        self.words = frozenset(t for t in terms if not t.endswith("*"))
        self.prefixes = tuple(sorted({t[:-1] for t in terms if t.endswith("*")}))
        phrases = [r"\s+".join(_english_word(w) for w in e.split()) for e in sorted(exceptions)]
        self.exceptions = (
            re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE) if phrases else None
        )
        """Phrases in which a term is no insult ("suck out the venom"): ``!suck* out`` in the lexicon."""

    def search(self, text: str) -> re.Match[str] | None:
        """The first word of ``text`` that is a term (as a match: its span and text)."""
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every word of ``text`` that is a term, in order (not inside an exception's phrase)."""
        spared = [e.span() for e in self.exceptions.finditer(text)] if self.exceptions else []
        for m in LATIN_WORD.finditer(text):
            if spared and any(a <= m.start() < b for a, b in spared):
                continue
            word = m.group().lower()
            if self.prefixes and word.startswith(self.prefixes):
                yield m
            elif word in self.words and not (m.group().istitle() and NAME_AFTER.match(text, m.end())):
                yield m  # unless a name: "Dick Cheney"


@lru_cache(maxsize=4)
def offensive_terms(include_user: bool, extra: tuple[str, ...] = ()) -> tuple[EnglishTerms, tuple[str, ...]]:
    """The English terms and the Japanese terms of the shipped, the user's and ``extra`` files."""
    paths = [LEXICON_DIR / FILENAME]
    if include_user and (user_lexicon_dir() / FILENAME).is_file():
        paths.append(user_lexicon_dir() / FILENAME)
    paths += [Path(p) for p in extra]
    english: set[str] = set()
    japanese: set[str] = set()
    for path in paths:
        en, ja = load_offensive(path)
        english.update(t.lower() for t in en)
        japanese.update(ja)
    return EnglishTerms(english), tuple(sorted(japanese, key=len, reverse=True))


def _exceptions(terms: Iterable[str]) -> tuple[list[str], list[str]]:
    terms = list(terms)
    return [t for t in terms if not t.startswith("!")], [t[1:] for t in terms if t.startswith("!")]


def _english_word(word: str) -> str:
    """One word of an English exception phrase as a pattern (``suck*``: any word it opens)."""
    return re.escape(word[:-1]) + "[A-Za-z]*" if word.endswith("*") else re.escape(word)


def _prefix(term: str) -> tuple[str, bool]:
    """(term, whether a katakana word may follow it: クソ* matches クソページ)."""
    return (term[:-1], True) if term.endswith("*") else (term, False)


@lru_cache(maxsize=8)
def _quick(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any term at all (one scan of the text before the careful one)."""
    bare = sorted({_prefix(t)[0] for t in terms if not t.startswith("!")}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in bare) if bare else r"(?!x)x")


def japanese_hits(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the terms in ``text`` (a katakana term not inside a longer katakana word)."""
    terms = tuple(terms)
    if _quick(terms).search(text) is None:
        return []
    terms, exceptions = _exceptions(terms)
    # linear in the text, whatever the number of hits: reach[i] is the furthest end of an excepted span
    # that starts at i or before (a hit inside one is excepted); taken marks the found spans
    reach = [0] * (len(text) + 1)
    for x in exceptions:
        for m in _all(text, x):
            reach[m] = max(reach[m], m + len(x))
    for i in range(1, len(reach)):
        if reach[i] < reach[i - 1]:
            reach[i] = reach[i - 1]
    taken = bytearray(len(text) + 1)
    found: list[tuple[int, int]] = []
    bare = [_prefix(t)[0] for t in terms]
    for raw in terms:
        term, prefix = _prefix(raw)
        start = text.find(term)
        while start >= 0:
            end = start + len(term)
            inside = KATAKANA.match(term[0]) is not None and (
                (
                    start > 0
                    and KATAKANA.match(text[start - 1])
                    and text[start - 1] != term[-1]
                    and not _ends_term(text, start, bare)  # クソバカ: two terms, not a longer word
                )
                or (
                    not prefix
                    and end < len(text)
                    and KATAKANA.match(text[end])
                    and not _starts_term(text, end, bare)
                )
            )
            if reach[start] >= end:
                inside = True
            if not inside and not taken[start]:
                found.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
            start = text.find(term, end)
    return sorted(found)


def _all(text: str, term: str) -> list[int]:
    out: list[int] = []
    start = text.find(term)
    while start >= 0:
        out.append(start)
        start = text.find(term, start + 1)
    return out


def _starts_term(text: str, pos: int, terms: Iterable[str]) -> bool:
    return any(text.startswith(t, pos) for t in terms)


def _ends_term(text: str, pos: int, terms: Iterable[str]) -> bool:
    return any(text.endswith(t, 0, pos) for t in terms)


@lru_cache(maxsize=256)
def _insults_in(hit: str, terms: tuple[str, ...]) -> int:
    """How many insults one offensive term of the translation renders: a compound counts for the terms
    inside it (バカ野郎 renders "stupid moron", as バカ and 野郎 would)."""
    return max(1, len(japanese_hits(hit, tuple(t for t in terms if t.rstrip("*") != hit))))


BETWEEN_WORDS = re.compile(r"[\s\-]*")


def insult_phrases(text: str, words: list[re.Match[str]]) -> list[str]:
    """The distinct insults of ``words`` (matches in ``text``): adjacent ones are one phrase ("stupid
    idiot", "fucking bastard": one Japanese word renders them), and a phrase repeated ("shit, shit,
    shit") counts once."""
    phrases: list[str] = []
    previous_end = -1
    for m in words:
        if previous_end >= 0 and BETWEEN_WORDS.fullmatch(text, previous_end, m.start()):
            phrases[-1] += " " + m.group().lower()
        else:
            phrases.append(m.group().lower())
        previous_end = m.end()
    return list(dict.fromkeys(phrases))


class OffensiveTone(Check):
    id = "offensive-tone"
    name = N_("Offensive tone changed")
    description = N_(
        "Profanity or an insult in the English with none in the translation (dropped, or rendered as "
        "something harmless), or in the translation with none in the English, from the shipped, "
        "user-extendable offensive-word lexicon."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def __init__(self, context: QaContext, params: Any = None, severity: Severity | None = None) -> None:
        super().__init__(context, params, severity)
        self.english, self.japanese = offensive_terms(
            context.include_user, tuple(context.extra_lexicons.get("offensive", ()))
        )

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not source.strip() or not target.strip():
            return
        words = list(self.english.finditer(source))
        en = words[0] if words else None
        ja = japanese_hits(target, self.japanese)
        # the English words kept in the translation (“fucking”) are rendered as they are
        ja.extend((m.start(), m.end()) for m in self.english.finditer(target))
        if en is not None and not ja:
            yield self.finding(
                segment,
                Side.TARGET,
                None,
                None,
                _("The English is offensive (“{en}”); the translation is not.").format(en=en.group()),
                evidence=(en.start(), en.end()),
            )
        elif ja and en is None:
            start, end = ja[0]
            yield self.finding(
                segment,
                Side.TARGET,
                start,
                end,
                _("The translation is offensive (“{ja}”); the English is not.").format(ja=target[start:end]),
            )
        elif len(phrases := insult_phrases(source, words)) >= 2 and (
            rendered := sum(_insults_in(target[s:e], self.japanese) for s, e in ja)
        ) < len(phrases):
            # toned down: some of the insults are dropped or rendered as something harmless
            shown = "”, “".join(phrases[:4])
            yield self.finding(
                segment,
                Side.TARGET,
                None,
                None,
                _(
                    "The English has {n} offensive words (“{en}”); the translation has {m}: its tone is "
                    "softened."
                ).format(n=len(phrases), en=shown, m=rendered),
                evidence=(words[0].start(), words[-1].end()),
            )
