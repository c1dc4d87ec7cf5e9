"""Finding text the way a translator asks for it: plain or regular expression, whole word, case.

One place compiles every user pattern of find & replace (``compile_search``), through the app's one
facility for user regular expressions (``domain.patterns``: RE2, linear in the text, with a CPU-time
budget per search): a pathological pattern cannot hang, and a construct RE2 cannot run (lookaround,
backreferences) is refused with a message naming it. The pattern language is Python's; replacements
use ``\\1`` / ``\\g<name>``.

Whole word is script-aware, so it means something in Japanese too: a match counts when the character
before it and the one after it are not word characters *of the same script* as the match's edge
(ホルデン is a whole word in ホルデン社 and ホルデンさん, not in ホルデンス; "cat" not in "cats").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from mtreview.domain import patterns
from mtreview.domain.errors import InputError
from mtreview.i18n import _

DEFAULT_BUDGET_S = 5.0
"""CPU seconds a whole search (every segment of a preview, say) may spend matching."""


@dataclass(frozen=True, slots=True)
class SearchSpec:
    """What the user typed and ticked."""

    text: str
    regex: bool = False
    whole_word: bool = False
    case_sensitive: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    replacement: str | None = None
    """The text this hit becomes (``Matcher.hits(text, replacement=…)``), else ``None``."""


def script_of(ch: str) -> str:
    """A coarse script class for word boundaries: latin (letters, digits, _), hiragana, katakana, han,
    hangul, other letters by Unicode name prefix; ``""`` for anything that is not a word character."""
    if not (ch.isalnum() or ch == "_"):
        if ch in "ー々〆ゝゞヽヾ":  # prolonged sound mark and iteration marks belong to their word
            return "kana-mark"
        return ""
    code = ord(ch)
    if code < 0x250 or ch.isdigit():
        return "latin"
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "katakana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3FFFF:
        return "han"
    if 0xFF10 <= code <= 0xFF5A:  # full-width Latin letters and digits
        return "latin"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].lower() or "other"


def _joins(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` next to each other are inside one word."""
    sa, sb = script_of(a), script_of(b)
    if not sa or not sb:
        return False
    if "kana-mark" in (sa, sb):
        return sa in ("katakana", "hiragana", "han", "kana-mark") and sb in (
            "katakana",
            "hiragana",
            "han",
            "kana-mark",
        )
    return sa == sb


def is_whole_word(text: str, start: int, end: int) -> bool:
    if start >= end:
        return False
    if start > 0 and _joins(text[start - 1], text[start]):
        return False
    return not (end < len(text) and _joins(text[end - 1], text[end]))


class Matcher:
    """A compiled search. ``hits``/``sub`` raise ``InputError`` (``PatternError``) when the pattern spends
    its CPU budget."""

    def __init__(self, spec: SearchSpec, budget_s: float = DEFAULT_BUDGET_S) -> None:
        if not spec.text:
            raise InputError(_("nothing to search for"))
        self.spec = spec
        pattern = spec.text if spec.regex else patterns.escape(spec.text)
        self._pattern = patterns.compile_pattern(pattern, ignore_case=not spec.case_sensitive)
        self._budget_s = budget_s
        self._budget: patterns.Budget | None = None
        self._literal = spec.text if not spec.regex and spec.case_sensitive else None
        """Plain text matched with case: found with ``str.find`` (the same leftmost, non-overlapping
        matches as the pattern, without its per-match overhead)."""

    def restart(self) -> None:
        """Start a new budget (one per search over many texts)."""
        self._budget = None

    def _matches(self, text: str) -> Iterator[tuple[int, int, patterns.Match | None]]:
        """``(start, end, match)`` of every hit; ``match`` is ``None`` for a plain-text search."""
        whole_word = self.spec.whole_word
        literal = self._literal
        if literal is not None:
            size = len(literal)
            at = text.find(literal)
            while at >= 0:
                if not whole_word or is_whole_word(text, at, at + size):
                    yield at, at + size, None
                at = text.find(literal, at + size)
            return
        if self._budget is None:
            self._budget = patterns.Budget(self._budget_s)
        for m in self._pattern.finditer(text, self._budget):
            start, end = m.start(), m.end()
            if end == start:
                continue  # an empty match changes nothing and highlights nothing
            if whole_word and not is_whole_word(text, start, end):
                continue
            yield start, end, m

    def hits(self, text: str, replacement: str | None = None) -> list[Hit]:
        out: list[Hit] = []
        for start, end, m in self._matches(text):
            rep = None if replacement is None else self._expand(m, replacement)
            out.append(Hit(start, end, rep))
        return out

    def _expand(self, m: patterns.Match | None, replacement: str) -> str:
        if m is None or not self.spec.regex:
            return replacement
        try:
            return patterns.expand(m, replacement)
        except patterns.PatternError as exc:
            raise InputError(exc.message) from None

    def search(self, text: str) -> bool:
        return next(iter(self._matches(text)), None) is not None

    def sub(self, text: str, replacement: str) -> tuple[str, list[Hit], list[Hit]]:
        """``text`` with every hit replaced; the hits in ``text`` and where each replacement landed in
        the result (for highlighting both sides of a preview)."""
        hits = self.hits(text, replacement)
        if not hits:
            return text, [], []
        parts: list[str] = []
        landed: list[Hit] = []
        pos = 0
        length = 0
        for h in hits:
            parts.append(text[pos : h.start])
            length += h.start - pos
            rep = h.replacement or ""
            landed.append(Hit(length, length + len(rep), rep))
            parts.append(rep)
            length += len(rep)
            pos = h.end
        parts.append(text[pos:])
        return "".join(parts), hits, landed


def compile_search(spec: SearchSpec, budget_s: float = DEFAULT_BUDGET_S) -> Matcher:
    return Matcher(spec, budget_s)
