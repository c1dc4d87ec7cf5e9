"""The dialog shown for an uncaught exception: details, and a way to save a report."""

from __future__ import annotations

import platform
import sys
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mtreview import __version__
from mtreview.i18n import _


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("mtreview hit an unexpected error"))
        self.report = (
            f"mtreview {__version__}\nPython {sys.version}\n{platform.platform()}\n"
            f"{datetime.now(UTC).isoformat()}\n\n{details}"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "Something went wrong. Your confirmed work is saved in the project.\n"
                    "You can save this report and send it to the developers."
                )
            )
        )
        text = QPlainTextEdit(self.report)
        text.setReadOnly(True)
        text.setAccessibleName(_("Error details"))
        layout.addWidget(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 420)

    def save_report(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save Error Report"), "mtreview-error.txt")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.report)
