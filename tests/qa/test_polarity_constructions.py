"""Negations beside constructions that are negative in form only (しか…ない "only", だけでなく "not only"),
a conjunction MeCab misreads, and a negated verb the dictionary cannot find (issue 14). Sentences of our own,
not from any evaluation page."""

from __future__ import annotations

import pytest

from .helpers import findings

LIMITED = "The council has not sought approval to close the library, which the law allows only in rare cases."


def test_a_flip_beside_shika_nai_is_found_at_the_verb_of_its_object() -> None:
    """ "sought" has no rendering in the dictionary: the predicate after "approval" (承認) is the one."""
    flipped = "市議会は図書館閉鎖の承認を申請した。法律ではそれはまれな場合にしか認められていない。"
    found = findings([(LIMITED, flipped)], "polarity")
    assert len(found) == 1
    assert found[0].text == "申請した"
    assert LIMITED[found[0].source_start : found[0].source_end].startswith("has not sought")


def test_the_right_rendering_beside_shika_nai_is_left_alone() -> None:
    right = "市議会は図書館閉鎖の承認を申請していない。法律ではそれはまれな場合にしか認められていない。"
    assert findings([(LIMITED, right)], "polarity") == []


RIGHT = [
    (
        "The festival is a boost not just for hotels but for the whole town, the mayor said.",
        "市長は、この祭りはホテルだけでなく町全体にとっての追い風だと述べた。",
    ),
    (
        "I would like to help with the report, but I do not know how.",
        "報告書を手伝いたいと思います,しかし、方法を知らない。",
    ),
    (
        "These rules are only used to punish people. Nobody cares about them.",
        "これらの規則は人を罰するためにしか使われない。誰も気にしない。",
    ),
]


@pytest.mark.parametrize(("source", "target"), RIGHT)
def test_right_renderings(source: str, target: str) -> None:
    assert findings([(source, target)], "polarity") == []


def test_not_just_without_but_is_a_negation() -> None:
    found = findings(
        [("It is not just a game for the players.", "選手たちにとって、これは単なるゲームだ。")], "polarity"
    )
    assert len(found) == 1


def test_an_elliptical_negative_sentence_left_out_is_no_flip() -> None:
    source = "How do you know the book was published by its author? I don't. It may have been a small press."
    target = "その本が著者によって出版されたとどうしてわかるのですか。小さな出版社だったのかもしれない。"
    assert findings([(source, target)], "polarity") == []
