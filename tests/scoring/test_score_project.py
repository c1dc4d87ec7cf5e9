"""``mtreview score PROJECT`` and ``mtreview report PROJECT`` on a real project file (own sample text)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import sacrebleu
from click.testing import CliRunner

from mtreview.cli.main import cli
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Side,
)
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

# Our own sample: a person's name rendered as a company, an idiom taken literally, an English word left over.
SEGMENTS = [
    ("Marlow said the plan would work.", "マーロウ社は計画がうまくいくと言った。"),
    ("Fool me once, shame on you.", "一度私をだますと、あなたの恥だ。"),
    ("The change was substantial.", "変化は substantial だった。"),
    ("Thanks for reading.", "お読みいただきありがとうございます。"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    location = tmp_path / "p.mtreview"
    service = ProjectService.open(str(location), "qa", create=True)
    try:
        doc = ImportedDocument("article", [SegmentDraft(s, t) for s, t in SEGMENTS], engine="engine-x")
        service.import_document(doc)
        service.import_document(ImportedDocument("empty-ish", [SegmentDraft("One two.", "いち、に。")]))
        segs = list(service.iter_segments())
        first, second, third = segs[0], segs[1], segs[2]
        service.save(
            SegmentChange.edit(first.id, "マーロウは計画がうまくいくと言った。", first.version)
        ).require_saved()
        service.save(SegmentChange.edit(third.id, "変化は大きかった。", third.version)).require_saved()
        service._store.add_annotations(
            [
                AnnotationDraft(
                    first.id,
                    "Accuracy/Mistranslation/Name rendered as company",
                    Severity.MAJOR,
                    Side.TARGET,
                    0,
                    5,
                ),
                AnnotationDraft(
                    second.id, "Accuracy/Mistranslation/Literal idiom", Severity.MINOR, Side.TARGET, 0, 6
                ),
                AnnotationDraft(
                    third.id,
                    "Accuracy/Untranslated text",
                    Severity.MAJOR,
                    Side.TARGET,
                    4,
                    15,
                    state=AnnotationState.PROPOSED,
                ),
                AnnotationDraft(
                    third.id,
                    "Fluency/Punctuation",
                    Severity.MINOR,
                    Side.TARGET,
                    17,
                    18,
                    state=AnnotationState.DISMISSED,
                ),
            ],
            "qa",
        )
        service._store.set_setting("typology", "ja-extension")
    finally:
        service.close()
    return location


def _score(location: Path, *extra: str) -> dict:
    result = CliRunner().invoke(cli, ["score", str(location), "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_project_scores(project: Path) -> None:
    out = _score(project)
    segs = {s["id"]: s for s in out["segments"]}
    assert list(segs) == ["article#1", "article#2", "article#3", "article#4", "empty-ish#1"]
    # Only confirmed annotations count: the proposal and the dismissed finding do not.
    assert [segs[f"article#{i}"]["mqm_penalty"] for i in range(1, 5)] == [5.0, 1.0, 0.0, 0.0]
    assert segs["article#1"]["system"] == "engine-x" and segs["empty-ish#1"]["system"] is None
    # chrF/TER: MT as hypothesis, corrected text as reference; null without a correction.
    expected_chrf = sacrebleu.sentence_chrf(SEGMENTS[0][1], ["マーロウは計画がうまくいくと言った。"]).score
    assert segs["article#1"]["chrf"] == expected_chrf
    assert segs["article#2"]["chrf"] is None and segs["article#2"]["ter"] is None
    doc = next(d for d in out["documents"] if d["name"] == "article")
    words = sum(len(s.split()) for s, _ in SEGMENTS)
    # per 1,000 target characters: the current target (the correction where there is one).
    targets = ["マーロウは計画がうまくいくと言った。", SEGMENTS[1][1], "変化は大きかった。", SEGMENTS[3][1]]
    chars = sum(len(t) for t in targets)
    assert doc["segments"] == 4
    assert doc["mqm_penalty"] == 6.0
    assert doc["mqm_per_100_words"] == pytest.approx(600 / words)
    assert doc["mqm_per_1000_chars"] == pytest.approx(6000 / chars)
    assert doc["quality"] == pytest.approx(100 - 600 / words) and doc["pass"] is False
    hyps = [SEGMENTS[0][1], SEGMENTS[2][1]]
    refs = [["マーロウは計画がうまくいくと言った。", "変化は大きかった。"]]
    assert doc["chrf"] == sacrebleu.corpus_chrf(hyps, refs).score
    assert (
        doc["ter"]
        == sacrebleu.metrics.TER(normalized=True, asian_support=True).corpus_score(hyps, refs).score
    )
    assert doc["bleu"] is not None
    other = next(d for d in out["documents"] if d["name"] == "empty-ish")
    assert other["chrf"] is None and other["bleu"] is None and other["pass"] is True
    assert out["systems"] == [{"name": "engine-x", "items": 4, "mqm": 1.5}]


def test_project_weights_and_threshold_settings(project: Path) -> None:
    service = ProjectService.open(str(project), "qa")
    try:
        service._store.set_setting("weights", {"major": 10})
        service._store.set_setting("threshold", 40)
    finally:
        service.close()
    out = _score(project)
    assert out["weights"]["major"] == 10
    doc = next(d for d in out["documents"] if d["name"] == "article")
    assert doc["mqm_penalty"] == 11.0 and doc["pass"] is True


def test_report_html_and_csv(project: Path, tmp_path: Path) -> None:
    html_path, csv_path = tmp_path / "report.html", tmp_path / "scores.csv"
    result = CliRunner().invoke(cli, ["report", str(project), "-o", str(html_path), "--csv", str(csv_path)])
    assert result.exit_code == 0, result.output
    text = html_path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.count("<svg") >= 3
    assert "FAIL" in text and "article" in text and "Accuracy" in text
    # Self-contained: no external resources, no scripts.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text) and "<script" not in text
    assert "<link" not in text and "<metadata>" not in text
    assert "nrefs:1" in text
    # progress per document (statuses) and annotations per reviewer
    assert "Progress" in text and "0/4" in text
    assert "Annotations per reviewer" in text and "<td>qa</td>" in text
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows][:2] == ["article#1", "article#2"]
    assert float(rows[0]["mqm_penalty"]) == 5.0 and rows[1]["chrf"] == ""


def test_report_refuses_to_overwrite_its_input(project: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(project), "-o", str(project)])
    assert result.exit_code == 2


def test_text_input_and_empty_corrected_column(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "source,target,corrected\nHello there.,こんにちは。,こんにちは！\nBye.,さようなら。,\n", "utf-8"
    )
    out = _score(path)
    assert [s["id"] for s in out["segments"]] == ["1", "2"]
    assert out["segments"][0]["chrf"] == sacrebleu.sentence_chrf("こんにちは。", ["こんにちは！"]).score
    assert out["segments"][1]["chrf"] is None
    assert out["systems"] == []


@pytest.mark.parametrize("args", [["score", "missing.tsv", "--json"], ["score", "nope.mtreview", "--json"]])
def test_bad_locations_exit_2(tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2


def test_empty_project_and_empty_texts_give_nulls_not_nan(tmp_path: Path) -> None:
    location = tmp_path / "empty.mtreview"
    ProjectService.open(str(location), "qa", create=True).close()
    out = _score(location)
    assert out["segments"] == [] and out["documents"] == [] and out["systems"] == []
    assert set(out["signatures"]) == {"chrf", "bleu", "ter"}
    service = ProjectService.open(str(location), "qa")
    try:
        service.import_document(ImportedDocument("blank", [SegmentDraft("", "", corrected="")]))
    finally:
        service.close()
    result = CliRunner().invoke(cli, ["score", str(location), "--json"])
    assert "NaN" not in result.stdout
    out = json.loads(result.stdout)
    (doc,) = out["documents"]
    assert (
        doc["chrf"] == 0.0 and doc["ter"] == 0.0 and doc["mqm_per_100_words"] == 0.0 and doc["quality"] == 100
    )


def test_document_scores_equal_the_sacrebleu_command_line(project: Path, tmp_path: Path) -> None:
    """An independent judge: sacrebleu's own CLI, given the MT and the corrections as files and the
    options our signatures name, prints the same chrF, TER and BLEU and the same signatures."""
    import subprocess
    import sys

    out = _score(project)
    doc = next(d for d in out["documents"] if d["name"] == "article")
    hyp, ref = tmp_path / "mt.txt", tmp_path / "corrected.txt"
    hyp.write_text(f"{SEGMENTS[0][1]}\n{SEGMENTS[2][1]}\n", encoding="utf-8")
    ref.write_text("マーロウは計画がうまくいくと言った。\n変化は大きかった。\n", encoding="utf-8")
    tok = re.search(r"tok:([a-z-]+?)(?:-\d|\|)", out["signatures"]["bleu"])
    assert tok is not None
    args = [sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), "-w", "6"]
    for metric, extra in (
        ("chrf", []),
        ("ter", ["--ter-normalized", "--ter-asian-support"]),
        ("bleu", ["--tokenize", tok.group(1)]),
    ):
        run = subprocess.run([*args, "-m", metric, *extra], capture_output=True, text=True, check=True)
        printed = json.loads(run.stdout)
        assert printed["score"] == pytest.approx(doc[metric], abs=1e-6), metric
        assert printed["signature"] == out["signatures"][metric], metric
    assert "norm:yes" in out["signatures"]["ter"] and "asian:yes" in out["signatures"]["ter"]
