"""One formula-guard rule for every spreadsheet-like export (CSV, TSV, MQM TSV, xlsx).

A spreadsheet evaluates a cell that starts with ``= + - @`` (Excel; LibreOffice ``=``), or with a tab or a
carriage return followed by one (OWASP "CSV injection"): ``=HYPERLINK(…)`` becomes a link, ``+81 3…`` and
``-2+3`` become arithmetic. Such a cell is guarded **invisibly**:

* in delimited text (CSV, TSV, MQM TSV) by a leading U+2060 WORD JOINER — a zero-width, default-ignorable
  character: nothing shows, the cell is text for Excel and LibreOffice alike; our own import removes it
  (``unguard``), so a round trip never alters legitimate text;
* in xlsx by the cell's *quote prefix* attribute on a text cell (what Excel sets when one types ``'=``),
  which is not part of the value at all.

The rule is exact both ways: a value that already starts with word joiners followed by such a character
gets one more, and ``unguard`` removes exactly one, so ``unguard(guard(v)) == v`` for every string.
The ``'`` prefix that earlier versions wrote (visible, and kept by spreadsheets as data) is only removed
from files those versions wrote (``unguard_legacy``).
"""

from __future__ import annotations

GUARD = "\u2060"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def needs_guard(value: str) -> bool:
    """Whether a spreadsheet would evaluate ``value`` (after any guards already in front of it)."""
    return value.lstrip(GUARD).startswith(FORMULA_START) if value else False


def guard(value: str) -> str:
    return GUARD + value if needs_guard(value) else value


def unguard(value: str) -> str:
    if value.startswith(GUARD) and needs_guard(value):
        return value[1:]
    return value


def unguard_legacy(value: str) -> str:
    """The ``'`` guard of mtreview 0.1 (``'`` before a formula character or before another ``'``)."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(("'", *FORMULA_START)):
        return value[1:]
    return value
