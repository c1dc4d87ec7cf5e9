"""The candidate terms of term consistency (``consistency``): runs of one to three adjacent English content
words that are not verb or adverb forms, the lemmas a document uses as noun heads, and the terms repeated
in a document (counted in parts by the worker processes: ``TermCounts``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from mtreview.qa.analysis.coverage import source_words
from mtreview.qa.lexicons import irregular_base

VERB_BEFORE = frozenset(
    {
        *("to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does"),
        *("do", "not", "cannot", "won't", "don't", "didn't", "i", "we", "they", "you", "he", "she"),
        *("it", "who"),
    }
)
DETERMINERS = frozenset(
    {
        *("the", "a", "an", "this", "these", "those", "that", "its", "their", "his", "her", "our"),
        *("my", "your", "any", "each", "every", "no", "another", "other", "some", "many", "all"),
        *("most", "several", "few", "both", "such"),
        # a number word opens a noun phrase as a digit does ("two scrap metal dealers")
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"),
    }
)
MAX_SEGMENTS_SHARE = 0.05
"""A word in more than this share of a long document's segments (and in more than ten) is its vocabulary,
not a term to watch."""

Word = tuple[int, int, str, str, str]
"""(start, end, text, lemma, kind): ``coverage.source_words``."""


@lru_cache(maxsize=65536)
def _verbal_form(lower: str, lemma: str) -> bool:
    """An adverb (-ly), an irregular verb form or an inflected -ed/-ing form: not a term's word."""
    if lower.endswith("ly") and len(lower) > 4:
        return True
    if irregular_base(lower) is not None:
        return True
    return lower != lemma and lower.endswith(("ed", "ing"))


@lru_cache(maxsize=65536)
def _verbal_text(text: str, lemma: str) -> bool:
    """``_verbal_form`` of a word as written."""
    return _verbal_form(text.lower(), lemma)


def _previous_words(source: str) -> dict[int, str]:
    """Start of each word → the lower-case word before it."""
    out: dict[int, str] = {}
    previous = ""
    for m in PLAIN_WORD.finditer(source):
        out[m.start()] = previous
        previous = m.group().lower()
    return out


def candidate_terms(source: str, words: Sequence[Word]) -> list[tuple[tuple[str, ...], list[int], int]]:
    """Runs of one to three adjacent content words (no verb or adverb forms): (lemmas, word indices, run)."""
    before = _previous_words(source)
    runs: list[list[int]] = []
    current: list[int] = []
    opening = {i for i, w in enumerate(words) if _opening_word(source, w)}
    for i, (start, _end, text, lemma, kind) in enumerate(words):
        usable = (
            (kind == "word" or i in opening or (kind == "name" and _named_words(words, i)))
            and len(lemma) > 2
            and not _verbal_text(text, lemma)
            and before.get(start, "") not in VERB_BEFORE
        )
        if usable and current and source[words[current[-1]][1] : start] in (" ", "-"):
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = [i] if usable else []
    if current:
        runs.append(current)
    out: list[tuple[tuple[str, ...], list[int], int]] = []
    lemma_of = [w[3] for w in words]
    for r, run in enumerate(runs):
        # the run's last three words, and in a longer run its first three too: a term and the verb after
        # it ("their solar panel loses power": loses is not an -ed/-ing form)
        seen: set[tuple[int, ...]] = set()
        for part in (run[-3:], run[:3]) if len(run) > 3 else (run,):
            for n in range(1, len(part) + 1):
                for i in range(0, len(part) - n + 1):
                    indices = part[i : i + n]
                    if tuple(indices) not in seen:
                        seen.add(tuple(indices))
                        named = [words[k][4] == "name" and k not in opening for k in indices]
                        if any(named) and (len(indices) < 2 or not all(named)):
                            continue  # a translated name is a term as a whole only (not "Office")
                        out.append((tuple([lemma_of[k] for k in indices]), indices, r))
    return out


def _opening_word(source: str, word: Word) -> bool:
    """A capitalised word opening a sentence that the dictionary does not know, in lower case after its
    capital ("Shearers are typically paid…"): read as a name by the coverage, but the same term as
    "shearers" inside a sentence (a person's or a place's name is capitalised everywhere, so never
    repeated as a term)."""
    from mtreview.qa.analysis.coverage import sentence_start

    start, _end, text, _lemma, kind = word
    return kind == "name" and text[1:].islower() and sentence_start(source, start)


def _named_words(words: Sequence[Word], i: int) -> bool:
    """Whether a capitalised word is a word of the language in an organisation's translated name (the Food
    Standards Council: 食品基準評議会), not a person's or a place's: the dictionary knows it and the
    capitalised run it belongs to has two such words at least."""
    from mtreview.qa.analysis.coverage import known

    def known_name(k: int) -> bool:
        return words[k][4] == "name" and words[k][2].isalpha() and known(words[k][3])

    if not known_name(i):
        return False
    return (i > 0 and known_name(i - 1) and words[i - 1][1] + 1 == words[i][0]) or (
        i + 1 < len(words) and known_name(i + 1) and words[i][1] + 1 == words[i + 1][0]
    )


Candidate = tuple[tuple[str, ...], tuple[int, ...], int]
"""(lemmas, indices of its words in ``english_words(source)``, run)."""


@lru_cache(maxsize=1024)
def source_candidates(source: str) -> tuple[tuple[Candidate, ...], frozenset[str]]:
    """The candidate terms of one source and the lemmas it uses as noun heads (cached: the document pass
    and every observation of the segment share them)."""
    words = source_words(source)
    candidates = tuple((key, tuple(indices), run) for key, indices, run in candidate_terms(source, words))
    return candidates, frozenset(_noun_heads(source, words))


@dataclass
class TermCounts:
    """What ``repeated_terms`` counts over some of a document's sources (worker processes count a chunk
    each; ``repeated_terms`` merges them)."""

    per_segment: dict[tuple[str, ...], int] = field(default_factory=dict)
    """Candidate term → the sources that have it."""
    nouns: set[str] = field(default_factory=set)
    """Lemmas used as a noun head somewhere."""
    sources: int = 0

    def add(self, other: TermCounts) -> None:
        per_segment = self.per_segment
        for key, c in other.per_segment.items():
            per_segment[key] = per_segment.get(key, 0) + c
        self.nouns |= other.nouns
        self.sources += other.sources


def count_terms(sources: Iterable[str]) -> TermCounts:
    out = TermCounts()
    per_segment = out.per_segment
    for source in sources:
        out.sources += 1
        if not source:
            continue
        candidates, heads = source_candidates(source)
        out.nouns.update(heads)
        for key in {key for key, _w, _r in candidates}:
            per_segment[key] = per_segment.get(key, 0) + 1
    return out


def repeated_terms(sources: Iterable[str]) -> dict[tuple[str, ...], int]:
    """Candidate terms found in at least three of ``sources`` (and, in a long document, in at most one in
    twenty of them) whose last word is used as a noun somewhere: after a determiner, at the end of its phrase
    ("the best striker in", not "a clear sign"); term → segments."""
    return terms_from([count_terms(sources)])


def terms_from(parts: Sequence[TermCounts]) -> dict[tuple[str, ...], int]:
    """``repeated_terms`` of a document whose sources were counted in parts, in any order."""
    total = TermCounts()
    for part in parts:
        total.add(part)
    return kept_terms(total.per_segment, total.sources, total.nouns)


def kept_terms(
    per_segment: Mapping[tuple[str, ...], int], sources: int, nouns: set[str] | frozenset[str]
) -> dict[tuple[str, ...], int]:
    """Of the counted candidates of a document of ``sources`` sources, its repeated terms (or of a part of
    the candidates: the workers filter a share each)."""
    limit = max(10, int(sources * MAX_SEGMENTS_SHARE))
    # a majority of two and one odd rendering need three segments at least
    return {k: c for k, c in per_segment.items() if 3 <= c <= limit and k[-1] in nouns}


TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[^\sA-Za-z]")
PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _noun_heads(source: str, words: Sequence[Word]) -> set[str]:
    """Lemmas used as the head of a noun phrase in ``source``: a determiner, up to two content words, the
    word, then anything but a content word."""
    content = {w[0]: w[3] for i, w in enumerate(words) if w[4] == "word" or _named_words(words, i)}
    tokens = [(m.start(), m.group().lower()) for m in TOKEN.finditer(source)]
    heads: set[str] = set()
    for i in _openers(tokens):
        j = i + 1
        while j < len(tokens) and j <= i + 3 and tokens[j][0] in content:
            nxt = tokens[j + 1][0] if j + 1 < len(tokens) else None
            if (
                nxt is None
                or nxt not in content
                or _verbal_form(tokens[j + 1][1], content[nxt])
                # a verb in -s after a singular noun phrase ("a handover takes", "the board says")
                or (
                    tokens[i][1] in SINGULAR
                    and tokens[j + 1][1].endswith("s")
                    and not tokens[j][1].endswith("s")
                )
            ):
                heads.add(content[tokens[j][0]])
                break
            j += 1
    return heads


SINGULAR = frozenset({"a", "an", "each", "every", "this", "that", "another"})
"""Determiners of one thing: after one, a noun and a word in -s are a subject and its verb."""


def _openers(tokens: list[tuple[int, str]]) -> list[int]:
    """Indices of the tokens that open a noun phrase: a determiner, a quantifier or a number ("12
    shareholders")."""
    return [i for i, (_pos, tok) in enumerate(tokens) if tok in DETERMINERS or tok.isdigit()]
