"""Team-project passwords never reach the disk: not the preferences, the recent list, logs, reports, exports
or messages. They come from the system keyring, libpq's PGPASSFILE, or the URL of one run (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import keyring
import pytest
from keyring.backend import KeyringBackend

from mtreview.domain.errors import ProjectError
from mtreview.domain.redact import redact_text, redact_url
from mtreview.services.connection import remember_password, without_password
from mtreview.services.prefs import Preferences
from mtreview.storage import open_project


@pytest.mark.parametrize(
    ("location", "saved"),
    [
        (
            "postgresql+psycopg://ana:s3cret@db.example:5433/team",
            "postgresql+psycopg://ana@db.example:5433/team",
        ),
        (
            "postgresql+psycopg://ana:p%3Aw%40d@h/db?sslmode=require",
            "postgresql+psycopg://ana@h/db?sslmode=require",
        ),
        ("postgresql+psycopg://ana:p@ss:w@rd@h/db", "postgresql+psycopg://ana@h/db"),  # raw @ in the password
        (
            "postgresql+psycopg://ana@h/db?password=s3cret&sslmode=require",
            "postgresql+psycopg://ana@h/db?sslmode=require",
        ),
        (
            "postgresql+psycopg://ana@h/db?sslmode=require&password=s3cret",
            "postgresql+psycopg://ana@h/db?sslmode=require",
        ),
        ("postgresql+psycopg://ana@h/db", "postgresql+psycopg://ana@h/db"),
        ("/home/ana/review.mtreview", "/home/ana/review.mtreview"),
    ],
)
def test_saved_locations_never_carry_the_password(location: str, saved: str) -> None:
    assert without_password(location) == saved
    for secret in ("s3cret", "p@ss:w@rd", "ss:w", "p%3Aw%40d"):
        assert secret not in redact_url(location) or secret not in location
        assert secret not in redact_text(f"cannot open {location}: refused") or secret not in location


def test_the_recent_list_never_holds_a_password(tmp_path: Path) -> None:
    prefs = Preferences()
    prefs.add_recent("postgresql+psycopg://ana:hunter2@h/db")
    prefs.recent.append("postgresql+psycopg://bo:hunter3@h/db")  # as an older version saved it
    prefs.save()
    text = Preferences.path().read_text(encoding="utf-8")
    assert "hunter2" not in text and "hunter3" not in text and "ana@h/db" in text


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
def memory_keyring() -> Any:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def reviewer(pg_server) -> Any:  # type: ignore[no-untyped-def]
    db = pg_server.create_database()
    role, secret = f"rev_{uuid.uuid4().hex[:8]}", f"Pw:{uuid.uuid4().hex}@x/y"
    pg_server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'; GRANT ALL ON DATABASE {db} TO {role}")
    pg_server.psql(f"GRANT ALL ON SCHEMA public TO {role}", db)
    full = f"postgresql+psycopg://{role}:{quote(secret, safe='')}@127.0.0.1:{pg_server.port}/{db}"
    return full, secret


@pytest.mark.postgres
def test_a_remembered_password_comes_back_from_the_keyring(reviewer, memory_keyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.setenv("HOME", "/nonexistent")  # no ~/.pgpass either
    full, secret = reviewer
    bare = without_password(full)
    with pytest.raises(ProjectError) as info:
        open_project(bare, create=True)  # no password anywhere yet
    assert secret not in str(info.value)
    assert remember_password(full) == bare
    assert list(memory_keyring.items.values()) == [secret]
    store = open_project(bare, create=True)
    store.close()


@pytest.mark.postgres
def test_without_a_keyring_nothing_is_written(reviewer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    try:
        full, _secret = reviewer
        assert remember_password(full) == without_password(full)
    finally:
        keyring.set_keyring(previous)
    written = [p for p in Path(os.environ["MTREVIEW_CONFIG_DIR"]).parent.rglob("*") if p.is_file()]
    assert written == []


@pytest.mark.postgres
def test_no_file_written_in_a_team_session_holds_the_password(reviewer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A whole session as a user would run it, every file written and everything printed grepped."""
    full, secret = reviewer
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "MTREVIEW_CONFIG_DIR": str(home / "config"),
        "MTREVIEW_DATA_DIR": str(home / "data"),
        "MTREVIEW_LOG_DIR": str(home / "logs"),
        "XDG_CONFIG_HOME": str(home / "xdg-config"),
        "XDG_DATA_HOME": str(home / "xdg-data"),
        "XDG_STATE_HOME": str(home / "xdg-state"),
        "XDG_CACHE_HOME": str(home / "xdg-cache"),
        "TMPDIR": str(tmp_path / "tmp"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    (tmp_path / "tmp").mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / "pairs.tsv").write_text("One cat.\t猫一匹。\nTwo dogs.\t犬二匹。\n", encoding="utf-8")
    raw_url = full.replace(quote(secret, safe=""), secret)  # typed as is, with its raw @ and :
    outputs: list[str] = []

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "mtreview", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=work,
            timeout=300,
        )
        outputs.extend([done.stdout, done.stderr])
        return done

    assert run("import", "pairs.tsv", "--project", full).returncode == 0
    for fmt, out in (
        ("tmx", "o.tmx"),
        ("xlsx", "o.xlsx"),
        ("po", "o.po"),
        ("xliff", "o.xlf"),
        ("csv", "o.csv"),
    ):
        assert run("export", full, "--format", fmt, "-o", out, "--json").returncode == 0
    assert run("report", full, "-o", "report.html", "--csv", "scores.csv").returncode == 0
    assert run("score", full, "--json").returncode == 0
    assert run("qa", raw_url, "--json").returncode in (0, 1)
    wrong = full.rsplit("/", 1)[0] + "/no_such_database"
    assert run("score", wrong, "--json").returncode == 2
    assert run("score", raw_url.replace("127.0.0.1", "127.0.0.1:1"), "--json").returncode == 2
    assert run("export", full, "--format", "tmx", "-o", "o.tmx", "--max-penalty", "nan").returncode == 2
    # the GUI's side of a session: recent list and preferences, in this environment
    code = (
        "from mtreview.services.prefs import Preferences\n"
        "from mtreview.services.connection import remember_password\n"
        "import sys\n"
        "p = Preferences.load(); p.add_recent(remember_password(sys.argv[1])); p.save()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, raw_url], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    files = [p for root in (home, work, tmp_path / "tmp") for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "preferences.json" for p in files)
    needles = {secret, quote(secret, safe=""), secret.split("@")[0], secret.split("@")[1]}
    leaks = [str(p) for p in files for n in needles if n.encode() in p.read_bytes()]
    leaks += [f"output: {o[:200]!r}" for o in outputs for n in needles if n in o]
    assert leaks == [], f"{len(files)} files checked"


@pytest.mark.postgres
def test_a_command_without_a_password_says_where_to_put_one(reviewer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    full, secret = reviewer
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "MTREVIEW_LOG_DIR": str(tmp_path / "logs"),
    }
    env.pop("PGPASSFILE", None)
    env.pop("PGPASSWORD", None)
    bare = without_password(full)
    wrong = full.replace(quote(secret, safe=""), "not-it")
    for location, expected in (
        (bare, "needs a password for rev_"),
        (wrong, "password authentication failed"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "mtreview", "score", location, "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 2 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1 and expected in done.stderr, done.stderr
        assert "not-it" not in done.stderr and secret not in done.stderr
    assert (
        "keyring"
        in subprocess.run(
            [sys.executable, "-m", "mtreview", "score", bare],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        ).stderr
    )
    assert not (tmp_path / "logs").exists()  # not a defect: no crash log
