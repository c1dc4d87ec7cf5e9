"""MQM weights, normalisations, pass/fail, multi-rater means and the incremental aggregator."""

from __future__ import annotations

import random

import pytest

from mtreview.domain.model import Severity
from mtreview.scoring.mqm import MqmAggregator, MqmPolicy, default_weights, normalise
from mtreview.scoring.typology import load

MAJOR, MINOR, NEUTRAL, CRITICAL = Severity.MAJOR, Severity.MINOR, Severity.NEUTRAL, Severity.CRITICAL


@pytest.mark.parametrize(
    ("category", "severity", "weight"),
    [
        ("Accuracy/Mistranslation", MAJOR, 5),
        ("Accuracy/Mistranslation", MINOR, 1),
        ("Fluency/Punctuation", MINOR, 0.1),
        ("Fluency/Punctuation", MAJOR, 5),
        ("Style/Awkward", NEUTRAL, 0),
        ("Locale convention/Name format", CRITICAL, 25),
        ("Non-translation!", MAJOR, 25),
        ("Non-translation", MINOR, 25),
        ("Source error", MAJOR, 5),
        ("Source error/-", MINOR, 1),
        ("Other", MINOR, 1),
        ("No-error", MAJOR, 0),
        # Japanese extension categories weigh like the MQM category they map to.
        ("Accuracy/Mistranslation/Name rendered as company", MAJOR, 5),
    ],
)
def test_google_weights(category: str, severity: Severity, weight: float) -> None:
    policy = MqmPolicy(typology=load("ja-extension"))
    assert policy.weight(category, severity) == pytest.approx(weight)


def test_source_errors_ignored_by_policy() -> None:
    policy = MqmPolicy(source_errors="ignore")
    assert policy.weight("Source error", MAJOR) == 0
    assert policy.weight("Accuracy/Omission", MAJOR) == 5
    with pytest.raises(ValueError):
        MqmPolicy(source_errors="sometimes")


def test_project_weight_overrides_change_scores_and_are_recorded() -> None:
    typology = load("google-mqm")
    policy = MqmPolicy(typology.effective_weights({"major": 10}), typology)
    agg = MqmAggregator(policy)
    agg.add_segment("s1", "doc", "one two three four", "ホルデン社は言った")
    agg.add_annotation(1, "s1", "Accuracy/Mistranslation", MAJOR)
    doc = agg.document("doc")
    assert doc.penalty == 10 and doc.weights["major"] == 10
    agg.set_policy(MqmPolicy(typology.effective_weights({}), typology))
    assert agg.document("doc").penalty == 5 and agg.document("doc").weights["major"] == 5


def test_document_normalisation_quality_and_threshold() -> None:
    agg = MqmAggregator(threshold=90)
    agg.add_segment("a", "d", " ".join(["w"] * 30), "あ" * 600)
    agg.add_segment("b", "d", " ".join(["w"] * 20), "い" * 400)
    agg.add_annotation(1, "a", "Accuracy/Mistranslation", MAJOR)
    agg.add_annotation(2, "b", "Fluency/Punctuation", MINOR)
    doc = agg.document("d")
    assert doc.penalty == pytest.approx(5.1)
    assert doc.words == 50 and doc.target_chars == 1000
    assert doc.per_100_words == pytest.approx(10.2)
    assert doc.per_1000_chars == pytest.approx(5.1)
    assert doc.quality == pytest.approx(89.8) and not doc.passed
    agg.remove_annotation(2)
    assert agg.document("d").quality == pytest.approx(90.0) and agg.document("d").passed


def test_empty_document_never_divides_by_zero() -> None:
    assert normalise(0.0, 0, 0, 90) == (0.0, 0.0, 100.0, True)
    agg = MqmAggregator()
    agg.add_segment("a", "d", "", "")
    agg.add_annotation(1, "a", "Accuracy/Omission", MAJOR)
    doc = agg.document("d")
    assert doc.penalty == 5 and doc.per_100_words == 0 and doc.per_1000_chars == 0


def test_multiple_raters_segment_mean_and_system_mean_over_items() -> None:
    agg = MqmAggregator()
    agg.add_segment("s1", "sysA/doc", "a b", "x", system="sysA")
    agg.add_segment("s2", "sysA/doc", "c d", "y", system="sysA")
    agg.add_item("s1", "r1")
    agg.add_item("s1", "r2")
    agg.add_item("s2", "r1")
    agg.add_annotation(1, "s1", "Accuracy/Mistranslation", MAJOR, "r1")
    agg.add_annotation(2, "s1", "Fluency/Grammar", MINOR, "r2")
    agg.add_annotation(3, "s2", "Fluency/Grammar", MINOR, "r1")
    assert agg.segment_penalty("s1") == pytest.approx(3.0)  # (5 + 1) / 2 raters
    assert agg.document("sysA/doc").penalty == pytest.approx(4.0)
    system = agg.system("sysA")
    assert system.items == 3 and system.mqm == pytest.approx(7 / 3)


def test_incremental_equals_from_scratch_after_random_edits() -> None:
    rng = random.Random(3)
    cats = [
        "Accuracy/Mistranslation",
        "Fluency/Punctuation",
        "Non-translation!",
        "Source error",
        "Style/Awkward",
    ]
    sevs = list(Severity)
    live = MqmAggregator()
    segs = [(f"s{i}", f"d{i % 3}") for i in range(30)]
    for key, doc in segs:
        live.add_segment(key, doc, "a b c", "あいう")
    present: dict[int, tuple[str, str, Severity]] = {}
    for n in range(300):
        if present and rng.random() < 0.4:
            k = rng.choice(list(present))
            live.remove_annotation(k)
            del present[k]
        else:
            present[n] = (rng.choice(segs)[0], rng.choice(cats), rng.choice(sevs))
            live.add_annotation(n, *present[n])
    scratch = MqmAggregator()
    for key, doc in segs:
        scratch.add_segment(key, doc, "a b c", "あいう")
    plain: dict[str, float] = {}
    policy = MqmPolicy()
    for k, (seg, cat, sev) in present.items():
        scratch.add_annotation(k, seg, cat, sev)
        plain[seg] = plain.get(seg, 0.0) + policy.weight(cat, sev)
    for key, _doc in segs:
        assert live.segment_penalty(key) == scratch.segment_penalty(key)
        assert live.segment_penalty(key) == pytest.approx(plain.get(key, 0.0))
    for doc in ("d0", "d1", "d2"):
        assert live.document(doc) == scratch.document(doc)


def test_default_weights_match_product_brief() -> None:
    assert default_weights() == dict(load("google-mqm").weights)


def test_remove_and_re_add_a_segment_with_a_new_text() -> None:
    agg = MqmAggregator()
    agg.add_segment("s1", "d", "a b c d", "あいうえ", system="eng")
    agg.add_segment("s2", "d", "e f", "かき", system="eng")
    for key in ("s1", "s2"):
        agg.add_item(key)
    agg.add_annotation(1, "s1", "Accuracy/Mistranslation", MAJOR)
    agg.add_annotation(2, "s2", "Fluency/Grammar", MINOR)
    agg.remove_segment("s1")
    doc = agg.document("d")
    assert (doc.segments, doc.words, doc.target_chars, doc.penalty) == (1, 2, 2, 1.0)
    assert agg.system("eng").items == 1
    agg.add_segment("s1", "d", "a b c d", "あいうえおか", system="eng")
    agg.add_item("s1")
    agg.add_annotation(1, "s1", "Accuracy/Mistranslation", MINOR)
    doc = agg.document("d")
    assert (doc.segments, doc.words, doc.target_chars, doc.penalty) == (2, 6, 8, 2.0)
    assert agg.system("eng").items == 2 and agg.system("eng").mqm == pytest.approx(1.0)


def test_changing_typology_recounts_and_keeps_every_annotation() -> None:
    core = load("mqm-core")
    google = load("google-mqm")
    agg = MqmAggregator(MqmPolicy(google.effective_weights(), google))
    agg.add_segment("s", "d", "a b", "xy")
    agg.add_annotation(
        1, "s", "Linguistic conventions/Punctuation", MINOR
    )  # punctuation rule only in MQM-Core
    agg.add_annotation(2, "s", "Fluency/Punctuation", MINOR)
    assert agg.segment_penalty("s") == pytest.approx(1.1)
    agg.set_policy(MqmPolicy({**core.effective_weights(), "minor_punctuation": 0.5}, core))
    # Under MQM-Core its punctuation category gets the punctuation weight; Google's is recognised by name.
    assert agg.segment_penalty("s") == pytest.approx(1.0)
    agg.remove_annotation(1)
    agg.remove_annotation(2)
    assert agg.segment_penalty("s") == 0


def test_bulk_load_equals_incremental_calls() -> None:
    rng = random.Random(9)
    cats = ["Accuracy/Mistranslation", "Fluency/Punctuation", "Non-translation!", "Source error", "No-error"]
    segs = [
        (f"s{i}", f"d{i % 4}", "a b c"[: rng.randint(0, 5)], "あ" * rng.randint(0, 9), f"e{i % 3}")
        for i in range(60)
    ]
    items = [(s[0], r) for s in segs for r in ("r1", "r2")[: rng.randint(1, 2)]]
    anns = [
        (k, rng.choice(segs)[0], rng.choice(cats), rng.choice(list(Severity)), rng.choice(["r1", "r2", "r3"]))
        for k in range(200)
    ]
    bulk = MqmAggregator(MqmPolicy(source_errors="ignore"))
    bulk.load(segs, anns, items)
    step = MqmAggregator(MqmPolicy(source_errors="ignore"))
    for key, doc, src, tgt, system in segs:
        step.add_segment(key, doc, src, tgt, system=system)
    for key, rater in items:
        step.add_item(key, rater)
    for k, seg, cat, sev, rater in anns:
        step.add_annotation(k, seg, cat, sev, rater)
    assert [bulk.segment_penalty(s[0]) for s in segs] == [step.segment_penalty(s[0]) for s in segs]
    assert [bulk.document(d) for d in step.document_names()] == [
        step.document(d) for d in step.document_names()
    ]
    assert [bulk.system(n) for n in step.system_names()] == [step.system(n) for n in step.system_names()]
    # and it stays live afterwards
    bulk.remove_annotation(0)
    step.remove_annotation(0)
    bulk.load(
        [("late", "d0", "x", "y", "e0")],
        [(999, "late", "Other", MAJOR, ""), (1000, "s1", "Other", MINOR, "")],
    )
    step.add_segment("late", "d0", "x", "y", system="e0")
    step.add_item("late")
    step.add_annotation(999, "late", "Other", MAJOR)
    step.add_annotation(1000, "s1", "Other", MINOR)
    assert [bulk.document(d) for d in step.document_names()] == [
        step.document(d) for d in step.document_names()
    ]
    assert [bulk.system(n) for n in step.system_names()] == [step.system(n) for n in step.system_names()]
