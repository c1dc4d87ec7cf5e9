"""A document's own rendering of a term, learned from its pairs, against the dictionary's rendering in one
place (issue 14). Sentences of our own, not from any evaluation page."""

from __future__ import annotations

from .helpers import findings

LAUNCH = [
    (
        "The next launch window opens on Friday, the agency said.",
        "同機関によると、次の打ち上げ可能時間帯は金曜日に始まる。",
    ),
    (
        "The rocket has a launch window of just nine minutes each day, starting at 6:10 a.m. local time.",
        "このロケットの打ち上げ可能時間帯は1日わずか9分で、現地時間午前6時10分に始まる。",
    ),
    (
        "Engineers hope to fly within the next launch window if the weather holds.",
        "技術者たちは、天候が持てば次の打ち上げウィンドウ内に飛行したいと考えている。",
    ),
    (
        "The agency will confirm the new date and the launch window on Monday.",
        "同機関は月曜日に新たな日付と打ち上げ可能時間帯を確定させる。",
    ),
]


def test_the_one_dictionary_rendering_among_a_learned_majority_is_reported_once() -> None:
    found = findings(LAUNCH, "term-consistency")
    assert [(f.segment, f.text, f.suggestion) for f in found] == [("3", "ウィンドウ内", "可能時間帯")]
    assert LAUNCH[2][0][found[0].source_start : found[0].source_end] == "launch window"


def test_two_segments_do_not_outvote_the_dictionary() -> None:
    assert findings(LAUNCH[1:], "term-consistency") == []


def test_a_pronoun_is_never_the_learned_rendering() -> None:
    """同社 stands for a company named elsewhere: three segments with 同社 for "the operator" do not make it
    the term's rendering against 運行会社 in the fourth."""
    pairs = [
        ("The operator said the line would reopen in May.", "同社は、同線が5月に再開すると述べた。"),
        ("The operator blamed a signal fault for the delays.", "同社は遅延の原因を信号故障だとした。"),
        ("Passengers criticised the operator on social media.", "乗客はソーシャルメディアで同社を批判した。"),
        ("The operator plans to add two trains an hour.", "運行会社は1時間に2本の列車を増発する計画だ。"),
    ]
    assert findings(pairs, "term-consistency") == []


def test_a_compound_only_partly_free_does_not_make_a_learned_rendering_alone() -> None:
    """港湾管理責任者 ("harbour master": "harbour" is 港湾) in three segments about "the inquiry" that leave
    the inquiry unsaid is not the inquiry's rendering against 調査委員会 in the fourth (a reviewer's case)."""
    pairs = [
        ("The harbour master said the inquiry would start soon.", "港湾管理責任者はまもなく始まると述べた。"),
        ("The inquiry will hear from the harbour master first.", "まず港湾管理責任者から話を聞く。"),
        ("The harbour master welcomed the inquiry on Monday.", "港湾管理責任者は月曜日、これを歓迎した。"),
        ("The inquiry is expected to report in June.", "調査委員会は6月に報告する見通しだ。"),
    ]
    assert findings(pairs, "term-consistency") == []
