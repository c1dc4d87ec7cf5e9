"""Lessons of the tune pages of 2026-12-07 (ninth session), in our own words: a year Japanese writes with two
digits after a full one (1980年代と90年代) is that full year, and a word of the offensive lexicon inside a
phrase the lexicon spares ("suck out the poison") is no insult."""

from __future__ import annotations

from .helpers import findings


def test_a_decade_written_short_after_a_full_one_is_the_same_decade() -> None:
    pairs = [
        (
            "Most of the recordings date from the 1980s and 1990s, the archivist said.",
            "記録係によると、録音の大半は1980年代と90年代のものだ。",
        ),
        ("Sales rose every year between 2021 and 2023.", "2021年から23年まで、売上は毎年伸びた。"),
    ]
    assert findings(pairs, "numbers") == []


def test_a_short_year_in_the_wrong_decade_is_still_reported() -> None:
    pairs = [
        (
            "Most of the recordings date from the 1980s and 1990s, the archivist said.",
            "記録係によると、録音の大半は1980年代と70年代のものだ。",
        ),
        ("Sales rose every year between 2021 and 2023.", "2021年から22年まで、売上は毎年伸びた。"),
    ]
    found = findings(pairs, "numbers")
    assert [f.text for f in found] == ["70", "22"]
    assert "1990" in found[0].message and "2023" in found[1].message


def test_a_decade_alone_written_short_is_its_twentieth_century_decade() -> None:
    pairs = [
        ("The band was formed in the 1970s.", "そのバンドは70年代に結成された。"),
        ("Streaming grew fast in the 2010s.", "ストリーミングは10年代に急成長した。"),
    ]
    assert findings(pairs, "numbers") == []


def test_sucking_out_poison_is_no_insult_but_the_slang_still_is() -> None:
    pairs = [
        (
            "Rangers warned walkers never to try to suck out the poison after a bite.",
            "レンジャーは、かまれた後に毒を吸い出そうとしないよう呼びかけた。",
        ),
        ("The old ticket machine sucks, one commuter said.", "古い券売機はひどい、とある通勤客は言った。"),
    ]
    found = findings(pairs, "offensive-tone")
    assert [f.segment for f in found] == ["2"]
    assert "sucks" in found[0].message


CHOIR = [
    (
        "Dr Helen Marsh, the choir's director, said rehearsals would resume in May.",
        "聖歌隊の指揮者であるヘレン・マーシュ博士によると、練習は5月に再開される。",
    ),
    (
        "Peter Quayle, chair of the Lowdale Music Trust, said the grant would pay for new robes.",
        "ローデール音楽財団のピーター・クエール理事長は、助成金で新しい式服を購入すると述べた。",
    ),
]


def test_he_added_after_reported_speech_is_the_speaker_of_the_paragraph_before() -> None:
    pairs = [
        *CHOIR,
        (
            "The choir will also record an album next year, he added.",
            "聖歌隊は来年アルバムも録音するとマーシュ博士は付け加えた。",
        ),
    ]
    found = findings(pairs, "agent")
    assert [f.text for f in found] == ["マーシュ博士"]
    assert "Peter Quayle" in found[0].message


def test_he_added_rendered_as_that_speaker_is_no_finding() -> None:
    pairs = [
        *CHOIR,
        (
            "The choir will also record an album next year, he added.",
            "聖歌隊は来年アルバムも録音するとクエール氏は付け加えた。",
        ),
    ]
    assert findings(pairs, "agent") == []


def test_a_negation_dropped_beside_a_word_with_a_negative_prefix_is_reported() -> None:
    # 不足 renders "shortages", not the "not": the verb the English negates (a compound the dictionary does
    # not know, 積み増す) is found after its object's rendering
    pairs = [
        (
            "The hospital had not built up its stock of masks after warnings of shortages.",
            "不足の警告を受け、病院はマスクの在庫を積み増した。",
        )
    ]
    found = findings(pairs, "polarity")
    assert [f.text for f in found] == ["積み増した"]
    assert "had not built" in found[0].message


def test_the_same_sentence_rendered_faithfully_is_no_finding() -> None:
    pairs = [
        (
            "The hospital had not built up its stock of masks after warnings of shortages.",
            "不足の警告を受けても、病院はマスクの在庫を積み増さなかった。",
        ),
        (
            "The hospital built up its stock of masks after warnings of shortages.",
            "不足の警告を受け、病院はマスクの在庫を積み増した。",
        ),
    ]
    assert findings(pairs, "polarity") == []


FARMER = (
    "The bid was backed by a local farmer, Ruth Penhale, who breeds rare pigs on the moor, and she has "
    "promised to lend the club her barn for five years."
)


def test_a_relative_clause_dropped_from_a_translation_of_nearly_usual_length_is_reported() -> None:
    # a little shorter than usual (less than the omission check's gate for clauses): the aside's words
    # appear nowhere in the translation
    pairs = [
        (
            FARMER,
            "入札は、地元の農家であるルース・ペンヘイル氏が支援しており、同氏は、5年間にわたって、クラブに対して納屋を貸すということを約束している。",
        )
    ]
    found = findings(pairs, "omission")
    assert [f.text for f in found] == ["who breeds rare pigs on the moor"]


def test_the_aside_rendered_is_no_omission() -> None:
    pairs = [
        (
            FARMER,
            "入札は、荒野で希少な豚を育てる地元の農家ルース・ペンヘイル氏が支援しており、同氏は5年間クラブに納屋を貸すと約束している。",
        )
    ]
    assert findings(pairs, "omission") == []


def test_the_doer_of_a_passive_rendered_as_another_body_is_reported() -> None:
    pairs = [
        (
            "A traffic survey commissioned by the chamber of commerce found that footfall had fallen by 12%.",
            "運輸省が委託した交通調査によると、人出は12%減少した。",
        ),
        (
            "The new ferry will be operated by the island trust, and fares will be set by the county.",
            "新しいフェリーは州議会が運航し、運賃は州が決める。",
        ),
    ]
    found = findings(pairs, "agent")
    assert [f.text for f in found] == ["運輸省", "州議会"]
    assert "chamber of commerce" in found[0].message
    assert "island trust" in found[1].message


def test_the_doer_rendered_or_named_by_a_part_of_its_rendering_is_no_finding() -> None:
    pairs = [
        (
            "A traffic survey commissioned by the chamber of commerce found that footfall had fallen by 12%.",
            "商工会議所が委託した交通調査によると、人出は12%減少した。",
        ),
        (
            "A report commissioned by the council found that the two pools lost money last year.",
            "議会が委託した報告書によると、2つのプールは昨年赤字だった。",
        ),
        (
            "Local bus services are provided by the county council.",
            "地域のバス路線は州議会が提供している。",
        ),
        (
            "The plan was followed by a vote in which residents backed the scheme.",
            "計画の後に投票が行われ、住民が計画を支持した。",
        ),
    ]
    assert findings(pairs, "agent") == []


def test_without_the_dictionary_no_doer_is_compared() -> None:
    # a coverage made without the dictionary (only names, Latin words and numbers matched) would make every
    # doer look unrendered
    import dataclasses

    from mtreview.qa.analysis.coverage import coverage
    from mtreview.qa.checks.agent_by import by_agents

    source = "A traffic survey commissioned by the chamber of commerce found that footfall had fallen."
    target = "運輸省が委託した交通調査によると、人出は減少した。"
    cov = coverage(source, target)
    span = ((0, len(source)), (0, len(target)))
    assert [ja for ja, _en in by_agents(cov, *span)] == [(0, 3)]
    assert list(by_agents(dataclasses.replace(cov, available=False), *span)) == []
