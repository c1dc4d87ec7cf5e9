"""Counts a document states: "its three Asian elephants" makes 3頭 in a later translation ("the elephants"
rendered 3頭は) no added number."""

from __future__ import annotations

import re

from mtreview.qa.context import DocumentFacts

COUNTER_AFTER = re.compile(r"(?:頭|人|匹|羽|台|隻|機|社|校|店|基|棟|両|カ国|か国|ヵ国|チーム)")
"""Counters a translation puts after a number of things the English counts elsewhere."""


def stated_count(target: str, start: int, end: int, value: float, doc: DocumentFacts) -> bool:
    """Whether the number at ``target[start:end]`` counts things (a counter follows it) and the document's
    English states that count somewhere (in words or figures)."""
    if not (2 <= value <= 20 and value == int(value)) or not COUNTER_AFTER.match(target, end):
        return False
    return int(value) in doc.cached("stated-counts", lambda: _counts(doc))


def _counts(doc: DocumentFacts) -> frozenset[int]:
    from mtreview.qa.checks.numbers import UNITS_TENS  # (numbers imports this module)

    words = {w: int(v) for w, v in UNITS_TENS.items() if 2 <= v <= 20}
    number = re.compile(r"\b(?:" + "|".join(words) + r"|\d{1,2})\b", re.IGNORECASE)
    out: set[int] = set()
    for segment in doc.segments.values():
        for m in number.finditer(segment.source):
            word = m.group().lower()
            out.add(int(word) if word.isdigit() else words[word])
    return frozenset(out)
