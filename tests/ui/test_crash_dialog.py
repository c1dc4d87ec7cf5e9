"""The window's crash handling is redacted like the command line's: the dialog, stderr and the crash log
show no password (in a URL, a ``password=`` or verbatim), and saving the report goes through the output
guard. The window's start-up also deletes a password file older versions wrote (issue 19)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from mtreview.domain.redact import register_secret
from mtreview.ui import app as app_module
from mtreview.ui.crash import CrashDialog

SECRET = "tr0ub4dor&3"


def _crash(monkeypatch: pytest.MonkeyPatch) -> CrashDialog:
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    register_secret("c0rrect-h0rse")  # typed in the password dialog earlier in the session
    try:
        raise ValueError(
            f"cannot reach postgresql+psycopg://ana:{SECRET}@db/team?sslpassword={SECRET}x "
            f"(dsn: host=db password={SECRET}y) after c0rrect-h0rse"
        )
    except ValueError as exc:
        app_module.show_crash_dialog(ValueError, exc, exc.__traceback__)
    assert len(shown) == 1
    return shown[0]


def test_the_crash_dialog_and_its_log_hold_no_password(qtbot, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    dialog = _crash(monkeypatch)
    qtbot.addWidget(dialog)
    log = dialog.log
    assert log is not None and log.parent == Path(os.environ["MTREVIEW_LOG_DIR"])
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    err = capsys.readouterr().err
    for text in (dialog.report, log.read_text(encoding="utf-8"), err):
        assert "ValueError: cannot reach postgresql+psycopg://ana:***@db/team" in text
        assert SECRET not in text and "c0rrect-h0rse" not in text
    assert str(log) in " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_saving_the_report_goes_through_the_guard(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _crash(monkeypatch)
    qtbot.addWidget(dialog)
    report = tmp_path / "report.txt"
    assert dialog.save_to(str(report))
    assert "ValueError" in report.read_text(encoding="utf-8") and SECRET not in report.read_text("utf-8")
    from mtreview.services.project import ProjectService

    project = tmp_path / "p.mtreview"
    ProjectService.open(project, "t", create=True).close()
    before = project.read_bytes()
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    assert not dialog.save_to(str(project))  # never over a project (or any SQLite database)
    assert project.read_bytes() == before and errors and "p.mtreview" in errors[0]
    assert not dialog.save_to(str(tmp_path))  # nor over a folder
    assert len(errors) == 2


def test_the_window_start_deletes_an_old_password_file(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtreview.domain.errors import Cancelled
    from mtreview.services.connection import legacy_password_file

    old = legacy_password_file()
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text("db:5432:team:ana:s3cret\n", encoding="utf-8")
    monkeypatch.delenv("PGPASSFILE", raising=False)
    import keyring
    from keyring.backends import null

    monkeypatch.setattr(keyring.core, "_keyring_backend", null.Keyring())  # never the user's keyring
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the crash dialog

    def cancelled(*_args: object) -> None:
        raise Cancelled("no password given")

    monkeypatch.setattr(app_module, "start_window", cancelled)
    assert app_module.run_gui(None, "en") == 2
    assert not old.exists()
