"""The project store: every read returns plain dataclasses, every write records a revision.

Writes use optimistic concurrency: ``UPDATE … WHERE id = :id AND version = :expected`` and a
``ConflictError`` carrying the current record when nobody row matched. This works the same on SQLite
and PostgreSQL, so team mode needs no other locking.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError, SQLAlchemyError

from mtreview.domain.errors import ConflictError, ConnectionLostError, InputError, NotFoundError, ProjectError
from mtreview.domain.model import (
    Annotation,
    AnnotationDraft,
    AnnotationState,
    Document,
    ImportedDocument,
    Revision,
    Segment,
    Severity,
    Side,
    Status,
)
from mtreview.domain.patterns import Budget, UserPattern, compile_pattern
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.storage import migrate
from mtreview.storage.engine import WRITE, is_url, make_engine, redact, sqlite_path, translate_error
from mtreview.storage.orm import (
    AnnotationRow,
    DocumentRow,
    DraftRow,
    NoteRow,
    PresenceRow,
    RevisionRow,
    SegmentRow,
    SettingRow,
)

INSERT_CHUNK = 2000
CHANNEL = "mtreview_changes"
"""PostgreSQL NOTIFY channel: every write transaction announces itself here (payload: JSON hint)."""
_UNSET: Any = object()


def now() -> datetime:
    return datetime.now(UTC)


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


_SEG = SegmentRow.__table__
_ANN = AnnotationRow.__table__
_REV = RevisionRow.__table__
_DOC = DocumentRow.__table__

# Statements on the confirm path are built once (building them costs more than SQLite's commit).
_SELECT_SEGMENT = select(SegmentRow).where(SegmentRow.id == bindparam("sid"))
_INSERT_REVISION = insert(RevisionRow)
_DELETE_DRAFT = delete(DraftRow).where(
    DraftRow.segment_id == bindparam("sid"), DraftRow.author == bindparam("author")
)


@functools.lru_cache(maxsize=16)
def _update_segment_statement(columns: tuple[str, ...]) -> Any:
    """``UPDATE segment SET <columns>, version+1 … WHERE id = :sid AND version = :expected RETURNING *``."""
    return (
        update(SegmentRow)
        .where(SegmentRow.id == bindparam("sid"), SegmentRow.version == bindparam("expected"))
        .values(
            {
                **{name: bindparam("v_" + name) for name in columns},
                "version": SegmentRow.version + 1,
                "author": bindparam("new_author"),
                "updated_at": bindparam("stamp"),
            }
        )
        .returning(*SegmentRow.__table__.columns)
    )


class ProjectStore:
    """One open project. Thread-safe: every call uses its own connection from the engine's pool."""

    def __init__(self, engine: Engine, location: str, backup: Path | None = None) -> None:
        self.engine = engine
        self.location = location
        self.backup = backup
        # Write transactions: on SQLite they take the write lock at BEGIN (see engine._sqlite_begin).
        self._writer = engine.execution_options(**{WRITE: True})
        self._batch = threading.local()
        # Reads on a server run in autocommit: one round trip per query instead of BEGIN, query, ROLLBACK.
        server = engine.dialect.name == "postgresql"
        self._reader = engine.execution_options(isolation_level="AUTOCOMMIT") if server else engine

    # ------------------------------------------------------------------ lifecycle
    @property
    def display_name(self) -> str:
        path = sqlite_path(self.location)
        return path.name if path is not None else redact(self.location)

    @property
    def is_team(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _connection(self, open_one: Any) -> Iterator[Any]:
        """The enclosing ``transaction()``'s connection when one is open on this thread (it sees its own
        writes and commits them all at once), else a fresh one from ``open_one``."""
        batch = getattr(self._batch, "connection", None)
        if batch is not None:
            yield batch
            return
        with open_one() as c:
            yield c

    def _begin(self) -> Any:
        """A write transaction (or the enclosing ``transaction()``)."""
        return self._connection(self._writer.begin)

    def _read(self) -> Any:
        """A connection for reading (or the enclosing ``transaction()``'s)."""
        return self._connection(self._reader.connect)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run several store writes as one transaction: all of them are applied, or none (any error,
        a conflict included, rolls every one back)."""
        if getattr(self._batch, "connection", None) is not None:
            yield
            return
        with self._writer.begin() as c:
            self._batch.connection = c
            try:
                yield
            finally:
                self._batch.connection = None

    def _notify(self, c: Any, author: str, kind: str, segment_ids: Iterable[int] = ()) -> None:
        """Tell listening clients (PostgreSQL LISTEN) of this write; delivered only if it commits."""
        if c.dialect.name != "postgresql":
            return
        ids = sorted(set(segment_ids))
        payload = {"by": author, "kind": kind, "segments": ids[:200]}
        c.execute(select(func.pg_notify(CHANNEL, json.dumps(payload, ensure_ascii=False)[:7000])))

    # ------------------------------------------------------------------ settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._read() as c:
            value = c.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar_one_or_none()
        return default if value is None else value

    def settings(self) -> dict[str, Any]:
        with self._read() as c:
            return {k: v for k, v in c.execute(select(SettingRow.key, SettingRow.value))}

    def set_setting(self, key: str, value: Any) -> None:
        with self._begin() as c:
            if c.execute(update(SettingRow).where(SettingRow.key == key).values(value=value)).rowcount == 0:
                c.execute(insert(SettingRow).values(key=key, value=value))
            self._notify(c, "", "settings")

    # ------------------------------------------------------------------ documents
    def add_document(self, doc: ImportedDocument, author: str, progress: Progress = NO_PROGRESS) -> Document:
        """Insert a document and its segments in one transaction: all or nothing."""
        created = now()
        total = len(doc.segments)
        with self._begin() as c:
            name = self._unique_name(c, doc.name)
            doc_id = c.execute(
                insert(DocumentRow)
                .values(
                    name=name,
                    path=doc.path,
                    format=doc.format,
                    source_lang=doc.source_lang,
                    target_lang=doc.target_lang,
                    engine=doc.engine,
                    created_at=created,
                    meta=dict(doc.meta) or None,
                )
                .returning(DocumentRow.id)
            ).scalar_one()
            batch: list[dict[str, Any]] = []
            for ordinal, draft in enumerate(doc.segments, start=1):
                status = draft.status or (Status.CORRECTED if draft.corrected is not None else Status.NEW)
                batch.append(
                    {
                        "document_id": doc_id,
                        "ordinal": ordinal,
                        "key": draft.key,
                        "source": draft.source,
                        "mt": draft.target,
                        "corrected": draft.corrected,
                        "status": status.value,
                        "source_lines": list(draft.source_lines),
                        "target_lines": list(draft.target_lines),
                        "confidence": float(draft.confidence),
                        "locked": False,
                        "version": 1,
                        "author": author if draft.corrected is not None else None,
                        "created_at": created,
                        "updated_at": created,
                        "meta": dict(draft.meta) or None,
                    }
                )
                if len(batch) >= INSERT_CHUNK:
                    c.execute(insert(SegmentRow), batch)
                    batch.clear()
                    progress.check()
                    progress.report(ordinal, total, "")
            if batch:
                c.execute(insert(SegmentRow), batch)
            notes = [
                {
                    "document_id": doc_id,
                    "side": "target",
                    "line": line,
                    "text": doc.target_only_text.get(line, ""),
                }
                for line in doc.target_only
            ] + [
                {"document_id": doc_id, "side": "source", "line": line, "text": text}
                for line, text in sorted(doc.source_notes.items())
            ]
            if notes:
                c.execute(insert(NoteRow), notes)
            progress.check()
            row = c.execute(select(DocumentRow).where(DocumentRow.id == doc_id)).one()
            self._notify(c, author, "documents")
        progress.report(total, total, "")
        return _document(row, total)

    @staticmethod
    def _unique_name(c: Any, name: str) -> str:
        existing = set(c.execute(select(DocumentRow.name)).scalars())
        if name not in existing:
            return name
        n = 2
        while f"{name} ({n})" in existing:
            n += 1
        return f"{name} ({n})"

    def documents(self) -> list[Document]:
        with self._read() as c:
            counts = dict(
                c.execute(select(SegmentRow.document_id, func.count()).group_by(SegmentRow.document_id)).all()
            )
            rows = c.execute(select(DocumentRow).order_by(DocumentRow.id)).all()
        return [_document(r, counts.get(r.id, 0)) for r in rows]

    def document(self, document_id: int) -> Document:
        for d in self.documents():
            if d.id == document_id:
                return d
        raise NotFoundError(f"document {document_id}")

    def document_by_name(self, name: str) -> Document:
        for d in self.documents():
            if d.name == name:
                return d
        raise NotFoundError(_("no document named {name!r}").format(name=name))

    def notes(self, document_id: int) -> list[tuple[int, str]]:
        with self._read() as c:
            return [
                (r.line, r.text)
                for r in c.execute(
                    select(NoteRow).where(NoteRow.document_id == document_id).order_by(NoteRow.line)
                )
            ]

    def delete_document(self, document_id: int) -> None:
        with self._begin() as c:
            seg_ids = select(SegmentRow.id).where(SegmentRow.document_id == document_id)
            c.execute(delete(AnnotationRow).where(AnnotationRow.segment_id.in_(seg_ids)))
            c.execute(delete(DraftRow).where(DraftRow.segment_id.in_(seg_ids)))
            c.execute(delete(SegmentRow).where(SegmentRow.document_id == document_id))
            c.execute(delete(NoteRow).where(NoteRow.document_id == document_id))
            c.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
            self._notify(c, "", "documents")

    # ------------------------------------------------------------------ segments
    def segment_count(self, statuses: Iterable[Status] | None = None) -> int:
        query = select(func.count()).select_from(SegmentRow)
        if statuses is not None:
            query = query.where(SegmentRow.status.in_([Status(s).value for s in statuses]))
        with self._read() as c:
            return int(c.execute(query).scalar_one())

    def segment_ids(
        self,
        document_id: int | None = None,
        statuses: Iterable[Status] | None = None,
        search: str | None = None,
        regex: bool = False,
        side: str = "both",
    ) -> list[int]:
        """Segment ids in document/ordinal order, filtered. A regex search is applied in Python (portable);
        otherwise only ids are read (the texts of 100k segments are not fetched to list them)."""
        columns = [SegmentRow.id]
        if search and regex:
            columns += [SegmentRow.source, SegmentRow.mt, SegmentRow.corrected]
        query = select(*columns)
        query = query.order_by(SegmentRow.document_id, SegmentRow.ordinal)
        if document_id is not None:
            query = query.where(SegmentRow.document_id == document_id)
        if statuses is not None:
            query = query.where(SegmentRow.status.in_([Status(s).value for s in statuses]))
        pattern: UserPattern | None = None
        if search:
            if regex:
                pattern = compile_pattern(search)  # linear time (RE2); refused with a message otherwise
            else:
                like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                conditions = []
                if side in ("both", "source"):
                    conditions.append(SegmentRow.source.ilike(like, escape="\\"))
                if side in ("both", "target"):
                    conditions += [
                        SegmentRow.mt.ilike(like, escape="\\"),
                        SegmentRow.corrected.ilike(like, escape="\\"),
                    ]
                query = query.where(or_(*conditions))
        with self._read() as c:
            if pattern is None:
                return list(c.execute(query).scalars().all())
            rows = c.execute(query).all()
        out = []
        budget = Budget()  # a pattern that needs more CPU than this over the project is refused
        for r in rows:
            texts = []
            if side in ("both", "source"):
                texts.append(r.source)
            if side in ("both", "target"):
                texts += [r.mt, r.corrected or ""]
            if any(pattern.search(t, budget=budget) for t in texts):
                out.append(r.id)
        return out

    def segment(self, segment_id: int) -> Segment:
        with self._read() as c:
            row = c.execute(select(SegmentRow).where(SegmentRow.id == segment_id)).one_or_none()
        if row is None:
            raise NotFoundError(_("segment {id} does not exist").format(id=segment_id))
        return _segment(row)

    def segments(self, ids: Sequence[int]) -> list[Segment]:
        """Segments for ``ids``, in the order given (missing ids are left out)."""
        found: dict[int, Segment] = {}
        with self._read() as c:
            for start in range(0, len(ids), 900):
                chunk = list(ids[start : start + 900])
                for row in c.execute(select(SegmentRow).where(SegmentRow.id.in_(chunk))):
                    found[row.id] = _segment(row)
        return [found[i] for i in ids if i in found]

    def iter_segments(self, document_id: int | None = None, chunk: int = 5000) -> Iterator[Segment]:
        """All segments in document/ordinal order, fetched in chunks (constant memory)."""
        last_doc, last_ord = -1, -1
        while True:
            query = select(SegmentRow).order_by(SegmentRow.document_id, SegmentRow.ordinal).limit(chunk)
            if document_id is not None:
                query = query.where(SegmentRow.document_id == document_id, SegmentRow.ordinal > last_ord)
            else:
                query = query.where(
                    or_(
                        SegmentRow.document_id > last_doc,
                        (SegmentRow.document_id == last_doc) & (SegmentRow.ordinal > last_ord),
                    )
                )
            with self._read() as c:
                rows = c.execute(query).all()
            if not rows:
                return
            for row in rows:
                yield _segment(row)
            last_doc, last_ord = rows[-1].document_id, rows[-1].ordinal

    def update_segment(
        self,
        segment_id: int,
        expected_version: int,
        author: str,
        *,
        corrected: str | None = _UNSET,
        status: Status = _UNSET,
        locked: bool = _UNSET,
        action: str = "edit",
    ) -> Segment:
        """Change a segment if nobody else changed it since ``expected_version``; record a revision."""
        values: dict[str, Any] = {}
        if corrected is not _UNSET:
            values["corrected"] = corrected
        if status is not _UNSET:
            values["status"] = Status(status).value
        if locked is not _UNSET:
            values["locked"] = locked
        stamp = now()
        with self._begin() as c:
            before = c.execute(_SELECT_SEGMENT, {"sid": segment_id}).one_or_none()
            if before is None:
                raise NotFoundError(_("segment {id} does not exist").format(id=segment_id))
            params = {"v_" + k: v for k, v in values.items()}
            params.update(sid=segment_id, expected=expected_version, new_author=author, stamp=stamp)
            after = c.execute(_update_segment_statement(tuple(sorted(values))), params).one_or_none()
            if after is None:
                # Re-read: under READ COMMITTED the row may have moved on since ``before`` was read.
                latest = c.execute(_SELECT_SEGMENT, {"sid": segment_id}).one_or_none()
                current = _segment(latest if latest is not None else before)
                raise ConflictError(
                    _(
                        "segment {ordinal} was changed by {author} (version {current}) after you opened it "
                        "(version {expected})"
                    ).format(
                        ordinal=current.ordinal,
                        author=current.author or "?",
                        current=current.version,
                        expected=expected_version,
                    ),
                    current=current,
                    attempted=values,
                )
            c.execute(
                _INSERT_REVISION,
                {
                    "entity": "segment",
                    "entity_id": segment_id,
                    "segment_id": segment_id,
                    "action": action,
                    "author": author,
                    "at": stamp,
                    "before": _segment_state(before),
                    "after": _segment_state(after),
                },
            )
            c.execute(_DELETE_DRAFT, {"sid": segment_id, "author": author})
            self._notify(c, author, "segment", [segment_id])
        return _segment(after)

    # ------------------------------------------------------------------ annotations
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
        with self._read() as c:
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
        with self._read() as c:
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
        with self._begin() as c:
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
                self._annotation_revision(
                    c, "create", ann_id, draft.segment_id, author, stamp, None, _annotation_state(ann)
                )
                created.append(ann)
            self._notify(c, author, "annotation", [d.segment_id for d in drafts])
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
        with self._begin() as c:
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
            self._annotation_revision(
                c,
                "update",
                annotation_id,
                before.segment_id,
                author,
                stamp,
                _annotation_state(before),
                _annotation_state(after),
            )
            self._notify(c, author, "annotation", [before.segment_id])
        return after

    def delete_annotation(self, annotation_id: int, expected_version: int, author: str) -> Annotation:
        stamp = now()
        with self._begin() as c:
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
            self._annotation_revision(
                c, "delete", annotation_id, before.segment_id, author, stamp, _annotation_state(before), None
            )
            self._notify(c, author, "annotation", [before.segment_id])
        return before

    @staticmethod
    def _annotation_revision(
        c: Any,
        action: str,
        annotation_id: int,
        segment_id: int,
        author: str,
        at: datetime,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        """Record one annotation change (create, update, delete, restore) in the revision history."""
        c.execute(
            insert(RevisionRow).values(
                entity="annotation",
                entity_id=annotation_id,
                segment_id=segment_id,
                action=action,
                author=author,
                at=at,
                before=before,
                after=after,
            )
        )

    def annotation_fingerprint(self, annotation_id: int) -> str | None:
        with self._read() as c:
            return c.execute(
                select(AnnotationRow.fingerprint).where(AnnotationRow.id == annotation_id)
            ).scalar_one_or_none()

    def restore_annotation(self, ann: Annotation, author: str, fingerprint: str | None = None) -> Annotation:
        """Re-create a deleted annotation with its original id and fingerprint (undo of delete)."""
        stamp = now()
        with self._begin() as c:
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
            self._annotation_revision(
                c, "restore", ann.id, ann.segment_id, author, stamp, None, _annotation_state(restored)
            )
            self._notify(c, author, "annotation", [ann.segment_id])
        return restored

    def annotation_fingerprints(
        self, states: Iterable[AnnotationState] | None = None
    ) -> dict[int, str | None]:
        query = select(AnnotationRow.id, AnnotationRow.fingerprint)
        if states is not None:
            query = query.where(AnnotationRow.state.in_([AnnotationState(s).value for s in states]))
        with self._read() as c:
            return {row.id: row.fingerprint for row in c.execute(query)}

    def fingerprint_states(self, fingerprints: Iterable[str]) -> dict[str, AnnotationState]:
        keys = list(set(fingerprints))
        out: dict[str, AnnotationState] = {}
        with self._read() as c:
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

    # ------------------------------------------------------------------ revisions
    def revisions(self, segment_id: int | None = None, limit: int | None = None) -> list[Revision]:
        query = select(RevisionRow).order_by(RevisionRow.id)
        if segment_id is not None:
            query = query.where(RevisionRow.segment_id == segment_id)
        if limit is not None:
            query = query.order_by(None).order_by(RevisionRow.id.desc()).limit(limit)
        with self._read() as c:
            rows = c.execute(query).all()
        revs = [
            Revision(
                r.id, r.entity, r.entity_id, r.segment_id, r.action, r.author, _dt(r.at), r.before, r.after
            )
            for r in rows
        ]
        return sorted(revs, key=lambda r: r.id)

    def revisions_since(self, revision_id: int) -> list[Revision]:
        with self._read() as c:
            rows = c.execute(
                select(RevisionRow).where(RevisionRow.id > revision_id).order_by(RevisionRow.id)
            ).all()
        return [
            Revision(
                r.id, r.entity, r.entity_id, r.segment_id, r.action, r.author, _dt(r.at), r.before, r.after
            )
            for r in rows
        ]

    def last_revision_id(self) -> int:
        with self._read() as c:
            return int(c.execute(select(func.coalesce(func.max(RevisionRow.id), 0))).scalar_one())

    def revisions_by_ids(self, ids: Iterable[int]) -> list[Revision]:
        """The revisions with these ids that exist (now), in id order."""
        keys = sorted(set(ids))
        rows: list[Any] = []
        with self._read() as c:
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                rows += c.execute(select(RevisionRow).where(RevisionRow.id.in_(chunk))).all()
        revs = [
            Revision(
                r.id, r.entity, r.entity_id, r.segment_id, r.action, r.author, _dt(r.at), r.before, r.after
            )
            for r in rows
        ]
        return sorted(revs, key=lambda r: r.id)

    def document_ids(self) -> list[int]:
        with self._read() as c:
            return list(c.execute(select(DocumentRow.id).order_by(DocumentRow.id)).scalars())

    # ------------------------------------------------------------------ presence (team mode)
    def _clock(self, c: Any) -> datetime:
        """The database's clock on a server (all clients agree on it), the local one for a file."""
        if c.dialect.name == "postgresql":
            return _dt(c.execute(select(func.now())).scalar_one())
        return now()

    def set_editing(self, segment_id: int | None, author: str) -> None:
        """Mark (or with ``None`` unmark) the segment ``author`` is editing; call again as a heartbeat."""
        with self._begin() as c:
            if segment_id is None:
                gone = c.execute(delete(PresenceRow).where(PresenceRow.author == author)).rowcount
                if gone:
                    self._notify(c, author, "presence")
                return
            stamp = self._clock(c)
            previous = c.execute(select(PresenceRow.segment_id).where(PresenceRow.author == author)).scalar()
            if previous is None:
                c.execute(insert(PresenceRow).values(author=author, segment_id=segment_id, heartbeat=stamp))
            else:
                c.execute(
                    update(PresenceRow)
                    .where(PresenceRow.author == author)
                    .values(segment_id=segment_id, heartbeat=stamp)
                )
            if previous != segment_id:
                self._notify(c, author, "presence", [segment_id])

    def editing_now(self, max_age_s: float = 15.0) -> dict[int, list[str]]:
        """Segments being edited: segment id -> reviewers whose heartbeat is at most ``max_age_s`` old."""
        with self._read() as c:
            cutoff = self._clock(c) - timedelta(seconds=max_age_s)
            rows = c.execute(select(PresenceRow).order_by(PresenceRow.author)).all()
        out: dict[int, list[str]] = {}
        for r in rows:
            if _dt(r.heartbeat) >= cutoff:
                out.setdefault(r.segment_id, []).append(r.author)
        return out

    def listener(self) -> ChangeListener:
        """A blocking waiter for other clients' writes, for one worker thread (see ``ChangeListener``)."""
        return ChangeListener(self)

    # ------------------------------------------------------------------ drafts
    def save_draft(self, segment_id: int, author: str, text: str, base_version: int) -> None:
        stamp = now()
        with self._begin() as c:
            updated = c.execute(
                update(DraftRow)
                .where(DraftRow.segment_id == segment_id, DraftRow.author == author)
                .values(text=text, base_version=base_version, updated_at=stamp)
            ).rowcount
            if not updated:
                c.execute(
                    insert(DraftRow).values(
                        segment_id=segment_id,
                        author=author,
                        text=text,
                        base_version=base_version,
                        updated_at=stamp,
                    )
                )

    def drafts(self, author: str) -> dict[int, tuple[str, int]]:
        with self._read() as c:
            rows = c.execute(select(DraftRow).where(DraftRow.author == author)).all()
        return {r.segment_id: (r.text, r.base_version) for r in rows}

    def discard_draft(self, segment_id: int, author: str) -> None:
        with self._begin() as c:
            c.execute(delete(DraftRow).where(DraftRow.segment_id == segment_id, DraftRow.author == author))

    # ------------------------------------------------------------------ integrity
    def check_integrity(self) -> list[str]:
        """Problems found by SQLite's integrity check and the app's own invariants (empty list: healthy)."""
        problems: list[str] = []
        with self._read() as c:
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


class ChangeListener:
    """Wakes a worker thread when another client writes to the project.

    On PostgreSQL it LISTENs on ``CHANNEL`` over its own connection (every write transaction NOTIFYs on
    commit); on SQLite there is no such signal and ``wait`` simply sleeps, so callers poll
    ``revisions_since`` after each wait either way. ``close()`` from another thread ends a wait early.
    """

    def __init__(self, store: ProjectStore) -> None:
        self.store = store
        self._conn: Any = None
        self._closed = threading.Event()

    def _connect(self) -> Any:
        import psycopg

        url = self.store.engine.url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def wait(self, timeout: float) -> list[dict[str, Any]]:
        """Block up to ``timeout`` seconds; return the notifications that arrived (``[]``: none or SQLite)."""
        if self.store.engine.dialect.name != "postgresql" or self._closed.is_set():
            self._closed.wait(timeout)
            return []
        import psycopg

        try:
            if self._conn is None:
                self._conn = self._connect()
            found = [json.loads(n.payload) for n in self._conn.notifies(timeout=timeout, stop_after=1)]
            if found:  # drain what else is already there
                found += [json.loads(n.payload) for n in self._conn.notifies(timeout=0.01)]
            return found
        except psycopg.Error as exc:
            self._drop()
            if self._closed.is_set():
                return []
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConnectionLostError(
                _("lost the connection to {location}: {reason}").format(
                    location=redact(self.store.location), reason=reason
                )
            ) from None

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            # closing a broken connection may raise anything; it is gone either way
            with contextlib.suppress(Exception):
                conn.close()

    def close(self) -> None:
        self._closed.set()
        self._drop()


def _guard(fn: Any) -> Any:
    """Turn database failures inside a store method into ``ProjectError``/``ConnectionLostError``."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(self: ProjectStore, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except SQLAlchemyError as exc:
                raise translate_error(exc, self.location) from exc

        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(self: ProjectStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise translate_error(exc, self.location) from exc

    return wrapper


for _name, _member in list(vars(ProjectStore).items()):
    if not _name.startswith("_") and inspect.isfunction(_member) and _name not in ("close", "listener"):
        setattr(ProjectStore, _name, _guard(_member))


def open_project(location: str | os.PathLike[str], create: bool = False) -> ProjectStore:
    """Open (and with ``create`` make) a project: a ``*.mtreview`` SQLite file or a PostgreSQL URL."""
    location = str(location)
    file = sqlite_path(location)
    if file is not None:
        if not file.exists() and not create:
            raise ProjectError(_("no such project: {path}").format(path=location))
        if file.exists() and file.is_file() and file.stat().st_size > 0:
            with open(file, "rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    raise ProjectError(_("{path} is not an mtreview project file").format(path=location))
        if not file.parent.exists():
            raise ProjectError(_("the folder {folder} does not exist").format(folder=file.parent))
    engine = make_engine(location)
    try:
        backup = migrate.prepare(engine, redact(location), create, file)
    except ProjectError:
        engine.dispose()
        raise
    except (OperationalError, ProgrammingError, DatabaseError, sqlite3.Error) as exc:
        engine.dispose()
        if isinstance(exc, SQLAlchemyError):
            translated = translate_error(exc, location)
            if not isinstance(translated, ConnectionLostError) and "not allowed" in str(translated):
                raise translated from None
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        raise ProjectError(
            _("cannot open {location}: {reason}").format(location=redact(location), reason=reason)
        ) from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ProjectError(
            _("cannot open {location}: {reason}").format(location=redact(location), reason=exc)
        ) from None
    return ProjectStore(engine, location, backup)


__all__ = ["CHANNEL", "ChangeListener", "ProjectStore", "is_url", "open_project", "replace"]
