"""Undo as data: small command values whose ``apply`` performs the change and returns the inverse.

The UI wraps them in QUndoCommand (``ui/undo.py``); tests use them directly. Each apply is checked
against the version it expects, so undoing over somebody else's newer edit raises ``ConflictError``
instead of overwriting it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from mtreview.domain.model import Annotation, AnnotationDraft, Changes, Status
from mtreview.services.project import ProjectService
from mtreview.services.saving import Saved, SegmentChange


class Command(Protocol):
    label: str

    def apply(self, service: ProjectService) -> tuple[Command, Changes]: ...


@dataclass
class SetSegmentText:
    """Set corrected text and status of one segment (an edit, a confirmation, or their undo)."""

    segment_id: int
    corrected: str | None
    status: Status
    label: str = "Edit segment"
    action: str = "edit"
    """Recorded in the revision: ``edit``, ``confirm``, ``undo``…"""
    expected_version: int | None = field(default=None, compare=False)
    """The version the change is based on (what the reviewer saw); ``None``: the current one."""

    def apply(self, service: ProjectService) -> tuple[SetSegmentText, Changes]:
        change = SegmentChange(
            self.segment_id, self.expected_version, self.corrected, self.status, self.action
        )
        # Undo and redo never queue offline: a step that cannot be applied now drops out of the history.
        saved = service.save(change, queue_offline=False).require_saved()
        return SetSegmentText.inverse_of(saved, self.label), saved.changes

    @classmethod
    def inverse_of(cls, saved: Saved, label: str) -> SetSegmentText:
        """What puts ``saved.previous`` back. It expects exactly the version this change produced: if
        someone changes the segment meanwhile, undo raises ``ConflictError`` instead of overwriting."""
        return cls(
            saved.segment.id,
            saved.previous.corrected,
            saved.previous.status,
            label,
            "undo",
            expected_version=saved.segment.version,
        )


@dataclass
class AddAnnotation:
    draft: AnnotationDraft
    label: str = "Flag error"

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        ann, changes = service.annotate(self.draft)
        return DeleteAnnotation(ann.id, self.label, expected_version=ann.version), changes


@dataclass
class DeleteAnnotation:
    annotation_id: int
    label: str = "Delete annotation"
    restore: Annotation | None = None
    """When set, applying re-creates this annotation (the inverse of a delete)."""
    expected_version: int | None = None
    """The version the reviewer saw (``None``: the current one)."""
    fingerprint: str | None = None

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        if self.restore is not None:
            ann, changes = service.restore_annotation(self.restore, self.fingerprint)
            return DeleteAnnotation(ann.id, self.label, expected_version=ann.version), changes
        version = self.expected_version
        if version is None:
            version = service.annotation(self.annotation_id).version
        fingerprint = service.annotation_fingerprint(self.annotation_id)
        deleted, changes = service.delete_annotation(self.annotation_id, version)
        return DeleteAnnotation(deleted.id, self.label, restore=deleted, fingerprint=fingerprint), changes


@dataclass
class UpdateAnnotation:
    annotation_id: int
    fields: dict[str, object]
    label: str = "Change annotation"
    expected_version: int | None = None
    """The version the reviewer saw (``None``: the current one)."""

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        current = service.annotation(self.annotation_id)
        version = current.version if self.expected_version is None else self.expected_version
        before = {k: getattr(current, k) for k in self.fields}
        after, changes = service.update_annotation(self.annotation_id, version, **self.fields)
        return UpdateAnnotation(
            self.annotation_id, before, self.label, expected_version=after.version
        ), changes
