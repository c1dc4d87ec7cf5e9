"""The grid's filters as one query: status, findings, severity, category, check, author, confidence."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, or_, select

from mtreview.domain.filters import SegmentFilter
from mtreview.domain.model import AnnotationState
from mtreview.storage.orm import AnnotationRow, SegmentRow
from mtreview.storage.repository import ProjectStore


def _annotation_exists(*conditions: Any) -> Any:
    return exists(
        select(AnnotationRow.id).where(
            AnnotationRow.segment_id == SegmentRow.id,
            AnnotationRow.state != AnnotationState.DISMISSED.value,
            *conditions,
        )
    )


def filtered_segment_ids(store: ProjectStore, flt: SegmentFilter) -> list[int]:
    """Ids of the segments that pass every condition of ``flt``, in document/ordinal order."""
    query = select(SegmentRow.id).order_by(SegmentRow.document_id, SegmentRow.ordinal)
    if flt.document_id is not None:
        query = query.where(SegmentRow.document_id == flt.document_id)
    if flt.statuses:
        query = query.where(SegmentRow.status.in_(sorted(s.value for s in flt.statuses)))
    if flt.authors:
        query = query.where(SegmentRow.author.in_(sorted(flt.authors)))
    if flt.min_confidence is not None:
        query = query.where(SegmentRow.confidence >= flt.min_confidence)
    if flt.max_confidence is not None:
        query = query.where(SegmentRow.confidence <= flt.max_confidence)
    if flt.has_findings is not None:
        open_finding = _annotation_exists(
            AnnotationRow.state == AnnotationState.PROPOSED.value, AnnotationRow.origin != "manual"
        )
        query = query.where(open_finding if flt.has_findings else ~open_finding)
    if flt.severities:
        query = query.where(
            _annotation_exists(AnnotationRow.severity.in_(sorted(s.value for s in flt.severities)))
        )
    if flt.categories:
        query = query.where(
            _annotation_exists(
                or_(
                    *[
                        or_(
                            AnnotationRow.category == c,
                            AnnotationRow.category.like(_like_prefix(c), escape="\\"),
                        )
                        for c in flt.categories
                    ]
                )
            )
        )
    if flt.checks:
        query = query.where(_annotation_exists(AnnotationRow.origin.in_(sorted(flt.checks))))
    if flt.annotation_authors:
        query = query.where(
            _annotation_exists(and_(AnnotationRow.author.in_(sorted(flt.annotation_authors))))
        )
    with store.read() as c:
        return list(c.execute(query).scalars().all())


def _like_prefix(category: str) -> str:
    escaped = category.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.rstrip("/") + "/%"


def distinct_values(store: ProjectStore) -> dict[str, list[str]]:
    """What the filter boxes offer: the checks, categories and authors present in the project."""
    with store.read() as c:
        checks = sorted(
            v for (v,) in c.execute(select(AnnotationRow.origin).distinct()) if v and v != "manual"
        )
        categories = sorted(v for (v,) in c.execute(select(AnnotationRow.category).distinct()) if v)
        authors = sorted(v for (v,) in c.execute(select(SegmentRow.author).distinct()) if v)
    return {"checks": checks, "categories": categories, "authors": authors}
