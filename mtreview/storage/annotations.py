"""Annotations: spans on the source or the MT as imported, with their revisions and fingerprints."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Table, bindparam, delete, insert, select, update

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
from mtreview.storage.revisions import record_revision, record_revisions

_ANN: Table = AnnotationRow.__table__  # type: ignore[assignment]
ADD_CHUNK = 2000
"""Annotations inserted per statement by ``add_annotations`` (inside its one transaction)."""
_INSERT_ANNOTATION = insert(_ANN)
_DELETE_AT_VERSION = delete(_ANN).where(
    _ANN.c.id == bindparam("aid"), _ANN.c.version == bindparam("expected")
)


class Versioned(Protocol):
    """An annotation's id and the version it was read at (an ``Annotation`` or a ``ProposalKey``)."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


class ProposalKey(NamedTuple):
    id: int
    segment_id: int
    version: int
    fingerprint: str | None


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
        """Add many annotations in one transaction (all or none): every span checked against its segment
        first (one read per 900 segments), then one INSERT executed with each chunk's parameter list (its
        ids returned in the drafts' order) and one INSERT of their revisions (``record_revisions``)."""
        if fingerprints is not None and len(fingerprints) != len(drafts):
            raise ValueError("one fingerprint per draft")
        created: list[Annotation] = []
        self._add(drafts, author, fingerprints, created.extend)
        return created

    def add_proposals(
        self, drafts: Sequence[AnnotationDraft], author: str, fingerprints: Sequence[str]
    ) -> list[tuple[int, int]]:
        """``add_annotations`` for a checks run's many proposals: the same rows and revisions, but only
        (id, segment id) of each kept — 100k annotations as objects are 60 MB nobody reads."""
        if len(fingerprints) != len(drafts):
            raise ValueError("one fingerprint per draft")
        made: list[tuple[int, int]] = []
        self._add(
            drafts, author, fingerprints, lambda chunk: made.extend((a.id, a.segment_id) for a in chunk)
        )
        return made

    def _add(
        self,
        drafts: Sequence[AnnotationDraft],
        author: str,
        fingerprints: Sequence[str | None] | None,
        keep: Callable[[list[Annotation]], object],
    ) -> None:
        """Insert ``drafts`` in one transaction, ``ADD_CHUNK`` at a time (the drafts — ``drafts`` may make
        them as they are sliced —, rows, revisions and objects of one chunk are made and dropped before the
        next: the memory of a chunk, not of 100k rows), handing each chunk's annotations to ``keep``."""
        if not drafts:
            return
        stamp = now()
        segments: set[int] = set()
        with self.write() as c:
            for at in range(0, len(drafts), ADD_CHUNK):
                chunk = list(drafts[at : at + ADD_CHUNK])
                self._check_spans(c, chunk)  # a bad span in a later chunk undoes the earlier ones too
                segments.update(d.segment_id for d in chunk)
                rows = [
                    {
                        "segment_id": d.segment_id,
                        "side": d.side.value,
                        "start": d.start,
                        "end": d.end,
                        "category": d.category,
                        "severity": d.severity.value,
                        "comment": d.comment,
                        "suggestion": d.suggestion,
                        "author": author,
                        "origin": d.origin,
                        "state": d.state.value,
                        "fingerprint": fingerprints[at + i] if fingerprints else None,
                        "version": 1,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                    for i, d in enumerate(chunk)
                ]
                ids = [
                    r[0]
                    for r in c.execute(
                        _INSERT_ANNOTATION.returning(_ANN.c.id, sort_by_parameter_order=True), rows
                    ).all()
                ]
                del rows
                created = [
                    Annotation(
                        id=ann_id,
                        segment_id=d.segment_id,
                        side=d.side,
                        start=d.start,
                        end=d.end,
                        category=d.category,
                        severity=d.severity,
                        comment=d.comment,
                        suggestion=d.suggestion,
                        author=author,
                        origin=d.origin,
                        state=d.state,
                        version=1,
                        updated_at=stamp,
                    )
                    for ann_id, d in zip(ids, chunk, strict=True)
                ]
                record_revisions(
                    c,
                    [
                        {
                            "entity": "annotation",
                            "entity_id": a.id,
                            "segment_id": a.segment_id,
                            "action": "create",
                            "author": author,
                            "at": stamp,
                            "before": None,
                            "after": _annotation_state(a),
                        }
                        for a in created
                    ],
                )
                keep(created)
            self.notify(c, author, "annotation", sorted(segments))

    def _check_spans(self, c: Any, drafts: Sequence[AnnotationDraft]) -> None:
        """``_check_span`` for many drafts: the segments' texts read once per 900 segments."""
        spanned = [d for d in drafts if not (d.start is None and d.end is None)]
        for d in spanned:
            if d.start is None or d.end is None or d.start < 0 or d.end < d.start:
                raise InputError(_("invalid span {start}..{end}").format(start=d.start, end=d.end))
        wanted = sorted({d.segment_id for d in spanned})
        lengths: dict[int, tuple[int, int, int]] = {}
        for at in range(0, len(wanted), 900):
            chunk = wanted[at : at + 900]
            query = select(SegmentRow.id, SegmentRow.ordinal, SegmentRow.source, SegmentRow.mt).where(
                SegmentRow.id.in_(chunk)
            )
            for sid, ordinal, source, mt in c.execute(query):
                lengths[sid] = (ordinal, len(source), len(mt))
        for d in spanned:
            found = lengths.get(d.segment_id)
            if found is None:
                raise NotFoundError(_("segment {id} does not exist").format(id=d.segment_id))
            ordinal, source_len, mt_len = found
            length = source_len if d.side == Side.SOURCE else mt_len
            if d.end is not None and d.end > length:
                raise InputError(
                    _(
                        "span {start}..{end} does not fit the {side} text of segment {ordinal} "
                        "({length} characters)"
                    ).format(start=d.start, end=d.end, side=d.side.value, ordinal=ordinal, length=length)
                )

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

    def withdraw_proposals(self, proposals: Sequence[Versioned], author: str) -> list[Annotation]:
        """Delete many *proposed* annotations in one transaction (the checks no longer find them): each
        only if it is still proposed at the version given — one a reviewer has confirmed, dismissed or
        edited meanwhile stays. One DELETE executed with a parameter list, one revision each. Returns
        what was deleted."""
        if not proposals:
            return []
        wanted = {a.id: a.version for a in proposals}
        stamp = now()
        with self.write() as c:
            current: list[Annotation] = []
            keys = sorted(wanted)
            for at in range(0, len(keys), 900):
                query = select(AnnotationRow).where(AnnotationRow.id.in_(keys[at : at + 900]))
                rows = c.execute(query.with_for_update())  # a server: nobody moves them on meanwhile
                current += [_annotation(r) for r in rows]
            gone = [a for a in current if a.version == wanted[a.id] and a.state is AnnotationState.PROPOSED]
            if not gone:
                return []
            c.execute(_DELETE_AT_VERSION, [{"aid": a.id, "expected": a.version} for a in gone])
            record_revisions(
                c,
                [
                    {
                        "entity": "annotation",
                        "entity_id": a.id,
                        "segment_id": a.segment_id,
                        "action": "delete",
                        "author": author,
                        "at": stamp,
                        "before": _annotation_state(a),
                        "after": None,
                    }
                    for a in gone
                ],
            )
            self.notify(c, author, "annotation", [a.segment_id for a in gone])
        return gone

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

    def proposal_keys(self) -> list[ProposalKey]:
        """(id, segment id, version, fingerprint) of every proposed annotation: what a checks run needs to
        withdraw those it no longer finds, without reading them whole."""
        query = select(
            AnnotationRow.id, AnnotationRow.segment_id, AnnotationRow.version, AnnotationRow.fingerprint
        )
        query = query.where(AnnotationRow.state == AnnotationState.PROPOSED.value)
        with self.read() as c:
            return [ProposalKey(*row) for row in c.execute(query)]

    def stale_proposals(self, wanted: Container[str], kept_ids: Container[int]) -> list[ProposalKey]:
        """The proposed annotations a checks run withdraws: those with a fingerprint it did not find again
        (not in ``wanted``), other than ``kept_ids`` (the run's own). Read row by row: a run's 100k
        proposals are never all listed."""
        query = select(
            AnnotationRow.id, AnnotationRow.segment_id, AnnotationRow.version, AnnotationRow.fingerprint
        )
        query = query.where(
            AnnotationRow.state == AnnotationState.PROPOSED.value, AnnotationRow.fingerprint.is_not(None)
        )
        with self.read() as c:
            return [
                ProposalKey(*row)
                for row in c.execute(query)
                if row.id not in kept_ids and row.fingerprint not in wanted
            ]

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
