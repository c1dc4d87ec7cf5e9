"""Running checks over documents, and re-checking one edited segment incrementally.

``run_checks(documents, settings, progress) -> QaResult`` is the long job (a plain function: the UI runs
it on a worker). A check that raises on one segment is reported as an error of that check for that
segment and the run continues.

``IncrementalChecker`` keeps, per document, each segment check's findings per segment and each document
check's observations per key (``KeyIndex``, with per-key class counts). ``update_segment`` re-runs the
segment checks on the edited segment, updates the observations of the keys it touched (old and new), and
re-judges those keys: only the edited segment when the key's document-level decision (majority rendering,
majority register) did not change, every segment of the key when it did. The document's length
statistics are updated in place; other segments' omission findings are not re-evaluated on an edit (one
pair barely moves the document's distribution).
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtreview.domain.collect import no_full_collections
from mtreview.domain.errors import Cancelled
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.qa import spill
from mtreview.qa.base import (
    Check,
    DocumentInput,
    Finding,
    KeyIndex,
    Observation,
    QaError,
    QaResult,
    SegmentInput,
)
from mtreview.qa.context import DocumentFacts, QaContext
from mtreview.qa.registry import available_checks, check_setting

log = logging.getLogger(__name__)


def _error_message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


@dataclass
class ChunkResult:
    """What the first pass found on a run of one document's segments (picklable: a worker sends it)."""

    document: int
    start: int
    size: int
    findings: dict[str, dict[str, list[Finding]]] = field(default_factory=dict)
    """check id → segment id → findings (segment checks)."""
    observations: dict[str, dict[str, list[Observation]]] = field(default_factory=dict)
    """check id → segment id → observations (document checks)."""
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    """(check id, segment id, message) of a check that raised on a segment."""


def first_pass(
    checks: Sequence[Check],
    facts: DocumentFacts,
    segments: Sequence[SegmentInput],
    start: int,
    end: int,
    document: int = 0,
) -> ChunkResult:
    """Every check on ``segments[start:end]``: the segment checks' findings and the document checks'
    observations (the hot loop of a full run; one segment's failing check does not stop it)."""
    out = ChunkResult(document, start, len(segments[start:end]))
    segment_checks = [
        (c.id, c.check_segment, out.findings.setdefault(c.id, {})) for c in checks if not c.document_level
    ]
    document_checks = [
        (c.id, c.observe, out.observations.setdefault(c.id, {})) for c in checks if c.document_level
    ]
    errors = out.errors
    for segment in segments[start:end]:
        sid = segment.id
        for cid, check_segment, per_check in segment_checks:
            try:
                found = list(check_segment(segment, facts))
            except Exception as exc:  # one bad segment must not stop the run
                errors.append((cid, sid, _error_message(exc)))
                continue
            if found:
                per_check[sid] = found
        for cid, observe, per_doc in document_checks:
            try:
                observations = list(observe(segment, facts))
            except Exception as exc:
                errors.append((cid, sid, _error_message(exc)))
                continue
            if observations:
                per_doc[sid] = observations
    return out


def instantiate_checks(
    settings: Mapping[str, Any] | None, context: QaContext, only: Iterable[str] | None = None
) -> tuple[list[Check], list[QaError]]:
    classes, errors = available_checks()
    wanted = set(only) if only is not None else None
    checks: list[Check] = []
    for cid, cls in classes.items():
        setting = check_setting(cls, settings)
        if wanted is not None:
            if cid not in wanted:
                continue
        elif not setting.enabled:
            continue
        try:
            checks.append(cls(context, setting.params, setting.severity))
        except Exception as exc:
            errors.append(QaError(cid, None, _error_message(exc)))
    beside = frozenset(c.id for c in checks)
    for check in checks:
        check.beside = beside
    return checks, errors


class _DocState:
    def __init__(self, document: DocumentInput, facts: DocumentFacts) -> None:
        self.document = document
        self.facts = facts
        self.segment_findings: dict[str, dict[str, list[Finding]]] = {}
        """check id → segment id → findings (segment checks)."""
        self.index: dict[str, KeyIndex] = {}
        """check id → observations (document checks)."""
        self.segment_keys: dict[str, dict[str, list[tuple[Hashable, Hashable]]]] = {}
        """check id → segment id → (key, item class) of each of its observations."""
        self.key_findings: dict[str, dict[Hashable, dict[str, list[Finding]]]] = {}
        self.judged: list[Finding] = []
        """A one-time run's findings of the document checks (it keeps no ``key_findings``)."""
        """check id → key → segment id → findings (document checks)."""
        self.by_segment: dict[str, dict[tuple[str, Hashable], list[Finding]]] = {}
        """segment id → (check id, key) → findings: the document checks' findings of one segment."""
        self.decisions: dict[str, dict[Hashable, Hashable]] = {}
        self.errors: dict[tuple[str, str | None], QaError] = {}


class IncrementalChecker:
    def __init__(
        self,
        documents: Sequence[DocumentInput],
        settings: Mapping[str, Any] | None = None,
        context: QaContext | None = None,
        only: Iterable[str] | None = None,
        *,
        incremental: bool = True,
    ) -> None:
        """``incremental=False``: for one ``run`` only (``run_checks``), without the bookkeeping that
        ``update_segment`` needs (which observations each segment made: a tuple per observation)."""
        self.incremental = incremental
        self.context = context or QaContext.from_settings(settings)
        self.settings = dict(settings or {})
        self.checks, self.setup_errors = instantiate_checks(settings, self.context, only)
        self.setup_errors = list(self.context.errors) + self.setup_errors
        self.documents = list(documents)
        self._segment_checks = [c for c in self.checks if not c.document_level]
        self._document_checks = [c for c in self.checks if c.document_level]
        self._docs: dict[str, _DocState] = {}
        self._doc_of_segment: dict[str, str] = {}
        self._finished: list[tuple[list[Finding], list[QaError]]] = []
        """A one-time run's judged documents: their findings and errors (their state is gone)."""
        self._spill: spill.SpillStore | None = None

    # -- full run -----------------------------------------------------------------------------------
    def run(self, progress: Progress = NO_PROGRESS, workers: int = 1) -> QaResult:
        """Every check on every document. With ``workers`` > 1 the first pass (segment checks and
        observations) runs in that many worker processes (``mtreview.qa.parallel``); the result is the
        same. A pool that fails is replaced by this process."""
        with no_full_collections():  # what the run builds lives until its end: see domain.collect
            if self.incremental or sum(len(d.segments) for d in self.documents) < spill.SPILL_FROM:
                return self._run(progress, workers)
            # a large one-time run keeps the document checks' observations on disk until they are judged
            try:
                self._spill = spill.SpillStore()
                try:
                    return self._run(progress, workers)
                finally:
                    self._spill.close()
                    self._spill = None
            except spill.SpillError as exc:  # a full or unwritable temporary folder: memory will do
                log.warning("checks: cannot keep observations on disk (%s); keeping them in memory", exc)
                self._docs.clear()
                self._doc_of_segment.clear()
                self._finished.clear()
                return self._run(progress, workers)

    def _run(self, progress: Progress, workers: int) -> QaResult:
        total = sum(len(d.segments) for d in self.documents)
        if workers > 1 and total:
            try:
                return self._run_parallel(progress, workers, total)
            except (Cancelled, spill.SpillError):
                raise
            except Exception as exc:  # a worker died, a pickle failed: the one-process pass gives the same
                log.warning("checks: worker processes failed (%s); checking in this process", exc)
                self._docs.clear()
                self._doc_of_segment.clear()
                self._finished.clear()
        done = 0
        for document in self.documents:
            progress.check()
            state = self._prepare(document)
            done = self._first_pass(state, progress, done, total)
            self._judge_document(state)
        progress.report(total, total, "")
        return self.result()

    def _judge_document(self, state: _DocState) -> None:
        judged = 0
        for check in self._document_checks:
            index = state.index[check.id]
            for key in index.key_list():
                self._judge_key(state, check, key, None)
                judged += 1
                if not self.incremental and judged % TRIM_EVERY == 0:
                    trim_caches()
        if not self.incremental:
            # a one-time run keeps the document's findings, not its state (facts, observations, keys):
            # a 100k-segment project's run holds one document's state at a time
            self._finished.append(self._document_result(state))
            del self._docs[state.document.name]

    def _run_parallel(self, progress: Progress, workers: int, total: int) -> QaResult:
        from mtreview.qa.parallel import Pool

        pool = Pool(workers, self.settings, self.context, self.checks, self.documents)
        try:
            done = 0
            chunks = pool.chunks(progress.check)
            pending: ChunkResult | None = None
            for d, document in enumerate(self.documents):
                state = self._prepare(document)  # the first one while the workers start
                if d == 0:
                    pending = next(chunks, None)
                while pending is not None and pending.document == d:
                    self._merge_chunk(state, pending)
                    done += pending.size
                    progress.report(done, total, document.name)
                    pending = next(chunks, None)
                self._judge_document(state)
        finally:
            pool.close()
        progress.report(total, total, "")
        return self.result()

    def _merge_chunk(self, state: _DocState, chunk: ChunkResult) -> None:
        """Findings, observations and errors of a run of segments (``first_pass``) into the document's
        state."""
        for cid, found in chunk.findings.items():
            state.segment_findings[cid].update(found)
        for check in self._document_checks:
            per_segment = chunk.observations.get(check.id)
            if not per_segment:
                continue
            for sid, observations in per_segment.items():
                self._add_observations(state, check, sid, observations)
        for cid, sid, message in chunk.errors:
            state.errors[(cid, sid)] = QaError(cid, sid, message)

    def _first_pass(self, state: _DocState, progress: Progress, done: int, total: int) -> int:
        """Every check on every segment of a fresh document, in this process."""
        segments = state.document.segments
        for start in range(0, len(segments), 1000):
            chunk = first_pass(self.checks, state.facts, segments, start, start + 1000)
            self._merge_chunk(state, chunk)
            done += chunk.size
            progress.check()
            progress.report(done, total, state.document.name)
        return done

    def _prepare(self, document: DocumentInput) -> _DocState:
        facts = DocumentFacts(document, self.context)
        state = _DocState(document, facts)
        self._docs[document.name] = state
        if self.incremental:  # (a one-time run never looks a segment up)
            for segment in document.segments:
                self._doc_of_segment[segment.id] = document.name
        for check in self._document_checks:
            state.index[check.id] = KeyIndex() if self._spill is None else spill.SpilledIndex(self._spill)
            state.segment_keys[check.id] = {}
            state.key_findings[check.id] = {}
            state.decisions[check.id] = {}
        for check in self._segment_checks:
            state.segment_findings[check.id] = {}
        return state

    def _run_segment_checks(self, state: _DocState, segment: SegmentInput) -> None:
        for check in self._segment_checks:
            self._recheck(state, check, segment)

    def _recheck(self, state: _DocState, check: Check, segment: SegmentInput) -> bool:
        """One segment check on one segment (again); whether its findings changed. One bad segment does
        not stop a run: a check that raises is an error of that segment."""
        cid = check.id
        state.errors.pop((cid, segment.id), None)
        try:
            found = list(check.check_segment(segment, state.facts))
        except Exception as exc:
            state.errors[(cid, segment.id)] = QaError(cid, segment.id, _error_message(exc))
            found = []
        per_check = state.segment_findings[cid]
        before = per_check.get(segment.id, [])
        if found:
            per_check[segment.id] = found
        else:
            per_check.pop(segment.id, None)
        return before != found

    def _observations_of(
        self, state: _DocState, check: Check, segment: SegmentInput
    ) -> list[tuple[Hashable, Any]]:
        state.errors.pop((check.id, segment.id), None)
        try:
            return list(check.observe(segment, state.facts))
        except Exception as exc:
            state.errors[(check.id, segment.id)] = QaError(check.id, segment.id, _error_message(exc))
            return []

    def _observe(
        self,
        state: _DocState,
        check: Check,
        segment: SegmentInput,
        observations: list[tuple[Hashable, Any]] | None = None,
    ) -> None:
        if observations is None:
            observations = self._observations_of(state, check, segment)
        self._add_observations(state, check, segment.id, observations)

    def _add_observations(
        self, state: _DocState, check: Check, sid: str, observations: list[tuple[Hashable, Any]]
    ) -> None:
        """One segment's observations into the check's index, and (for edits) which keys it made."""
        index, item_class = state.index[check.id], check.item_class
        if not self.incremental:
            for key, item in observations:
                index.add(key, sid, item, item_class(item))
            return
        keys: list[tuple[Hashable, Hashable]] = []
        for key, item in observations:
            cls = item_class(item)
            index.add(key, sid, item, cls)
            keys.append((key, cls))
        if keys:
            state.segment_keys[check.id][sid] = keys
        else:
            state.segment_keys[check.id].pop(sid, None)

    def _judge_key(self, state: _DocState, check: Check, key: Hashable, only: str | None) -> set[str]:
        """Re-judge ``key`` (every segment, or only segment ``only``); returns the segments whose findings
        changed."""
        cid = check.id
        index = state.index[cid]
        # a one-time run reads no items of a key that cannot be reported, and keeps no decisions (they are
        # for re-judging after an edit)
        silent = not self.incremental and check.silent(key, index)
        observations = {} if silent else index.get(key)
        if not self.incremental:  # judged once: a flat list (findings by key and segment are for re-checks)
            found = self._judged(state, check, key, observations)
            state.judged.extend(found)
            return {f.segment for f in found}
        per_key = state.key_findings[cid].setdefault(key, {})
        state.decisions[cid][key] = check.decision(key, index)
        if only is not None:
            scope = {only: observations[only]} if only in observations else {}
            old = {only: per_key[only]} if only in per_key else {}
        else:
            scope = observations
            old = dict(per_key)
        new: dict[str, list[Finding]] = {}
        for finding in self._judged(state, check, key, scope):
            new.setdefault(finding.segment, []).append(finding)
        changed: set[str] = set()
        for sid in old.keys() | new.keys():
            before, after = old.get(sid), new.get(sid)
            if before == after:
                continue
            changed.add(sid)
            slot = state.by_segment.setdefault(sid, {})
            if after:
                per_key[sid] = after
                slot[(cid, key)] = after
            else:
                per_key.pop(sid, None)
                slot.pop((cid, key), None)
        if not per_key:
            del state.key_findings[cid][key]
        if not observations:
            state.decisions[cid].pop(key, None)
        return changed

    @staticmethod
    def _judged(state: _DocState, check: Check, key: Hashable, scope: Mapping[str, Any]) -> list[Finding]:
        """The check's findings on ``key`` for the segments of ``scope``; a judge that raises is an error of
        the key (and no findings)."""
        state.errors.pop((check.id, f"key:{key}"), None)
        if not scope:
            return []
        try:
            return list(check.judge(key, scope, state.facts, state.index[check.id]))
        except spill.SpillError:
            raise  # the run goes on in memory, not with a key judged on half its observations
        except Exception as exc:
            state.errors[(check.id, f"key:{key}")] = QaError(check.id, None, _error_message(exc))
            return []

    # -- incremental --------------------------------------------------------------------------------
    def update_segment(self, segment: SegmentInput) -> dict[str, list[Finding]]:
        """Re-check an edited segment (same id, new target); returns the current findings of every segment
        whose findings changed (the edited one, and others when a document-level decision flipped)."""
        if not self.incremental:
            raise RuntimeError("this checker was made for one run (incremental=False)")
        state = self._docs[self._doc_of_segment[segment.id]]
        state.facts.update_target(segment)
        self._run_segment_checks(state, segment)
        affected: set[str] = {segment.id}
        for check in self._segment_checks:  # segments whose findings read this one's translation
            for sid in check.dependents(segment.id, state.facts):
                if self._recheck(state, check, state.facts.segments[sid]):
                    affected.add(sid)
        for check in self._document_checks:
            cid = check.id
            index = state.index[cid]
            old = state.segment_keys[cid].get(segment.id, [])
            new_obs = self._observations_of(state, check, segment)
            keys = check.linked_keys({k for k, _c in old} | {k for k, _i in new_obs})
            before = {key: state.decisions[cid].get(key) for key in keys}
            by_key: dict[Hashable, list[Hashable]] = {}
            for key, item_class in old:
                by_key.setdefault(key, []).append(item_class)
            for key, classes in by_key.items():
                index.remove_segment(key, segment.id, classes)
            self._observe(state, check, segment, new_obs)
            for key in keys:
                after = check.decision(key, index)
                if after == before[key] and key in state.decisions[cid]:
                    affected |= self._judge_key(state, check, key, segment.id)
                else:
                    affected |= self._judge_key(state, check, key, None)
        return {sid: self.segment_findings(sid) for sid in affected}

    def segment_findings(self, segment_id: str) -> list[Finding]:
        state = self._docs[self._doc_of_segment[segment_id]]
        out: list[Finding] = []
        for check in self._segment_checks:
            out.extend(state.segment_findings[check.id].get(segment_id, ()))
        for findings in state.by_segment.get(segment_id, {}).values():
            out.extend(findings)
        return sorted(out, key=_finding_order)

    # -- results ------------------------------------------------------------------------------------
    def result(self) -> QaResult:
        findings: list[Finding] = []
        errors: list[QaError] = list(self.setup_errors)
        for doc_findings, doc_errors in [*self._finished, *map(self._document_result, self._docs.values())]:
            findings.extend(doc_findings)
            errors.extend(doc_errors)
        return QaResult(findings, errors)

    def _document_result(self, state: _DocState) -> tuple[list[Finding], list[QaError]]:
        """A document's findings in segment order (then check order, side, span) and its errors."""
        check_rank = {check.id: i for i, check in enumerate(self.checks)}
        doc_findings: list[Finding] = []
        for check in self._segment_checks:
            for group in state.segment_findings[check.id].values():
                doc_findings.extend(group)
        for check in self._document_checks:
            for per_key in state.key_findings[check.id].values():
                for group in per_key.values():
                    doc_findings.extend(group)
        doc_findings.extend(state.judged)
        order = state.facts.order
        doc_findings.sort(
            key=lambda f: (order.get(f.segment, 0), check_rank.get(f.check, 0), *_finding_order(f))
        )
        return doc_findings, list(state.errors.values())


TRIM_EVERY = 200
"""Keys judged between two ``trim_caches`` in a one-time run."""


def trim_caches() -> None:
    """Empty the caches that judging a document's keys never hits (measured at 100k segments: no hit in
    6,000 dictionary rows, 2,500 number scans, 1,400 compound splits, 1,300 targets' bigrams): they only
    hold memory while a large run is judged."""
    from mtreview.qa.analysis import coverage, dictionary, lookup
    from mtreview.qa.checks import numbers

    for cached in (dictionary._lookup, numbers._scanned, lookup.compound_words, coverage._target):
        cached.cache_clear()


def release_caches() -> None:
    """Empty the analysers' and checks' caches of texts and words (a one-time run is over: what it cached
    is of no use to what comes next, and at 100k segments it is some 30 MB)."""
    from mtreview.qa.analysis import coverage, english, japanese, lookup
    from mtreview.qa.checks import term_candidates, term_learned

    trim_caches()
    for cached in (
        *(coverage._coverage, coverage._english_words, japanese.tokens),
        *(english._sentences, japanese._sentences, lookup.rendering_index, lookup.prefix_index),
        *(lookup.renderings, lookup.glosses, lookup.unit_glosses),
        *(term_candidates.source_candidates, term_learned._free_runs),
    ):
        cached.cache_clear()


def _finding_order(finding: Finding) -> tuple[int, int, int, str]:
    return (
        0 if finding.side.value == "source" else 1,
        -1 if finding.start is None else finding.start,
        -1 if finding.end is None else finding.end,
        finding.check,
    )


def run_checks(
    documents: Sequence[DocumentInput],
    settings: Mapping[str, Any] | None = None,
    progress: Progress = NO_PROGRESS,
    *,
    context: QaContext | None = None,
    workers: int | None = None,
) -> QaResult:
    """Run every enabled check on ``documents``; never raises for a check's failure (see ``errors``).
    ``workers``: processes for the first pass (``None``: ``parallel.worker_count`` decides by the size)."""
    from mtreview.qa.parallel import worker_count

    if workers is None:
        workers = worker_count(sum(len(d.segments) for d in documents))
    try:
        return IncrementalChecker(documents, settings, context, incremental=False).run(progress, workers)
    finally:
        if sum(len(d.segments) for d in documents) >= spill.SPILL_FROM:
            release_caches()  # (a small run's cache is welcome to the next)
