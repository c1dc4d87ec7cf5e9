"""Lessons of the tune pages of 2026-12-07 (eighth session), in our own words: a phrase dropped from inside
a clause (an adverbial or relative phrase none of whose words has a counterpart) is an omission of its own;
a loanword term rendered once by a kanji compound the dictionary does not know is an inconsistent term."""

from __future__ import annotations

from .helpers import findings

THERMOSTATS = [
    (
        "The school replaced every thermostat in its classrooms last summer.",
        "同校は昨夏、全教室のサーモスタットを交換した。",
    ),
    (
        "Teachers say the new thermostats keep rooms too cold in the morning.",
        "教員らによると、新しいサーモスタットでは朝の教室が寒すぎる。",
    ),
    (
        "The caretaker now checks each thermostat before lessons begin.",
        "用務員は現在、授業開始前に各サーモスタットを点検している。",
    ),
]


def test_a_loanword_term_rendered_once_by_an_unknown_kanji_compound() -> None:
    pairs = [
        *THERMOSTATS,
        (
            "The school has sold its old thermostats to a recycling company.",
            "同校は古い温度調節器をリサイクル会社に売却した。",
        ),
    ]
    found = findings(pairs, "term-consistency")
    assert [f.text for f in found] == ["温度調節器"]
    assert "サーモスタット" in found[0].message


def test_the_kanji_compound_may_render_another_word_without_a_counterpart() -> None:
    # "firm" has no counterpart the dictionary knows: 温度調節器 and 会社 are two runs either may render
    pairs = [
        *THERMOSTATS,
        (
            "The school has sold its old thermostats to a recycling firm.",
            "同校は古い温度調節器をリサイクル会社に売却した。",
        ),
    ]
    assert findings(pairs, "term-consistency") == []


FERRY_TAIL = (
    "Ferries will resume sailing in May, when the new pier opens.",
    "フェリーは新しい桟橋が開業する5月に運航を再開する。",
)


def test_a_phrase_dropped_from_inside_a_clause() -> None:
    pairs = [
        (
            "The ferry service between the two islands was suspended on Monday morning after a long dispute "
            "with the port authority over landing fees, the operator said.",
            "運航会社によると、2つの島を結ぶフェリーの運航は月曜日の朝に停止された。",
        ),
        FERRY_TAIL,
    ]
    found = findings(pairs, "omission")
    assert [f.text for f in found] == ["after a long dispute with the port authority over landing fees"]
    assert found[0].side.value == "source"


def test_names_without_a_counterpart_are_no_dropped_phrase() -> None:
    # a firm the translation describes instead of naming it: its name's words are no phrase of content
    # words the translation dropped
    pairs = [
        (
            "Analysts at Corrigan Haldane Westbury Partners expect the central bank to cut interest rates "
            "twice before the end of this year.",
            "英投資会社のアナリストは、中央銀行が年内に2回利下げすると予想している。",
        ),
        FERRY_TAIL,
    ]
    assert findings(pairs, "omission") == []


def test_the_last_item_of_a_list_dropped_before_its_verb() -> None:
    pairs = [
        (
            "The report said higher prices, fewer workers and a lack of affordable rented housing had slowed "
            "the building of new schools in the north of the country.",
            "報告書によると、物価の上昇と労働者の減少により、同国北部での新しい学校の建設が遅れた。",
        ),
        FERRY_TAIL,
    ]
    assert [f.text for f in findings(pairs, "omission")] == ["and a lack of affordable rented housing"]


def test_a_phrase_that_runs_on_into_the_clause_is_no_dropped_phrase() -> None:
    # 利下げ renders "cut interest rates", which the dictionary does not see in it: the words run on
    # into the clause ("twice before the end of this year"), so they are no phrase of their own
    pairs = [
        (
            "Analysts at the bank expect the central bank to cut interest rates twice before the end of "
            "this year, the bank said in a note to clients.",
            "同行は顧客向けのリポートで、同行のアナリストは中央銀行が年内に2回利下げすると予想していると述べた。",
        ),
        FERRY_TAIL,
    ]
    assert findings(pairs, "omission") == []


def test_a_bound_in_time_turned_round() -> None:
    pairs = [
        (
            "Homes built before 1990 must be inspected.",
            "1990年以降に建てられた住宅は検査を受けなければならない。",
        )
    ]
    found = findings(pairs, "comparison")
    assert [f.text for f in found] == ["1990年以降"]
    assert "before 1990" in found[0].message
    pairs = [("Fares have risen since March 2024.", "2024年3月まで運賃は上昇した。")]
    assert [f.text for f in findings(pairs, "comparison")] == ["2024年3月まで"]


def test_bounds_in_time_kept_or_negated_or_ranges_are_quiet() -> None:
    pairs = [
        (
            "Homes built before 1990 must be inspected.",
            "1990年以前に建てられた住宅は検査を受けなければならない。",
        ),
        ("The bridge will not reopen until 2030.", "橋は2030年まで再開しない。"),
        ("The bridge will not reopen until 2030.", "橋の再開は2030年以降になる。"),
        ("The scheme ran from 2015 to 2020.", "制度は2015年から2020年まで実施された。"),
        ("Prices have doubled since 2015.", "価格は2015年以降2倍になった。"),
        ("The work must finish by March.", "工事は3月までに終える必要がある。"),
    ]
    assert findings(pairs, "comparison") == []


def test_mobile_carriers_are_no_haulage_firms() -> None:
    pairs = [
        (
            "Rural customers of the three mobile carriers still have no reliable signal.",
            "大手携帯運送会社3社の地方の顧客には、依然として安定した電波が届いていない。",
        )
    ]
    assert [f.text for f in findings(pairs, "sense")] == ["運送"]
    # "signal" and "coverage" are everyday words: an aircraft carrier sent as a signal of support stays one
    navy = [
        (
            "The carrier was sent to the region as a signal of support.",
            "空母は支援の意思表示として同地域に派遣された。",
        )
    ]
    assert findings(navy, "sense") == []


def test_a_comparison_phrase_dropped() -> None:
    pairs = [
        (
            "The new plant will cut the town's emissions by 12,000 tonnes a year compared with coal-fired "
            "heating, the council said in a statement on Monday.",
            "市は月曜日の声明で、新しい施設により町の排出量が年間1万2000トン減ると発表した。",
        ),
        FERRY_TAIL,
    ]
    assert [f.text for f in findings(pairs, "omission")] == ["compared with coal-fired heating"]


def test_an_adverb_of_without_pause_is_no_negation() -> None:
    pairs = [
        ("The river wears at the old wall every single day.", "川は休むことなく古い壁を削り続けている。"),
        (
            "Volunteers have cleaned the beach every week since 2019.",
            "ボランティアは2019年以来、欠かさず毎週浜を清掃している。",
        ),
    ]
    assert findings(pairs, "polarity") == []


def test_a_bound_after_a_counted_unit_is_no_other_rendering_of_it() -> None:
    pairs = [
        (
            "The new boats will cut the crossing from nearly four hours to 50 minutes.",
            "新しい船で、横断の所要時間は4時間近くから50分に縮まる。",
        ),
        (
            "The island, nearly four hours from the mainland by ferry, has 900 residents.",
            "本土からフェリーで4時間近くかかる同島には900人が暮らす。",
        ),
        (
            "Skippers must have at least 1,500 sailing hours, including 200 hours at night.",
            "船長には、夜間の200時間を含む1500時間以上の航海経験が求められる。",
        ),
    ]
    assert findings(pairs, "term-consistency") == []


def test_a_scheduled_service_rendered_as_worship() -> None:
    pairs = [
        (
            "The ferry service to the island will run twice a day from May.",
            "島へのフェリー便は5月から1日2便運航される。",
        ),
        ("The first Sunday service will leave at 9:15 a.m.", "最初の日曜礼拝は午前9時15分に出発する。"),
        ("Passengers on the ferry service must book a seat.", "フェリー便の乗客は座席を予約する必要がある。"),
    ]
    assert [f.text for f in findings(pairs, "sense")] == ["礼拝"]
    memorial = [
        (
            "A memorial service for the ferry crew will be held on Friday.",
            "フェリー乗組員の追悼礼拝が金曜日に行われる。",
        )
    ]
    assert findings(memorial, "sense") == []


def test_review_time_bounds_after_a_delay_or_a_doubt_and_the_modal_may() -> None:
    # a second reviewer's probes (helper-175): correct translations the first rule reported
    pairs = [
        ("The launch has been postponed until 2027.", "打ち上げは2027年以降に延期された。"),
        ("Passengers will have to wait until 2028 for the new trains.", "新型車両の導入は2028年以降になる。"),
        ("The plant is unlikely to reopen before 2026.", "同工場の再開は2026年以降になる見通しだ。"),
        (
            "Applications close on 31 May. Those who apply after may lose their place.",
            "申請期限は5月31日まで。それ以降の申請者は枠を失う可能性がある。",
        ),
    ]
    assert findings(pairs, "comparison") == []


def test_review_time_bounds_on_a_month_at_the_end_or_a_uk_date() -> None:
    pairs = [
        ("Councils must submit their reports by June.", "自治体は6月以降に報告書を提出しなければならない。")
    ]
    assert [f.text for f in findings(pairs, "comparison")] == ["6月以降"]
    pairs = [
        ("Cars registered before 1 April 2017 pay less.", "2017年4月1日以降に登録された車は支払額が少ない。")
    ]
    assert [f.text for f in findings(pairs, "comparison")] == ["2017年4月1日以降"]


def test_review_a_verbal_noun_predicate_is_no_rendering_of_the_term() -> None:
    pairs = [
        (
            "The council bought a drone in March to inspect bridges.",
            "市は橋の点検のため3月にドローンを購入した。",
        ),
        (
            "The drone flew over 40 bridges in its first month.",
            "ドローンは最初の1カ月で40の橋の上空を飛行した。",
        ),
        (
            "Residents complained that the drone was too noisy.",
            "住民はドローンの音がうるさすぎると苦情を申し立てた。",
        ),
        ("The drone has since been grounded.", "その後、飛行停止の措置が取られた。"),
    ]
    assert findings(pairs, "term-consistency") == []


def test_review_an_epithet_rendered_by_the_name_it_stands_for() -> None:
    pairs = [
        (
            "Consumer prices rose 2.1% in October in the world's second-biggest economy, official data "
            "showed on Monday.",
            "月曜日に発表された公式統計によると、中国の10月の消費者物価は2.1%上昇した。",
        ),
        FERRY_TAIL,
    ]
    assert findings(pairs, "omission") == []
