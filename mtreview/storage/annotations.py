"""Annotations: spans on the source or the MT as imported, with their revisions and fingerprints."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from mtreview.domain.errors import ConflictError, InputError, NotFoundError
from mtreview.domain.model import (
    Annotation,
    AnnotationDraft,
    AnnotationState,
    Side,
)
from mtreview.i18n import _
from mtreview.storage.base import StoreBase, now
from mtreview.storage.mappers import _annotation, _annotation_state
from mtreview.storage.orm import (
    AnnotationRow,
    SegmentRow,
)
from mtreview.storage.revisions import record_revision


def _record_annotation(
    c: Any,
    action: str,
    annotation_id: int,
    segment_id: int,
    author: str,
    at: datetime,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """One annotation change (create, update, delete, restore) in the revision history."""
    record_revision(c, "annotation", annotation_id, segment_id, action, author, at, before, after)


class AnnotationStore(StoreBase):
    """Annotations."""

    def annotations(
        self,
        document_id: int | None = None,
        segment_ids: Sequence[int] | None = None,
        states: Iterable[AnnotationState] | None = None,
    ) -> list[Annotation]:
        query = select(AnnotationRow).order_by(
            AnnotationRow.segment_id, AnnotationRow.start, AnnotationRow.id
        )
        if document_id is not None:
            query = query.where(
                AnnotationRow.segment_id.in_(
                    select(SegmentRow.id).where(SegmentRow.document_id == document_id)
                )
            )
        if states is not None:
            query = query.where(AnnotationRow.state.in_([s.value for s in states]))
        out: list[Annotation] = []
        with self.read() as c:
            if segment_ids is None:
                out = [_annotation(r) for r in c.execute(query)]
            else:
                ids = list(segment_ids)
                for start in range(0, len(ids), 900):
                    chunk = ids[start : start + 900]
                    out += [
                        _annotation(r) for r in c.execute(query.where(AnnotationRow.segment_id.in_(chunk)))
                    ]
        return out

    def annotation(self, annotation_id: int) -> Annotation:
        with self.read() as c:
            row = c.execute(select(AnnotationRow).where(AnnotationRow.id == annotation_id)).one_or_none()
        if row is None:
            raise NotFoundError(_("annotation {id} does not exist").format(id=annotation_id))
        return _annotation(row)

    @staticmethod
    def _annotation_or_none(c: Any, annotation_id: int) -> Annotation | None:
        row = c.execute(select(AnnotationRow).where(AnnotationRow.id == annotation_id)).one_or_none()
        return None if row is None else _annotation(row)

    def _check_span(self, c: Any, draft: AnnotationDraft) -> None:
        if draft.start is None and draft.end is None:
            return
        if draft.start is None or draft.end is None or draft.start < 0 or draft.end < draft.start:
            raise InputError(_("invalid span {start}..{end}").format(start=draft.start, end=draft.end))
        row = c.execute(select(SegmentRow).where(SegmentRow.id == draft.segment_id)).one_or_none()
        if row is None:
            raise NotFoundError(_("segment {id} does not exist").format(id=draft.segment_id))
        # Spans are on the immutable texts: the source, or the MT as imported (PRODUCT.md "Annotation"),
        # so a later correction can never leave a span pointing outside its text.
        text = row.source if draft.side == Side.SOURCE else row.mt
        if draft.end > len(text):
            raise InputError(
                _(
                    "span {start}..{end} does not fit the {side} text of segment {ordinal} "
                    "({length} characters)"
                ).format(
                    start=draft.start,
                    end=draft.end,
                    side=draft.side.value,
                    ordinal=row.ordinal,
                    length=len(text),
                )
            )

    def add_annotations(
        self, drafts: Sequence[AnnotationDraft], author: str, fingerprints: Sequence[str | None] | None = None
    ) -> list[Annotation]:
        stamp = now()
        created: list[Annotation] = []
        with self.write() as c:
            for i, draft in enumerate(drafts):
                self._check_span(c, draft)
                ann_id = c.execute(
                    insert(AnnotationRow)
                    .values(
                        segment_id=draft.segment_id,
                        side=draft.side.value,
                        start=draft.start,
                        end=draft.end,
                        category=draft.category,
                        severity=draft.severity.value,
                        comment=draft.comment,
                        suggestion=draft.suggestion,
                        author=author,
                        origin=draft.origin,
                        state=draft.state.value,
                        fingerprint=fingerprints[i] if fingerprints else None,
                        version=1,
                        created_at=stamp,
                        updated_at=stamp,
                    )
                    .returning(AnnotationRow.id)
                ).scalar_one()
                ann = _annotation(c.execute(select(AnnotationRow).where(AnnotationRow.id == ann_id)).one())
                _record_annotation(
                    c, "create", ann_id, draft.segment_id, author, stamp, None, _annotation_state(ann)
                )
                created.append(ann)
            self.notify(c, author, "annotation", [d.segment_id for d in drafts])
        return created

    def update_annotation(
        self, annotation_id: int, expected_version: int, author: str, **fields: Any
    ) -> Annotation:
        allowed = {"category", "severity", "comment", "suggestion", "state", "start", "end", "side"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        values = {k: (v.value if hasattr(v, "value") else v) for k, v in fields.items()}
        stamp = now()
        with self.write() as c:
            row = c.execute(select(AnnotationRow).where(AnnotationRow.id == annotation_id)).one_or_none()
            if row is None:
                raise NotFoundError(_("annotation {id} does not exist").format(id=annotation_id))
            before = _annotation(row)
            if "start" in values or "end" in values:
                self._check_span(
                    c,
                    AnnotationDraft(
                        segment_id=before.segment_id,
                        category=before.category,
                        severity=before.severity,
                        side=Side(values.get("side", before.side)),
                        start=values.get("start", before.start),
                        end=values.get("end", before.end),
                    ),
                )
            result = c.execute(
                update(AnnotationRow)
                .where(AnnotationRow.id == annotation_id, AnnotationRow.version == expected_version)
                .values(**values, version=AnnotationRow.version + 1, updated_at=stamp)
            )
            if result.rowcount != 1:
                current = self._annotation_or_none(c, annotation_id)
                raise ConflictError(
                    _(
                        "the annotation was changed by someone else (version {current}, yours {expected})"
                    ).format(current=current.version if current else "-", expected=expected_version),
                    current=current,
                    attempted=values,
                )
            after = _annotation(
                c.execute(select(AnnotationRow).where(AnnotationRow.id == annotation_id)).one()
            )
            _record_annotation(
                c,
                "update",
                annotation_id,
                before.segment_id,
                author,
                stamp,
                _annotation_state(before),
                _annotation_state(after),
            )
            self.notify(c, author, "annotation", [before.segment_id])
        return after

    def delete_annotation(self, annotation_id: int, expected_version: int, author: str) -> Annotation:
        stamp = now()
        with self.write() as c:
            row = c.execute(select(AnnotationRow).where(AnnotationRow.id == annotation_id)).one_or_none()
            if row is None:
                raise NotFoundError(_("annotation {id} does not exist").format(id=annotation_id))
            before = _annotation(row)
            result = c.execute(
                delete(AnnotationRow).where(
                    AnnotationRow.id == annotation_id, AnnotationRow.version == expected_version
                )
            )
            if result.rowcount != 1:
                raise ConflictError(
                    _("the annotation was changed by someone else"),
                    current=self._annotation_or_none(c, annotation_id),
                )
            _record_annotation(
                c, "delete", annotation_id, before.segment_id, author, stamp, _annotation_state(before), None
            )
            self.notify(c, author, "annotation", [before.segment_id])
        return before

    def annotation_fingerprint(self, annotation_id: int) -> str | None:
        with self.read() as c:
            fingerprint: str | None = c.execute(
                select(AnnotationRow.fingerprint).where(AnnotationRow.id == annotation_id)
            ).scalar_one_or_none()
        return fingerprint

    def restore_annotation(self, ann: Annotation, author: str, fingerprint: str | None = None) -> Annotation:
        """Re-create a deleted annotation with its original id and fingerprint (undo of delete)."""
        stamp = now()
        with self.write() as c:
            c.execute(
                insert(AnnotationRow).values(
                    id=ann.id,
                    segment_id=ann.segment_id,
                    side=ann.side.value,
                    start=ann.start,
                    end=ann.end,
                    category=ann.category,
                    severity=ann.severity.value,
                    comment=ann.comment,
                    suggestion=ann.suggestion,
                    author=ann.author,
                    origin=ann.origin,
                    state=ann.state.value,
                    fingerprint=fingerprint,
                    version=ann.version + 1,
                    created_at=stamp,
                    updated_at=stamp,
                )
            )
            restored = _annotation(c.execute(select(AnnotationRow).where(AnnotationRow.id == ann.id)).one())
            _record_annotation(
                c, "restore", ann.id, ann.segment_id, author, stamp, None, _annotation_state(restored)
            )
            self.notify(c, author, "annotation", [ann.segment_id])
        return restored

    def annotation_fingerprints(
        self, states: Iterable[AnnotationState] | None = None
    ) -> dict[int, str | None]:
        query = select(AnnotationRow.id, AnnotationRow.fingerprint)
        if states is not None:
            query = query.where(AnnotationRow.state.in_([AnnotationState(s).value for s in states]))
        with self.read() as c:
            return {row.id: row.fingerprint for row in c.execute(query)}

    def fingerprint_states(self, fingerprints: Iterable[str]) -> dict[str, AnnotationState]:
        keys = list(set(fingerprints))
        out: dict[str, AnnotationState] = {}
        with self.read() as c:
            for start in range(0, len(keys), 900):
                rows = c.execute(
                    select(AnnotationRow.fingerprint, AnnotationRow.state).where(
                        AnnotationRow.fingerprint.in_(keys[start : start + 900])
                    )
                )
                for fp, state in rows:
                    if fp is not None:
                        out[fp] = AnnotationState(state)
        return out
