"""Who made an edit, on a team server: the database login is stamped by the server beside the display name,
and a reviewer can add revisions but never rewrite or delete one (issue 19, item 11)."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest

from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.storage.copy import REVIEWER_ROLE, copy_project

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(tmp_path: Path, pg_server, pg_url: str):  # type: ignore[no-untyped-def]
    local = tmp_path / "local.mtreview"
    (tmp_path / "pairs.tsv").write_text("One cat.\t猫一匹。\nTwo dogs.\t犬二匹。\n", encoding="utf-8")
    svc = ProjectService.open(local, "Owner", create=True)
    svc.import_path(tmp_path / "pairs.tsv")
    svc.close()
    copy_project(local, pg_url)
    login = "alice_" + uuid.uuid4().hex[:6]
    database = pg_url.rsplit("/", 1)[1]
    admin = psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
    try:
        admin.execute(f"CREATE ROLE {login} LOGIN PASSWORD 'pw-{login}' IN ROLE {REVIEWER_ROLE}")
        admin.execute(f"GRANT CONNECT ON DATABASE {database} TO {login}")
        yield pg_server.url(database, user=login, password=f"pw-{login}"), login
    finally:
        admin.execute(f"DROP OWNED BY {login}")
        admin.close()


def test_revisions_record_the_database_login(team) -> None:  # type: ignore[no-untyped-def]
    url, login = team
    svc = ProjectService.open(url, "Alice the Reviewer")
    try:
        first = svc.segment_ids()[0]
        seg = svc.segment(first)
        svc.save(SegmentChange.confirm(first, "猫が一匹。", seg.version)).require_saved()
    finally:
        svc.close()
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        rows = conn.execute("SELECT author, db_user FROM revision ORDER BY id DESC LIMIT 1").fetchall()
    assert rows == [("Alice the Reviewer", login)]


def test_a_reviewer_cannot_rewrite_or_forge_history(team) -> None:  # type: ignore[no-untyped-def]
    url, login = team
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    attempts = [
        "UPDATE revision SET author = 'someone else'",
        "DELETE FROM revision",
        "INSERT INTO revision (entity, entity_id, segment_id, action, author, at, db_user) "
        "VALUES ('segment', 1, 1, 'edit', 'x', now(), 'bob')",
        "ALTER TABLE revision DISABLE TRIGGER revision_db_user",
    ]
    for statement in attempts:
        with psycopg.connect(plain) as conn, pytest.raises(psycopg.errors.Error) as info:
            conn.execute(statement)
        assert isinstance(
            info.value, (psycopg.errors.InsufficientPrivilege, psycopg.errors.WrongObjectType)
        ) or ("must be owner" in str(info.value)), statement
    with psycopg.connect(plain) as conn:  # adding a revision without naming the login is allowed, stamped
        conn.execute(
            "INSERT INTO revision (entity, entity_id, segment_id, action, author, at) "
            "VALUES ('segment', 1, 1, 'edit', 'Alice', now())"
        )
        stamped = conn.execute("SELECT db_user FROM revision ORDER BY id DESC LIMIT 1").fetchone()
    assert stamped == (login,)
