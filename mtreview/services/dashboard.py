"""What the Dashboard shows, computed without Qt (on a worker thread): scores, charts, worst segments,
progress per document, work per reviewer and per engine."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mtreview.domain.model import AnnotationState, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.services import charts as report_charts
from mtreview.services.project import ProjectService
from mtreview.services.scores import ScoreReport, SegmentScore, score_project


@dataclass(frozen=True)
class WorstSegment:
    segment_id: int
    document: str
    ordinal: int
    mqm: float
    chrf: float | None
    source: str


@dataclass(frozen=True)
class DashboardData:
    report: ScoreReport
    worst: list[WorstSegment]
    confirmed: dict[str, tuple[int, int]]
    """document name -> (approved segments, all segments)."""
    reviewers: dict[str, Counter[str]]
    """author -> counts: "annotations", "approved", and one key per severity."""
    charts: dict[str, str] = field(default_factory=dict)
    """chart name -> self-contained SVG."""


def _sort_key(s: SegmentScore) -> tuple[float, float]:
    return (-s.mqm_penalty, s.chrf if s.chrf is not None else 101.0)


def build(service: ProjectService, progress: Progress = NO_PROGRESS, worst: int = 25) -> DashboardData:
    store = service._store
    rep = score_project(store, progress=progress)
    ids: dict[str, tuple[int, str, int, str]] = {}
    confirmed: dict[str, tuple[int, int]] = {}
    reviewers: dict[str, Counter[str]] = {}
    docs = {d.id: d for d in store.documents()}
    for seg in store.iter_segments():
        doc = docs[seg.document_id].name
        ids[f"{doc}#{seg.ordinal}"] = (seg.id, doc, seg.ordinal, seg.source)
        done, total = confirmed.get(doc, (0, 0))
        approved = seg.status == Status.APPROVED
        confirmed[doc] = (done + approved, total + 1)
        if approved and seg.author:
            reviewers.setdefault(seg.author, Counter())["approved"] += 1
    for ann in store.annotations(states=[AnnotationState.CONFIRMED]):
        who = ann.author if ann.origin == "manual" else f"{ann.author} ({ann.origin})"
        counter = reviewers.setdefault(who, Counter())
        counter["annotations"] += 1
        counter[ann.severity.value] += 1
    ranked = sorted((s for s in rep.segments if s.mqm_penalty > 0 or s.chrf is not None), key=_sort_key)
    worst_rows = [
        WorstSegment(ids[s.id][0], ids[s.id][1], ids[s.id][2], s.mqm_penalty, s.chrf, ids[s.id][3])
        for s in ranked[:worst]
        if s.id in ids
    ]
    return DashboardData(rep, worst_rows, confirmed, reviewers)


def render_charts(rep: ScoreReport) -> dict[str, str]:
    """The charts as self-contained SVG (matplotlib). Called on the GUI thread: FreeType and matplotlib's
    caches are not meant to be used from a worker while the GUI renders text."""
    charts: dict[str, str] = {}
    for name, svg in (
        ("errors", report_charts.chart_errors(rep)),
        ("quality", report_charts.chart_quality(rep)),
        (
            "chrf",
            report_charts.chart_histogram(
                [s.chrf for s in rep.segments if s.chrf is not None], "chrF", "#1f77b4"
            ),
        ),
        (
            "mqm",
            report_charts.chart_histogram(
                [s.mqm_penalty for s in rep.segments if s.mqm_penalty > 0], "MQM", "#d62728"
            ),
        ),
    ):
        if svg:
            charts[name] = svg
    return charts
