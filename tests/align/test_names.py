"""Cross-script names: katakana romanisation and fuzzy matching against English words."""

from __future__ import annotations

import pytest

from mtreview.align.names import NameMatcher, katakana_names, katakana_words, name_similarity, romanise

SAME = [
    ("Karnofsky", "カーノフスキー"),
    ("Karnofsky", "カルノフスキー"),
    ("Oliver", "オリバー"),
    ("Whitcombe", "ウィットコム"),
    ("Okafor", "オカフォー"),
    ("Raghunathan", "ラグナタン"),
    ("Margaret", "マーガレット"),
    ("Berggren", "ベルグレン"),
    ("Hassan", "ハサン"),
    ("Fernandez", "フェルナンデス"),
    ("Garcia", "ガルシア"),
    ("Wilson", "ウィルソン"),
    ("Jennifer", "ジェニファー"),
    ("Robert", "ロバート"),
    ("DeepMind", "ディープマインド"),
    ("Margaret Okafor", "マーガレット・オカフォー"),
    ("Okafor", "Okafor"),
    # the kh of Russian, Arabic and Central Asian names is heard as h
    ("Khalid", "ハリド"),
    ("Mikhail", "ミハイル"),
    ("Khan", "ハーン"),
]
DIFFERENT = [
    ("Okafor", "ウィットコム"),
    ("Margaret", "オリバー"),
    ("Hassan", "コミットメント"),
    ("Berggren", "セーフガード"),
    ("Delacroix", "フェリー"),
    ("Raghunathan", "マーガレット"),
    ("Wilson", "ガルシア"),
]


@pytest.mark.parametrize(("english", "japanese"), SAME)
def test_renderings_of_the_same_name_score_high(english, japanese):
    assert name_similarity(english, japanese) >= 0.78


@pytest.mark.parametrize(("english", "japanese"), DIFFERENT)
def test_different_names_score_low(english, japanese):
    assert name_similarity(english, japanese) < 0.6


def test_romanise_is_hepburn_lowercase_and_splits_name_parts():
    assert romanise("ホルデン") == "horuden"
    assert romanise("マーガレット・オカフォー") == "maagaretto okafoo"


def test_katakana_words_and_names_of_a_sentence():
    text = "局長のマーガレット・オカフォー氏は、ｳｨｯﾄｺﾑ氏と話した。"  # half-width katakana too
    assert katakana_words(text) == ["マーガレット", "オカフォー", "ウィットコム"]
    assert katakana_names(text) == ["マーガレット・オカフォー", "ウィットコム"]


def test_matcher_maps_katakana_to_the_documents_english_words():
    matcher = NameMatcher(["Okafor", "Whitcombe", "Riverton", "Tuesday", "The"])
    assert matcher.match("オカフォー") == "Okafor"
    assert matcher.match("ウィットコム") == "Whitcombe"
    assert matcher.match("リバートン") == "Riverton"
    assert matcher.match("センサー") is None
    assert matcher.match("ドル") is None
