"""Undo as data never overwrites somebody else's newer change; delete/undo keeps a finding's identity."""

import pytest

from mtreview.domain.errors import ConflictError
from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity, Status
from mtreview.services.checking import run_project_checks
from mtreview.services.commands import AddAnnotation, DeleteAnnotation, SetSegmentText, UpdateAnnotation
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


@pytest.fixture
def two(tmp_path):
    src = tmp_path / "d.tsv"
    src.write_text("The renovation cost $3.2 million.\t改修には320万円かかりました。\n", encoding="utf-8")
    alice = ProjectService.open(tmp_path / "p.mtreview", "alice", create=True)
    alice.import_path(src)
    bob = ProjectService.open(tmp_path / "p.mtreview", "bob")
    yield alice, bob
    alice.close()
    bob.close()


def test_undoing_an_edit_after_someone_else_changed_it_is_a_conflict(two):
    alice, bob = two
    sid = alice.segment_ids()[0]
    seg = alice.segment(sid)
    inverse, _ = SetSegmentText(sid, "アリスの訳", Status.CORRECTED, expected_version=seg.version).apply(
        alice
    )
    mine = bob.segment(sid)
    bob.save(SegmentChange.confirm(sid, "ボブの訳", mine.version)).require_saved()
    with pytest.raises(ConflictError):
        inverse.apply(alice)
    assert alice.segment(sid).corrected == "ボブの訳"


def test_undo_of_a_flag_does_not_delete_an_annotation_someone_confirmed_since(two):
    alice, bob = two
    sid = alice.segment_ids()[0]
    inverse, _ = AddAnnotation(
        AnnotationDraft(
            sid, "Accuracy/Mistranslation", Severity.MAJOR, start=3, end=9, state=AnnotationState.PROPOSED
        )
    ).apply(alice)
    (ann,) = bob.annotations(segment_ids=[sid])
    bob.triage(ann.id, ann.version, AnnotationState.CONFIRMED)
    with pytest.raises(ConflictError):
        inverse.apply(alice)
    assert alice.annotation(ann.id).state == AnnotationState.CONFIRMED


def test_update_with_a_stale_version_is_refused(two):
    alice, bob = two
    sid = alice.segment_ids()[0]
    (ann,) = alice._store.add_annotations([AnnotationDraft(sid, "Style/Awkward", Severity.MINOR)], "alice")
    bob.update_annotation(ann.id, ann.version, severity=Severity.MAJOR)
    with pytest.raises(ConflictError):
        UpdateAnnotation(ann.id, {"severity": Severity.MINOR}, expected_version=ann.version).apply(alice)


def test_delete_and_undo_keeps_a_dismissed_finding_dismissed_on_recheck(two):
    alice, _bob = two
    run_project_checks(alice)
    finding = next(a for a in alice.annotations() if a.origin == "numbers")
    alice.triage(finding.id, finding.version, AnnotationState.DISMISSED)
    current = alice.annotation(finding.id)
    inverse, _ = DeleteAnnotation(current.id, expected_version=current.version).apply(alice)
    inverse.apply(alice)
    again = run_project_checks(alice)
    assert again.added == 0
    assert alice.annotation(finding.id).state == AnnotationState.DISMISSED
