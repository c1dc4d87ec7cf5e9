"""Found by the kill harness: a span flagged on a (longer) correction outlived a shorter correction and the
project failed its own integrity check. Target spans are on the immutable MT, so this cannot happen."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationDraft, ImportedDocument, SegmentDraft, Severity, Side
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


def test_target_spans_must_fit_the_mt_and_survive_any_correction(tmp_path: Path) -> None:
    svc = ProjectService.open(tmp_path / "s.mtreview", "ana", create=True)
    try:
        svc.import_document(ImportedDocument("d", [SegmentDraft("The harbour is quiet.", "港は静か。")]))
        sid = svc.segment_ids()[0]
        seg = (
            svc.save(SegmentChange.edit(sid, "港は今日はとても静かです。", svc.segment(sid).version))
            .require_saved()
            .segment
        )
        beyond_mt = AnnotationDraft(
            segment_id=sid,
            category="Fluency/Grammar",
            severity=Severity.MINOR,
            side=Side.TARGET,
            start=10,
            end=12,
        )
        with pytest.raises(InputError):
            svc.annotate(beyond_mt)
        svc.annotate(
            AnnotationDraft(
                segment_id=sid,
                category="Fluency/Grammar",
                severity=Severity.MINOR,
                side=Side.TARGET,
                start=2,
                end=4,
            )
        )
        svc.save(SegmentChange.confirm(sid, "港", seg.version)).require_saved()
        assert svc.check_integrity() == []
    finally:
        svc.close()
