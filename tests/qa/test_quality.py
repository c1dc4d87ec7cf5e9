"""Recall of the idiom lexicon on our own sentences, and precision of all checks on a correct translation."""

from __future__ import annotations

from pathlib import Path

from mtreview.domain.model import Severity

from .helpers import findings, run

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_idiom_recall_on_own_sentences_is_at_least_0_8_and_idiomatic_renderings_pass() -> None:
    rows = _rows("idiom_sentences.tsv")
    assert len(rows) >= 40
    literal = findings([(en, lit) for en, lit, _good in rows], "literal-idiom")
    hit = {f.segment for f in literal}
    recall = len(hit) / len(rows)
    assert recall >= 0.8, (
        f"recall {recall:.2f}; missed: {[rows[i][0] for i in range(len(rows)) if str(i + 1) not in hit]}"
    )
    # every finding points at Japanese words of the literal rendering
    for f in literal:
        assert f.text and f.text in rows[int(f.segment) - 1][1]
    good = findings([(en, good) for en, _lit, good in rows], "literal-idiom")
    assert good == [], [(f.segment, f.text) for f in good]


def test_precision_on_a_correct_translation() -> None:
    rows = _rows("precision_sample.tsv")
    assert len(rows) >= 40
    result = run([(en, ja) for en, ja in rows])
    assert result.errors == []
    majors = [f for f in result.findings if f.severity.rank >= Severity.MAJOR.rank]
    assert majors == [], majors
    assert len(result.findings) <= len(rows) / 20, [(f.segment, f.check, f.text) for f in result.findings]
