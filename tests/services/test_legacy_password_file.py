"""Versions before issue 19 kept typed team passwords in a libpq password file of their own (``pgpass`` in
the settings folder). It is moved into the system keyring when there is one and deleted, at the first
start of the app or of a command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from mtreview.services.connection import forget_legacy_password_file, legacy_password_file

OLD_FILE = (
    "db.example:5433:team:ana:s3cr\\:et\\\\x\n"  # as the old writer escaped ':' and '\\'
    "127.0.0.1:5432:other:bo:hunter22\n"
)


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


@pytest.fixture
def old_files() -> list[Path]:
    path = legacy_password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OLD_FILE, encoding="utf-8")
    path.chmod(0o600)
    leftover = path.parent / ".pgpass-k2j3h4"  # a temporary of the old atomic write, left by a kill
    leftover.write_text(OLD_FILE, encoding="utf-8")
    keep = path.parent / "preferences.json"
    keep.write_text("{}", encoding="utf-8")
    return [path, leftover]


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv("PGPASSFILE", raising=False)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def test_the_old_password_file_moves_into_the_keyring_and_is_deleted(old_files, backend) -> None:  # type: ignore[no-untyped-def]
    assert forget_legacy_password_file() == 2
    assert not any(p.exists() for p in old_files)
    assert (old_files[0].parent / "preferences.json").exists()  # nothing else in the folder is touched
    assert backend.items == {
        ("mtreview", "ana@db.example:5433/team"): "s3cr:et\\x",
        ("mtreview", "bo@127.0.0.1:5432/other"): "hunter22",
    }
    assert forget_legacy_password_file() == 0  # once: nothing left to do


def test_without_a_keyring_the_old_file_is_deleted_all_the_same(old_files, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PGPASSFILE", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert forget_legacy_password_file() == 2
    finally:
        keyring.set_keyring(previous)
    assert not any(p.exists() for p in old_files)


def test_a_file_the_user_chose_as_pgpassfile_is_theirs(old_files, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PGPASSFILE", str(old_files[0]))
    assert forget_legacy_password_file() == 0
    assert old_files[0].read_text(encoding="utf-8") == OLD_FILE and backend.items == {}


def test_a_command_line_start_deletes_it(old_files, tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "HOME": str(tmp_path)}
    env.pop("PGPASSFILE", None)
    done = subprocess.run(
        [sys.executable, "-m", "mtreview", "--help"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert not any(p.exists() for p in old_files)
