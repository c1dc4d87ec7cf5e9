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


def test_a_short_negative_sentence_merged_into_its_neighbour_is_compared() -> None:
    """A sentence with no content word ("He didn't.") cannot be told dropped from merged: it is compared
    (so an elliptical "I don't." that is really dropped is reported as a flip: a known limitation)."""
    source = "Reporters asked the mayor whether he approved the plan. He didn't. The vote was delayed."
    target = "記者団が市長に計画を承認したかどうか尋ねると、市長は承認したと答えた。採決は延期された。"
    assert len(findings([(source, target)], "polarity")) == 1


ONLY = [
    ("The council had no choice but to close the library.", "市議会は図書館を閉鎖するしかなかった。"),
    ("The council had no choice but to close the library.", "市議会は図書館を閉鎖せざるを得なかった。"),
    (
        "Visitors cannot enter the museum unless they have a ticket.",
        "博物館にはチケットを持っている人しか入れない。",
    ),
    ("Nobody except the staff may use the lift.", "エレベーターはスタッフしか使えない。"),
    (
        "The festival is not just for hotels but for the whole town.",
        "この祭りは単にホテルのためではなく、町全体のためのものだ。",
    ),
    (
        "He did not simply walk away but stayed to help the victims.",
        "彼はただ立ち去るのではなく、残って被害者を助けた。",
    ),
]


@pytest.mark.parametrize(("source", "target"), ONLY)
def test_english_only_constructions_rendered_with_shika_or_dewanaku(source: str, target: str) -> None:
    """(a second reviewer's cases)"""
    assert findings([(source, target)], "polarity") == []


def test_the_object_found_last_locates_the_predicate() -> None:
    source = "The union has not lodged a complaint, although a complaint would be welcome."
    target = "苦情は歓迎されるだろうが、組合は苦情を申し立てた。"
    [f] = findings([(source, target)], "polarity")
    assert f.text.startswith("申し立て")
