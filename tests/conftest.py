"""Fixtures shared by the whole suite.

``shared_dir``: ../shared (the seed page and third-party test data). Tests that need it skip with a
clear reason where it is absent, except with ``CI=true``, where its absence is a failure.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"


def _shared_path() -> Path:
    env = os.environ.get("MTREVIEW_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip when ``condition`` is false, except in CI, where it fails the test."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared_path()
    require_or_skip(
        (path / "PRODUCT.md").exists(), f"../shared is absent ({path}): third-party test data unavailable"
    )
    return path


@pytest.fixture(scope="session")
def seed_page(shared_dir: Path) -> Path:
    path = shared_dir / "seeds" / "000_6217bf764f1e3efe.txt"
    require_or_skip(path.exists(), f"seed page missing: {path}")
    return path


@pytest.fixture(scope="session")
def testdata(shared_dir: Path) -> Path:
    return shared_dir / "testdata"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep app settings, recent files and drafts of every test out of the user's real profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MTREVIEW_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(home / "data"))
    # TM indexes per test; not MTREVIEW_CACHE_DIR: the JMdict word index there is built once per machine
    monkeypatch.setenv("MTREVIEW_TM_INDEX_DIR", str(home / "tm-index"))
    monkeypatch.setenv("MTREVIEW_LOG_DIR", str(home / "logs"))  # crash logs of CLI runs
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = len(terminalreporter.stats.get("skipped", []))
    terminalreporter.write_line(f"mtreview: {skipped} test(s) skipped" + (" (CI=true)" if IN_CI else ""))


# ---------------------------------------------------------------- team mode: a real PostgreSQL server
# One throw-away PostgreSQL 15 server per test session (tests/pg.py); each test gets its own database.
# Where the binaries are absent these tests skip with the reason, except with CI=true, where they fail.


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    import pg

    require_or_skip(pg.binaries_present(), pg.missing_reason())
    # A run stopped by SIGTERM (e.g. `timeout`) still stops its server: exit through the finally below.
    previous = signal.getsignal(signal.SIGTERM)
    if previous == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = pg.PgServer().start()
    try:
        yield server
    finally:
        server.stop()
        if previous == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.fixture
def pg_url(pg_server):  # type: ignore[no-untyped-def]
    """A ``postgresql+psycopg://`` URL of a new, empty database (as the superuser), dropped afterwards."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def project_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new project goes, once per backend: a ``.mtreview`` file and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "project.mtreview")
    return str(request.getfixturevalue("pg_url"))
