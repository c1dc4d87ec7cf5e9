"""What the fresh tune pages of 2026-12-07 (twentieth session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def _document(check: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(f.segment, f.text) for f in findings(pairs, check)]


def test_half_width_brackets_round_half_width_text_are_a_house_style() -> None:
    # 氏(63), 連盟(KCA): many Japanese house styles keep half-width brackets round half-width text
    source = "Tom Reilly, 63, a member of the Kidney Care Alliance (KCA), said the unit was late."
    house_style = "腎臓ケア連盟(KCA)の会員トム・ライリー氏(63)は、開設が遅れたと述べた。"
    assert _found("punctuation-width", source, house_style) == []
    # round Japanese text they are still ASCII punctuation in Japanese text
    japanese_inside = "トム・ライリー氏(腎臓ケア連盟)は、開設が遅れたと述べた。"
    assert _found("punctuation-width", source, japanese_inside) == ["(", ")"]


def test_an_idiom_with_a_or_an_needs_its_noun_in_the_singular() -> None:
    # "lay an egg" is to fail; flies that "lay eggs" lay eggs
    flies = ("Blowflies lay eggs in damp wool.", "クロバエは湿った羊毛に卵を産みつける。")
    assert _found("literal-idiom", *flies) == []
    film = ("The new film laid an egg at the box office.", "その新作映画は興行で卵を産んだ。")
    assert _found("literal-idiom", *film) == ["卵"]


def test_one_sense_per_document_needs_the_documents_own_rendering_of_it() -> None:
    # "chairs" beside "board" in one sentence, rendered チェア there too, says nothing of the chairs of a
    # dialysis unit elsewhere
    furniture = [
        ("The unit has 16 dialysis chairs.", "ユニットには16台の透析チェアがある。"),
        ("The board said two chairs would stay empty.", "委員会は、チェア2台は空いたままと述べた。"),
    ]
    assert ("1", "チェア") not in _document("sense", furniture)
    # where the translation itself renders the person who leads the board, the bare "chair" is that person
    person = [
        ("The chair said the plan would be published in May.", "椅子は、計画は5月に公表されると述べた。"),
        ("The board's chair, Ann Lee, said it voted.", "委員会のアン・リー議長は、投票したと述べた。"),
    ]
    assert ("1", "椅子") in _document("sense", person)


def test_senses_of_a_device_driver_a_wool_staple_and_a_cast_from_a_mould() -> None:
    drivers = "The manufacturers have not released new drivers for the scanners and printers."
    assert _found("sense", drivers, "メーカーはスキャナー用の新しい運転手を出していない。") == ["運転手"]
    assert _found("sense", drivers, "メーカーはスキャナー用の新しいドライバーを出していない。") == []
    staple = "Buyers pay more for wool with a long staple."
    assert _found("sense", staple, "買い手は長い主食のある羊毛に高値を払う。") == ["主食"]
    assert _found("sense", "Wool is a staple of the valley's economy.", "羊毛は谷の経済の主要産物。") == []
    casts = "The team will make silicone casts of the prints."
    assert _found("sense", casts, "チームは足跡のシリコン製の配役を作る。") == ["配役"]
    assert _found("sense", casts, "チームは足跡のシリコン製の型を作る。") == []


def test_a_negated_reporting_verb_is_the_verb_the_finding_points_at() -> None:
    # "had not been told about the plans" rendered 説明を受けており: the predicate, not 計画 (the plans)
    source = "Parents had not been told about the plans by the council and had learned of them online."
    flipped = "保護者は州議会から計画について説明を受けており、ネットでそれを知ったという。"
    assert _found("polarity", source, flipped) == ["受けており"]
    kept = "保護者は州議会から計画について説明を受けておらず、ネットでそれを知ったという。"
    assert _found("polarity", source, kept) == []


def test_an_english_word_with_un_and_an_irregular_participle_explains_a_japanese_negation() -> None:
    source = "Ewes left unshorn in a heatwave could suffer heat stress within hours."
    rendered = "熱波の中で毛を刈られていない雌羊は、数時間で熱ストレスに陥るおそれがある。"
    assert _found("polarity", source, rendered) == []
    plain = "Ewes left in a heatwave could suffer heat stress within hours."
    assert _found("polarity", plain, "熱波の中に放置された雌羊は、熱ストレスに陥るおそれはない。") != []


def test_a_negated_refusal_rendered_as_a_refusal_is_a_flip() -> None:
    # "did not rule out opening" says it may open; 可能性を否定した says it will not
    source = "The chief executive said sessions would be added, and did not rule out opening on Saturdays."
    flipped = "最高経営責任者は枠を追加すると述べ、土曜日に開所する可能性を否定した。"
    assert _found("polarity", source, flipped) == ["否定した"]
    for right in (
        "最高経営責任者は枠を追加すると述べ、土曜日に開所する可能性も否定しなかった。",
        "最高経営責任者は枠を追加すると述べ、土曜日に開所する可能性も排除しなかった。",
        "最高経営責任者は枠を追加すると述べ、土曜日に開所する可能性もあると述べた。",
    ):
        assert _found("polarity", source, right) == [], right
    denied = "同社は報道を否定した。"
    assert _found("polarity", "The company did not deny the report.", denied) == ["否定した"]
    assert _found("polarity", "The company denied the report.", "同社は報道を否定した。") == []
    # "decline" is also to fall: "had not declined" rendered 減少した stays a flip
    squirrels = "The squirrel population on the farmland had not declined."
    assert _found("polarity", squirrels, "農地のリスの個体数は減少した。") == ["減少した"]


def test_a_body_named_by_what_it_is_or_by_its_name_rendered_as_another_bodys_acronym() -> None:
    opening = [
        (
            "The Westmere Health Board opened the unit on Monday.",
            "ウェストミア保健委員会は月曜日、ユニットを開設した。",
        ),
        (
            "The Kidney Care Alliance (KCA), a patients' charity, welcomed the opening.",
            "患者団体の腎臓ケア連盟(KCA)は開設を歓迎した。",
        ),
        (
            "The Public Service Workers Union (PSWU) said nurses were tired.",
            "公共サービス労働者組合(PSWU)は、看護師は疲れていると述べた。",
        ),
    ]

    def agent_findings(english: str, japanese_: str) -> list[str]:
        found = _document("agent", [*opening, (english, japanese_)])
        return [text for segment, text in found if segment == "4"]

    # "The board" is the Westmere Health Board; KCA is the page's charity
    hired = "KCAによると、同委員会は看護師11人を採用した。"
    assert agent_findings("The board said it had hired 11 nurses.", hired) == ["KCA"]
    # "The union" may well be the Public Service Workers Union; "the charity" is no body the page names so
    assert agent_findings("The union said it had hired 11 nurses.", "PSWUによると、11人が採用された。") == []
    assert agent_findings("The charity said it had hired 11 nurses.", "KCAによると、11人が採用された。") == []
    # a body called by its name, rendered as another body's acronym
    late = "KCAは、遅すぎると述べた。"
    assert agent_findings("Consumer group FairTech said it was too late.", late) == ["KCA"]
    assert agent_findings("The Kidney Care Alliance said it was too late.", late) == []


def test_a_sentence_that_says_when_and_renders_nothing_of_its_own_is_added() -> None:
    # one English sentence, two Japanese: the second says "around summer" of its own
    source = (
        "The museum has applied to the Heritage Lottery Fund for £250,000 to pay for a two-year survey of "
        "the wreck, including dives after every winter storm."
    )
    applied = (
        "博物館は、冬の嵐のたびに行う潜水調査を含む沈没船の2年間の調査費用として、"
        "文化遺産宝くじ基金に25万ポンドを申請した。"
    )
    summer = "審査の結果は夏ごろに出る見通しだ。"
    assert _found("addition", source, applied + summer) == [summer]
    assert _found("addition", source, applied) == []
    # a split that renders words of the English of its own is no addition
    split = (
        "博物館は文化遺産宝くじ基金に25万ポンドを申請した。"
        "冬の嵐のたびに潜水する2年間の沈没船調査の費用に充てる。"
    )
    assert _found("addition", source, split) == []
