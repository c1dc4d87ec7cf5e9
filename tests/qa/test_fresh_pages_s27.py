"""What the fresh tune pages of 2026-12-07 (third session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _polarity(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "polarity")]


def _agent(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "agent")]


STAFF = (
    "The firm said no driver joining the night rota would lose any pay, and that bonuses would stay the same."
)


def test_a_negative_verb_that_renders_sameness_agrees_with_no_english_negation() -> None:
    # 変わらない renders "stay the same": the "no" of the first clause is left unrendered
    flipped = "同社は、夜間勤務に移る運転手は給与が減ると述べ、賞与は変わらないとした。"
    assert _polarity(STAFF, flipped) == ["減る"]
    kept = "同社は、夜間勤務に移る運転手の給与が減ることはないと述べ、賞与は変わらないとした。"
    assert _polarity(STAFF, kept) == []
    # and 変わらない for "stay the same" in an affirmative English is no added negation
    assert (
        _polarity(
            "Fares will stay the same next spring, the operator said.",
            "運営会社によると、来春も運賃は変わらない。",
        )
        == []
    )
    assert _polarity(
        "Fares will rise next spring, the operator said.", "運営会社によると、来春の運賃は変わらない。"
    ) == ["変わらない"]


def test_a_word_negative_in_itself_accounts_for_no_english_negation() -> None:
    # 不合格 is the dictionary's word for "failed": the "None" is not rendered
    source = "None of the 40 samples sent to the laboratory in Leeds failed the purity test."
    assert _polarity(source, "リーズの検査機関に送られた40の検体は、いずれも純度検査で不合格となった。") == [
        "不合格"
    ]
    assert (
        _polarity(source, "リーズの検査機関に送られた40の検体で、純度検査に不合格となったものはなかった。")
        == []
    )
    # a prefix that renders the cue itself stays a negation: 無利息 for "without paying interest", 未承認
    assert (
        _polarity(
            "Buyers can spread the cost over six weeks without paying interest.",
            "購入者は6週間にわたり無利息で分割払いできる。",
        )
        == []
    )
    assert _polarity("The board did not approve the budget.", "理事会は予算を未承認とした。") == []


def test_one_kanji_of_a_body_of_another_kind_renders_no_word_of_a_named_body() -> None:
    source = "The Marlow Tenants Association said it backed the scheme but would fight any rent rise."
    # 会 of 町議会 is no rendering of "Association": the town council is another body
    assert _agent(source, "町議会は、この計画を支持するが、家賃の値上げには反対すると述べた。") == ["町議会"]
    assert (
        _agent(source, "マーロウ借家人協会は、この計画を支持するが、家賃の値上げには反対すると述べた。") == []
    )
    assert _agent(source, "借家人の団体は、この計画を支持するが、家賃の値上げには反対すると述べた。") == []


def _omission(source: str, target: str) -> list[str]:
    return [f.text or "" for f in findings([(source, target)], "omission")]


def test_a_reporting_verb_of_the_translation_renders_no_dropped_clause() -> None:
    # 指摘 renders "said": it is no free rendering of the dropped aside
    source = (
        "Councillor Maya Brent, who chairs the harbour committee, backed the plan but said berths for the "
        "ferries at some piers were scarce."
    )
    dropped = "マヤ・ブレント議員は計画を支持したが、一部の桟橋ではフェリーの係留場所が乏しいと指摘した。"
    assert _omission(source, dropped) == ["who chairs the harbour committee"]
    whole = (
        "港湾委員会の委員長を務めるマヤ・ブレント議員は計画を支持したが、"
        "一部の桟橋ではフェリーの係留場所が乏しいと指摘した。"
    )
    assert _omission(source, whole) == []


def _check(check: str, source: str, target: str) -> list[str]:
    return [f.text or "" for f in findings([(source, target)], check)]


def test_a_unit_glued_to_its_number_is_a_quantity() -> None:
    # "120C" is 120 degrees, not an identifier: its bound is compared, and so is its value
    source = "The rock would need to exceed 120C for the plant to pay its way."
    assert _check("comparison", source, "発電所の採算が取れるには、岩盤が摂氏120度を下回る必要がある。") == [
        "120度を下回"
    ]
    assert _check("comparison", source, "発電所の採算が取れるには、岩盤が摂氏120度を上回る必要がある。") == []
    assert _check("numbers", "Each patient gets 250mg twice a day.", "各患者に1日2回、25mgを投与する。") == [
        "25"
    ]
    assert (
        _check("numbers", "Each patient gets 250mg twice a day.", "各患者に1日2回、250mgを投与する。") == []
    )
    # identifiers stay identifiers
    assert _check("numbers", "The k9x2 board runs x86 code.", "k9x2ボードはx86コードを実行する。") == []


def test_a_negation_that_renders_no_more_than_agrees_with_no_other_negation() -> None:
    source = "Tenants will not be asked to move out, but those who stay will pay no more than they pay now."
    flipped = "入居者は退去を求められるが、残る入居者が現在の家賃を上回る額を支払うことはない。"
    assert _polarity(source, flipped) == ["求められる"]
    kept = "入居者は退去を求められないが、残る入居者が現在の家賃を上回る額を支払うことはない。"
    assert _polarity(source, kept) == []
    # a prefixed word after "no longer" is not where its verb is: the verb's rendering is reported
    assert _polarity(
        "From June, unsorted glass will no longer be taken at the tip.",
        "6月からは、未分別のガラスも処分場で引き取られるようになる。",
    ) == ["引き取られる"]


def test_a_word_does_not_sound_like_katakana_another_word_renders() -> None:
    from mtreview.qa.analysis.coverage import coverage

    source = 'Karen Bell, a union organiser, said staff were "furious" and called on ministers to step in.'
    target = "組合のオルガナイザー、カレン・ベル氏は、職員は「激怒している」と述べた。"
    hits = {w.lemma: [target[a:b] for a, b in w.hits] for w in coverage(source, target).words}
    assert hits["karen"] == ["カレン"]
    assert hits["call"] == []  # カレン renders "Karen": "call" is not rendered at all


FERRY_PAGE = [
    (
        "The Coastal Ferry Operators Association (CFOA) said fuel costs had doubled.",
        "沿岸フェリー事業者協会（CFOA）は、燃料費が倍増したと述べた。",
    ),
    (
        "The Island Residents Council (IRC) called for a fares freeze.",
        "島民評議会（IRC）は運賃の凍結を求めた。",
    ),
]


def _agents_on(pairs: list[tuple[str, str]]) -> list[str]:
    return [f.text or "" for f in findings(pairs, "agent")]


def test_a_body_named_with_its_acronym_replaced_by_another_bodys_acronym() -> None:
    said = "The Coastal Ferry Operators Association (CFOA) said crossings would be cut by a fifth."
    assert _agents_on([*FERRY_PAGE, (said, "IRCによると、航路は5分の1削減される。")]) == ["IRC"]
    assert _agents_on([*FERRY_PAGE, (said, "CFOAによると、航路は5分の1削減される。")]) == []


def test_a_body_named_by_its_acronym_replaced_by_another_named_body() -> None:
    said = "The CFOA said it would cut crossings by a fifth."
    assert _agents_on([*FERRY_PAGE, (said, "島民評議会は、航路を5分の1削減すると述べた。")]) == ["島民評議会"]
    assert _agents_on([*FERRY_PAGE, (said, "フェリー事業者協会は、航路を5分の1削減すると述べた。")]) == []
    assert _agents_on([*FERRY_PAGE, (said, "CFOAは、航路を5分の1削減すると述べた。")]) == []


def test_a_proportion_bound_against_a_japanese_fraction() -> None:
    source = "Fewer than one in five clubs had a written constitution."
    assert _check("comparison", source, "書面の規約を持つクラブは5分の1を超えていた。") == ["5分の1を超"]
    assert _check("comparison", source, "書面の規約を持つクラブは5分の1に満たなかった。") == []


def test_the_negative_form_that_renders_instead_of_agrees_with_no_english_negation() -> None:
    source = (
        "Walk out instead of sheltering, and you risk more, said the chief, "
        "who said he did not oppose the plan."
    )
    flipped = "避難せずに外へ出ればかえって危険だと署長は述べ、計画に反対していると語った。"
    assert _polarity(source, flipped) == ["反対している"]
    kept = "避難せずに外へ出ればかえって危険だと署長は述べ、計画に反対しているわけではないと語った。"
    assert _polarity(source, kept) == []


def test_polite_must_and_sitting_out_are_no_flipped_negation() -> None:
    # なければなりません is "must" in the polite style, as なければならない is in the plain one
    assert _polarity("We must sign two more forwards.", "フォワードをあと2人獲得しなければなりません。") == []
    assert _polarity("We must not sign more forwards.", "これ以上フォワードを獲得してはなりません。") == []
    # "sit out" is not playing: 出場できない renders it
    assert _polarity("Players will have to sit out 12 days.", "選手は12日間、試合に出場できなくなる。") == []
    assert _polarity("Players will play after 12 days.", "選手は12日後も試合に出場できない。") == ["できない"]


def test_an_idiom_with_another_article_is_a_literal_phrase() -> None:
    idiom = "literal-idiom"
    assert (
        _check(idiom, "Get under a table when the shaking starts.", "揺れ始めたらテーブルの下に潜ること。")
        == []
    )
    assert _check(idiom, "He was paid under the table.", "彼はテーブルの下で報酬を受け取った。") == [
        "テーブルの下"
    ]


def test_a_person_the_english_quotes_replaced_by_a_body() -> None:
    intro = (
        "The bakery's owner, Dana Whitcombe, said the firm would hire 20 people.",
        "ベーカリーのオーナー、ダナ・ウィットカム氏は、同社が20人を雇用すると述べた。",
    )
    said = "The new shop should open in March, Whitcombe said."
    assert _agents_on([intro, (said, "市議会によると、新店舗は3月に開店する見通しだ。")]) == ["市議会"]
    assert _agents_on([intro, (said, "ウィットカム氏によると、新店舗は3月に開店する見通しだ。")]) == []
    assert _agents_on([intro, (said, "同社によると、新店舗は3月に開店する見通しだ。")]) == []
    # a body the English sentence names itself is no replacement
    council = "The council should approve the shop in March, Whitcombe said."
    assert _agents_on([intro, (council, "市議会によると、3月に店舗が承認される見通しだ。")]) == []


REVIEW_CORRECT = [
    # sameness said otherwise, or "same" as a determiner
    (
        "Rents did not change last year, and deposits stayed the same.",
        "昨年、家賃は変わらず、敷金も据え置かれた。",
    ),
    (
        "The same survey found that support for the plan did not change over the summer.",
        "同じ調査では、計画への支持は夏の間も変わらなかったことが分かった。",
    ),
    (
        "The menu will stay the same, and prices will not change either.",
        "メニューは同じままで、価格も変わらない。",
    ),
    (
        "Opening hours will remain the same, although the café will no longer serve hot food.",
        "営業時間は変わらないが、カフェでは温かい料理の提供をやめる。",
    ),
    # "no more than" rendered 以内, beside a "not exceed"
    (
        "Fares will rise by no more than 3% and will not exceed £5.",
        "運賃の値上げ幅は3%以内にとどまり、5ポンドを超えることはない。",
    ),
    # a prefixed word for a word that is not negative in its meaning
    (
        "Nobody in the village has been paid for the work, which is entirely voluntary.",
        "この作業は完全なボランティアで、村の住民は全員無償で参加している。",
    ),
]


def test_the_reviews_correct_probes_raise_no_flipped_negation() -> None:
    for source, target in REVIEW_CORRECT:
        assert _polarity(source, target) == [], source


def test_the_reviews_bodies_in_a_reported_clause_and_words_of_the_name() -> None:
    assert (
        _agents_on(
            [
                (
                    "MSF said the WHO was aware of the attack.",
                    "世界保健機関が攻撃を把握していると、国境なき医師団は述べた。",
                )
            ]
        )
        == []
    )
    assert (
        _agents_on([("The Gold Council said demand was strong.", "金協会は、需要は旺盛だと述べた。")]) == []
    )
    said = "The CFOA said the council had not consulted it beforehand."
    assert _agents_on([*FERRY_PAGE, (said, "島民評議会が事前に相談してこなかったと、同協会は述べた。")]) == []


def test_numbers_said_in_words_of_another_kind() -> None:
    numbers = "numbers"
    assert (
        _check(numbers, "For a man in his forties, the wait is long.", "40代の男性にとって、待ち時間は長い。")
        == []
    )
    assert _check(
        numbers, "For a man in his forties, the wait is long.", "50代の男性にとって、待ち時間は長い。"
    ) == ["50"]
    assert _check(numbers, "Too many teenagers stop swimming.", "水泳をやめる10代が多すぎる。") == []
    assert (
        _check(
            numbers,
            "It could heat 900 homes by the end of the decade.",
            "2020年代末までに900世帯に暖房を供給できる。",
        )
        == []
    )
    assert _check(numbers, "Prices fell by almost a fifth.", "価格は2割近く下落した。") == []
    assert _check(numbers, "Prices fell by almost a fifth.", "価格は4割近く下落した。") == ["4割"]
    # 1年分 for "a full year" is no number the translation adds where another is dropped
    source = "She put a full year's loss at 90,000 euros for a 14-hectare estate."
    assert _check(numbers, source, "同氏は1年分の損失を9万ユーロと見積もった。") == ["14"]


def test_caps_won_for_a_country_and_earthquake_drills() -> None:
    sense = "sense"
    assert _check(sense, "He won 41 caps for his country.", "彼は代表として41個の帽子を獲得した。") == [
        "帽子"
    ]
    assert _check(sense, "He won 41 caps for his country.", "彼は代表として41試合に出場した。") == []
    drills = "Schools should hold more earthquake drills."
    assert _check(sense, drills, "学校は地震の掘削をもっと行うべきだ。") == ["掘削"]
    assert _check(sense, drills, "学校は地震の避難訓練をもっと行うべきだ。") == []


def test_two_idioms_rendered_word_for_word() -> None:
    idiom = "literal-idiom"
    silver = "Nobody wants to sell the family silver, she said."
    assert _check(idiom, silver, "家族の銀食器を売りたい人などいないと同氏は述べた。") == ["家族の銀"]
    assert _check(idiom, silver, "虎の子の資産を手放したい人などいないと同氏は述べた。") == []
    stops = "The trust pulled out all the stops to reopen by May."
    assert _check(idiom, stops, "トラストは5月の再開に向けて、すべての栓を抜いた。") == ["栓を抜"]


def test_a_named_body_replaced_by_a_body_led_by_a_place_the_sentence_names() -> None:
    source = "The Fenbridge District Council said it would fund 80 care beds to free up wards at Tolworth."
    other = "トルワース総合病院は、トルワースの病棟を空けるため、介護用ベッド80床の費用を負担すると述べた。"
    assert _agents_on([(source, other)]) == ["トルワース総合病院"]
    own = "フェンブリッジ地区議会は、トルワースの病棟を空けるため、介護用ベッド80床の費用を負担すると述べた。"
    assert _agents_on([(source, own)]) == []


def test_a_person_introduced_with_who_replaced_by_a_body_a_place_opens() -> None:
    source = "Dev Malik, who chairs the Harwick Cyclists' Club, urged riders to lock their bikes indoors."
    police = "ハーウィック警察は、自転車を屋内で施錠するよう利用者に呼びかけた。"
    assert _agents_on([(source, police)]) == ["ハーウィック警察"]
    malik = "ハーウィック自転車クラブ会長のデブ・マリク氏は、自転車を屋内で施錠するよう利用者に呼びかけた。"
    assert _agents_on([(source, malik)]) == []
