"""The translator's tools in the window: Find and Replace (Ctrl+H), the TM matches dock (Ctrl+1…9 inserts a
match), Concordance (Ctrl+K), Reference Memories, Go to Segment (Ctrl+G) and repetitions after a confirm.

The widgets are in their own modules (``replace_dialog``, ``matches_panel``, ``concordance_dialog``,
``reference_tms_dialog``, ``goto_dialog``); the work is in the services (``services.replace``, ``tm``,
``propagation``, ``navigation``). Every write goes through the window's undo adapter, which announces its
``Changes`` on the change hub; this controller only opens, wires and follows.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QLineEdit, QPlainTextEdit

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import AnnotationState, Segment, Status
from mtreview.i18n import _, ngettext
from mtreview.services.navigation import segment_at, segment_by_label
from mtreview.services.propagation import (
    PropagationMode,
    after_confirm,
    fix_all_spec,
    propagate_command,
    twins_of,
)
from mtreview.services.tm import ProjectMemory
from mtreview.services.triage import triage_command
from mtreview.ui.actions import ActionRegistry, ActionSpec
from mtreview.ui.change_hub import ChangeEvent
from mtreview.ui.concordance_dialog import ConcordanceDialog
from mtreview.ui.goto_dialog import GoToDialog
from mtreview.ui.matches_panel import MAX_SHOWN, MatchesPanel
from mtreview.ui.reference_tms_dialog import ReferenceTmsDialog
from mtreview.ui.replace_dialog import ReplaceContext, ReplaceDialog
from mtreview.ui.tasks import describe_error
from mtreview.ui.track_changes import TrackChangesView

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow

FOLLOW_DELAY_MS = 150
"""The matches dock looks up the current segment this long after it was opened (moving through the grid
with the keys held starts one lookup, not one per row)."""
SYNC_INTERVAL_S = 2.0
"""Lookups reuse the project index's last check this long (our own writes invalidate it at once)."""


class ToolsController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self._memory: ProjectMemory | None = None
        self._last_confirmed: int | None = None
        self._stopped = False
        self.replace_dialog: ReplaceDialog | None = None
        self.concordance_dialog: ConcordanceDialog | None = None
        self.matches = MatchesPanel(self.memory)
        self.matches.insertRequested.connect(self.insert_into_correction)
        self.matches_dock = QDockWidget(_("TM Matches"), window)
        self.matches_dock.setObjectName("tm_matches")  # saveState/restoreState key
        self.matches_dock.setWidget(self.matches)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.matches_dock)
        self._follow = QTimer(window)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_DELAY_MS)
        self._follow.timeout.connect(self._look_up)
        self.matches_dock.visibilityChanged.connect(self._dock_shown)
        # the dock belongs to the Review view: the Alignment and Dashboard views get the whole width
        self._dock_wanted = True
        window.views.currentChanged.connect(self._view_changed)
        # Seeing the edit: MT -> correction with the changes tracked, a tab beside the findings
        self.changes_view = TrackChangesView()
        window.side.addTab(self.changes_view, _("Chan&ges"))
        self._changes_timer = QTimer(window)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(FOLLOW_DELAY_MS)
        self._changes_timer.timeout.connect(self.show_changes)
        window.editor.correction.textChanged.connect(self._changes_timer.start)
        window.side.currentChanged.connect(lambda _i: self.show_changes())

    # ------------------------------------------------------------------ actions
    def actions(self) -> list[ActionSpec]:
        inserts = [
            ActionSpec(
                f"review.insert_match_{n}",
                _("Insert TM Match {n}").format(n=n),
                partial(self.insert_match, n),
                f"Ctrl+{n}",
                None,
                4,
            )
            for n in range(1, MAX_SHOWN + 1)
        ]
        return [
            ActionSpec(
                "edit.replace",
                _("Find and &Replace…"),
                self.open_replace,
                "Ctrl+H",
                "edit",
                1,
                _("Replace in the corrections of the project, with a preview; one undo step"),
            ),
            ActionSpec(
                "edit.fix_all",
                _("Fix &All Like This…"),
                self.fix_all,
                "Ctrl+Shift+H",
                "edit",
                1,
                _("Open Find and Replace filled in from the selected finding's text and suggestion"),
            ),
            ActionSpec("edit.go_to", _("&Go to Segment…"), self.go_to_segment, "Ctrl+G", "edit", 1),
            ActionSpec(
                "view.tm_matches",
                _("TM &Matches Panel"),
                self.toggle_matches,
                "Ctrl+Alt+M",
                "view",
                1,
                _("Show or hide the translation memory matches of the current segment"),
            ),
            ActionSpec(
                "view.track_changes",
                _("Tracked &Changes"),
                self.focus_changes,
                "Ctrl+Shift+D",
                "view",
                1,
                _("The machine translation with the correction's changes tracked"),
            ),
            ActionSpec(
                "view.filters",
                _("Segment &Filters"),
                self.focus_filters,
                "Ctrl+Shift+L",
                "view",
                1,
                _("Filter the grid by findings, severity, category, check, author and alignment confidence"),
            ),
            ActionSpec(
                "review.propagate",
                _("Apply to Re&petitions"),
                self.propagate_current,
                "Ctrl+Shift+P",
                "review",
                3,
                _("Give the unconfirmed repetitions of this segment its correction (one undo step)"),
            ),
            *inserts,
            ActionSpec(
                "review.confirm_findings",
                _("Confirm Selected Findings"),
                partial(self.triage_selected, AnnotationState.CONFIRMED),
                "Shift+Return",
                widget=self.w.findings_panel.tree,
            ),
            ActionSpec(
                "review.dismiss_findings",
                _("Dismiss Selected Findings"),
                partial(self.triage_selected, AnnotationState.DISMISSED),
                "Backspace",
                widget=self.w.findings_panel.tree,
            ),
            ActionSpec(
                "tools.concordance",
                _("C&oncordance…"),
                self.open_concordance,
                "Ctrl+K",
                "tools",
                1,
                _("Every use of the selected words in this project and its reference memories"),
            ),
            ActionSpec(
                "tools.reference_tms",
                _("Reference &Memories…"),
                self.open_reference_tms,
                "Ctrl+Shift+T",
                "tools",
                1,
                _("Attach TMX, XLIFF, PO or CSV memories (or other projects) for matches and concordance"),
            ),
        ]

    def attach(self, registry: ActionRegistry) -> None:
        """Fix All Like This on the Findings tab's right-click menu too, after Confirm and Dismiss."""
        self.w.findings_panel.tree.addAction(registry.action("edit.fix_all"))

    # ------------------------------------------------------------------ the project's memory
    def memory(self) -> ProjectMemory | None:
        """The open project's memory (made on first use; a new one after another project is opened)."""
        service = self.w.service
        if self._memory is None or self._memory.service is not service:
            if self._memory is not None:
                self._memory.close()
            try:
                self._memory = ProjectMemory(service, sync_interval_s=SYNC_INTERVAL_S)
            except MtreviewError as exc:
                self.w.statusBar().showMessage(describe_error(exc), 10000)
                self._memory = None
        return self._memory

    def reset(self) -> None:
        """Another project was opened: forget this one's memory and dialogs."""
        self.stop()
        for dialog in (self.replace_dialog, self.concordance_dialog):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.replace_dialog = self.concordance_dialog = None
        self._last_confirmed = None
        self._stopped = False

    def stop(self) -> None:
        """The window closes (or shows another project): no lookup starts after this."""
        self._stopped = True
        self._follow.stop()
        self.matches.stop(wait=True)
        if self.concordance_dialog is not None:
            self.concordance_dialog.stop()
        if self._memory is not None:
            self._memory.close()
            self._memory = None

    # ------------------------------------------------------------------ where the reviewer left off
    def remember_segment(self) -> None:
        """Note the open segment of this project in the preferences (saved with them)."""
        location = str(self.w.service.location)
        current = self.w.review.current
        if "://" not in location and current is not None:
            self.w.prefs.remember_segment(location, current.id)

    def restore_segment(self) -> None:
        """Open the segment that was open when this project was last left (if it is still there)."""
        segment_id = self.w.prefs.last_segment(str(self.w.service.location))
        if segment_id is not None:
            self.w.grid.select_segment(segment_id)

    # ------------------------------------------------------------------ following the segment
    def segment_opened(self, segment: Segment | None) -> None:
        self.show_changes()
        if segment is None:
            self._follow.stop()
            self.matches.show_segment(None)
            return
        self._follow.start()

    def _look_up(self) -> None:
        if self._stopped or not self.matches_dock.isVisible():
            return  # looked up when the dock is shown again
        self.matches.show_segment(self.w.review.current)

    def on_changed(self, event: ChangeEvent) -> None:
        changes = event.changes
        if self._memory is not None and (changes.segments or changes.documents):
            self._memory.invalidate()
        if changes.settings or (changes.segments and not event.external):
            self._follow.start()  # a new reference memory, or a confirmation that is now a match

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self._follow.start()

    def show_changes(self) -> None:
        """The open segment's MT with the editor's text as tracked changes (only while the tab shows)."""
        if self.w.side.currentWidget() is not self.changes_view:
            return
        current = self.w.review.current
        self.changes_view.show_segment(current, self.w.editor.text() if current is not None else None)

    def focus_changes(self) -> None:
        self.w.views.setCurrentIndex(0)
        self.w.side.setCurrentWidget(self.changes_view)
        self.show_changes()

    def focus_filters(self) -> None:
        self.w.views.setCurrentIndex(0)
        self.w.grid.filters.findings.setFocus()

    def _view_changed(self, index: int) -> None:
        self.matches_dock.setVisible(index == 0 and self._dock_wanted)

    def toggle_matches(self) -> None:
        self._dock_wanted = not self.matches_dock.isVisible()
        if self._dock_wanted:
            self.w.views.setCurrentIndex(0)
        self.matches_dock.setVisible(self._dock_wanted)

    def insert_match(self, n: int) -> None:
        if not self.matches.insert(n):
            self.w.statusBar().showMessage(_("There is no match {n}.").format(n=n), 3000)

    def insert_into_correction(self, text: str) -> None:
        """A match's translation replaces the correction (one step of the editor's own undo)."""
        if self.w.review.current is None:
            return
        box = self.w.editor.correction
        cursor = box.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        box.setTextCursor(cursor)
        box.setFocus()

    # ------------------------------------------------------------------ find and replace
    def open_replace(self) -> None:
        w = self.w
        if not w.review.save_current():
            return
        grid = w.grid
        filtered = grid.status_filter.currentData() is not None or bool(grid.search.text())
        context = ReplaceContext(
            document_id=grid.document_id(), filtered_ids=tuple(w.model.ids()) if filtered else None
        )
        dialog = self.replace_dialog
        if dialog is None or dialog.context != context:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            dialog = ReplaceDialog(w.service, w.undo.run, context, w)
            dialog.applied.connect(self._replaced)
            self.replace_dialog = dialog
        selected = _selected_text(w)
        if selected:
            dialog.find_edit.setText(selected)
        dialog.show()
        dialog.activateWindow()
        dialog.find_edit.setFocus()
        dialog.find_edit.selectAll()

    def fix_all(self) -> None:
        """The selected finding (Findings tab, else the Annotations tab) with a suggestion, as a replace
        over the project: the preview opens filled in."""
        w = self.w
        chosen = w.findings_panel.selected_annotations() if w.side.currentWidget() is w.findings_panel else []
        annotation = chosen[0] if len(chosen) == 1 else w.annotation_panel.current()
        if annotation is None:
            w.statusBar().showMessage(_("Select a finding with a suggestion first."), 5000)
            return
        try:
            spec, replacement = fix_all_spec(annotation, w.service.segment(annotation.segment_id))
        except MtreviewError as exc:
            w.statusBar().showMessage(describe_error(exc), 5000)
            return
        self.open_replace()
        dialog = self.replace_dialog
        if dialog is not None and dialog.isVisible():
            dialog.set_query(spec, replacement)
            dialog.run_preview()

    def _replaced(self, _changes: object) -> None:
        self.w.statusBar().showMessage(_("Replaced (Ctrl+Z undoes it all)."), 8000)

    # ------------------------------------------------------------------ concordance
    def open_concordance(self) -> None:
        w = self.w
        dialog = self.concordance_dialog
        if dialog is None:
            dialog = ConcordanceDialog(self.memory, w)
            dialog.segmentActivated.connect(self.go_to_label)
            self.concordance_dialog = dialog
        selected = _selected_text(w)
        if selected:
            dialog.set_query(selected)
        dialog.show()
        dialog.activateWindow()
        dialog.query.setFocus()
        if selected:
            dialog.search()

    def go_to_label(self, label: str) -> None:
        try:
            segment = segment_by_label(self.w.service, label)
        except MtreviewError as exc:
            self.w.statusBar().showMessage(describe_error(exc), 5000)
            return
        self.show_segment(segment.id)

    def show_segment(self, segment_id: int) -> None:
        """Make ``segment_id`` current, clearing the grid's filters if they hide it."""
        grid = self.w.grid
        if not grid.select_segment(segment_id):
            grid.clear_filters()
            grid.select_segment(segment_id)
        self.w.activateWindow()
        self.w.editor.correction.setFocus()

    # ------------------------------------------------------------------ reference memories
    def open_reference_tms(self) -> None:
        memory = self.memory()
        if memory is None:
            return
        dialog = ReferenceTmsDialog(memory, self.w)
        dialog.changed.connect(self.w.hub.announce)
        self.reference_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ go to segment
    def go_to_segment(self) -> None:
        w = self.w
        document_id = w.grid.document_id()
        current = w.review.current
        if document_id is None:
            if current is None:
                return
            document_id = current.document_id
        last = next((d.segment_count for d in w.service.documents() if d.id == document_id), 0)
        dialog = GoToDialog(current.ordinal if current is not None else 1, last, w)
        dialog.chosen.connect(lambda n: self._go_to_number(document_id, n))
        self.goto_dialog = dialog
        dialog.open()

    def _go_to_number(self, document_id: int, number: int) -> None:
        try:
            segment = segment_at(self.w.service, document_id, number)
        except MtreviewError as exc:
            self.w.statusBar().showMessage(describe_error(exc), 5000)
            return
        self.show_segment(segment.id)

    # ------------------------------------------------------------------ bulk triage
    def triage_selected(self, state: AnnotationState) -> None:
        """Confirm or dismiss the selected findings (a selected check: all of its findings), one undo step."""
        w = self.w
        findings = w.findings_panel.selected_annotations()
        if not findings:
            w.statusBar().showMessage(
                _("Select findings (or a whole check) in the Findings tab first."), 5000
            )
            return
        try:
            command = triage_command(findings, state)
            w.undo.run(command)
        except MtreviewError as exc:
            w.statusBar().showMessage(describe_error(exc), 8000)
            return
        w.statusBar().showMessage(_("{what} (Ctrl+Z undoes it).").format(what=command.label), 8000)

    # ------------------------------------------------------------------ repetitions
    def confirmed(self, segment_id: int) -> None:
        """After a confirmation: offer (or, as the project says, write) the correction to its twins."""
        w = self.w
        if self._stopped:
            return
        try:
            segment = w.service.segment(segment_id)
            if segment.status != Status.APPROVED:
                return
            result = after_confirm(w.service, segment)
        except MtreviewError as exc:
            w.statusBar().showMessage(describe_error(exc), 8000)
            return
        if not result.twins:
            return
        if result.mode == PropagationMode.AUTO and result.applied is not None:
            label = _("Propagate to {n} repetitions").format(n=len(result.twins))
            w.undo.push(result.applied, label, result.changes)
            w.statusBar().showMessage(
                ngettext(
                    "{n} repetition got this correction (Ctrl+Z takes it back).",
                    "{n} repetitions got this correction (Ctrl+Z takes it back).",
                    len(result.twins),
                ).format(n=len(result.twins)),
                10000,
            )
            return
        self._last_confirmed = segment.id
        keys = w.registry.action("review.propagate").shortcut().toString()
        w.statusBar().showMessage(
            ngettext(
                "{n} repetition not confirmed: {keys} gives it this correction.",
                "{n} repetitions not confirmed: {keys} gives them this correction.",
                len(result.twins),
            ).format(n=len(result.twins), keys=keys),
            10000,
        )

    def propagate_current(self) -> None:
        """Give the unconfirmed repetitions of the current segment (if confirmed), else of the segment
        confirmed last, its correction: one undo step."""
        w = self.w
        if not w.review.save_current():
            return
        seg = w.review.current
        try:
            if seg is None or w.service.segment(seg.id).status != Status.APPROVED:
                if self._last_confirmed is None:
                    w.statusBar().showMessage(_("Confirm a segment first."), 5000)
                    return
                seg = w.service.segment(self._last_confirmed)
            else:
                seg = w.service.segment(seg.id)
            twins = twins_of(w.service, seg)
            if not twins:
                w.statusBar().showMessage(_("No unconfirmed repetition to update."), 5000)
                return
            w.undo.run(propagate_command(seg.target, twins))
        except MtreviewError as exc:
            w.statusBar().showMessage(describe_error(exc), 8000)
            return
        w.statusBar().showMessage(
            ngettext(
                "{n} repetition got the correction of #{number} (Ctrl+Z takes it back).",
                "{n} repetitions got the correction of #{number} (Ctrl+Z takes it back).",
                len(twins),
            ).format(n=len(twins), number=seg.ordinal),
            8000,
        )


def _selected_text(w: MainWindow) -> str:
    """The text selected where the focus is (or in the source, MT or correction), on one line."""
    focus = w.focusWidget()
    candidates: list[object] = [focus, w.editor.correction, w.editor.mt, w.editor.source]
    for widget in candidates:
        if isinstance(widget, QPlainTextEdit):
            text = widget.textCursor().selectedText()
        elif isinstance(widget, QLineEdit):
            text = widget.selectedText()
        else:
            continue
        text = " ".join(text.replace("\u2029", " ").split())
        if text:
            return text
    return ""
