"""ProjectService (use cases) on both backends: SQLite file and PostgreSQL (``project_url`` fixture)."""

from __future__ import annotations

import pytest

from mtreview.domain.errors import ConflictError, InputError, ProjectError
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Status,
)
from mtreview.services.commands import AddAnnotation, DeleteAnnotation, SetSegmentText, UpdateAnnotation
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


def _doc(n: int = 4) -> ImportedDocument:
    return ImportedDocument("chapter", [SegmentDraft(f"Line {i}.", f"行{i}。") for i in range(1, n + 1)])


@pytest.fixture
def service(project_url: str):  # type: ignore[no-untyped-def]
    svc = ProjectService.open(project_url, "ana", create=True)
    svc.import_document(_doc())
    yield svc
    svc.close()


def _ids(svc: ProjectService) -> list[int]:
    return svc.segment_ids()


def test_import_from_a_file_creates_one_document(project_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "pairs.tsv"
    src.write_text("One.\t一。\nTwo.\t二。\n", encoding="utf-8")
    svc = ProjectService.open(project_url, "ana", create=True)
    try:
        result = svc.import_path(src)
        assert result.document.segment_count == 2
        assert result.changes.documents == {result.document.id}
        assert [s.source for s in svc.iter_segments()] == ["One.", "Two."]
        with pytest.raises(InputError):
            svc.import_path(tmp_path / "missing.tsv")
        assert len(svc.documents()) == 1
    finally:
        svc.close()


@pytest.mark.parametrize(
    ("text", "status", "expected_status"),
    [
        ("直した。", None, Status.CORRECTED),  # editing a new segment marks it corrected
        (None, None, Status.NEW),  # back to the MT
        ("直した。", Status.REJECTED, Status.REJECTED),
    ],
)
def test_edit_sets_text_status_and_author(service: ProjectService, text, status, expected_status) -> None:  # type: ignore[no-untyped-def]
    sid = _ids(service)[0]
    _saved = service.save(SegmentChange.edit(sid, text, 1, status)).require_saved()
    seg, changes = _saved.segment, _saved.changes
    assert (seg.corrected, seg.status, seg.author, seg.version) == (text, expected_status, "ana", 2)
    assert changes.segments == {sid}
    (rev,) = service.revisions(sid)
    assert rev.author == "ana" and rev.after["corrected"] == text


def test_confirm_approves_and_a_stale_confirm_is_refused(project_url: str) -> None:
    ana = ProjectService.open(project_url, "ana", create=True)
    ana.import_document(_doc())
    ben = ProjectService.open(project_url, "ben")
    try:
        sid = _ids(ana)[1]
        seen_by_ben = ben.segment(sid)
        ana.save(SegmentChange.confirm(sid, "アナの訳。", 1)).require_saved()
        with pytest.raises(ConflictError) as info:
            ben.save(SegmentChange.confirm(sid, "ベンの訳。", seen_by_ben.version)).require_saved()
        assert info.value.current.corrected == "アナの訳。" and info.value.current.author == "ana"
        seg = ben.segment(sid)
        assert (seg.corrected, seg.status, seg.version) == ("アナの訳。", Status.APPROVED, 2)
        assert ana.next_unconfirmed(sid, _ids(ana)) == _ids(ana)[2]
    finally:
        ana.close()
        ben.close()


def test_undo_commands_round_trip_and_refuse_to_overwrite_a_colleague(project_url: str) -> None:
    ana = ProjectService.open(project_url, "ana", create=True)
    ana.import_document(_doc())
    ben = ProjectService.open(project_url, "ben")
    try:
        sid = _ids(ana)[0]
        undo, _ = SetSegmentText(sid, "新しい。", Status.CORRECTED).apply(ana)
        redo, _ = undo.apply(ana)
        assert ana.segment(sid).corrected is None
        redo.apply(ana)
        assert ana.segment(sid).corrected == "新しい。"
        delete_it, _ = AddAnnotation(AnnotationDraft(sid, "Accuracy", Severity.MAJOR)).apply(ana)
        restore_it, _ = delete_it.apply(ana)
        assert ana.annotations() == []
        restore_it.apply(ana)
        (ann,) = ana.annotations()
        back, _ = UpdateAnnotation(ann.id, {"state": AnnotationState.DISMISSED}).apply(ana)
        assert ana.annotation(ann.id).state == AnnotationState.DISMISSED
        back.apply(ana)
        assert ana.annotation(ann.id).state == AnnotationState.CONFIRMED
        # an undo based on a version a colleague has since replaced is refused, not applied over them
        stale = SetSegmentText(sid, None, Status.NEW, expected_version=ana.segment(sid).version)
        ben.save(SegmentChange.confirm(sid, "ベン。", ben.segment(sid).version)).require_saved()
        with pytest.raises(ConflictError):
            stale.apply(ana)
        assert ana.segment(sid).corrected == "ベン。"
        assert isinstance(DeleteAnnotation(ann.id).apply(ana)[0], DeleteAnnotation)
    finally:
        ana.close()
        ben.close()


@pytest.mark.parametrize(("key", "default"), [("threshold", 90.0), ("typology", "google-mqm")])
def test_settings_have_defaults_and_are_shared(project_url: str, key: str, default: object) -> None:
    ana = ProjectService.open(project_url, "ana", create=True)
    ben = ProjectService.open(project_url, "ben")
    try:
        assert ben.setting(key) == default
        assert ana.set_setting(key, "changed").settings
        assert ben.setting(key) == "changed"
    finally:
        ana.close()
        ben.close()


def test_opening_a_missing_project_is_a_project_error(project_url: str) -> None:
    if project_url.endswith(".mtreview"):
        with pytest.raises(ProjectError, match="no such project"):
            ProjectService.open(project_url, "ana")
    else:
        with pytest.raises(ProjectError, match="empty"):
            ProjectService.open(project_url, "ana")
