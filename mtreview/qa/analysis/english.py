"""English words, lemmas, sentences and clauses.

Lemmas come from ``simplemma`` (a small, maintained, dependency-free lemmatiser whose tables ship inside
the package), cached per word form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mtreview.qa.latin import LETTERS, is_latin_letter

WORD = re.compile(rf"[{LETTERS}][{LETTERS}'’\-]*[{LETTERS}]|[{LETTERS}]")


def word_before(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the last word of ``text[:pos]`` (a backward scan: no regex from the start)."""
    end = pos
    while end > 0 and not is_latin_letter(text[end - 1]):
        end -= 1
    start = end
    while start > 0 and (is_latin_letter(text[start - 1]) or text[start - 1] in "'’-"):
        start -= 1
    while start < end and not text[start].isalpha():
        start += 1
    return (start, end) if start < end else None


class Word(NamedTuple):
    text: str
    start: int
    end: int
    lower: str
    lemma: str


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lemma of a lower-case word form (``was`` → ``be``, ``bitten`` → ``bite``)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if not w.isascii() or not w.replace("'", "").replace("-", "").isalpha():
        return w
    import simplemma

    try:
        out = simplemma.lemmatize(w, lang="en")
    except Exception:  # a lemmatiser failure must not stop a check
        return w
    return out.lower() if isinstance(out, str) else w


@lru_cache(maxsize=256)
def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with their lemmas (cached: several checks read the same paragraph's)."""
    make = tuple.__new__  # Word(...) without the named tuple's Python-level __new__
    out = []
    for m in WORD.finditer(text):
        word = m.group()
        lower = word.lower()
        out.append(make(Word, (word, m.start(), m.end(), lower, lemma(lower))))
    return tuple(out)


_SENTENCE = re.compile(
    r"(?=[\s'’\"”)])(?:(?<=[.!?])['’\"”)]*\s+(?=['‘\"“(]*[A-Z0-9])|(?<=[?!])\s+(?=[a-z])|\n+)"
)
"""A sentence break: after . ! or ? before a capital or a figure, after ? or ! before any word (informal
text: "who are you? the owner?"), at a line break. (The look-ahead of its first character changes no
match; it makes the search faster.)"""
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|Inc|Ltd|Co|No|p\.m|a\.m|e\.g|i\.e|U\.S)\.)$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of an English paragraph (abbreviations such as Dr. and p.m. do not end one)."""
    return list(_sentences(text))


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        if _ABBREV.search(text[max(start, m.start() - 6) : m.start()]):
            continue
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


_CLAUSE_BREAK = re.compile(
    r",[\"”]?\s+(?=(?:which|who|whom|whose|where|including|excluding|unless|although|though|while|whereas|"
    r"after\s+which|(?:most|many|some|all|none|few|several|half|each|both|one|two|three)\s+of|but|and|so|"
    r"because|since|with|as\s+well\s+as|according\s+to|[a-z]{2,}ing|"
    # an appended comparison: ", nearly three times its level two years ago", ", up 4% from May"
    r"(?:nearly|almost|roughly|up|down|twice|double|triple|half)\s+(?=\S+\s+\S)|"
    # a reason: ", as many had left the profession" (not "as well as", "as expected", "as a result")
    r"as\s+(?!(?:well|soon|much|many\s+as|long|far|of|in|part|expected|usual|such|if|though|to|with|per|"
    r"a|an|the\s+\w+\s+(?:of|for))\b))\b)|;\s+|\s+[—–]\s+|\s+\((?=[^)]{3,}\))|"
    r"\s+(?=(?:unless|because|although|whereas)\b)|"
    # a second verb phrase of the same subject ("was launched in 2019 and is now operating…")
    r"\s+(?=and\s+(?:is|are|was|were|has|have|had|will|would|no\s+longer|now|still|then)\s)|"
    # a second report of the same speaker ("called it a matter of security and said more would follow")
    r"\s+(?=and\s+(?:said|added|warned|told|noted|stressed|insisted|promised|pledged|urged|vowed)\s)"
)
_NON_RESTRICTIVE = re.compile(r"(?:which|who|whom|whose|where)\b")
"""A clause after ", which": it ends at the next comma ("Sea ice, which once protected the coast, now…")."""
_OPENING = re.compile(r"(?:After|Before|When|While|Although|Though|Because|Since|Unless|Until|Once|If)\s")
"""A sentence that opens with a subordinate clause: it ends at the first comma ("After it healed, she…")."""


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans inside ``text[start:end]``: split before relative and subordinate clauses, at
    semicolons, dashes and parentheses."""
    end = len(text) if end is None else end
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, start, end)]
    extra = []
    for _b, after in breaks:
        if _NON_RESTRICTIVE.match(text, after):
            comma = text.find(", ", after, end)
            if comma > 0:
                extra.append((comma, comma + 2))
    lead = start + len(text[start:end]) - len(text[start:end].lstrip())
    if _OPENING.match(text, lead):
        comma = text.find(", ", lead, end)
        if comma > 0 and not any(b < comma for b, _a in breaks):
            extra.append((comma, comma + 2))
    spans: list[tuple[int, int]] = []
    pos = start
    for b, a in sorted(set(breaks + extra)):
        if b < pos:
            continue
        if text[pos:b].strip():
            spans.append((pos, b))
        pos = a
    if text[pos:end].strip():
        spans.append((pos, end))
    return spans


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "up",
        "down",
        "out",
        "off",
        "over",
        "under",
        "into",
        "onto",
        "upon",
        "about",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "if",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "not",
        "no",
        "one",
        "someone",
        "something",
        "who",
        "whom",
        "whose",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "each",
        "every",
        "very",
        "too",
        "just",
        "only",
        "also",
        "even",
        "still",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "them",
        "they",
        "we",
        "you",
        "he",
        "she",
        "i",
        "me",
        "us",
        "him",
        "own",
        "there",
        "here",
        "such",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "also",
        "more",
        "most",
        "less",
        "least",
        "other",
        "another",
        "new",
        "now",
        "then",
        "than",
        "via",
        "per",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
    ]
)
