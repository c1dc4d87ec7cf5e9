"""Scores and the panels around the open segment: live MQM/chrF figures (grid columns and status bar),
the annotations, findings and history tabs, the checks on the correction, the progress count.

``on_scores_changed`` runs first on every change event (the grid and the status bar read the figures);
``on_changed`` then reloads only what the ``Changes`` touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Annotation, Changes, Segment, Severity, Side
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.scoring import typology as typologies
from mtreview.services.checking import CorrectionChecks
from mtreview.services.live_scores import LiveScores
from mtreview.services.project import ProjectService, ReviewProgress
from mtreview.ui.annotations import covered_text
from mtreview.ui.change_hub import ChangeEvent
from mtreview.ui.segment_model import RowExtras
from mtreview.ui.tasks import Task, describe_error

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow

SYNC_SCORING_LIMIT = 20_000
"""Projects up to this many segments get their scores before the window shows; larger ones on a worker."""
SYNC_FINDINGS_LIMIT = 2_000
"""Projects up to this many segments read the findings tab on the GUI thread (at once); larger on a worker."""
BULK_CHANGE = 200
"""A change of more segments than this rebuilds the live scores on a worker instead of on the GUI thread."""


class PanelsController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.live: LiveScores | None = None
        self._pending_score_changes: list[tuple[Changes, tuple[Segment, ...]]] = []
        self._progress: ReviewProgress | None = None
        self.scores_task: Task | None = None
        self._findings_task: Task | None = None
        self._findings_generation = 0
        self._scores_generation = 0
        self._check_tasks: dict[int, Task] = {}

    # ------------------------------------------------------------------ scores
    def load_scoring(self) -> None:
        """Typology, live scores and correction checks of the open project (again after settings change)."""
        w = self.w
        typology_id = w.service.get_setting("typology", typologies.DEFAULT_TYPOLOGY)
        try:
            self.typology = typologies.load(str(typology_id or typologies.DEFAULT_TYPOLOGY))
        except MtreviewError as exc:
            w.statusBar().showMessage(str(exc), 10000)
            self.typology = typologies.load(typologies.DEFAULT_TYPOLOGY)
        self.correction_checks = CorrectionChecks(w.service, build_later=self._check_in_background)
        self._pending_score_changes = []
        if w.service.segment_count() <= SYNC_SCORING_LIMIT:
            self._scores_generation += 1
            self.live = LiveScores(w.service)
            return
        # A large project: build the scores on a worker so the first screen appears at once.
        self._score_in_background(after_first_paint=True)

    def _check_in_background(self, document_id: int, make: Callable[[Progress], object]) -> None:
        """The checks on a large document's corrections are built on a worker (a first open of a 100k
        segment document would otherwise freeze the window while every segment is checked)."""
        w = self.w
        checks = self.correction_checks
        task = Task(make, w)

        def ready(result: object) -> None:
            if self.correction_checks is not checks:
                return  # settings changed or another project opened meanwhile: new checks are on their way
            checks.adopt(document_id, result)
            segment = w.review.current
            if segment is not None and segment.document_id == document_id:
                self.show_correction_checks(segment)

        task.succeeded.connect(ready)
        task.done.connect(task.deleteLater)
        self._check_tasks[document_id] = task
        task.start()

    def _score_in_background(self, after_first_paint: bool = False) -> None:
        """Build the live scores on a worker; changes announced meanwhile are applied when they are ready
        (applying a change twice is harmless: ``apply`` reads the segments' current state)."""
        w = self.w
        self.live = None
        self._pending_score_changes = []
        service = w.service
        self._scores_generation += 1
        generation = self._scores_generation
        task = Task(lambda progress: LiveScores(service, progress), w)

        def ready(live: object) -> None:
            if service is not w.service or generation != self._scores_generation:
                return  # another project was opened, or the scores are being built again
            assert isinstance(live, LiveScores)
            if sum(len(c.segments) for c, _k in self._pending_score_changes) > BULK_CHANGE:
                self._score_in_background()  # much changed meanwhile: again, rather than on this thread
                return
            for changes, known in self._pending_score_changes:
                live.apply(changes, known)
            self._pending_score_changes.clear()
            self.live = live
            w.model.refresh_all_extras()
            self.update_progress()

        def failed(exc: BaseException, details: str) -> None:
            w.statusBar().showMessage(_("Scores unavailable: {e}").format(e=describe_error(exc)), 10000)

        task.succeeded.connect(ready)
        task.failed.connect(failed)
        task.done.connect(task.deleteLater)
        self.scores_task = task
        if not after_first_paint:
            task.start()
            return

        def start_after_first_paint() -> None:
            if w.isVisible() or not w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                task.start()

        QTimer.singleShot(300, w, start_after_first_paint)

    def row_extras(self, segments: list[Segment]) -> dict[int, RowExtras]:
        out: dict[int, RowExtras] = {}
        if self.live is None:
            return out
        for seg in segments:
            figures = self.live.segment(seg.id)
            parts = [
                f"{n} {_(sev)}"
                for sev, n in sorted(figures.confirmed.items(), key=lambda kv: -Severity(kv[0]).rank)
            ]
            if figures.proposed:
                parts.append(_("{n} proposed").format(n=figures.proposed))
            worst = self.live.worst(seg.id)
            out[seg.id] = RowExtras(
                figures.mqm if figures.confirmed else None,
                figures.chrf,
                ", ".join(parts),
                None if worst is None else worst.value,
            )
        return out

    def on_scores_changed(self, event: ChangeEvent) -> None:
        """First subscriber: figures and checks are up to date before anything reads them."""
        changes = event.changes
        if changes.settings:
            self.load_scoring()  # typology, weights, checks: everything from scratch
        elif self.live is not None and len(changes.segments) > BULK_CHANGE and not changes.documents:
            self._score_in_background()  # a checks run, a sheet, a replace-all: not on this thread
        elif self.live is not None:
            self.live.apply(changes, event.segments)
        else:
            self._pending_score_changes.append((changes, event.segments))
        if changes.documents:
            self.correction_checks.forget()
        current = self.w.review.current
        built = self.correction_checks.has_document(None)
        if changes.segments and not changes.documents and event.texts and built:
            # only documents whose checker is built have anything to update (others are checked afresh
            # when a segment of theirs is opened)
            fresh = {s.id: s for s in event.segments}
            others = [sid for sid in sorted(changes.segments) if sid not in fresh]
            segments = list(fresh.values()) + (self.w.service.segments(others) if others else [])
            segments = [s for s in segments if self.correction_checks.has_document(s.document_id)]
            for seg in segments:
                if current is None or seg.id != current.id or seg.corrected is not None:
                    with contextlib.suppress(MtreviewError):
                        self.correction_checks.update(seg)  # incremental: this segment and its keys only

    # ------------------------------------------------------------------ the open segment's panels
    def segment_opened(self, segment: Segment | None) -> None:
        """Side panels and highlights follow the current segment."""
        self.refresh_annotations()
        self.show_correction_checks(segment)
        self.refresh_history()
        self.update_progress()
        if segment is not None:
            self.w.team.heartbeat()

    def on_changed(self, event: ChangeEvent) -> None:
        changes = event.changes
        w = self.w
        if changes.documents:
            QTimer.singleShot(0, self.refresh_findings)
            return  # the grid reloaded and opened a segment: its panels are fresh
        if changes.segments or changes.settings:
            self._progress = None  # statuses may have changed
        current = w.review.current
        if current is not None and current.id in changes.segments:
            # A text/status save of ours (its fresh copy given, no annotation in the changes) leaves the
            # annotations as they were; anything else (undo, a colleague, a sheet, checks) may not.
            if changes.annotations or event.fresh(current.id) is None:
                self.refresh_annotations()
            self.show_correction_checks(current)
            self.refresh_history()
        elif changes.annotations and self.w.annotation_panel.scope_is_document():
            self.refresh_annotations()
        if changes.annotations:
            self.refresh_findings()
        self.update_progress()

    def refresh_annotations(self) -> None:
        w = self.w
        seg = w.review.current
        if seg is None:
            w.annotation_panel.set_annotations([])
            w.editor.show_annotations([])
            return
        seg_anns = w.service.annotations(segment_ids=[seg.id])
        w.editor.show_annotations(seg_anns)
        if w.annotation_panel.scope_is_document():
            anns = w.service.annotations(document_id=seg.document_id)
            segs = {s.id: s for s in w.service.segments(sorted({a.segment_id for a in anns}))}
        else:
            anns, segs = seg_anns, {seg.id: seg}
        rows = [
            (a, covered_text(a, segs[a.segment_id].source, segs[a.segment_id].mt), segs[a.segment_id].ordinal)
            for a in anns
            if a.segment_id in segs
        ]
        w.annotation_panel.set_annotations(rows)

    def refresh_findings(self) -> None:
        """The findings tab, read on a worker (a checks run on a large document stores tens of thousands
        of proposals) and shown when read; a newer refresh supersedes one still reading."""
        w = self.w
        service, document_id = w.service, w.grid.document_id()
        self._findings_generation += 1
        generation = self._findings_generation
        if service.segment_count() <= SYNC_FINDINGS_LIMIT:  # a small project: at once
            w.findings_panel.set_findings(findings_rows(service, document_id))
            return
        task = Task(lambda _progress: findings_rows(service, document_id), w)

        def ready(rows: object) -> None:
            if generation == self._findings_generation and service is w.service:
                assert isinstance(rows, list)
                w.findings_panel.set_findings(rows)

        task.succeeded.connect(ready)
        task.done.connect(task.deleteLater)
        self._findings_task = task
        task.start()

    def refresh_history(self) -> None:
        w = self.w
        if w.side.currentWidget() is not w.history_panel:
            return
        seg = w.review.current
        w.history_panel.set_revisions([] if seg is None else w.service.revisions(seg.id))

    def show_correction_checks(self, segment: Segment | None, recheck: bool = False) -> None:
        if segment is None or segment.corrected is None:
            self.w.editor.show_correction_findings([])
            return
        try:
            findings = (
                self.correction_checks.update(segment)
                if recheck
                else self.correction_checks.findings(segment)
            )
        except MtreviewError as exc:
            self.w.statusBar().showMessage(describe_error(exc), 5000)
            return
        self.w.editor.show_correction_findings(findings)

    def select_annotation_span(self, ann: object) -> None:
        w = self.w
        if not isinstance(ann, Annotation):
            return
        if w.review.current is None or ann.segment_id != w.review.current.id:
            w.grid.select_segment(ann.segment_id)
        if ann.start is not None and ann.end is not None:
            view = w.editor.source if ann.side == Side.SOURCE else w.editor.mt
            view.select_span(ann.start, ann.end)

    # ------------------------------------------------------------------ the status bar
    def update_progress(self, recount: bool = False) -> None:
        """Progress (status counts: read again only after a change) and the open segment's scores."""
        w = self.w
        if recount or self._progress is None:
            self._progress = w.service.progress()
        progress = self._progress
        parts = [_("{done}/{total} confirmed").format(done=progress.confirmed, total=progress.total)]
        current = w.review.current
        if self.live is None:
            parts.append(_("computing scores…"))
        elif current is not None:
            figures = self.live.segment(current.id)
            seg_part = _("segment MQM {mqm:g}").format(mqm=figures.mqm)
            if figures.chrf is not None:
                seg_part += _(" · chrF {chrf:.1f} · TER {ter:.1f}").format(
                    chrf=figures.chrf, ter=figures.ter or 0.0
                )
            parts.append(seg_part)
            doc = self.live.document(current.document_id)
            judged = self.live.judgement(current.document_id)
            parts.append(
                _(
                    "document MQM {penalty:g} · {per100:.1f} per 100 words · {per1000:.1f} per 1,000 chars · "
                    "quality {quality} · {verdict} (threshold {threshold:g})"
                ).format(
                    penalty=doc.penalty,
                    per100=doc.per_100_words,
                    per1000=doc.per_1000_chars,
                    quality=judged.quality_text(),
                    verdict=judged.label(),
                    threshold=doc.threshold,
                )
            )
            chrf = self.live.document_chrf(current.document_id)
            if chrf is not None:
                parts.append(_("document chrF {chrf:.1f}").format(chrf=chrf))
        w.progress_label.setText(" · ".join(parts))


def findings_rows(service: ProjectService, document_id: int | None) -> list[tuple[Annotation, str, int]]:
    """The findings panel's rows (annotation, covered text, ordinal) of a document: on a worker."""
    anns = [a for a in service.annotations(document_id=document_id) if a.origin != "manual"]
    segs = {s.id: s for s in service.segments(sorted({a.segment_id for a in anns}))}
    return [
        (a, covered_text(a, segs[a.segment_id].source, segs[a.segment_id].mt), segs[a.segment_id].ordinal)
        for a in anns
        if a.segment_id in segs
    ]
