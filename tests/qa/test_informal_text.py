"""Informal English (comments, chat, forum posts): a question mark ends a sentence even when the next one
starts in lower case, so a dropped question is reported as the sentence it is; "nowhere" is a negation."""

from __future__ import annotations

import pytest

from mtreview.qa.analysis import english

from .helpers import findings

DROPPED_QUESTION = [
    (
        "did anyone back up the old database before the upgrade? the new version deleted every invoice "
        "from last year and the customers are furious.",
        "新しいバージョンでは昨年の請求書がすべて削除され、顧客は激怒している。",
        "did anyone back up the old database before the upgrade",
    ),
    (
        "why would the council close the swimming pool in summer? the children have nowhere else to go "
        "when school is out.",
        "子どもたちは学校が休みの間、ほかに行く場所がない。",
        "why would the council close the swimming pool in summer",
    ),
]


def test_a_question_mark_ends_a_sentence_before_a_lower_case_word() -> None:
    text = 'who told you that? the manual says otherwise! read it. "Why?" he asked.'
    assert [text[a:b] for a, b in english.sentences(text)] == [
        "who told you that?",
        "the manual says otherwise!",
        "read it.",
        '"Why?" he asked.',  # a quoted question inside a sentence does not end it
    ]


@pytest.mark.parametrize(("en", "ja", "dropped"), DROPPED_QUESTION)
def test_a_dropped_lower_case_question_is_reported_with_its_english_span(
    en: str, ja: str, dropped: str
) -> None:
    found = findings([(en, ja)], "omission")
    assert [f.text for f in found] == [dropped]


def test_nowhere_is_a_negation_that_explains_the_translations_nai() -> None:
    en, ja, _dropped = DROPPED_QUESTION[1]
    assert findings([(en, ja)], "polarity") == []
    # and a translation that loses it is reported
    assert findings(
        [("The children have nowhere else to go.", "子どもたちには他に行く場所がある。")], "polarity"
    )


def test_a_dropped_sentence_whose_only_rendered_word_the_other_sentence_repeats_is_reported() -> None:
    """知っている renders one "know"; the sentence left with nothing but the other one is the one dropped."""
    en = "At least we now know that the ferry will not run in winter. I suspect you already knew that."
    ja = "少なくとも、冬にはフェリーが運航しないことを今は知っている。"
    assert [f.text for f in findings([(en, ja)], "omission")] == ["I suspect you already knew that"]


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        # a repeated noun left out of the second sentence (as Japanese does) with the rest rendered
        (
            "The council approved the plan on Monday. The plan will cost two million pounds.",
            "議会は月曜日に計画を承認した。費用は200万ポンドになる。",
        ),
        (
            "The museum reopened on Friday. The museum had been closed for repairs since March.",
            "博物館は金曜日に再開した。3月から修理のため閉館していた。",
        ),
    ],
)
def test_a_sentence_that_repeats_a_word_the_translation_leaves_out_is_not_an_omission(
    en: str, ja: str
) -> None:
    assert findings([(en, ja)], "omission") == []
