"""The one write path for segments, as values: what a caller asks for (``SegmentChange``) and what happened
(``Saved``, ``Conflict`` or ``Queued``). ``ProjectService.save`` takes the one and returns the other.

Every segment change — the editor's save and Ctrl+Enter, a status change, an undo or redo, a revert from
the history, a review-sheet row, the kill harness, the tests — is a ``SegmentChange``. A stale write is
not an exception here but a ``Conflict`` carrying their version, so the caller decides (keep mine, take
theirs, merge: ``services.editing.EditingSession``); a confirmation made while the team server is gone
is ``Queued`` in the offline outbox. ``require_saved()`` turns the two non-saved outcomes into the errors
a batch (a transaction that must roll back) or a script wants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mtreview.domain.errors import ConflictError, ConnectionLostError
from mtreview.domain.model import Changes, Segment, Status


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()
"""``SegmentChange.text`` that leaves the corrected text as it is (a status change only)."""


@dataclass(frozen=True)
class SegmentChange:
    """One change of one segment, based on the version the reviewer (or tool) saw."""

    segment_id: int
    base_version: int | None
    """The version the change is based on; ``None``: whatever is current (read first)."""
    text: str | _Unchanged | None = UNCHANGED
    """The corrected text; ``None`` returns to the MT; ``UNCHANGED`` keeps it."""
    status: Status | None = None
    """The new status; ``None`` follows the text: new ↔ corrected (an edit that is not a confirmation)."""
    action: str = "edit"
    """Recorded in the revision: ``edit``, ``confirm``, ``status``, ``undo``, ``merge``, ``revert``…"""
    locked: bool | None = None
    """A new lock state; ``None`` keeps it."""

    @classmethod
    def confirm(cls, segment_id: int, text: str, base_version: int | None) -> SegmentChange:
        """Save the reviewer's text and approve the segment (Ctrl+Enter)."""
        return cls(segment_id, base_version, text, Status.APPROVED, "confirm")

    @classmethod
    def edit(
        cls, segment_id: int, text: str | None, base_version: int | None, status: Status | None = None
    ) -> SegmentChange:
        """Set the corrected text (``None``: back to the MT); the status follows unless given."""
        return cls(segment_id, base_version, text, status, "edit")

    @classmethod
    def set_status(cls, segment_id: int, status: Status, base_version: int | None) -> SegmentChange:
        return cls(segment_id, base_version, UNCHANGED, status, "status")

    @property
    def is_confirmation(self) -> bool:
        """A confirmation with its text: the kind a team reviewer may queue while offline."""
        return self.status == Status.APPROVED and isinstance(self.text, str)


@dataclass(frozen=True)
class Saved:
    """The change is in the project (durable when ``save`` returns)."""

    segment: Segment
    previous: Segment
    """The segment as it was just before this write (what an undo puts back)."""
    changes: Changes

    def require_saved(self) -> Saved:
        return self


@dataclass(frozen=True)
class Conflict:
    """Somebody else changed the segment after ``change.base_version``: nothing was written."""

    theirs: Segment
    change: SegmentChange
    message: str

    def require_saved(self) -> Saved:
        raise ConflictError(self.message, current=self.theirs, attempted=self.change)


@dataclass(frozen=True)
class Queued:
    """Team mode, server unreachable: the confirmation is kept (fsynced) on this computer and sent later."""

    change: SegmentChange
    pending: int
    message: str
    changes: Changes = field(default_factory=Changes)
    """Anything sent from the outbox before the connection dropped again."""

    def require_saved(self) -> Saved:
        raise ConnectionLostError(self.message)


SaveOutcome = Saved | Conflict | Queued


@dataclass(frozen=True)
class SavedMany:
    """Every change of a ``save_all`` is in the project (one transaction)."""

    segments: tuple[tuple[int, int, str | None, Status], ...]
    """(segment id, new version, correction, status) of each segment, in the order given."""
    changes: Changes

    def require_saved(self) -> SavedMany:
        return self


__all__ = ["UNCHANGED", "Conflict", "Queued", "SaveOutcome", "Saved", "SavedMany", "SegmentChange"]
