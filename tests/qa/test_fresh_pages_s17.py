"""Lessons of the fresh pages of 2026-12-06 (their misses and false alarms, in our own words): a person's
trade after the name (騎手, 調教師) is a title, and a body named by common nouns on both sides ("The health
ministry said" rendered as another body of the page, 地域保健委員会は)."""

from __future__ import annotations

from .helpers import findings


def test_a_trade_after_the_name_makes_a_titled_agent() -> None:
    page = [
        (
            "The mare was ridden by Tomas Okoro and trained by Greta Lindqvist.",
            "その牝馬にはトマス・オコロ騎手が騎乗し、調教はグレタ・リンドクヴィスト調教師が担当した。",
        ),
        (
            "Lindqvist said the mare would now rest until spring.",
            "オコロ騎手は、牝馬は春まで休養に入ると述べた。",
        ),
    ]
    found = findings(page, "agent")
    assert [(f.segment, f.text) for f in found] == [("2", "オコロ騎手")]
    page[1] = (page[1][0], "リンドクヴィスト調教師は、牝馬は春まで休養に入ると述べた。")
    assert findings(page, "agent") == []


BODIES = [
    (
        "The regional transport board met on Tuesday to discuss the timetable.",
        "地域交通委員会は火曜日に会合を開き、時刻表について協議した。",
    ),
    (
        "The board said fares would stay the same until April.",
        "地域交通委員会は、4月まで運賃を据え置くと述べた。",
    ),
]


def test_another_body_of_the_page_as_the_agent() -> None:
    page = [
        *BODIES,
        (
            "The transport ministry said it would review the subsidy next year.",
            "地域交通委員会は、来年補助金を見直すと発表した。",
        ),
    ]
    found = findings(page, "agent")
    assert [(f.segment, f.text) for f in found] == [("3", "地域交通委員会")]
    assert "The transport ministry" in found[0].message and "board" in found[0].message
    assert found[0].source_start is not None
    # the ministry rendered: nothing to say
    page[2] = (page[2][0], "交通省は、来年補助金を見直すと発表した。")
    assert findings(page, "agent") == []


def test_a_body_that_renders_the_agent_or_is_its_usual_rendering_is_no_error() -> None:
    page = [
        *BODIES,
        # 運営会社 renders "operator" (運営, operation), whatever "company" is elsewhere
        ("The company that runs the depot was sold.", "運営会社は売却された。"),
        ("The operator said services would resume.", "運営会社は、運行を再開すると述べた。"),
    ]
    assert findings(page, "agent") == []


def test_organisers_rendered_as_the_county() -> None:
    page = [
        (
            "The new league will start in Harrow County in May, organisers said.",
            "新リーグは5月にハロー郡で始まると、主催者が明らかにした。",
        ),
        (
            "The county agreed to open its gyms at weekends.",
            "郡は週末に体育館を開放することに同意した。",
        ),
        (
            "Organisers said they would run a free bus from the villages.",
            "郡は、村々から無料バスを運行すると述べた。",
        ),
    ]
    found = findings(page, "agent")
    assert [(f.segment, f.text) for f in found] == [("3", "郡")]
    # 郡 inside ハロー郡 (a name) in a paragraph that says "organisers" does not make it their rendering;
    # where the page renders "organisers" by 郡 on its own, it is their rendering
    page[0] = (page[0][0], "新リーグは5月にハロー郡で始まると、郡が明らかにした。")
    assert findings(page, "agent") == []


def test_a_subject_that_is_no_body_is_left_alone() -> None:
    page = [
        ("The decline was worst in the north.", "減少は北部で最も深刻だった。"),
        ("The losses were concentrated in two herds.", "減少は二つの群れに集中していた。"),
    ]
    assert findings(page, "agent") == []


# -- the second reviewer's probes (defects of the first version, mended) ------------------------------


def test_an_edit_near_the_agent_re_checks_it() -> None:
    """The agent's finding reads the translation of the segments near it: editing one of them re-checks
    it in the editor's incremental checker as a fresh run would."""
    from mtreview.qa import IncrementalChecker, SegmentInput
    from mtreview.qa.context import QaContext

    from .helpers import document

    settings = {"user_lexicons": False}
    page = [
        *BODIES,
        (
            "The transport ministry said it would review the subsidy next year.",
            "地域交通委員会は、来年補助金を見直すと発表した。",
        ),
    ]
    checker = IncrementalChecker(
        [document(page)], settings, QaContext.from_settings(settings), only=["agent"]
    )
    assert [f.segment for f in checker.run().findings] == ["3"]
    changed = {}
    for n, target in (
        (1, "交通審議会は火曜日に会合を開き、時刻表について協議した。"),
        (2, "交通審議会は、4月まで運賃を据え置くと述べた。"),
    ):
        page[n - 1] = (page[n - 1][0], target)
        changed.update(checker.update_segment(SegmentInput(str(n), "doc", page[n - 1][0], target)))
    assert changed.get("3") == [] and checker.segment_findings("3") == []
    assert findings(page, "agent") == []


def test_a_body_named_where_the_english_refers_back_to_it_is_no_error() -> None:
    page = [
        (
            "Sumitomo Mitsui Banking Corporation reported a record profit on Friday.",
            "三井住友銀行は金曜日、過去最高の利益を計上した。",
        ),
        ("The bank's shares rose 3 percent.", "三井住友銀行の株価は3%上昇した。"),
        ("The lender said it would raise its dividend.", "三井住友銀行は、配当を引き上げると述べた。"),
    ]
    assert findings(page, "agent") == []


def test_people_called_another_way_are_no_other_body() -> None:
    page = [
        ("Two of the injured are in a serious condition.", "負傷者のうち2人は重体となっている。"),
        ("The victims were taken to hospital by helicopter.", "負傷者はヘリコプターで病院に搬送された。"),
    ]
    assert findings(page, "agent") == []


def test_a_trade_does_not_make_a_name_of_a_loanword() -> None:
    page = [
        ("Councillor Tom Bass criticised the new timetable.", "トム・バス議員は新しい時刻表を批判した。"),
        ("A bus driver said the route was too long.", "バス運転手は、路線が長すぎると述べた。"),
    ]
    assert findings(page, "agent") == []
