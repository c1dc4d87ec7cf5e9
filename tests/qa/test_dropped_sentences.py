"""A sentence dropped from a paragraph whose other sentences are translated (the two sides then have
different numbers of sentences and are compared as a whole). If the dropped sentence negates, that is an
omission of a negation — reported by the omission check however short the sentence — and not a "flip"
between the English negation and some other, affirmative sentence of the translation. Sentences of our
own (issue 14), not from any evaluation page."""

from __future__ import annotations

import pytest

from .helpers import findings

DROPPED = [
    (
        "The council published the annual budget report on Monday. It was not approved.",
        "市議会は月曜日に年次予算報告書を公表した。",
        "It was not approved.",
    ),
    (
        "The airline cancelled two hundred flights because of the storm. Nobody was hurt.",
        "同航空会社は嵐のため200便を欠航とした。",
        "Nobody was hurt.",
    ),
    (
        "I received a warning about the deleted pages yesterday. I did not delete them.",
        "昨日、削除されたページについて警告を受け取った。",
        "I did not delete them.",
    ),
]


@pytest.mark.parametrize(("source", "target", "dropped"), DROPPED)
def test_a_dropped_negative_sentence_is_an_omission_not_a_flip(
    source: str, target: str, dropped: str
) -> None:
    pairs = [(source, target)]
    assert findings(pairs, "polarity") == []
    omitted = findings(pairs, "omission")
    assert [f.text for f in omitted] == [dropped.rstrip(".")]


FLIPPED_AMONG_OTHERS = [
    (
        "The council published the annual budget report on Monday. The mayor did not approve it. "
        "A vote is due next week.",
        "市議会は月曜日に年次予算報告書を公表し、市長はそれを承認した。採決は来週行われる予定だ。",
    ),
    (
        "The airline cancelled two hundred flights because of the storm. No passengers were injured.",
        "同航空会社は嵐のため200便を欠航とし、乗客が負傷した。",
    ),
]


@pytest.mark.parametrize(("source", "target"), FLIPPED_AMONG_OTHERS)
def test_a_flip_in_a_merged_sentence_is_still_found(source: str, target: str) -> None:
    """The negated sentence is translated (merged into its neighbour), affirmatively: a flip."""
    assert len(findings([(source, target)], "polarity")) == 1


CLAUSES = [
    (
        "The old harbour wall, which once sheltered the fishing fleet through the winter storms, is now "
        "a tourist path.",
        "古い防波堤は現在、観光用の遊歩道になっている。",
        "which once sheltered the fishing fleet through the winter storms",
    ),
    (
        "The museum opened its new wing in 2015 and is now planning a second extension beside the river.",
        "同博物館は2015年に新館を開館した。",
        "and is now planning a second extension beside the river",
    ),
]


@pytest.mark.parametrize(("source", "target", "dropped"), CLAUSES)
def test_a_dropped_clause_between_commas_or_after_and_is_reported_alone(
    source: str, target: str, dropped: str
) -> None:
    """A clause after ", which" ends at the next comma; "and is now …" opens a second verb phrase."""
    assert [f.text for f in findings([(source, target)], "omission")] == [dropped]


def test_clauses_of_a_sentence() -> None:
    from mtreview.qa.analysis.english import clauses

    text = "After the bridge reopened, traffic on the ring road, which had doubled, fell by a third."
    assert [text[a:b] for a, b in clauses(text)] == [
        "After the bridge reopened",
        "traffic on the ring road",
        "which had doubled",
        "fell by a third.",
    ]
