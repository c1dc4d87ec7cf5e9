"""Synthetic documents assembled from MLQE-PE en-ja sentence pairs (../shared/testdata), aligned back.

Nobody tuned the aligner to these particular documents: seeds 0..N are fixed, the assembly (paragraph
sizes, 1-2 and 2-1 splits, dropped paragraphs, a Japanese preface, separators, order) is random.
"""

from __future__ import annotations

import pytest
from align_synthetic import build, f1, load_sentence_pairs, write_files, write_page

from mtreview.align.bilingual import align_files, align_page
from mtreview.formats.textio import numbered_lines, read_text

DOCS = 12


@pytest.fixture(scope="module")
def sentence_pairs(testdata):
    folder = testdata / "mlqe-pe"
    assert folder.exists(), f"MLQE-PE test data missing from ../shared: {folder}"
    return load_sentence_pairs(testdata)


def _score(totals: list[tuple[int, int, int]]) -> float:
    tp = sum(t[0] for t in totals)
    predicted = sum(t[1] for t in totals)
    gold = sum(t[2] for t in totals)
    precision, recall = tp / predicted, tp / gold
    return 2 * precision * recall / (precision + recall)


def test_pages_align_back_with_strict_pair_f1(sentence_pairs, tmp_path):
    totals = []
    for seed in range(DOCS):
        doc = build(sentence_pairs, seed + 1000)
        path = tmp_path / f"page{seed}.txt"
        gold, _en_only, ja_unpaired = write_page(doc, path, seed)
        alignment = align_page(path)
        got = {(p.source_lines, p.target_lines) for p in alignment.pairs}
        totals.append(f1(got, gold))
        # every non-blank line exactly once
        lines = [line.number for line in numbered_lines(read_text(path).text)]
        places = [n for p in alignment.pairs for n in p.source_lines + p.target_lines]
        assert sorted(places + alignment.source_only + alignment.target_only) == lines
        # the Japanese preface is never paired
        paired_targets = {n for p in alignment.pairs for n in p.target_lines}
        assert not paired_targets & {ja for ja in ja_unpaired if ja <= len(doc.ja_preface) + 1}
    assert _score(totals) >= 0.95


def test_file_pairs_align_back_with_strict_pair_f1(sentence_pairs, tmp_path):
    totals = []
    for seed in range(DOCS):
        doc = build(sentence_pairs, seed + 2000)
        en, ja = tmp_path / f"d{seed}.en.txt", tmp_path / f"d{seed}.ja.txt"
        gold = write_files(doc, en, ja)
        alignment = align_files(en, ja)
        totals.append(f1({(p.source_lines, p.target_lines) for p in alignment.pairs}, gold))
    assert _score(totals) >= 0.95


def test_dropped_translations_become_source_only_body(sentence_pairs, tmp_path):
    found = expected = 0
    for seed in range(DOCS):
        doc = build(sentence_pairs, seed + 3000)
        path = tmp_path / f"page{seed}.txt"
        _, en_only, _ = write_page(doc, path, seed)
        alignment = align_page(path)
        expected += len(en_only)
        found += len(en_only & set(alignment.source_only_body or ()))
    assert expected > 0
    assert found >= 0.8 * expected
