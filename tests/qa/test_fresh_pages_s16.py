"""Lessons of the fresh pages of 2026-12-05, night (their misses and false alarms, in our own words): a
quotation that opens its paragraph goes on from the speaker before, a speaker named in apposition, a company
name that ends in a common word, the senses of "drum", "appeal" and "critical", an odd rendering as long as
the usual one, a longer term that the usual rendering renders whole, a second report and an appended
comparison dropped, a synonym in brackets, and "little time"."""

from __future__ import annotations

import pytest

from .helpers import findings


def test_a_quotation_opening_its_paragraph_goes_on_from_the_speaker_before() -> None:
    page = [
        (
            "Treasurer Olwen Parry said the choir had lost its grant.",
            "会計担当のオルウェン・パリー氏は、合唱団が助成金を失ったと述べた。",
        ),
        (
            "Conductor Idris Mabey said the concerts would go on.",
            "指揮者のイドリス・メイビー氏は、演奏会は続けると述べた。",
        ),
        (
            '"The singers are the heart of it. Without them we have nothing," he said.',
            "「歌い手こそが核心だ。彼らがいなければ何もない」とパリー氏は述べた。",
        ),
    ]
    found = findings(page, "agent")
    assert [(f.segment, f.text) for f in found] == [("3", "パリー氏")]
    assert "Idris Mabey" in found[0].message
    # the speaker of the paragraph before, rendered: nothing to say
    page[2] = (page[2][0], "「歌い手こそが核心だ。彼らがいなければ何もない」とメイビー氏は述べた。")
    assert findings(page, "agent") == []


def test_a_speaker_named_in_apposition_is_the_he_of_the_quotation_after() -> None:
    page = [
        (
            "Director Saskia Brandvold said the mill would reopen.",
            "サスキア・ブランヴォル所長は、製粉所を再開すると述べた。",
        ),
        (
            'The union\'s spokesman, Emlyn Carrow, said it backed the plan. "We only want a fair wage," '
            "he said.",
            "組合の広報担当、エムリン・キャロウ氏は、計画を支持すると述べた。「公正な賃金が欲しいだけだ」と"
            "ブランヴォル所長は述べた。",
        ),
    ]
    assert [f.text for f in findings(page, "agent")] == ["ブランヴォル所長"]


def test_a_name_in_apposition_after_said_is_the_agent() -> None:
    page = [
        ("Velmar Tools said it would hire 40 people.", "ヴェルマー・ツールズは40人を雇用すると述べた。"),
        (
            '"We are ready," said the firm\'s chief engineer, Petra Holmstad.',
            "「準備はできている」と、同社のペトラ・ホルムスタッド主任技師は述べた。",
        ),
        (
            '"Costs are falling," said Velmar\'s chief executive, Anders Lykke.',
            "「コストは下がっている」と、ヴェルマーのアンデルス・リュッケ最高経営責任者（CEO）は述べた。",
        ),
    ]
    assert findings(page, "agent") == []


def test_a_company_whose_name_ends_in_a_common_word_is_read_by_its_first_part() -> None:
    page = [
        (
            "Analysts at Broxley Partners said prices would keep rising.",
            "ブロクスリー・パートナーズのアナリストは、価格は上昇を続けると述べた。",
        ),
        (
            "The Grain Council said it expected a surplus next year.",
            "ブロクスリー・パートナーズは、来年は供給過剰になるとの見通しを示した。",
        ),
    ]
    assert [f.text for f in findings(page, "agent")] == ["ブロクスリー・パートナーズ"]


def test_a_loanword_of_the_english_sentence_is_no_agent() -> None:
    """コスト opens the Japanese sentence; the English says "costs" (and the page names the Ivory Coast)."""
    page = [
        (
            "Growers in the Ivory Coast sold less cocoa.",
            "コートジボワールの生産者はカカオの販売量を減らした。",
        ),
        (
            "Chief executive Marta Lindqvist said costs had soared.",
            "マルタ・リンドクヴィスト最高経営責任者（CEO）は、コストが急騰したと述べた。",
        ),
    ]
    assert findings(page, "agent") == []


SENSES = [
    (
        "The sludge will be kept in sealed steel drums on site.",
        "汚泥は密閉した鋼鉄製の太鼓に入れて敷地内で保管する。",
        ["太鼓"],
    ),
    ("The sludge will be kept in sealed steel drums on site.", "汚泥は密閉したドラム缶で保管する。", []),
    ("The band's new drummer plays the drums live.", "バンドの新ドラマーがライブで太鼓を叩く。", []),
    (
        "The choir has launched an appeal to former singers.",
        "合唱団は元団員に向けた控訴を始めた。",
        ["控訴"],
    ),
    (
        "The choir has launched an appeal to former singers.",
        "合唱団は元団員に支援を呼びかけ始めた。",
        [],
    ),
    (
        "The club launched an appeal against the court ruling.",
        "クラブは裁判所の判決を不服として控訴した。",
        [],
    ),
    (
        "Nurses will be trained for the critical hours after an accident.",
        "看護師は事故直後の批判的な数時間に備えて研修を受ける。",
        ["批判的"],
    ),
    (
        "Nurses will be trained for the critical hours after an accident.",
        "看護師は事故直後の極めて重要な数時間に備えて研修を受ける。",
        [],
    ),
    ("The report was critical of the ministry.", "報告書は省に批判的だった。", []),
    # shipped from mines, water used by plants: the verb "ship" and water are no cues of the other senses
    (
        "Most of the concentrate will be shipped from mines in Chile.",
        "精鉱の大半はチリの鉱山から輸送される。",
        [],
    ),
    (
        "The smelter will use less water than older plants.",
        "この製錬所は従来の工場より少ない水を使う。",
        [],
    ),
]


@pytest.mark.parametrize(("en", "ja", "spans"), SENSES)
def test_drum_appeal_and_critical_take_the_sense_their_context_calls_for(
    en: str, ja: str, spans: list[str]
) -> None:
    assert [f.text for f in findings([(en, ja)], "sense")] == spans


def test_an_odd_rendering_as_long_as_the_usual_one_is_reported() -> None:
    page = [
        ("The committee met on Monday.", "委員会は月曜日に開かれた。"),
        (
            "Chair Nia Roberts said the committee would not cut jobs.",
            "ニア・ロバーツ委員長は、委員会は雇用を削減しないと述べた。",
        ),
        (
            "Instead, the committee proposed a fee rise since 2019.",
            "その代わりに、役員会は2019年以来の値上げを提案した。",
        ),
        ("If it fails, the committee will decide again.", "否決されれば、委員会は再び決める。"),
    ]
    assert [f.text for f in findings(page, "term-consistency")] == ["役員会"]


def test_the_usual_rendering_of_a_longer_term_says_nothing_of_the_term_alone() -> None:
    """昨季 renders "last season" whole (昨, "last"); 今季 for "this season" is no other rendering of it."""
    page = [
        ("The club lost money last season.", "クラブは昨季、赤字を出した。"),
        ("Bar takings fell last season.", "バーの売り上げは昨季減少した。"),
        ("Six clubs reported losses last season.", "6つのクラブが昨季に損失を計上した。"),
        ("Players will buy their own kit this season.", "選手たちは今季、自費で用具を購入する。"),
    ]
    assert findings(page, "term-consistency") == []


def test_a_term_inside_longer_terms_that_its_rendering_does_not_render_is_still_reported() -> None:
    """氷帽 renders "ice cap" and not "small": the odd 氷冠 of "the eastern ice cap" is reported."""
    page = [
        ("The small ice cap is melting.", "小さな氷帽が解けている。"),
        ("Scientists measured the small ice cap in May.", "科学者たちは5月に小さな氷帽を測定した。"),
        ("The small ice cap lost a metre.", "小さな氷帽は1メートル薄くなった。"),
        ("The eastern ice cap is stable.", "東側の氷冠は安定している。"),
    ]
    assert [f.text for f in findings(page, "term-consistency")] == ["氷冠"]


def test_a_second_report_of_the_same_speaker_dropped_is_an_omission() -> None:
    en = (
        "Transport Minister Rosa Quintal, who opened the line on Monday, called it a turning point and said "
        "fares would stay low for a decade."
    )
    ja = "月曜日に路線を開通させたロサ・キンタル運輸相は、これを転換点と呼んだ。"
    found = findings([(en, ja)], "omission")
    assert len(found) == 1
    assert "fares would stay low for a decade" in en[found[0].start : found[0].end]


def test_an_appended_comparison_dropped_is_an_omission() -> None:
    en = (
        "Coffee for March delivery traded at $4,120 a tonne on Friday, nearly three times its level a year "
        "ago."
    )
    ja = "3月渡しのコーヒーは金曜日、1トンあたり4120ドルで取引された。"
    found = findings([(en, ja)], "omission")
    assert [en[f.start : f.end] for f in found] == ["nearly three times its level a year ago"]


def test_a_synonym_in_brackets_is_no_addition() -> None:
    en = "The firm will build a rare-earth plant near the harbour."
    assert findings([(en, "同社は港の近くにレアアース（希土類）の工場を建設する。")], "addition") == []
    # a bracket that adds something the English does not say is still one
    found = findings([(en, "同社は港の近くにレアアース（中国産）の工場を建設する。")], "addition")
    assert [f.text for f in found] == ["（中国産）"]


POLARITY = [
    (
        "A heart must be transplanted within hours, leaving little time for forms.",
        "心臓は数時間以内に移植しなければならず、書類に割ける時間はほとんどない。",
        [],
    ),
    ("Few families objected to the change.", "変更に反対した家族はほとんどいなかった。", []),
    # "a little time" and "a few" are no negation
    (
        "The nurses asked for a little time with the family.",
        "看護師たちは家族と過ごす時間がないと訴えた。",
        ["ない"],
    ),
]


@pytest.mark.parametrize(("en", "ja", "spans"), POLARITY)
def test_little_and_few_explain_a_negation_but_a_little_does_not(en: str, ja: str, spans: list[str]) -> None:
    assert [f.text for f in findings([(en, ja)], "polarity")] == spans


COMPARISONS = [
    ("Classes have no more than twelve pupils.", "1クラスの生徒は12人以下だ。", []),
    ("Classes have more than twelve pupils.", "1クラスの生徒は12人以下だ。", ["12人以下"]),
    ("Classes have no fewer than 15 pupils.", "1クラスの生徒は15人以上だ。", []),
]


@pytest.mark.parametrize(("en", "ja", "spans"), COMPARISONS)
def test_no_more_than_is_an_upper_bound(en: str, ja: str, spans: list[str]) -> None:
    assert [f.text for f in findings([(en, ja)], "comparison")] == spans


LIKELIER = [
    (
        "Riders were more likely than walkers to suffer a broken arm.",
        "利用者は歩行者に比べ、腕を骨折する可能性が低いという。",
        ["低い"],
    ),
    (
        "Riders were more likely than walkers to suffer a broken arm.",
        "利用者は歩行者に比べ、腕を骨折する可能性が高いという。",
        [],
    ),
    ("Riders were less likely than walkers to fall.", "利用者は歩行者より転倒する可能性が高い。", ["高い"]),
]


@pytest.mark.parametrize(("en", "ja", "spans"), LIKELIER)
def test_more_likely_than_is_compared_with_ni_kurabe(en: str, ja: str, spans: list[str]) -> None:
    assert [f.text for f in findings([(en, ja)], "comparison")] == spans


def test_a_silent_first_letter_does_not_hide_a_surname() -> None:
    from mtreview.qa.jtext import name_similarity

    assert name_similarity("Wren", "レン") >= 0.8
    assert name_similarity("Knox", "ノックス") >= 0.8
    assert name_similarity("Wren", "ブレン") < name_similarity("Wren", "レン")
    page = [
        (
            "Mayor Odile Wren abstained in the vote. Wren said the town would try again.",
            "オディール・レン町長は採決を棄権した。レン社は、町は再び挑戦すると述べた。",
        )
    ]
    assert [f.text for f in findings(page, "name-as-company")] == ["レン社"]


def test_one_sense_per_document_where_the_sentence_has_no_cue() -> None:
    page = [
        (
            "The council began a two-year trial of rental bikes in May.",
            "市議会は5月、レンタル自転車の2年間の試験導入を始めた。",
        ),
        ("The pilot scheme cost the city £2m.", "この試行事業には市の予算200万ポンドが充てられた。"),
        (
            "Most riders joined the trial scheme in its first month.",
            "利用者の大半は最初の1カ月で試験導入に参加した。",
        ),
        (
            "Residents made 90 complaints since the trial began.",
            "住民からは裁判が始まって以来、90件の苦情が寄せられた。",
        ),
    ]
    found = findings(page, "sense")
    assert [(f.segment, f.text) for f in found] == [("4", "裁判")]
    assert [(f.segment, f.text) for f in findings([page[0], page[3]], "sense")] == [("2", "裁判")]
    # a document that uses the word in two senses elsewhere says nothing of this one
    court = (
        "A driver goes on trial for fraud at the crown court today.",
        "運転手の詐欺事件の裁判が今日始まる。",
    )
    assert findings([page[0], court, page[3]], "sense") == []


def test_a_cue_in_another_sentence_of_the_same_segment_is_no_document_sense() -> None:
    """ "run" (a cue of "fine" as "very good") is in the next sentence, not with "fines"."""
    en = "Firms that miss the targets face fines of up to 2% of revenue. The licences run for ten years."
    ja = "目標を達成できない企業には売上高の最大2%の罰金が科される。免許の期間は10年。"
    assert findings([(en, ja)], "sense") == []


def test_the_stroke_of_a_swimmer_and_of_a_patient() -> None:
    en = "Each pupil will learn three strokes and how to float."
    assert [f.text for f in findings([(en, "児童は3種類の脳卒中と浮き方を学ぶ。")], "sense")] == ["脳卒中"]
    assert findings([(en, "児童は3種類の泳法と浮き方を学ぶ。")], "sense") == []
    en = "The patient suffered a stroke in hospital."
    assert findings([(en, "患者は入院中に脳卒中を起こした。")], "sense") == []


def test_a_sledgehammer_to_crack_a_nut_word_for_word_is_an_idiom_error() -> None:
    en = 'Critics said the ban was "a sledgehammer to crack a nut".'
    found = findings([(en, "批判派は、禁止は「木の実を割るための大ハンマー」だと述べた。")], "literal-idiom")
    assert len(found) == 1
    assert findings([(en, "批判派は、禁止は「明らかにやり過ぎ」だと述べた。")], "literal-idiom") == []


def test_a_reason_after_as_dropped_is_an_omission() -> None:
    en = (
        "The union said the lack of drivers was the main problem for the service, as many had retired "
        "during the pandemic."
    )
    ja = "組合は、運転手の不足がこの路線の最大の問題だと述べた。"
    found = findings([(en, ja)], "omission")
    assert [en[f.start : f.end] for f in found] == ["as many had retired during the pandemic"]


# The second reviewer's probes (its pairs, kept as they were written)
REVIEW_POLARITY = [
    (
        "Fuel prices have risen sharply over the past few weeks.",
        "ここ数週間、燃料価格は大きく上昇していない。",
    ),
    ("The ferry will run every few hours during the holiday.", "連休中、フェリーは数時間おきに運航しない。"),
    ("The board will decide in the next few days.", "取締役会は今後数日以内に決定しない。"),
]


@pytest.mark.parametrize(("en", "ja"), REVIEW_POLARITY)
def test_review_a_few_days_is_no_negation(en: str, ja: str) -> None:
    assert len(findings([(en, ja)], "polarity")) == 1


def test_review_a_surname_whose_first_letter_is_heard_still_matches() -> None:
    page = [
        (
            "Danish economist Lars Knudsen and central bank governor Mette Hansen spoke in Copenhagen on "
            "Monday.",
            "デンマークの経済学者ラース・クヌーセン氏と中央銀行のメッテ・ハンセン総裁が月曜日、"
            "コペンハーゲンで講演した。",
        ),
        (
            "Inflation has eased. Rates will stay high for now, Hansen said.",
            "インフレは和らいでいる。クヌーセン氏によると、金利は当面高止まりするという。",
        ),
    ]
    assert [f.text for f in findings(page, "agent")] == ["クヌーセン氏"]


def test_review_a_titled_name_is_an_agent_whatever_the_sentence_says() -> None:
    page = [
        (
            "Councillor Sarah Green and finance chief Tom Walsh presented the budget on Monday.",
            "サラ・グリーン市議と財務責任者のトム・ウォルシュ氏は月曜日、予算案を発表した。",
        ),
        (
            "The budget runs to 40 pages. The plan puts green energy first, Walsh said.",
            "予算案は40ページに及ぶ。グリーン氏によると、この計画はグリーンエネルギーを最優先にしている。",
        ),
    ]
    assert [f.text for f in findings(page, "agent")] == ["グリーン氏"]


def test_review_a_persons_given_name_is_no_fallback() -> None:
    page = [
        (
            "Sarah Wood, the head of the regional health board, spoke to reporters on Tuesday.",
            "地域保健委員会のトップを務めるサラ・ウッド氏は火曜日、記者団の取材に応じた。",
        ),
        (
            "Waiting lists have grown. Staff shortages are the main cause, Wood said.",
            "待機者リストは増えている。サラ・ウッド氏によると、主な原因は人手不足だという。",
        ),
    ]
    assert findings(page, "agent") == []


REVIEW_COMPARED = [
    (
        "Exports rose 5% compared with a year earlier, though growth was lower than economists had expected.",
        "輸出は前年に比べ5%増えたが、伸びはエコノミストの予想を下回った。",
    ),
    (
        "Rents rose 8% compared with last year, but remain lower than in the capital.",
        "家賃は前年と比べて8%上昇したが、依然として首都よりは安い。",
    ),
]


@pytest.mark.parametrize(("en", "ja"), REVIEW_COMPARED)
def test_review_compared_with_is_not_the_than(en: str, ja: str) -> None:
    assert findings([(en, ja)], "comparison") == []


REVIEW_SENSES = [
    (
        "Families have long been critical of the hospital's care for elderly patients.",
        "家族らは以前から、高齢患者に対する病院のケアに批判的だった。",
    ),
    (
        "Opposition lawmakers were critical of the minister's role in the crisis.",
        "野党議員らは、危機における大臣の役割に批判的だった。",
    ),
    (
        "Photosynthesis is the process by which plants turn sunlight into energy.",
        "光合成とは、植物が日光をエネルギーに変える過程のことだ。",
    ),
    (
        "Mangrove plants have a remarkable capacity to trap carbon.",
        "マングローブの植物には、炭素を閉じ込める優れた能力がある。",
    ),
    (
        "The former mayor said he would appeal the decision.",
        "前市長は、この決定を不服として控訴する考えを示した。",
    ),
    (
        "Climate protesters banged drums outside the oil company's headquarters.",
        "気候変動への抗議者らが、石油会社の本社前で太鼓を打ち鳴らした。",
    ),
    (
        "The former tennis champion, who had a stroke in 2019, now coaches juniors.",
        "2019年に脳卒中を起こした元テニス王者は、現在ジュニアを指導している。",
    ),
]


@pytest.mark.parametrize(("en", "ja"), REVIEW_SENSES)
def test_review_the_new_sense_cues_raise_no_false_alarm(en: str, ja: str) -> None:
    assert findings([(en, ja)], "sense") == []


def test_review_a_document_sense_is_minor_and_says_where_it_comes_from() -> None:
    """One sense per document can be wrong (a page about a chemical plant that mentions rare plants): the
    finding says it comes from the rest of the document, and is minor."""
    from mtreview.domain.model import Severity

    page = [
        (
            "The chemical plant on the edge of town will close next year, the company said.",
            "同社によると、町外れの化学工場は来年閉鎖される。",
        ),
        ("About 300 workers at the plant will lose their jobs.", "工場の従業員約300人が職を失う。"),
        (
            "Ecologists surveying the site last spring found several rare plants, including two orchids.",
            "昨春に敷地を調査した生態学者らは、2種のランを含む希少な植物をいくつか発見した。",
        ),
    ]
    found = findings(page, "sense")
    assert [(f.segment, f.severity) for f in found] == [("3", Severity.MINOR)]
    assert "Elsewhere in this document" in found[0].message


def test_review_the_document_sense_pass_is_linear() -> None:
    """Each cue-less sentence reads the counts of its word once (was: every segment using the word)."""
    import resource

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    def page(n: int) -> list[tuple[str, str]]:
        return [
            (
                f"Unit {i} of the chemical plant will close. The plant employs {i + 100} people.",
                f"化学工場の第{i}ユニットは閉鎖される。同工場の従業員は{i + 100}人だ。",
            )
            for i in range(n)
        ]

    findings(page(50), "sense")  # warm up the analysers
    start = cpu()
    findings(page(1000), "sense")
    small = cpu() - start
    start = cpu()
    findings(page(4000), "sense")
    large = cpu() - start
    assert large < 8 * max(small, 0.05)  # four times the segments: about four times the CPU, not sixteen


TRIAL_END = [
    # the end of a trial says nothing of its kind
    ("The trial will end in May.", "裁判は5月に終わる。", []),
    ("Her free trial ends on the last day of the month.", "彼女の無料トライアルは月末で終わる。", []),
    # the scheme's own words still do
    (
        "The council is ending a three-year trial of rental scooters.",
        "市議会はレンタル電動キックボードの3年間の裁判を終える。",
        ["裁判"],
    ),
]


@pytest.mark.parametrize(("en", "ja", "spans"), TRIAL_END)
def test_review_the_end_of_a_trial_is_no_cue_of_its_kind(en: str, ja: str, spans: list[str]) -> None:
    assert [f.text for f in findings([(en, ja)], "sense")] == spans
