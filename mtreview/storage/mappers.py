"""Rows to frozen dataclasses (the only shape in which data leaves ``storage``), and the snapshots of a
segment or an annotation that revisions record."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mtreview.domain.model import (
    Annotation,
    AnnotationState,
    Document,
    Segment,
    Severity,
    Side,
    Status,
)


def _dt(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _segment(row: Any) -> Segment:
    return Segment(
        id=row.id,
        document_id=row.document_id,
        ordinal=row.ordinal,
        source=row.source,
        mt=row.mt,
        corrected=row.corrected,
        status=Status(row.status),
        source_lines=tuple(row.source_lines or ()),
        target_lines=tuple(row.target_lines or ()),
        confidence=row.confidence,
        version=row.version,
        author=row.author,
        updated_at=_dt(row.updated_at),
        key=row.key,
        locked=bool(row.locked),
        meta=row.meta or {},
    )


def _annotation(row: Any) -> Annotation:
    return Annotation(
        id=row.id,
        segment_id=row.segment_id,
        side=Side(row.side),
        start=row.start,
        end=row.end,
        category=row.category,
        severity=Severity(row.severity),
        comment=row.comment,
        suggestion=row.suggestion,
        author=row.author,
        origin=row.origin,
        state=AnnotationState(row.state),
        version=row.version,
        updated_at=_dt(row.updated_at),
    )


def _document(row: Any, count: int = 0) -> Document:
    return Document(
        id=row.id,
        name=row.name,
        path=row.path,
        format=row.format,
        source_lang=row.source_lang,
        target_lang=row.target_lang,
        engine=row.engine,
        created_at=_dt(row.created_at),
        segment_count=count,
        meta=row.meta or {},
    )


def _segment_state(row: Any) -> dict[str, Any]:
    return {
        "corrected": row.corrected,
        "status": row.status,
        "version": row.version,
        "locked": bool(row.locked),
    }


def _annotation_state(a: Annotation) -> dict[str, Any]:
    return {
        "side": a.side.value,
        "start": a.start,
        "end": a.end,
        "category": a.category,
        "severity": a.severity.value,
        "comment": a.comment,
        "suggestion": a.suggestion,
        "origin": a.origin,
        "state": a.state.value,
        "version": a.version,
    }
