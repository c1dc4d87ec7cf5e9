"""Use cases on an open project. Every mutation returns ``Changes``; undo is data (see ``commands``)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtreview.domain.errors import ConflictError, ConnectionLostError, InputError, NotFoundError
from mtreview.domain.model import (
    Annotation,
    AnnotationDraft,
    AnnotationState,
    Changes,
    Document,
    ImportedDocument,
    Revision,
    Segment,
    SegmentFields,
    Status,
    segment_fields,
)
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.services.saving import (
    UNCHANGED,
    Conflict,
    Queued,
    Saved,
    SavedMany,
    SaveOutcome,
    SegmentChange,
    _Unchanged,
)
from mtreview.storage import ProjectStore, open_project

if TYPE_CHECKING:
    from mtreview.services.import_stream import StreamedRead
    from mtreview.services.outbox import Outbox
    from mtreview.storage.originals import OriginalFile

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


__all__ = [
    "UNCHANGED",
    "Conflict",
    "ProjectService",
    "Queued",
    "ReviewProgress",
    "SaveOutcome",
    "Saved",
    "SavedMany",
    "SegmentChange",
]


class ProjectService:
    """The application's operations on one project, on behalf of one reviewer: the only door to it.

    The UI and the CLI call these methods and never see the store (``_store``; other modules of
    ``mtreview.services`` may use it, they are the same layer). Reads return frozen dataclasses; every
    mutation returns ``Changes``; a segment changes only through ``save`` (see ``services.saving``).
    """

    def __init__(self, store: ProjectStore, author: str) -> None:
        self._store = store
        self.author = author or "reviewer"

    @classmethod
    def open(
        cls,
        location: str | os.PathLike[str],
        author: str,
        create: bool = False,
        password: str | None = None,
    ) -> ProjectService:
        """``password``: a team server's, typed for this session; it stays out of ``location``."""
        return cls(open_project(location, create=create, password=password), author)

    def close(self) -> None:
        """Close every connection of the project (idempotent)."""
        self._store.close()

    def __enter__(self) -> ProjectService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def location(self) -> str:
        """The project's file path or database URL (with its password, if any: never display it)."""
        return self._store.location

    @property
    def display_name(self) -> str:
        """The file name, or the URL without its password."""
        return self._store.display_name

    @property
    def is_team(self) -> bool:
        return self._store.is_team

    @property
    def backup(self) -> Path | None:
        """The copy made before an older project file was migrated, if one was."""
        return self._store.backup

    def transaction(self) -> AbstractContextManager[None]:
        """Several writes as one: all of them are applied, or none (any error rolls every one back)."""
        return self._store.transaction()

    def check_integrity(self) -> list[str]:
        return self._store.check_integrity()

    # ------------------------------------------------------------------ settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        return self._store.get_setting(key, default)

    def settings(self) -> dict[str, Any]:
        return self._store.settings()

    def setting(self, key: str) -> object:
        return self._store.get_setting(key, DEFAULT_SETTINGS.get(key))

    def set_setting(self, key: str, value: object) -> Changes:
        self._store.set_setting(key, value)
        return Changes(settings=True)

    # ------------------------------------------------------------------ import
    def import_path(
        self,
        path: str | os.PathLike[str],
        target: str | os.PathLike[str] | None = None,
        progress: Progress = NO_PROGRESS,
    ) -> ImportResult:
        """Read, align and store one document. On any error the project is left unchanged."""
        from mtreview.domain.collect import no_full_collections

        progress.report(0, 0, _("Reading {name}…").format(name=Path(path).name))
        with no_full_collections():  # the document read is kept until it is stored (domain.collect)
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
        with self._store.transaction():
            for item in imports:
                progress.check()
                document = self._store.add_document(item.document, self.author, progress)
                ids = self._store.segment_ids(document_id=document.id)
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
                    self._store.add_annotations(drafts, rater)
                documents.append(document)
        return ImportResult(documents[0], Changes(documents=frozenset(d.id for d in documents)))

    def import_document(self, doc: ImportedDocument, progress: Progress = NO_PROGRESS) -> ImportResult:
        progress.report(0, len(doc.segments), _("Saving {n} segments…").format(n=len(doc.segments)))
        rows = (segment_fields(draft) for draft in doc.segments)
        return self._import(iter([rows]), lambda: doc, progress, len(doc.segments))

    def import_streamed(
        self, reading: StreamedRead, engine: str | None = None, progress: Progress = NO_PROGRESS
    ) -> ImportResult:
        """``import_document`` of a file whose reader is still reading it (``services.import_stream``):
        each batch is stored as it arrives, in one transaction; the reader's error rolls it all back."""

        def finish() -> ImportedDocument:
            doc = reading.finished()
            return doc if not engine else dataclasses.replace(doc, engine=engine)

        progress.report(0, 0, _("Saving segments…"))
        return self._import(reading.batches(), finish, progress)

    def _import(
        self,
        batches: Iterator[Iterable[SegmentFields]],
        finish: Callable[[], ImportedDocument],
        progress: Progress,
        total: int = 0,
    ) -> ImportResult:
        with self._store.transaction():  # the document and its original file, or neither
            document = self._store.add_streamed(batches, finish, self.author, progress, total)
            doc = finish()
            if doc.original is not None:
                self._store.save_original(document.id, os.path.basename(doc.path or doc.name), doc.original)
        return ImportResult(document, Changes(documents=frozenset({document.id})))

    # ------------------------------------------------------------------ documents (reads)
    def documents(self) -> list[Document]:
        return self._store.documents()

    def document(self, document_id: int) -> Document:
        return self._store.document(document_id)

    def document_by_name(self, name: str) -> Document:
        return self._store.document_by_name(name)

    def document_ids(self) -> list[int]:
        return self._store.document_ids()

    def notes(self, document_id: int) -> list[tuple[int, str]]:
        return self._store.notes(document_id)

    def original_file(self, document_id: int) -> OriginalFile | None:
        """The bytes the document was imported from, where the project keeps them (XLIFF: merge-back)."""
        return self._store.original_file(document_id)

    # ------------------------------------------------------------------ segments (reads)
    def segment(self, segment_id: int) -> Segment:
        return self._store.segment(segment_id)

    def segments(self, ids: Sequence[int]) -> list[Segment]:
        """Segments for ``ids``, in the order given (missing ids are left out)."""
        return self._store.segments(ids)

    def segment_ids(
        self,
        document_id: int | None = None,
        statuses: Iterable[Status] | None = None,
        search: str | None = None,
        regex: bool = False,
        side: str = "both",
    ) -> list[int]:
        """Segment ids in document/ordinal order, filtered (``InputError`` for a bad regex)."""
        return self._store.segment_ids(document_id, statuses, search, regex, side)

    def iter_segments(self, document_id: int | None = None, chunk: int = 5000) -> Iterator[Segment]:
        return self._store.iter_segments(document_id, chunk)

    def segment_count(self, statuses: Iterable[Status] | None = None) -> int:
        return self._store.segment_count(statuses)

    def progress(self) -> ReviewProgress:
        """Every status count in one query (the status bar's "41/112 confirmed")."""
        return ReviewProgress(self._store.status_counts())

    # ------------------------------------------------------------------ segments: the one write path
    def save(self, change: SegmentChange, *, queue_offline: bool = True) -> SaveOutcome:
        """Apply one segment change: ``Saved`` (durable when this returns), ``Conflict`` (somebody changed
        it after ``change.base_version``: nothing written, their version attached) or ``Queued`` (team
        mode, server unreachable, a confirmation: kept in the offline outbox). ``queue_offline=False``
        raises ``ConnectionLostError`` instead (the outbox itself, undo/redo)."""
        sent = Changes()
        if queue_offline and change.is_confirmation and self.is_team:
            outbox = self._outbox()
            if outbox.pending():  # keep their order: what waits goes first
                report = outbox.flush(self)
                sent = Changes(segments=frozenset(s.id for s in report.sent))
                if report.offline:
                    return self._queue(change, sent)
        base = change.base_version
        status = change.status
        if base is None or (status is None and not isinstance(change.text, _Unchanged)):
            seg = self._store.segment(change.segment_id)
            base = seg.version if base is None else base
            if status is None and not isinstance(change.text, _Unchanged):
                status = _status_after_edit(seg, change.text)
        values: dict[str, Any] = {}
        if not isinstance(change.text, _Unchanged):
            values["corrected"] = change.text
        if status is not None:
            values["status"] = status
        if change.locked is not None:
            values["locked"] = change.locked
        try:
            before, after = self._store.change_segment(
                change.segment_id, base, self.author, action=change.action, **values
            )
        except ConflictError as exc:
            theirs = (
                exc.current if isinstance(exc.current, Segment) else self._store.segment(change.segment_id)
            )
            return Conflict(theirs, change, str(exc))
        except ConnectionLostError:
            if queue_offline and change.is_confirmation:
                return self._queue(change, sent)
            raise
        return Saved(after, before, sent | Changes(segments=frozenset({change.segment_id})))

    def save_all(self, changes: Sequence[SegmentChange]) -> SavedMany | Conflict:
        """Apply many segment changes at once (find & replace, propagation, their undo): all or none, one
        transaction, one prepared UPDATE and one revision INSERT with parameter lists. Each change gives its
        base version, text and status. ``Conflict``: one of them moved on since its base; nothing written."""
        from mtreview.storage.bulk import SegmentWrite, update_segments

        writes = []
        for change in changes:
            if change.base_version is None or change.status is None or isinstance(change.text, _Unchanged):
                raise ValueError("save_all needs a base version, a text and a status for every change")
            writes.append(SegmentWrite(change.segment_id, change.base_version, change.text, change.status))
        action = changes[0].action if changes else "edit"
        try:
            written = update_segments(self._store, writes, self.author, action)
        except ConflictError as exc:
            theirs = exc.current
            if not isinstance(theirs, Segment):
                raise
            culprit = next(c for c in changes if c.segment_id == theirs.id)
            return Conflict(theirs, culprit, str(exc))
        return SavedMany(
            tuple((w.segment_id, w.version, w.corrected, w.status) for w in written),
            Changes(segments=frozenset(w.segment_id for w in written)),
        )

    def _outbox(self) -> Outbox:
        from mtreview.services.outbox import Outbox

        return Outbox.for_service(self)

    def _queue(self, change: SegmentChange, sent: Changes) -> Queued:
        assert isinstance(change.text, str)
        outbox = self._outbox()
        base = change.base_version if change.base_version is not None else 0
        outbox.queue(change.segment_id, change.text, base, self.author)
        n = len(outbox.pending())
        return Queued(
            change,
            n,
            _(
                "The server cannot be reached: your confirmation is saved on this computer and will be sent "
                "when the connection is back ({n} waiting)."
            ).format(n=n),
            sent,
        )

    def next_unconfirmed(self, after_segment_id: int | None, ids: list[int]) -> int | None:
        """The next segment in ``ids`` (display order) after ``after_segment_id`` that is not approved."""
        pending = set(self._store.segment_ids(statuses=[Status.NEW, Status.CORRECTED, Status.REJECTED]))
        start = ids.index(after_segment_id) + 1 if after_segment_id in ids else 0
        for sid in ids[start:] + ids[:start]:
            if sid in pending and sid != after_segment_id:
                return sid
        return None

    # ------------------------------------------------------------------ drafts
    def drafts(self) -> dict[int, tuple[str, int]]:
        """This reviewer's unconfirmed texts: segment id -> (text, the version it was typed over)."""
        return self._store.drafts(self.author)

    def draft(self, segment_id: int) -> tuple[str, int] | None:
        return self._store.drafts(self.author).get(segment_id)

    def save_draft(self, segment_id: int, text: str, base_version: int) -> None:
        self._store.save_draft(segment_id, self.author, text, base_version)

    def discard_draft(self, segment_id: int) -> None:
        self._store.discard_draft(segment_id, self.author)

    # ------------------------------------------------------------------ history and presence (reads)
    def revisions(self, segment_id: int | None = None, limit: int | None = None) -> list[Revision]:
        return self._store.revisions(segment_id, limit)

    def revisions_by_ids(self, ids: Iterable[int]) -> list[Revision]:
        return self._store.revisions_by_ids(ids)

    def last_revision_id(self) -> int:
        return self._store.last_revision_id()

    def editing_now(self, max_age_s: float = 15.0) -> dict[int, list[str]]:
        return self._store.editing_now(max_age_s)

    # ------------------------------------------------------------------ annotations (reads)
    def annotations(
        self,
        document_id: int | None = None,
        segment_ids: Sequence[int] | None = None,
        states: Iterable[AnnotationState] | None = None,
    ) -> list[Annotation]:
        return self._store.annotations(document_id, segment_ids, states)

    def annotation(self, annotation_id: int) -> Annotation:
        return self._store.annotation(annotation_id)

    def annotation_fingerprint(self, annotation_id: int) -> str | None:
        return self._store.annotation_fingerprint(annotation_id)

    def fingerprint_states(self, fingerprints: Iterable[str]) -> dict[str, AnnotationState]:
        """The state of the proposals made under these fingerprints (a dismissed finding stays dismissed)."""
        return self._store.fingerprint_states(fingerprints)

    # ------------------------------------------------------------------ annotations
    def annotate(self, draft: AnnotationDraft) -> tuple[Annotation, Changes]:
        (ann,) = self._store.add_annotations([draft], self.author)
        return ann, Changes(segments=frozenset({draft.segment_id}), annotations=frozenset({ann.id}))

    def update_annotation(
        self, annotation_id: int, expected_version: int, **fields: object
    ) -> tuple[Annotation, Changes]:
        ann = self._store.update_annotation(annotation_id, expected_version, self.author, **fields)
        return ann, Changes(segments=frozenset({ann.segment_id}), annotations=frozenset({ann.id}))

    def delete_annotation(self, annotation_id: int, expected_version: int) -> tuple[Annotation, Changes]:
        ann = self._store.delete_annotation(annotation_id, expected_version, self.author)
        return ann, Changes(segments=frozenset({ann.segment_id}), annotations=frozenset({ann.id}))

    def restore_annotation(
        self, ann: Annotation, fingerprint: str | None = None
    ) -> tuple[Annotation, Changes]:
        restored = self._store.restore_annotation(ann, self.author, fingerprint)
        return restored, Changes(segments=frozenset({ann.segment_id}), annotations=frozenset({ann.id}))

    def triage(
        self, annotation_id: int, expected_version: int, state: AnnotationState
    ) -> tuple[Annotation, Changes]:
        return self.update_annotation(annotation_id, expected_version, state=state)

    def add_annotations(
        self, drafts: Sequence[AnnotationDraft], author: str | None = None
    ) -> tuple[list[Annotation], Changes]:
        """Several annotations at once (one transaction), by ``author`` (default: this reviewer)."""
        created = self._store.add_annotations(drafts, author or self.author)
        return created, Changes(
            segments=frozenset(d.segment_id for d in drafts), annotations=frozenset(a.id for a in created)
        )

    def document_of(self, segment_id: int) -> Document:
        seg = self._store.segment(segment_id)
        for d in self._store.documents():
            if d.id == seg.document_id:
                return d
        raise NotFoundError(str(segment_id))


@dataclass(frozen=True)
class ReviewProgress:
    """How many segments have each status."""

    by_status: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def confirmed(self) -> int:
        return self.by_status.get(Status.APPROVED, 0)


def _status_after_edit(seg: Segment, text: str | None) -> Status:
    """An edit that is not a confirmation: a new segment becomes corrected when its text differs from the
    MT, a corrected one returns to new when its correction is removed, any other status stays."""
    if seg.status == Status.NEW and text is not None and text != seg.mt:
        return Status.CORRECTED
    if text is None and seg.status == Status.CORRECTED:
        return Status.NEW
    return seg.status
