"""Automatic checks on a project: findings on the MT become proposed annotations.

Each finding is stored once, under a fingerprint (check, segment, side, span text, occurrence); running
the checks again adds only new findings, so a dismissed finding stays dismissed and a confirmed one stays
confirmed. Proposals that the checks no longer produce (e.g. after a lexicon change) are removed.
"""

from __future__ import annotations

import bisect
import hashlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from mtreview.domain.model import AnnotationDraft, AnnotationState, Changes, Segment
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import ngettext
from mtreview.qa.base import DocumentInput, Finding, QaError, SegmentInput
from mtreview.qa.packed import PackedSegments
from mtreview.qa.runner import run_checks
from mtreview.services.inline_codes import code_findings
from mtreview.services.project import ProjectService


@dataclass(frozen=True)
class CheckRun:
    added: int
    kept: int
    removed: int
    errors: list[QaError]
    changes: Changes
    documents: list[DocumentInput] = field(default_factory=list)
    """What was checked: the documents with the MT as the target."""
    findings: list[Finding] = field(default_factory=list)
    """The findings of this run that a reviewer has not dismissed (proposed or confirmed ones)."""


def qa_settings(store: Any) -> dict[str, Any]:
    """The check-engine settings of a project, from its settings: ``enabled_checks`` (a list of check ids,
    as the Project Settings dialog saves it, or the engine's own ``{"checks": …}`` mapping), ``glossary``
    (entries edited in the GUI), ``glossary_files`` and ``lexicons`` (extra files)."""
    from mtreview.qa.registry import available_checks

    stored = store.get_setting("enabled_checks", None)
    settings: dict[str, Any] = {}
    if isinstance(stored, Mapping):
        settings = dict(stored)
    elif isinstance(stored, list):
        known, _errors = available_checks()
        enabled = set(stored)
        settings = {"checks": {cid: cid in enabled for cid in known}}
    for key in ("glossary", "glossary_files", "lexicons"):
        value = store.get_setting(key, None)
        if value and key not in settings:
            settings[key] = value
    return settings


def fingerprint(finding: Finding, segment_id: int, occurrence: int) -> str:
    key = "\x1f".join(
        [finding.check, str(segment_id), finding.side.value, finding.category, finding.text, str(occurrence)]
    )
    return finding.check + ":" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:32]


class SegmentIds:
    """Check segment id (``<document>#<ordinal>``, as in the ``qa`` contract) → database id, kept as two
    arrays of integers per document (a dict of 100k ids is 15 MB)."""

    def __init__(self) -> None:
        self._documents: dict[str, tuple[array[int], array[int]]] = {}
        self._others: dict[str, int] = {}
        """Ids out of order (two documents of one name: the later one's, as a dict would keep)."""

    def add(self, document: str, ordinal: int, segment_id: int) -> None:
        ordinals, ids = self._documents.setdefault(document, (array("q"), array("q")))
        if ordinals and ordinal <= ordinals[-1]:  # (the store gives a document's segments in order)
            self._others[f"{document}#{ordinal}"] = segment_id
            return
        ordinals.append(ordinal)
        ids.append(segment_id)

    def get(self, key: str) -> int | None:
        if self._others and key in self._others:
            return self._others[key]
        document, _hash, ordinal = key.rpartition("#")
        arrays = self._documents.get(document)
        if arrays is None or not ordinal.isdigit():
            return None
        ordinals, ids = arrays
        i = bisect.bisect_left(ordinals, int(ordinal))
        return ids[i] if i < len(ordinals) and ordinals[i] == int(ordinal) else None


def mt_documents(service: ProjectService) -> tuple[list[DocumentInput], SegmentIds]:
    """The project's documents as check input, with the MT as the target (what the proposals describe),
    and each check segment id's database id. Segment ids are ``<document>#<ordinal>`` as in the ``qa``
    contract."""
    docs = []
    by_key = SegmentIds()

    def inputs(doc: Any) -> Iterator[SegmentInput]:
        for seg in service._store.iter_segments(doc.id):
            by_key.add(doc.name, seg.ordinal, seg.id)
            sid = f"{doc.name}#{seg.ordinal}"
            yield SegmentInput(sid, doc.name, seg.source, seg.mt, seg.source_lines, seg.target_lines)

    for doc in service._store.documents():
        # compressed as they are read: a 100k-segment project's texts take a quarter of the memory
        docs.append(DocumentInput(doc.name, PackedSegments(inputs(doc))))
    return docs, by_key


SETTLE_BATCH = 5000
"""Findings whose stored state is looked up at once."""


def run_project_checks(
    service: ProjectService, progress: Progress = NO_PROGRESS, settings: Mapping[str, Any] | None = None
) -> CheckRun:
    if settings is None:
        settings = qa_settings(service._store)
    from mtreview.qa import analysis

    analysis.warm_up(progress)  # MeCab, lemmas, JMdict (built on a first run): on the caller's worker
    progress.check()
    documents, by_key = mt_documents(service)
    result = run_checks(documents, settings, progress)
    progress.check()
    wanted: set[str] = set()
    shown: list[Finding] = []
    new: list[tuple[str, Finding, int]] = []
    batch: list[tuple[str, Finding, int]] = []

    def settle() -> None:
        """Which of a batch of findings are new, and which a reviewer has not dismissed."""
        existing = service._store.fingerprint_states(fp for fp, _f, _sid in batch)
        for fp, finding, seg_id in batch:
            if existing.get(fp) is not AnnotationState.DISMISSED:
                shown.append(finding)
            if fp not in existing:
                new.append((fp, finding, seg_id))
        batch.clear()

    # a segment's findings come together (each document's in segment order): its occurrences are counted
    # while they come, and the fingerprints are looked up a batch at a time (not 100k keys at once)
    occurrences: Counter[tuple[str, str, str]] = Counter()
    current = None
    for finding in result.findings:
        seg_id = by_key.get(finding.segment)
        if seg_id is None:
            continue
        if seg_id != current:
            occurrences.clear()
            current = seg_id
        slot = (finding.check, finding.side.value, finding.text)
        occurrences[slot] += 1
        fp = fingerprint(finding, seg_id, occurrences[slot])
        if fp not in wanted:
            wanted.add(fp)
            batch.append((fp, finding, seg_id))
            if len(batch) == SETTLE_BATCH:
                settle()
    settle()
    # The last phase has no count of its own: say what it does (the bar shows "busy", not a stuck 100%).
    progress.report(
        0, 0, ngettext("Saving {n} proposal…", "Saving {n} proposals…", len(new)).format(n=len(new))
    )
    drafts = _Drafts(new)  # made a chunk at a time as they are stored
    added = service._store.add_proposals(drafts, "mtreview-qa", [fp for fp, _f, _sid in new]) if new else []
    added_ids = {ann_id for ann_id, _sid in added}
    stale = service._store.stale_proposals(wanted, added_ids)
    withdrawn = service._store.withdraw_proposals(stale, "mtreview-qa")  # one transaction
    touched = frozenset({sid for _id, sid in added} | {a.segment_id for a in withdrawn})
    return CheckRun(
        len(added),
        len(wanted) - len(new),
        len(withdrawn),
        result.errors,
        Changes(
            segments=touched,
            annotations=frozenset([*(ann_id for ann_id, _sid in added), *(a.id for a in withdrawn)]),
        ),
        documents,
        shown,
    )


class _Drafts(Sequence[AnnotationDraft]):
    """The proposals' drafts, each made when it is read (100k of them at once would be 30 MB)."""

    def __init__(self, new: list[tuple[str, Finding, int]]) -> None:
        self._new = new

    def __len__(self) -> int:
        return len(self._new)

    @overload
    def __getitem__(self, index: int) -> AnnotationDraft: ...

    @overload
    def __getitem__(self, index: slice) -> list[AnnotationDraft]: ...

    def __getitem__(self, index: int | slice) -> AnnotationDraft | list[AnnotationDraft]:
        if isinstance(index, slice):
            return [f.to_draft(sid) for _fp, f, sid in self._new[index]]
        _fp, f, sid = self._new[index]
        return f.to_draft(sid)


def check_texts(
    documents: Sequence[DocumentInput], settings: Mapping[str, Any] | None = None
) -> list[Finding]:
    return run_checks(documents, settings).findings


BACKGROUND_FROM = 2_000
"""``CorrectionChecks`` checks a document of more segments than this on a worker (when it is given one)."""


class CorrectionChecks:
    """The checks on each segment's current Japanese (the correction, else the MT), kept up to date
    incrementally: after an edit only that segment and the document-level keys it touches are re-judged.

    It is called on the GUI thread, so it never waits for the analysers: they load on a background thread
    (``analysis.start_warm_up``), and until the dictionary index is ready (on a first run it is being
    built) the checks that need it say nothing; a document checked before that is re-checked once it is.
    """

    def __init__(
        self,
        service: ProjectService,
        settings: Mapping[str, Any] | None = None,
        build_later: Callable[[int, Callable[[Progress], Any]], None] | None = None,
    ) -> None:
        """``build_later(document_id, make)``: run ``make(progress)`` on a worker and hand its result to
        ``adopt(document_id, result)`` on this thread. Given, a document of more than
        ``BACKGROUND_FROM`` segments is checked there (until then its findings are empty); without it,
        every document is checked where it is first asked for."""
        from mtreview.qa import analysis
        from mtreview.qa.runner import IncrementalChecker

        analysis.start_warm_up()
        self.service = service
        self._settings = qa_settings(service._store) if settings is None else settings
        self._checkers: dict[int, IncrementalChecker] = {}
        self._generations: dict[int, int] = {}
        """Document id -> the dictionary generation its checker was built with."""
        self._seen: dict[int, str] = {}
        """Segment id -> the target text the checker last saw."""
        self._ids: dict[str, int] = {}
        self._build_later = build_later
        self._building: dict[int, dict[int, Segment]] = {}
        """Documents being checked on a worker -> segments edited meanwhile (updated once it is built)."""
        self._epoch = 0
        self._read_documents()

    def _read_documents(self) -> None:
        docs = self.service._store.documents()
        self._names = {d.id: d.name for d in docs}
        self._sizes = {d.id: d.segment_count for d in docs}

    def _input(self, seg: Segment) -> SegmentInput:
        name = self._names.get(seg.document_id, str(seg.document_id))
        return SegmentInput(
            f"{name}#{seg.ordinal}", name, seg.source, seg.target, seg.source_lines, seg.target_lines
        )

    def _build(self, document_id: int, progress: Progress = NO_PROGRESS) -> Any:
        """A document's checker, built and run (no state of ``self`` changed: it may run on a worker)."""
        from mtreview.qa.analysis.dictionary import generation, no_wait
        from mtreview.qa.runner import IncrementalChecker

        rows = list(self.service._store.iter_segments(document_id))
        segments = tuple(self._input(s) for s in rows)
        ids = {seg_input.id: s.id for seg_input, s in zip(segments, rows, strict=True)}
        made_with = generation()
        checker = IncrementalChecker([DocumentInput(self._names[document_id], segments)], self._settings)
        with no_wait():
            checker.run(progress)
        seen = {s.id: seg_input.target for seg_input, s in zip(segments, rows, strict=True)}
        return checker, ids, seen, made_with

    def _install(self, document_id: int, built: Any) -> Any:
        checker, ids, seen, made_with = built
        self._ids.update(ids)
        self._seen.update(seen)
        self._generations[document_id] = made_with
        self._checkers[document_id] = checker
        return checker

    def adopt(self, document_id: int, result: Any) -> None:
        """Take a document's checker built on a worker (``build_later``); then re-check what was edited
        while it was being built. A result from before ``forget()`` is dropped."""
        epoch, built = result
        edited = self._building.pop(document_id, None)
        if epoch != self._epoch or edited is None:
            return
        self._install(document_id, built)
        for seg in edited.values():
            self.update(seg)

    def _checker(self, document_id: int) -> Any:
        from mtreview.qa.analysis.dictionary import generation

        checker = self._checkers.get(document_id)
        if checker is not None and self._generations.get(document_id) != generation():
            checker = None  # the dictionary became available since: check the document again with it
        if checker is None:
            if document_id not in self._names:
                self._read_documents()
            if self._build_later is not None and self._sizes.get(document_id, 0) > BACKGROUND_FROM:
                if document_id not in self._building:
                    self._building[document_id] = {}
                    epoch = self._epoch
                    self._build_later(
                        document_id, lambda progress: (epoch, self._build(document_id, progress))
                    )
                return None
            checker = self._install(document_id, self._build(document_id))
        return checker

    def has_document(self, document_id: int | None) -> bool:
        """Whether this document's checker is built (only then can a change make its findings stale);
        ``None``: whether any is."""
        return bool(self._checkers) if document_id is None else document_id in self._checkers

    def findings(self, seg: Segment) -> list[Finding]:
        item = self._input(seg).id
        checker = self._checker(seg.document_id)
        found = [] if checker is None else list(checker.segment_findings(item))
        return found + code_findings(item, seg)

    def update(self, seg: Segment) -> list[Finding]:
        """Re-check one edited segment (and what its edit changes document-wide); its findings. A segment
        whose text did not change (e.g. only its annotations did) costs nothing."""
        from mtreview.qa.analysis.dictionary import no_wait

        checker = self._checker(seg.document_id)
        item = self._input(seg)
        if checker is None:  # being checked on a worker: re-checked once that is done
            self._building.setdefault(seg.document_id, {})[seg.id] = seg
            return code_findings(item.id, seg)
        if self._seen.get(seg.id) != seg.target:
            with no_wait():
                checker.update_segment(item)
            self._seen[seg.id] = seg.target
        return list(checker.segment_findings(item.id)) + code_findings(item.id, seg)

    def forget(self, document_id: int | None = None) -> None:
        if document_id is None:
            self._checkers.clear()
            self._seen.clear()
            self._generations.clear()
            self._building.clear()
            self._epoch += 1
        else:
            self._checkers.pop(document_id, None)
            self._generations.pop(document_id, None)
            self._building.pop(document_id, None)  # a build under way is dropped when it ends
