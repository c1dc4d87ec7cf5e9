"""Defects a second reviewer found in this round's changes to the checks, each a test that failed before its
fix: a passive inside a quotation, a passive's …によって that is not a report, first names spelt like
verbs, the title "Miss", a kept C$ in the translation, 16キロ as a conversion of 10 miles, 1,200万 before a
unit (and, kept by the fixes, a passive's agent that is still found)."""

from __future__ import annotations

import pytest

from .helpers import findings

MEETING = (
    "Will Jones and Tom Brady met Ana Okafor in Leeds.",
    "ウィル・ジョーンズ氏とトム・ブレイディ氏はリーズでアナ・オカフォー氏と会った。",
)


@pytest.mark.parametrize(
    ("en", "ja", "wrong"),
    [
        # the speaker is Brady, whatever the quotation says was done by whom
        (
            "The talks ended late. “The plan was announced by Okafor in May,” Brady said.",
            "協議は遅くに終わった。「計画は5月にオカフォー氏が発表した」とブレイディ氏は述べた。",
            None,
        ),
        # …によって建設された is who built it, not who speaks
        (
            "The talks ended late. Brady said the plant was built by Okafor in May.",
            "協議は遅くに終わった。工場は5月にオカフォー氏によって建設されたとブレイディ氏は述べた。",
            None,
        ),
        # "Will" is a name here, not a verb
        (
            "The talks ended late. “We will win,” said Will Jones, the coach.",
            "協議は遅くに終わった。「我々は勝つ」とブレイディ氏は語った。",
            "ブレイディ氏",
        ),
        (
            "The talks ended late. The decision was announced by Okafor on Friday.",
            "協議は遅くに終わった。この決定は金曜日にブレイディ氏によって発表された。",
            "ブレイディ氏",
        ),
    ],
)
def test_speakers_and_passives(en: str, ja: str, wrong: str | None) -> None:
    assert [f.text for f in findings([MEETING, (en, ja)], "agent")] == ([wrong] if wrong else [])


def test_the_title_miss_does_not_excuse_a_negation() -> None:
    found = findings(
        [("Miss Smith won the race in Ohio.", "スミスさんはオハイオ州でのレースに勝てなかった。")], "polarity"
    )
    assert [f.text for f in found] == ["勝てなかった"]


def test_a_kept_canadian_dollar_sign_is_the_same_currency() -> None:
    assert findings([("The fund raised C$250,000 last year.", "基金は昨年C$25万を集めた。")], "numbers") == []


@pytest.mark.parametrize(
    ("en", "ja"),
    [
        ("The trail is 10 miles long.", "遊歩道の長さは10マイル（16キロ）だ。"),
        ("The trail is 5 kilometres long.", "遊歩道の長さは5キロ（約3.1マイル）だ。"),
    ],
)
def test_kilo_converts_either_way(en: str, ja: str) -> None:
    assert findings([(en, ja)], "numbers") == []
    assert findings([(en, ja)], "addition") == []


def test_a_figure_with_a_comma_and_man_before_a_unit() -> None:
    en = "The field covers 12,000,000 square metres."
    assert findings([(en, "敷地は1,200万平方メートルに及ぶ。")], "units") == []
    assert [f.text for f in findings([(en, "敷地は1,200万エーカーに及ぶ。")], "units")] == ["1,200万エーカー"]


def test_what_he_said_after_said_is_not_the_speaker_but_its_spokesman_is() -> None:
    en = "The talks ended late. Jones said he received a warning email on Monday evening."
    ja = "協議は遅くに終わった。ジョーンズ氏は、月曜日の夜に警告メールを受け取ったと述べた。"
    assert findings([MEETING, (en, ja)], "agent") == []
    en = "The talks ended late. “We will appeal,” said its spokesman, Tom Brady."
    ja = "協議は遅くに終わった。「我々は控訴する」と広報担当のオカフォー氏は述べた。"
    assert [f.text for f in findings([MEETING, (en, ja)], "agent")] == ["オカフォー氏"]
