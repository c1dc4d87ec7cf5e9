"""Held-out pages of the seed's shape, written for these tests (other topics, names, numbers, idioms and
separators than the seed and than each other): alignment against hand-made gold line pairs, and every
planted translation error found by the right check on the exact span, with few false findings."""

from __future__ import annotations

import pytest

from .evaluate import PAGES, gold_of, score_alignment, score_checks


def test_there_are_at_least_three_held_out_pages():
    assert len(PAGES) >= 3


@pytest.mark.parametrize("name", PAGES)
def test_alignment_strict_pair_f1(name):
    score = score_alignment(name)
    assert score.f1 >= 0.95, (score.tp, score.got, score.expected)


@pytest.mark.parametrize("name", PAGES)
def test_summary_separator_and_chrome_are_not_paired(name):
    assert score_alignment(name).wrongly_paired == []


@pytest.mark.parametrize("name", PAGES)
def test_every_planted_error_is_found_with_the_right_check_and_span(name):
    score = score_checks(name)
    assert score.missed == [], score.missed


@pytest.mark.parametrize("name", PAGES)
def test_few_false_findings(name):
    score = score_checks(name)
    assert score.precision >= 0.85, score.false
    assert len(score.false) <= max(1, score.segments // 10), score.false


def test_gold_covers_every_planted_error_class():
    checks = {check for name in PAGES for _line, check, _span in gold_of(name)["findings"]}
    assert {
        "name-as-company",
        "name-consistency",
        "numbers",
        "untranslated",
        "addition",
        "literal-idiom",
        "register-mix",
    } <= checks
