"""Variants the checks must see on documents nobody tuned for: inflected idioms, glued English, counters."""

from __future__ import annotations

import pytest

from .helpers import findings

FIRES = [
    # idioms: an adverb inside, a plural possessive, a pronoun slot, an inflected verb
    (
        "literal-idiom",
        "The critic had hit the nail right on the head.",
        "評論家は釘の頭を正確に打った。",
        "釘",
    ),
    (
        "literal-idiom",
        "The ball is now in the regulators' court.",
        "ボールは今や規制当局のコートにある。",
        "ボール",
    ),
    (
        "literal-idiom",
        "Farmers put all their eggs in one basket.",
        "農家はすべての卵を一つのかごに入れた。",
        "卵を一つのかご",
    ),
    ("literal-idiom", "We have bigger fish to fry.", "私たちにはもっと大きな魚がある。", "大きな魚"),
    # English glued to Japanese on both sides
    ("untranslated", "A new makerspace opened.", "新しいmakerspaceが開設されました。", "makerspace"),
    # a noun-phrase gloss that contains ための
    (
        "addition",
        "It has a makerspace.",
        "メイカースペース（ものづくりのための作業場）があります。",
        "（ものづくりのための作業場）",
    ),
    # a wrong 1 is still a wrong number
    ("numbers", "It took 2 days.", "1日かかりました。", "1"),
]

QUIET = [
    ("numbers", "The service takes a month to set up.", "サービスの設定には1か月かかります。"),
    ("numbers", "Each pump costs $600.", "ポンプは1台あたり600ドルです。"),
    ("literal-idiom", "Eggs are sold in a basket.", "卵はかごで売られています。"),
    ("untranslated", "Version 2 of the API.", "APIのバージョン2。"),
    ("addition", "It was slow, which surprised us.", "それは遅かった（それは私たちを驚かせた）。"),
]


@pytest.mark.parametrize(("check", "source", "target", "span"), FIRES)
def test_fires_on_the_exact_span(check, source, target, span):
    assert [f.text for f in findings([(source, target)], check)] == [span]


@pytest.mark.parametrize(("check", "source", "target"), QUIET)
def test_stays_quiet(check, source, target):
    assert findings([(source, target)], check) == []


def test_register_mix_span_is_the_whole_verb():
    pairs = [
        ("We opened.", "私たちは開館しました。"),
        ("It is free.", "入場は無料です。"),
        ("Hours are long.", "開館時間は長いです。"),
        ("Experts said so.", "専門家はそう述べた。"),
    ]
    assert [f.text for f in findings(pairs, "register-mix")] == ["述べた"]
