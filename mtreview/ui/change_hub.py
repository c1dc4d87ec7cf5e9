"""One change notification for the whole window (as Anki's OpChanges): every write announces the
``Changes`` it made here, once, and each part of the window decides what to reload.

Subscribers are called in the order they connected (the main window connects them): the scores first
(the grid's figures and the status bar read them), then the grid, the open segment, the side panels and
the other views.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from mtreview.domain.model import Changes, Segment


@dataclass(frozen=True)
class ChangeEvent:
    changes: Changes
    external: bool = False
    """Another reviewer made the change (team mode)."""
    segments: tuple[Segment, ...] = ()
    """Fresh copies of changed segments the write already returned: whoever needs them need not re-read."""
    texts: bool = True
    """``False``: only annotations changed (e.g. a checks run); the segments' texts and statuses did not,
    so nothing that depends on them (the checks on corrections) need look at them again."""

    def fresh(self, segment_id: int) -> Segment | None:
        return next((s for s in self.segments if s.id == segment_id), None)


class ChangeHub(QObject):
    changed = Signal(object)
    """A ``ChangeEvent``."""

    def announce(
        self,
        changes: Changes,
        *,
        external: bool = False,
        segments: Iterable[Segment] = (),
        texts: bool = True,
    ) -> None:
        if changes.empty:
            return
        self.changed.emit(ChangeEvent(changes, external, tuple(segments), texts))
