"""Plain values and errors shared by every layer."""

from mtreview.domain.errors import (
    Cancelled,
    ConflictError,
    InputError,
    MtreviewError,
    NotFoundError,
    ProjectError,
)
from mtreview.domain.model import (
    MANUAL,
    Annotation,
    AnnotationDraft,
    AnnotationState,
    Changes,
    Document,
    ImportedDocument,
    Revision,
    Segment,
    SegmentDraft,
    Severity,
    Side,
    Span,
    Status,
)
from mtreview.domain.progress import NO_PROGRESS, Progress

__all__ = [
    "MANUAL",
    "NO_PROGRESS",
    "Annotation",
    "AnnotationDraft",
    "AnnotationState",
    "Cancelled",
    "Changes",
    "ConflictError",
    "Document",
    "ImportedDocument",
    "InputError",
    "MtreviewError",
    "NotFoundError",
    "Progress",
    "ProjectError",
    "Revision",
    "Segment",
    "SegmentDraft",
    "Severity",
    "Side",
    "Span",
    "Status",
]
