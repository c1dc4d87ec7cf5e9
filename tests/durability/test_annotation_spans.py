"""Found by the kill harness: an annotation span on the corrected text outlives a shorter correction.

``check_integrity`` requires every span to lie inside its text (the longer of MT and correction), but
``update_segment`` keeps annotations as they are when the correction changes, so an ordinary sequence —
flag the end of a correction, then shorten the correction — leaves the project "corrupt" by its own
check, with no crash involved. Expected to fail until spans are adjusted (or the edit refused).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.model import AnnotationDraft, ImportedDocument, SegmentDraft, Severity, Side
from mtreview.services.project import ProjectService


@pytest.mark.xfail(strict=True, reason="annotation spans are not adjusted when the correction shrinks")
def test_shortening_a_correction_keeps_the_project_consistent(tmp_path: Path) -> None:
    svc = ProjectService.open(tmp_path / "s.mtreview", "ana", create=True)
    try:
        svc.import_document(ImportedDocument("d", [SegmentDraft("The harbour is quiet.", "港は静か。")]))
        sid = svc.store.segment_ids()[0]
        seg, _ = svc.edit(sid, "港は今日はとても静かです。", svc.segment(sid).version)
        svc.annotate(
            AnnotationDraft(
                segment_id=sid,
                category="Fluency/Grammar",
                severity=Severity.MINOR,
                side=Side.TARGET,
                start=10,
                end=12,
            )
        )
        svc.confirm(sid, "港は静か。", seg.version)
        assert svc.store.check_integrity() == []
    finally:
        svc.close()
