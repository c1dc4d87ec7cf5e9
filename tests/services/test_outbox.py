"""Confirmations made while the PostgreSQL server is gone are kept locally, sent later, never lost.

These tests stop the session's PostgreSQL server in the middle of a session and start it again.
"""

from __future__ import annotations

import json

import pytest

from mtreview.domain.errors import ConnectionLostError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.services.outbox import Outbox
from mtreview.services.project import ProjectService
from mtreview.services.saving import Queued, Saved, SegmentChange

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_server, pg_url):  # type: ignore[no-untyped-def]
    ana = ProjectService.open(pg_url, "ana", create=True)
    ana.import_document(ImportedDocument("d", [SegmentDraft(f"S{i}.", f"訳{i}。") for i in range(4)]))
    ben = ProjectService.open(pg_url, "ben")
    yield pg_server, ana, ben
    ana.close()
    ben.close()


def test_confirmations_while_offline_are_kept_and_sent_on_reconnect(team) -> None:  # type: ignore[no-untyped-def]
    server, ana, _ben = team
    outbox = Outbox.for_service(ana)
    s = ana.segment_ids()
    assert isinstance(ana.save(SegmentChange.confirm(s[0], "オンライン。", 1)), Saved)
    server.pause()
    try:
        with pytest.raises(ConnectionLostError):
            ana.segment(s[1])
        first = ana.save(SegmentChange.confirm(s[1], "一回目。", 1))
        second = ana.save(
            SegmentChange.confirm(s[1], "二回目。", 1)
        )  # changed her mind: supersedes, same base version
        third = ana.save(SegmentChange.confirm(s[2], "三。", 1))
        assert all(isinstance(o, Queued) for o in (first, second, third))
        assert isinstance(third, Queued)
        assert "saved on this computer" in third.message and third.pending == 2
        # durable: a new process (a fresh Outbox on the same file) sees the same pending work
        pending = Outbox.for_service(ana).pending()
        assert [(p.segment_id, p.text) for p in pending] == [(s[1], "二回目。"), (s[2], "三。")]
        assert outbox.flush(ana).offline
    finally:
        server.resume()
    report = outbox.flush(ana)
    assert not report.offline and report.pending == 0 and not report.conflicts
    assert sorted(seg.id for seg in report.sent) == [s[1], s[2]]
    for sid, text in ((s[1], "二回目。"), (s[2], "三。")):
        seg = ana.segment(sid)
        assert (seg.corrected, seg.status, seg.author, seg.version) == (text, Status.APPROVED, "ana", 2)
    assert not outbox.path.exists()


def test_a_confirmation_applied_before_the_reply_was_lost_is_not_a_conflict(team) -> None:  # type: ignore[no-untyped-def]
    _server, ana, _ben = team
    outbox = Outbox.for_service(ana)
    sid = ana.segment_ids()[0]
    outbox.queue(sid, "届いた。", 1, "ana")  # as if the commit went through but the connection died
    ana.save(SegmentChange.confirm(sid, "届いた。", 1), queue_offline=False).require_saved()
    report = outbox.flush(ana)
    assert [seg.corrected for seg in report.sent] == ["届いた。"] and not report.conflicts
    assert len(ana.revisions(sid)) == 1


def test_a_queued_confirmation_that_now_conflicts_becomes_a_draft(team) -> None:  # type: ignore[no-untyped-def]
    server, ana, ben = team
    outbox = Outbox.for_service(ana)
    sid = ana.segment_ids()[3]
    server.pause()
    try:
        assert isinstance(ana.save(SegmentChange.confirm(sid, "アナ。", 1)), Queued)
    finally:
        server.resume()
    ben.save(SegmentChange.confirm(sid, "ベン。", 1)).require_saved()  # a colleague got there first
    report = outbox.flush(ana)
    assert len(report.conflicts) == 1 and report.conflicts[0][1].current.corrected == "ベン。"
    assert "conflict" in report.message
    assert ana.segment(sid).corrected == "ベン。"  # not overwritten
    assert ana._store.drafts("ana") == {sid: ("アナ。", 2)}  # and not lost


def test_a_line_cut_short_by_a_crash_is_ignored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    outbox = Outbox(tmp_path / "o.jsonl")
    kept = outbox.queue(7, "七。", 3, "ana")
    with open(outbox.path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"op": "queue", "key": "x", "segment_id": 8})[:20])
    assert outbox.pending() == [kept]


def test_after_a_server_restart_an_open_project_just_works_again(team) -> None:  # type: ignore[no-untyped-def]
    server, ana, ben = team
    sid = ana.segment_ids()[0]
    ana.segment(sid)
    ben.segment(sid)
    server.pause()
    server.resume()
    # both windows' pooled connections were cut; neither reviewer sees an error for it
    assert ana.save(SegmentChange.confirm(sid, "再起動後。", 1)).require_saved().segment.version == 2
    assert ben.segment(sid).corrected == "再起動後。"
