"""What the grid shows: a combination of conditions on segments and their annotations (all must hold)."""

from __future__ import annotations

from dataclasses import dataclass

from mtreview.domain.model import Severity, Status


@dataclass(frozen=True, slots=True)
class SegmentFilter:
    document_id: int | None = None
    statuses: frozenset[Status] = frozenset()
    """Any of these statuses (empty: any status)."""
    has_findings: bool | None = None
    """``True``: with an open finding of a check (proposed); ``False``: without; ``None``: either."""
    severities: frozenset[Severity] = frozenset()
    """With a finding or annotation (not dismissed) of one of these severities."""
    categories: tuple[str, ...] = ()
    """With one in one of these categories (``Accuracy`` also takes ``Accuracy/Mistranslation``)."""
    checks: tuple[str, ...] = ()
    """With a finding (not dismissed) of one of these checks."""
    authors: tuple[str, ...] = ()
    """Last changed by one of these reviewers."""
    annotation_authors: tuple[str, ...] = ()
    """With an annotation (not dismissed) by one of these reviewers."""
    min_confidence: float | None = None
    max_confidence: float | None = None
    """Alignment confidence within these bounds (``max_confidence=0.5``: the doubtful pairs)."""

    @property
    def empty(self) -> bool:
        return self == SegmentFilter(document_id=self.document_id)
