"""The TM matches of the current segment: the confirmed repetition first, then fuzzy matches from the
project's confirmed segments and the reference TMs, with score and the differences between the match's
source and this segment's. ``insert(n)`` (Ctrl+1…9) hands the n-th target to the editor."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mtreview.domain.model import Segment
from mtreview.domain.progress import Progress
from mtreview.i18n import _, ngettext
from mtreview.services.diffing import diff
from mtreview.services.propagation import proposal_for
from mtreview.services.tm import PROJECT, Match, ProjectMemory
from mtreview.ui.richtext import HTML_ROLE, HtmlDelegate, tracked
from mtreview.ui.tasks import Task, describe_error

MAX_SHOWN = 9


@dataclass(frozen=True)
class ShownMatch:
    score: float
    origin: str
    source: str
    target: str
    where: str
    """For the list: ``repetition sea#4``, ``project sea#2``, ``keeper.tmx``."""


def _label(m: Match) -> str:
    if m.origin == PROJECT:
        return _("project {segment}").format(segment=m.segment or "")
    name = m.origin.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name} {m.segment}" if m.segment else name


class MatchesPanel(QWidget):
    insertRequested = Signal(str)
    """The target of the chosen match, for the correction editor."""
    matchesReady = Signal(int)
    """The list is up to date for the current segment (this many matches)."""

    def __init__(self, memory: Callable[[], ProjectMemory | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._memory = memory
        self._segment: Segment | None = None
        self._task: Task | None = None
        self._pending: Segment | None = None
        self.matches: list[ShownMatch] = []
        self.shown_for: int | None = None
        """The id of the segment whose matches the list shows."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Translation memory matches"))
        self.list.setWordWrap(True)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.itemActivated.connect(lambda item: self.insert(self.list.row(item) + 1))
        layout.addWidget(self.list, 1)

    # ------------------------------------------------------------------ loading
    def show_segment(self, segment: Segment | None) -> None:
        """Look up matches for ``segment`` (on a worker; the list follows when they are ready)."""
        self._segment = segment
        if segment is None:
            self._set([])
            return
        if self._task is not None:
            self._pending = segment
            return
        self._start(segment)

    def _start(self, segment: Segment) -> None:
        memory = self._memory()
        if memory is None:
            self._set([])
            return
        self.summary.setText(_("Looking up matches…"))
        service = memory.service

        def job(progress: Progress) -> list[ShownMatch]:
            shown: list[ShownMatch] = []
            proposal = proposal_for(service, service.segment(segment.id))
            if proposal is not None:
                text, where = proposal
                shown.append(
                    ShownMatch(
                        100.0, PROJECT, segment.source, text, _("repetition {segment}").format(segment=where)
                    )
                )
            for m in memory.matches(segment, limit=MAX_SHOWN, progress=progress):
                if proposal is not None and m.target == proposal[0]:
                    continue
                shown.append(ShownMatch(m.score, m.origin, m.source, m.target, _label(m)))
            return shown[:MAX_SHOWN]

        task = Task(job, self)
        self._task = task
        task.succeeded.connect(lambda result, s=segment: self._done(s, result))
        task.failed.connect(lambda exc, _d, s=segment: self._error(s, exc))
        task.cancelled.connect(lambda s=segment: self._done(s, []))
        task.start()

    def _next(self) -> bool:
        self._task = None
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start(pending)
            return True
        return False

    def _done(self, segment: Segment, shown: list[ShownMatch]) -> None:
        if self._next() or self._segment is None or segment.id != self._segment.id:
            return
        self._set(shown)

    def _error(self, segment: Segment, exc: object) -> None:
        if self._next() or self._segment is None or segment.id != self._segment.id:
            return
        self._set([])
        self.summary.setText(describe_error(exc) if isinstance(exc, BaseException) else str(exc))

    def _set(self, shown: list[ShownMatch]) -> None:
        self.matches = shown
        self.shown_for = self._segment.id if self._segment is not None else None
        self.list.clear()
        current = self._segment.source if self._segment is not None else ""
        for n, m in enumerate(shown, start=1):
            differences = tracked(diff(current, m.source)) if m.source != current else html.escape(m.source)
            markup = (
                f"<b>{n}</b>&nbsp;&nbsp;<b>{m.score:.0f}%</b>&nbsp;&nbsp;<i>{html.escape(m.where)}</i><br>"
                f"{html.escape(m.target)}<br><small>{differences}</small>"
            )
            item = QListWidgetItem(f"{n} {m.score:.0f}% {m.target}")
            item.setData(HTML_ROLE, markup)
            item.setToolTip(_("Ctrl+{n} inserts this translation").format(n=n))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.score:.0f}% {m.where}: {m.target}")
            self.list.addItem(item)
        if shown:
            self.summary.setText(
                ngettext(
                    "{n} match (Ctrl+1 inserts it)", "{n} matches (Ctrl+1…{n} inserts one)", len(shown)
                ).format(n=len(shown))
            )
        else:
            self.summary.setText(_("No matches"))
        self.matchesReady.emit(len(shown))

    # ------------------------------------------------------------------ use
    def insert(self, n: int) -> bool:
        """Hand the ``n``-th match (1-based) to the editor; false when there is none."""
        if not 1 <= n <= len(self.matches):
            return False
        self.insertRequested.emit(self.matches[n - 1].target)
        return True

    def stop(self, wait: bool = False) -> None:
        """Cancel the lookup; ``wait``: until its thread has ended (before the memory is closed: a
        lookup must never use a closed index connection)."""
        self._pending = None
        if self._task is not None:
            self._task.cancel()
            if wait:
                self._task.wait()
