"""The seed page, aligned from the raw file, against a hand-made gold alignment (line numbers only)."""

from __future__ import annotations

import pytest
from align_gold_seed import SEED_GOLD, SEED_SUMMARY_AND_CHROME, SEED_UNPAIRED_TARGET

from mtreview.align.bilingual import align_page
from mtreview.formats.textio import numbered_lines, read_text


@pytest.fixture(scope="module")
def seed_alignment(seed_page):
    return align_page(seed_page)


def strict_f1(got: set, gold: set) -> float:
    tp = len(got & gold)
    if tp == 0:
        return 0.0
    precision, recall = tp / len(got), tp / len(gold)
    return 2 * precision * recall / (precision + recall)


def test_strict_pair_f1_from_the_raw_page(seed_alignment):
    got = {(p.source_lines, p.target_lines) for p in seed_alignment.pairs}
    assert strict_f1(got, set(SEED_GOLD)) >= 0.99, sorted(got ^ set(SEED_GOLD))


def test_no_summary_separator_or_chrome_line_is_paired(seed_alignment):
    paired = {n for p in seed_alignment.pairs for n in p.target_lines + p.source_lines}
    assert not paired & set(SEED_SUMMARY_AND_CHROME)
    assert set(SEED_UNPAIRED_TARGET) <= set(seed_alignment.target_only)


def test_every_non_blank_line_is_in_exactly_one_place(seed_alignment, seed_page):
    lines = [line.number for line in numbered_lines(read_text(seed_page).text)]
    places = [n for p in seed_alignment.pairs for n in p.source_lines + p.target_lines]
    places += seed_alignment.source_only + seed_alignment.target_only
    assert sorted(places) == lines


def test_english_is_the_source_and_text_is_the_stripped_lines(seed_alignment, seed_page):
    raw = read_text(seed_page).text.splitlines()
    for pair in seed_alignment.pairs:
        assert pair.source == "\n".join(raw[n - 1].strip() for n in pair.source_lines)
        assert pair.target == "\n".join(raw[n - 1].strip() for n in pair.target_lines)
        assert 0.0 <= pair.confidence <= 1.0
    firsts = [p.source_lines[0] for p in seed_alignment.pairs]
    assert firsts == sorted(firsts)


def test_dot_dot_dot_lines_pair_with_each_other(seed_alignment):
    dots = [p for p in seed_alignment.pairs if p.source == "..."]
    assert len(dots) == 3
    assert all(p.target == "..." for p in dots)


def test_most_pairs_are_confident(seed_alignment):
    confident = [p for p in seed_alignment.pairs if p.confidence >= 0.5]
    assert len(confident) >= 0.8 * len(seed_alignment.pairs)
