"""Inline codes as one model across formats: every placeholder (``formats.placeholders``) is an *opening*,
a *closing* or a *standalone* code, and an opening code may have its closing partner in the same text.

* TMX ``bpt``/``ept`` (paired by ``i``), ``it`` (isolated, ``pos``), ``ph``/``ut`` (standalone), ``hi``;
* XLIFF 1.2 ``g`` and ``mrk`` (wrapping), ``bpt``/``ept`` and ``bx``/``ex`` (paired by ``rid``, else
  ``id``), ``it`` (isolated), ``x``/``ph`` (standalone);
* XLIFF 2 ``pc``/``mrk`` (wrapping), ``sc``/``ec`` (paired by ``startRef``), ``sm``/``em``, ``ph``.

``analyse(markup)`` gives each record its role and partner; ``pairs_in(text, codes)`` the pairs that are
really paired in one text (both present, opening first) — a writer writes those as its own paired codes
and every other opening or closing code as an isolated one, so no file we write has an end before its
start. ``problems(reference, corrected, codes)`` is what a correction did to the codes: lost, added,
reordered (a pair closed before it opens, or pairs that cross).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mtreview.formats import placeholders as ph

OPEN, CLOSE, STANDALONE, LITERAL = "open", "close", "standalone", "literal"

_FIRST_TAG = re.compile(r"<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CONTENT = re.compile(r"^<[^>]*>(.*)</[^>]*>$", re.S)
_PAIRED = {
    "bpt": OPEN,
    "ept": CLOSE,
    "bx": OPEN,
    "ex": CLOSE,
    "sc": OPEN,
    "ec": CLOSE,
    "sm": OPEN,
    "em": CLOSE,
}
_ISOLATED = {"it"}


@dataclass(frozen=True, slots=True)
class Code:
    role: str
    """``open``, ``close``, ``standalone``, or ``literal`` (a Private Use character of the input text)."""
    key: str | None
    """What pairs an opening code with its closing one (``None``: standalone, isolated, or paired by
    position, like ``<g>``'s two halves)."""
    native: str
    """The code's native text (``<b>`` of ``<bpt i="1">&lt;b&gt;</bpt>``), or its markup where it has none."""
    isolated: bool = False
    wrapping: bool = False
    """One half of a wrapping element (``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``): its partner is in the same
    text."""


def _tag(xml: str) -> tuple[str, dict[str, str]]:
    m = _FIRST_TAG.match(xml)
    if m is None:
        return "", {}
    name = m.group(1).rsplit(":", 1)[-1]
    attrs = {a.rsplit(":", 1)[-1]: v if v is not None else w for a, v, w in _ATTR.findall(m.group(2))}
    return name, attrs


def _native(xml: str) -> str:
    m = _CONTENT.match(xml)
    if m is None or "<" in m.group(1):
        return xml
    return html.unescape(m.group(1))


def code_of(record: Mapping[str, Any]) -> Code:
    kind = record.get("k")
    xml = str(record.get("x", ""))
    if kind == "lit":
        return Code(LITERAL, None, xml)
    if kind in (OPEN, CLOSE):
        return Code(str(kind), None, xml, wrapping=True)
    if record.get("role") in (OPEN, CLOSE, STANDALONE):  # written by us into PO/CSV (``tokens``)
        return Code(str(record["role"]), record.get("key"), str(record.get("native", xml)))
    name, attrs = _tag(xml)
    if name in _PAIRED:
        role = _PAIRED[name]
        key = (
            attrs.get("rid")
            or attrs.get("i")
            or (attrs.get("startRef") if role == CLOSE else attrs.get("id"))
        )
        isolated = attrs.get("isolated") == "yes"
        return Code(role, None if isolated else key, _native(xml), isolated)
    if name in _ISOLATED:
        role = OPEN if attrs.get("pos") in ("begin", "open") else CLOSE
        return Code(role, None, _native(xml), True)
    return Code(STANDALONE, None, _native(xml))


def analyse(markup: Sequence[Mapping[str, Any]]) -> list[Code]:
    return [code_of(r) for r in markup]


def partners(codes: Sequence[Code]) -> dict[int, int]:
    """Opening code index → closing code index: by key where the closing code names its opening one
    (``rid``, ``i``, ``startRef``), else by nesting in record order (records are numbered in the order
    they appear in the imported text; XLIFF 1.2 ``bpt``/``ept`` often have different ids and no ``rid``)."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for n, c in enumerate(codes):
        if c.isolated:
            continue
        if c.role == OPEN:
            stack.append(n)
        elif c.role == CLOSE and stack:
            keyed = [o for o in stack if c.key is not None and codes[o].key == c.key]
            opener = keyed[-1] if keyed else stack[-1]
            stack.remove(opener)
            out[opener] = n
    return out


def pairs_in(text: str, codes: Sequence[Code]) -> dict[int, int]:
    """The pairs of ``partners`` that are well formed in ``text``: both present, opening first, and not
    crossing another pair. Every other opening/closing code in the text is written as isolated."""
    position = {ph.index_of(ch): i for i, ch in enumerate(text) if ph.is_placeholder(ch)}
    good: dict[int, int] = {}
    for o, c in partners(codes).items():
        if o in position and c in position and position[o] < position[c]:
            good[o] = c
    # drop pairs that cross one another (o1 < o2 < c1 < c2): they cannot nest as elements
    spans = sorted((position[o], position[c], o) for o, c in good.items())
    for i, (s1, e1, o1) in enumerate(spans):
        for s2, e2, o2 in spans[i + 1 :]:
            if s1 < s2 < e1 < e2:
                good.pop(o1, None)
                good.pop(o2, None)
    return good


def broken(text: str, codes: Sequence[Code]) -> set[int]:
    """Opening and closing codes in ``text`` that cannot be written there as they came, even in their own
    format: a pair whose closing code now comes first or that crosses another, and a half of a wrapping
    element (``<g>``) without its other half (it would not be well-formed). A writer writes them as
    isolated codes. (A ``bpt`` or ``sm`` whose partner is in another segment is fine as it is.)"""
    position = {ph.index_of(ch): i for i, ch in enumerate(text) if ph.is_placeholder(ch)}
    good = pairs_in(text, codes)
    ok = set(good) | set(good.values())
    out: set[int] = set()
    for o, c in partners(codes).items():
        both = o in position and c in position
        for n in (o, c):
            if n in position and n not in ok and (both or codes[n].wrapping):
                out.add(n)
    for n in position:  # a wrapping half whose partner record does not exist at all
        if n < len(codes) and codes[n].wrapping and n not in ok:
            out.add(n)
    return out


@dataclass(frozen=True, slots=True)
class CodeProblem:
    kind: str
    """``lost``, ``added`` or ``reordered``."""
    native: str
    index: int


def problems(reference: str, text: str, codes: Sequence[Code]) -> list[CodeProblem]:
    """What ``text`` (a correction) did to the codes of ``reference`` (the MT it corrects): codes it lost
    or added, pairs that no longer open before they close or that now cross."""
    ref = [ph.index_of(ch) for ch in reference if ph.is_placeholder(ch)]
    got = [ph.index_of(ch) for ch in text if ph.is_placeholder(ch)]
    out: list[CodeProblem] = []
    for n in ref:
        if (
            n < len(codes)
            and codes[n].role != LITERAL
            and got.count(n) < ref.count(n)
            and n not in [p.index for p in out]
        ):
            out.append(CodeProblem("lost", codes[n].native, n))
    for n in got:
        if (
            n < len(codes)
            and codes[n].role != LITERAL
            and ref.count(n) < got.count(n)
            and n not in [p.index for p in out]
        ):
            out.append(CodeProblem("added", codes[n].native, n))
    well_in_ref = pairs_in(reference, codes)
    well_now = pairs_in(text, codes)
    for o in well_in_ref:
        c = well_in_ref[o]
        if o in got and c in got and well_now.get(o) != c:
            out.append(CodeProblem("reordered", codes[o].native, o))
    return out
