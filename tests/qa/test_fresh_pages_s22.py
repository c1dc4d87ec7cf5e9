"""Lessons of the tune pages of 2026-12-06 (sixth session), in our own words: a term rendered once by
another compound that opens as the usual one does and that the dictionary itself glosses with the term's
word (市民会館 beside 市民センター, "civic centre"); a term whose usual rendering holds most of its segments
while the others each go their own way (防水壁 six times; 洪水壁 and 塀 once each)."""

from __future__ import annotations

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
