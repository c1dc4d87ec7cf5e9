"""The numbers and texts of the HTML report, without any presentation (``services.report`` renders them).

A QA lead reads the report to decide what to send back: so besides the scores (``ScoreReport``) it holds
the worst segments with their source, MT, correction and annotations, an issue table by category and
severity with examples, how much has been reviewed, and the checks' proposals still waiting for a
decision. Everything here is plain data; ``assemble`` is the one place that derives it from scores,
annotations and texts, and each input kind (project, Google MQM TSV, other files) has a small loader.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationState, Severity, Side
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.services import scores as scoring
from mtreview.services.scores import ScoreReport, SegmentScore

WORST = 20
"""Worst segments shown with their texts."""
EXAMPLES = 3
"""Examples per (category, severity) cell of the issue table."""


@dataclass(frozen=True, slots=True)
class SegmentText:
    source: str
    mt: str
    corrected: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class ReportAnnotation:
    segment: str
    """``SegmentScore.id`` of the segment."""
    category: str
    severity: Severity
    side: Side = Side.TARGET
    start: int | None = None
    end: int | None = None
    """Code points into the MT (or the source, for ``Side.SOURCE``); ``None``: the whole segment."""
    comment: str = ""
    author: str = ""

    def covered(self, text: SegmentText) -> str:
        whole = text.source if self.side is Side.SOURCE else text.mt
        if self.start is None or self.end is None:
            return whole
        return whole[self.start : self.end]


@dataclass(frozen=True, slots=True)
class WorstSegment:
    score: SegmentScore
    text: SegmentText
    annotations: tuple[ReportAnnotation, ...]


@dataclass(frozen=True, slots=True)
class Example:
    segment: str
    text: str
    """The words the annotation covers."""


@dataclass(frozen=True, slots=True)
class IssueCell:
    category: str
    severity: Severity
    count: int
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class Pending:
    """Proposals of the automatic checks nobody has confirmed or dismissed yet (they do not count in MQM)."""

    by_document: Counter[str] = field(default_factory=Counter)
    by_check: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_document.values())


@dataclass(frozen=True)
class ReportData:
    scores: ScoreReport
    worst: list[WorstSegment]
    issues: list[IssueCell]
    """Confirmed annotations by (category, severity), most frequent first."""
    pending: Pending
    has_review: bool = True
    """The input carries a review (a project or rated TSV); a plain file has no statuses or annotations."""

    @property
    def segments(self) -> int:
        return len(self.scores.segments)

    @property
    def reviewed(self) -> int:
        return sum(d.reviewed for d in self.scores.documents)

    @property
    def share_reviewed(self) -> float:
        return self.reviewed / self.segments if self.segments else 0.0


def rank_worst(segments: Sequence[SegmentScore], n: int = WORST) -> list[SegmentScore]:
    """Segments with an MQM penalty, highest first (ties: lower chrF first, then document order)."""
    ranked = sorted(
        (s for s in segments if s.mqm_penalty > 0),
        key=lambda s: (-s.mqm_penalty, s.chrf if s.chrf is not None else 101.0),
    )
    return ranked[:n]


def assemble(
    scores: ScoreReport,
    annotations: Iterable[ReportAnnotation],
    texts: Callable[[Sequence[SegmentScore]], Mapping[str, SegmentText]],
    pending: Pending | None = None,
    *,
    worst: int = WORST,
    examples: int = EXAMPLES,
    has_review: bool = True,
) -> ReportData:
    """The report's contents. ``annotations`` are the confirmed ones; ``texts`` returns the texts of the
    segments asked for (only the worst and the examples are asked for, so a project need not load all)."""
    by_id = {s.id: s for s in scores.segments}
    cells: dict[tuple[str, Severity], list[ReportAnnotation]] = {}
    counts: Counter[tuple[str, Severity]] = Counter()
    per_segment: dict[str, list[ReportAnnotation]] = {}
    worst_scores = rank_worst(scores.segments, worst)
    wanted_worst = {s.id for s in worst_scores}
    for ann in annotations:
        if ann.segment not in by_id:
            continue
        key = (ann.category, ann.severity)
        counts[key] += 1
        shown = cells.setdefault(key, [])
        if len(shown) < examples:
            shown.append(ann)
        if ann.segment in wanted_worst:
            per_segment.setdefault(ann.segment, []).append(ann)
    needed = {s.id for s in worst_scores} | {a.segment for anns in cells.values() for a in anns}
    order = {s.id: n for n, s in enumerate(scores.segments)}
    text = texts([by_id[i] for i in sorted(needed, key=order.__getitem__)])
    issues = [
        IssueCell(
            category,
            severity,
            counts[(category, severity)],
            tuple(
                Example(a.segment, a.covered(text[a.segment]))
                for a in cells[(category, severity)]
                if a.segment in text
            ),
        )
        for category, severity in sorted(counts, key=lambda k: (-counts[k], -k[1].rank, k[0]))
    ]
    worst_rows = [
        WorstSegment(
            s,
            text[s.id],
            tuple(
                sorted(
                    per_segment.get(s.id, []),
                    key=lambda a: (-a.severity.rank, a.start if a.start is not None else -1),
                )
            ),
        )
        for s in worst_scores
        if s.id in text
    ]
    return ReportData(scores, worst_rows, issues, pending or Pending(), has_review)


# -- loaders -----------------------------------------------------------------------------------------


def for_project(
    service: Any, source_errors: str = "weighted", progress: Progress = NO_PROGRESS, worst: int = WORST
) -> ReportData:
    """A project's report (``service`` is a ``ProjectService``): only confirmed annotations count; the
    checks' open proposals are listed as pending."""
    store = service._store
    scores = scoring.score_project(store, source_errors, progress)
    score_of: dict[Any, SegmentScore] = {s.key: s for s in scores.segments}
    confirmed = [
        ReportAnnotation(
            score_of[a.segment_id].id,
            a.category,
            a.severity,
            a.side,
            a.start,
            a.end,
            a.comment,
            a.author,
        )
        for a in store.annotations(states=[AnnotationState.CONFIRMED])
        if a.segment_id in score_of
    ]
    pending = Pending()
    for a in store.annotations(states=[AnnotationState.PROPOSED]):
        seg = score_of.get(a.segment_id)
        if seg is not None:
            pending.by_document[seg.document] += 1
            pending.by_check[a.origin] += 1

    def texts(wanted: Sequence[SegmentScore]) -> dict[str, SegmentText]:
        found = {seg.id: seg for seg in store.segments([s.key for s in wanted])}
        return {
            s.id: SegmentText(seg.source, seg.mt, seg.corrected, seg.status.value)
            for s in wanted
            if (seg := found.get(s.key)) is not None
        }

    return assemble(scores, confirmed, texts, pending, worst=worst)


def for_mqm_tsv(path: str, source_errors: str = "weighted", progress: Progress = NO_PROGRESS) -> ReportData:
    """Google's MQM TSV: every rater's annotations (a segment rated by three shows three)."""
    from mtreview.formats.mqm_tsv import read_mqm_tsv

    scores = scoring.score_mqm_tsv(path, source_errors, progress)
    tsv = read_mqm_tsv(path)
    seg_id = {s.key: f"{s.system}/{s.seg_id}" for s in tsv.segments}
    all_texts = {seg_id[s.key]: SegmentText(s.source, s.target) for s in tsv.segments}
    annotations = [
        ReportAnnotation(
            seg_id[a.segment_key], a.category, a.severity, a.side, a.start, a.end, a.comment, a.rater
        )
        for a in tsv.annotations
        if a.segment_key in seg_id
    ]
    return assemble(scores, annotations, lambda wanted: all_texts, None)


def for_file(path: str, source_errors: str = "weighted", progress: Progress = NO_PROGRESS) -> ReportData:
    """Any other input the readers or the aligner take: scores from a corrected column, no annotations."""
    from mtreview.services.project import read_input

    doc = read_input(path, None, progress)
    scores = scoring.score_document(doc, source_errors, progress)
    all_texts = {
        str(i): SegmentText(s.source, s.target, s.corrected) for i, s in enumerate(doc.segments, start=1)
    }
    return assemble(scores, [], lambda wanted: all_texts, None, has_review=False)


def load(location: str, source_errors: str = "weighted", progress: Progress = NO_PROGRESS) -> ReportData:
    """The report of a project (``*.mtreview`` file or database URL), a Google MQM TSV or another input."""
    from mtreview.services.importing import is_project_location
    from mtreview.services.project import ProjectService

    if is_project_location(location):
        if "://" not in location and not Path(location).exists():
            raise InputError(_("no such file"), location)
        service = ProjectService.open(location, "report")
        try:
            return for_project(service, source_errors, progress)
        finally:
            service.close()
    if not os.path.exists(location):
        raise InputError(_("no such file"), location)
    if scoring.is_mqm_tsv(location):
        return for_mqm_tsv(location, source_errors, progress)
    return for_file(location, source_errors, progress)
