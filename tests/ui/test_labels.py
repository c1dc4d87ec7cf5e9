"""What a user reads in dialogs: no label shows a literal "&" (a mnemonic needs a buddy), export formats
are described in the UI language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from mtreview import i18n


def _literal_ampersands(dialog: QDialog) -> list[str]:
    """Labels whose text has a mnemonic "&" but no buddy: Qt paints the "&" itself."""
    return [
        label.text()
        for label in dialog.findChildren(QLabel)
        if "&" in label.text().replace("&&", "").replace("&amp;", "")
        and "<" not in label.text()  # rich text: "&" is an entity there
        and label.buddy() is None
    ]


def _dialogs(window):
    from mtreview.ui.export_dialog import ExportDialog
    from mtreview.ui.glossary_dialog import GlossaryDialog
    from mtreview.ui.preferences import open_preferences, open_project_settings

    return {
        "export": lambda: ExportDialog(window.service, window),
        "glossary": lambda: GlossaryDialog(window.service, window),
        "preferences": lambda: open_preferences(window),
        "project settings": lambda: open_project_settings(window),
    }


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("name", ["export", "glossary", "preferences", "project settings"])
def test_no_dialog_label_shows_a_literal_ampersand(qtbot, window, name, language):
    try:
        i18n.set_language(language)
        dialog = _dialogs(window)[name]()
        qtbot.addWidget(dialog)
        assert _literal_ampersands(dialog) == []
    finally:
        i18n.set_language("en")


def test_export_formats_are_described_in_the_ui_language(qtbot, window):
    from mtreview.ui.export_dialog import ExportDialog

    english = ExportDialog(window.service, window)
    qtbot.addWidget(english)
    en_items = [english.format.itemText(i) for i in range(english.format.count())]
    try:
        i18n.set_language("ja")
        japanese = ExportDialog(window.service, window)
        qtbot.addWidget(japanese)
        ja_items = [japanese.format.itemText(i) for i in range(japanese.format.count())]
    finally:
        i18n.set_language("en")
    assert any("translation memory" in t for t in en_items)
    assert len(ja_items) == len(en_items)
    # The format's name stays (it is what the CLI takes); its description is Japanese.
    for en, ja in zip(en_items, ja_items, strict=True):
        assert en.split(" — ")[0] == ja.split(" — ")[0]
        assert " — " not in en or ja != en
