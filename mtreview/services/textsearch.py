"""Finding text the way a translator asks for it: plain or regular expression, whole word, case.

One place compiles every user pattern of find & replace and the concordance (``compile_search``), so
the engine behind it can change in one spot. User regular expressions run with a time budget: the
``regex`` module (already installed with sacrebleu) takes a ``timeout`` per call, and a pattern that
exceeds the budget is refused with a message instead of hanging the caller. The pattern language is
Python's (``regex`` in its ``re``-compatible mode); replacements use ``\\1`` / ``\\g<name>``.

Whole word is script-aware, so it means something in Japanese too: a match counts when the character
before it and the one after it are not word characters *of the same script* as the match's edge
(ホルデン is a whole word in ホルデン社 and ホルデンさん, not in ホルデンス; "cat" not in "cats").
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtreview.domain.errors import InputError
from mtreview.i18n import _

DEFAULT_BUDGET_S = 5.0
"""Time a whole search (every segment of a preview, say) may spend in the regular-expression engine."""
PER_TEXT_BUDGET_S = 0.5
"""Time one text may take: a catastrophic pattern is caught on the first text that sets it off."""


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


def _compile(pattern: str, flags: int) -> regex.Pattern[str]:
    """The one place a user pattern is compiled (switch the engine here)."""
    return regex.compile(pattern, flags | regex.VERSION0)


class Matcher:
    """A compiled search. ``hits``/``sub`` raise ``InputError`` when the pattern runs out of time."""

    def __init__(self, spec: SearchSpec, budget_s: float = DEFAULT_BUDGET_S) -> None:
        if not spec.text:
            raise InputError(_("nothing to search for"))
        self.spec = spec
        flags = 0 if spec.case_sensitive else regex.IGNORECASE
        pattern = spec.text if spec.regex else regex.escape(spec.text)
        try:
            self._pattern = _compile(pattern, flags)
        except regex.error as exc:
            raise InputError(_("invalid regular expression: {error}").format(error=exc)) from None
        except (OverflowError, RecursionError, MemoryError):
            raise InputError(_("the regular expression is too large")) from None
        self._budget = budget_s
        self._deadline: float | None = None

    def restart(self) -> None:
        """Start a new time budget (one per search over many texts)."""
        self._deadline = None

    def _timeout(self) -> float:
        now = time.monotonic()
        if self._deadline is None:
            self._deadline = now + self._budget
        left = self._deadline - now
        if left <= 0:
            self._too_slow()
        return min(PER_TEXT_BUDGET_S, left)

    def _too_slow(self) -> None:
        raise InputError(
            _("the regular expression takes too long (over {seconds:g} s); search stopped").format(
                seconds=self._budget
            )
        )

    def _matches(self, text: str) -> Iterator[regex.Match[str]]:
        try:
            for m in self._pattern.finditer(text, timeout=self._timeout()):
                if m.end() == m.start():
                    continue  # an empty match changes nothing and highlights nothing
                if self.spec.whole_word and not is_whole_word(text, m.start(), m.end()):
                    continue
                yield m
        except TimeoutError:
            self._too_slow()

    def hits(self, text: str, replacement: str | None = None) -> list[Hit]:
        out: list[Hit] = []
        for m in self._matches(text):
            rep = None
            if replacement is not None:
                rep = self._expand(m, replacement)
            out.append(Hit(m.start(), m.end(), rep))
        return out

    def _expand(self, m: regex.Match[str], replacement: str) -> str:
        if not self.spec.regex:
            return replacement
        try:
            return str(m.expand(replacement))
        except (regex.error, IndexError) as exc:
            raise InputError(_("invalid replacement: {error}").format(error=exc)) from None

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
