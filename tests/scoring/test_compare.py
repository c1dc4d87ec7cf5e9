"""Engine comparison with sacrebleu's paired bootstrap."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import CHRF

from mtreview.scoring.compare import paired_bootstrap

REFS = ["今日はいい天気ですね。", "彼は駅まで走った。", "猫が好きです。", "会議は三時に始まる。"] * 15
GOOD = ["今日はいい天気ですね。", "彼は駅まで走った。", "猫が好きです。", "会議は三時に始まる。"] * 15
POOR = ["本日は天候が良い。", "彼が駅に走る。", "犬を好む。", "ミーティングは3時スタート。"] * 15


def test_better_engine_is_significantly_better() -> None:
    result = paired_bootstrap(
        references=REFS, baseline=("poor", POOR), candidate=("good", GOOD), n_samples=200
    )
    assert result.baseline.score == CHRF().corpus_score(POOR, [REFS]).score
    assert result.candidate.score == CHRF().corpus_score(GOOD, [REFS]).score
    assert result.candidate.score > result.baseline.score
    assert result.significant() and result.baseline.p_value is None
    assert "bs:200" in result.signature and result.segments == 60


def test_identical_engines_are_not_significantly_different() -> None:
    result = paired_bootstrap(
        references=REFS, baseline=("a", POOR), candidate=("b", list(POOR)), n_samples=200, metric="ter"
    )
    assert result.baseline.score == result.candidate.score
    assert not result.significant()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"references": [], "baseline": ("a", []), "candidate": ("b", [])},
        {"references": REFS, "baseline": ("a", POOR[:-1]), "candidate": ("b", GOOD)},
        {"references": REFS, "baseline": ("a", POOR), "candidate": ("b", GOOD), "metric": "meteor"},
    ],
)
def test_bad_comparisons_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        paired_bootstrap(**kwargs)
