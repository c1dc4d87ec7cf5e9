"""The one write path (``ProjectService.save``) and the editing session's policy (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import ConflictError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.services.editing import EditingSession
from mtreview.services.project import ProjectService
from mtreview.services.saving import Conflict, Saved, SegmentChange


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.mtreview"
    ana = ProjectService.open(path, "ana", create=True)
    ana.import_document(ImportedDocument("d", [SegmentDraft(f"S{i}.", f"訳{i}。") for i in range(3)]))
    ben = ProjectService.open(path, "ben")
    yield ana, ben
    ana.close()
    ben.close()


def test_saved_carries_the_segment_before_and_after(pair) -> None:  # type: ignore[no-untyped-def]
    ana, _ben = pair
    sid = ana.segment_ids()[0]
    outcome = ana.save(SegmentChange.confirm(sid, "確定。", 1))
    assert isinstance(outcome, Saved)
    assert (outcome.previous.corrected, outcome.previous.status, outcome.previous.version) == (
        None,
        Status.NEW,
        1,
    )
    assert (outcome.segment.corrected, outcome.segment.status, outcome.segment.version) == (
        "確定。",
        Status.APPROVED,
        2,
    )
    assert outcome.changes.segments == {sid}
    assert [r.action for r in ana.revisions(sid)] == ["confirm"]


def test_a_stale_write_is_a_conflict_value_and_writes_nothing(pair) -> None:  # type: ignore[no-untyped-def]
    ana, ben = pair
    sid = ana.segment_ids()[1]
    ben.save(SegmentChange.confirm(sid, "ベン。", 1)).require_saved()
    outcome = ana.save(SegmentChange.confirm(sid, "アナ。", 1))
    assert isinstance(outcome, Conflict)
    assert (outcome.theirs.corrected, outcome.theirs.author, outcome.theirs.version) == ("ベン。", "ben", 2)
    assert ana.segment(sid).corrected == "ベン。"
    assert len(ana.revisions(sid)) == 1
    with pytest.raises(ConflictError):
        outcome.require_saved()


def test_an_edit_status_follows_the_text_a_status_change_keeps_it(pair) -> None:  # type: ignore[no-untyped-def]
    ana, _ben = pair
    sid = ana.segment_ids()[2]
    edited = ana.save(SegmentChange.edit(sid, "直した。", 1)).require_saved().segment
    assert edited.status == Status.CORRECTED
    rejected = ana.save(SegmentChange.set_status(sid, Status.REJECTED, edited.version)).require_saved()
    assert (rejected.segment.corrected, rejected.segment.status) == ("直した。", Status.REJECTED)
    back = ana.save(SegmentChange.edit(sid, None, rejected.segment.version)).require_saved().segment
    assert (back.corrected, back.status) == (None, Status.REJECTED)


def test_session_keep_mine_writes_on_top_of_theirs(pair) -> None:  # type: ignore[no-untyped-def]
    ana, ben = pair
    sid = ana.segment_ids()[0]
    session = EditingSession(ana)
    session.open(ana.segment(sid))
    ben.save(SegmentChange.edit(sid, "ベン。", 1)).require_saved()
    conflict = session.save("アナ。", Status.APPROVED, "confirm")
    assert isinstance(conflict, Conflict)
    kept = session.keep_mine(conflict)
    assert isinstance(kept, Saved) and kept.segment.corrected == "アナ。" and kept.segment.version == 3
    assert session.current == kept.segment
    assert [r.action for r in ana.revisions(sid)] == ["edit", "merge"]


def test_session_take_theirs_and_merge_by_hand_write_nothing(pair) -> None:  # type: ignore[no-untyped-def]
    ana, ben = pair
    sid = ana.segment_ids()[0]
    session = EditingSession(ana)
    session.open(ana.segment(sid))
    ben.save(SegmentChange.edit(sid, "ベン。", 1)).require_saved()
    conflict = session.save("アナ。", Status.APPROVED, "confirm")
    assert isinstance(conflict, Conflict)
    assert session.merge_by_hand(conflict) == "アナ。\nベン。"
    assert session.current is not None and session.current.version == 2  # their version is the new base
    assert session.take_theirs(conflict).corrected == "ベン。"
    assert len(ana.revisions(sid)) == 1


def test_session_offers_a_draft_typed_over_an_older_version_on_that_base(pair) -> None:  # type: ignore[no-untyped-def]
    ana, ben = pair
    sid = ana.segment_ids()[1]
    ana.save_draft(sid, "下書き。", 1)
    ben.save(SegmentChange.edit(sid, "ベン。", 1)).require_saved()
    session = EditingSession(ana)
    opened = session.open(ana.segment(sid))
    assert opened.draft == "下書き。" and opened.notice
    assert opened.segment is not None and opened.segment.version == 1  # saving will show the conflict
    assert isinstance(session.save("下書き。", Status.CORRECTED, "edit"), Conflict)


def test_session_follows_others_unless_the_reviewer_has_unsaved_text(pair) -> None:  # type: ignore[no-untyped-def]
    ana, ben = pair
    sid = ana.segment_ids()[2]
    session = EditingSession(ana)
    session.open(ana.segment(sid))
    fresh = ben.save(SegmentChange.edit(sid, "ベン。", 1)).require_saved().segment
    held = session.follow(fresh, external=True, dirty=True)
    assert not held.reload and held.notice and session.current is not None and session.current.version == 1
    followed = session.follow(fresh, external=True, dirty=False)
    assert followed.reload and session.current == fresh
