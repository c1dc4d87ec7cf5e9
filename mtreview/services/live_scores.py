"""Live scores for an open project: MQM and edit metrics kept up to date from ``Changes``.

Built from what the project stores, without reading the segments' texts (``storage.figures``): each
segment's word and character counts, the annotations' categories and severities, and each corrected
segment's sacrebleu statistics (``services.segment_stats``: stored with the segment version they
describe; only missing or stale ones are computed, and then stored). Segments without confirmed
annotations are counted into their document's MQM totals in bulk; a segment gets its own MQM entry when it
has confirmed annotations or changes. Afterwards each mutation costs O(changed segments): one sentence's
statistics (stored for the next open) and the MQM counts of that segment's confirmed annotations. Corpus
figures come from running sums, so they equal sacrebleu's corpus scores exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mtreview.domain.model import Annotation, AnnotationState, Changes, Segment, Severity
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.scoring import verdict
from mtreview.scoring.mqm import DocumentMqm, MqmAggregator, source_words
from mtreview.services import segment_stats
from mtreview.services.project import ProjectService
from mtreview.services.scores import project_policy
from mtreview.storage import figures

_CONFIRMED, _PROPOSED = AnnotationState.CONFIRMED.value, AnnotationState.PROPOSED.value
_STATES = (_CONFIRMED, _PROPOSED)
_SEVERITY = {s.value: s for s in Severity}
_Mark = tuple[int, str, Severity, str]
"""An annotation as the scores need it: id, category, severity, state."""


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
        """Build everything from the store: counts and annotations read in bulk, statistics as stored
        (the missing ones computed in chunks and stored)."""
        store = self.service._store
        policy, threshold = project_policy(store)
        docs = store.documents()
        names = self._doc_names = {d.id: d.name for d in docs}
        engines = self._engines = {d.id: d.engine for d in docs}
        rows = figures.segment_numbers(store, ordered=False)
        uncounted = [r[0] for r in rows if r[4] is None]
        counted = segment_stats.count_words(store, uncounted) if uncounted else {}
        numbers = {
            sid: (doc, counted[sid] if words is None else words, chars)
            for sid, doc, _o, _v, words, chars, _c, _s in rows
        }
        reviewed = {r[0] for r in rows if verdict.is_reviewed(r[7], None)}
        self._reviewed = reviewed
        """Segments a reviewer decided on (``scoring.verdict``), and how many per document."""
        self._reviewed_count: Counter[int] = Counter(numbers[sid][0] for sid in reviewed)
        marks: dict[int, list[_Mark]] = {}
        confirmed = []
        for aid, sid, category, severity, state in figures.annotation_marks(store, _STATES):
            sev = _SEVERITY[severity]
            marks.setdefault(sid, []).append((aid, category, sev, state))
            if state == _CONFIRMED:
                confirmed.append((aid, sid, category, sev, ""))
        # MQM: segments with confirmed annotations one by one, all others in bulk per document
        annotated = {a[1] for a in confirmed}
        totals: dict[int, list[int]] = {doc_id: [0, 0, 0] for doc_id in names}
        for sid, (doc, words, chars) in numbers.items():
            if sid not in annotated:
                bucket = totals[doc]
                bucket[0] += 1
                bucket[1] += words
                bucket[2] += chars
        mqm = MqmAggregator(policy, threshold)
        for doc_id, (n, words, chars) in totals.items():
            if n:
                mqm.add_totals(names[doc_id], n, words, chars, engines[doc_id])
        mqm.load_counted(
            (
                (sid, names[numbers[sid][0]], numbers[sid][1], numbers[sid][2], engines[numbers[sid][0]])
                for sid in sorted(annotated)
                if sid in numbers
            ),
            confirmed,
        )
        progress.check()
        stats = segment_stats.ensure(store, ((r[0], r[3]) for r in rows if r[6]), progress)
        by_doc: dict[int, list[bytes]] = {doc_id: [] for doc_id in names}
        for sid, found in stats.items():
            by_doc[numbers[sid][0]].append(found[3])
        self.mqm, self._numbers, self._marks, self._stats = mqm, numbers, marks, stats
        self._registered = annotated
        """Segments with their own MQM entry (the others are in their document's bulk totals)."""
        self._corpus = {doc_id: segment_stats.DocumentSums(blobs) for doc_id, blobs in by_doc.items()}

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
            len(segments) != len(wanted) and any(sid in self._numbers for sid in wanted)
        ):
            # Segments appeared in an unknown document or disappeared (a re-alignment, maybe by a
            # colleague): rebuild rather than guess.
            self.reload()
            return
        # No annotation changed: a known segment keeps the marks already loaded for it (no read).
        unchanged = {s.id for s in segments if s.id in self._numbers} if not changes.annotations else set()
        fresh: dict[int, list[_Mark]] = {
            s.id: list(self._marks.get(s.id, ())) if s.id in unchanged else [] for s in segments
        }
        reread = [s.id for s in segments if s.id not in unchanged]
        if reread:
            for aid, sid, category, severity, state in figures.annotation_marks(store, _STATES, reread):
                fresh[sid].append((aid, category, _SEVERITY[severity], state))
        stats = segment_stats.ensure(store, [(s.id, s.version) for s in segments if s.corrected is not None])
        for seg in segments:
            corpus = self._corpus.setdefault(seg.document_id, segment_stats.DocumentSums())
            old = self._stats.pop(seg.id, None)
            if old is not None:
                corpus.remove(old[3])
            new = stats.get(seg.id)
            if new is not None:
                self._stats[seg.id] = new
                corpus.add(new[3])
            # the target length may have changed: the segment is registered again with its current text
            self._rebuild_segment(seg)
            if fresh[seg.id]:
                self._marks[seg.id] = fresh[seg.id]
            else:
                self._marks.pop(seg.id, None)
            now = verdict.is_reviewed(seg.status.value, seg.corrected)
            if now != (seg.id in self._reviewed):
                self._reviewed_count[seg.document_id] += 1 if now else -1
                (self._reviewed.add if now else self._reviewed.discard)(seg.id)
            for aid, category, sev, state in fresh[seg.id]:
                if state == _CONFIRMED:
                    self.mqm.add_annotation(aid, seg.id, category, sev)

    def _rebuild_segment(self, seg: Segment) -> None:
        """Give a segment its own MQM entry with its current text (the per-1,000-characters figure
        follows edits), taking it out of its document's bulk totals or replacing its entry."""
        system = self._engines.get(seg.document_id)
        if seg.id in self._registered:
            self.mqm.remove_segment(seg.id)  # drops its annotations too
        elif seg.id in self._numbers:
            doc, words, chars = self._numbers[seg.id]
            self.mqm.add_totals(self._doc_names[doc], -1, -words, -chars, self._engines.get(doc))
        self.mqm.add_segment(seg.id, self._doc_names[seg.document_id], seg.source, seg.target, system=system)
        self.mqm.add_item(seg.id, "")
        self._registered.add(seg.id)
        self._numbers[seg.id] = (seg.document_id, source_words(seg.source), len(seg.target))

    # ------------------------------------------------------------------ reading
    def segment(self, segment_id: int) -> SegmentFigures:
        found = self._stats.get(segment_id)
        marks = self._marks.get(segment_id, [])
        confirmed = Counter(sev.value for _a, _c, sev, state in marks if state == _CONFIRMED)
        return SegmentFigures(
            mqm=self.mqm.segment_penalty(segment_id) if segment_id in self._registered else 0.0,
            chrf=None if found is None else found[1],
            ter=None if found is None else found[2],
            proposed=sum(1 for _a, _c, _s, state in marks if state == _PROPOSED),
            confirmed=confirmed,
        )

    def annotations(self, segment_id: int) -> list[Annotation]:
        """The segment's confirmed and proposed annotations (read from the project)."""
        return self.service._store.annotations(
            segment_ids=[segment_id], states=[AnnotationState.CONFIRMED, AnnotationState.PROPOSED]
        )

    def worst(self, segment_id: int) -> Severity | None:
        marks = self._marks.get(segment_id, [])
        return max((sev for _a, _c, sev, _s in marks), key=lambda s: s.rank, default=None)

    def document(self, document_id: int) -> DocumentMqm:
        return self.mqm.document(self._doc_names[document_id])

    def judgement(self, document_id: int) -> verdict.Judgement:
        """Pass, fail, in progress or not reviewed (``scoring.verdict``)."""
        doc = self.document(document_id)
        return verdict.judgement(doc.quality, doc.threshold, self._reviewed_count[document_id], doc.segments)

    def document_chrf(self, document_id: int) -> float | None:
        corpus = self._corpus.get(document_id)
        return None if corpus is None else corpus.scores().chrf

    def document_of(self, segment_id: int) -> int | None:
        entry = self._numbers.get(segment_id)
        return None if entry is None else entry[0]
