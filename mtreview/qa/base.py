"""The check engine's values and the ``Check`` base class (no Qt, no storage).

A check is a small class with a stable ``id``, a translatable ``name`` and ``description``, a default MQM
category and severity, an enabled-by-default flag and parameters. Two shapes:

* a *segment* check implements ``check_segment(segment, doc)`` and sees one segment at a time (it may read
  document-level facts from ``doc``, e.g. which English names are persons);
* a *document* check implements ``observe(segment, doc)`` returning ``(key, item)`` observations per segment
  and ``judge(key, observations, doc)`` turning all observations of one key in a document into findings.
  The runner caches observations per document, so re-checking an edited segment only re-judges the keys
  that segment touched (``mtreview.qa.runner.IncrementalChecker``).

Offsets are code points (Python ``str`` indices) into ``source`` or ``target``; ``None`` means the whole
segment, and then ``text`` is the whole string (PRODUCT.md, ``mtreview qa`` contract).
"""

from __future__ import annotations

import sys
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from mtreview.domain.model import MANUAL, AnnotationDraft, AnnotationState, Severity, Side
from mtreview.i18n import _

if TYPE_CHECKING:
    from mtreview.qa.context import DocumentFacts, QaContext


@dataclass(frozen=True, slots=True)
class SegmentInput:
    """What a check sees of one segment. ``target`` is the current Japanese (the correction if any)."""

    id: str
    document: str
    source: str
    target: str
    source_lines: tuple[int, ...] = ()
    target_lines: tuple[int, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        # the texts as UTF-8 bytes: pickling a str makes CPython keep a UTF-8 copy inside every non-ASCII
        # string for the rest of its life (30 MB more, at 100k segments, in the process that sends them to
        # the check workers)
        return (
            _segment_input,
            (
                self.id,
                self.document,
                self.source.encode("utf-8", "surrogatepass"),
                self.target.encode("utf-8", "surrogatepass"),
                self.source_lines,
                self.target_lines,
            ),
        )


def _segment_input(
    sid: str,
    document: str,
    source: bytes,
    target: bytes,
    source_lines: tuple[int, ...],
    target_lines: tuple[int, ...],
) -> SegmentInput:
    text = "utf-8", "surrogatepass"
    return SegmentInput(sid, document, source.decode(*text), target.decode(*text), source_lines, target_lines)


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """One document's segments, in order; consistency checks see all of them."""

    name: str
    segments: Sequence[SegmentInput]
    """In order: a tuple, or (a whole project's, for one run of every check) ``qa.packed.PackedSegments``."""


SHARED_TEXT = 8
"""A finding's text up to this many characters is shared by every finding that quotes the same text."""


@dataclass(frozen=True, slots=True)
class Finding:
    segment: str
    check: str
    category: str
    severity: Severity
    side: Side
    start: int | None
    end: int | None
    text: str
    message: str
    suggestion: str | None = None
    source_start: int | None = None
    """For a target finding: where the English evidence it contradicts starts (code points into source)."""
    source_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "segment": self.segment,
            "check": self.check,
            "category": self.category,
            "severity": self.severity.value,
            "side": self.side.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "source_start": self.source_start,
            "source_end": self.source_end,
        }

    def to_draft(self, segment_id: int) -> AnnotationDraft:
        """The proposed annotation a reviewer confirms or dismisses (``origin`` is the check id)."""
        return AnnotationDraft(
            segment_id=segment_id,
            category=self.category,
            severity=self.severity,
            side=self.side,
            start=self.start,
            end=self.end,
            comment=self.message,
            suggestion=self.suggestion,
            origin=self.check if self.check else MANUAL,
            state=AnnotationState.PROPOSED,
        )


@dataclass(frozen=True, slots=True)
class QaError:
    """A check that could not run (bad lexicon, a bug on one segment): reported, the run goes on."""

    check: str
    segment: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "segment": self.segment, "message": self.message}


@dataclass(slots=True)
class QaResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[QaError] = field(default_factory=list)

    def by_check(self) -> dict[str, list[Finding]]:
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.check, []).append(finding)
        return groups

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)


Observation = tuple[Hashable, Any]


class KeyIndex:
    """A document check's observations: key → segment id → items, with per-key class counts."""

    def __init__(self) -> None:
        self.observations: dict[Hashable, dict[str, list[Any]]] = {}
        self._counts: dict[Hashable, dict[Hashable, int]] = {}

    def add(self, key: Hashable, segment_id: str, item: Any, item_class: Hashable) -> None:
        self.observations.setdefault(key, {}).setdefault(segment_id, []).append(item)
        counts = self._counts.setdefault(key, {})
        counts[item_class] = counts.get(item_class, 0) + 1

    def remove_segment(self, key: Hashable, segment_id: str, classes: list[Hashable]) -> None:
        per_key = self.observations.get(key)
        if per_key is not None:
            per_key.pop(segment_id, None)
            if not per_key:
                del self.observations[key]
        counts = self._counts.get(key)
        if counts is not None:
            for item_class in classes:
                counts[item_class] -= 1
                if counts[item_class] <= 0:
                    del counts[item_class]
            if not counts:
                del self._counts[key]

    def get(self, key: Hashable) -> dict[str, list[Any]]:
        return self.observations.get(key, {})

    def key_list(self) -> list[Hashable]:
        """Every key, in the order it was first observed."""
        return list(self.observations)

    def counts(self, key: Hashable) -> Mapping[Hashable, int]:
        """Items per class for ``key`` (kept up to date on every edit)."""
        return self._counts.get(key, {})

    def total(self, key: Hashable) -> int:
        return sum(self._counts.get(key, {}).values())


class Check:
    """Base class of every check. Subclasses set the class attributes and override one shape's methods."""

    id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    """Marked with ``N_``; shown through ``display_name`` (translated at call time)."""
    description: ClassVar[str] = ""
    category: ClassVar[str] = "Other"
    severity: ClassVar[Severity] = Severity.MINOR
    enabled_by_default: ClassVar[bool] = True
    document_level: ClassVar[bool] = False
    beside: frozenset[str] = frozenset()
    """The ids of the checks of the same run (``runner.instantiate_checks``): a check may leave to another
    what that one reports better (the numbers check leaves a wrong day of a month to the dates check)."""
    parameters: ClassVar[Mapping[str, Any]] = {}
    """Defaults of the check's parameters; per-project settings override them."""

    def __init__(
        self, context: QaContext, params: Mapping[str, Any] | None = None, severity: Severity | None = None
    ) -> None:
        self.context = context
        self.params: dict[str, Any] = {**self.parameters, **(params or {})}
        self.default_severity = severity or self.severity

    # -- presentation -------------------------------------------------------------------------------
    @classmethod
    def display_name(cls) -> str:
        return _(cls.name)

    @classmethod
    def display_description(cls) -> str:
        return _(cls.description)

    # -- segment checks -----------------------------------------------------------------------------
    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        return ()

    def dependents(self, segment_id: str, doc: DocumentFacts) -> Iterable[str]:
        """The other segments whose findings of this segment check read the translation of
        ``segment_id``: re-checked after it is edited (most checks read only their own segment's)."""
        return ()

    # -- document checks ----------------------------------------------------------------------------
    def observe(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Observation]:
        return ()

    def item_class(self, item: Any) -> Hashable:
        """What the runner counts per key (a rendering, a style), so that ``decision`` needs no scan."""
        return None

    def decision(self, key: Hashable, index: KeyIndex) -> Hashable:
        """The document-level verdict for ``key`` (e.g. the majority rendering). When an edit leaves it
        unchanged, only the edited segment's observations are re-judged."""
        return None

    def silent(self, key: Hashable, index: KeyIndex) -> bool:
        """Whether ``judge`` finds nothing for ``key`` whatever its items are (decided from the counts): a
        one-time run then does not read them (a register's majority style has an item per sentence of the
        document)."""
        return False

    def judge(
        self, key: Hashable, observations: Mapping[str, list[Any]], doc: DocumentFacts, index: KeyIndex
    ) -> Iterable[Finding]:
        """Findings for one key over ``observations`` (segment id → items; all of the key's segments, or
        only the edited one when the decision did not change). Decide from ``index.counts(key)``."""
        return ()

    def linked_keys(self, keys: set[Hashable]) -> set[Hashable]:
        """Keys whose judgement depends on ``keys`` (re-judged together after an edit)."""
        return keys

    # -- helpers ------------------------------------------------------------------------------------
    def finding(
        self,
        segment: SegmentInput,
        side: Side,
        start: int | None,
        end: int | None,
        message: str,
        suggestion: str | None = None,
        *,
        severity: Severity | None = None,
        category: str | None = None,
        evidence: tuple[int, int] | None = None,
    ) -> Finding:
        text_of = segment.source if side is Side.SOURCE else segment.target
        if start is None or end is None:
            start = end = None
            text = text_of
        else:
            if not 0 <= start <= end <= len(text_of):
                raise ValueError(f"{self.id}: span {start}..{end} outside the {side.value} text")
            text = text_of[start:end]
            if end - start <= SHARED_TEXT:
                text = sys.intern(text)  # one string for the many findings on the same short span (だ, です)
        source_start = source_end = None
        if evidence is not None and side is Side.TARGET:
            source_start, source_end = evidence
            if not 0 <= source_start <= source_end <= len(segment.source):
                raise ValueError(f"{self.id}: evidence {source_start}..{source_end} outside the source")
        return Finding(
            segment=segment.id,
            check=self.id,
            category=category or self.category,
            severity=severity or self.default_severity,
            side=side,
            start=start,
            end=end,
            text=text,
            message=message,
            suggestion=suggestion,
            source_start=source_start,
            source_end=source_end,
        )
