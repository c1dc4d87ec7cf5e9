"""Anchors that survive translation: numbers (Japanese numerals too), Latin tokens, speakers, scripts."""

from __future__ import annotations

import pytest

from mtreview.align.features import document_features, language_of, looks_truncated, raw_features

NUMBERS = [
    ("$25 million", {"25000000"}),
    ("2500万ドル", {"25000000"}),
    ("1.2 billion gallons", {"1200000000"}),
    ("年間12億ガロン", {"1200000000"}),
    ("２０２４年に１５％", {"2024", "15"}),  # full-width digits
    ("8,200 households", {"8200"}),
    ("8,200世帯", {"8200"}),
    ("on 2024-03-05", {"2024-03-05"}),
    # the year alone too: an English "March 2024" or "in 2024" gives only the number
    ("2024年3月5日", {"2024-03-05", "2024"}),
    ("年2万7400ポンド", {"27400"}),  # 万 with digits after it: the English writes £27,400
    ("1億2000万円と3兆5000億円", {"120000000", "3500000000000"}),
    ("section 7.1.7 says", {"7.1.7"}),
    ("$4.50 a month", {"4.5"}),
    ("ASL-3 and v4.6.0 and RSPv2", set()),  # digits inside Latin tokens are tokens, not numbers
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers(text, expected):
    assert set(raw_features(text).numbers) == expected


SPEAKERS = [
    ("Okafor: Which is exactly why.", True),
    ("オカフォー：だからこそ。", True),
    ("Sam Bowman (Anthropic): I endorse it.", True),
    ("ある人:実際にいつ停止するか", True),
    ("RSPv2 said this in 7.1.7: “If another", False),
    ("I do see the argument that goes like this:", False),
    ("See https://example.org/x for more", False),
    ("At 10:30 the meeting began.", False),
    ("局は来月から地図を公開する:詳しくは後述。", False),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speaker_labels(text, expected):
    assert raw_features(text).speaker is expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sam Bowman (Anthropic): 上記の段落トップを支持します。", "ja"),
        ("Anthropic Responsible Scaling Policy v3", "en"),
        ("Anthropic 責任あるスケーリングポリシー v3", "ja"),
        ("...", "sym"),
        ("© 2025", "sym"),
    ],
)
def test_language_of_a_line(text, language):
    assert language_of(text) == language


def test_truncated_paragraphs():
    assert looks_truncated("オカフォー氏は、工事の進み具合を四半期ごとに報告すると約束した。そのうえで、")
    assert looks_truncated("And they knew that people were making major life decisions, with no")
    assert not looks_truncated("オカフォー氏は、工事の進み具合を四半期ごとに報告すると約束した。")
    assert not looks_truncated("Next Steps")


def test_document_anchors_link_katakana_names_and_shared_latin_tokens():
    features = document_features(
        ["Daniel Whitcombe installed sensors in 2019.", "The Riverton plan costs $48 million."],
        ["ダニエル・ウィットコム氏は2019年にセンサーを導入した。", "Riverton の計画は4800万ドルかかる。"],
    )
    src, tgt = features.source, features.target
    assert {"w:whitcombe", "w:daniel", "n:2019"} <= src[0].tokens & tgt[0].tokens
    assert {"w:riverton", "n:48000000"} <= src[1].tokens & tgt[1].tokens
    assert not src[0].tokens & tgt[1].tokens
    assert features.name_map["ウィットコム"] == "whitcombe"
