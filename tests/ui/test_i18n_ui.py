"""The UI in Japanese: menus and actions found by their Japanese text, Qt's own strings translated too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mtreview import i18n
from mtreview.services.prefs import Preferences

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


@pytest.fixture
def ja_window(qtbot, project):
    from mtreview.ui.app import install_qt_translations
    from mtreview.ui.main_window import MainWindow

    i18n.set_language("ja")
    app = QApplication.instance()
    translators = install_qt_translations(app, "ja")  # as run_gui does
    try:
        w = MainWindow(project, Preferences(reviewer="tester"))
        qtbot.addWidget(w)
        w.show()
        yield w
        w.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        i18n.set_language("en")


def _actions_by_text(window):
    return {a.text(): a for a in window.registry.actions().values() if a.text()}


@pytest.mark.parametrize(
    ("japanese", "action_id"),
    [
        ("確定して次へ(&C)", "review.confirm"),
        ("次の未確定セグメント(&U)", "review.next_unconfirmed"),
        ("ドキュメントをインポート(&I)…", "file.import"),
        ("元に戻す(&U)", "edit.undo"),
        ("キーボードショートカット(&K)", "help.shortcuts"),
        ("環境設定(&P)…", "tools.preferences"),
        ("プロジェクト設定(&S)…", "tools.project_settings"),
    ],
)
def test_key_actions_are_found_by_their_japanese_text(ja_window, japanese, action_id):
    found = _actions_by_text(ja_window).get(japanese)
    assert found is ja_window.registry.action(action_id)


def test_menu_titles_are_japanese_with_bracketed_mnemonics(ja_window):
    titles = [a.text() for a in ja_window.menuBar().actions()]
    assert "ファイル(&F)" in titles and "ヘルプ(&H)" in titles
    assert all(JAPANESE.search(t) and re.search(r"\(&[A-Z]\)$", t) for t in titles), titles


def test_no_menu_item_is_left_in_english(ja_window):
    english = []
    for menu_action in ja_window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else ():
            if action.isSeparator() or action.menu() is ja_window.recent_menu:
                continue
            if not JAPANESE.search(action.text()):
                english.append(action.text())
    assert not english


def english_texts(root) -> list[tuple[str, str]]:
    """Labels, buttons, tabs, group titles, column headers, placeholders and status tips without Japanese."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTableView,
        QTabWidget,
        QTreeView,
    )

    found: list[tuple[str, str]] = []

    def check(kind: str, text: object) -> None:
        if text and not JAPANESE.search(str(text)):
            found.append((kind, str(text)))

    for label in root.findChildren(QLabel):
        check("label", label.text())
    for button in root.findChildren(QAbstractButton):
        check(type(button).__name__, button.text())
    for tabs in root.findChildren(QTabWidget):
        for i in range(tabs.count()):
            check("tab", tabs.tabText(i))
    for group in root.findChildren(QGroupBox):
        check("group", group.title())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not isinstance(view, QTableView | QTreeView):
            continue
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a Qt-internal model with a private columnCount
            continue
        for column in range(columns):
            check("column header", model.headerData(column, Qt.Orientation.Horizontal))
    for edit in root.findChildren(QLineEdit):
        check("placeholder", edit.placeholderText())
    for action in root.findChildren(QAction):
        check("status tip", action.statusTip())
    return found


def test_no_visible_text_of_the_main_window_is_left_in_english(ja_window):
    ja_window.grid.select_row(0)
    assert not english_texts(ja_window)


@pytest.mark.parametrize("opener", ["open_preferences", "open_project_settings"])
def test_no_text_of_the_settings_dialogs_is_left_in_english(qtbot, ja_window, opener):
    from mtreview.ui import preferences

    dialog = getattr(preferences, opener)(ja_window)
    qtbot.addWidget(dialog)
    # Deliberate exceptions: a language offered in its own name; "OK", which Japanese UIs keep.
    assert [t for t in english_texts(dialog) if t[1] not in ("English", "OK")] == []


def test_confirm_by_the_japanese_menu_item(ja_window, project):
    ja_window.grid.select_row(0)
    first = ja_window.review.current
    ja_window.editor.correction.setPlainText("図書館は土曜日に再開した。")
    _actions_by_text(ja_window)["確定して次へ(&C)"].trigger()
    assert project.segment(first.id).status.value == "approved"


def test_status_bar_and_filters_speak_japanese(ja_window):
    assert "確定済み" in ja_window.progress_label.text()
    assert ja_window.grid.status_filter.itemText(0) == "すべてのステータス"


def test_qt_ships_japanese_translations_for_its_own_dialogs():
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    from pathlib import Path

    assert (Path(folder) / "qtbase_ja.qm").exists(), f"qtbase_ja.qm missing from {folder}"


def test_qt_standard_buttons_are_translated_after_switching_to_japanese(qtbot):
    from mtreview.ui.app import install_qt_translations

    app = QApplication.instance()
    translators = install_qt_translations(app, "ja")
    try:
        assert translators, "no Qt translation loaded for ja"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
        qtbot.addWidget(box)
        texts = [b.text() for b in box.buttons()]
        assert all(JAPANESE.search(t) for t in texts), texts
    finally:
        for t in translators:
            app.removeTranslator(t)
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.buttons()[0].text().replace("&", "") == "Cancel"


@pytest.mark.parametrize("language", ["en", "pseudo"])
def test_no_qt_translation_is_loaded_for_english_or_pseudo(language):
    from mtreview.ui.app import install_qt_translations

    assert install_qt_translations(QApplication.instance(), language) == []


def test_pseudo_translation_lengthens_the_menus(qtbot, project):
    from mtreview.ui.main_window import MainWindow

    i18n.set_language("pseudo")
    try:
        w = MainWindow(project, Preferences(reviewer="tester"))
        qtbot.addWidget(w)
    finally:
        i18n.set_language("en")
    assert w.registry.action("review.confirm").text().startswith("[") and len(
        w.registry.action("review.confirm").text()
    ) > len("&Confirm and Next")
    w.close()


def test_the_english_text_walker_sees_an_english_window(window):
    kinds = {kind for kind, _text in english_texts(window)}
    assert {"label", "tab", "column header", "placeholder", "status tip"} <= kinds
