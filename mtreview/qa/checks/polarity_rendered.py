"""Whether a sentence the polarity check compares is translated at all: below a share of its words found on
the other side it was dropped (or added), which is the omission and addition checks' business, not a flip."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mtreview.qa.analysis import english, japanese

if TYPE_CHECKING:
    from mtreview.qa.analysis.coverage import Coverage

CANNOT = re.compile(r"でき(?:ない|なく|ず|ません)|られ(?:ない|なく|ず)")
"""A negated potential: what a closed road, a shut airport, a shop after hours do not allow."""
MIN_RENDERED = 0.4
"""Share of a sentence's words the dictionary must find on the other side before its polarity is compared
(below it the sentence is omitted, added or garbled: the omission and addition checks' business)."""


def rendered(source: str, target: str, en: tuple[int, int], ja: tuple[int, int], en_side: bool) -> bool:
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    if not cov.available:
        return True
    covered, total = cov.source_ratio(*en) if en_side else cov.target_ratio(*ja)
    if total < 3 or covered / total >= MIN_RENDERED:
        return True
    if not en_side and not CANNOT.search(target, *ja):
        # a Japanese sentence with words of its own (園内, 現在) that renders most of its English one is
        # that sentence's translation, not an addition — unless its negation is a "cannot" (通行できない for
        # "closed to traffic", 入店できない after "open until 8pm"): a state or an added consequence
        covered, total = cov.source_ratio(*en)
        if total >= 3 and covered / total >= 0.5:
            return True
    # a short sentence has few words for the dictionary to find: one found word and a translation of the
    # usual length say it is rendered (not dropped)
    return en_side and total <= 4 and covered >= 1 and (ja[1] - ja[0]) >= 0.35 * (en[1] - en[0])


def own_sentence_rendered(source: str, target: str, span: tuple[int, int], at: int, en_side: bool) -> bool:
    """Whether the sentence holding offset ``at`` has a counterpart on the other side, when ``span`` (a
    paragraph compared as a whole: the two sides have different numbers of sentences) holds more than one
    sentence. A sentence none of whose words the dictionary finds on the other side was dropped (or, on the
    Japanese side, added) while its neighbours were translated: its polarity has nothing to be compared
    with ("I got a message about it. I did not do that." → only the first sentence translated)."""
    text = source if en_side else target
    cut = english.sentences if en_side else japanese.sentences
    found = _own_part(
        source, target, [(a + span[0], b + span[0]) for a, b in cut(text[span[0] : span[1]])], at
    )
    if found is None:
        return True
    cov, own = found
    if en_side:
        from collections import Counter

        from mtreview.qa.checks.completeness import rendered_here

        total = len(cov.words_in(*own))
        # a word the paragraph repeats in another sentence more often than the translation renders it is no
        # evidence for this one ("…warned about the deleted pages. I did not delete them." → 削除された once)
        covered = rendered_here(cov, own[0], own[1], Counter(w.lemma for w in cov.words), {})
    else:
        covered, total = cov.target_ratio(*own)
    if total == 0:
        return True  # no content word to judge by ("He didn't." may be merged into its neighbour)
    return covered / total >= MIN_RENDERED if total >= 3 else covered > 0


def own_clause_rendered(source: str, target: str, span: tuple[int, int], at: int) -> bool:
    """Whether the English clause holding offset ``at`` (``english.clauses`` of the sentence ``span``) has a
    counterpart: a negated clause whose words the translation does not have ("…had grown one route at a
    time and no longer matched where people lived" → only the first clause) was dropped, which the
    omission check reports; it is no flip."""
    found = _own_part(source, target, english.clauses(source, *span), at)
    if found is None:
        return True
    cov, own = found
    covered, total = cov.source_ratio(*own)
    return total < 3 or covered > 0  # none of its words there: dropped (a word found: translated freely)


def _own_part(
    source: str, target: str, parts: list[tuple[int, int]], at: int
) -> tuple[Coverage, tuple[int, int]] | None:
    """The pair's coverage and the part (sentence or clause) holding ``at``, when there are several parts
    and the dictionary is there to judge them."""
    from mtreview.qa.analysis.coverage import coverage

    if len(parts) < 2:
        return None
    own = next(((a, b) for a, b in parts if a <= at < b), None)
    cov = coverage(source, target)
    if own is None or not cov.available:
        return None
    return cov, own
