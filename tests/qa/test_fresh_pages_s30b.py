"""What the second set of fresh tune pages of 2026-12-07 (twenty-first session) taught, on sentences of our
own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def test_a_one_word_idiom_is_only_the_forms_its_pattern_names() -> None:
    tanks = "The hatchery rears crabs, keeping the young in tanks for four months."
    assert (
        _found("literal-idiom", tanks, "孵化場はカニを育てており、稚ガニを4カ月間水槽で飼育している。") == []
    )
    assert (
        _found("literal-idiom", "Survival rates in the tanks have improved.", "水槽内での生存率が改善した。")
        == []
    )
    tanked = "Shares in the brewer tanked on Monday."
    assert _found("literal-idiom", tanked, "醸造会社の株は月曜日に戦車した。") == ["戦車"]


def test_none_and_neither_point_at_the_clause_verb() -> None:
    neither = "Neither driver was on the company's list of staff."
    assert _found("polarity", neither, "2人の運転手はいずれも同社の従業員名簿に載っていた。") == [
        "載っていた"
    ]
    none = "None of the samples passed the test."
    assert _found("polarity", none, "サンプルはすべて検査に合格した。") == ["合格した"]
    assert _found("polarity", none, "検査に合格したサンプルは一つもなかった。") == []


def test_a_speaker_with_where_it_was_said() -> None:
    pairs = [
        (
            "Its chairman, Sir Alan Pryor, backed the bid.",
            "同社のアラン・プライアー会長は買収提案を支持した。",
        ),
        (
            "Harrowgate Holdings made the offer on Monday.",
            "ハローゲート・ホールディングスは月曜日に提案した。",
        ),
        (
            '"This is a fair price," Pryor said in a statement.',
            "「これは適正な価格だ」と、ハローゲートは声明で述べた。",
        ),
    ]
    assert [f.text for f in findings(pairs, "agent")] == ["ハローゲート"]
    said = [
        pairs[0],
        pairs[1],
        (
            '"This is a fair price," Pryor said in a statement.',
            "「これは適正な価格だ」と、プライアー氏は声明で述べた。",
        ),
    ]
    assert [f.text for f in findings(said, "agent")] == []


def test_hedges_and_requests_that_negate_nothing() -> None:
    cases = [
        (
            "He feared the new road would split the farm.",
            "新しい道路で農場が分断されるのではないかと懸念した。",
        ),
        (
            "Visitors bring dogs, and we ask them not to.",
            "犬を連れてくる人もいますが、ご遠慮いただくようお願いしています。",
        ),
        ("The pier was raised to keep it clear of the waves.", "波がかからないよう桟橋はかさ上げされた。"),
    ]
    for source, target in cases:
        assert _found("polarity", source, target) == [], source


def test_senses_of_bow_settlement_landing_trolley_stalls_phase_interest_plant() -> None:
    cases = [
        (
            "The violin's bow was found in a separate case.",
            "バイオリンの船首は別のケースで見つかった。",
            "船首",
        ),
        (
            "Surveyors said the settlement was caused by the clay fill.",
            "測量士によると、和解は粘土の埋め土が原因だった。",
            "和解",
        ),
        (
            "Crabs must reach the minimum landing size.",
            "カニは最低着陸サイズに達しなければならない。",
            "着陸",
        ),
        (
            "She waited on a trolley in A&E for nine hours.",
            "彼女は救急外来のショッピングカートで9時間待った。",
            "ショッピングカート",
        ),
        ("Seats in the stalls, nearest the stage, cost £40.", "舞台に最も近い屋台の席は40ポンドだ。", "屋台"),
        (
            "The construction work will be done in two phases.",
            "工事は2つの位相で行われ、来年着手する。",
            "位相",
        ),
        ("The board must protect members' interests.", "理事会は会員の趣味を守らなければならない。", "趣味"),
        ("Heavy plant will use the farm tracks.", "大型の植物が農道を使う。", "植物"),
    ]
    for source, target, wrong in cases:
        assert _found("sense", source, target) == [wrong], source
    right = [
        ("The violin's bow was found in a separate case.", "バイオリンの弓は別のケースで見つかった。"),
        (
            "Police said the violin was left in its locked case.",
            "警察によると、バイオリンは鍵のかかったケースに置かれていた。",
        ),
        ("Food stalls will line the road outside the theatre.", "劇場前の通りには屋台が並ぶ。"),
        ("Crabs must reach the minimum landing size.", "カニは最低水揚げサイズに達しなければならない。"),
    ]
    for source, target in right:
        assert _found("sense", source, target) == [], source
