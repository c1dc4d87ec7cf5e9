"""Every interactive widget has a name a screen reader can announce (accessible name or buddy label)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
)


def _is_qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside composite widgets (scroll-area corners, a combo box's own popup and line
    edit, a spin box's line edit): their owner carries the name."""
    name = widget.objectName()
    if name.startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox) or parent.objectName().startswith("qt_"):
            return True
        if type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in ("QTableCornerButton",)


def unnamed_widgets(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _is_qt_internal(widget):
            continue
        if widget.accessibleName() or id(widget) in buddies:
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        spoken = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if isinstance(widget, QAbstractButton) and spoken.strip():
            continue  # a button's visible text is its accessible name
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} text={spoken!r}")
    return missing


def test_every_interactive_widget_of_the_main_window_is_named(window):
    assert not unnamed_widgets(window)


def test_every_interactive_widget_of_the_preferences_dialog_is_named(qtbot, window):
    from mtreview.ui.preferences import open_preferences

    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    assert not unnamed_widgets(dialog)


def test_every_interactive_widget_of_the_project_settings_dialog_is_named(qtbot, window):
    from mtreview.ui.preferences import open_project_settings

    dialog = open_project_settings(window)
    qtbot.addWidget(dialog)
    assert not unnamed_widgets(dialog)


@pytest.mark.parametrize("named", [False, True])
def test_the_walker_notices_an_unnamed_field(qtbot, named):
    root = QWidget()
    qtbot.addWidget(root)
    field = QLineEdit(root)
    if named:
        field.setAccessibleName("Name")
    assert bool(unnamed_widgets(root)) is not named
