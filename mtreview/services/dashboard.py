"""What the Dashboard shows, computed without Qt (on a worker thread): scores, charts, worst segments,
progress per document, work per reviewer and per engine."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field, fields
from operator import itemgetter

from mtreview.domain.model import AnnotationState, Severity, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.scoring import verdict
from mtreview.scoring.mqm import MqmAggregator
from mtreview.services import charts as report_charts
from mtreview.services.labels import check_label
from mtreview.services.project import ProjectService
from mtreview.services.scores import ScoreReport, _assemble, project_policy


@dataclass(frozen=True)
class WorstSegment:
    segment_id: int
    document: str
    ordinal: int
    mqm: float
    chrf: float | None
    source: str


@dataclass(frozen=True)
class DashboardReport(ScoreReport):
    """The dashboard's scores: documents, systems, signatures, errors by category and severity, but no
    per-segment scores (the dashboard lists none); what its histograms need instead."""

    chrf_values: list[float] = field(default_factory=list)
    """Sentence chrF of every corrected segment."""
    mqm_values: list[float] = field(default_factory=list)
    """MQM penalty of every segment that has one."""


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


def build(service: ProjectService, progress: Progress = NO_PROGRESS, worst: int = 25) -> DashboardData:
    """The dashboard's numbers, grouped by the database: totals per document, confirmed annotations per
    segment, category, severity and author, statuses, and each corrected segment's stored statistics
    (``services.segment_stats``; the missing ones are computed and stored first). Nothing here walks
    every segment in Python except the corrected segments' stored statistics (chrF, the worst, the sums)."""
    from mtreview.services import segment_stats
    from mtreview.storage import figures

    store = service._store
    policy, threshold = project_policy(store)
    docs = {d.id: d for d in store.documents()}
    # The corrected segments with their stored statistics in one pass over the segment table (at 100k
    # segments each pass costs 0.2-0.3 s); the missing statistics are computed and stored first.
    signature = segment_stats.layout().signature
    metric_rows = figures.corrected_metrics(store, signature)
    stale = [r[0] for r in metric_rows if not r[3]]
    if stale:  # new corrections, or another configuration
        segment_stats.compute_and_store(store, stale, progress)
        metric_rows = figures.corrected_metrics(store, signature)
    valid = [r for r in metric_rows if r[3]]
    progress.check()
    totals = figures.document_totals(store)
    if any(uncounted for *_rest, uncounted in totals):
        segment_stats.count_words(store, figures.uncounted(store))
        totals = figures.document_totals(store)
    severities = {s.value: s for s in Severity}
    annotated = figures.confirmed_by_segment(store)
    by_segment: dict[int, list[tuple[int, str, Severity, int]]] = {}
    for sid, doc, category, severity, count in annotated:
        by_segment.setdefault(sid, []).append((doc, category, severities[severity], count))
    numbers = {r[0]: r for r in figures.segment_numbers_of(store, list(by_segment))}
    # MQM: the annotated segments one by one, every other segment of a document in bulk
    agg = MqmAggregator(policy, threshold)
    rest = {doc: [n, words or 0, chars] for doc, n, words, chars, _u in totals}
    for _sid, doc, _o, _v, words, chars, _c, _s in numbers.values():
        rest[doc][0] -= 1
        rest[doc][1] -= words or 0
        rest[doc][2] -= chars
    for doc, (n, words, chars) in rest.items():
        agg.add_totals(docs[doc].name, n, words, chars, docs[doc].engine)
    agg.load_counted(
        ((sid, docs[r[1]].name, r[4] or 0, r[5], docs[r[1]].engine) for sid, r in numbers.items()),
        (
            ((sid, k), sid, category, severity, "")
            for sid, items in by_segment.items()
            for k, (_doc, category, severity, count) in enumerate(items)
            for _ in range(count)
        ),
    )
    penalties = {sid: agg.segment_penalty(sid) for sid in numbers}
    # chrF, TER, BLEU per document from the stored statistics
    blobs: dict[int, list[bytes]] = {}
    chrf: dict[int, float] = {}
    valid.sort(key=itemgetter(1, 2))  # document order
    in_order: list[float] = []
    for sid, doc, _o, _current, sentence_chrf, blob in valid:
        blobs.setdefault(doc, []).append(blob)  # type: ignore[arg-type]
        chrf[sid] = sentence_chrf  # type: ignore[assignment]
        in_order.append(-1.0 if sentence_chrf is None else sentence_chrf)
    corpus = {docs[d].name: segment_stats.DocumentSums(items).scores() for d, items in blobs.items()}
    counts = figures.annotation_counts(store, AnnotationState.CONFIRMED.value)
    errors, by_author = Counter[tuple[str, str]](), Counter[tuple[str, str]]()
    reviewers: dict[str, Counter[str]] = {}
    for author, count in figures.approvals(store):
        reviewers.setdefault(author, Counter())["approved"] += count
    for category, severity, author, origin, count in counts:
        if policy.weight_class(category, severities[severity]) is not None:
            errors[(category.split("/", 1)[0], severity)] += count
            by_author[(author, severity)] += count
        who = author if origin == "manual" else f"{author} ({check_label(origin)})"  # in the UI language
        counter = reviewers.setdefault(who, Counter())
        counter["annotations"] += count
        counter[severity] += count
    statuses: Counter[tuple[str, str]] = Counter()
    reviewed: Counter[str] = Counter()
    confirmed: dict[str, tuple[int, int]] = {}
    for doc_id, status, count in figures.status_counts(store):
        name = docs[doc_id].name
        statuses[(name, status)] += count
        if verdict.is_reviewed(status, None):
            reviewed[name] += count
        done, total = confirmed.get(name, (0, 0))
        confirmed[name] = (done + (count if status == Status.APPROVED.value else 0), total + count)
    plain = _assemble(
        agg,
        [],
        corpus,
        {d.name: d.engine for d in docs.values()},
        reviewed,
        policy,
        threshold,
        errors,
        by_author,
        statuses,
        getattr(store, "display_name", ""),
    )
    report = DashboardReport(
        **{f.name: getattr(plain, f.name) for f in fields(ScoreReport)},
        chrf_values=list(chrf.values()),
        mqm_values=[p for p in penalties.values() if p > 0],
    )

    # the worst: penalised segments first (highest penalty, then lowest chrF), then the lowest chrF
    ranked = sorted(
        (sid for sid in numbers if penalties[sid] > 0),
        key=lambda sid: (-penalties[sid], chrf.get(sid, 101.0), numbers[sid][1], numbers[sid][2]),
    )[:worst]
    # then the lowest chrF, ties in document order (nsmallest is a stable sort; a missing chrF first)
    skip = set(ranked)
    lowest = heapq.nsmallest(worst + len(skip), range(len(valid)), key=in_order.__getitem__)
    ranked += [sid for sid in (valid[i][0] for i in lowest) if sid not in skip][: worst - len(ranked)]
    refs = {r[0]: r for r in figures.segment_refs(store, ranked)}
    worst_rows = [
        WorstSegment(
            sid, docs[refs[sid][1]].name, refs[sid][2], penalties.get(sid, 0.0), chrf.get(sid), refs[sid][3]
        )
        for sid in ranked
        if sid in refs
    ]
    return DashboardData(report, worst_rows, confirmed, reviewers)


def render_charts(data: DashboardData | ScoreReport) -> dict[str, str]:
    """The charts as self-contained SVG (matplotlib). Called on the GUI thread: FreeType and matplotlib's
    caches are not meant to be used from a worker while the GUI renders text."""
    rep = data.report if isinstance(data, DashboardData) else data
    if isinstance(rep, DashboardReport):
        chrf, mqm = rep.chrf_values, rep.mqm_values
    else:
        chrf = [s.chrf for s in rep.segments if s.chrf is not None]
        mqm = [s.mqm_penalty for s in rep.segments if s.mqm_penalty > 0]
    charts: dict[str, str] = {}
    for name, svg in (
        ("errors", report_charts.chart_errors(rep)),
        ("quality", report_charts.chart_quality(rep)),
        (
            "chrf",
            report_charts.chart_histogram(chrf, "chrF", "#1f77b4"),
        ),
        (
            "mqm",
            report_charts.chart_histogram(mqm, "MQM", "#d62728"),
        ),
    ):
        if svg:
            charts[name] = svg
    return charts
