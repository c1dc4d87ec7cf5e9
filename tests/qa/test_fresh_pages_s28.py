"""What the fresh tune pages of 2026-12-07 (nineteenth session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def test_a_time_written_with_a_dot_is_an_hour_and_minutes() -> None:
    # British English writes 7.40am; 午前7時40分 renders it (not a number 7.4 against 7 and 40)
    source = "The first ferry now leaves the harbour at 6.50am, and the last one at 10.15pm."
    right = "始発のフェリーは午前6時50分に、最終便は午後10時15分に港を出る。"
    assert _found("numbers", source, right) == []
    assert _found("dates", source, right) == []
    wrong_hour = "始発のフェリーは午前7時50分に、最終便は午後10時15分に港を出る。"
    assert _found("numbers", source, wrong_hour) == ["7"]
    assert _found("dates", source, "始発のフェリーは午前6時50分に、最終便は午前10時15分に港を出る。") == [
        "午前10時15分"
    ]
    # every way Japanese writes the time: no minutes for .00, 半, the 24-hour clock, 午前0時 for 12am
    for english, japanese_ in (
        ("The polls close at 10.00pm.", "投票は午後10時に締め切られる。"),
        ("Kick-off is at 7.30pm.", "キックオフは午後7時半。"),
        ("The train leaves at 7.40pm.", "列車は19時40分に出発する。"),
        ("The bar shuts at 12.30am.", "バーは午前0時30分に閉まる。"),
        ("The ferry leaves at 7.40AM daily.", "フェリーは毎日午前7時40分に出発する。"),
        ("The ferry leaves at 7.40a.m. daily.", "フェリーは毎日午前7時40分に出発する。"),
    ):
        assert _found("numbers", english, japanese_) == [], english
    # a decimal is still a decimal where no am/pm follows
    assert _found("numbers", "The rate rose to 6.50 per cent.", "金利は6.5%に上昇した。") == []
    assert _found("numbers", "The rate rose to 6.50 per cent.", "金利は6.8%に上昇した。") == ["6.8%"]


def test_a_degree_adverb_before_the_japanese_comparison_verb_keeps_it_a_bound() -> None:
    # 49トンをわずかに上回った is "slightly above 49 tonnes": against "slightly below" it is turned round
    source = "The new variety yielded 46 tonnes a hectare, slightly below the 49 tonnes of the old one."
    turned = "新品種の収量は1ヘクタール当たり46トンで、従来品種の49トンをわずかに上回った。"
    assert _found("comparison", source, turned) == ["49トンをわずかに上回"]
    kept = "新品種の収量は1ヘクタール当たり46トンで、従来品種の49トンをわずかに下回った。"
    assert _found("comparison", source, kept) == []


def test_an_english_word_of_emptiness_explains_a_japanese_negation() -> None:
    # 使われなくなる建物 renders "the empty buildings"; the same negation against plain "buildings" is added
    empty = "The trust said the empty warehouses on the quay would be sold next year."
    rendered = "トラストは、岸壁の使われなくなった倉庫を来年売却すると述べた。"
    assert _found("polarity", empty, rendered) == []
    plain = "The trust said the warehouses on the quay would be sold next year."
    assert _found("polarity", plain, rendered) == ["使われなく"]
    # only a clause before its noun: a predicate's negation stays one ("The empty shop will reopen")
    assert _found("polarity", "The empty shop will reopen in May.", "空き店舗は5月に再開しない。") == [
        "しない"
    ]


def test_a_sentence_split_off_with_a_number_of_its_own_is_no_addition() -> None:
    # "…since 2015, when the county had 14 lidos" split in two: the second sentence's 14 is the English's
    source = "It is the third lido to close in Wexmoor since 2015, when the county had 14 open-air pools."
    split = (
        "ウェクスムーアで閉鎖される屋外プールは2015年以降で3カ所目となる。"
        "2015年当時、州内には屋外プールが14カ所あった。"
    )
    assert _found("addition", source, split) == []
    # a sentence whose number the English nowhere has is still one
    added = (
        "ウェクスムーアで閉鎖される屋外プールは2015年以降で3カ所目となる。"
        "州内の利用者は昨年、延べ9万人に達した。"
    )
    assert _found("addition", source, added) == ["州内の利用者は昨年、延べ9万人に達した。"]


def test_believing_it_when_one_sees_it_is_not_believing_it_until_then() -> None:
    said = '"We will believe it when we see the first train leave the new platform," the group said.'
    rendered = "「新しいホームから最初の列車が出発するのを見るまでは信じない」と同団体は述べた。"
    assert _found("polarity", said, rendered) == []
    plain = '"We believe the first train will leave the new platform," the group said.'
    flipped = "「新しいホームから最初の列車が出発するとは信じない」と同団体は述べた。"
    assert _found("polarity", plain, flipped) == ["信じない"]


def test_decibels_and_hertz_are_units_of_their_own() -> None:
    source = "The siren, which sounds for about 20 seconds, reaches up to 90 decibels."
    assert _found("units", source, "約20秒間鳴るサイレンは、最大90ヘルツに達する。") == ["90ヘルツ"]
    assert _found("units", source, "約20秒間鳴るサイレンは、最大90デシベルに達する。") == []
    assert _found("units", "The network uses the 700 megahertz band.", "同網は700ヘルツ帯を使う。") == [
        "700ヘルツ"
    ]


def test_at_most_said_with_ookutemo_is_a_bound_below_the_number() -> None:
    source = "The alarms will be tested at least twice a year."
    assert _found("comparison", source, "警報の試験は多くても年2回行われる。") == ["多くても年2"]
    assert _found("comparison", source, "警報の試験は少なくとも年2回行われる。") == []
    assert _found(
        "comparison", "Each family may claim at least three.", "各家庭が申請できるのは多くとも3件だ。"
    ) == ["多くとも3"]


def test_likelihood_is_compared_by_direction() -> None:
    source = "Rural patients were less likely to attend their follow-up appointments, the study found."
    assert _found(
        "comparison", source, "調査によると、地方の患者は経過観察の予約に来院する可能性がより高かった。"
    ) == ["より高かっ"]
    assert (
        _found(
            "comparison", source, "調査によると、地方の患者は経過観察の予約に来院する可能性がより低かった。"
        )
        == []
    )


def test_hi_of_a_non_word_renders_no_english_negation() -> None:
    # 非営利 renders "non-profit", おらず "had not received": nothing renders "would not apply again"
    source = "The non-profit trust said it had not received the grant, and it would not apply again."
    flipped = "非営利のトラストは、助成金を受け取っておらず、再び申請するだろうと述べた。"
    assert _found("polarity", source, flipped) == ["申請するだろう"]
    kept = "非営利のトラストは、助成金を受け取っておらず、再び申請することもないと述べた。"
    assert _found("polarity", source, kept) == []


def test_a_second_negated_verb_after_a_bare_and_is_compared_on_its_own() -> None:
    # "did not go far enough and would not cut": 足りず renders the first, nothing the second
    source = "The union said the offer did not go far enough and would not end the dispute."
    flipped = "組合は、提示は踏み込みが足りず、争議は終わるだろうと述べた。"
    assert _found("polarity", source, flipped) == ["終わるだろう"]
    kept = "組合は、提示は踏み込みが足りず、争議は終わらないだろうと述べた。"
    assert _found("polarity", source, kept) == []


def test_taisyougai_renders_left_out_and_an_attribution_parts_no_clause() -> None:
    # 対象外 renders "left out"; 対応していない "do not support"; nothing renders "did not receive"
    source = (
        "Radios that were switched off did not receive the warning, and older sets that do not support "
        "the signal were also left out, the broadcaster said."
    )
    flipped = (
        "放送局によると、電源が切られていたラジオにも警報が届き、"
        "信号に対応していない古い受信機も対象外だった。"
    )
    assert _found("polarity", source, flipped) == ["届き"]
    kept = (
        "放送局によると、電源が切られていたラジオには警報が届かず、"
        "信号に対応していない古い受信機も対象外だった。"
    )
    assert _found("polarity", source, kept) == []


def test_an_added_sentence_with_only_the_englishs_number_is_still_added() -> None:
    # 62 is the English's, nothing else of the sentence is: an addition, not a split
    source = "Mr Brown, 62, was fined £500 by magistrates in Leeds."
    added = (
        "ブラウン被告はリーズの治安判事裁判所で500ポンドの罰金を科された。62歳の同被告には前科が3件あった。"
    )
    assert _found("addition", source, added) == ["62歳の同被告には前科が3件あった。"]
