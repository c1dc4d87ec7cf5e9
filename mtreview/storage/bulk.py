"""Bulk writes and reads for the translator's tools: one statement with parameter lists, one transaction.

``update_segments`` is the bulk twin of ``ProjectStore.change_segment``, called only by
``ProjectService.save_all`` (find & replace, propagation, their undo): every row is written
``WHERE id = :sid AND version = :expected`` through one prepared UPDATE executed with a parameter list,
every revision through one INSERT with a parameter list (``revisions.record_revisions``), all in one
transaction. If any row moved on since the caller read it, nothing is written and ``ConflictError`` names
it. ``update_annotation_states`` does the same for bulk triage of findings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update

from mtreview.domain.errors import ConflictError, NotFoundError
from mtreview.domain.model import AnnotationState, Status
from mtreview.i18n import _
from mtreview.storage.base import now
from mtreview.storage.many import execute_many
from mtreview.storage.mappers import _annotation, _annotation_state, _segment
from mtreview.storage.orm import AnnotationRow, DocumentRow, DraftRow, SegmentRow
from mtreview.storage.repository import ProjectStore
from mtreview.storage.revisions import record_revisions

CHUNK = 900
"""Ids per ``IN (…)`` list (SQLite's default limit on host parameters is 999 before 3.32)."""


@dataclass(frozen=True, slots=True)
class SegmentWrite:
    """One row of a bulk segment write: the new correction and status, based on ``expected_version``."""

    segment_id: int
    expected_version: int
    corrected: str | None
    status: Status


@dataclass(frozen=True, slots=True)
class AnnotationStateWrite:
    annotation_id: int
    expected_version: int
    state: AnnotationState


_SEG: Table = SegmentRow.__table__  # type: ignore[assignment]
_UPDATE_SEGMENT = (
    update(_SEG)
    .where(_SEG.c.id == bindparam("sid"), _SEG.c.version == bindparam("expected"))
    .values(
        corrected=bindparam("v_corrected"),
        status=bindparam("v_status"),
        version=_SEG.c.version + 1,
        author=bindparam("v_author"),
        updated_at=bindparam("v_stamp"),
    )
)
_UPDATE_ANNOTATION_STATE = (
    update(AnnotationRow)
    .where(AnnotationRow.id == bindparam("aid"), AnnotationRow.version == bindparam("expected"))
    .values(state=bindparam("v_state"), version=AnnotationRow.version + 1, updated_at=bindparam("v_stamp"))
)


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _conflict(row: Any, expected: int) -> ConflictError:
    current = _segment(row)
    return ConflictError(
        _(
            "segment {ordinal} was changed by {author} (version {current}) after you opened it "
            "(version {expected})"
        ).format(
            ordinal=current.ordinal, author=current.author or "?", current=current.version, expected=expected
        ),
        current=current,
    )


@dataclass(frozen=True, slots=True)
class SegmentWritten:
    """What a bulk write left in a segment (enough for the inverse and for ``Changes``)."""

    segment_id: int
    version: int
    corrected: str | None
    status: Status


_BEFORE_COLUMNS = (
    SegmentRow.id,
    SegmentRow.corrected,
    SegmentRow.status,
    SegmentRow.version,
    SegmentRow.locked,
    SegmentRow.ordinal,
    SegmentRow.author,
)


def _stale(c: Any, segment_id: int, expected: int) -> ConflictError:
    row = c.execute(select(SegmentRow).where(SegmentRow.id == segment_id)).one()
    return _conflict(row, expected)


def update_segments(
    store: ProjectStore, writes: Sequence[SegmentWrite], author: str, action: str = "edit"
) -> list[SegmentWritten]:
    """Apply every write or none; one revision per segment. Returns what each segment became."""
    if not writes:
        return []
    ids = [w.segment_id for w in writes]
    if len(set(ids)) != len(ids):
        raise ValueError("a segment appears twice in one bulk write")
    stamp = now()
    with store.write() as c:
        before: dict[int, Any] = {}
        for chunk in _chunks(ids):
            for row in c.execute(select(*_BEFORE_COLUMNS).where(SegmentRow.id.in_(chunk))):
                before[row[0]] = row
        for w in writes:
            row = before.get(w.segment_id)
            if row is None:
                raise NotFoundError(_("segment {id} does not exist").format(id=w.segment_id))
            if row[3] != w.expected_version:
                raise _stale(c, w.segment_id, w.expected_version)
        params = [
            {
                "sid": w.segment_id,
                "expected": w.expected_version,
                "v_corrected": w.corrected,
                "v_status": Status(w.status).value,
                "v_author": author,
                "v_stamp": stamp,
            }
            for w in writes
        ]
        if execute_many(c, _UPDATE_SEGMENT, params) != len(writes):
            # Someone committed in between (possible on a server under READ COMMITTED): roll all back.
            expected = {w.segment_id: w.expected_version for w in writes}
            for chunk in _chunks(ids):
                for sid, version in c.execute(
                    select(SegmentRow.id, SegmentRow.version).where(SegmentRow.id.in_(chunk))
                ):
                    if version != expected[sid] + 1:
                        raise _stale(c, sid, expected[sid])
            raise ConflictError(_("some segments were changed by someone else meanwhile"))
        revisions = []
        written: list[SegmentWritten] = []
        for w in writes:
            sid, corrected, status, version, locked = before[w.segment_id][:5]
            new_status = Status(w.status).value
            revisions.append(
                {
                    "entity": "segment",
                    "entity_id": sid,
                    "segment_id": sid,
                    "action": action,
                    "author": author,
                    "at": stamp,
                    "before": {
                        "corrected": corrected,
                        "status": status,
                        "version": version,
                        "locked": bool(locked),
                    },
                    "after": {
                        "corrected": w.corrected,
                        "status": new_status,
                        "version": version + 1,
                        "locked": bool(locked),
                    },
                }
            )
            written.append(SegmentWritten(sid, version + 1, w.corrected, Status(w.status)))
        record_revisions(c, revisions)
        for chunk in _chunks(ids):  # the author's drafts of these segments are stale now
            c.execute(delete(DraftRow).where(DraftRow.author == author, DraftRow.segment_id.in_(chunk)))
        store.notify(c, author, "segment", ids)
    return written


def update_annotation_states(
    store: ProjectStore, writes: Sequence[AnnotationStateWrite], author: str
) -> list[Any]:
    """Set the state of many annotations (bulk triage) in one transaction, one revision each; all or
    nothing, ``ConflictError`` if any moved on. Returns the annotations as written."""
    if not writes:
        return []
    ids = [w.annotation_id for w in writes]
    if len(set(ids)) != len(ids):
        raise ValueError("an annotation appears twice in one bulk write")
    stamp = now()
    with store.write() as c:
        before: dict[int, Any] = {}
        for chunk in _chunks(ids):
            for row in c.execute(select(AnnotationRow).where(AnnotationRow.id.in_(chunk))):
                before[row.id] = _annotation(row)
        for w in writes:
            ann = before.get(w.annotation_id)
            if ann is None:
                raise NotFoundError(_("annotation {id} does not exist").format(id=w.annotation_id))
            if ann.version != w.expected_version:
                raise ConflictError(
                    _(
                        "the annotation was changed by someone else (version {current}, yours {expected})"
                    ).format(current=ann.version, expected=w.expected_version),
                    current=ann,
                )
        result = c.execute(
            _UPDATE_ANNOTATION_STATE,
            [
                {
                    "aid": w.annotation_id,
                    "expected": w.expected_version,
                    "v_state": AnnotationState(w.state).value,
                    "v_stamp": stamp,
                }
                for w in writes
            ],
        )
        if result.rowcount != len(writes):
            raise ConflictError(_("some annotations were changed by someone else meanwhile"))
        written = []
        revisions = []
        for w in writes:
            old = before[w.annotation_id]
            new = _replace_annotation(old, AnnotationState(w.state), stamp)
            written.append(new)
            revisions.append(
                {
                    "entity": "annotation",
                    "entity_id": old.id,
                    "segment_id": old.segment_id,
                    "action": "update",
                    "author": author,
                    "at": stamp,
                    "before": _annotation_state(old),
                    "after": _annotation_state(new),
                }
            )
        record_revisions(c, revisions)
        store.notify(c, author, "annotation", [a.segment_id for a in written])
    return written


def _replace_annotation(ann: Any, state: AnnotationState, stamp: Any) -> Any:
    from dataclasses import replace

    return replace(ann, state=state, version=ann.version + 1, updated_at=stamp)


# ---------------------------------------------------------------------------------------------- reads


@dataclass(frozen=True, slots=True)
class SegmentText:
    """What a text scan needs of a segment (lighter than ``Segment``)."""

    id: int
    document_id: int
    ordinal: int
    source: str
    mt: str
    corrected: str | None
    status: Status
    version: int

    @property
    def target(self) -> str:
        return self.mt if self.corrected is None else self.corrected


_TEXT_COLUMNS = (
    SegmentRow.id,
    SegmentRow.document_id,
    SegmentRow.ordinal,
    SegmentRow.source,
    SegmentRow.mt,
    SegmentRow.corrected,
    SegmentRow.status,
    SegmentRow.version,
)


def iter_segment_texts(
    store: ProjectStore,
    document_id: int | None = None,
    ids: Sequence[int] | None = None,
    chunk: int = 5000,
) -> Iterator[SegmentText]:
    """Segments' texts in document/ordinal order (``ids``: only those, in that order), in chunks."""
    columns = (
        SegmentRow.id,
        SegmentRow.document_id,
        SegmentRow.ordinal,
        SegmentRow.source,
        SegmentRow.mt,
        SegmentRow.corrected,
        SegmentRow.status,
        SegmentRow.version,
    )

    def make(r: Any) -> SegmentText:
        return SegmentText(r[0], r[1], r[2], r[3], r[4], r[5], Status(r[6]), r[7])

    if ids is not None:
        for part in _chunks(ids):
            with store.read() as c:
                rows = {r[0]: r for r in c.execute(select(*columns).where(SegmentRow.id.in_(part)))}
            for i in part:
                if i in rows:
                    yield make(rows[i])
        return
    last_doc, last_ord = -1, -1
    while True:
        query = select(*columns).order_by(SegmentRow.document_id, SegmentRow.ordinal).limit(chunk)
        if document_id is not None:
            query = query.where(SegmentRow.document_id == document_id, SegmentRow.ordinal > last_ord)
        else:
            query = query.where(
                (SegmentRow.document_id > last_doc)
                | ((SegmentRow.document_id == last_doc) & (SegmentRow.ordinal > last_ord))
            )
        with store.read() as c:
            rows = c.execute(query).all()
        if not rows:
            return
        for r in rows:
            yield make(r)
        last_doc, last_ord = rows[-1][1], rows[-1][2]


def segment_texts_containing(
    store: ProjectStore, text: str, case_sensitive: bool = True, document_id: int | None = None
) -> list[SegmentText]:
    """Segments whose current Japanese (the correction, else the MT) may contain ``text``, in
    document/ordinal order: one query reading only these rows. A superset where the database folds case
    (SQLite's LIKE ignores ASCII case): the caller matches exactly. ``case_sensitive=False`` folds case
    with ``lower()``, which only folds ASCII on SQLite: callers use it for ASCII-cased text only."""
    target = func.coalesce(SegmentRow.corrected, SegmentRow.mt)
    condition = (
        target.contains(text, autoescape=True)
        if case_sensitive
        else target.ilike(
            "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%", escape="/"
        )
    )
    query = select(*_TEXT_COLUMNS).where(condition).order_by(SegmentRow.document_id, SegmentRow.ordinal)
    if document_id is not None:
        query = query.where(SegmentRow.document_id == document_id)
    with store.read() as c:
        rows = c.execute(query).all()
    return [SegmentText(r[0], r[1], r[2], r[3], r[4], r[5], Status(r[6]), r[7]) for r in rows]


def segments_with_source(store: ProjectStore, source: str) -> list[SegmentText]:
    """Every segment whose source is exactly ``source`` (repetitions), in document/ordinal order."""
    columns = (
        SegmentRow.id,
        SegmentRow.document_id,
        SegmentRow.ordinal,
        SegmentRow.source,
        SegmentRow.mt,
        SegmentRow.corrected,
        SegmentRow.status,
        SegmentRow.version,
    )
    query = (
        select(*columns)
        .where(SegmentRow.source == source)
        .order_by(SegmentRow.document_id, SegmentRow.ordinal)
    )
    with store.read() as c:
        rows = c.execute(query).all()
    return [SegmentText(r[0], r[1], r[2], r[3], r[4], r[5], Status(r[6]), r[7]) for r in rows]


def segment_versions(store: ProjectStore) -> dict[int, int]:
    """Every segment id with its version (what a cache of the project compares against)."""
    with store.read() as c:
        return {r[0]: r[1] for r in c.execute(select(SegmentRow.id, SegmentRow.version))}


def fingerprint(store: ProjectStore) -> tuple[int, int, int, int]:
    """Changes whenever any segment is added, removed or written: (count, sum of ids, sum of versions,
    max id), in one aggregate query."""
    with store.read() as c:
        row = c.execute(
            select(
                func.count(),
                func.coalesce(func.sum(SegmentRow.id), 0),
                func.coalesce(func.sum(SegmentRow.version), 0),
                func.coalesce(func.max(SegmentRow.id), 0),
            ).select_from(SegmentRow)
        ).one()
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def document_names(store: ProjectStore) -> dict[int, str]:
    with store.read() as c:
        return {r[0]: r[1] for r in c.execute(select(DocumentRow.id, DocumentRow.name))}
