"""A second review of the sense rows, agent bodies, places and temperatures (review 22): correct news pairs
the rules must leave alone, and the errors they must still catch — written by the reviewer, not from the
evaluation pages."""

from __future__ import annotations

import pytest

from mtreview.qa import DocumentInput, IncrementalChecker, SegmentInput
from mtreview.qa.context import QaContext

from .helpers import findings

SILENT = [
    # guarded rows: the everyday sense, in documents whose words the guards do not name
    ("sense", [("He broke his leg in a fall at home.", "彼は自宅で転倒し、脚を骨折した。")]),
    (
        "sense",
        [
            (
                "The theatre will reopen in May after a £5m refurbishment.",
                "この劇場は500万ポンドの改修を経て、5月に再開する。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Taylor Swift and Travis Kelce announced their engagement on Instagram.",
                "テイラー・スウィフトとトラビス・ケルシーはインスタグラムで婚約を発表した。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Prince's estate said the album would be released in the spring.",
                "プリンスの遺産管理団体は、このアルバムを春に発売すると発表した。",
            )
        ],
    ),
    ("sense", [("She left her coat on the bus.", "彼女はバスにコートを置き忘れた。")]),
    # news rows: one cue away from a word in its everyday sense
    (
        "sense",
        [
            (
                "Workers at the oil refinery fear for their futures.",
                "石油精製所の従業員たちは将来に不安を抱いている。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Paramedics inserted a breathing tube before the passenger was airlifted.",
                "救急隊員は呼吸用のチューブを挿入し、乗客はヘリで搬送された。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Staff at the garden centre built a shed for the community garden.",
                "園芸店の従業員が、地域の菜園のために物置小屋を建てた。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Officials will count every vote, and claims of fraud are baseless.",
                "当局はすべての票を数える方針で、不正の主張には根拠がない。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Log on to book a table at the restaurant.",
                "レストランのテーブルを予約するにはログインしてください。",
            )
        ],
    ),
    (
        "sense",
        [
            (
                "Veterans were honoured with a special gift from the king.",
                "退役軍人たちは国王から特別な贈り物を受けて称えられた。",
            )
        ],
    ),
    # agent: the translation names the body a common noun refers to
    (
        "agent",
        [
            ("The Hale Community Centre will close in March.", "ヘイル地域センターは3月に閉鎖される。"),
            (
                "The centre said it could no longer pay its bills.",
                "ヘイル地域センターは、もはや経費を支払えないと述べた。",
            ),
        ],
    ),
    (
        "agent",
        [
            ("The Tannick Rivers Trust monitors the water.", "タニック河川トラストが水質を監視している。"),
            ("The trust said pollution had fallen.", "タニック河川トラストは、汚染が減少したと述べた。"),
        ],
    ),
    (
        "agent",
        [
            (
                "The Brighton Music Society runs the festival.",
                "ブライトン音楽協会がこの音楽祭を運営している。",
            ),
            (
                "Organisers said ticket sales had doubled.",
                "主催するブライトン音楽協会は、チケットの売り上げが倍増したと述べた。",
            ),
        ],
    ),
    # polarity: a "cannot" that renders a closed road
    (
        "polarity",
        [
            (
                "The bridge remains closed to traffic after last week's storm.",
                "先週の嵐以降、橋は依然として車両が通行できない状態が続いている。",
            )
        ],
    ),
    # units: 3度目 is the third time, not three degrees
    (
        "units",
        [
            (
                "A fire broke out on 3F of the tower, the building's third blaze this year.",
                "タワーの3階で火災が発生し、同ビルでは今年3度目の火災となった。",
            )
        ],
    ),
    # numbers: places the names imply
    (
        "numbers",
        [
            (
                "Kenya's Kipchoge won the race, ahead of Ethiopia's Lemma.",
                "ケニアのキプチョゲが優勝し、2位はエチオピアのレンマだった。",
            )
        ],
    ),
    (
        "numbers",
        [
            (
                "Norway topped the medal table, followed by Germany and the US.",
                "ノルウェーがメダル数で首位に立ち、2位ドイツ、3位米国が続いた。",
            )
        ],
    ),
]

CAUGHT = [
    ("sense", [("Oil futures slumped on Friday.", "金曜日、石油の将来は急落した。")], "将来"),
    (
        "sense",
        [
            ("Tube drivers will strike on Monday.", "地下鉄の運転士が月曜日にストライキを行う。"),
            ("Passengers on the Tube faced long delays.", "チューブの乗客は長い遅れに見舞われた。"),
        ],
        "チューブ",
    ),
    (
        "sense",
        [
            (
                "The government's furlough scheme paid 80% of wages.",
                "政府の一時帰休の企みは賃金の80%を支払った。",
            )
        ],
        "企み",
    ),
    (
        "sense",
        [("Ministers agreed a cap on energy bills.", "閣僚らは光熱費に帽子をかけることで合意した。")],
        "帽子",
    ),
    (
        "agent",
        [
            (
                "Anne Rich and Tom Richards both spoke at the meeting.",
                "アン・リッチ氏とトム・リチャーズ氏がともに会合で発言した。",
            ),
            (
                "Mark Hale and Lucy Halford run the charity.",
                "マーク・ヘイル氏とルーシー・ハルフォード氏が慈善団体を運営している。",
            ),
            ("Halford said donations had dropped.", "ヘイル氏は、寄付が減ったと述べた。"),
        ],
        "ヘイル氏",
    ),
    (
        "agent",
        [
            (
                "The Weston Rugby Club and the Hale Community Centre share a car park.",
                "ウェストン・ラグビークラブとヘイル地域センターは駐車場を共有している。",
            ),
            ("The club said it would pay for repairs.", "ヘイル地域センターは修理費を負担すると述べた。"),
        ],
        "ヘイル地域センター",
    ),
    (
        "numbers",
        [
            (
                "Ahead of Sunday's race, Verstappen set the fastest lap.",
                "日曜日のレースを前に、フェルスタッペンは2位のタイムを記録した。",
            )
        ],
        "2",
    ),
    ("numbers", [("Smith finished third, ahead of Jones.", "スミスはジョーンズを抑えて2位に入った。")], "2"),
    (
        "numbers",
        [("Jones finished ahead of Smith and Brown.", "ジョーンズは2位のスミス、4位のブラウンを抑えた。")],
        "4",
    ),
    (
        "numbers",
        [
            (
                "The runners-up in the cup were fined £10,000.",
                "カップ戦で3位のチームに1万ポンドの罰金が科された。",
            )
        ],
        "3",
    ),
]


@pytest.mark.parametrize(("check", "pairs"), SILENT)
def test_correct_news_pairs_raise_nothing(check: str, pairs: list[tuple[str, str]]) -> None:
    assert [f.text for f in findings(pairs, check)] == []


@pytest.mark.parametrize(("check", "pairs", "text"), CAUGHT)
def test_errors_are_still_caught(check: str, pairs: list[tuple[str, str]], text: str) -> None:
    assert text in [f.text for f in findings(pairs, check)]


def test_a_right_rendering_edited_in_elsewhere_rechecks_the_segment_that_reads_it() -> None:
    pairs = [
        ("The scheme ended in September.", "この陰謀は9月に終了した。"),
        ("The scheme covered 9 million workers.", "この陰謀は900万人の労働者を対象とした。"),
    ]
    doc = DocumentInput("d", tuple(SegmentInput(str(i), "d", s, t) for i, (s, t) in enumerate(pairs, 1)))
    settings = {"user_lexicons": False}
    checker = IncrementalChecker([doc], settings, QaContext.from_settings(settings), only=["sense"])
    assert checker.run().findings == []
    changed = checker.update_segment(
        SegmentInput("2", "d", pairs[1][0], "この制度は900万人の労働者を対象とした。")
    )
    assert [(f.segment, f.text) for f in changed["1"]] == [("1", "陰謀")]
