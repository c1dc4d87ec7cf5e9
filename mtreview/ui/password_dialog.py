"""The team server's password, asked for when none of its sources had it (or the server refused it).

The typed password is handed to the connection and nowhere else; with "Remember" ticked it goes to the
system keyring (the box is disabled where there is none). It is never shown, saved with the location,
put in the recent list or logged.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from mtreview.i18n import _


class PasswordDialog(QDialog):
    def __init__(
        self,
        where: str,
        user: str | None,
        rejected: bool,
        can_remember: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Team Server Password"))
        form = QFormLayout(self)
        text = (
            _("The server did not accept the password of {user} for {where}. Try again:")
            if rejected
            else _("{where} asks for the password of {user}.")
        )
        intro = QLabel(text.format(user=user or "?", where=where))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(_("Password"))
        form.addRow(_("&Password:"), self.password_edit)
        self.remember = QCheckBox(_("&Remember it in the system keyring"))
        self.remember.setEnabled(can_remember)
        if not can_remember:
            self.remember.setToolTip(
                _("No system keyring is available: the password is used for this session only.")
            )
        form.addRow(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.password_edit.setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.password_edit.clear()
        super().done(result)
