"""The block boundary: a separator beside trailing chrome is not a pair; headings inside the body and a
truncated last paragraph are."""

from __future__ import annotations

import pytest

from mtreview.align.bilingual import align_page

JA = [
    "川沿いの市場が再開、週末に五千人",
    "改装を終えた川沿いの市場が、土曜日に営業を再開しました。",
    "再開初日には約5,000人が訪れ、周辺の道路は昼まで混雑しました。",
    "市場の運営責任者であるイフェオマ・ンワチュクウ氏は、出店者の数が2倍になったと話しました。",
    "新しい屋根",
    "屋根は地元の職人が竹と再生材を使って作り直したものです。",
    "改装費用は約80万ドルで、市と商工会議所が半分ずつ負担しました。",
    "次の段階として、運営側は川沿いの遊歩道を",
]
EN = [
    "The riverside market reopened on Saturday after its renovation.",
    "About 5,000 people came on the first day, and the roads nearby were busy until noon.",
    "Ifeoma Nwachukwu, who runs the market, said the number of stallholders had doubled.",
    "A new roof",
    "Local craftspeople rebuilt the roof with bamboo and recycled materials.",
    "The renovation cost about $800,000, shared equally by the city and the chamber of commerce.",
    "As a next step, the organisers plan to extend the riverside walk towards",
]


@pytest.mark.parametrize(
    ("separator", "chrome"),
    [
        ("原文を表示", ["Share this article", "Subscribe to our newsletter"]),
        ("▼ 英語の原文", ["Share on LINE"]),
        ("【English】", ["Related stories", "Follow us"]),
    ],
)
def test_separator_and_trailing_chrome_stay_unpaired(tmp_path, separator, chrome):
    page = tmp_path / "page.txt"
    page.write_text("\n".join(["市場の再開", *JA, separator, *EN, *chrome]) + "\n", encoding="utf-8")
    alignment = align_page(page)
    sep_line = 1 + len(JA) + 1
    en_first = sep_line + 1
    chrome_lines = set(range(en_first + len(EN), en_first + len(EN) + len(chrome)))
    paired = {n for p in alignment.pairs for n in (*p.source_lines, *p.target_lines)}
    assert sep_line not in paired
    assert not chrome_lines & paired
    pairs = {(p.source_lines, p.target_lines) for p in alignment.pairs}
    # the body pairs one to one, the short heading inside it and the truncated last paragraph included
    expected = {((en_first + k,), (3 + k,)) for k in range(len(EN))}
    assert pairs == expected


def test_key_points_above_the_body_do_not_join_its_first_pair(tmp_path):
    # the first body line's anchors are written the Japanese way (2026年9月, 2万7400円) and a bulleted key
    # point carrying a figure of a later paragraph sits right above it: the first pair is that line alone
    ja = [
        "湖畔図書館、年会費を引き上げへ",
        "2026年9月から年2万7400円に、利用者団体は反発",
        "キーポイント",
        "・引き上げ幅は12％近く",
        "・閲覧席を40席削減",
        "・困窮世帯向けに320万円の基金",
        "湖畔図書館は月曜日、2026年9月から年会費を2万7400円に引き上げると発表した。",
        "12％近い今回の引き上げは開館以来最大で、先週水曜日の会合で理事会が承認した。",
        "同館はまた、閲覧席を40席減らすことも明らかにした。",
        "館長のアナ・ロボ氏は、理事会は軽々しく決めたわけではないと述べた。",
        "困窮世帯向けには320万円の基金が設けられる。",
    ]
    en = [
        "The Lakeside Library will raise its annual membership fee to ¥27,400 from September 2026, "
        "the library announced on Monday.",
        "The increase of almost 12% is the largest since the library opened and was approved by its board "
        "at a meeting last Wednesday.",
        "The library also said it would remove 40 reading seats.",
        "The head librarian, Ana Lobo, said the board had not taken the decision lightly.",
        "A fund of ¥3.2 million will be set up for households in hardship.",
    ]
    page = tmp_path / "page.txt"
    page.write_text("\n".join([*ja, "英語の原文を表示", *en, "Share this story"]) + "\n", encoding="utf-8")
    alignment = align_page(page)
    first_en = len(ja) + 2
    pairs = sorted((p.source_lines, p.target_lines) for p in alignment.pairs)
    assert pairs == [((first_en + k,), (7 + k,)) for k in range(len(en))]


@pytest.mark.parametrize(
    ("head", "dropped"),
    [
        ("・組合は合意内容を評価", True),  # a bulleted key point
        ("・組合は合意内容を評価した。", True),  # a bulleted key point written as a sentence
        ("夜間作業員は180人に", True),  # a key point with a figure the paragraph lacks (a later one's)
        ("港湾局が荷役を再開", False),  # a short line with no figure and no bullet: kept
    ],
)
def test_a_key_point_is_dropped_from_the_front_of_the_first_pair(head, dropped):
    from mtreview.align.aligner import AlignerResult, Link
    from mtreview.align.bilingual import _trim_leading_chrome
    from mtreview.align.features import document_features
    from mtreview.align.structure import read_units

    ja = [
        head,
        "港湾局は火曜日、5月2日から夜間の荷役を再開すると発表した。",
        "組合は合意を歓迎した。",
        "夜間には約180人が働く。",
    ]
    en = [
        "The port authority said on Tuesday that night cargo handling would resume on May 2.",
        "The union welcomed the agreement.",
        "About 180 people will work at night.",
    ]
    target = read_units("\n".join(ja) + "\n", "ja.txt")
    features = document_features(en, [u.flat for u in target])
    result = AlignerResult(
        [Link((0,), (0, 1), 0.0, 1.0), Link((1,), (2,), 0.0, 1.0), Link((2,), (3,), 0.0, 1.0)]
    )
    trimmed = _trim_leading_chrome(result, read_units("\n".join(en) + "\n", "en.txt"), target, features)
    assert trimmed.links[0].target == ((1,) if dropped else (0, 1))
    assert trimmed.target_edge == ([0] if dropped else [])


@pytest.mark.parametrize(
    ("furniture", "dropped"), [("Share this story", True), ("Talks resume on Friday.", False)]
)
def test_furniture_joined_to_the_last_pair_is_dropped(furniture, dropped):
    from mtreview.align.aligner import AlignerResult, Link
    from mtreview.align.bilingual import _trim_chrome_edges
    from mtreview.align.features import document_features
    from mtreview.align.structure import read_units

    en = ["The union met the airline on Monday.", "Neither side has named the venue.", furniture]
    ja = [
        "組合は月曜日に航空会社と会談した。",
        "どちらの側も会場を明らかにしていない。両者は年内の合意を目指す。",
    ]
    source = read_units("\n".join(en) + "\n", "en.txt")
    target = read_units("\n".join(ja) + "\n", "ja.txt")
    features = document_features([u.flat for u in source], [u.flat for u in target])
    result = AlignerResult([Link((0,), (0,), 0.0, 1.0), Link((1, 2), (1,), 0.0, 1.0)])
    trimmed = _trim_chrome_edges(result, source, target, features)
    assert trimmed.links[-1].source == ((1,) if dropped else (1, 2))
    assert (2 in trimmed.source_edge) == dropped


def test_a_first_paragraph_with_few_anchors_still_pairs_below_the_key_points(tmp_path):
    # the English opens with its body; the lead paragraph's translation is condensed (the 1890s and
    # "Victorian" left out, the weekday wrong), so it shares no name or figure with it, and three key points
    # written as sentences stand above it: it still pairs one to one (a dropped pair hides its errors from
    # the checks), and no key point joins it
    ja = [
        "古い桟橋の修復が完了、夏に向けて再開へ",
        "地元の人々が守ってきた木造の桟橋が、再び歩けるようになる。",
        "キーポイント",
        "・修復費用は当初の見積もりを上回った。",
        "・地元の職人が古い材木の一部を再利用した。",
        "・夏の間は夜遅くまで開放される。",
        "大嵐で傷み、長く閉ざされていた古い桟橋の修復が終わり、夏に再開すると、管理団体が木曜日に明らかにした。",
        "ウェストクリフ桟橋保存会のマーガレット・オイェラル会長は、工事費が120万ポンドに達したと述べた。",
        "修復に使われた材木の3分の1は、元の桟橋から回収されたものだという。",
        "桟橋は6月から9月まで、毎晩22時まで開放される。",
    ]
    en = [
        "A Victorian pier battered by the great storms of the 1890s, and closed to walkers for most of "
        "the past decade, has finally been repaired and will reopen at the start of summer, the charity "
        "that looks after it said on Tuesday.",
        "Margaret Oyelaru, chair of the Westcliff Pier Preservation Society, said the work had cost "
        "£1.2 million.",
        "A third of the timber used in the repairs was recovered from the original structure.",
        "The pier will stay open until 10pm every night from June to September.",
    ]
    pairs, _source_only = _page(tmp_path, ja, en)
    first_en = len(ja) + 2
    assert pairs == [((first_en + k,), (7 + k,)) for k in range(len(en))]


def _page(tmp_path, ja: list[str], en: list[str]):  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text("\n".join([*ja, "原文を表示", *en, "Related stories"]) + "\n", encoding="utf-8")
    alignment = align_page(page)
    return sorted((p.source_lines, p.target_lines) for p in alignment.pairs), alignment.source_only


HEAD = [
    "運河沿いの倉庫、集合住宅に改装へ",
    "築100年の倉庫群が住まいに生まれ変わる。",
    "キーポイント",
    "・改装費は約3000万ポンドに上る。",
    "・住戸の3割は手頃な価格で提供される。",
]
BODY_JA = [
    "ブリッグフォード市議会の計画委員会は、住戸の建設に伴い運河沿いの歩道を広げることも条件とした。",
    "工事は来年春に始まり、2年で完了する見込みだ。",
    "地元の住民団体は、歴史ある建物が残ることを歓迎した。",
]
BODY_EN = [
    "Brigford council's planning committee also required the canal towpath to be widened as part of the "
    "scheme.",
    "Work is due to start next spring and take two years.",
    "A local residents' group welcomed the fact that the historic buildings would survive.",
]
LEAD = (
    "Plans to turn a row of 100-year-old canalside warehouses into 240 flats were approved on Thursday, at "
    "a cost of about £30 million."
)


def test_a_lead_the_translation_dropped_stays_unpaired(tmp_path):
    # the Japanese body opens with the English second paragraph: the lead has no translation, and no key
    # point or standfirst is its partner
    pairs, source_only = _page(tmp_path, HEAD + BODY_JA, [LEAD, *BODY_EN])
    first_en = len(HEAD) + len(BODY_JA) + 2
    assert pairs == [((first_en + 1 + k,), (len(HEAD) + 1 + k,)) for k in range(len(BODY_EN))]
    assert first_en in source_only


def test_an_english_standfirst_joined_to_key_points_alone_is_no_pair(tmp_path):
    # the English has a standfirst sentence above its body; the Japanese has key points there instead
    standfirst = "The conversion will keep the warehouses' brick facades and iron cranes."
    pairs, source_only = _page(tmp_path, HEAD + BODY_JA, [standfirst, *BODY_EN])
    first_en = len(HEAD) + len(BODY_JA) + 2
    assert pairs == [((first_en + 1 + k,), (len(HEAD) + 1 + k,)) for k in range(len(BODY_EN))]
    assert first_en in source_only
