"""What the fresh tune pages of 2026-12-07 (twenty-second session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def test_a_speakers_own_negated_clause_after_what_was_said() -> None:
    source = (
        "The housing minister, Clara Venn, said the council would publish its plans next spring "
        "but did not commit to a date."
    )
    flipped = "クララ・ベン住宅相は、議会は来春計画を公表すると述べ、日程も約束した。"
    kept = "クララ・ベン住宅相は、議会は来春計画を公表すると述べたが、日程は約束しなかった。"
    # the flip is the clause after the reporting verb, not the reported one (公表する)
    assert _found("polarity", source, flipped) == ["約束した"]
    assert _found("polarity", source, kept) == []
    # a negation inside what was said stays with the reported clause
    reported = "Venn said the council would not publish its plans before the spring."
    assert _found("polarity", reported, "ベン氏は、議会は春より前に計画を公表すると述べた。") == ["公表する"]


def test_senses_of_ships_exams_batteries_homes_insurance_and_data() -> None:
    cases = [
        (
            "The dredging lets ships with a deeper draft reach the quay at low tide.",
            "浚渫により、より深い草案を持つ船も干潮時に岸壁に着けるようになる。",
            "浚渫により、喫水の深い船も干潮時に岸壁に着けるようになる。",
            "草案",
        ),
        (
            "Examiners will mark the scripts of 4,000 candidates by July.",
            "採点者は7月までに受験者4000人の台本を採点する。",
            "採点者は7月までに受験者4000人の答案を採点する。",
            "台本",
        ),
        (
            "The lithium battery cells are made in Poland.",
            "リチウム電池の細胞はポーランドで製造されている。",
            "リチウム電池のセルはポーランドで製造されている。",
            "細胞",
        ),
        (
            "Private landlords own a quarter of the town's housing stock.",
            "民間の家主が町の住宅株の4分の1を所有している。",
            "民間の家主が町の住宅ストックの4分の1を所有している。",
            "株",
        ),
        (
            "Her home insurance policy did not cover the contents of the garage.",
            "彼女の住宅保険はガレージの目次を補償していなかった。",
            "彼女の住宅保険はガレージの中身を補償していなかった。",
            "目次",
        ),
        (
            "The app said it relied on legitimate interests to process the data.",
            "同アプリは、データの処理には正当な利子に依拠していると説明した。",
            "同アプリは、データの処理には正当な利益に依拠していると説明した。",
            "利子",
        ),
    ]
    for source, wrong, right, text in cases:
        assert _found("sense", source, wrong) == [text], source
        assert _found("sense", source, right) == [], source


def test_the_last_resort_as_an_idiom() -> None:
    source = "The chairman said closing the ground would be a last resort."
    assert _found("literal-idiom", source, "会長は、グラウンドの閉鎖は最後のリゾートだと述べた。") == [
        "リゾート"
    ]
    assert _found("literal-idiom", source, "会長は、グラウンドの閉鎖は最後の手段だと述べた。") == []


def test_the_subject_of_said_after_a_clause_and_but() -> None:
    source = (
        'Quill called the state of the stand "a disgrace". Under the current lease, the club is responsible '
        "for maintaining the stand, but she said Wanderers could not fund the work without a longer "
        "agreement that would let them borrow against the ground."
    )
    target = (
        "クイル氏は、スタンドの状態を「恥だ」と呼びました。現行の賃貸借契約ではスタンドの維持管理はクラブの責任"
        "ですが、同氏によると、グラウンドを担保に借り入れができるような長期の契約がなければ、ワンダラーズは"
        "工事の資金を賄えないということです。"
    )
    # the subject of "said" is "she" (クイル氏, 同氏), not the clause before "but"
    assert _found("agent", source, target) == []


def test_two_negated_clauses_joined_by_and_no() -> None:
    source = "The harbour master said no oil had spilled and no birds had been hurt."
    flipped = "港長は、油が流出したものの、鳥に被害はなかったと述べた。"
    kept = "港長は、油は流出しておらず、鳥に被害はなかったと述べた。"
    # the first clause lost its negation; the finding names its verb, not the noun after "no"
    assert _found("polarity", source, flipped) == ["流出した"]
    assert _found("polarity", source, kept) == []
    # no negation inside a list of nouns: "no heating and no hot water" is one clause
    cold = "The tenants have had no heating and no hot water since Monday."
    assert _found("polarity", cold, "入居者は月曜日から暖房もお湯も使えていない。") == []


def test_a_century_spelled_as_an_ordinal() -> None:
    source = "The chapel's roof was probably replaced in the fifteenth century."
    assert _found("numbers", source, "礼拝堂の屋根はおそらく15世紀に葺き替えられた。") == []
    assert _found("numbers", source, "礼拝堂の屋根はおそらく16世紀に葺き替えられた。") == ["16"]
    assert _found("numbers", "A twenty-first century library.", "21世紀の図書館。") == []


def test_a_rate_written_with_a_or_an() -> None:
    source = "Heating oil now costs 92p a litre."
    assert _found("units", source, "灯油は現在1ガロン92ペンスだ。") == ["1ガロン"]
    assert _found("units", source, "灯油は現在1リットル92ペンスだ。") == []
    assert _found("units", source, "灯油は現在1リットル当たり92ペンスだ。") == []
    # "a month ago" is a time, not a rate
    ago = "Barley fetched €205 per tonne, up from €180 a month ago."
    assert _found("units", ago, "大麦は1カ月前の1トン当たり180ユーロから205ユーロに上がった。") == []


def test_little_to_spend_and_kept_moving_say_not_in_their_meaning() -> None:
    little = "The library said the cuts would leave it with very little to spend on new books."
    assert (
        _found("polarity", little, "図書館は、削減により新しい本に使える予算がほとんど残らないと述べた。")
        == []
    )
    kept = '"Our crews kept the ferries running through the storm," the union said.'
    assert _found("polarity", kept, "「乗組員たちは嵐の間もフェリーを止めなかった」と組合は述べた。") == []
    # a real flip beside them is still found
    flip = "The ferries did not run during the storm."
    assert _found("polarity", flip, "嵐の間もフェリーは運航した。") == ["運航した"]


def test_minasu_and_yogi_naku_are_no_negations() -> None:
    # みなされて (regarded) and 余儀なくされた (forced to) hold な-forms that negate nothing: a lost
    # "no longer" beside them is still found
    regarded = "The virus is no longer regarded as a national emergency."
    assert _found("polarity", regarded, "このウイルスは引き続き国家的な緊急事態とみなされている。") != []
    assert _found("polarity", regarded, "このウイルスはもはや国家的な緊急事態とはみなされていない。") == []
    forced = "The ferry no longer calls at Rellan, forcing islanders to travel via the mainland."
    flipped = "フェリーは引き続きレラン島に寄港しており、島民は本土経由での移動を余儀なくされている。"
    kept = "フェリーはもうレラン島に寄港しておらず、島民は本土経由での移動を余儀なくされている。"
    assert _found("polarity", forced, flipped) != []
    assert _found("polarity", forced, kept) == []


def test_a_movement_turned_round_beside_a_cause() -> None:
    cause = "Hospital admissions fell sharply after the vaccine was offered to the over-60s."
    assert _found("comparison", cause, "60歳以上へのワクチン接種が始まった後、入院者数は急増した。") == [
        "急増"
    ]
    assert _found("comparison", cause, "60歳以上へのワクチン接種が始まった後、入院者数は急減した。") == []
    # a cause and its effect that move: the effect turned round is found, each kept way is not
    both = "Bus journeys rose by 12% after the council lowered fares."
    assert _found("comparison", both, "議会が運賃を引き下げた後、バスの利用は12%減少した。") == ["減少"]
    assert _found("comparison", both, "議会が運賃を引き下げた後、バスの利用は12%増加した。") == []
    # a rate raised, rendered as cut
    assert _found("comparison", "The bank raised its main rate.", "同銀行は主要金利を引き下げた。") == [
        "引き下げ"
    ]


def test_japanese_words_that_render_a_negation() -> None:
    cases = [
        ("The bank did not change its main rate on Thursday.", "同銀行は木曜日、主要金利を据え置いた。"),
        ("About 4,000 homes were left without power after the gale.", "強風の後、約4000戸が停電した。"),
        (
            "No trains will run between Aldgate and Moor Park on Sunday.",
            "日曜日はオールドゲート―ムーアパーク間で列車が運休する。",
        ),
        (
            "The beetle had never before been found in Scotland.",
            "この甲虫がスコットランドで見つかったのは初めてだ。",
        ),
    ]
    for source, target in cases:
        assert _found("polarity", source, target) == [], source
    # 据え置き that renders "stay" explains no negation: the flip beside it is found
    stay = "Fees will stay at £40, and families will not pay for a second child."
    assert _found("polarity", stay, "会費は40ポンドに据え置き、家庭は2人目の子どもの分も支払う。") != []


def test_earlier_and_later_than() -> None:
    source = "The swifts returned four days earlier than last year."
    assert _found("comparison", source, "アマツバメは昨年より4日遅く戻ってきた。") == ["より4日遅く"]
    assert _found("comparison", source, "アマツバメは昨年より4日早く戻ってきた。") == []
    later = "The bridge will reopen later than planned."
    assert _found("comparison", later, "橋は予定より早く再開する。") == ["より早く"]
    assert _found("comparison", later, "橋の再開は予定より遅れる。") == []


def test_a_cancellation_rendered_as_one_explains_no_other_negation() -> None:
    source = "The ferry company cancelled all sailings because of the gale. No passengers were stranded."
    assert _found("polarity", source, "フェリー会社は強風のため全便を欠航とし、乗客が足止めされた。") != []


def test_the_highest_or_lowest_since_a_year() -> None:
    source = "Unemployment fell to 3.1%, the lowest since 1975."
    assert _found("comparison", source, "失業率は3.1%に低下し、1975年以来の高水準となった。") == [
        "以来の高水準"
    ]
    assert _found("comparison", source, "失業率は3.1%に低下し、1975年以来の低水準となった。") == []
    high = "The krona hit its highest level in eight years."
    assert _found("comparison", high, "クローナは8年ぶりの安値を付けた。") == ["ぶりの安値"]
    assert _found("comparison", high, "クローナは8年ぶりの高値を付けた。") == []
