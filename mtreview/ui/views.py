"""The Alignment and Dashboard views: refreshed when shown and stale after changes, their jobs (dashboard
figures, engine comparison) on a worker, alignment edits as undoable commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from mtreview.domain.errors import MtreviewError
from mtreview.i18n import _
from mtreview.ui.change_hub import ChangeEvent
from mtreview.ui.tasks import Task, describe_error, run_with_progress

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


class ViewsController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.dashboard_stale = True
        self.dashboard_task: Task | None = None
        self.compare_task: Task | None = None
        window.alignment_view.operationRequested.connect(self.alignment_operation)
        window.alignment_view.realignRequested.connect(self.realign_document)
        window.alignment_view.documentChanged.connect(lambda _d: self.refresh_alignment())
        window.dashboard.refreshRequested.connect(self.refresh_dashboard)
        window.dashboard.segmentRequested.connect(self.open_segment_from_dashboard)
        window.dashboard.compareRequested.connect(self.compare_engines)
        window.views.currentChanged.connect(lambda _i: self.refresh_alignment())
        window.views.currentChanged.connect(lambda _i: self.maybe_refresh_dashboard())

    def on_changed(self, event: ChangeEvent) -> None:
        self.dashboard_stale = True
        if event.changes.documents:
            self.refresh_alignment(self.w.alignment_view.current_row())

    # ------------------------------------------------------------------ dashboard
    def maybe_refresh_dashboard(self) -> None:
        if self.w.views.currentWidget() is self.w.dashboard and self.dashboard_stale:
            self.refresh_dashboard()

    def refresh_dashboard(self) -> None:
        from mtreview.services.dashboard import DashboardData, build, render_charts

        w = self.w
        if self.dashboard_task is not None:
            return
        self.dashboard_stale = False
        w.dashboard.set_documents(w.service.documents())
        w.dashboard.status.setText(_("Computing scores…"))
        service = w.service
        task = Task(lambda progress: build(service, progress), w)

        def done(data: object) -> None:
            assert isinstance(data, DashboardData)
            data.charts.update(render_charts(data.report))  # charts are drawn on the GUI thread
            w.dashboard.show_data(data)

        def failed(exc: BaseException, details: str) -> None:
            w.dashboard.status.setText(
                _("Could not compute the dashboard: {e}").format(e=describe_error(exc))
            )

        def finished() -> None:
            self.dashboard_task = None
            task.deleteLater()

        task.succeeded.connect(done)
        task.failed.connect(failed)
        task.done.connect(finished)
        self.dashboard_task = task
        task.start()

    def open_segment_from_dashboard(self, segment_id: int) -> None:
        w = self.w
        w.views.setCurrentIndex(0)
        if not w.grid.select_segment(segment_id):
            w.grid.clear_filters()
            w.grid.select_segment(segment_id)
        w.editor.correction.setFocus()

    def compare_engines(self, doc_a: int, doc_b: int) -> None:
        from mtreview.services.compare import compare_engines

        w = self.w
        service = w.service

        def done(results: object) -> None:
            lines = []
            for c in results:  # type: ignore[attr-defined]
                verdict = _("significant (p < 0.05)") if c.significant() else _("not significant")
                p = "—" if c.candidate.p_value is None else f"{c.candidate.p_value:.4f}"
                lines.append(
                    f"{c.metric} ({c.segments} {_('segments')}): {c.baseline.name} {c.baseline.score:.2f}"
                    f" vs {c.candidate.name} {c.candidate.score:.2f} · p = {p} · {verdict}"
                )
                lines.append("  " + c.signature)
            w.dashboard.show_comparison("\n".join(lines))

        def failed(exc: BaseException, details: str) -> None:
            w.dashboard.show_comparison(describe_error(exc))

        self.compare_task = run_with_progress(
            w, _("Comparing engines"), lambda _p: compare_engines(service, doc_a, doc_b), done, failed
        )

    # ------------------------------------------------------------------ alignment
    def refresh_alignment(self, keep_row: int | None = None) -> None:
        from mtreview.services.alignment import check_alignable, document_lines

        w = self.w
        if w.views.currentWidget() is not w.alignment_view:
            return
        combo = w.alignment_view.document
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for doc in w.service.documents():
            combo.addItem(doc.name, doc.id)
        segment = w.review.current
        wanted = current if current is not None else (segment.document_id if segment else None)
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.blockSignals(False)
        doc_id = combo.currentData()
        if doc_id is not None:
            w.alignment_view.set_lines(document_lines(w.service, doc_id), keep_row)
            try:
                check_alignable(w.service, doc_id)
                w.alignment_view.set_editable(True)
            except MtreviewError as exc:
                w.alignment_view.set_editable(False, str(exc))

    def alignment_operation(self, name: str, row: int) -> None:
        from mtreview.align.edit import EditError
        from mtreview.services.alignment import OPERATIONS, SetAlignment

        w = self.w
        doc_id = w.alignment_view.document.currentData()
        links = w.alignment_view.model.lines.links
        try:
            new_links = OPERATIONS[name](links, row)
        except EditError as exc:
            w.statusBar().showMessage(str(exc), 6000)
            return
        self._set_alignment(SetAlignment(doc_id, new_links, _("Alignment: {op}").format(op=name)), row)

    def realign_document(self) -> None:
        from mtreview.services.alignment import SetAlignment, realign_links

        w = self.w
        doc_id = w.alignment_view.document.currentData()
        if doc_id is None:
            return
        try:
            links = realign_links(w.service, doc_id)
        except MtreviewError as exc:
            QMessageBox.warning(w, _("Cannot re-align"), describe_error(exc))
            return
        self._set_alignment(SetAlignment(doc_id, links, _("Re-run aligner")), w.alignment_view.current_row())

    def _set_alignment(self, command: object, keep_row: int) -> None:
        w = self.w
        w.review.save_current()
        try:
            w.undo.run(command)  # type: ignore[arg-type]
        except MtreviewError as exc:
            QMessageBox.warning(w, _("Cannot change the alignment"), describe_error(exc))
            return
        self.refresh_alignment(keep_row)
