"""Flagging errors on spans and triaging the checks' proposals (confirm, dismiss, delete, edit).

Every change is an undoable command (``services.commands``) run through the window's undo adapter,
which announces its ``Changes`` on the change hub.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Annotation, AnnotationDraft, AnnotationState, Severity, Side
from mtreview.i18n import _
from mtreview.services.commands import AddAnnotation, DeleteAnnotation, UpdateAnnotation
from mtreview.ui.annotations import FlagDialog, category_for_whole_segment, covered_text
from mtreview.ui.tasks import describe_error

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


class FlaggingController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        panel = window.annotation_panel
        panel.annotationActivated.connect(window.panels.select_annotation_span)
        panel.confirmRequested.connect(lambda ann: self.triage(ann, AnnotationState.CONFIRMED))
        panel.dismissRequested.connect(lambda ann: self.triage(ann, AnnotationState.DISMISSED))
        panel.deleteRequested.connect(self.delete_annotation)
        panel.editRequested.connect(self.edit_annotation)
        panel.scopeChanged.connect(window.panels.refresh_annotations)
        window.findings_panel.annotationActivated.connect(window.panels.select_annotation_span)

    def flag_selection(self) -> None:
        w = self.w
        seg = w.review.current
        if seg is None:
            return
        side, view = Side.TARGET, w.editor.mt
        if w.editor.source.hasFocus() or (
            w.editor.source.textCursor().hasSelection() and not w.editor.mt.textCursor().hasSelection()
        ):
            side, view = Side.SOURCE, w.editor.source
        span = view.selected_span()
        if span is None:
            w.statusBar().showMessage(_("Select the erroneous text in the MT (or source) first."), 5000)
            return
        text = seg.source if side == Side.SOURCE else seg.mt
        default = "Accuracy/Omission" if side == Side.SOURCE else None
        dialog = FlagDialog(w.panels.typology, text[span[0] : span[1]], side, w, category=default)
        if dialog.exec() != FlagDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice is None:
            return
        self.add_annotation(
            AnnotationDraft(
                segment_id=seg.id,
                category=choice.category,
                severity=choice.severity,
                side=side,
                start=span[0],
                end=span[1],
                comment=choice.comment,
                suggestion=choice.suggestion,
            )
        )

    def flag_non_translation(self) -> None:
        seg = self.w.review.current
        cat = category_for_whole_segment(self.w.panels.typology)
        if seg is None or cat is None:
            return
        self.add_annotation(AnnotationDraft(segment_id=seg.id, category=cat.path, severity=Severity.MAJOR))

    def add_annotation(self, draft: AnnotationDraft) -> None:
        try:
            self.w.undo.run(AddAnnotation(draft, _("Flag {category}").format(category=draft.category)))
        except MtreviewError as exc:
            QMessageBox.warning(self.w, _("Cannot flag"), describe_error(exc))

    def triage(self, ann: object, state: AnnotationState) -> None:
        if not isinstance(ann, Annotation):
            return
        label = _("Confirm finding") if state == AnnotationState.CONFIRMED else _("Dismiss finding")
        try:
            self.w.undo.run(UpdateAnnotation(ann.id, {"state": state}, label, expected_version=ann.version))
        except MtreviewError as exc:
            QMessageBox.warning(self.w, _("Cannot change the annotation"), describe_error(exc))
            return
        self.w.annotation_panel.select_first_proposed()

    def delete_annotation(self, ann: object) -> None:
        if isinstance(ann, Annotation):
            try:
                self.w.undo.run(
                    DeleteAnnotation(ann.id, _("Delete annotation"), expected_version=ann.version)
                )
            except MtreviewError as exc:
                QMessageBox.warning(self.w, _("Cannot delete"), describe_error(exc))

    def edit_annotation(self, ann: object) -> None:
        w = self.w
        if not isinstance(ann, Annotation) or w.review.current is None:
            return
        seg = w.service.segment(ann.segment_id)
        dialog = FlagDialog(
            w.panels.typology,
            covered_text(ann, seg.source, seg.mt),
            ann.side,
            w,
            category=ann.category,
            severity=ann.severity,
            comment=ann.comment,
            suggestion=ann.suggestion,
        )
        if dialog.exec() != FlagDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice is None:
            return
        fields: dict[str, object] = {
            "category": choice.category,
            "severity": choice.severity,
            "comment": choice.comment,
            "suggestion": choice.suggestion,
        }
        try:
            w.undo.run(UpdateAnnotation(ann.id, fields, _("Change annotation"), expected_version=ann.version))
        except MtreviewError as exc:
            QMessageBox.warning(w, _("Cannot change the annotation"), describe_error(exc))

    def next_with_findings(self) -> None:
        w = self.w
        ids = w.model.ids()
        with_findings = {a.segment_id for a in w.service.annotations(states=[AnnotationState.PROPOSED])}
        current = w.review.current
        start = ids.index(current.id) + 1 if current and current.id in ids else 0
        for sid in ids[start:] + ids[:start]:
            if sid in with_findings:
                w.grid.select_segment(sid)
                self.focus_annotations()
                return
        w.statusBar().showMessage(_("No segment in this view has open findings."), 5000)

    def focus_annotations(self) -> None:
        w = self.w
        w.side.setCurrentWidget(w.annotation_panel)
        w.annotation_panel.tree.setFocus()
        if w.annotation_panel.current() is None:
            w.annotation_panel.select_first_proposed()
