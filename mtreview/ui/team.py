"""Team mode in the window: others' changes (polled every second), presence (heartbeats), and the
offline outbox (sent when the server is back). Others' changes are announced on the change hub as
external, so the open segment is never overwritten under the reviewer's hands."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Changes
from mtreview.i18n import _
from mtreview.services.outbox import Outbox
from mtreview.services.sync import ChangeFeed
from mtreview.ui.tasks import describe_error

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


class TeamController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.feed: ChangeFeed | None = None
        self._feed_timer = QTimer(window)
        self._feed_timer.setInterval(1000)
        self._feed_timer.timeout.connect(self.poll_others)
        self._heartbeat_timer = QTimer(window)
        self._heartbeat_timer.setInterval(5000)
        self._heartbeat_timer.timeout.connect(self.heartbeat)

    def start(self) -> None:
        try:
            self.feed = ChangeFeed(self.w.service)
        except MtreviewError as exc:
            self.feed = None
            self.w.statusBar().showMessage(describe_error(exc), 10000)
            return
        self._feed_timer.start()
        self._heartbeat_timer.start()

    def stop(self) -> None:
        self._feed_timer.stop()
        self._heartbeat_timer.stop()
        feed, self.feed = self.feed, None
        if feed is not None:
            with contextlib.suppress(MtreviewError):
                feed.close()

    def poll_others(self) -> None:
        """Apply what other reviewers changed (within about a second) and mark who edits what."""
        w = self.w
        feed = self.feed
        if feed is None:
            return
        try:
            changes = feed.poll()
            editors = feed.editors()
        except MtreviewError as exc:
            w.statusBar().showMessage(_("Connection problem: {e}").format(e=describe_error(exc)), 5000)
            return
        self.flush_outbox()
        w.model.set_editors(editors)
        if any(r.action.startswith("realign") for r in feed.revisions):
            # A colleague re-aligned a document: segments came and went, so re-read everything.
            w.hub.announce(Changes(documents=frozenset(w.service.document_ids())), external=True)
            w.statusBar().showMessage(
                _("A document was re-aligned by a colleague; the view is updated."), 6000
            )
            return
        if not changes.empty:
            who = sorted({r.author for r in feed.revisions})
            texts = any(r.entity != "annotation" for r in feed.revisions) or bool(changes.settings)
            w.hub.announce(changes, external=True, texts=texts)
            if who:
                w.statusBar().showMessage(_("Updated: changes by {who}").format(who=", ".join(who)), 4000)

    def heartbeat(self) -> None:
        if self.feed is not None:
            current = self.w.review.current
            with contextlib.suppress(MtreviewError):
                self.feed.set_editing(current.id if current else None)

    def flush_outbox(self) -> None:
        w = self.w
        if not w.service.is_team:
            return
        outbox = Outbox.for_service(w.service)
        if not outbox.pending():
            return
        report = outbox.flush(w.service)
        if report.sent or report.conflicts:
            w.statusBar().showMessage(report.message, 10000)
            w.hub.announce(
                Changes(
                    segments=frozenset(
                        [s.id for s in report.sent] + [item.segment_id for item, _e in report.conflicts]
                    )
                )
            )
