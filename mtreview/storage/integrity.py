"""Integrity: SQLite's own check plus the app's invariants."""

from __future__ import annotations

from sqlalchemy import func, select

from mtreview.domain.model import (
    Status,
)
from mtreview.storage.base import StoreBase
from mtreview.storage.orm import (
    AnnotationRow,
    SegmentRow,
)


class IntegrityStore(StoreBase):
    """Integrity checks."""

    def check_integrity(self) -> list[str]:
        """Problems found by SQLite's integrity check and the app's own invariants (empty list: healthy)."""
        problems: list[str] = []
        with self.read() as c:
            if self.engine.dialect.name == "sqlite":
                result = [r[0] for r in c.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    problems += [f"sqlite: {r}" for r in result]
            orphan = c.execute(
                select(func.count())
                .select_from(AnnotationRow)
                .where(AnnotationRow.segment_id.not_in(select(SegmentRow.id)))
            ).scalar_one()
            if orphan:
                problems.append(f"{orphan} annotation(s) without a segment")
            bad_status = c.execute(
                select(func.count())
                .select_from(SegmentRow)
                .where(SegmentRow.status.not_in([s.value for s in Status]))
            ).scalar_one()
            if bad_status:
                problems.append(f"{bad_status} segment(s) with an unknown status")
            for seg_row in c.execute(select(SegmentRow.id, SegmentRow.version)):
                if seg_row.version < 1:
                    problems.append(f"segment {seg_row.id} has version {seg_row.version}")
            for row in c.execute(
                select(
                    AnnotationRow.id,
                    AnnotationRow.side,
                    AnnotationRow.start,
                    AnnotationRow.end,
                    SegmentRow.source,
                    SegmentRow.mt,
                    SegmentRow.corrected,
                ).join(SegmentRow, SegmentRow.id == AnnotationRow.segment_id)
            ):
                if row.start is None:
                    continue
                text = row.source if row.side == "source" else row.mt
                if not (0 <= row.start <= row.end <= len(text)):
                    problems.append(f"annotation {row.id} span {row.start}..{row.end} outside its text")
        return problems
