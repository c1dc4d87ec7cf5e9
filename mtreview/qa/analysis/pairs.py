"""Sentence pairs inside one aligned paragraph pair: the unit the cross-lingual checks compare."""

from __future__ import annotations

from mtreview.qa.analysis import english, japanese

Span = tuple[int, int]


def sentence_pairs(source: str, target: str) -> list[tuple[Span, Span]]:
    """(English span, Japanese span) pairs: sentence by sentence when both sides have as many sentences,
    otherwise the whole paragraph as one pair (a merged or split sentence is compared as a whole)."""
    en = english.sentences(source)
    ja = japanese.sentences(target)
    if en and len(en) == len(ja):
        return list(zip(en, ja, strict=True))
    return [((0, len(source)), (0, len(target)))] if source.strip() and target.strip() else []
