"""Lessons of the fresh pages of 2026-12-06 (fifth session), in our own words: a polysemous word rendered in
a sense of its own field (廊下 for a transport "corridor", 脳卒中 for a rowing "stroke") where nothing in the
document speaks of that field — the sense lexicon's guarded rows (``!word`` cues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.qa.senses import load_senses

from .helpers import findings

CORRIDOR = [
    (
        "The new rail corridor will link the port with two inland freight terminals.",
        "新しい鉄道の廊下は、港と内陸の2つの貨物ターミナルを結ぶ。",
    ),
    ("Work on the first section is due to start in spring.", "最初の区間の工事は春に始まる予定だ。"),
]


def test_a_field_sense_is_reported_where_the_document_never_speaks_of_that_field() -> None:
    # a rail corridor: the positive row (cue "rail") reports it
    found = findings(CORRIDOR, "sense")
    assert [(f.segment, f.text) for f in found] == [("1", "廊下")]
    source = CORRIDOR[0][0]
    assert source[found[0].source_start : found[0].source_end] == "corridor"
    # no cue: the guarded row, where the document's translation renders the word right elsewhere
    guarded = [
        (
            "The corridor will link the port with two inland terminals.",
            "この廊下は、港と内陸の2つのターミナルを結ぶ。",
        ),
        ("The corridor is due to open in 2030.", "この回廊は2030年に開通する予定だ。"),
    ]
    found = findings(guarded, "sense")
    assert [(f.segment, f.text) for f in found] == [("1", "廊下")]
    assert "nothing in this document" in found[0].message
    assert found[0].suggestion is None  # the row names the wrong sense, not the right one
    # without that evidence, 廊下 may be the everyday sense the guards do not name (a hospital's corridors)
    assert findings(guarded[:1], "sense") == []


def test_a_guard_anywhere_in_the_document_silences_the_row() -> None:
    # a page about a school building: "classroom" in another paragraph says corridors are indoors here
    school = [
        (
            "The corridor will link the port with two inland terminals.",
            "この廊下は、港と内陸の2つのターミナルを結ぶ。",
        ),
        ("The corridor is due to open in 2030.", "この回廊は2030年に開通する予定だ。"),
        ("Pupils will move to a temporary classroom block.", "生徒は仮設の教室棟に移る。"),
    ]
    assert findings(school, "sense") == []


def test_a_right_rendering_silences_the_row() -> None:
    right = [
        (
            "The new rail corridor will link the port with two terminals.",
            "新しい鉄道回廊は港と2つのターミナルを結ぶ。",
        )
    ]
    assert findings(right, "sense") == []


def test_a_name_is_not_a_field_sense() -> None:
    # "Corridor" capitalised inside a sentence is a name's word (a programme, a company), not the noun
    named = [
        ("Funding for the Green Corridor scheme was approved.", "グリーン廊下計画への資金が承認された。")
    ]
    assert findings(named, "sense") == []
    # at the start of a sentence a capital letter says nothing
    opening = [("Corridors for freight trains are being planned.", "貨物列車の廊下が計画されている。")]
    assert [f.text for f in findings(opening, "sense")] == ["廊下"]


def test_a_cue_of_another_sense_takes_precedence_over_the_guards() -> None:
    # "stroke" with swimming cues is the positive row's business; the guarded row adds nothing there
    swim = [
        (
            "She worked on her breaststroke technique and her stroke rate.",
            "彼女は平泳ぎの技術と脳卒中率に取り組んだ。",
        )
    ]
    found = findings(swim, "sense")
    assert [f.text for f in found] == ["脳卒中"]
    assert "nothing in this document" not in found[0].message


def test_guarded_rows_in_a_user_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "senses.tsv"
    extra.write_text("kiln\t!pottery|!potter|!clay\t窯\t乾燥炉|乾燥機\ta potter's oven\n", encoding="utf-8")
    pairs = [
        ("The timber kiln at the sawmill broke down.", "製材所の木材の窯が故障した。"),
        ("A second kiln was installed in May.", "5月には2台目の乾燥炉が設置された。"),
    ]
    settings = {"lexicons": {"senses": [str(extra)]}}
    assert [f.text for f in findings(pairs, "sense", settings)] == ["窯"]
    potter = [*pairs, ("The potter fires clay pots there too.", "陶芸家はそこで粘土の鉢も焼く。")]
    assert findings(potter, "sense", settings) == []
    (row,) = load_senses(extra)
    assert row.guards == {"pottery", "potter", "clay"} and row.cues == frozenset()


@pytest.mark.parametrize("cues", ["!", "! | !"])
def test_a_row_needs_a_cue_or_a_guard(tmp_path: Path, cues: str) -> None:
    bad = tmp_path / "senses.tsv"
    bad.write_text(f"# a comment\nkiln\t{cues}\t窯\t乾燥炉\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_senses(bad)
    assert info.value.line == 2 and "context cues" in str(info.value)


PARK = [
    ("The water park opened in 1998.", "このウォーターパークは1998年に開業した。"),
    ("The park employs 200 people in summer.", "パークは夏に200人を雇用している。"),
    ("The park's owners want to add a hotel.", "パークの所有者はホテルの増設を望んでいる。"),
    ("Visitors complain that the car park is too small.", "来場者は駐車場が狭すぎると不満を述べている。"),
]


def test_a_head_inside_a_compound_the_dictionary_renders_whole_is_no_other_rendering() -> None:
    # "car park" is 駐車場: the "park" of it is not rendered apart from "the park" (パーク)
    assert findings(PARK, "term-consistency") == []
    odd = [*PARK, ("The park will close in winter.", "公園は冬季に閉鎖される。")]
    assert [(f.segment, f.text) for f in findings(odd, "term-consistency")] == [("5", "公園")]


SEASON = [
    ("The league will add two teams next season.", "リーグは来季、2チームを加える。"),
    ("Each season runs from May to September.", "各シーズンは5月から9月まで行われる。"),
    ("The season ends with a final at Lord's.", "シーズンはローズでの決勝で終わる。"),
    ("Attendance this season rose by a third.", "今季の観客数は3分の1増えた。"),
    ("The season will be broadcast live.", "シーズンは生中継される。"),
]


def test_a_word_before_the_term_may_make_a_phrase_the_dictionary_renders() -> None:
    # 来季 is "next season" and 今季 "this season": neither is another rendering of "season"
    assert findings(SEASON, "term-consistency") == []
    odd = [*SEASON, ("Tickets for the season go on sale in March.", "季節のチケットは3月に発売される。")]
    assert [(f.segment, f.text) for f in findings(odd, "term-consistency")] == [("6", "季節")]


RIDE = [
    ("The ride will be the tallest in the country.", "このアトラクションは国内で最も高くなる。"),
    ("The steel coaster reaches 80 km/h.", "鋼製のコースターは時速80キロに達する。"),
    ("The ride was approved on Monday.", "アトラクションは月曜日に承認された。"),
    ("Residents say the ride will be noisy.", "住民はアトラクションがうるさくなると言う。"),
    ("The coaster must not run after 8 p.m.", "コースターは午後8時以降は運行できない。"),
    ("Trees will screen the ride from the village.", "木々がコースターを村から隠す。"),
    ("The coaster opens next spring.", "コースターは来春開業する。"),
]


def test_another_terms_usual_rendering_names_the_same_thing() -> None:
    # "ride" has no dictionary rendering here; its segments share アトラクション, and コースター in the
    # last-but-one is the usual rendering of "coaster", the ride itself
    assert findings(RIDE, "term-consistency") == []
    odd = [*RIDE[:5], ("Trees will screen the ride from the village.", "木々がマシンを村から隠す。"), RIDE[6]]
    assert [(f.segment, f.text) for f in findings(odd, "term-consistency")] == [("6", "マシン")]


@pytest.mark.parametrize(
    ("source", "target", "wrong"),
    [
        # pints are a volume of their own (a British or an American one): 2,400 litres is a change
        (
            "The pub sold 2,400 pints over the weekend.",
            "このパブは週末に2400リットルを売った。",
            "2400リットル",
        ),
        # a temperature written without its degree sign
        ("Bake the tiles at 180F for an hour.", "タイルを180℃で1時間焼く。", "180℃"),
    ],
)
def test_units_written_the_short_way(source: str, target: str, wrong: str) -> None:
    assert [f.text for f in findings([(source, target)], "units")] == [wrong]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("The pub sold 2,400 pints over the weekend.", "このパブは週末に2400パイントを売った。"),
        (
            "The pub sold 2,400 pints over the weekend.",
            "このパブは週末に約1360リットル（2400パイント）を売った。",
        ),
        (
            "The pub sold 2,400 pints over the weekend.",
            "このパブは週末に約1140リットルを売った。",
        ),  # US pints
        ("Bake the tiles at 180F for an hour.", "タイルを華氏180度で1時間焼く。"),
        ("Bake the tiles at 180F for an hour.", "タイルを約82℃で1時間焼く。"),
        ("The 12C bus was late again.", "12C系統のバスはまた遅れた。"),
    ],
)
def test_units_written_the_short_way_rendered_right(source: str, target: str) -> None:
    assert findings([(source, target)], "units") == []


def test_an_adverbial_bound_may_stand_before_the_numbers_noun() -> None:
    source = "She must serve at least a third of the term before parole."
    found = findings(
        [(source, "彼女は仮釈放までに最大で刑期の3分の1を服役しなければならない。")], "comparison"
    )
    assert [f.text for f in found] == ["最大で刑期の3分の1"]
    assert (
        findings(
            [(source, "彼女は仮釈放までに少なくとも刑期の3分の1を服役しなければならない。")], "comparison"
        )
        == []
    )
    # 最大の (the adjective "largest") bounds nothing
    town = [("The largest town has about 300 homes.", "最大の町の約300戸が被害を受けた。")]
    assert findings(town, "comparison") == []


@pytest.mark.parametrize(
    ("source", "target", "wrong"),
    [
        (
            "Shares in Dunmore rose 12% to 220p by the close.",
            "ダンモアのシェアは終値で12％上昇し220ペンスとなった。",
            "シェア",
        ),
        (
            "Lorries now use the winding country lanes to the farm.",
            "トラックは今や農場へ続く曲がりくねった田舎の車線を使う。",
            "車線",
        ),
        (
            "The rules strike a delicate balance between safety and cost.",
            "規則は安全と費用の間で微妙な残高を保っている。",
            "残高",
        ),
    ],
)
def test_new_sense_rows(source: str, target: str, wrong: str) -> None:
    assert [f.text for f in findings([(source, target)], "sense")] == [wrong]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "Its market share rose to 12% while shares in rivals fell.",
            "同社の市場シェアは12％に上昇した一方、競合の株価は下落した。",
        ),
        (
            "Shares in Dunmore rose 12% as its market share grew.",
            "ダンモアの株価は12％上昇し、市場シェアも拡大した。",
        ),
        ("Drivers were told to keep to the inside lane.", "運転者は内側の車線を走るよう指示された。"),
        ("Her bank balance fell to £20 between paydays.", "給料日の間に彼女の銀行残高は20ポンドに減った。"),
    ],
)
def test_new_sense_rows_stay_silent_on_the_right_sense(source: str, target: str) -> None:
    assert findings([(source, target)], "sense") == []


@pytest.mark.parametrize(
    ("source", "target", "wrong"),
    [
        # a sentence with words of its own (園内, 現在) that renders most of its English is its translation
        (
            "Its oldest ride, a wooden carousel built in 1909, is still running.",
            "園内で最も古いアトラクションである1909年製の木製メリーゴーラウンドは、現在は運行されていない。",
            "いない",
        ),
        # the quoting と of the cue's own clause: "said … had not … and warned that …", the first of two
        (
            "But the fishermen's association said its members had not been properly consulted and warned "
            "that catches could fall.",
            "しかし漁業者協会は、会員は適切な意見聴取を受けていたと述べたうえで、漁獲量が減るおそれがあると警告した。",
            "受けていた",
        ),
        # "said …, and that …": the second (a first-quote rule would point at 騒がしくなる)
        (
            "The group said the works would be noisy, and that the firm had not explained the timetable.",
            "同団体は、工事は騒がしくなると指摘し、同社は工程をすでに説明していると述べた。",
            "説明している",
        ),
    ],
)
def test_polarity_lessons(source: str, target: str, wrong: str) -> None:
    assert [f.text for f in findings([(source, target)], "polarity")] == [wrong]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Farmers have seen little of the windfall.", "農家はこの思わぬ利益の恩恵をほとんど受けていない。"),
        (
            "Officers will look at whether part of the site could be kept.",
            "用地の一部を確保できないか職員が検討する。",
        ),
        (
            "Many said they would be happy with a smaller plot.",
            "多くの人がもっと小さい区画でも構わないと言った。",
        ),
    ],
)
def test_polarity_forms_that_negate_nothing(source: str, target: str) -> None:
    assert findings([(source, target)], "polarity") == []


BEAVERS = [
    (
        "The Brennock Rivers Trust will release six beavers in the spring.",
        "ブレノック河川トラストは春に6頭のビーバーを放す。",
    ),
    (
        "The licence was granted by Wild Kelmark, the nature agency.",
        "許可は自然保護機関のワイルド・ケルマークが出した。",
    ),
    (
        "Wild Kelmark said it had received 900 responses.",
        "ワイルド・ケルマークは、900件の意見が寄せられたと明らかにした。",
    ),
]


def test_a_body_named_by_a_name_and_words_of_what_it_does() -> None:
    # ブレノック河川トラスト: a name, a word of what the body does (河川) and what it is (トラスト)
    assert findings(BEAVERS, "agent") == []
    swapped = [
        *BEAVERS[:2],
        (BEAVERS[2][0], "ブレノック河川トラストは、900件の意見が寄せられたと明らかにした。"),
    ]
    found = findings(swapped, "agent")
    assert [(f.segment, f.text) for f in found] == [("3", "ブレノック河川トラスト")]
    assert "Wild Kelmark" in found[0].message


def test_a_body_named_after_a_country_is_the_english_adjectives() -> None:
    dairy = [
        ("Milk prices in Canada rose 4% last year.", "カナダの牛乳価格は昨年4％上昇した。"),
        (
            "The Canadian Dairy Council, a trade body, said prices would rise again.",
            "業界団体のカナダ酪農協議会は、価格が再び上がると述べた。",
        ),
    ]
    assert findings(dairy, "agent") == []


@pytest.mark.parametrize(
    ("source", "target", "wrong"),
    [
        (
            "Pupils at the school may bring phones only in the summer term.",
            "同校の生徒は夏の任期に限って携帯電話を持ち込める。",
            "任期",
        ),
        (
            "The club added stands for 2,000 spectators at the stadium.",
            "クラブはスタジアムに観客2000人分の屋台を増設した。",
            "屋台",
        ),
        (
            "The paramedic treated an elderly man after a fall.",
            "救急隊員は秋に高齢の男性を手当てした。",
            "秋",
        ),
        (
            "Vouchers and gift cards will be honoured until May.",
            "商品券とギフトカードは5月まで表彰される。",
            "表彰",
        ),
    ],
)
def test_more_sense_rows(source: str, target: str, wrong: str) -> None:
    assert [f.text for f in findings([(source, target)], "sense")] == [wrong]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Stalls and food stands lined the route for the fans.", "沿道には露店や屋台が並んだ。"),
        (
            "She was re-elected for a second term on the school board.",
            "彼女は教育委員会で2期目の任期に再選された。",
        ),
        ("Investors sent several expressions of interest.", "投資家から複数の関心表明が寄せられた。"),
        ("Leaves fall early in a dry autumn.", "乾燥した秋には葉が早く落ちる。"),
    ],
)
def test_more_sense_rows_stay_silent(source: str, target: str) -> None:
    assert findings([(source, target)], "sense") == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("The county went beyond restrictions in class.", "同郡は教室内での制限にとどまらない措置をとった。"),
        (
            "The campaign group Smoke-Free Streets welcomed the ban.",
            "市民団体「たばこのない通り」は禁止を歓迎した。",
        ),
    ],
)
def test_more_forms_that_negate_nothing(source: str, target: str) -> None:
    assert findings([(source, target)], "polarity") == []


def test_the_quoting_to_after_a_closing_bracket() -> None:
    # 「…」と、…は述べた: the quoted clause's predicate, not the reporting verb
    source = '"Every hour in the queue is an hour they are not answering calls," the chief executive said.'
    target = "「列で過ごす1時間は、通報に対応している1時間だ」と、最高経営責任者は述べた。"
    assert [f.text for f in findings([(source, target)], "polarity")] == ["対応している"]


def test_places_a_finishing_order_implies_are_no_added_numbers() -> None:
    source = "Lund won the final, finishing ahead of Spain's Ana Ruiz and Japan's Mei Sato."
    target = "決勝はルンドが制し、2位はスペインのアナ・ルイス、3位は日本の佐藤メイだった。"
    assert findings([(source, target)], "numbers") == []
    added = [("Lund won the final on Sunday.", "決勝はルンドが制し、2位はスペインのアナ・ルイスだった。")]
    assert [f.text for f in findings(added, "numbers")] == ["2"]


def test_a_compound_is_no_derivation_of_its_first_word() -> None:
    from mtreview.qa.analysis.lookup import same_stem

    assert not same_stem("hand", "handover")  # 指針 ("hand" of a clock) renders no "handover"
    assert not same_stem("rain", "rainfall")
    assert same_stem("approve", "approval") and same_stem("relation", "relationship")
    assert same_stem("book", "booking") and same_stem("govern", "government")


def test_a_noun_before_a_verb_in_s_heads_its_phrase() -> None:
    from mtreview.qa.checks.term_candidates import repeated_terms

    sources = [
        "If a handover takes longer than 45 minutes, the crew may leave.",
        "The average handover last winter took 47 minutes.",
        "Handover figures will be published weekly.",
    ]
    assert ("handover",) in repeated_terms(sources)


def test_the_news_rows_are_silent_on_independent_correct_pairs() -> None:
    from mtreview.qa import DocumentInput, IncrementalChecker, SegmentInput
    from mtreview.qa.context import QaContext

    path = Path(__file__).parent / "data" / "sense_vetting_pairs_news.tsv"
    rows = [
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    assert len(rows) == 297
    docs = [
        DocumentInput(f"d{i}", (SegmentInput(str(i), f"d{i}", en, ja),))
        for i, (_w, en, ja) in enumerate(rows)
    ]
    settings = {"user_lexicons": False}
    result = IncrementalChecker(docs, settings, QaContext.from_settings(settings), only=["sense"]).run()
    assert [(rows[int(f.segment)][0], f.text) for f in result.findings] == []


QUOTAS = [
    ("The ministry will publish the allocations on Friday.", "同省は金曜日に割当を公表する。"),
    (
        "The quotas will be reviewed by the Tariff Review Board next year and may end early, the board said.",
        "割当枠は来年、関税審査委員会が見直し、早期に終わる可能性もあると、委員会は説明した。",
    ),
]


def test_the_speaker_after_a_closing_quotative_to_is_the_agent() -> None:
    assert findings(QUOTAS, "agent") == []
    swapped = [
        QUOTAS[0],
        (
            QUOTAS[1][0],
            "割当枠は来年、関税審査委員会が見直し、早期に終わる可能性もあると、貿易省は説明した。",
        ),
    ]
    found = findings(swapped, "agent")
    assert [(f.segment, f.text) for f in found] == [("2", "貿易省")]
    assert "ministry" in found[0].message and "the board" in found[0].message
    # a page whose English says "ministry" and "board" together may call one body both ways
    same = [
        ("The board, part of the ministry, will publish the allocations.", "同委員会は割当を公表する。"),
        swapped[1],
    ]
    assert findings(same, "agent") == []


def test_putting_the_genie_back_in_the_bottle() -> None:
    source = "Once the data has leaked, there is no putting the genie back in the bottle."
    literal = findings([(source, "データが漏れた以上、魔神を瓶に戻すことはできない。")], "literal-idiom")
    assert [f.text for f in literal] == ["魔神"]
    assert findings([(source, "データが漏れた以上、もう後戻りできない。")], "literal-idiom") == []
