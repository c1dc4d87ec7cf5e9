"""Lessons of the tune pages of 2026-12-06 (sixth session), in our own words: a term rendered once by
another compound that opens as the usual one does and that the dictionary itself glosses with the term's
word (市民会館 beside 市民センター, "civic centre"); a term whose usual rendering holds most of its segments
while the others each go their own way (防水壁 six times; 洪水壁 and 塀 once each)."""

from __future__ import annotations

import pytest

from .helpers import findings

CIVIC = [
    (
        "The civic centre opened in 1974 on the site of the old market.",
        "市民センターは1974年、旧市場の跡地に開館した。",
    ),
    ("The civic centre will close for repairs in May.", "市民センターは5月に改修のため閉館する。"),
    (
        "Any work on the civic centre needs the board's consent.",
        "市民会館の工事には委員会の同意が必要となる。",
    ),
    ("Staff at the civic centre will move to the town hall.", "市民センターの職員は町役場に移る。"),
]


def test_a_known_compound_that_opens_as_the_usual_rendering_and_glosses_the_term_is_reported() -> None:
    found = findings(CIVIC, "term-consistency")
    assert [(f.segment, f.text) for f in found] == [("3", "市民会館")]
    assert "市民センター" in found[0].message


def test_a_known_compound_of_another_meaning_is_not_reported() -> None:
    # 市民会館 where the English says "town hall" is that hall, not the centre rendered another way
    pairs = [
        *CIVIC[:2],
        CIVIC[3],
        ("The civic centre stands beside the town hall.", "市民センターは市民会館の隣にある。"),
    ]
    assert findings(pairs, "term-consistency") == []


WALL = [
    ("The flood wall along the quay is 2 metres high.", "岸壁沿いの防水壁は高さ2メートル。"),
    ("The wall was finished in March.", "防水壁は3月に完成した。"),
    ("Engineers inspected the wall after the storm.", "技術者は嵐の後、防水壁を点検した。"),
    ("The wall held back the river on Sunday.", "日曜日、防水壁は川の水をせき止めた。"),
    ("Residents painted the wall blue.", "住民は防水壁を青く塗った。"),
    ("The council said the wall had cost £3m.", "議会によると、防水壁の費用は300万ポンドだった。"),
    ("Walkers may use the path on top of the wall.", "防水壁の上の小道は歩行者も利用できる。"),
    ("A second wall is planned for the harbour.", "港には2つ目の洪水壁が計画されている。"),
    ("Part of the wall will be raised next year.", "塀の一部は来年かさ上げされる。"),
]


def test_a_majority_three_times_the_other_renderings_settles_the_term() -> None:
    found = findings(WALL, "term-consistency")
    assert [(f.segment, f.text) for f in found] == [("8", "洪水壁"), ("9", "塀")]


def test_renderings_that_scatter_against_a_slim_majority_say_nothing() -> None:
    # three against two others, each its own: the word is free vocabulary here, not a term
    pairs = [WALL[0], WALL[1], WALL[2], WALL[7], WALL[8]]
    assert findings(pairs, "term-consistency") == []


# Lessons of eight correct pages written for false alarms (their own split, never scored for recall): a
# body's katakana name whose last part is a word, a topic that renders the English agent before a name of
# the embedded clause, and Japanese negatives that say what an English affirmative says.

BUSES = [
    (
        "Tarnby Buses, which runs 40 routes, said fares would rise in May.",
        "40路線を運行するターンビー・バスは、5月に運賃を値上げすると述べた。",
    ),
    (
        "Rider Voice Tarnby, a passenger group, said the rise was unfair.",
        "乗客団体ライダー・ボイス・ターンビーは、値上げは不当だと述べた。",
    ),
    ("Tarnby Buses said costs had risen by 9%.", "ターンビー・バスは、コストが9％上昇したと述べた。"),
]


def test_a_body_named_in_katakana_is_matched_by_its_first_part_when_its_last_is_a_word() -> None:
    # バス sounds like "Voice", another name of the page; the body is Tarnby Buses
    assert findings(BUSES, "agent") == []


def test_the_topic_that_renders_the_english_agent_speaks_before_a_name_of_the_clause_it_reports() -> None:
    pairs = [
        (
            "Harlow Foods is owned by Brenton Capital.",
            "ハーロウ・フーズはブレントン・キャピタルが所有している。",
        ),
        (
            "The union claims Brenton has taken £3 million out of the company.",
            "組合は、ブレントンが同社から300万ポンドを引き出したと主張している。",
        ),
    ]
    assert findings(pairs, "agent") == []


@pytest.mark.parametrize(
    ("english", "japanese"),
    [
        (
            '"Firms should be in no doubt that we will act," she said.',
            "「企業は、我々が行動することを疑うべきではない」と彼女は述べた。",
        ),
        (
            "The commission is examining whether the firm had misreported its figures.",
            "委員会は、同社が数字を誤って報告していなかったかどうかを調べている。",
        ),
        ("Fish counts were lower in bare areas.", "海草のない区域では魚の数が少なかった。"),
        ("The money was taken without his knowledge.", "金は彼が知らないうちに持ち出された。"),
    ],
)
def test_japanese_negatives_that_say_what_the_english_says(english: str, japanese: str) -> None:
    assert findings([(english, japanese)], "polarity") == []


# The second reviewer's probes (helper-161): wordings this session first excused ("not … until", "no
# change", 変わりはない, "fails", "ever", "empty", "closed to", 滞納) and then withdrew, because they excused
# real flips as well.
@pytest.mark.parametrize(
    ("english", "japanese", "reported"),
    [
        (
            "The bridge is not expected to reopen until 2026.",
            "橋は2026年まで再開される見通しだ。",
            "再開される",
        ),
        ("The rules have changed since March.", "3月以降、規則に変わりはない。", "ない"),
        (
            "The clinics will not require an appointment and will stay open until 8 p.m.",
            "会場は予約が必要で、午後8時まで開いている。",
            "必要で",
        ),
    ],
)
def test_flips_the_withdrawn_wordings_would_have_excused_are_found(
    english: str, japanese: str, reported: str
) -> None:
    assert reported in [f.text for f in findings([(english, japanese)], "polarity")]


def test_a_name_inside_an_attributed_quotation_is_not_the_speaker() -> None:
    pairs = [
        (
            "Ashby Hall opened in 1902, said Mara Quint, the trust's chair.",
            "アシュビー・ホールは1902年に開館したと、トラストのマラ・クイント会長は述べた。",
        ),
        (
            '"Free entry is what makes Ashby Hall a museum for everyone," said Mara Quint, '
            'the trust\'s chair. "We will oppose any charge."',
            "「無料だからこそ、アシュビー・ホールはみんなの博物館になっている」とトラストのマラ・クイント会長は述べた。"
            "「私たちはどんな入館料にも反対する」",
        ),
    ]
    assert findings(pairs, "agent") == []


def test_an_acronym_after_a_katakana_compound_of_two_words_abbreviates_it() -> None:
    pairs = [
        (
            "The charity supports victims of domestic abuse.",
            "同団体はドメスティック・バイオレンス（DV）の被害者を支援している。",
        )
    ]
    assert findings(pairs, "addition") == []
    # an acronym of nothing before it is still an addition
    assert [
        f.text
        for f in findings([(pairs[0][0], "同団体は家庭内暴力（NHS）の被害者を支援している。")], "addition")
    ] == ["（NHS）"]


@pytest.mark.parametrize(
    ("english", "japanese"),
    [
        (
            "The club was docked 12 points after failing to pay players on time.",
            "選手への給与遅配を理由に、同クラブは勝ち点12を剥奪された。",
        ),
        (
            '"They are against 1,400 homes arriving before the roads and the school," he said.',
            "「道路も学校も整わないうちに1400戸が建つことに反対しているのだ」と同氏は語った。",
        ),
        (
            "Dr Raman said the jury was still out on whether the benefits would last.",
            "ラマン博士は、効果が持続するかどうかについてはまだ結論が出ていないと述べた。",
        ),
    ],
)
def test_japanese_wordings_of_what_an_english_negation_or_idiom_says(english: str, japanese: str) -> None:
    assert findings([(english, japanese)], "polarity") == []


def test_a_season_said_relative_to_now_is_not_the_year() -> None:
    source = "Prices were cut since last spring, with no rise planned this year."
    assert (
        findings([(source, "価格は昨年春以降引き下げられており、今年の値上げは予定されていない。")], "dates")
        == []
    )
    wrong = [(source, "価格は昨年春以降引き下げられており、昨年の値上げは予定されていない。")]
    assert [f.text for f in findings(wrong, "dates")] == ["昨年"]


def test_none_of_negates_the_clauses_verb_not_the_noun_after_it() -> None:
    source = "She said none of the 46 staff at the centre would lose their jobs."
    found = findings([(source, "同氏は、センターの職員46人が職を失うことになると述べた。")], "polarity")
    assert [f.text for f in found] == ["失う"]
    # "no evidence that…" still negates the evidence
    found = findings(
        [
            (
                "Police said there was no evidence that the cable had been cut.",
                "警察は、ケーブルが切断された証拠があると述べた。",
            )
        ],
        "polarity",
    )
    assert [f.text for f in found] == ["証拠"]
