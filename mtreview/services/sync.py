"""Other reviewers' changes, for a window to refresh without reopening (team mode). Qt-free.

The GUI polls ``ChangeFeed.poll()`` from a timer (every second is plenty for "within 2 seconds"), or
a worker thread blocks in ``wait()`` (PostgreSQL LISTEN/NOTIFY wakes it at once) and then polls.
``poll()`` reads the revision log after the last id it saw. On PostgreSQL, ids come from a sequence
and transactions may commit out of order, so an id below the newest one seen can appear later: such
gaps are re-checked on every poll for ``GAP_WAIT_S`` seconds, so no change is ever skipped.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from mtreview.domain.errors import ProjectError
from mtreview.domain.model import Changes, Revision
from mtreview.services.project import ProjectService
from mtreview.storage.repository import ChangeListener

GAP_WAIT_S = 60.0
"""How long a missing revision id is awaited (a transaction still committing) before it is given up
(a rolled-back transaction leaves a hole in the sequence forever)."""

PRESENCE_MAX_AGE_S = 15.0
"""A reviewer counts as editing a segment while their heartbeat is at most this old."""


class ChangeFeed:
    """Changes made by *other* reviewers since the last poll, and who is editing what."""

    def __init__(
        self,
        service: ProjectService,
        author: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        store = service._store
        self.store = store
        self.author = author or service.author
        self._clock = clock
        self._last = store.last_revision_id()
        self._gaps: dict[int, float] = {}
        self._documents = store.document_ids()
        self._settings = store.settings()
        self._listener: ChangeListener | None = None
        self._closed = False
        self.revisions: list[Revision] = []
        """Others' revisions found by the last ``poll()`` (for a "who changed what" display)."""

    # ------------------------------------------------------------------ changes
    def poll(self) -> Changes:
        """What others changed since the previous poll (``Changes.empty`` when nothing)."""
        found = self.store.revisions_since(self._last, states=False)
        if self._gaps:
            late = self.store.revisions_by_ids(self._gaps)
            for rev in late:
                del self._gaps[rev.id]
            found = late + found
        now = self._clock()
        if found:
            newest = max(r.id for r in found)
            seen = {r.id for r in found}
            for missing in range(self._last + 1, newest):
                if missing not in seen:
                    self._gaps.setdefault(missing, now)
            self._last = max(self._last, newest)
        for gap, since in list(self._gaps.items()):
            if now - since > GAP_WAIT_S:
                del self._gaps[gap]
        others = [r for r in found if r.author != self.author]
        self.revisions = others
        documents = self.store.document_ids()
        changed_docs = frozenset(set(documents) ^ set(self._documents))
        self._documents = documents
        settings = self.store.settings()
        settings_changed = settings != self._settings
        self._settings = settings
        return Changes(
            segments=frozenset(r.segment_id for r in others),
            annotations=frozenset(r.entity_id for r in others if r.entity == "annotation"),
            documents=changed_docs,
            settings=settings_changed,
        )

    @property
    def pending_gaps(self) -> int:
        return len(self._gaps)

    # ------------------------------------------------------------------ presence
    def set_editing(self, segment_id: int | None) -> None:
        """Mark the segment this reviewer edits (``None``: none); call every few seconds as a heartbeat."""
        self.store.set_editing(segment_id, self.author)

    def editors(self, max_age_s: float = PRESENCE_MAX_AGE_S) -> dict[int, str]:
        """Segments other reviewers are editing now: segment id -> their names (comma separated)."""
        out: dict[int, str] = {}
        for segment_id, authors in self.store.editing_now(max_age_s).items():
            names = [a for a in authors if a != self.author]
            if names:
                out[segment_id] = ", ".join(names)
        return out

    # ------------------------------------------------------------------ waiting (worker thread)
    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` s until someone writes (PostgreSQL) ; ``True`` if woken by a write.

        On SQLite this just sleeps (there is no push); poll afterwards either way. Raises
        ``ConnectionLostError`` when the server is gone (call again later: it reconnects).
        """
        if self._closed:  # closed before this wait began: nothing to wait for
            return False
        if self._listener is None:
            self._listener = self.store.listener()
        return bool(self._listener.wait(timeout))

    def close(self) -> None:
        """End a pending ``wait`` (and any later one) and release the listening connection; safe from
        another thread."""
        self._closed = True
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        with contextlib.suppress(ProjectError):  # the server is gone: the heartbeat simply ages out
            self.store.set_editing(None, self.author)
