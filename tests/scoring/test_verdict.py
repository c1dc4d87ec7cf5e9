"""An unreviewed document is not a pass: the verdict follows the review (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtreview import i18n
from mtreview.cli.main import cli
from mtreview.domain.model import AnnotationDraft, Severity
from mtreview.scoring.verdict import Verdict, is_reviewed, judge, judgement
from mtreview.services.live_scores import LiveScores
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.services.scores import score_project


@pytest.mark.parametrize(
    ("quality", "reviewed", "segments", "expected"),
    [
        (100.0, 0, 110, Verdict.NOT_REVIEWED),  # the first-run case: nothing confirmed reads no result
        (100.0, 0, 0, Verdict.NOT_REVIEWED),
        (95.0, 41, 112, Verdict.IN_PROGRESS),
        (80.0, 3, 112, Verdict.FAIL),  # already below the threshold: more review cannot rescue it
        (80.0, 0, 112, Verdict.FAIL),  # confirmed errors on segments nobody approved yet still count
        (95.0, 112, 112, Verdict.PASS),
        (90.0, 5, 5, Verdict.PASS),  # at the threshold passes
        (89.9, 5, 5, Verdict.FAIL),
    ],
)
def test_judge(quality: float, reviewed: int, segments: int, expected: Verdict) -> None:
    assert judge(quality, 90.0, reviewed, segments) is expected


def test_reviewed_means_a_reviewer_decided() -> None:
    assert is_reviewed("approved", None) and is_reviewed("rejected", "x")
    assert not is_reviewed("new", None) and not is_reviewed("corrected", "edited, not confirmed")
    assert is_reviewed(None, "a corrected column in a file") and not is_reviewed(None, None)


def test_labels_in_both_languages() -> None:
    unreviewed = judgement(100.0, 90.0, 0, 110)
    partial = judgement(96.0, 90.0, 41, 112)
    try:
        assert unreviewed.label() == "not reviewed" and unreviewed.quality_text() == "—"
        assert partial.label() == "41/112 reviewed" and partial.quality_text() == "96.0"
        assert judgement(96.0, 90.0, 5, 5).label() == "PASS"
        i18n.set_language("ja")
        assert unreviewed.label() not in ("not reviewed", "PASS")
        assert "41/112" in partial.label() and "reviewed" not in partial.label()
    finally:
        i18n.set_language("en")


def _project(tmp_path: Path) -> Path:
    src = tmp_path / "d.tsv"
    src.write_text(
        "source\ttarget\nThe library opens at nine.\t図書館は九時に開館する。\n"
        "Tickets cost ten dollars.\tチケットは十円です。\n",
        encoding="utf-8",
    )
    location = tmp_path / "p.mtreview"
    svc = ProjectService.open(location, "me", create=True)
    svc.import_path(src)
    svc.close()
    return location


def test_project_verdict_follows_the_review(tmp_path: Path) -> None:
    location = _project(tmp_path)
    svc = ProjectService.open(location, "me")
    try:
        live = LiveScores(svc)
        doc_id = svc.documents()[0].id
        doc = score_project(svc._store).documents[0]
        assert doc.quality == 100.0 and doc.judgement.verdict is Verdict.NOT_REVIEWED
        assert live.judgement(doc_id).verdict is Verdict.NOT_REVIEWED
        first, second = (svc.segment(i) for i in svc.segment_ids())
        _saved = svc.save(SegmentChange.confirm(first.id, first.mt, first.version)).require_saved()
        _seg, changes = _saved.segment, _saved.changes
        live.apply(changes)
        assert live.judgement(doc_id).verdict is Verdict.IN_PROGRESS
        assert live.judgement(doc_id).label() == "1/2 reviewed"
        _ann, changes = svc.annotate(
            AnnotationDraft(second.id, "Accuracy/Mistranslation", Severity.MAJOR, start=6, end=8)
        )
        live.apply(changes)
        _saved = svc.save(
            SegmentChange.confirm(second.id, "チケットは十ドルです。", svc.segment(second.id).version)
        ).require_saved()
        _seg, changes = _saved.segment, _saved.changes
        live.apply(changes)
        doc = score_project(svc._store).documents[0]
        assert doc.reviewed == 2 and doc.judgement.verdict is Verdict.FAIL  # 5 per 8 words
        assert live.judgement(doc_id).verdict is Verdict.FAIL
    finally:
        svc.close()


def test_score_command_says_not_reviewed(tmp_path: Path) -> None:
    location = _project(tmp_path)
    text = CliRunner().invoke(cli, ["score", str(location)])
    assert text.exit_code == 0, text.output
    assert "not reviewed" in text.stdout and "PASS" not in text.stdout and "100.0" not in text.stdout
    out = json.loads(CliRunner().invoke(cli, ["score", str(location), "--json"]).stdout)
    doc = out["documents"][0]
    assert doc["verdict"] == "not reviewed" and doc["reviewed"] == 0
    assert doc["quality"] == 100.0  # the contract's number stays; the verdict says it means nothing yet
