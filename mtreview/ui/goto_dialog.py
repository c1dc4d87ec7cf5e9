"""Edit ▸ Go to Segment (Ctrl+G): type a number, Enter goes there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from mtreview.i18n import _


class GoToDialog(QDialog):
    chosen = Signal(int)
    """The segment number (1-based, in the current document) to go to."""

    def __init__(self, current: int, last: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Go to Segment"))
        form = QFormLayout(self)
        self.number = QSpinBox()
        self.number.setRange(1, max(1, last))
        self.number.setValue(min(max(1, current), max(1, last)))
        self.number.setAccessibleName(_("Segment number"))
        self.number.selectAll()
        form.addRow(_("&Segment (1–{last}):").format(last=last), self.number)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.number.interpretText()
        self.chosen.emit(self.number.value())
        super().accept()
