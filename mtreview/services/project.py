"""Use cases on an open project. Every mutation returns ``Changes``; undo is data (see ``commands``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mtreview.domain.errors import InputError, NotFoundError
from mtreview.domain.model import (
    Annotation,
    AnnotationDraft,
    AnnotationState,
    Changes,
    Document,
    ImportedDocument,
    Segment,
    Status,
)
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.storage import ProjectStore, open_project

DEFAULT_SETTINGS = {
    "typology": "google-mqm",
    "weights": None,
    "threshold": 90.0,
    "enabled_checks": None,
}


def read_input(
    path: str | os.PathLike[str],
    target: str | os.PathLike[str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> ImportedDocument:
    """Read one input into an ``ImportedDocument``: paired formats by extension, text by aligning."""
    import mtreview.formats  # noqa: F401  (registers the readers)
    from mtreview.align.bilingual import align_input, document_name
    from mtreview.formats.registry import reader_for

    p = Path(path)
    if not p.exists():
        raise InputError(_("no such file"), str(path))
    if target is not None and not Path(target).exists():
        raise InputError(_("no such file"), str(target))
    info = reader_for(p) if target is None else None
    try:
        if info is not None:
            return info.read(p, progress)
        alignment = align_input(p, target, progress)
        fmt = "page" if target is None else "text-pair"
        doc = alignment.to_document(document_name(p), str(p), fmt)
    except MemoryError:
        pass  # a 100 MB line, a zip bomb…: raised below, once the reader's frames (and data) are gone
    else:
        if not doc.segments:
            raise InputError(_("no paragraph pairs were found"), str(path))
        return doc
    raise InputError(_("the file is too large"), str(path))


def _is_mqm_tsv(path: str | os.PathLike[str]) -> bool:
    from mtreview.services.scores import is_mqm_tsv

    return str(path).lower().endswith((".tsv", ".txt")) and is_mqm_tsv(str(path))


@dataclass(frozen=True)
class ImportResult:
    document: Document
    changes: Changes


class ProjectService:
    """The application's operations on one project, on behalf of one reviewer."""

    def __init__(self, store: ProjectStore, author: str) -> None:
        self.store = store
        self.author = author or "reviewer"

    @classmethod
    def open(cls, location: str | os.PathLike[str], author: str, create: bool = False) -> ProjectService:
        return cls(open_project(location, create=create), author)

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ settings
    def setting(self, key: str) -> object:
        return self.store.get_setting(key, DEFAULT_SETTINGS.get(key))

    def set_setting(self, key: str, value: object) -> Changes:
        self.store.set_setting(key, value)
        return Changes(settings=True)

    # ------------------------------------------------------------------ import
    def import_path(
        self,
        path: str | os.PathLike[str],
        target: str | os.PathLike[str] | None = None,
        progress: Progress = NO_PROGRESS,
    ) -> ImportResult:
        """Read, align and store one document. On any error the project is left unchanged."""
        progress.report(0, 0, _("Reading {name}…").format(name=Path(path).name))
        if target is None and _is_mqm_tsv(path):
            return self.import_mqm_tsv(path, progress)
        doc = read_input(path, target, progress)
        progress.check()
        return self.import_document(doc, progress)

    def import_mqm_tsv(self, path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> ImportResult:
        """A Google MQM TSV: one document per (system, doc), its raters' annotations confirmed, all in one
        transaction (all or nothing)."""
        from mtreview.domain.model import AnnotationDraft, AnnotationState
        from mtreview.formats.mqm_tsv import read_mqm_tsv, to_documents

        imports = to_documents(read_mqm_tsv(path))
        if not imports:
            raise InputError(_("the file has no rows"), str(path))
        documents = []
        with self.store.transaction():
            for item in imports:
                progress.check()
                document = self.store.add_document(item.document, self.author, progress)
                ids = self.store.segment_ids(document_id=document.id)
                by_rater: dict[str, list[AnnotationDraft]] = {}
                for index, ann in item.annotations:
                    by_rater.setdefault(ann.rater or self.author, []).append(
                        AnnotationDraft(
                            segment_id=ids[index],
                            category=ann.category,
                            severity=ann.severity,
                            side=ann.side,
                            start=ann.start,
                            end=ann.end,
                            comment=ann.comment,
                            state=AnnotationState.CONFIRMED,
                        )
                    )
                for rater, drafts in by_rater.items():
                    self.store.add_annotations(drafts, rater)
                documents.append(document)
        return ImportResult(documents[0], Changes(documents=frozenset(d.id for d in documents)))

    def import_document(self, doc: ImportedDocument, progress: Progress = NO_PROGRESS) -> ImportResult:
        progress.report(0, len(doc.segments), _("Saving {n} segments…").format(n=len(doc.segments)))
        document = self.store.add_document(doc, self.author, progress)
        return ImportResult(document, Changes(documents=frozenset({document.id})))

    # ------------------------------------------------------------------ segments
    def segment(self, segment_id: int) -> Segment:
        return self.store.segment(segment_id)

    def edit(
        self, segment_id: int, text: str | None, expected_version: int, status: Status | None = None
    ) -> tuple[Segment, Changes]:
        """Set the corrected text (``None`` returns to the MT) and, optionally, the status."""
        seg = self.store.segment(segment_id)
        if status is None:
            if seg.status in (Status.NEW,) and text is not None and text != seg.mt:
                status = Status.CORRECTED
            elif text is None and seg.status == Status.CORRECTED:
                status = Status.NEW
            else:
                status = seg.status
        updated = self.store.update_segment(
            segment_id, expected_version, self.author, corrected=text, status=status
        )
        return updated, Changes(segments=frozenset({segment_id}))

    def confirm(self, segment_id: int, text: str, expected_version: int) -> tuple[Segment, Changes]:
        """Save the reviewer's text and approve the segment; durable when this returns."""
        updated = self.store.update_segment(
            segment_id,
            expected_version,
            self.author,
            corrected=text,
            status=Status.APPROVED,
            action="confirm",
        )
        return updated, Changes(segments=frozenset({segment_id}))

    def set_status(self, segment_id: int, status: Status, expected_version: int) -> tuple[Segment, Changes]:
        updated = self.store.update_segment(
            segment_id, expected_version, self.author, status=status, action="status"
        )
        return updated, Changes(segments=frozenset({segment_id}))

    def set_segment(
        self,
        segment_id: int,
        corrected: str | None,
        status: Status,
        expected_version: int,
        action: str = "edit",
    ) -> tuple[Segment, Changes]:
        updated = self.store.update_segment(
            segment_id, expected_version, self.author, corrected=corrected, status=status, action=action
        )
        return updated, Changes(segments=frozenset({segment_id}))

    def next_unconfirmed(self, after_segment_id: int | None, ids: list[int]) -> int | None:
        """The next segment in ``ids`` (display order) after ``after_segment_id`` that is not approved."""
        pending = set(self.store.segment_ids(statuses=[Status.NEW, Status.CORRECTED, Status.REJECTED]))
        start = ids.index(after_segment_id) + 1 if after_segment_id in ids else 0
        for sid in ids[start:] + ids[:start]:
            if sid in pending and sid != after_segment_id:
                return sid
        return None

    # ------------------------------------------------------------------ annotations
    def annotate(self, draft: AnnotationDraft) -> tuple[Annotation, Changes]:
        (ann,) = self.store.add_annotations([draft], self.author)
        return ann, Changes(segments=frozenset({draft.segment_id}), annotations=frozenset({ann.id}))

    def update_annotation(
        self, annotation_id: int, expected_version: int, **fields: object
    ) -> tuple[Annotation, Changes]:
        ann = self.store.update_annotation(annotation_id, expected_version, self.author, **fields)
        return ann, Changes(segments=frozenset({ann.segment_id}), annotations=frozenset({ann.id}))

    def delete_annotation(self, annotation_id: int, expected_version: int) -> tuple[Annotation, Changes]:
        ann = self.store.delete_annotation(annotation_id, expected_version, self.author)
        return ann, Changes(segments=frozenset({ann.segment_id}), annotations=frozenset({ann.id}))

    def restore_annotation(
        self, ann: Annotation, fingerprint: str | None = None
    ) -> tuple[Annotation, Changes]:
        restored = self.store.restore_annotation(ann, self.author, fingerprint)
        return restored, Changes(segments=frozenset({ann.segment_id}), annotations=frozenset({ann.id}))

    def triage(
        self, annotation_id: int, expected_version: int, state: AnnotationState
    ) -> tuple[Annotation, Changes]:
        return self.update_annotation(annotation_id, expected_version, state=state)

    def document_of(self, segment_id: int) -> Document:
        seg = self.store.segment(segment_id)
        for d in self.store.documents():
            if d.id == seg.document_id:
                return d
        raise NotFoundError(str(segment_id))
