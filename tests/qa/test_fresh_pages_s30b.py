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


def test_senses_of_bow_settlement_landing_trolley_stalls_and_phase() -> None:
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


def test_a_negated_refusal_beside_another_negation() -> None:
    source = 'The mayor said the council had not ruled out more closures but had "no plans at present".'
    flipped = "市長は、議会はさらなる閉鎖の可能性を排除しており、「現時点で計画はない」と述べた。"
    kept = "市長は、議会はさらなる閉鎖の可能性を排除していないが、「現時点で計画はない」と述べた。"
    assert _found("polarity", source, flipped) == ["排除しており"]
    assert _found("polarity", source, kept) == []
    against = '"We are not against the new road, but the route is wrong," she said.'
    assert _found(
        "polarity", against, "「私たちは新しい道路に反対しており、ルートも間違っている」と同氏は述べた。"
    ) == ["反対しており"]
    not_against = "「新しい道路に反対しているわけではないが、ルートが間違っている」と同氏は述べた。"
    assert _found("polarity", against, not_against) == []
    immune = "She warned that the chain was not immune to the slowdown."
    assert _found("polarity", immune, "同氏は、同チェーンは景気減速の影響を免れると警告した。") == ["免れる"]
    assert _found("polarity", immune, "同氏は、同チェーンも景気減速の影響を免れないと警告した。") == []


def test_oppose_beside_other_uses_of_hantai() -> None:
    cases = [
        (
            "The party, long against the scheme, said it would not oppose the bill.",
            "長年この制度に反対してきた同党は、法案を容認すると表明した。",
        ),
        (
            "The minister did not deny that the scheme had critics.",
            "大臣は、この制度に反対する人がいることを認めた。",
        ),
        (
            "She did not dispute that the effect was the reverse of what was intended.",
            "同氏は、効果が意図とは反対だったことを認めた。",
        ),
        (
            "The firm did not deny that some staff had objected to the move.",
            "同社は、一部の社員が移転に反対したことを認めた。",
        ),
    ]
    for source, target in cases:
        assert _found("polarity", source, target) == [], source


def test_fewer_than_rendered_mitanai_owns_its_own_negation() -> None:
    source = "The ballot would not count because fewer than half of members took part."
    assert (
        _found("polarity", source, "投票した組合員が半数に満たなかったため、その投票は有効とは認められない。")
        == []
    )


def test_an_idiom_interrupted_by_an_aside_and_new_idioms() -> None:
    jury = '"The jury, frankly, is still out on how much harm it does," she said.'
    assert _found(
        "literal-idiom", jury, "「率直に言って、その害について陪審員はまだ外にいる」と同氏は述べた。"
    ) == ["陪審"]
    ball = "The ball, which was new, landed in the court."
    assert _found("literal-idiom", ball, "新しいボールはコートに落ちた。") == []
    cases = [
        ("The closure is a kick in the teeth for the town.", "閉鎖は町にとって歯への蹴りだ。", "歯への蹴り"),
        ("The head finally grasped the nettle.", "校長はついにイラクサをつかんだ。", "イラクサ"),
        (
            "Regulators had been asleep at the wheel.",
            "規制当局はハンドルを握ったまま居眠りしていた。",
            "ハンドルを握ったまま",
        ),
        (
            "The firm was caught on the hop by the change.",
            "同社はその変更で片足跳びの最中に捕まった。",
            "片足跳び",
        ),
    ]
    for source, target, literal in cases:
        assert _found("literal-idiom", source, target) == [literal], source
    asleep = "The driver fell asleep at the wheel and hit a wall."
    assert _found("literal-idiom", asleep, "運転手が居眠り運転をして壁に衝突した。") == []


def test_time_limits_beside_counts_and_both_kinds() -> None:
    cases = [
        (
            "Repairs must end no later than March, and at least 20 staff will work on them until then.",
            "修理は遅くとも3月までに終える必要があり、少なくとも20人の職員がそれまで作業にあたる。",
        ),
        (
            "Prices rose at the latest auction, and the sale will run until at least Friday.",
            "直近の競売でも価格は上昇し、販売は少なくとも金曜日まで続く。",
        ),
        (
            "The report is due by March at the latest, and the line stays closed until at least April.",
            "報告書は遅くとも3月までに公表され、路線は少なくとも4月まで閉鎖される。",
        ),
    ]
    for source, target in cases:
        assert _found("comparison", source, target) == [], source


def test_a_comparison_verb_said_the_other_way_round() -> None:
    assert (
        _found(
            "comparison",
            "Rivals outperformed the company last year.",
            "昨年、同社の業績は競合他社を下回った。",
        )
        == []
    )


def test_a_cue_after_a_quantity_is_beside_the_word() -> None:
    draw = "The fair is expected to draw around 20,000 visitors."
    assert _found("sense", draw, "見本市は約2万人の来場者を描くと期待されている。") == ["描く"]
    pile = "A pile of concrete rubble blocked the road."
    assert _found("sense", pile, "コンクリートのがれきの山が道路をふさいだ。") == []
    for source, target in [
        (
            "The match ended in a draw in front of a crowd of 40,000.",
            "試合は4万人の観衆の前で引き分けに終わった。",
        ),
        ("Street artists draw portraits of tourists.", "大道芸人が観光客の似顔絵を描いている。"),
        (
            "The couple reached a settlement with the builder over cracks in the foundations.",
            "夫婦は基礎のひび割れをめぐり建設業者と和解した。",
        ),
        ("Nurses pushed the drugs trolley around the ward.", "看護師が病棟で薬品カートを押した。"),
        ("The bank said in a statement that rates would rise.", "同行は声明で金利が上がると述べた。"),
    ]:
        assert _found("sense", source, target) == [], source
