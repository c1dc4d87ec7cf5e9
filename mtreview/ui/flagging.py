"""Flagging errors on spans and triaging the checks' proposals (confirm, dismiss, delete, edit).

Every change is an undoable command (``services.commands``) run through the window's undo adapter,
which announces its ``Changes`` on the change hub.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Annotation, AnnotationDraft, AnnotationState, Severity, Side
from mtreview.i18n import _, category_label
from mtreview.services.commands import AddAnnotation, DeleteAnnotation, UpdateAnnotation
from mtreview.services.proposals import proposal_for_flag
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

    def _ordinal(self, segment_id: int) -> int:
        current = self.w.review.current
        if current is not None and current.id == segment_id:
            return current.ordinal
        return self.w.service.segment(segment_id).ordinal

    def add_annotation(self, draft: AnnotationDraft) -> None:
        """Flag a span — or, when a check already proposed that span, decide the proposal (confirmed with
        the reviewer's category and severity) instead of adding a second annotation for one error."""
        n = self._ordinal(draft.segment_id)
        label = _("Flag {category} in segment {n}").format(category=category_label(draft.category), n=n)
        proposals = self.w.service.annotations(
            segment_ids=[draft.segment_id], states=[AnnotationState.PROPOSED]
        )
        proposal = proposal_for_flag(proposals, draft)
        try:
            if proposal is None:
                self.w.undo.run(AddAnnotation(draft, label))
                return
            fields: dict[str, object] = {
                "state": AnnotationState.CONFIRMED,
                "category": draft.category,
                "severity": draft.severity,
            }
            if (proposal.start, proposal.end) != (draft.start, draft.end):
                fields.update(start=draft.start, end=draft.end)  # the reviewer's span is the decision
            if draft.comment:
                fields["comment"] = draft.comment
            if draft.suggestion:
                fields["suggestion"] = draft.suggestion
            label = _("Confirm proposal as {category} in segment {n}").format(
                category=category_label(draft.category), n=n
            )
            self.w.undo.run(UpdateAnnotation(proposal.id, fields, label, expected_version=proposal.version))
            self.w.statusBar().showMessage(
                _("A check had proposed this span: the proposal is confirmed (no second annotation)."), 8000
            )
        except MtreviewError as exc:
            QMessageBox.warning(self.w, _("Cannot flag"), describe_error(exc))

    def triage(self, ann: object, state: AnnotationState) -> None:
        if not isinstance(ann, Annotation):
            return
        n = self._ordinal(ann.segment_id)
        label = (
            _("Confirm finding in segment {n}").format(n=n)
            if state == AnnotationState.CONFIRMED
            else _("Dismiss finding in segment {n}").format(n=n)
        )
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
                    DeleteAnnotation(
                        ann.id,
                        _("Delete annotation in segment {n}").format(n=self._ordinal(ann.segment_id)),
                        expected_version=ann.version,
                    )
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
            label = _("Change annotation in segment {n}").format(n=seg.ordinal)
            w.undo.run(UpdateAnnotation(ann.id, fields, label, expected_version=ann.version))
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
