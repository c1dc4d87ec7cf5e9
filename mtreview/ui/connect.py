"""Opening a project from the window: a team server that wants a password gets one typed in a dialog.

Used by every way the window opens a project (the command line's location at start-up, File ▸ Open,
Open Recent, a dropped file). A password comes, in order, from the URL, the system keyring, libpq's
``PGPASSFILE``/``~/.pgpass`` — and only when none has it (or the server refuses it) from the user.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from mtreview.domain.errors import PasswordRequired
from mtreview.services.connection import keyring_available, store_typed_password
from mtreview.services.project import ProjectService
from mtreview.services.transfer import display_location


def open_project_asking(
    parent: QWidget | None, location: str, reviewer: str, create: bool = False
) -> ProjectService | None:
    """The project at ``location``; ``None`` when the user cancelled the password dialog. Other failures
    raise ``MtreviewError`` as ``ProjectService.open`` does."""
    from mtreview.ui.password_dialog import PasswordDialog

    password: str | None = None
    remember = False
    while True:
        try:
            service = ProjectService.open(location, reviewer, create=create, password=password)
        except PasswordRequired as exc:
            dialog = PasswordDialog(
                display_location(location),
                exc.user,
                rejected=exc.rejected or password is not None,
                can_remember=keyring_available(),
                parent=parent,
            )
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            password, remember = dialog.password(), dialog.remember.isChecked()
            dialog.password_edit.clear()
            dialog.deleteLater()
            if not accepted:
                return None
            continue
        if password is not None and remember:
            store_typed_password(location, password)
        return service
