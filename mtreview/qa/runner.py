"""Running checks over documents, and re-checking one edited segment incrementally.

``run_checks(documents, settings, progress) -> QaResult`` is the long job (a plain function: the UI runs
it on a worker). A check that raises on one segment is reported as an error of that check for that
segment and the run continues.

``IncrementalChecker`` keeps, per document, each segment check's findings per segment and each document
check's observations per key; ``update_segment`` re-runs the segment checks on the edited segment and
re-judges only the keys of document checks that the old or new text touched (name and term consistency,
register). The document's length statistics are updated in place; other segments' omission findings are
not re-evaluated on an edit (one pair barely moves the document's distribution).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.qa.base import Check, DocumentInput, Finding, QaError, QaResult, SegmentInput
from mtreview.qa.context import DocumentFacts, QaContext
from mtreview.qa.registry import available_checks, check_setting


def _error_message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def instantiate_checks(settings: Mapping[str, Any] | None, context: QaContext,
                       only: Iterable[str] | None = None) -> tuple[list[Check], list[QaError]]:
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
    return checks, errors


class _DocState:
    def __init__(self, document: DocumentInput, facts: DocumentFacts) -> None:
        self.document = document
        self.facts = facts
        self.segment_findings: dict[str, dict[str, list[Finding]]] = {}
        """check id → segment id → findings."""
        self.observations: dict[str, dict[Hashable, dict[str, list[Any]]]] = {}
        """check id → key → segment id → items."""
        self.segment_keys: dict[str, dict[str, set[Hashable]]] = {}
        self.key_findings: dict[str, dict[Hashable, list[Finding]]] = {}
        self.errors: dict[tuple[str, str | None], QaError] = {}


class IncrementalChecker:
    def __init__(self, documents: Sequence[DocumentInput], settings: Mapping[str, Any] | None = None,
                 context: QaContext | None = None, only: Iterable[str] | None = None) -> None:
        self.context = context or QaContext.from_settings(settings)
        self.checks, self.setup_errors = instantiate_checks(settings, self.context, only)
        self.setup_errors = list(self.context.errors) + self.setup_errors
        self.documents = list(documents)
        self._docs: dict[str, _DocState] = {}
        self._doc_of_segment: dict[str, str] = {}

    # -- full run -----------------------------------------------------------------------------------
    def run(self, progress: Progress = NO_PROGRESS) -> QaResult:
        total = sum(len(d.segments) for d in self.documents)
        done = 0
        for document in self.documents:
            progress.check()
            state = self._prepare(document)
            for segment in document.segments:
                self._check_segment(state, segment)
                done += 1
                if done % 1000 == 0:
                    progress.check()
                    progress.report(done, total, document.name)
            for check in self.checks:
                if check.document_level:
                    self._judge(state, check, set(state.observations[check.id]))
        progress.report(total, total, "")
        return self.result()

    def _prepare(self, document: DocumentInput) -> _DocState:
        facts = DocumentFacts(document, self.context)
        state = _DocState(document, facts)
        self._docs[document.name] = state
        for segment in document.segments:
            self._doc_of_segment[segment.id] = document.name
        for check in self.checks:
            if check.document_level:
                state.observations[check.id] = {}
                state.segment_keys[check.id] = {}
                state.key_findings[check.id] = {}
            else:
                state.segment_findings[check.id] = {}
        return state

    def _check_segment(self, state: _DocState, segment: SegmentInput) -> None:
        facts = state.facts
        for check in self.checks:
            cid = check.id
            state.errors.pop((cid, segment.id), None)
            try:
                if check.document_level:
                    keys: set[Hashable] = set()
                    obs = state.observations[cid]
                    for key, item in check.observe(segment, facts):
                        obs.setdefault(key, {}).setdefault(segment.id, []).append(item)
                        keys.add(key)
                    state.segment_keys[cid][segment.id] = keys
                else:
                    found = list(check.check_segment(segment, facts))
                    if found:
                        state.segment_findings[cid][segment.id] = found
                    else:
                        state.segment_findings[cid].pop(segment.id, None)
            except Exception as exc:  # one bad segment must not stop the run
                state.errors[(cid, segment.id)] = QaError(cid, segment.id, _error_message(exc))

    def _judge(self, state: _DocState, check: Check, keys: set[Hashable]) -> None:
        obs = state.observations[check.id]
        results = state.key_findings[check.id]
        for key in check.linked_keys(set(keys)):
            results.pop(key, None)
            items = obs.get(key)
            if not items:
                obs.pop(key, None)
                continue
            try:
                found = list(check.judge(key, items, state.facts, obs))
            except Exception as exc:
                state.errors[(check.id, f"key:{key}")] = QaError(check.id, None, _error_message(exc))
                continue
            if found:
                results[key] = found

    # -- incremental --------------------------------------------------------------------------------
    def update_segment(self, segment: SegmentInput) -> dict[str, list[Finding]]:
        """Re-check an edited segment (same id, new target); returns the current findings of every segment
        whose findings may have changed (the edited one and those sharing a consistency key with it)."""
        state = self._docs[self._doc_of_segment[segment.id]]
        state.facts.update_target(segment)
        touched: dict[str, set[Hashable]] = {}
        for check in self.checks:
            if check.document_level:
                old_keys = state.segment_keys[check.id].get(segment.id, set())
                obs = state.observations[check.id]
                for key in old_keys:
                    per_key = obs.get(key)
                    if per_key is not None:
                        per_key.pop(segment.id, None)
                touched[check.id] = set(old_keys)
        self._check_segment(state, segment)
        affected: set[str] = {segment.id}
        for check in self.checks:
            if check.document_level:
                keys = touched[check.id] | state.segment_keys[check.id].get(segment.id, set())
                keys = check.linked_keys(keys)
                for key in keys:
                    for finding in state.key_findings[check.id].get(key, ()):
                        affected.add(finding.segment)
                self._judge(state, check, keys)
                for key in keys:
                    for finding in state.key_findings[check.id].get(key, ()):
                        affected.add(finding.segment)
        return {sid: self.segment_findings(sid) for sid in affected}

    def segment_findings(self, segment_id: str) -> list[Finding]:
        state = self._docs[self._doc_of_segment[segment_id]]
        out: list[Finding] = []
        for check in self.checks:
            if check.document_level:
                for findings in state.key_findings[check.id].values():
                    out.extend(f for f in findings if f.segment == segment_id)
            else:
                out.extend(state.segment_findings[check.id].get(segment_id, ()))
        return sorted(out, key=_finding_order)

    # -- results ------------------------------------------------------------------------------------
    def result(self) -> QaResult:
        findings: list[Finding] = []
        errors: list[QaError] = list(self.setup_errors)
        check_rank = {check.id: i for i, check in enumerate(self.checks)}
        for state in self._docs.values():
            doc_findings: list[Finding] = []
            for check in self.checks:
                if check.document_level:
                    for group in state.key_findings[check.id].values():
                        doc_findings.extend(group)
                else:
                    for group in state.segment_findings[check.id].values():
                        doc_findings.extend(group)
            order = state.facts.order
            doc_findings.sort(key=lambda f: (order.get(f.segment, 0), check_rank.get(f.check, 0),
                                             *_finding_order(f)))
            findings.extend(doc_findings)
            errors.extend(state.errors.values())
        return QaResult(findings, errors)


def _finding_order(finding: Finding) -> tuple[int, int, int, str]:
    return (0 if finding.side.value == "source" else 1, -1 if finding.start is None else finding.start,
            -1 if finding.end is None else finding.end, finding.check)


def run_checks(documents: Sequence[DocumentInput], settings: Mapping[str, Any] | None = None,
               progress: Progress = NO_PROGRESS, *, context: QaContext | None = None) -> QaResult:
    """Run every enabled check on ``documents``; never raises for a check's failure (see ``errors``)."""
    return IncrementalChecker(documents, settings, context).run(progress)
