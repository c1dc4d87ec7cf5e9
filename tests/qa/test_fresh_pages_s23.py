"""Lessons of the tune pages of 2026-12-06 (seventh session), in our own words: one unit of a currency that
the English says with a determiner ("every dollar" is 1ドル); a working week counted by its days off (週休3日
for "a four-day week"); "she" is never an organisation; a name given 社 is still the speaker it renders
(the name-as-company check reports the 社, the agent check no other name)."""

from __future__ import annotations

from .helpers import findings


def test_one_unit_of_a_currency_said_with_a_determiner_is_no_added_number() -> None:
    pairs = [
        (
            "Every dollar spent on the library returns about $3 to the town, the study found.",
            "調査によると、図書館に投じられる1ドルごとに、約3ドルが町に還元される。",
        ),
        ("A pound a day buys a meal for a child.", "1日1ポンドで子ども1人分の食事が買える。"),
    ]
    assert findings(pairs, "numbers") == []


def test_a_one_the_english_does_not_say_is_still_reported() -> None:
    pairs = [("The fare rose to $3 in May.", "運賃は5月に1ドルから3ドルに上がった。")]
    assert [f.text for f in findings(pairs, "numbers")] == ["1ドル"]


def test_days_off_render_a_working_week_of_the_other_days() -> None:
    pairs = [
        ("The firm will move its 200 staff to a four-day week.", "同社は従業員200人を週休3日制に移行する。"),
        ("Most offices keep a five-day working week.", "ほとんどの事務所は週休2日制を維持している。"),
    ]
    assert findings(pairs, "numbers") == []


def test_days_off_that_do_not_add_up_to_the_week_are_reported() -> None:
    pairs = [
        ("The firm will move its 200 staff to a five-day week.", "同社は従業員200人を週休3日制に移行する。")
    ]
    assert [f.text for f in findings(pairs, "numbers")] == ["3"]


BODY_THEN_SHE = [
    (
        "The Harwick Rowing Association said Tove Ostberg would stroke the first eight at the regatta.",
        "ハーウィック・ボート協会によると、トーヴェ・オストベリがレガッタで第1エイトの整調を務める。",
    ),
    ("She is expected to race again in May.", "オストベリは5月に再びレースに出る見通しだ。"),
]


def test_she_does_not_refer_to_an_organisation_of_the_paragraph_before() -> None:
    # the association is no "she": the translation names the rower it resolved the pronoun to
    assert findings(BODY_THEN_SHE, "agent") == []


def test_she_still_refers_to_the_person_the_paragraph_before_named() -> None:
    pairs = [
        (
            "Coach Maren Lindahl said Tove Ostberg would stroke the first eight at the regatta.",
            "マレン・リンダール監督によると、トーヴェ・オストベリがレガッタで第1エイトの整調を務める。",
        ),
        BODY_THEN_SHE[1],
    ]
    assert [f.text for f in findings(pairs, "agent")] == ["オストベリ"]


def test_a_speaker_made_a_company_is_not_also_reported_as_another_agent() -> None:
    pairs = [
        (
            "Carrow Mills will stop sending offcuts to landfill next year.",
            "キャロウ・ミルズは来年、端材の埋め立て処分をやめる。",
        ),
        (
            "Anneke Voss, the engineer who led the survey, said mills were hard to change. Voss said Carrow "
            "Mills had halved its waste mainly by changing how it sorts scrap.",
            "調査を率いた技術者のアネケ・フォス氏は、製材所を変えるのは難しいと述べた。フォス社によると、"
            "キャロウ・ミルズが廃棄物を半減できたのは、主に端材の分別方法を変えたためだという。",
        ),
    ]
    assert findings(pairs, "agent") == []
    assert [f.text for f in findings(pairs, "name-as-company")] == ["フォス社"]


def test_a_flip_in_the_first_of_two_negated_clauses_joined_by_a_bare_but_is_reported() -> None:
    pairs = [
        (
            "The trust had not ruled out more closures but had no plans to announce any this year.",
            "同トラストはさらなる閉鎖の可能性を排除しており、今年発表する計画はない。",
        )
    ]
    found = findings(pairs, "polarity")
    assert [f.text for f in found] == ["排除しており"]  # the flipped predicate, not the kept ない


def test_two_negated_clauses_joined_by_a_bare_but_and_both_kept_are_no_flip() -> None:
    pairs = [
        (
            "The trust had not ruled out more closures but had no plans to announce any this year.",
            "同トラストはさらなる閉鎖の可能性を排除していないが、今年発表する計画はない。",
        )
    ]
    assert findings(pairs, "polarity") == []


def test_a_bound_before_a_rate_period_binds_the_number_after_it() -> None:
    pairs = [
        ("The pool will open at least three days a week.", "プールは最大で週3日開く。"),
        ("Patients may take up to two doses a day.", "患者は少なくとも1日2回服用できる。"),
    ]
    assert [f.text for f in findings(pairs, "comparison")] == ["最大で週3", "少なくとも1日2"]


def test_a_bound_before_a_rate_period_that_agrees_is_no_finding() -> None:
    pairs = [
        ("The pool will open at least three days a week.", "プールは少なくとも週3日開く。"),
        ("Patients may take up to two doses a day.", "患者は最大で1日2回服用できる。"),
    ]
    assert findings(pairs, "comparison") == []


def test_an_added_sentence_after_a_one_sentence_paragraph_fully_rendered_is_reported() -> None:
    pairs = [
        (
            "The trust said residents could report broken lamps through its website, and that the "
            "scheme would be reviewed after six months.",
            "トラストによると、住民はウェブサイトを通じて故障した街灯を報告でき、制度は6カ月後に見直される。"
            "夜間の巡回は地元の警察が担当する。",
        )
    ]
    assert [f.text for f in findings(pairs, "addition")] == ["夜間の巡回は地元の警察が担当する。"]


def test_a_long_sentence_split_in_two_is_no_addition() -> None:
    pairs = [
        (
            "The trust said residents could report broken lamps through its website, and that the "
            "scheme would be reviewed after six months.",
            "トラストによると、住民はウェブサイトを通じて故障した街灯を報告できる。制度は6カ月後に見直される。",
        )
    ]
    assert findings(pairs, "addition") == []


def test_staff_turnover_rendered_as_sales_is_the_wrong_sense() -> None:
    wrong = [("Staff turnover at the hospital fell to 12% last year.", "同病院の売上高は昨年12%に低下した。")]
    right = [
        ("Staff turnover at the hospital fell to 12% last year.", "同病院の職員の離職率は昨年12%に低下した。")
    ]
    assert [f.text for f in findings(wrong, "sense")] == ["売上"]
    assert findings(right, "sense") == []


def test_a_bill_for_heating_is_a_request_for_payment() -> None:
    pairs = [("The school's heating bill has doubled since 2020.", "同校の暖房法案は2020年以降倍増した。")]
    assert [f.text for f in findings(pairs, "sense")] == ["法案"]


def test_new_idioms_rendered_word_for_word_are_reported() -> None:
    pairs = [
        (
            "Parents said they had been left in the dark about the closure.",
            "保護者らは、閉鎖について暗闇の中に残されたと述べた。",
        ),
        ("The squad will have to dig deep on Saturday.", "チームは土曜日、深く掘る必要がある。"),
        ("The talks have ground to a halt.", "協議は挽いて止まった。"),
        ("A deal is on the cards for next year.", "来年の合意はカードの上にある。"),
    ]
    assert [f.text for f in findings(pairs, "literal-idiom")] == [
        "暗闇の中に残さ",
        "深く掘",
        "挽い",
        "カード",
    ]


def test_new_idioms_rendered_by_their_meaning_are_not_reported() -> None:
    pairs = [
        (
            "Parents said they had been left in the dark about the closure.",
            "保護者らは、閉鎖について何も知らされていなかったと述べた。",
        ),
        ("Investigators will dig deeper into the accounts.", "調査官は帳簿をさらに深く掘り下げる。"),
        ("The talks have ground to a halt.", "協議は停止した。"),
        ("A deal is on the cards for next year.", "来年の合意の可能性が高い。"),
    ]
    assert findings(pairs, "literal-idiom") == []


def test_no_longer_than_is_an_upper_bound() -> None:
    right = [("Shifts will last no longer than ten hours from March.", "3月からシフトは10時間以内となる。")]
    wrong = [("Shifts will last no longer than ten hours from March.", "3月からシフトは10時間以上となる。")]
    assert findings(right, "comparison") == [] and findings(right, "polarity") == []
    assert [f.text for f in findings(wrong, "comparison")] == ["10時間以上"]


def test_no_higher_than_may_be_rendered_with_or_without_a_negation() -> None:
    pairs = [
        ("Side effects were no higher than in the placebo group.", "副作用は偽薬群を上回らなかった。"),
        ("The fee will be no higher than £20.", "料金は20ポンド以内となる。"),
    ]
    assert findings(pairs, "polarity") == []


def test_new_sense_rows_report_the_other_sense() -> None:
    pairs = [
        ("Two men were charged with possession of a weapon.", "男2人が武器所持で料金を請求された。"),
        (
            "Inspectors found a broken seal on the freezer door.",
            "検査官は冷凍庫の扉の封印が壊れているのを見つけた。",
        ),
        ("Bookings for the new sleeper open in May.", "新しい枕木の予約は5月に始まる。"),
        ("Engineers replaced 400 sleepers on the line.", "技術者が路線の寝台400本を交換した。"),
    ]
    assert [f.text for f in findings(pairs, "sense")] == ["料金", "封印", "枕木", "寝台"]


def test_new_sense_rows_accept_the_right_sense() -> None:
    pairs = [
        ("Two men were charged with possession of a weapon.", "男2人が武器所持の罪で起訴された。"),
        (
            "Inspectors found a broken seal on the freezer door.",
            "検査官は冷凍庫の扉のパッキンが壊れているのを見つけた。",
        ),
        ("Bookings for the new sleeper open in May.", "新しい寝台列車の予約は5月に始まる。"),
        ("Engineers replaced 400 sleepers on the line.", "技術者が路線の枕木400本を交換した。"),
    ]
    assert findings(pairs, "sense") == []


def test_a_negation_before_but_and_a_verb_is_no_only_construction() -> None:
    pairs = [
        (
            "The association said it did not oppose the plan but was worried the signs could stay up for "
            "months.",
            "同協会は、この計画に反対しているとしたうえで、表示が数カ月間掲示されたままになるかもしれないと懸念を示した。",
        )
    ]
    assert [f.text for f in findings(pairs, "polarity")] == ["反対している"]


def test_a_risk_said_with_kanenai_is_no_flip() -> None:
    pairs = [
        (
            "The association said it did not oppose the plan but was worried the signs could stay up for "
            "months.",
            "同協会は、この計画に反対しないとしたうえで、表示が数カ月間掲示されたままになりかねないと懸念を示した。",
        ),
        ("The delay could cost the club its licence.", "この遅れでクラブは免許を失いかねない。"),
    ]
    assert findings(pairs, "polarity") == []


def test_a_negated_can_is_reported_on_the_potential_the_translation_affirms() -> None:
    pairs = [
        (
            "“You can't fine your way out of this,” she said.",
            "「罰金によってこの状況から抜け出すことはできる」と彼女は述べた。",
        ),
        ("Crews could not reach the village.", "救助隊は村にたどり着くことができた。"),
    ]
    assert [f.text for f in findings(pairs, "polarity")] == ["抜け出すことはできる", "たどり着くことができた"]


# The reviewer's probes (helper-170): what the first versions of this session's rules got wrong.


def test_review_a_one_of_a_currency_per_cent_or_another_currency_does_not_imply() -> None:
    pairs = [
        (
            "Fares will rise 5 per cent in April, the operator said.",
            "運行会社によると、運賃は4月に1ポンド、5％値上がりする。",
        ),
        (
            "Each euro of the grant must be spent by June. The fare rose to $3 in May.",
            "助成金は1ユーロ残らず6月までに使わなければならない。運賃は5月に1ドルから3ドルに上がった。",
        ),
    ]
    assert [f.text for f in findings(pairs, "numbers")] == ["1ポンド", "1ドル"]


def test_review_a_person_whose_surname_is_an_organisation_word_is_still_he() -> None:
    pairs = [
        (
            "Coach Bruce Arena said Jordan Morris would start against Mexico on Saturday.",
            "ブルース・アリーナ監督は、ジョーダン・モリスが土曜日のメキシコ戦に先発すると述べた。",
        ),
        (
            "He is expected to name his full squad on Friday.",
            "モリスは金曜日に全メンバーを発表する見通しだ。",
        ),
    ]
    assert [f.text for f in findings(pairs, "agent")] == ["モリス"]


def test_review_the_company_named_with_sha_is_no_other_agent() -> None:
    pairs = [
        (
            "Carrow Mills will stop sending offcuts to landfill next year.",
            "キャロウ・ミルズは来年、端材の埋め立て処分をやめる。",
        ),
        (
            "The company said it had halved its waste.",
            "キャロウ・ミルズ社によると、同社は廃棄物を半減させた。",
        ),
    ]
    assert findings(pairs, "agent") == []


def test_review_the_potential_of_another_clause_is_not_the_flip() -> None:
    pairs = [
        (
            "Firefighters could not save the house, but they were able to rescue the family's dog.",
            "消防士は家を救ったが、一家の犬を救出することができた。",
        )
    ]
    assert [f.text for f in findings(pairs, "polarity")] == ["救った"]


def test_review_no_more_than_excuses_only_a_negated_comparison() -> None:
    pairs = [
        (
            "The fine will be no more than £500, and drivers will keep their licences.",
            "罰金は500ポンド以下で、運転手は免許を保持できない。",
        )
    ]
    assert [f.text for f in findings(pairs, "polarity")] == ["できない"]


def test_review_literal_uses_of_the_new_idioms_are_not_reported() -> None:
    pairs = [
        (
            "The crash happened at a crossroads just outside the village.",
            "事故は村のすぐ外の交差点で起きた。",
        ),
        (
            "Engineers found a crack in the pipeline near the border.",
            "技術者が国境近くのパイプラインに亀裂を見つけた。",
        ),
        (
            "Thousands of homes were left in the dark after the storm brought down power lines.",
            "嵐で電線が切れ、数千世帯が暗闇に包まれた。",
        ),
        (
            "Rescuers dug deep into the rubble in search of survivors.",
            "救助隊は生存者を捜してがれきを深く掘り進めた。",
        ),
        (
            "The bank said the fees on the cards would rise in May.",
            "銀行によると、カードの手数料は5月に上がる。",
        ),
        (
            "The rider in the red jersey crashed on the final descent.",
            "赤色のジャージの選手が最後の下りで転倒した。",
        ),
        (
            "The court heard he gave the woman a slap in the face.",
            "法廷では、男が女性の顔を平手打ちしたと述べられた。",
        ),
    ]
    assert findings(pairs, "literal-idiom") == []


def test_review_charge_and_bill_in_their_everyday_senses_are_not_reported() -> None:
    pairs = [
        (
            "Drivers will face a £15 daily charge to enter the zone, a council officer said.",
            "議会の職員によると、運転者は区域への進入に1日15ポンドの料金を課される。",
        ),
        (
            "The bill would raise the minimum wage for farm workers from next year.",
            "この法案は来年から農業労働者の最低賃金を引き上げる。",
        ),
        ("The bill would freeze fuel duty for another year.", "この法案は燃料税をさらに1年据え置く。"),
    ]
    assert findings(pairs, "sense") == []
