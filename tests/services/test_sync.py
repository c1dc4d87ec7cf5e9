"""ChangeFeed: a reviewer's window learns of colleagues' changes (within 2 s) and of who edits what."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import insert

from mtreview.domain.model import AnnotationDraft, ImportedDocument, SegmentDraft, Severity
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.services.sync import ChangeFeed
from mtreview.storage.orm import RevisionRow


def _open_pair(url: str) -> tuple[ProjectService, ProjectService]:
    ana = ProjectService.open(url, "ana", create=True)
    ana.import_document(ImportedDocument("d", [SegmentDraft(f"S{i}.", f"訳{i}。") for i in range(5)]))
    return ana, ProjectService.open(url, "ben")


def test_poll_reports_only_colleagues_changes(project_url: str) -> None:
    ana, ben = _open_pair(project_url)
    feed = ChangeFeed(ana, "ana")
    try:
        s = ana.segment_ids()
        assert feed.poll().empty
        ana.save(
            SegmentChange.confirm(s[0], "アナ。", 1)
        ).require_saved()  # her own edit: her window already shows it
        ben.save(SegmentChange.confirm(s[1], "ベン。", 1)).require_saved()
        ann, _ = ben.annotate(AnnotationDraft(s[2], "Fluency", Severity.MINOR))
        changes = feed.poll()
        assert changes.segments == {s[1], s[2]} and changes.annotations == {ann.id}
        assert [r.author for r in feed.revisions] == ["ben", "ben"]
        assert feed.poll().empty  # reported once
        ben.set_setting("threshold", 80.0)
        ben.import_document(ImportedDocument("e", [SegmentDraft("x", "y")]))
        later = feed.poll()
        assert later.settings and len(later.documents) == 1
    finally:
        feed.close()
        ana.close()
        ben.close()


def test_editors_shows_who_else_is_editing(project_url: str) -> None:
    ana, ben = _open_pair(project_url)
    mine, theirs = ChangeFeed(ana, "ana"), ChangeFeed(ben, "ben")
    try:
        s = ana.segment_ids()
        mine.set_editing(s[0])
        theirs.set_editing(s[3])
        assert mine.editors() == {s[3]: "ben"}
        assert theirs.editors() == {s[0]: "ana"}
        theirs.close()  # ben closes his window
        assert mine.editors() == {}
    finally:
        mine.close()
        ana.close()
        ben.close()


def test_a_change_is_seen_by_a_waiting_worker_at_its_next_wake(project_url: str) -> None:
    """Counted in the worker's wait cycles, not seconds: a loaded machine stretches every cycle alike.
    With LISTEN the write wakes the wait in progress; on SQLite that wait ends within its 0.5 s."""
    ana, ben = _open_pair(project_url)
    feed = ChangeFeed(ana, "ana")
    sid = ana.segment_ids()[0]
    seen: list[int] = []
    stop = threading.Event()
    waiting = threading.Event()
    written = threading.Event()

    def worker() -> None:  # what the GUI's worker does: wait (LISTEN, or sleep on SQLite), then poll
        cycles = 0
        while not stop.is_set():
            waiting.set()
            feed.wait(0.5)
            if written.is_set():
                cycles += 1
            if sid in feed.poll().segments:
                seen.append(cycles)
                return

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert waiting.wait(60)
        ben.save(SegmentChange.confirm(sid, "ベン。", 1)).require_saved()
        written.set()
        thread.join(timeout=120)  # a backstop for a broken feed, not the measure
        assert seen and seen[0] <= 2, seen
    finally:
        stop.set()
        feed.close()
        thread.join(timeout=120)
        ana.close()
        ben.close()


@pytest.mark.postgres
def test_a_revision_committed_out_of_id_order_is_not_skipped(pg_url: str) -> None:
    ana, ben = _open_pair(pg_url)
    feed = ChangeFeed(ana, "ana")
    s = ana.segment_ids()
    try:
        slow = ben._store.engine.connect()
        transaction = slow.begin()  # takes a revision id now, commits later
        slow.execute(
            insert(RevisionRow).values(
                entity="segment",
                entity_id=s[4],
                segment_id=s[4],
                action="edit",
                author="cho",
                at=ana.segment(s[4]).updated_at,
                before=None,
                after=None,
            )
        )
        ben.save(SegmentChange.confirm(s[1], "ベン。", 1)).require_saved()  # a later id, committed first
        assert feed.poll().segments == {s[1]}
        assert feed.pending_gaps == 1
        transaction.commit()
        slow.close()
        assert feed.poll().segments == {s[4]}
        assert feed.pending_gaps == 0
    finally:
        feed.close()
        ana.close()
        ben.close()


def test_closing_the_feed_ends_a_waiting_worker_at_once(project_url: str) -> None:
    ana, ben = _open_pair(project_url)
    feed = ChangeFeed(ana, "ana")
    feed.wait(0.01)  # listening
    woken: list[bool] = []
    thread = threading.Thread(target=lambda: woken.append(feed.wait(3600.0)))
    thread.start()
    feed.close()  # the window closes (before or during the worker's wait: either way it ends)
    thread.join(timeout=600)  # a backstop far below the wait's own hour, never reached when it works
    try:
        assert not thread.is_alive() and woken == [False]
        late = threading.Thread(target=lambda: woken.append(feed.wait(3600.0)))  # a wait after the close
        late.start()
        late.join(timeout=600)
        assert not late.is_alive() and woken == [False, False]  # a closed feed waits no more
    finally:
        ana.close()
        ben.close()
