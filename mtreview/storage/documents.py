"""Documents: import one in a single transaction (Core bulk inserts), list, find, delete; their notes
(lines with no counterpart)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from mtreview.domain.errors import NotFoundError
from mtreview.domain.model import (
    Document,
    ImportedDocument,
    SegmentFields,
    Status,
    segment_fields,
)
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.storage.base import INSERT_CHUNK, StoreBase, now
from mtreview.storage.many import execute_many
from mtreview.storage.mappers import _document
from mtreview.storage.orm import (
    AnnotationRow,
    DocumentRow,
    DraftRow,
    NoteRow,
    SegmentRow,
)

_INSERT_SEGMENT = insert(SegmentRow)
"""Executed with parameter lists through ``many.execute_many`` (compiled once; SQLAlchemy's per-row
bookkeeping cost more than the INSERT itself: 0.7 of 1.4 s for 20k segments)."""


class DocumentStore(StoreBase):
    """Documents and their notes."""

    def add_document(self, doc: ImportedDocument, author: str, progress: Progress = NO_PROGRESS) -> Document:
        """Insert a document and its segments in one transaction: all or nothing."""
        rows = (segment_fields(draft) for draft in doc.segments)
        return self.add_streamed(iter([rows]), lambda: doc, author, progress, len(doc.segments))

    def add_streamed(
        self,
        batches: Iterator[Iterable[SegmentFields]],
        finish: Callable[[], ImportedDocument],
        author: str,
        progress: Progress = NO_PROGRESS,
        total: int = 0,
    ) -> Document:
        """Insert a document whose segments arrive in ``batches`` (while its reader still reads: see
        ``services.import_stream``), in one transaction: all or nothing. ``finish()`` is called after the
        last batch and gives the document itself (its ``segments`` are not read)."""
        created = now()
        with self.write() as c:
            doc_id = c.execute(  # named and described once the reader is done
                insert(DocumentRow)
                .values(name="", format="", source_lang="", target_lang="", created_at=created)
                .returning(DocumentRow.id)
            ).scalar_one()
            ordinal = 0
            batch: list[dict[str, Any]] = []
            for rows in batches:
                for (
                    source,
                    target,
                    source_lines,
                    target_lines,
                    confidence,
                    corrected,
                    key,
                    meta,
                    status,
                ) in rows:
                    ordinal += 1
                    status = status or (Status.CORRECTED if corrected is not None else Status.NEW)
                    batch.append(
                        {
                            "document_id": doc_id,
                            "ordinal": ordinal,
                            "key": key,
                            "source": source,
                            "mt": target,
                            "corrected": corrected,
                            "status": status.value,
                            "source_lines": list(source_lines),
                            "target_lines": list(target_lines),
                            "confidence": float(confidence),
                            "locked": False,
                            "version": 1,
                            "author": author if corrected is not None else None,
                            "created_at": created,
                            "updated_at": created,
                            "meta": (meta if type(meta) is dict else dict(meta)) or None,  # shared: see many
                        }
                    )
                    if len(batch) >= INSERT_CHUNK:
                        execute_many(c, _INSERT_SEGMENT, batch)
                        batch.clear()
                        progress.check()
                        progress.report(ordinal, max(total, ordinal), "")
            if batch:
                execute_many(c, _INSERT_SEGMENT, batch)
            doc = finish()
            c.execute(
                update(DocumentRow)
                .where(DocumentRow.id == doc_id)
                .values(
                    name=self._unique_name(c, doc.name, doc_id),
                    path=doc.path,
                    format=doc.format,
                    source_lang=doc.source_lang,
                    target_lang=doc.target_lang,
                    engine=doc.engine,
                    meta=dict(doc.meta) or None,
                )
            )
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
            self.notify(c, author, "documents")
        progress.report(ordinal, ordinal, "")
        return _document(row, ordinal)

    @staticmethod
    def _unique_name(c: Any, name: str, own_id: int | None = None) -> str:
        existing = set(c.execute(select(DocumentRow.name).where(DocumentRow.id != own_id)).scalars())
        if name not in existing:
            return name
        n = 2
        while f"{name} ({n})" in existing:
            n += 1
        return f"{name} ({n})"

    def documents(self) -> list[Document]:
        with self.read() as c:
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
        with self.read() as c:
            return [
                (r.line, r.text)
                for r in c.execute(
                    select(NoteRow).where(NoteRow.document_id == document_id).order_by(NoteRow.line)
                )
            ]

    def delete_document(self, document_id: int) -> None:
        with self.write() as c:
            seg_ids = select(SegmentRow.id).where(SegmentRow.document_id == document_id)
            c.execute(delete(AnnotationRow).where(AnnotationRow.segment_id.in_(seg_ids)))
            c.execute(delete(DraftRow).where(DraftRow.segment_id.in_(seg_ids)))
            c.execute(delete(SegmentRow).where(SegmentRow.document_id == document_id))
            c.execute(delete(NoteRow).where(NoteRow.document_id == document_id))
            c.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
            self.notify(c, "", "documents")

    def document_ids(self) -> list[int]:
        with self.read() as c:
            return list(c.execute(select(DocumentRow.id).order_by(DocumentRow.id)).scalars())
