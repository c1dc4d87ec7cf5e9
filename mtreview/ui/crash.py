"""The dialog shown for an uncaught exception: the redacted report, where its crash log is, a way to save it.

The report is the same text the crash log holds (``services.crashlog.crash_report``): every database URL,
libpq ``password=`` and password typed this session masked. Saving goes through the output guard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.errors import MtreviewError
from mtreview.domain.outputs import atomic_output
from mtreview.domain.redact import redact_text
from mtreview.i18n import _


class CrashDialog(QDialog):
    def __init__(self, report: str, log: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("mtreview hit an unexpected error"))
        self.report = redact_text(report)
        self.log = log
        layout = QVBoxLayout(self)
        message = _(
            "Something went wrong. Your confirmed work is saved in the project.\n"
            "You can save this report and send it to the developers."
        )
        if log is not None:
            message += "\n" + _("The report is also in {log}.").format(log=log)
        label = QLabel(message)
        label.setWordWrap(True)
        layout.addWidget(label)
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
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the report to ``path`` through the output guard; a refusal or a failure is shown."""
        try:
            with atomic_output(path) as handle:
                handle.write(self.report)
        except (MtreviewError, OSError) as exc:
            QMessageBox.critical(self, _("Cannot save the report"), redact_text(str(exc)))
            return False
        return True
