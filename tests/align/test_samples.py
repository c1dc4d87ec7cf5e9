"""Our own sample articles (tests/align/data): other names, numbers and structure than the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtreview.align.bilingual import align_files, align_page
from mtreview.formats.textio import numbered_lines, read_text

DATA = Path(__file__).parent / "data"
SAMPLES = ["sample_water.txt", "sample_markdown.md"]


def gold_of(name: str) -> dict:
    return json.loads((DATA / (Path(name).stem + ".gold.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_pairs_exactly_as_the_gold(name):
    gold = gold_of(name)
    alignment = align_page(DATA / name)
    got = {(p.source_lines, p.target_lines) for p in alignment.pairs}
    expected = {(tuple(s), tuple(t)) for s, t in gold["pairs"]}
    assert got == expected
    paired = {n for p in alignment.pairs for n in p.source_lines + p.target_lines}
    assert not paired & set(gold["unpaired"])
    lines = [line.number for line in numbered_lines(read_text(DATA / name).text)]
    places = sorted([*paired, *alignment.source_only, *alignment.target_only])
    assert places == lines


def test_untranslated_body_paragraph_is_a_source_only_segment_but_chrome_is_not():
    gold = gold_of("sample_water.txt")
    alignment = align_page(DATA / "sample_water.txt")
    assert sorted(alignment.source_only_body) == gold["source_only_body"]
    segments = alignment.segments()
    empty = [s for s in segments if s.target == ""]
    assert [s.source_lines for s in empty] == [tuple(gold["source_only_body"])]
    # chrome after the English body is kept (source_only) but is not a segment
    assert {52, 53, 54} <= set(alignment.source_only)
    assert not any(52 in s.source_lines for s in segments)


def test_speaker_labels_pair_turn_by_turn():
    alignment = align_page(DATA / "sample_water.txt")
    turns = {
        p.source_lines: p.target_lines
        for p in alignment.pairs
        if p.source.split(":")[0] in ("Whitcombe", "Okafor")
    }
    assert turns == {(38,): (15,), (39,): (16,)}


@pytest.mark.parametrize("swap", [False, True])
def test_two_files_in_either_order(tmp_path, swap):
    """The Markdown sample cut in two files; line numbers are per file and English is the source."""
    lines = (DATA / "sample_markdown.md").read_text(encoding="utf-8").split("\n")
    en, ja = tmp_path / "a.en.md", tmp_path / "a.ja.md"
    en.write_text("\n".join(lines[:31]), encoding="utf-8")
    ja.write_text("\n".join(lines[35:]), encoding="utf-8")
    alignment = align_files(ja, en) if swap else align_files(en, ja)
    got = {(p.source_lines, p.target_lines) for p in alignment.pairs}
    expected = {(tuple(s), tuple(n - 35 for n in t)) for s, t in gold_of("sample_markdown.md")["pairs"]}
    assert got == expected
    assert all(p.source.isascii() for p in alignment.pairs if p.source_lines != (1,))


def test_confidence_tells_a_real_translation_from_an_unrelated_one(tmp_path):
    water = (DATA / "sample_water.txt").read_text(encoding="utf-8").split("\n")
    marsh = (DATA / "sample_markdown.md").read_text(encoding="utf-8").split("\n")
    real_en, real_ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    real_en.write_text("\n".join(water[29:51]), encoding="utf-8")
    real_ja.write_text("\n".join(water[6:27]), encoding="utf-8")
    unrelated_ja = tmp_path / "other.ja.txt"
    unrelated_ja.write_text("\n".join(line for line in marsh[35:] if line.strip()), encoding="utf-8")
    real = align_files(real_en, real_ja)
    other = align_files(real_en, unrelated_ja)
    mean = lambda pairs: sum(p.confidence for p in pairs) / max(1, len(pairs))  # noqa: E731
    assert mean(real.pairs) > 0.85
    assert len(other.pairs) < len(real.pairs) / 2 or mean(other.pairs) < 0.5
