"""A segment's history (who, when, before, after) and reverting one change of it. Qt-free.

Reverting is itself a change: it is checked against the version the reviewer is looking at (so it
never overwrites a colleague's newer edit silently; a ``ConflictError`` says so) and recorded as a
revision with action ``revert`` by the reviewer who reverted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from mtreview.domain.errors import ConflictError, InputError, NotFoundError
from mtreview.domain.model import (
    Annotation,
    AnnotationState,
    Changes,
    Revision,
    Severity,
    Side,
    Status,
)
from mtreview.i18n import _
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

_ANNOTATION_FIELDS = ("category", "severity", "comment", "suggestion", "state", "start", "end", "side")


@dataclass(frozen=True)
class HistoryEntry:
    revision: Revision
    summary: str
    """One line for a history list, e.g. ``ana confirmed`` or ``ben changed an annotation``."""


def _summary(rev: Revision) -> str:
    if rev.entity == "segment":
        before, after = rev.before or {}, rev.after or {}
        if rev.action == "confirm":
            return _("{author} confirmed").format(author=rev.author)
        if rev.action == "revert":
            return _("{author} reverted a change").format(author=rev.author)
        if before.get("corrected") != after.get("corrected"):
            return _("{author} edited the text").format(author=rev.author)
        if before.get("status") != after.get("status"):
            return _("{author} set the status to {status}").format(
                author=rev.author, status=after.get("status")
            )
        return _("{author} changed the segment").format(author=rev.author)
    verbs = {
        "create": _("{author} added an annotation"),
        "delete": _("{author} deleted an annotation"),
        "restore": _("{author} restored an annotation"),
    }
    return verbs.get(rev.action, _("{author} changed an annotation")).format(author=rev.author)


def segment_history(service: ProjectService, segment_id: int) -> list[HistoryEntry]:
    """Every change of the segment and its annotations, oldest first."""
    return [HistoryEntry(r, _summary(r)) for r in service._store.revisions(segment_id)]


def revert(service: ProjectService, revision_id: int, expected_version: int) -> Changes:
    """Undo one recorded change, on top of the version the reviewer sees (``expected_version`` of the
    segment or annotation that revision changed). Raises ``ConflictError`` if it has moved on since."""
    found = service._store.revisions_by_ids([revision_id])
    if not found:
        raise InputError(_("revision {id} does not exist").format(id=revision_id))
    rev = found[0]
    if rev.entity == "segment":
        if rev.before is None:
            raise InputError(_("revision {id} has no earlier state to go back to").format(id=revision_id))
        before = rev.before
        change = SegmentChange(
            rev.segment_id,
            expected_version,
            before.get("corrected"),
            Status(before["status"]),
            "revert",
            locked=bool(before.get("locked", False)),
        )
        service.save(change, queue_offline=False).require_saved()
        return Changes(segments=frozenset({rev.segment_id}))
    changes = Changes(segments=frozenset({rev.segment_id}), annotations=frozenset({rev.entity_id}))
    if rev.before is None:  # it was created: revert removes it
        service.delete_annotation(rev.entity_id, expected_version)
        return changes
    state = rev.before
    if rev.after is None:  # it was deleted: bring it back with its id (unless someone already did)
        try:
            existing = service._store.annotation(rev.entity_id)
        except NotFoundError:
            existing = None
        if existing is not None:
            raise ConflictError(_("the annotation was already brought back"), current=existing)
        ann = Annotation(
            id=rev.entity_id,
            segment_id=rev.segment_id,
            side=Side(state["side"]),
            start=state["start"],
            end=state["end"],
            category=state["category"],
            severity=Severity(state["severity"]),
            comment=state["comment"],
            suggestion=state["suggestion"],
            author=service.author,
            origin=state["origin"],
            state=AnnotationState(state["state"]),
            version=int(state["version"]),
            updated_at=datetime.now(UTC),
        )
        service.restore_annotation(ann)
        return changes
    fields = {k: state[k] for k in _ANNOTATION_FIELDS if k in state}
    fields["severity"] = Severity(fields["severity"])
    fields["state"] = AnnotationState(fields["state"])
    fields["side"] = Side(fields["side"])
    service.update_annotation(rev.entity_id, expected_version, **fields)
    return changes
