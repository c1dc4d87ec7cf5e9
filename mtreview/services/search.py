"""Where a grid search matches inside a text: code-point spans the views highlight.

The same rule as the filter (``segment_ids(search=…, regex=…)``): a plain search matches without regard to
case, a regular expression as written. Empty matches are skipped (``a*`` would mark every position).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtreview.domain.errors import InputError
from mtreview.i18n import _

MAX_SPANS = 200
"""Spans per text, at most: a one-letter search in a long paragraph stays cheap to paint."""


@lru_cache(maxsize=32)
def compile_search(query: str, regex: bool) -> re.Pattern[str]:
    if not regex:
        return re.compile(re.escape(query), re.IGNORECASE)
    try:
        return re.compile(query)
    except re.error as exc:
        raise InputError(_("invalid regular expression: {error}").format(error=exc)) from None


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
