"""A team project saved without its password asks for it in a dialog; the typed password reaches the
connection and, if "remember" is ticked, the system keyring — no file the app writes (issue 19)."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null
from PySide6.QtWidgets import QDialog, QMessageBox

from mtreview.domain.model import Status
from mtreview.services.connection import without_password
from mtreview.services.prefs import Preferences
from mtreview.ui.password_dialog import PasswordDialog


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def _use_keyring(backend: KeyringBackend) -> Any:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    return previous


@pytest.fixture
def no_saved_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No keyring entry, no PGPASSFILE, no ~/.pgpass: the password exists only in the user's head."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return home


@pytest.fixture
def team_project(pg_server, tmp_path_factory) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A team project on the server, owned by a role whose password has an ``@``, a ``:`` and a space."""
    from mtreview.services.project import ProjectService

    db = pg_server.create_database()
    role, secret = f"rev_{uuid.uuid4().hex[:8]}", f"Pw:{uuid.uuid4().hex[:12]}@x y"
    pg_server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'; GRANT ALL ON DATABASE {db} TO {role}")
    pg_server.psql(f"GRANT ALL ON SCHEMA public TO {role}", db)
    full = f"postgresql+psycopg://{role}:{quote(secret, safe='')}@127.0.0.1:{pg_server.port}/{db}"
    service = ProjectService.open(full, "setup", create=True)
    tsv = Path(tempfile.mkdtemp(prefix="mtreview-team-")) / "pair.tsv"
    tsv.write_text(
        "One cat.\t猫が一匹。\nTwo dogs.\t犬が二匹。\nThree birds.\t鳥が三羽。\n", encoding="utf-8"
    )
    service.import_path(tsv)
    service.close()
    return without_password(full), secret


def _answer(monkeypatch: pytest.MonkeyPatch, answers: list[tuple[str | None, bool]]) -> list[str]:
    """The password dialog, answered in turn by ``answers`` (password or None for Cancel, remember);
    returns the texts the dialog showed."""
    shown: list[str] = []

    def exec_(dialog: PasswordDialog) -> int:
        from PySide6.QtWidgets import QLabel

        shown.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
        password, remember = answers.pop(0)
        if password is None:
            dialog.reject()
            return int(QDialog.DialogCode.Rejected)
        dialog.password_edit.insert(password)
        if remember:
            assert dialog.remember.isEnabled()
            dialog.remember.setChecked(True)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PasswordDialog, "exec", exec_)
    return shown


def _files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


@pytest.mark.postgres
def test_a_saved_team_address_asks_for_the_password_and_nothing_written_holds_it(  # type: ignore[no-untyped-def]
    qtbot, window, team_project, no_saved_password, tmp_path, monkeypatch
) -> None:
    """Open Recent on a team project with no password anywhere: the dialog asks, a wrong password is asked
    again, the right one opens the project; then a whole session (edits, drafts, the outbox, an export, a
    crash report saved, preferences on close) — and no file the app wrote holds the password."""
    bare, secret = team_project
    previous = _use_keyring(null.Keyring())
    try:
        window.prefs.recent = [bare]
        window.save_prefs()
        shown = _answer(monkeypatch, [("wrong-" + secret, False), (secret, False)])
        assert window.operations.switch_project(bare)
        assert len(shown) == 2
        user = bare.split("//")[1].split("@")[0]
        assert user in shown[0] and "not accept" not in shown[0]
        assert "not accept" in shown[1]  # the wrong password was refused and asked for again
        assert window.service.location == bare  # the password is not part of the location
        assert window.windowTitle().startswith(window.service.display_name)  # the address without a password

        # a session: confirm, type a draft, queue an offline confirmation, export, crash
        window.grid.select_row(0)
        window.editor.correction.setPlainText("猫が1匹。")
        window.review.confirm_and_next()
        first = window.service.segment(window.service.segment_ids()[0])
        assert first.status == Status.APPROVED and first.corrected == "猫が1匹。"
        window.editor.correction.setPlainText("下書き")
        window.editor.flush_draft()
        from mtreview.services.outbox import Outbox

        seg = window.service.segment(window.service.segment_ids()[2])
        outbox = Outbox.for_service(window.service)
        outbox.queue(seg.id, "オフライン", seg.version, "tester")
        queued = outbox.path.read_bytes()
        assert "オフライン".encode() in queued and secret.encode() not in queued
        assert quote(secret, safe="").encode() not in queued and secret not in str(outbox.path)
        window.team.flush_outbox()
        assert window.service.segment(seg.id).corrected == "オフライン"
        from mtreview.services.export import export_project

        work = tmp_path / "work"
        work.mkdir()
        export_project(window.service, "tmx", work / "out.tmx")

        from mtreview.ui import app as app_module
        from mtreview.ui.crash import CrashDialog

        dialogs: list[CrashDialog] = []
        monkeypatch.setattr(CrashDialog, "exec", lambda self: dialogs.append(self) or 0)
        full = bare.replace("@", ":" + quote(secret, safe="") + "@", 1)
        try:
            raise RuntimeError(f"boom at {full} with password={secret} and {secret!r}")
        except RuntimeError as exc:
            app_module.show_crash_dialog(RuntimeError, exc, exc.__traceback__)
        assert dialogs and secret not in dialogs[0].report and "boom" in dialogs[0].report
        assert dialogs[0].log is not None and dialogs[0].log.exists()
        assert dialogs[0].save_to(str(work / "report.txt"))
        window.close()
    finally:
        keyring.set_keyring(previous)

    assert not any(d.exists() for d in [no_saved_password / ".pgpass"])
    settings_home = Path(os.environ["MTREVIEW_CONFIG_DIR"]).parent  # config, data, logs, caches, XDG
    files = _files_under(settings_home, no_saved_password, tmp_path)
    names = {p.name for p in files}
    assert "preferences.json" in names and "report.txt" in names and "out.tmx" in names
    assert any(p.name.startswith("crash-") for p in files)
    assert bare in Preferences.load().recent
    needles = {secret, quote(secret, safe=""), quote(secret), *secret.split("@"), *secret.split(":")}
    needles = {n for n in needles if len(n) >= 4}
    leaks = [f"{p}: {n!r}" for p in files for n in needles if n.encode() in p.read_bytes()]
    assert leaks == [], f"{len(files)} files checked"


@pytest.mark.postgres
def test_remember_puts_the_password_in_the_keyring_and_the_next_open_does_not_ask(  # type: ignore[no-untyped-def]
    qtbot, window, team_project, no_saved_password, monkeypatch
) -> None:
    bare, secret = team_project
    backend = MemoryKeyring()
    previous = _use_keyring(backend)
    try:
        _answer(monkeypatch, [(secret, True)])
        assert window.operations.switch_project(bare)
        assert list(backend.items.values()) == [secret]
        assert window.operations.switch_project(bare)  # no answer left: a second prompt would fail
    finally:
        keyring.set_keyring(previous)
    window.close()
    written = _files_under(Path(os.environ["MTREVIEW_CONFIG_DIR"]).parent, no_saved_password)
    assert not [p for p in written if secret.encode() in p.read_bytes()]


@pytest.mark.postgres
def test_cancelling_the_password_keeps_the_open_project(  # type: ignore[no-untyped-def]
    qtbot, window, team_project, no_saved_password, monkeypatch
) -> None:
    bare, _secret = team_project
    before = window.service.location
    previous = _use_keyring(null.Keyring())
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail(f"no error box for a cancel: {a}"))
    try:
        shown = _answer(monkeypatch, [(None, False)])
        assert not window.operations.switch_project(bare)
    finally:
        keyring.set_keyring(previous)
    assert shown and window.service.location == before
    assert bare not in window.prefs.recent


def test_without_a_keyring_remember_is_disabled(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PasswordDialog("postgresql+psycopg://ana@h/db", "ana", rejected=False, can_remember=False)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and dialog.remember.toolTip()
    from test_accessibility import unnamed_widgets

    assert not unnamed_widgets(dialog)
