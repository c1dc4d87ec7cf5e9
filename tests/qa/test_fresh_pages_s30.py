"""What the fresh tune pages of 2026-12-07 (twenty-first session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def test_every_day_makes_the_end_of_the_day_literal() -> None:
    every = "The shop banks its takings at the end of every day."
    assert _found("literal-idiom", every, "店は一日の終わりに売上金を預け入れる。") == []
    each = "Nurses update the charts at the end of each day."
    assert _found("literal-idiom", each, "看護師は毎日の終わりに記録を更新する。") == []
    idiom = "At the end of the day, the voters decide."
    assert _found("literal-idiom", idiom, "一日の終わりに、有権者が決める。") == ["一日の終わり"]


def test_throwing_money_at_a_problem() -> None:
    source = "Richer councils can simply throw money at the problem."
    literal = "裕福な自治体はこの問題にお金を投げるだけでよい。"
    assert _found("literal-idiom", source, literal) == ["お金を投げ"]
    assert _found("literal-idiom", source, "裕福な自治体はこの問題に資金をつぎ込むだけでよい。") == []


def test_half_past_noon_is_written_as_hour_zero_too() -> None:
    source = "The library closes at 12.30pm on Wednesdays."
    assert _found("numbers", source, "図書館は水曜日は午後0時30分に閉館する。") == []
    assert _found("numbers", source, "図書館は水曜日は午後12時30分に閉館する。") == []
    assert _found("numbers", source, "図書館は水曜日は午後2時30分に閉館する。") == ["2"]


def test_a_lexical_negation_of_another_clause_does_not_hide_a_flip() -> None:
    late = "Drivers who miss the deadline will be listed online, although the council did not propose fines."
    flipped = "期限を守れなかった運転手はオンラインで公表されるほか、議会は罰金も提案した。"
    kept = "期限を守れなかった運転手はオンラインで公表されるが、議会は罰金を提案しなかった。"
    assert _found("polarity", late, flipped) == ["提案した"]
    assert _found("polarity", late, kept) == []
    fewer = "The votes will not be counted because fewer than half of the members took part."
    counted = "参加した会員が半数に満たなかったため、票は集計される。"
    assert _found("polarity", fewer, counted) == ["集計される"]
    assert _found("polarity", fewer, "参加した会員が半数に満たなかったため、票は集計されない。") == []
    # "only" rendered しか…ない is no negation another clause could have kept
    only = "Some areas still had no signal, and some homes could only use one network."
    assert _found("polarity", only, "一部の地域では今も電波が届かず、1社の回線しか使えない家庭もある。") == []


def test_a_negated_opposition_rendered_as_opposition() -> None:
    source = "The group said it would not oppose the sale of the depot."
    assert _found("polarity", source, "同グループは車庫の売却に反対する方針だと述べた。") == ["反対する"]
    assert _found("polarity", source, "同グループは車庫の売却に反対しない方針だと述べた。") == []
    assert _found("polarity", source, "同グループは車庫の売却を容認する方針だと述べた。") == []


def test_words_that_say_not_in_their_meaning() -> None:
    cases = [
        ("The critics found the sauce bland and tasteless.", "批評家はそのソースを味気ないと評した。"),
        ("The valve had jammed in the cold.", "寒さでバルブが詰まって動かなくなっていた。"),
        ("Callers complained about engaged tones.", "電話がつながらないと苦情が寄せられた。"),
        ('"I doubt we will see another like it," she said.', "「もう見られないでしょう」と同氏は述べた。"),
    ]
    for source, target in cases:
        assert _found("polarity", source, target) == [], source


def test_a_negated_telling_points_at_its_own_rendering_not_at_the_said() -> None:
    source = "Moss said she had never told her manager about the debt until the bank wrote to her."
    target = "モス氏は、銀行から手紙が届く前から借金のことを上司に打ち明けていたと語った。"
    assert _found("polarity", source, target) == ["打ち明けていた"]


def test_verbs_of_comparison_and_bare_more_than_a_thing() -> None:
    exceeded = "The chief executive said sales had exceeded the board's forecasts."
    assert _found("comparison", exceeded, "同氏は、売上高が取締役会の予測を下回ったと述べた。") == ["下回っ"]
    assert _found("comparison", exceeded, "同氏は、売上高が取締役会の予測を上回ったと述べた。") == []
    more = "She said the closures would cost the town far more than the savings."
    assert _found("comparison", more, "同氏は、町の損失は節約額をはるかに下回ると述べた。") == ["下回る"]
    assert _found("comparison", more, "同氏は、町の損失は節約額をはるかに上回ると述べた。") == []


def test_at_least_until_is_not_at_the_latest() -> None:
    source = "Services will stay suspended until at least Friday."
    assert _found("comparison", source, "運行は遅くとも金曜日まで停止される。") == ["遅くとも"]
    assert _found("comparison", source, "運行は少なくとも金曜日まで停止される。") == []
    latest = "The report will be published by June at the latest."
    assert _found("comparison", latest, "報告書は早くとも6月に公表される。") == ["早くとも"]
    assert _found("comparison", latest, "報告書は遅くとも6月までに公表される。") == []


def test_senses_of_award_cure_statement_and_draw() -> None:
    award = "The size of the nurse's award will be set at a remedy hearing next month."
    assert _found("sense", award, "看護師の受賞額は来月の救済審理で決まる。") == ["受賞"]
    assert _found("sense", award, "看護師への賠償額は来月の救済審理で決まる。") == []
    cured = "The shop sells cured meats such as ham and salami."
    assert _found("sense", cured, "その店はハムやサラミなどの治療された肉を売っている。") == ["治療"]
    assert _found("sense", cured, "その店はハムやサラミなどの塩漬けの肉を売っている。") == []
    statement = "Customers can download monthly statements as PDF files."
    assert _found("sense", statement, "顧客はアプリから月次の声明をダウンロードできる。") == ["声明"]
    assert _found("sense", statement, "顧客はアプリから月次の利用明細をダウンロードできる。") == []
    draw = "Organisers hope the fair will draw 20,000 visitors."
    assert _found("sense", draw, "主催者は見本市が2万人の来場者を描くことを期待している。") == ["描く"]
    assert _found("sense", draw, "主催者は見本市が2万人の来場者を集めることを期待している。") == []


def test_a_council_named_for_another_body() -> None:
    pairs = [
        (
            "Ashby City Council approved the plan on Monday.",
            "アシュビー市議会は月曜日、計画を承認した。",
        ),
        (
            "The Association of Cemetery Managers said one in three councils would run out of space.",
            "アシュビー市議会によると、自治体の3分の1が用地を使い果たす見込みだという。",
        ),
    ]
    assert [f.text for f in findings(pairs, "agent")] == ["アシュビー市議会"]


def test_a_term_of_two_words_rendered_as_one_loanword() -> None:
    pairs = [
        ("The ferry is fitted with two kite sails.", "フェリーには2基のカイトセイルが取り付けられている。"),
        ("The kite sails cut fuel use by a fifth.", "カイトセイルにより燃料消費が5分の1減った。"),
        ("Engineers inspected the kite sails in port.", "技術者たちは港でカイトセイルを点検した。"),
        ("The operator will add kite sails to two more ships.", "運航会社はさらに2隻に凧帆を追加する。"),
    ]
    assert [f.text for f in findings(pairs, "term-consistency")] == ["凧帆"]
    # a word of such a compound is not compared with that word's renderings elsewhere
    food = [
        ("The charity runs a food bank in the town.", "その慈善団体は町でフードバンクを運営している。"),
        ("Food prices rose by 4%.", "食料価格は4%上昇した。"),
        ("Demand at the food bank has doubled.", "フードバンクの利用者は倍増した。"),
        ("Food donations fell in the summer.", "夏には食料の寄付が減った。"),
    ]
    assert [f.text for f in findings(food, "term-consistency")] == []
