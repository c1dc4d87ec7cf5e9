"""Lessons of the tune pages of 2026-12-07 (eighth session), in our own words: a phrase dropped from inside
a clause (an adverbial or relative phrase none of whose words has a counterpart) is an omission of its own;
a loanword term rendered once by a kanji compound the dictionary does not know is an inconsistent term."""

from __future__ import annotations

from .helpers import findings

THERMOSTATS = [
    (
        "The school replaced every thermostat in its classrooms last summer.",
        "同校は昨夏、全教室のサーモスタットを交換した。",
    ),
    (
        "Teachers say the new thermostats keep rooms too cold in the morning.",
        "教員らによると、新しいサーモスタットでは朝の教室が寒すぎる。",
    ),
    (
        "The caretaker now checks each thermostat before lessons begin.",
        "用務員は現在、授業開始前に各サーモスタットを点検している。",
    ),
]


def test_a_loanword_term_rendered_once_by_an_unknown_kanji_compound() -> None:
    pairs = [
        *THERMOSTATS,
        (
            "The school has sold its old thermostats to a recycling company.",
            "同校は古い温度調節器をリサイクル会社に売却した。",
        ),
    ]
    found = findings(pairs, "term-consistency")
    assert [f.text for f in found] == ["温度調節器"]
    assert "サーモスタット" in found[0].message


def test_the_kanji_compound_may_render_another_word_without_a_counterpart() -> None:
    # "firm" has no counterpart the dictionary knows: 温度調節器 and 会社 are two runs either may render
    pairs = [
        *THERMOSTATS,
        (
            "The school has sold its old thermostats to a recycling firm.",
            "同校は古い温度調節器をリサイクル会社に売却した。",
        ),
    ]
    assert findings(pairs, "term-consistency") == []


FERRY_TAIL = (
    "Ferries will resume sailing in May, when the new pier opens.",
    "フェリーは新しい桟橋が開業する5月に運航を再開する。",
)


def test_a_phrase_dropped_from_inside_a_clause() -> None:
    pairs = [
        (
            "The ferry service between the two islands was suspended on Monday morning after a long dispute "
            "with the port authority over landing fees, the operator said.",
            "運航会社によると、2つの島を結ぶフェリーの運航は月曜日の朝に停止された。",
        ),
        FERRY_TAIL,
    ]
    found = findings(pairs, "omission")
    assert [f.text for f in found] == ["after a long dispute with the port authority over landing fees"]
    assert found[0].side.value == "source"


def test_names_without_a_counterpart_are_no_dropped_phrase() -> None:
    # a firm the translation describes instead of naming it: its name's words are no phrase of content
    # words the translation dropped
    pairs = [
        (
            "Analysts at Corrigan Haldane Westbury Partners expect the central bank to cut interest rates "
            "twice before the end of this year.",
            "英投資会社のアナリストは、中央銀行が年内に2回利下げすると予想している。",
        ),
        FERRY_TAIL,
    ]
    assert findings(pairs, "omission") == []
