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
    """The version the change was based on; ``None`` means the current one (undo/redo)."""

    def apply(self, service: ProjectService) -> tuple[SetSegmentText, Changes]:
        before = service.segment(self.segment_id)
        version = before.version if self.expected_version is None else self.expected_version
        _after, changes = service.set_segment(
            self.segment_id, self.corrected, self.status, version, self.action
        )
        inverse = SetSegmentText(self.segment_id, before.corrected, before.status, self.label, "undo")
        return inverse, changes


@dataclass
class AddAnnotation:
    draft: AnnotationDraft
    label: str = "Flag error"

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        ann, changes = service.annotate(self.draft)
        return DeleteAnnotation(ann.id, self.label, restore=None), changes


@dataclass
class DeleteAnnotation:
    annotation_id: int
    label: str = "Delete annotation"
    restore: Annotation | None = None
    """When set, applying re-creates this annotation (the inverse of a delete)."""

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        if self.restore is not None:
            ann, changes = service.restore_annotation(self.restore)
            return DeleteAnnotation(ann.id, self.label), changes
        current = service.store.annotation(self.annotation_id)
        deleted, changes = service.delete_annotation(self.annotation_id, current.version)
        return DeleteAnnotation(deleted.id, self.label, restore=deleted), changes


@dataclass
class UpdateAnnotation:
    annotation_id: int
    fields: dict[str, object]
    label: str = "Change annotation"

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        current = service.store.annotation(self.annotation_id)
        before = {k: getattr(current, k) for k in self.fields}
        _ann, changes = service.update_annotation(self.annotation_id, current.version, **self.fields)
        return UpdateAnnotation(self.annotation_id, before, self.label), changes
