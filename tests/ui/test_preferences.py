"""Preferences: what the dialog saves is what the next dialog (and the next start) shows and applies."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mtreview.services.prefs import Preferences
from mtreview.ui.preferences import PreferencesDialog, apply_theme, open_preferences


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    """An unexpected message box would block the offscreen run: fail instead."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:]}")

    monkeypatch.setattr(QMessageBox, "warning", refuse)


def _portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def _row(dialog: PreferencesDialog, action_id: str) -> int:
    return dialog.shortcuts.row_of(action_id)


def test_settings_round_trip_through_the_file(qtbot, window):
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("佐藤 花子")
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.source_size.setValue(15)
    dialog.target_size.setValue(17)
    dialog.draft_interval.setValue(3500)
    dialog.shortcuts.selectRow(_row(dialog, "review.confirm"))
    dialog.key_edit.setKeySequence(QKeySequence("Ctrl+Shift+J"))
    dialog.assign.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_disk = json.loads(Preferences.path().read_text(encoding="utf-8"))
    assert on_disk["reviewer"] == "佐藤 花子"
    assert on_disk["language"] == "ja" and on_disk["theme"] == "dark"
    assert on_disk["source_font_size"] == 15 and on_disk["target_font_size"] == 17
    assert on_disk["draft_interval_ms"] == 3500
    assert on_disk["shortcuts"] == {"review.confirm": "Ctrl+Shift+J"}  # only what differs from the defaults

    again = PreferencesDialog(Preferences.load(), window.registry.actions())
    qtbot.addWidget(again)
    assert again.reviewer.text() == "佐藤 花子"
    assert again.language.currentData() == "ja"
    assert again.theme.currentData() == "dark"
    assert (again.source_size.value(), again.target_size.value()) == (15, 17)
    assert again.draft_interval.value() == 3500
    assert again.shortcuts.keys(again.shortcuts.row_of("review.confirm")) == "Ctrl+Shift+J"
    apply_theme("system")


def test_saved_changes_apply_to_the_open_window_at_once(qtbot, window):
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    dialog.target_size.setValue(21)
    dialog.reviewer.setText("kenji")
    dialog.shortcuts.selectRow(_row(dialog, "review.next"))
    dialog.key_edit.setKeySequence(QKeySequence("Alt+N"))
    dialog.assign.click()
    assert dialog.apply()
    assert window.editor.correction.font().pointSize() == 21
    assert window.service.author == "kenji"
    assert _portable(window.registry.action("review.next").shortcut()) == "Alt+N"


def test_shortcuts_saved_under_the_old_attribute_names_are_migrated(qtbot, project):
    from mtreview.ui.main_window import MainWindow

    prefs = Preferences(reviewer="tester", shortcuts={"confirm": "F9", "no_such_action": "F10"})
    w = MainWindow(project, prefs)
    qtbot.addWidget(w)
    assert _portable(w.registry.action("review.confirm").shortcut()) == "F9"
    assert (
        _portable(w.registry.action("review.next").shortcut()) == "Ctrl+Down"
    )  # untouched actions keep their defaults
    w.close()


def test_reset_restores_default_shortcuts(qtbot, project):
    from mtreview.ui.main_window import MainWindow

    w = MainWindow(project, Preferences(reviewer="tester", shortcuts={"confirm": "F9"}))
    qtbot.addWidget(w)
    dialog = open_preferences(w)
    qtbot.addWidget(dialog)
    dialog.reset_keys.click()
    assert dialog.values()["shortcuts"] == {}
    assert dialog.apply()
    assert _portable(w.registry.action("review.confirm").shortcut()) == "Ctrl+Return"
    w.close()


def test_a_shortcut_used_twice_is_refused(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    taken = _portable(window.registry.action("review.next").shortcut())
    dialog.shortcuts.selectRow(_row(dialog, "review.confirm"))
    dialog.key_edit.setKeySequence(QKeySequence(taken))
    dialog.assign.click()
    assert (
        taken in dialog.conflicts.text()
        or QKeySequence(taken).toString(QKeySequence.SequenceFormat.NativeText) in dialog.conflicts.text()
    )
    assert not dialog.apply()
    assert warnings
    assert not Preferences.path().exists()
    assert _portable(window.registry.action("review.confirm").shortcut()) == "Ctrl+Return"


def test_cancel_changes_nothing(qtbot, window):
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("someone else")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.prefs.reviewer == "tester"
    assert not Preferences.path().exists()


@pytest.mark.parametrize(("theme", "dark"), [("dark", True), ("light", False)])
def test_theme_changes_the_application_colours(qtbot, theme, dark):
    app = QApplication.instance()
    try:
        apply_theme(theme, app)
        window_colour = app.palette().color(QPalette.ColorRole.Window)
        assert (window_colour.lightness() < 128) is dark
        text_colour = app.palette().color(QPalette.ColorRole.WindowText)
        assert abs(text_colour.lightness() - window_colour.lightness()) > 100  # still readable
    finally:
        apply_theme("system", app)


def test_preferences_action_is_in_the_tools_menu_with_a_shortcut(window):
    assert window.registry.action("tools.preferences") in window.tools_menu.actions()
    assert window.registry.action("tools.project_settings") in window.tools_menu.actions()
    assert not window.registry.action("tools.preferences").shortcut().isEmpty()
    rows = dict(window.registry.help_rows())
    assert "Preferences…" in rows


def test_shortcut_table_lists_every_window_action(qtbot, window):
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    names = {dialog.shortcuts.item(r, 0).text() for r in range(dialog.shortcuts.rowCount())}
    assert {"Confirm and Next", "Next Unconfirmed", "Preferences…"} <= names
    assert dialog.shortcuts.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_language_chosen_in_preferences_is_used_at_the_next_start(qtbot, monkeypatch):
    """Save 日本語 in the dialog, start the app as `mtreview` does: the menus come up in Japanese."""
    import sys

    from PySide6.QtCore import QTimer

    from mtreview import i18n
    from mtreview.ui import app as app_module
    from mtreview.ui.main_window import MainWindow

    dialog = PreferencesDialog(Preferences(reviewer="tester"), {})
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    assert dialog.apply()

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the crash dialog hook
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                seen.extend(a.text() for a in widget.menuBar().actions())

    QTimer.singleShot(300, look)
    qt_app = QApplication.instance()
    try:
        assert app_module.run_gui(None, None, exit_after_ms=800) == 0
    finally:
        for translator in getattr(qt_app, "_mtreview_translators", []):
            qt_app.removeTranslator(translator)
        i18n.set_language("en")
    assert "ファイル(&F)" in seen, seen


def test_shortcuts_saved_under_registry_ids_are_applied(qtbot, project):
    from mtreview.ui.main_window import MainWindow

    prefs = Preferences(reviewer="tester", shortcuts={"review.confirm": "F8", "review.flag_in_mt": "G"})
    w = MainWindow(project, prefs)
    qtbot.addWidget(w)
    assert _portable(w.registry.action("review.confirm").shortcut()) == "F8"
    assert _portable(w.registry.action("review.flag_in_mt").shortcut()) == "G"
    assert "F8" in w.editor.correction_label.text()  # the label under the correction names the new keys
    w.close()


def test_rebinding_confirm_really_rebinds_it(qtbot, window, project):
    """Ctrl+Enter is only the Confirm action's default: after rebinding, it no longer confirms, the new
    keys do (no second route hard-coded in the correction box)."""
    from PySide6.QtCore import Qt

    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    dialog.shortcuts.selectRow(_row(dialog, "review.confirm"))
    dialog.key_edit.setKeySequence(QKeySequence("Ctrl+J"))
    dialog.assign.click()
    assert dialog.apply()
    window.grid.select_row(0)
    first = window.review.current
    correction = window.editor.correction
    correction.setFocus()
    qtbot.waitUntil(correction.hasFocus)
    correction.selectAll()
    correction.insertPlainText("確定しない")
    qtbot.keyClick(correction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.segment(first.id).status != "approved"
    assert window.review.current.id == first.id  # still on it
    qtbot.keyClick(correction, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    stored = project.segment(first.id)
    assert stored.status == "approved" and stored.corrected.startswith("確定しない")
    assert window.review.current.id != first.id
