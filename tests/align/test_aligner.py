"""The DP aligner on paragraph features: every link type, banded = full, confidence, cancellation."""

from __future__ import annotations

import random

import pytest

from mtreview.align import aligner
from mtreview.align.aligner import AlignParams, align_units
from mtreview.align.features import UnitFeatures
from mtreview.domain.errors import Cancelled
from mtreview.domain.progress import Progress


def unit(length: float, *tokens: str, speaker: bool = False) -> UnitFeatures:
    return UnitFeatures(float(length), frozenset(tokens), speaker, False)


def links_of(result: aligner.AlignerResult) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(lk.source, lk.target) for lk in result.links]


W = {f"n:{k}": 1.5 for k in range(100)}  # anchors as the document weighs them

CASES = {
    "1-1": (
        [unit(100, "n:1"), unit(60, "n:2")],
        [unit(100, "n:1"), unit(60, "n:2")],
        [((0,), (0,)), ((1,), (1,))],
    ),
    "1-2": (
        [unit(200, "n:1", "n:2"), unit(80, "n:3")],
        [unit(100, "n:1"), unit(100, "n:2"), unit(80, "n:3")],
        [((0,), (0, 1)), ((1,), (2,))],
    ),
    "2-1": (
        [unit(90, "n:1"), unit(110, "n:2"), unit(80, "n:3")],
        [unit(200, "n:1", "n:2"), unit(80, "n:3")],
        [((0, 1), (0,)), ((2,), (1,))],
    ),
    "1-0 in the body": (
        [unit(100, "n:1"), unit(150, "n:9"), unit(80, "n:3")],
        [unit(100, "n:1"), unit(80, "n:3")],
        [((0,), (0,)), ((2,), (1,))],
    ),
    "0-1 in the body": (
        [unit(100, "n:1"), unit(80, "n:3")],
        [unit(100, "n:1"), unit(150, "n:8"), unit(80, "n:3")],
        [((0,), (0,)), ((1,), (2,))],
    ),
    "2-2": (
        [unit(100, "n:10"), unit(50, "n:1", "n:2"), unit(150, "n:3"), unit(80, "n:5")],
        [unit(100, "n:10"), unit(150, "n:1", "n:3"), unit(50, "n:2"), unit(80, "n:5")],
        [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,))],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_link_types(case):
    source, target, expected = CASES[case]
    assert links_of(align_units(source, target, W)) == expected


def test_body_and_edge_skips_are_told_apart():
    source = [unit(100, "n:1"), unit(150, "n:9"), unit(80, "n:3")]
    target = [unit(40), unit(45), unit(100, "n:1"), unit(80, "n:3"), unit(30)]
    result = align_units(source, target, W)
    assert links_of(result) == [((0,), (2,)), ((2,), (3,))]
    assert result.source_body_only == [1]
    assert result.target_edge == [0, 1, 4]


def test_speaker_label_turns_are_not_merged():
    source = [unit(60, speaker=True), unit(60, speaker=True), unit(60, speaker=True)]
    target = [unit(60, speaker=True), unit(60, speaker=True), unit(60, speaker=True)]
    assert links_of(align_units(source, target, {})) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def _random_document(seed: int, n: int) -> tuple[list[UnitFeatures], list[UnitFeatures], set]:
    rng = random.Random(seed)
    source: list[UnitFeatures] = []
    target: list[UnitFeatures] = []
    gold = set()
    for k in range(n):
        length = rng.uniform(30, 400)
        tokens = {f"n:{rng.randrange(100)}" for _ in range(rng.randrange(3))} | {f"w:{k}"}
        noisy = length * rng.uniform(0.8, 1.25)
        roll = rng.random()
        if roll < 0.1:
            cut = rng.uniform(0.3, 0.7)
            source.append(unit(length, *tokens))
            target += [unit(noisy * cut), unit(noisy * (1 - cut), *tokens)]
            gold.add(((len(source) - 1,), (len(target) - 2, len(target) - 1)))
        else:
            source.append(unit(length, *tokens))
            target.append(unit(noisy, *tokens))
            gold.add(((len(source) - 1,), (len(target) - 1,)))
    return source, target, gold


def test_banded_dp_equals_the_full_matrix(monkeypatch):
    source, target, gold = _random_document(3, 700)
    weights = {t: 1.0 for u in source + target for t in u.tokens}
    full = align_units(source, target, weights)
    assert full.band_width == -1
    monkeypatch.setattr(aligner, "FULL_CELLS", 1000)
    banded = align_units(source, target, weights)
    assert banded.band_width > 0
    assert links_of(banded) == links_of(full)
    assert banded.cells < 0.2 * (len(source) + 1) * (len(target) + 1)
    assert len(set(links_of(banded)) & gold) >= 0.95 * len(gold)


def test_band_widens_when_anchors_mislead(monkeypatch):
    """A long stretch without unique anchors and a big shift: the band must widen, not truncate the path."""
    source, target, gold = _random_document(4, 600)
    target = [unit(50) for _ in range(120)] + target  # a 120-paragraph preface on the target side
    gold = {(s, tuple(t + 120 for t in ts)) for s, ts in gold}
    weights = {t: 1.0 for u in source + target for t in u.tokens}
    monkeypatch.setattr(aligner, "FULL_CELLS", 1000)
    result = align_units(source, target, weights, AlignParams(band=10))
    assert len(set(links_of(result)) & gold) >= 0.95 * len(gold)


def test_cancel_stops_the_job():
    source, target, _ = _random_document(5, 300)
    with pytest.raises(Cancelled):
        align_units(source, target, {}, progress=Progress(cancelled_fn=lambda: True))


def test_posterior_is_high_for_clear_links_and_low_for_ambiguous_ones():
    clear = [(k, 60 + 17 * k) for k in range(8)]
    weights = {f"n:{k}": 2.0 for k, _ in clear} | {"s:...": 2.0}
    source = [unit(length, f"n:{k}") for k, length in clear[:4]]
    source += [unit(3, "s:...")]
    source += [unit(length, f"n:{k}") for k, length in clear[4:]]
    target = [unit(length, f"n:{k}") for k, length in clear[:4]]
    target += [unit(3, "s:..."), unit(3, "s:...")]  # which of the two is the counterpart?
    target += [unit(length, f"n:{k}") for k, length in clear[4:]]
    result = align_units(source, target, weights)
    middle = [lk for lk in result.links if 4 in lk.source]
    # far from the ambiguity and from the document's edges (where skipping is cheap)
    others = [lk for lk in result.links if lk.source[0] in (1, 2, 6, 7)]
    assert len(middle) == 1
    assert len(others) == 4 and all(lk.posterior > 0.9 for lk in others)
    assert middle[0].posterior < 0.6
    assert middle[0].confidence <= middle[0].posterior
