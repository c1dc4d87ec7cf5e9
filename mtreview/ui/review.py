"""The review session in the window: open a segment, save, confirm and move on, undo, conflicts.

The policy (base versions, drafts, keep mine / take theirs / merge, following others' writes) is in
``services.editing.EditingSession``; every write is ``ProjectService.save``. This controller shows what
comes back (dialogs, status messages, the editor) and announces each write once on the change hub.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from mtreview.domain.errors import ConnectionLostError, MtreviewError
from mtreview.domain.model import Annotation, AnnotationState, Changes, Revision, Segment, Status
from mtreview.i18n import _, ngettext
from mtreview.services.commands import SetSegmentText, UpdateAnnotation
from mtreview.services.editing import EditingSession
from mtreview.services.proposals import fixed_by_correction
from mtreview.services.saving import Conflict, Queued, Saved, SaveOutcome
from mtreview.ui.change_hub import ChangeEvent
from mtreview.ui.tasks import describe_error

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


class ReviewController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.session = EditingSession(window.service)
        self._fixed: list[Annotation] = []
        """Proposals the last confirmed correction fixed (offered for confirmation)."""

    def reset(self) -> None:
        """Another project was opened."""
        self.session = EditingSession(self.w.service)

    @property
    def current(self) -> Segment | None:
        return self.session.current

    # ------------------------------------------------------------------ opening
    def open_segment(self, segment: Segment | None) -> None:
        opened = self.session.open(segment)
        if opened.notice:
            self.w.statusBar().showMessage(opened.notice, 8000)
        self.w.editor.load(opened.segment, opened.draft)
        self.w.panels.segment_opened(segment)
        self.w.tools.segment_opened(segment)

    def save_draft(self, segment_id: int, text: str) -> None:
        self.session.save_draft(segment_id, text)

    # ------------------------------------------------------------------ saving
    def save_current(self) -> bool:
        """Store the correction of the current segment if it changed (not confirming it: an edited
        segment is "corrected" until confirmed again). False when the text could not be saved."""
        seg = self.current
        editor = self.w.editor
        if seg is None or not editor.is_dirty() or editor.segment is None:
            return True
        return self.change(
            seg, editor.text(), Status.CORRECTED, _("Edit segment {n}").format(n=seg.ordinal), "edit"
        )

    def change(
        self,
        seg: Segment,
        text: str | None,
        status: Status,
        label: str,
        action: str,
        moving_on: bool = False,
    ) -> bool:
        """Save through the editing session and show what happened. ``moving_on``: the editor is about to
        show another segment (so it is not reloaded with this one). False when nothing was saved."""
        if self.current is None or self.current.id != seg.id:
            self.session.current = seg
        try:
            outcome = self.session.save(text, status, action)
        except ConnectionLostError as exc:
            QMessageBox.warning(
                self.w,
                _("Connection lost"),
                describe_error(exc)
                + "\n\n"
                + _("Your text stays in the editor; confirm it when the connection is back."),
            )
            return False
        except MtreviewError as exc:
            QMessageBox.warning(self.w, _("Could not save"), describe_error(exc))
            return False
        return self._show(outcome, label, moving_on)

    def _show(self, outcome: SaveOutcome, label: str, moving_on: bool) -> bool:
        editor = self.w.editor
        if isinstance(outcome, Saved):
            if editor.segment is not None and editor.segment.id == outcome.segment.id:
                if editor.text() == outcome.segment.target or moving_on:
                    editor.mark_saved(outcome.segment)
                else:
                    editor.load(outcome.segment, editor.text())
            self.w.undo.record(SetSegmentText.inverse_of(outcome, label), label)
            self.w.hub.announce(outcome.changes, segments=(outcome.segment,))
            return True
        if isinstance(outcome, Queued):
            self.w.statusBar().showMessage(outcome.message, 15000)
            if self.current is not None:
                editor.load(self.current)  # the text is in the outbox: show the segment as stored
            self.w.hub.announce(outcome.changes)
            return True
        return self._resolve(outcome, label, moving_on)

    def _resolve(self, conflict: Conflict, label: str, moving_on: bool) -> bool:
        """Ask the reviewer; the editing session applies the choice."""
        theirs = conflict.theirs
        mine_text = conflict.change.text if isinstance(conflict.change.text, str) else ""
        box = QMessageBox(self.w)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Someone else changed this segment"))
        box.setText(conflict.message)
        box.setInformativeText(
            _("Their version:\n{theirs}\n\nYour version:\n{mine}").format(
                theirs=theirs.target, mine=mine_text
            )
        )
        mine = box.addButton(_("Keep &mine"), QMessageBox.ButtonRole.AcceptRole)
        merge = box.addButton(_("&Merge by hand"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Take &theirs"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is merge:
            self.w.editor.load(theirs, self.session.merge_by_hand(conflict))
            self.w.statusBar().showMessage(
                _("Merge the two versions in the correction box, then confirm."), 15000
            )
            return False
        if box.clickedButton() is mine:
            try:
                outcome = self.session.keep_mine(conflict)
            except MtreviewError as again:
                QMessageBox.warning(self.w, _("Could not save"), describe_error(again))
                return False
            if isinstance(outcome, Conflict):
                QMessageBox.warning(self.w, _("Could not save"), outcome.message)
                return False
            return self._show(outcome, label, moving_on)
        self.session.take_theirs(conflict)
        self.w.editor.load(theirs)
        self.w.hub.announce(Changes(segments=frozenset({theirs.id})), segments=(theirs,))
        return False

    # ------------------------------------------------------------------ actions
    def confirm_and_next(self) -> None:
        """Ctrl+Enter: save, approve, and go to the next unconfirmed segment (one write)."""
        seg = self.current
        if seg is None:
            return
        label = _("Confirm segment {n}").format(n=seg.ordinal)
        target = self.w.service.next_unconfirmed(seg.id, self.w.model.ids())
        text = self.w.editor.text()
        if self.change(seg, text, Status.APPROVED, label, "confirm", target is not None):
            self._offer_fixed(seg, text)
            # repetitions after the keypress has shown the next segment (their reads are not in its path)
            QTimer.singleShot(0, self.w, lambda sid=seg.id: self.w.tools.confirmed(sid))
            self._go_to(target)

    # ------------------------------------------------------------------ proposals a correction fixed
    def _offer_fixed(self, seg: Segment, text: str) -> None:
        """After a confirmed correction: the checks' proposals on the MT it fixed are offered for
        confirmation (the MT had those errors; the correction is the evidence)."""
        self.w.offer_bar.hide()
        service = self.w.service
        live = self.w.panels.live
        if live is not None and not live.segment(seg.id).proposed:  # counted in memory: no read
            self._fixed = []
            return
        known = live.annotations(seg.id) if live is not None else service.annotations(segment_ids=[seg.id])
        proposals = [a for a in known if a.state is AnnotationState.PROPOSED]
        if not proposals:
            self._fixed = []
            return
        self._fixed = fixed_by_correction(proposals, seg.mt, text)
        if not self._fixed:
            return
        n = len(self._fixed)
        keys = (
            self.w.registry.action("review.confirm_fixed")
            .shortcut()
            .toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.w.offer_bar.offer(
            ngettext(
                "Your correction of segment {s} fixes {n} error the checks proposed in the MT.",
                "Your correction of segment {s} fixes {n} errors the checks proposed in the MT.",
                n,
            ).format(s=seg.ordinal, n=n),
            _("Confirm them as MT errors ({keys})").format(keys=keys)
            if keys
            else _("Confirm them as MT errors"),
        )

    def confirm_fixed(self) -> None:
        """Confirm the proposals the last confirmed correction fixed (one undo step)."""
        fixed, self._fixed = self._fixed, []
        self.w.offer_bar.hide()
        if not fixed:
            self.w.statusBar().showMessage(_("No proposal is waiting to be resolved."), 5000)
            return
        ordinal = self.w.service.segment(fixed[0].segment_id).ordinal
        label = ngettext(
            "Confirm {n} fixed proposal in segment {s}",
            "Confirm {n} fixed proposals in segment {s}",
            len(fixed),
        ).format(n=len(fixed), s=ordinal)
        stack = self.w.undo_stack
        stack.beginMacro(label)
        try:
            for ann in fixed:
                self.w.undo.run(
                    UpdateAnnotation(ann.id, {"state": AnnotationState.CONFIRMED}, label, ann.version)
                )
        except MtreviewError as exc:
            QMessageBox.warning(self.w, _("Cannot change the annotation"), describe_error(exc))
        finally:
            stack.endMacro()
        self.w.statusBar().showMessage(label, 8000)

    def next_unconfirmed(self) -> None:
        after = self.current.id if self.current else None
        self._go_to(self.w.service.next_unconfirmed(after, self.w.model.ids()))

    def _go_to(self, target: int | None) -> None:
        if target is None:
            self.w.statusBar().showMessage(_("Every segment in this view is confirmed."), 5000)
            return
        self.w.grid.select_segment(target)
        self.w.editor.correction.setFocus()

    def undo_last(self) -> None:
        """Undo the last project change, after saving what is being typed (never lose it), and say what
        was undone and where (the segment it changed is shown)."""
        stack = self.w.undo_stack
        if self.save_current() and stack.canUndo():
            what = stack.undoText()
            command = stack.command(stack.index() - 1)
            stack.undo()
            self._after_history(_("Undone: {what}").format(what=what), command)

    def redo_last(self) -> None:
        stack = self.w.undo_stack
        if self.save_current() and stack.canRedo():
            what = stack.redoText()
            command = stack.command(stack.index())
            stack.redo()
            self._after_history(_("Redone: {what}").format(what=what), command)

    def _after_history(self, message: str, command: object) -> None:
        self.w.statusBar().showMessage(message, 10000)
        changed = sorted(getattr(command, "last_changes", Changes()).segments)
        current = self.current
        if changed and (current is None or current.id not in changed):
            self.w.grid.select_segment(changed[0])

    def reset_to_mt(self) -> None:
        if self.current is not None:
            self.w.editor.correction.setPlainText(self.current.mt)

    def set_status(self, status: Status) -> None:
        seg = self.current
        if seg is not None:
            label = _("Set segment {n} to {status}").format(n=seg.ordinal, status=_(status.value))
            self.change(seg, self.w.editor.text(), status, label, "status")

    def revert_to_revision(self, revision: object) -> None:
        seg = self.current
        if not isinstance(revision, Revision) or seg is None or revision.entity != "segment":
            self.w.statusBar().showMessage(_("Only segment text changes can be reverted here."), 5000)
            return
        state = revision.before if isinstance(revision.before, dict) else revision.after
        if not isinstance(state, dict) or "status" not in state:
            return
        self.change(
            seg,
            state.get("corrected"),
            Status(state["status"]),
            _("Revert segment {n}").format(n=seg.ordinal),
            "revert",
        )
        self.w.panels.refresh_history()

    # ------------------------------------------------------------------ others' changes
    def on_changed(self, event: ChangeEvent) -> None:
        """Follow a write that changed the open segment (ours through undo, or another reviewer's)."""
        seg = self.current
        if seg is None or seg.id not in event.changes.segments or event.changes.documents:
            return
        fresh = event.fresh(seg.id) or self.w.service.segment(seg.id)
        editor = self.w.editor
        text = editor.text()
        dirty = editor.is_dirty() and text != fresh.target
        followed = self.session.follow(fresh, external=event.external, dirty=dirty)
        if followed.notice:
            self.w.statusBar().showMessage(followed.notice, 10000)
        if followed.reload:
            editor.load(fresh, text if followed.keep_text else None)
