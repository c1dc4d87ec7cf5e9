"""Every metric equals a direct sacrebleu call on the same strings, per segment and corpus, after edits."""

from __future__ import annotations

import math
import random

import pytest
import sacrebleu
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import BLEU, CHRF, TER

from mtreview.scoring import metrics
from mtreview.scoring.metrics import (
    CorpusAggregator,
    MetricInput,
    corpus_scores,
    one_segment_stats,
    segment_stats,
)

PAIRS = [
    ("今日は良い天気です。", "今日はいい天気ですね。"),
    ("ホルデン社は言った", "ホールデンは言った"),
    ("彼は二度目も騙される", "彼は同じ手には二度と乗らない"),
    ("substantial な変化", "大幅な変化"),
    ("", ""),
    ("何か", ""),
    ("", "何か"),
    ("𠮷野家で😀食べた", "𠮷野家で食べた"),
    ("同じ文です。", "同じ文です。"),
]


def _direct_ter() -> TER:
    """sacrebleu's TER as its CLI computes it with ``--ter-normalized --ter-asian-support``."""
    return TER(normalized=True, asian_support=True)


def _direct_bleu() -> BLEU:
    try:
        metric = BLEU(tokenize="ja-mecab")
        metric.corpus_score(["テスト"], [["テスト"]])
        return metric
    except Exception:
        return BLEU(tokenize="char")


def test_mt_and_corrected_cannot_be_swapped_or_passed_positionally() -> None:
    with pytest.raises(TypeError):
        MetricInput("a", "b")  # type: ignore[misc]
    pair = MetricInput(mt="ホルデン社は言った", corrected="ホールデン")
    # chrF is asymmetric (beta=2 weighs recall): the direction is visible in the number.
    assert metrics.sentence_chrf(pair) == pytest.approx(
        sacrebleu.sentence_chrf("ホルデン社は言った", ["ホールデン"]).score
    )
    assert metrics.sentence_chrf(pair) != pytest.approx(
        sacrebleu.sentence_chrf("ホールデン", ["ホルデン社は言った"]).score
    )


@pytest.mark.parametrize(("mt", "corrected"), PAIRS)
def test_segment_scores_equal_sacrebleu(mt: str, corrected: str) -> None:
    stats = one_segment_stats(MetricInput(mt=mt, corrected=corrected))
    assert metrics.chrf_of(stats.chrf) == CHRF().sentence_score(mt, [corrected]).score
    assert metrics.ter_of(stats.ter) == _direct_ter().sentence_score(mt, [corrected]).score
    for value in (metrics.chrf_of(stats.chrf), metrics.ter_of(stats.ter), metrics.bleu_of(stats.bleu)):
        assert not math.isnan(value)


def test_corpus_scores_equal_sacrebleu_corpus_calls() -> None:
    hyps = [m for m, _ in PAIRS]
    refs = [[c for _, c in PAIRS]]
    got = corpus_scores(segment_stats([MetricInput(mt=m, corrected=c) for m, c in PAIRS]))
    assert got.segments == len(PAIRS)
    assert got.chrf == CHRF().corpus_score(hyps, refs).score
    assert got.ter == _direct_ter().corpus_score(hyps, refs).score
    assert got.bleu == _direct_bleu().corpus_score(hyps, refs).score


def test_empty_corpus_and_missing_corrections_are_null() -> None:
    assert corpus_scores([]) == metrics.CorpusScores(0, None, None, None)
    agg = CorpusAggregator()
    agg.set("a", None)
    assert agg.scores().chrf is None and len(agg) == 0


def test_aggregator_after_edits_equals_corpus_score_from_scratch() -> None:
    rng = random.Random(7)
    alphabet = "あいうえおかきくけこ漢字テスト。、 ab"
    mts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(60)]
    corrected: list[str | None] = [m if rng.random() < 0.3 else None for m in mts]
    agg = CorpusAggregator()
    for i, (m, c) in enumerate(zip(mts, corrected, strict=True)):
        agg.set(i, None if c is None else one_segment_stats(MetricInput(mt=m, corrected=c)))
    for _ in range(40):
        i = rng.randrange(len(mts))
        edited = list(corrected[i] or mts[i])
        if edited and rng.random() < 0.5:
            edited[rng.randrange(len(edited))] = rng.choice(alphabet)
        else:
            edited.insert(rng.randrange(len(edited) + 1), rng.choice(alphabet))
        corrected[i] = "".join(edited) if rng.random() < 0.9 else None
        agg.set(
            i,
            None
            if corrected[i] is None
            else one_segment_stats(MetricInput(mt=mts[i], corrected=corrected[i])),
        )
        keep = [k for k, c in enumerate(corrected) if c is not None]
        hyps = [mts[k] for k in keep]
        refs = [[corrected[k] for k in keep]]
        got = agg.scores()
        assert got.segments == len(keep)
        assert got.chrf == CHRF().corpus_score(hyps, refs).score
        assert got.ter == _direct_ter().corpus_score(hyps, refs).score
        assert got.bleu == _direct_bleu().corpus_score(hyps, refs).score


text = st.text(alphabet=st.sampled_from(list("あいう漢字カナ、。 abc𠮷")), max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(text, text), min_size=1, max_size=8))
def test_property_corpus_from_statistics_is_exact(pairs: list[tuple[str, str]]) -> None:
    hyps = [m for m, _ in pairs]
    refs = [[c for _, c in pairs]]
    got = corpus_scores(segment_stats([MetricInput(mt=m, corrected=c) for m, c in pairs]))
    assert got.chrf == CHRF().corpus_score(hyps, refs).score
    assert got.ter == _direct_ter().corpus_score(hyps, refs).score


def test_signatures_name_the_tokenizer_and_asian_support() -> None:
    sig = metrics.signatures()
    # Asian support only takes effect with normalisation (sacrebleu issue 229): both are in the signature.
    assert "norm:yes" in sig["ter"] and "asian:yes" in sig["ter"]
    direct = _direct_ter()
    direct.corpus_score(["a"], [["a"]])
    assert sig["ter"] == str(direct.get_signature())
    assert (
        sig["bleu"].split("|")[3] in ("tok:ja-mecab-0.996-IPA", "tok:char") or "tok:ja-mecab" in sig["bleu"]
    )
    assert sig["chrf"].startswith("nrefs:1|")


# One wrong word in an otherwise right sentence (our own sentences, kanji, kana and katakana mixed): a
# reviewer fixes one word, and TER must say "a small edit", as chrF does.
ONE_WORD_EDITS = [
    (
        "図書館長のタナカ社は、来月から開館時間を延長すると発表した。",
        "図書館長のタナカ氏は、来月から開館時間を延長すると発表した。",
    ),
    (
        "博物館の入場料は、大人一人につき千二百円から千五百ドルに値上げされる。",
        "博物館の入場料は、大人一人につき千二百円から千五百円に値上げされる。",
    ),
    (
        "週末の市場では、地元の農家が朝早くから新鮮な野菜と果物を売っている。",
        "週末の市場では、地元の農家が朝早くから新鮮な野菜と果実を売っている。",
    ),
]


@pytest.mark.parametrize(("mt", "corrected"), ONE_WORD_EDITS)
def test_one_word_edit_gives_a_small_ter(mt: str, corrected: str) -> None:
    pair = MetricInput(mt=mt, corrected=corrected)
    ter = metrics.sentence_ter(pair)
    assert 0 < ter <= 15, ter
    assert metrics.sentence_chrf(pair) > 80
    # What it replaces: Asian support without normalisation leaves the sentence one token, TER 100.
    assert TER(asian_support=True).sentence_score(mt, [corrected]).score == 100.0
    assert ter == _direct_ter().sentence_score(mt, [corrected]).score


def test_document_ter_of_a_lightly_edited_document_is_small() -> None:
    pairs = [MetricInput(mt=m, corrected=c) for m, c in ONE_WORD_EDITS]
    pairs += [MetricInput(mt=c, corrected=c) for _, c in ONE_WORD_EDITS]  # three untouched segments
    got = corpus_scores(segment_stats(pairs))
    assert got.ter is not None and 0 < got.ter < 10
    assert got.bleu is not None and got.bleu > 50
