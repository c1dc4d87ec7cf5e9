"""Regular expressions typed by users (search box, idiom ``re:`` entries, false friends, find & replace),
run in time linear in the text: RE2 (``google-re2``), behind a CPU-time budget.

Why RE2, and why refuse rather than fall back. Python's ``re`` backtracks: ``(\\w+\\s?)+$`` on a line of
words takes minutes and cannot be interrupted (it holds the GIL and checks no signal). RE2 compiles a pattern
to an automaton and runs in O(pattern × text) whatever the pattern, so "how long can this take" is a property
of the pattern and the text, not of how loaded the machine is. RE2 has no backreferences, lookaround,
atomic groups or conditionals — exactly the features that need backtracking. Patterns using them are
*refused with a message* naming the construct and what to write instead; they are not run in a killable
worker: the search box filters 100k segments as the reviewer types (a process per keystroke, shipping the
texts to it, is too slow), and a wall-clock limit would refuse on a busy machine what passes on an idle one.

Python compatibility: patterns are written in Python's syntax and mean what they mean there where RE2 can
express it: ``\\w``, ``\\d``, ``\\s`` (and ``\\W``, ``\\D``, ``\\S``) are Unicode classes as in ``re``
(RE2's own are ASCII-only), ``\\Z`` is the end of the text, ``\\uXXXX``/``\\UXXXXXXXX`` are code points,
``(?#…)`` comments are dropped. Known differences: ``\\b``/``\\B`` are ASCII word boundaries (RE2 has no
Unicode ones); ``$`` without ``(?m)`` matches only at the very end (not before a final newline).

Bounds: a pattern longer than ``MAX_PATTERN_CHARS`` or whose compiled program exceeds RE2's memory budget
is refused. A single call costs at most a few microseconds per character of text; callers that run a
pattern over many texts (a project search) pass a ``Budget`` (CPU seconds of the calling thread), which
refuses the pattern once it is spent — with the message, not a frozen window.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import re2

from mtreview.domain.errors import InputError
from mtreview.i18n import _

MAX_PATTERN_CHARS = 2000
MAX_MEM = 8 << 20
"""RE2's memory budget per pattern (program and DFA cache); beyond it a pattern is refused at compile."""
DEFAULT_BUDGET_S = 5.0
"""CPU seconds a pattern may spend over one batch of texts (one search over a project)."""

# Python's \w is str.isalnum() or "_": letters (L*) and numbers (N*); \d is Nd; \s is str.isspace().
_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x0b\f\r\x1c-\x1f\x85\p{Z}"


class PatternError(InputError):
    """A user pattern refused: invalid, unsupported construct, too large, or over its time budget."""


class Match(Protocol):
    def start(self, group: int | str = 0) -> int: ...
    def end(self, group: int | str = 0) -> int: ...
    def span(self, group: int | str = 0) -> tuple[int, int]: ...
    def group(self, *groups: int | str) -> Any: ...
    def groups(self, default: Any = None) -> tuple[Any, ...]: ...


class Budget:
    """CPU time (of the calling thread) a batch of matches may use; ``charge()`` refuses once it is spent."""

    def __init__(self, seconds: float = DEFAULT_BUDGET_S) -> None:
        self.seconds = seconds
        self._start = time.thread_time()

    @property
    def used(self) -> float:
        return time.thread_time() - self._start

    def charge(self, pattern: str) -> None:
        if self.used > self.seconds:
            raise PatternError(
                _(
                    "the regular expression {pattern!r} took more than {seconds:g} s of CPU time: simplify it"
                ).format(pattern=_shorten(pattern), seconds=self.seconds)
            )


def _shorten(pattern: str, limit: int = 60) -> str:
    return pattern if len(pattern) <= limit else pattern[: limit - 1] + "…"


def _unsupported_groups() -> tuple[tuple[str, str], ...]:
    return (
        ("(?=", _("lookahead (?=…)")),
        ("(?!", _("negative lookahead (?!…)")),
        ("(?<=", _("lookbehind (?<=…)")),
        ("(?<!", _("negative lookbehind (?<!…)")),
        ("(?>", _("atomic group (?>…)")),
        ("(?(", _("conditional (?(…)…)")),
        ("(?P=", _("backreference (?P=name)")),
    )


def _unsupported(construct: str) -> str:
    return _(
        "{construct} is not supported (patterns run in linear time, without backtracking); "
        "use \\b for word edges, or match the context and use a group"
    ).format(construct=construct)


def translate(pattern: str) -> str:
    """Python syntax → RE2 syntax with Python's meaning (see the module docstring); ``PatternError``
    naming the construct when RE2 cannot express it."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = -1
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                raise PatternError(_("invalid regular expression: a trailing backslash"))
            e = pattern[i + 1]
            i += 2
            if e == "w":
                out.append(_WORD if in_class else f"[{_WORD}]")
            elif e == "d":
                out.append(_DIGIT)
            elif e == "D":
                out.append(r"\P{Nd}")
            elif e == "s":
                out.append(_SPACE if in_class else f"[{_SPACE}]")
            elif e in "WS":
                if in_class:
                    raise PatternError(
                        _("\\{escape} inside [...] is not supported: write the class as [^...]").format(
                            escape=e
                        )
                    )
                out.append(f"[^{_WORD}]" if e == "W" else f"[^{_SPACE}]")
            elif e == "Z":
                out.append(r"\z")
            elif e == "b" and in_class:
                out.append(r"\x08")
            elif e == "u" or e == "U":
                width = 4 if e == "u" else 8
                digits = pattern[i : i + width]
                if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                    raise PatternError(
                        _("invalid regular expression: \\{escape} needs {width} hex digits").format(
                            escape=e, width=width
                        )
                    )
                out.append(r"\x{" + digits + "}")
                i += width
            elif e.isdigit() and e != "0" and not in_class:
                raise PatternError(_unsupported(_("backreference \\{digit}").format(digit=e)))
            elif e == "g" and not in_class:
                raise PatternError(_unsupported(_("backreference \\g<…>")))
            else:
                out.append("\\" + e)
            continue
        if in_class:
            if c == "]" and i > class_start:
                in_class = False
            elif c == "[" and pattern.startswith("[:", i):
                # POSIX class inside a class ([[:alpha:]]): pass through to its closing ":]"
                end = pattern.find(":]", i + 2)
                if end != -1:
                    out.append(pattern[i : end + 2])
                    i = end + 2
                    continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1  # a "]" first in a class is literal
            out.append(pattern[i:j])
            class_start = j
            i = j
            continue
        if c == "(" and pattern.startswith("(?", i):
            if pattern.startswith("(?#", i):
                end = pattern.find(")", i)
                if end == -1:
                    raise PatternError(_("invalid regular expression: an unterminated comment"))
                i = end + 1
                continue
            for prefix, name in _unsupported_groups():
                if pattern.startswith(prefix, i):
                    raise PatternError(_unsupported(name))
        out.append(c)
        i += 1
    if in_class:
        raise PatternError(_("invalid regular expression: an unterminated character set [...]"))
    return "".join(out)


def _options(ignore_case: bool) -> Any:
    options = re2.Options()
    options.log_errors = False  # RE2 would print every refused pattern on stderr
    options.max_mem = MAX_MEM
    options.case_sensitive = not ignore_case
    return options


def _re2_message(exc: Exception) -> str:
    text = str(exc.args[0] if exc.args else exc)
    if text.startswith(("b'", 'b"')) and text.endswith(("'", '"')):
        text = text[2:-1]
    if "pattern too large" in text:
        return _("the pattern is too large (it would need more than {mb} MB to run)").format(mb=MAX_MEM >> 20)
    if "bad repetition operator" in text:
        return _(
            "invalid regular expression: {error} (possessive quantifiers such as a*+ are not supported)"
        ).format(error=text)
    return _("invalid regular expression: {error}").format(error=text)


class UserPattern:
    """A compiled user pattern with the ``re.Pattern`` methods the app uses; offsets are code points."""

    __slots__ = ("_regexp", "ignore_case", "pattern")

    def __init__(self, pattern: str, regexp: Any, ignore_case: bool) -> None:
        self.pattern = pattern
        """The pattern as the user wrote it."""
        self.ignore_case = ignore_case
        self._regexp = regexp

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r}, ignore_case={self.ignore_case})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UserPattern)
            and other.pattern == self.pattern
            and other.ignore_case == self.ignore_case
        )

    def __hash__(self) -> int:
        return hash((self.pattern, self.ignore_case))

    @property
    def groups(self) -> int:
        return int(self._regexp.groups)

    def _charge(self, budget: Budget | None) -> None:
        if budget is not None:
            budget.charge(self.pattern)

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None, budget: Budget | None = None
    ) -> Match | None:
        self._charge(budget)
        return self._regexp.search(text, pos, endpos)  # type: ignore[no-any-return]

    def match(
        self, text: str, pos: int = 0, endpos: int | None = None, budget: Budget | None = None
    ) -> Match | None:
        self._charge(budget)
        return self._regexp.match(text, pos, endpos)  # type: ignore[no-any-return]

    def fullmatch(self, text: str, budget: Budget | None = None) -> Match | None:
        self._charge(budget)
        return self._regexp.fullmatch(text)  # type: ignore[no-any-return]

    def finditer(self, text: str, budget: Budget | None = None) -> Iterator[Match]:
        self._charge(budget)
        for m in self._regexp.finditer(text):
            yield m
            self._charge(budget)

    def findall(self, text: str, budget: Budget | None = None) -> list[Any]:
        self._charge(budget)
        return list(self._regexp.findall(text))

    def subn(
        self, repl: str | Callable[[Match], str], text: str, count: int = 0, budget: Budget | None = None
    ) -> tuple[str, int]:
        """``re.sub`` semantics; a string ``repl`` is a template with ``\\1``, ``\\g<1>``, ``\\g<name>``."""
        if isinstance(repl, str):
            template = repl

            def expand(m: Match) -> str:
                return _expand(m, template)

            repl = expand
        pieces: list[str] = []
        last = 0
        done = 0
        for m in self.finditer(text, budget):
            if count and done >= count:
                break
            pieces.append(text[last : m.start()])
            pieces.append(repl(m))
            last = m.end()
            done += 1
        pieces.append(text[last:])
        return "".join(pieces), done

    def sub(
        self, repl: str | Callable[[Match], str], text: str, count: int = 0, budget: Budget | None = None
    ) -> str:
        return self.subn(repl, text, count, budget)[0]


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\"}


def _expand(m: Match, template: str) -> str:
    """Python's ``Match.expand`` (``\\1``, ``\\g<name>``, ``\\n``…); an unknown group is an error."""
    out: list[str] = []
    i, n = 0, len(template)
    while i < n:
        c = template[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = template[i + 1]
        if e.isdigit():
            j = i + 1
            while j < n and j < i + 3 and template[j].isdigit():
                j += 1
            group: int | str = int(template[i + 1 : j])
            i = j
        elif e == "g" and i + 2 < n and template[i + 2] == "<":
            end = template.find(">", i + 3)
            if end == -1:
                raise PatternError(_("invalid replacement: \\g< without >"))
            name = template[i + 3 : end]
            group = int(name) if name.isdigit() else name
            i = end + 1
        else:
            out.append(_ESCAPES.get(e, "\\" + e))
            i += 2
            continue
        try:
            out.append(m.group(group) or "")
        except (IndexError, KeyError):
            raise PatternError(_("invalid replacement: no group {group}").format(group=group)) from None
    return "".join(out)


def expand(m: Match, template: str) -> str:
    """A replacement template (``\\1``, ``\\g<name>``…) for one match, as ``re.Match.expand`` gives it
    (RE2's own ``expand`` garbles non-ASCII templates); ``PatternError`` for a group that does not exist."""
    return _expand(m, template)


def compile_pattern(
    pattern: str, ignore_case: bool = False, path: str | None = None, line: int | None = None
) -> UserPattern:
    """Compile a user's pattern, or refuse it with a ``PatternError`` (an ``InputError``: one line, naming
    ``path`` and ``line`` when the pattern came from a file)."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(
            _("the pattern is too long ({n} characters, at most {limit})").format(
                n=len(pattern), limit=MAX_PATTERN_CHARS
            ),
            path,
            line,
        )
    try:
        translated = translate(pattern)
    except PatternError as exc:
        raise PatternError(exc.message, path, line) from None
    try:
        regexp = re2.compile(translated, _options(ignore_case))
    except re2.error as exc:
        raise PatternError(_re2_message(exc), path, line) from None
    return UserPattern(pattern, regexp, ignore_case)


def escape(text: str) -> str:
    """``text`` as a pattern matching it literally (for building patterns out of user words)."""
    return str(re2.escape(text))
