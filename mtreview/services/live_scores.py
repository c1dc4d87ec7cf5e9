"""Live scores for an open project: MQM and edit metrics kept up to date from ``Changes``.

Built once from the store; afterwards each mutation costs O(changed segments): one sentence's sacrebleu
statistics and the MQM counts of that segment's confirmed annotations. Corpus figures come from the
aggregators' running sums, so they equal sacrebleu's corpus scores exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mtreview.domain.model import Annotation, AnnotationState, Changes, Segment, Severity
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.scoring import metrics, verdict
from mtreview.scoring.mqm import DocumentMqm, MqmAggregator
from mtreview.services.project import ProjectService
from mtreview.services.scores import project_policy


@dataclass(frozen=True)
class SegmentFigures:
    mqm: float
    chrf: float | None
    ter: float | None
    proposed: int
    confirmed: Counter[str]


class LiveScores:
    def __init__(self, service: ProjectService, progress: Progress = NO_PROGRESS) -> None:
        self.service = service
        self.reload(progress)

    def reload(self, progress: Progress = NO_PROGRESS) -> None:
        """Build everything from the store: one pass over the segments, statistics in chunks, MQM in bulk."""
        store = self.service._store
        policy, threshold = project_policy(store)
        mqm = MqmAggregator(policy, threshold)
        docs = store.documents()
        self._doc_names = {d.id: d.name for d in docs}
        self._engines = {d.id: d.engine for d in docs}
        segment_doc: dict[int, int] = {}
        reviewed: dict[int, bool] = {}
        rows: list[tuple[int, str, str, str, str | None]] = []
        corrected: list[Segment] = []
        total = sum(d.segment_count for d in docs)
        for n, seg in enumerate(store.iter_segments(), start=1):
            segment_doc[seg.id] = seg.document_id
            reviewed[seg.id] = verdict.is_reviewed(seg.status.value, seg.corrected)
            rows.append(
                (
                    seg.id,
                    self._doc_names[seg.document_id],
                    seg.source,
                    seg.target,
                    self._engines.get(seg.document_id),
                )
            )
            if seg.corrected is not None:
                corrected.append(seg)
            if n % 5000 == 0:
                progress.check()
                progress.report(n, total, "")
        annotations: dict[int, list[Annotation]] = {}
        for ann in store.annotations(states=[AnnotationState.CONFIRMED, AnnotationState.PROPOSED]):
            annotations.setdefault(ann.segment_id, []).append(ann)
        mqm.load(
            rows,
            [
                (a.id, a.segment_id, a.category, a.severity, "")
                for anns in annotations.values()
                for a in anns
                if a.state == AnnotationState.CONFIRMED
            ],
        )
        corpus: dict[int, metrics.CorpusAggregator] = {}
        stats: dict[int, metrics.SegmentStats | None] = {}
        pairs = [metrics.MetricInput(mt=s.mt, corrected=s.corrected or "") for s in corrected]
        for n, (seg, st) in enumerate(zip(corrected, metrics.segment_stats(pairs), strict=True), start=1):
            stats[seg.id] = st
            corpus.setdefault(seg.document_id, metrics.CorpusAggregator()).set(seg.id, st)
            if n % 2000 == 0:
                progress.check()
        for doc_id in self._doc_names:
            corpus.setdefault(doc_id, metrics.CorpusAggregator())
        self.mqm, self._segment_doc, self._corpus, self._stats = mqm, segment_doc, corpus, stats
        self._annotations = annotations
        self._reviewed = reviewed
        self._reviewed_count: Counter[int] = Counter(segment_doc[sid] for sid, r in reviewed.items() if r)

    @staticmethod
    def _segment_stats(seg: Segment) -> metrics.SegmentStats | None:
        if seg.corrected is None:
            return None
        return metrics.one_segment_stats(metrics.MetricInput(mt=seg.mt, corrected=seg.corrected))

    def apply(self, changes: Changes, known: Sequence[Segment] = ()) -> None:
        """Bring the figures up to date after a mutation. ``known``: fresh copies of changed segments the
        caller already has (not read again); when no annotation changed, their annotations are kept."""
        if changes.documents or changes.settings:
            self.reload()
            return
        store = self.service._store
        wanted = sorted(changes.segments)
        given = {seg.id: seg for seg in known if seg.id in changes.segments}
        missing = [sid for sid in wanted if sid not in given]
        segments = [given[sid] for sid in wanted if sid in given]
        if missing:
            segments += store.segments(missing)
        if any(seg.document_id not in self._doc_names for seg in segments) or (
            len(segments) != len(wanted) and any(sid in self._segment_doc for sid in wanted)
        ):
            # Segments appeared in an unknown document or disappeared (a re-alignment, maybe by a
            # colleague): rebuild rather than guess.
            self.reload()
            return
        fresh_annotations: dict[int, list[Annotation]] = {}
        # No annotation changed: a known segment keeps the annotations already loaded for it.
        known_ids = {s.id for s in segments if s.id in self._segment_doc}
        unchanged = known_ids if not changes.annotations else set()
        if len(unchanged) < len(segments):
            for ann in store.annotations(
                segment_ids=[s.id for s in segments if s.id not in unchanged],
                states=[AnnotationState.CONFIRMED, AnnotationState.PROPOSED],
            ):
                fresh_annotations.setdefault(ann.segment_id, []).append(ann)
        for sid in unchanged:
            fresh_annotations[sid] = self._annotations.get(sid, [])
        for seg in segments:
            stats = self._segment_stats(seg)
            self._stats[seg.id] = stats
            self._corpus.setdefault(seg.document_id, metrics.CorpusAggregator()).set(seg.id, stats)
            # remove_segment drops its annotations too; the target length may have changed, so the
            # segment is registered again with its current text
            self._rebuild_segment(seg, known=seg.id in self._segment_doc)
            self._segment_doc[seg.id] = seg.document_id
            now = verdict.is_reviewed(seg.status.value, seg.corrected)
            before = self._reviewed.get(seg.id, False)
            if now != before:
                self._reviewed_count[seg.document_id] += 1 if now else -1
            self._reviewed[seg.id] = now
            fresh = fresh_annotations.get(seg.id, [])
            self._annotations[seg.id] = fresh
            for ann in fresh:
                if ann.state == AnnotationState.CONFIRMED:
                    self.mqm.add_annotation(ann.id, ann.segment_id, ann.category, ann.severity)

    def _rebuild_segment(self, seg: Segment, known: bool) -> None:
        """Re-register a segment with its current text (the per-1,000-characters figure follows edits)."""
        if known:
            self.mqm.remove_segment(seg.id)
        self.mqm.add_segment(
            seg.id,
            self._doc_names[seg.document_id],
            seg.source,
            seg.target,
            system=self._engines.get(seg.document_id),
        )
        self.mqm.add_item(seg.id, "")

    # ------------------------------------------------------------------ reading
    def segment(self, segment_id: int) -> SegmentFigures:
        stats = self._stats.get(segment_id)
        anns = self._annotations.get(segment_id, [])
        confirmed = Counter(a.severity.value for a in anns if a.state == AnnotationState.CONFIRMED)
        known = segment_id in self._segment_doc
        return SegmentFigures(
            mqm=self.mqm.segment_penalty(segment_id) if known else 0.0,
            chrf=None if stats is None else metrics.chrf_of(stats.chrf),
            ter=None if stats is None else metrics.ter_of(stats.ter),
            proposed=sum(1 for a in anns if a.state == AnnotationState.PROPOSED),
            confirmed=confirmed,
        )

    def annotations(self, segment_id: int) -> list[Annotation]:
        return list(self._annotations.get(segment_id, []))

    def worst(self, segment_id: int) -> Severity | None:
        anns = self._annotations.get(segment_id, [])
        return max((a.severity for a in anns), key=lambda s: s.rank, default=None)

    def document(self, document_id: int) -> DocumentMqm:
        return self.mqm.document(self._doc_names[document_id])

    def judgement(self, document_id: int) -> verdict.Judgement:
        """Pass, fail, in progress or not reviewed (``scoring.verdict``)."""
        doc = self.document(document_id)
        return verdict.judgement(doc.quality, doc.threshold, self._reviewed_count[document_id], doc.segments)

    def document_chrf(self, document_id: int) -> float | None:
        agg = self._corpus.get(document_id)
        return None if agg is None else agg.scores().chrf

    def document_of(self, segment_id: int) -> int | None:
        return self._segment_doc.get(segment_id)
