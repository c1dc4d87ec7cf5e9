"""The main window's actions: each one entry (id, text, default keys, handler, menu and group).

To add an action, add one ``ActionSpec`` here (or call ``window.registry.add`` from a controller that
installs its own) with a handler method on a controller; the menu entry, the F1 list and Preferences ▸
Shortcuts follow. Ids are saved in the user's preferences: never rename one (see ``LEGACY_IDS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from mtreview.domain.model import Status
from mtreview.i18n import _
from mtreview.ui.actions import ActionSpec

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


def standard_actions(w: MainWindow) -> list[ActionSpec]:
    Std = QKeySequence.StandardKey
    preferences_keys = Std.Preferences if not QKeySequence(Std.Preferences).isEmpty() else "Ctrl+,"
    review, flag, ops = w.review, w.flagging, w.operations
    return [
        # File
        ActionSpec("file.new", _("&New Project…"), ops.new_project, Std.New, "file", 0),
        ActionSpec("file.open", _("&Open Project…"), ops.open_project_dialog, Std.Open, "file", 0),
        ActionSpec(
            "file.import",
            _("&Import Document…"),
            ops.import_dialog,
            "Ctrl+I",
            "file",
            1,
            _("Import a bilingual page, a pair of files, CSV/TSV or a TM file"),
        ),
        ActionSpec(
            "file.import_pair",
            _("Import Source and &Translation…"),
            ops.import_pair_dialog,
            "Ctrl+Shift+I",
            "file",
            1,
        ),
        ActionSpec(
            "file.export",
            _("&Export…"),
            ops.export_dialog,
            "Ctrl+Shift+E",
            "file",
            2,
            _("Export the corrected memory (TMX, PO, XLIFF, CSV/TSV, xlsx, MQM TSV)"),
        ),
        ActionSpec(
            "file.export_issues",
            _("Export Issue &List…"),
            ops.export_issue_list_dialog,
            None,
            "file",
            2,
            _("Every finding and annotation with its segment, check, span and message (CSV, xlsx, HTML)"),
        ),
        ActionSpec(
            "file.apply_sheet", _("Apply Edited Review &Sheet…"), ops.apply_sheet_dialog, None, "file", 2
        ),
        ActionSpec("file.quit", _("&Quit"), w.close, Std.Quit, "file", 3),
        # Edit
        ActionSpec("edit.undo", _("&Undo"), review.undo_last, Std.Undo, "edit", 0),
        ActionSpec("edit.redo", _("&Redo"), review.redo_last, Std.Redo, "edit", 0),
        ActionSpec("edit.find", _("&Find"), w.grid.focus_search, Std.Find, "edit", 1),
        # View
        ActionSpec("view.zoom_in", _("Zoom &In"), lambda: w.zoom(1), Std.ZoomIn, "view", 0),
        ActionSpec("view.zoom_out", _("Zoom &Out"), lambda: w.zoom(-1), Std.ZoomOut, "view", 0),
        # Review
        ActionSpec(
            "review.confirm",
            _("&Confirm and Next"),
            review.confirm_and_next,
            "Ctrl+Return",
            "review",
            0,
            _("Save the correction, mark it approved and go to the next unconfirmed"),
        ),
        ActionSpec("review.next", _("&Next Segment"), lambda: w.grid.move_by(1), "Ctrl+Down", "review", 0),
        ActionSpec(
            "review.previous", _("&Previous Segment"), lambda: w.grid.move_by(-1), "Ctrl+Up", "review", 0
        ),
        ActionSpec(
            "review.next_unconfirmed",
            _("Next &Unconfirmed"),
            review.next_unconfirmed,
            "Ctrl+Shift+Down",
            "review",
            0,
        ),
        ActionSpec(
            "review.reset_to_mt",
            _("Reset Correction to &MT"),
            review.reset_to_mt,
            "Ctrl+Shift+M",
            "review",
            1,
        ),
        ActionSpec(
            "review.reject",
            _("&Reject Segment"),
            lambda: review.set_status(Status.REJECTED),
            "Ctrl+Shift+R",
            "review",
            1,
        ),
        ActionSpec(
            "review.flag",
            _("&Flag Error…"),
            flag.flag_selection,
            "Ctrl+E",
            "review",
            2,
            _("Flag the selected text of the MT (or source) as an error"),
        ),
        ActionSpec("review.flag_in_mt", _("Flag Error"), flag.flag_selection, "F", widget=w.editor.mt),
        ActionSpec(
            "review.flag_in_source", _("Flag Error"), flag.flag_selection, "F", widget=w.editor.source
        ),
        ActionSpec(
            "review.non_translation",
            _("Flag &Non-translation"),
            flag.flag_non_translation,
            "Ctrl+Shift+N",
            "review",
            2,
        ),
        ActionSpec(
            "review.confirm_fixed",
            _("Confirm Fi&xed Proposals"),
            review.confirm_fixed,
            "Ctrl+Shift+Y",
            "review",
            2,
            _("After Ctrl+Enter: confirm the checks' proposals that your correction fixed"),
        ),
        ActionSpec(
            "review.go_to_annotations",
            _("Go to &Annotations"),
            flag.focus_annotations,
            "Ctrl+Shift+A",
            "review",
            2,
        ),
        ActionSpec(
            "review.next_with_findings",
            _("Next Segment with &Findings"),
            flag.next_with_findings,
            "Ctrl+Shift+F",
            "review",
            2,
        ),
        # Tools
        ActionSpec(
            "tools.run_checks",
            _("Run &Checks"),
            ops.run_checks,
            "Ctrl+Shift+K",
            "tools",
            0,
            _("Run the automatic checks; findings become proposed annotations"),
        ),
        ActionSpec(
            "tools.glossary",
            _("&Glossary and Idioms…"),
            ops.glossary_dialog,
            "Ctrl+Shift+G",
            "tools",
            0,
            _("Edit the project glossary, import CSV/TBX, add idioms to your lexicon"),
        ),
        ActionSpec(
            "tools.project_settings",
            _("Project &Settings…"),
            w.open_project_settings,
            "Ctrl+Shift+,",
            "tools",
            9,
            _("Typology, weights, pass/fail threshold and checks of this project"),
        ),
        ActionSpec(
            "tools.preferences",
            _("&Preferences…"),
            w.open_preferences,
            preferences_keys,
            "tools",
            9,
            _("Reviewer name, language, theme, fonts and shortcuts"),
        ),
        # Help
        ActionSpec("help.shortcuts", _("&Keyboard Shortcuts"), w.show_shortcuts, "F1", "help", 0),
        ActionSpec("help.about", _("&About mtreview"), w.show_about, None, "help", 0),
    ]
