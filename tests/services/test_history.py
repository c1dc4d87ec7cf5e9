"""Segment history and revert, on both backends: a revert is a checked, recorded change."""

from __future__ import annotations

import pytest

from mtreview.domain.errors import ConflictError
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Status,
)
from mtreview.services.history import revert, segment_history
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


@pytest.fixture
def team(project_url: str):  # type: ignore[no-untyped-def]
    ana = ProjectService.open(project_url, "ana", create=True)
    ana.import_document(ImportedDocument("d", [SegmentDraft("One.", "一。"), SegmentDraft("Two.", "二。")]))
    ben = ProjectService.open(project_url, "ben")
    yield ana, ben
    ana.close()
    ben.close()


def test_reverting_a_colleagues_confirmation_restores_the_earlier_state(team) -> None:  # type: ignore[no-untyped-def]
    ana, ben = team
    sid = ana.segment_ids()[0]
    edited = ana.save(SegmentChange.edit(sid, "いち。", 1)).require_saved().segment
    confirmed = ben.save(SegmentChange.confirm(sid, "イチ。", edited.version)).require_saved().segment
    history = segment_history(ana, sid)
    assert [(h.revision.author, h.summary) for h in history] == [
        ("ana", "ana edited the text"),
        ("ben", "ben confirmed"),
    ]
    changes = revert(ana, history[1].revision.id, confirmed.version)
    seg = ana.segment(sid)
    assert (seg.corrected, seg.status, seg.author) == ("いち。", Status.CORRECTED, "ana")
    assert changes.segments == {sid}
    last = ana.revisions(sid)[-1]
    assert (last.action, last.author, last.before["corrected"], last.after["corrected"]) == (
        "revert",
        "ana",
        "イチ。",
        "いち。",
    )


def test_a_revert_based_on_an_old_version_is_refused(team) -> None:  # type: ignore[no-untyped-def]
    ana, ben = team
    sid = ana.segment_ids()[1]
    ana.save(SegmentChange.edit(sid, "に。", 1)).require_saved()
    first = ana.revisions(sid)[0]
    ben.save(
        SegmentChange.confirm(sid, "ニ。", 2)
    ).require_saved()  # ben moved it on while ana looked at version 2
    with pytest.raises(ConflictError):
        revert(ana, first.id, 2)
    assert ana.segment(sid).corrected == "ニ。"


@pytest.mark.parametrize("change", ["create", "update", "delete"])
def test_reverting_annotation_changes(team, change: str) -> None:  # type: ignore[no-untyped-def]
    ana, ben = team
    sid = ana.segment_ids()[0]
    ann, _ = ana.annotate(AnnotationDraft(sid, "Accuracy", Severity.MAJOR, comment="orig"))
    if change == "update":
        ann, _ = ben.update_annotation(ann.id, ann.version, comment="ben's", state=AnnotationState.DISMISSED)
    elif change == "delete":
        ben.delete_annotation(ann.id, ann.version)
    rev = ana.revisions(sid)[-1]
    revert(ana, rev.id, ann.version)
    remaining = ana.annotations()
    if change == "create":
        assert remaining == []
    else:
        (back,) = remaining
        assert (back.id, back.comment, back.state, back.severity) == (
            ann.id,
            "orig",
            AnnotationState.CONFIRMED,
            Severity.MAJOR,
        )
    assert ana.revisions(sid)[-1].author == "ana"
