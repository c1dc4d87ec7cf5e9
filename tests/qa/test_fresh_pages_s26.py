"""What the fresh tune pages of 2026-12-07 (second session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings

DISTILLERS = (
    "The ministry claims the subsidies give distillers an unfair advantage.",
    "同省は、この補助金が蒸留業者に不当な優位性を与えていると主張しています。",
)
UNION = (
    "The Distillery Workers' Union called for talks with ministers.",
    "蒸留所労働者組合は閣僚との協議を求めました。",
)


def _agent(*pairs: tuple[str, str]) -> list[str]:
    return [f.text for f in findings(list(pairs), "agent")]


def test_a_body_named_by_its_first_part_is_the_english_one() -> None:
    # "distillers" is no name where the English writes it in lower case too, so ディスティラーズ sounds most
    # like "Distillery"; the body's first part renders its own name
    body = (
        "Corrievale Distillers, the county's biggest employer, said it would pause hiring.",
        "州最大の雇用主であるコリーヴェイル・ディスティラーズは、採用を一時停止すると発表しました。",
    )
    assert _agent(DISTILLERS, body, UNION) == []


def test_another_body_of_the_same_kind_is_still_a_wrong_agent() -> None:
    body = (
        "Corrievale Distillers, the county's biggest employer, said it would pause hiring.",
        "州最大の雇用主であるバルネイ・ディスティラーズは、採用を一時停止すると発表しました。",
    )
    other = ("Balnay Distillery said it would not.", "バルネイ蒸留所はしないと述べた。")
    assert _agent(DISTILLERS, body, UNION, other) == ["バルネイ・ディスティラーズ"]


def _idiom(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "literal-idiom")]


def test_an_idiom_rendered_by_the_dictionary_senses_of_its_words() -> None:
    # no listed literal word (帆走 is not 航海): the idiom's own words, side by side
    assert _idiom(
        "Once you pass the first gate it's plain sailing.", "最初の門を過ぎれば、あとは平らな帆走だ。"
    ) == ["平らな帆走"]
    # an interrupted rendering of an inflected idiom: 角を一切切り for "cutting any corners"
    assert _idiom("The builders won't be cutting any corners.", "建設業者は角を一切切りません。") == [
        "角を一切切り"
    ]


def test_an_idiom_rendered_by_its_meaning_is_no_finding() -> None:
    assert (
        _idiom("Once you pass the first gate it's plain sailing.", "最初の門を過ぎれば、あとは順調だ。") == []
    )
    assert _idiom("The builders won't be cutting any corners.", "建設業者は一切手を抜きません。") == []


def test_words_in_one_compound_or_in_other_clauses_are_no_word_for_word_rendering() -> None:
    # "reading room" is a room for reading (閲覧室), whatever "read the room" means
    assert _idiom("The library's reading room will reopen.", "図書館の閲覧室が再開する。") == []
    # a school day's end: 下 and 登校時 lie in different clauses
    assert (
        _idiom(
            "Under the rules, pupils hand in phones when they arrive and collect them at the end of the day.",
            "新規則の下で、生徒は登校時に携帯電話を預け、下校時に受け取る。",
        )
        == []
    )


def _polarity(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "polarity")]


def test_a_negation_beside_a_verb_of_refusal_is_not_explained_by_that_verb() -> None:
    source = "The mayor said the council had not been warned about the flood and rejected the report."
    # 退けた renders "rejected": "had not been warned" is left, rendered affirmatively
    assert _polarity(source, "市長は、議会は洪水について警告を受けていたと述べ、報告書を退けた。") == ["警告"]
    assert _polarity(source, "市長は、議会は洪水について警告を受けていなかったと述べ、報告書を退けた。") == []
    # a word of refusal for each negation: nothing is left
    refused = ("The mayor did not comment and rejected the report.", "市長はコメントを控え、報告書を退けた。")
    assert _polarity(*refused) == []


def test_despite_is_no_negation_of_the_translation() -> None:
    source = "The ferry operator has not raised fares this year, despite higher fuel costs."
    # にもかかわらず ("despite") has the ず of a negation in its spelling only
    assert _polarity(source, "燃料費の高騰にもかかわらず、同社は今年運賃を値上げした。") == ["値上げした"]
    assert _polarity(source, "燃料費の高騰にもかかわらず、同社は今年運賃を値上げしていない。") == []


def _comparison(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "comparison")]


def test_a_than_comparison_turned_round_by_a_verb_of_comparison() -> None:
    source = "The ferry carried more passengers in the first half of the year than in the whole of 2021."
    assert _comparison(source, "フェリーの上半期の乗客数は、2021年通年の乗客数を下回った。") == ["下回っ"]
    assert _comparison(source, "フェリーの上半期の乗客数は、すでに2021年通年の乗客数を上回った。") == []
    assert _comparison("Rents were lower than in 2019.", "家賃は2019年を上回った。") == ["上回っ"]
    # negated on both sides; and a bound on a number, which the bounds compare as values (once)
    assert _comparison("Turnout was not higher than in 2019.", "投票率は2019年を上回らなかった。") == []
    assert _comparison("More than 300 people attended.", "参加者は300人を下回った。") == ["300人を下回"]


def test_the_shipped_idioms_include_news_idioms_and_a_title_is_no_idiom() -> None:
    sat = "Ministers are sitting on their hands while prices rise."
    assert _idiom(sat, "物価が上がる中、閣僚らは手の上に座っている。") != []
    assert _idiom(sat, "物価が上がる中、閣僚らは手をこまねいている。") == []
    # a newspaper's name, capitalised, is no idiom
    assert _idiom("The Inside Track is a local paper.", "インサイドトラックは地元の新聞だ。") == []
    assert _idiom("The bidder has the inside track.", "その入札者は内側のトラックを持っている。") != []


def _addition(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "addition")]


def test_a_short_added_sentence_that_renders_nothing_of_its_own_beside_loose_renderings() -> None:
    # "staff" (人) and "meeting" (会談) match nothing in the dictionary: that once made any second sentence a
    # possible part of a split; this one repeats the topic (協会は) and renders nothing else of the English
    source = (
        "The Harbour Pilots' Association, which represents about 140 staff at the county's ports, called for "
        "an urgent meeting with the minister."
    )
    added = "協会は来月にもストライキの是非を問う投票を行う予定だ。"
    assert _addition(
        source, "郡内の港で働く約140人を代表する港湾水先案内人協会は、大臣との緊急会談を求めた。" + added
    ) == [added]
    # a sentence split in two: the second renders the English's own words
    source = (
        "The association, which represents about 140 pilots at the county's ports, called for urgent talks "
        "with the minister and warned of a strike next month."
    )
    split = (
        "協会は郡内の港で働く約140人の水先案内人を代表している。"
        "協会は大臣との緊急協議を求め、来月のストライキを警告した。"
    )
    assert _addition(source, split) == []


def _omission(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "omission")]


def test_a_count_spelled_out_that_the_translation_drops() -> None:
    source = "The bakery chain said it would cut jobs at its four sites and delay a £3 million expansion."
    assert _omission(
        source, "同ベーカリーチェーンは、人員を削減し、300万ポンドの拡張を延期すると発表した。"
    ) == ["four sites"]
    assert (
        _omission(
            source, "同ベーカリーチェーンは、4拠点で人員を削減し、300万ポンドの拡張を延期すると発表した。"
        )
        == []
    )
    # a partitive's whole, and "seven days a week", are often left unsaid
    partitive = "Ashby, one of the three pilot towns, saw burglaries fall by half last year."
    assert _omission(partitive, "試行地区の一つアシュビーでは、昨年、空き巣が半減した。") == []
    assert _omission("The clinic will open seven days a week.", "診療所は毎日開く。") == []


def test_a_named_body_replaced_by_another_body_where_the_sentence_is_attributed() -> None:
    shortage = "There is a shortage of about 300 pilots, according to the Association of Harbour Masters."
    assert _agent((shortage, "運輸省によると、全国で水先案内人が約300人不足している。")) == ["運輸省"]
    assert _agent((shortage, "港長協会によると、全国で水先案内人が約300人不足している。")) == []
    survey = "A survey by the Linwood Institute in May found that 60 percent of drivers backed the plan."
    assert _agent((survey, "運輸省が5月に実施した調査では、運転者の60％が計画を支持した。")) == ["運輸省"]
    assert _agent((survey, "リンウッド研究所が5月に実施した調査では、運転者の60％が計画を支持した。")) == []
    said = "The Coastal Rowing Federation said the regatta would go ahead."
    assert _agent((said, "大会主催者によると、レガッタは予定通り開催される。")) == ["大会主催者"]
    assert _agent((said, "沿岸ボート連盟によると、レガッタは予定通り開催される。")) == []


def test_the_shipped_senses_include_news_words_of_shipping_and_customs() -> None:
    def sense(source: str, target: str) -> list[str]:
        return [f.text for f in findings([(source, target)], "sense")]

    berth = "The tanker will need a deeper berth at the quay."
    assert sense(berth, "タンカーには岸壁でより深い寝台が必要になる。") == ["寝台"]
    assert sense(berth, "タンカーには岸壁でより深い停泊場所が必要になる。") == []


def test_kanenai_says_could_and_is_no_negation() -> None:
    # …になりかねない ("could well become") is negative in form only: it renders no English "not"
    source = "The union said it did not oppose the plan but was worried that the delay could last for months."
    worry = "遅れが数カ月間続きかねないことを懸念していると述べた。"
    flipped = "組合は、この計画に反対しているとしたうえで、" + worry
    assert _polarity(source, flipped) == ["反対している"]
    right = "組合は、この計画に反対していないとしたうえで、" + worry
    assert _polarity(source, right) == []


def test_review_probes_of_the_new_rules_raise_no_false_alarm() -> None:
    # (a second reviewer's probes of this session's rules, correct translations all)
    assert (
        _comparison(
            "Imports were higher than exports for the third year running.", "輸出は3年連続で輸入を下回った。"
        )
        == []
    )
    assert (
        _comparison(
            "Growth was more modest than economists had expected.", "成長率はエコノミストの予想を下回った。"
        )
        == []
    )
    assert _comparison("Turnout was lower than in 2019.", "投票率は2019年を上回ることはなかった。") == []
    lost = "Sales rose more than expected in the first quarter, but profit fell short of forecasts."
    assert _comparison(lost, "第1四半期の売上高は予想以上に伸びたが、利益は予想を下回った。") == []
    assert (
        _omission(
            "Three in ten voters said they would back the plan, the poll found.",
            "世論調査によると、有権者の3割が計画を支持すると答えた。",
        )
        == []
    )
    assert (
        _omission(
            "The plant is one of its three sites in Wales, the company said.",
            "同社によると、この工場はウェールズにある同社の拠点の一つだ。",
        )
        == []
    )
    refused = (
        "The company rejected the claims and did not comment further.",
        "同社は主張に異を唱え、それ以上のコメントは控えた。",
    )
    assert _polarity(*refused) == []
    assert _idiom("The government's hands are tied by the treaty.", "政府は条約に手足を縛られている。") == []
    assert (
        _idiom("Actions speak louder than words, the coach said.", "言葉よりも行動が物を言うと監督は語った。")
        == []
    )


def test_a_body_of_the_same_kind_is_the_standard_name_of_the_named_one() -> None:
    # 英経営者協会 is how Japanese news names "the Institute of Directors": a body of the same kind (協会)
    said = (
        "The Institute of Directors said business confidence had fallen.",
        "英経営者協会は、企業の景況感が悪化したと述べた。",
    )
    assert _agent(said) == []
    # another kind of body (a ministry for an association) is still another body
    shortage = "There is a shortage of about 300 pilots, according to the Association of Harbour Masters."
    assert _agent((shortage, "運輸省によると、全国で水先案内人が約300人不足している。")) == ["運輸省"]
