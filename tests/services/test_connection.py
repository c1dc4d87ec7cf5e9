"""Team-project passwords stay out of saved locations: kept in libpq's password file instead."""

from __future__ import annotations

import stat
from urllib.parse import quote

import pytest

from mtreview.domain.errors import ProjectError
from mtreview.services.connection import password_file, remember_password, without_password
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
        ("postgresql+psycopg://ana@h/db", "postgresql+psycopg://ana@h/db"),
        ("/home/ana/review.mtreview", "/home/ana/review.mtreview"),
    ],
)
def test_saved_locations_never_carry_the_password(location: str, saved: str) -> None:
    assert without_password(location) == saved


@pytest.mark.postgres
def test_a_remembered_password_opens_the_project_later(pg_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PGPASSFILE", raising=False)  # restored after the test
    db = pg_server.create_database()
    role, secret = f"rev_{db.rsplit('_', 1)[-1]}", "p:w@d\\x"
    pg_server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'; GRANT ALL ON DATABASE {db} TO {role}")
    pg_server.psql(f"GRANT ALL ON SCHEMA public TO {role}", db)
    full = f"postgresql+psycopg://{role}:{quote(secret, safe='')}@127.0.0.1:{pg_server.port}/{db}"
    bare = without_password(full)
    with pytest.raises(ProjectError):
        open_project(bare, create=True)  # no password anywhere yet
    assert remember_password(full) == bare
    assert remember_password(full) == bare  # again: replaced, not duplicated
    lines = password_file().read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and secret not in bare
    assert stat.S_IMODE(password_file().stat().st_mode) == 0o600
    store = open_project(bare, create=True)
    store.close()
