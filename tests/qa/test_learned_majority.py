"""``consistency._learned_majority`` (the shared rendering of a term the dictionary does not know) against
the plain definition: the early exit and the memo must not change an answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mtreview.qa.checks.term_learned import PRONOUNS
from mtreview.qa.checks.term_learned import learned_majority as _learned_majority


def reference(observations: Mapping[str, list[Any]], min_majority: int) -> tuple[str, int] | None:
    """The definition, written out: the longest of the free runs (or pieces of them) shared by the most
    segments, at least ``min_majority`` and twice the rest, and not by every segment; a segment where the
    dictionary renders the term is one without it, and such segments must be no more than half the rest
    (against two segments only, the judge reports a dictionary rendering the term's head ends)."""
    segments = []
    rendered = sum(1 for items in observations.values() if any(item[3] for item in items))
    for items in observations.values():
        segments.append([] if any(item[3] for item in items) else [r for item in items for r in item[5]])
    n = len(segments)
    if n < 3 or 2 * rendered > n - rendered:
        return None
    best: tuple[int, int, str] | None = None
    for text in sorted({r for runs in segments for r in runs}):
        if len(text) < 2 or text in PRONOUNS:
            continue
        k = sum(1 for runs in segments if any(text in r for r in runs))
        if k < max(2, min_majority) or k < 2 * (n - k) or k == n:
            continue
        if best is None or (k, len(text)) > best[:2]:
            best = (k, len(text), text)
    return (best[2], best[0]) if best else None


RUN = st.sampled_from(["審判所", "審判", "法廷", "所", "委員会", "委員", "トリビュナル"])
RUNS = st.lists(RUN, max_size=3)
DICTIONARY = st.sampled_from([(), (), (), ("在庫",)])
"""What the dictionary renders the term as in a segment (mostly nothing)."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(RUNS, DICTIONARY), min_size=0, max_size=12), st.integers(min_value=1, max_value=4))
def test_learned_majority_is_the_plain_definition(
    per_segment: list[tuple[list[str], tuple[str, ...]]], min_majority: int
) -> None:
    observations = {
        f"s{i}": [(0, 1, (), texts, (), tuple(runs))] for i, (runs, texts) in enumerate(per_segment)
    }
    expected = reference(observations, min_majority)
    assert _learned_majority(observations, min_majority) == expected
    assert _learned_majority(observations, min_majority) == expected  # the memo's answer
    if observations:  # one segment changes: a new answer, not the remembered one
        first = next(iter(observations))
        observations[first] = [(0, 1, (), (), (), ("法廷",))]
        assert _learned_majority(observations, min_majority) == reference(observations, min_majority)


def test_a_rendering_most_segments_share_is_learned() -> None:
    observations = {f"s{i}": [(0, 1, (), (), (), ("審判所",))] for i in range(6)}
    observations["s6"] = [(0, 1, (), (), (), ("法廷",))]
    assert _learned_majority(observations, 2) == ("審判所", 6)
    observations["s7"] = [(0, 1, (), (), (), ("法廷",))]
    observations["s8"] = [(0, 1, (), (), (), ("法廷",))]
    assert _learned_majority(observations, 2) == ("審判所", 6)  # 6 against 3: twice the rest
    observations["s9"] = [(0, 1, (), (), (), ("法廷",))]
    assert _learned_majority(observations, 2) is None  # 6 against 4: not twice the rest


def test_a_learned_rendering_outvotes_a_lone_dictionary_one() -> None:
    """ "stock" (of fish) rendered 資源 in three segments — a sense the dictionary does not give — and 在庫
    (the dictionary's "stock" of goods) in one: 資源 is the document's term, 在庫 the odd one out."""
    others = ("漁業", "海域", "漁船")
    observations = {f"s{i}": [(0, 1, (), (), (), ("資源", others[i]))] for i in range(3)}
    observations["s3"] = [(0, 1, ((5, 7),), ("在庫",), (), ())]
    assert _learned_majority(observations, 2) == ("資源", 3)
    observations["s4"] = [(0, 1, ((5, 7),), ("在庫",), (), ())]
    assert _learned_majority(observations, 2) is None  # two dictionary renderings against three: no minority
    del observations["s4"], observations["s2"]
    # two segments against one dictionary rendering: learned (the judge asks that the term's head ends the
    # dictionary's compound: 在庫 for "stock")
    assert _learned_majority(observations, 2) == ("資源", 2)
