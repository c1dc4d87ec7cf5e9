"""Where a grid search matches inside a text: code-point spans the views highlight.

The same rule as the filter (``segment_ids(search=…, regex=…)``): a plain search matches without regard to
case, a regular expression as written — through the same engine (``domain.patterns``: RE2, linear time, so a
pattern such as ``(\\w+\\s?)+$`` cannot freeze the grid while it paints). Empty matches are skipped (``a*``
would mark every position).
"""

from __future__ import annotations

from functools import lru_cache

from mtreview.domain.patterns import UserPattern, compile_pattern, escape

MAX_SPANS = 200
"""Spans per text, at most: a one-letter search in a long paragraph stays cheap to paint."""


@lru_cache(maxsize=32)
def compile_search(query: str, regex: bool) -> UserPattern:
    """The compiled query; a pattern RE2 cannot run (or an invalid one) raises ``PatternError``."""
    if not regex:
        return compile_pattern(escape(query), ignore_case=True)
    return compile_pattern(query)


def match_spans(text: str, query: str | None, regex: bool = False) -> list[tuple[int, int]]:
    """Code-point ``(start, end)`` spans of the matches of ``query`` in ``text``, in order."""
    if not query or not text:
        return []
    spans: list[tuple[int, int]] = []
    for match in compile_search(query, regex).finditer(text):
        if match.end() > match.start():
            spans.append((match.start(), match.end()))
            if len(spans) >= MAX_SPANS:
                break
    return spans
