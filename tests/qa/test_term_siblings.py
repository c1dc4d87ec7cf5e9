"""A term rendered one way in most paragraphs and another way in one, where the odd rendering begins as
the usual one does (水道局 / 水道公社, ブレークポイント / ブレークチャンス), and two-word terms the dictionary
writes as one word ("break point": breakpoint). A word of its own that begins the same way (ブレークスルー,
タイムテーブル) is not taken for another rendering. Sentences of our own."""

from __future__ import annotations

import pytest

from .helpers import findings

PORT = [
    ("The authority raised its fees.", "港湾局は使用料を引き上げた。"),
    ("Shipping firms criticised the authority.", "海運会社は港湾局を批判した。"),
    ("The authority's director resigned in June.", "港湾局の局長は6月に辞任した。"),
    ("The authority said the ferries would keep running.", "港湾公社によると、フェリーの運航は続く。"),
]
TENNIS = [
    ("The break point came in the fifth game.", "勝負を分けたブレークポイントは第5ゲームに訪れた。"),
    ("She saved two break points in the third set.", "彼女は第3セットで2本のブレークポイントをしのいだ。"),
    ("He won only one break point all match.", "彼は試合を通じてブレークポイントを1本しか取れなかった。"),
    (
        "She did not face a break point on serve until the final set.",
        "彼女は最終セットまでサービスゲームでブレークチャンスを一度も与えなかった。",
    ),
]


@pytest.mark.parametrize(
    ("pairs", "odd", "usual"),
    [
        (PORT, "港湾公社", "港湾局"),  # no dictionary rendering of "authority": the learned majority
        (TENNIS, "ブレークチャンス", "ブレークポイント"),  # 目 of 3度目 is no rendering of "point" here
    ],
)
def test_a_rendering_that_goes_another_way_is_found(
    pairs: list[tuple[str, str]], odd: str, usual: str
) -> None:
    found = findings(pairs, "term-consistency")
    assert [(f.text, f.suggestion) for f in found] == [(odd, usual)]
    en = pairs[-1][0]
    assert en[found[0].source_start : found[0].source_end].split()[-1] in ("authority", "point")
    fixed = [(en, ja.replace(odd, usual)) for en, ja in pairs]
    assert findings(fixed, "term-consistency") == []


@pytest.mark.parametrize(
    "pairs",
    [
        [  # 貯水量 (the reservoir's level) is another noun made with a one-kanji suffix, not 貯水池 again
            ("The reservoir supplies the whole city.", "貯水池は市全体に水を供給している。"),
            ("Engineers inspected the reservoir in May.", "技術者が5月に貯水池を点検した。"),
            ("The reservoir was built in 1962.", "貯水池は1962年に建設された。"),
            ("Rationing ends once the reservoir is above 40%.", "貯水量が40%を上回れば給水制限は終わる。"),
        ],
        [  # 水道管's own part renders "pipes": another word of the sentence, not another rendering
            ("The authority raised its fees.", "水道局は料金を引き上げた。"),
            ("Residents criticised the authority.", "住民は水道局を批判した。"),
            ("The authority's director resigned in June.", "水道局の局長は6月に辞任した。"),
            ("The authority is replacing old pipes.", "老朽化した水道管の交換が進められている。"),
        ],
    ],
)
def test_another_word_with_the_same_beginning_is_silent(pairs: list[tuple[str, str]]) -> None:
    assert findings(pairs, "term-consistency") == []


TENNIS_RIGHT = TENNIS[:3]


@pytest.mark.parametrize(
    "pairs",
    [
        # (from the second review) words of their own that begin as the usual rendering does
        [
            *TENNIS_RIGHT,
            (
                "She called that break point the turning point of her career.",
                "彼女は、あの勝負どころがキャリアのブレークスルーだったと語った。",
            ),
        ],
        [
            *TENNIS_RIGHT,
            (
                "He saved a break point and celebrated.",
                "彼はブレークのピンチをしのぎ、ブレークダンスで喜んだ。",
            ),
        ],
    ],
)
def test_a_word_of_its_own_is_not_another_rendering(pairs: list[tuple[str, str]]) -> None:
    assert findings(pairs, "term-consistency") == []
