"""ProjectStore on both backends: a ``.mtreview`` SQLite file and a real PostgreSQL 15 database.

Every test taking ``project_url`` runs twice (``[sqlite]`` and ``[postgresql]``); the PostgreSQL
server is started once per session by ``tests/pg.py``.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from mtreview.domain.errors import ConflictError, ProjectError
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Side,
    Status,
)
from mtreview.storage import open_project
from mtreview.storage.engine import make_engine
from mtreview.storage.repository import ProjectStore


def make_doc(name: str, n: int, notes: tuple[int, ...] = ()) -> ImportedDocument:
    return ImportedDocument(
        name=name,
        segments=[SegmentDraft(f"{name} source {i}", f"{name} 訳 {i}", (i,), (i,)) for i in range(1, n + 1)],
        target_only=notes,
        target_only_text={line: f"note {line}" for line in notes},
    )


@pytest.fixture
def store(project_url: str):  # type: ignore[no-untyped-def]
    s = open_project(project_url, create=True)
    yield s
    s.close()


def _downgrade(store: ProjectStore, revision: str) -> None:
    from alembic import command

    from mtreview.storage import migrate

    cfg = migrate._config()
    with store.engine.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, revision)


def _exec(store: ProjectStore, sql: str) -> None:
    with store.engine.begin() as c:
        c.execute(text(sql))


# ---------------------------------------------------------------------------------------------- CRUD
def test_documents_segments_and_notes_round_trip(store: ProjectStore) -> None:
    a = store.add_document(make_doc("alpha", 3, notes=(7, 9)), "ann")
    b = store.add_document(make_doc("alpha", 2), "ann")
    assert [(d.name, d.segment_count) for d in store.documents()] == [("alpha", 3), ("alpha (2)", 2)]
    assert store.notes(a.id) == [(7, "note 7"), (9, "note 9")]
    segs = list(store.iter_segments(a.id))
    assert [s.ordinal for s in segs] == [1, 2, 3]
    assert segs[1].source == "alpha source 2" and segs[1].mt == "alpha 訳 2" and segs[1].source_lines == (2,)
    assert segs[0].updated_at.tzinfo is not None
    ids = [segs[2].id, segs[0].id, 999_999]
    assert [s.ordinal for s in store.segments(ids)] == [3, 1]
    store.add_annotations([AnnotationDraft(segs[0].id, "Accuracy", Severity.MAJOR)], "ann")
    store.delete_document(a.id)
    assert [d.id for d in store.documents()] == [b.id]
    assert store.annotations() == []
    assert store.segment_count() == 2


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 100])
def test_iter_segments_chunks_keep_document_and_ordinal_order(store: ProjectStore, chunk: int) -> None:
    d1 = store.add_document(make_doc("one", 5), "ann")
    d2 = store.add_document(make_doc("two", 4), "ann")
    got = [(s.document_id, s.ordinal) for s in store.iter_segments(chunk=chunk)]
    assert got == [(d1.id, i) for i in range(1, 6)] + [(d2.id, i) for i in range(1, 5)]
    assert [s.ordinal for s in store.iter_segments(d2.id, chunk=chunk)] == [1, 2, 3, 4]


# ---------------------------------------------------------------------------------------------- revisions
def test_every_change_is_a_revision_with_its_author(store: ProjectStore) -> None:
    store.add_document(make_doc("d", 2), "importer")
    seg = next(store.iter_segments())
    edited = store.update_segment(seg.id, seg.version, "ana", corrected="直した")
    confirmed = store.update_segment(seg.id, edited.version, "ben", status=Status.APPROVED, action="confirm")
    flag = AnnotationDraft(seg.id, "Fluency", Severity.MINOR, start=0, end=2)
    (ann,) = store.add_annotations([flag], "ana")
    ann2 = store.update_annotation(ann.id, ann.version, "ben", severity=Severity.MAJOR)
    store.delete_annotation(ann2.id, ann2.version, "ana")
    revs = store.revisions(seg.id)
    assert [(r.entity, r.action, r.author) for r in revs] == [
        ("segment", "edit", "ana"),
        ("segment", "confirm", "ben"),
        ("annotation", "create", "ana"),
        ("annotation", "update", "ben"),
        ("annotation", "delete", "ana"),
    ]
    assert revs[0].before["corrected"] is None and revs[0].after["corrected"] == "直した"
    assert (revs[1].before["status"], revs[1].after["status"]) == ("new", "approved")
    assert (revs[3].before["severity"], revs[3].after["severity"]) == ("minor", "major")
    assert confirmed.author == "ben" and confirmed.version == 3
    assert [r.id for r in store.revisions_since(revs[1].id)] == [r.id for r in revs[2:]]
    assert [r.id for r in store.revisions_by_ids([revs[4].id, revs[0].id, 10**9])] == [revs[0].id, revs[4].id]
    assert store.last_revision_id() == revs[-1].id


# ---------------------------------------------------------------------------------------------- conflicts
def _stale_segment_edit(store: ProjectStore, seg_id: int) -> tuple[int, object]:
    seg = store.segment(seg_id)
    store.update_segment(seg_id, seg.version, "ana", corrected="first")
    store.update_segment(seg_id, seg.version + 1, "ana", corrected="second")
    return seg.version + 2, lambda: store.update_segment(seg_id, seg.version, "ben", corrected="stale")


def _stale_annotation_update(store: ProjectStore, seg_id: int) -> tuple[int, object]:
    (ann,) = store.add_annotations([AnnotationDraft(seg_id, "Style", Severity.MINOR)], "ana")
    store.update_annotation(ann.id, ann.version, "ana", comment="newer")
    return ann.version + 1, lambda: store.update_annotation(ann.id, ann.version, "ben", comment="stale")


def _stale_annotation_delete(store: ProjectStore, seg_id: int) -> tuple[int, object]:
    (ann,) = store.add_annotations([AnnotationDraft(seg_id, "Style", Severity.MINOR)], "ana")
    store.update_annotation(ann.id, ann.version, "ana", state=AnnotationState.DISMISSED)
    return ann.version + 1, lambda: store.delete_annotation(ann.id, ann.version, "ben")


STALE_WRITES = [_stale_segment_edit, _stale_annotation_update, _stale_annotation_delete]


@pytest.mark.parametrize("make_stale", STALE_WRITES)
def test_stale_write_raises_conflict_with_the_current_version(store: ProjectStore, make_stale) -> None:  # type: ignore[no-untyped-def]
    store.add_document(make_doc("d", 1), "importer")
    seg = next(store.iter_segments())
    current_version, stale_write = make_stale(store, seg.id)
    before = store.revisions()
    with pytest.raises(ConflictError) as info:
        stale_write()
    assert info.value.current.version == current_version
    assert store.revisions() == before  # nothing written
    assert store.segment(seg.id).corrected in (None, "second")


# ------------------------------------------------------------------------------------ settings, drafts
@pytest.mark.parametrize("value", [{"a": [1, 2.5, None]}, ["x", "日本語"], 90.0, "text", True])
def test_settings_keep_json_values(store: ProjectStore, value: object) -> None:
    assert store.get_setting("k", "default") == "default"
    store.set_setting("k", "old")
    store.set_setting("k", value)
    assert store.get_setting("k") == value
    assert store.settings() == {"k": value}


def test_drafts_are_per_author_and_cleared_by_the_authors_own_save(store: ProjectStore) -> None:
    store.add_document(make_doc("d", 2), "importer")
    s1, s2 = list(store.iter_segments())
    store.save_draft(s1.id, "ana", "typing…", s1.version)
    store.save_draft(s1.id, "ana", "typing more", s1.version)
    store.save_draft(s1.id, "ben", "ben's", s1.version)
    store.save_draft(s2.id, "ana", "other", s2.version)
    assert store.drafts("ana") == {s1.id: ("typing more", 1), s2.id: ("other", 1)}
    store.update_segment(s1.id, s1.version, "ana", corrected="typing more")
    assert store.drafts("ana") == {s2.id: ("other", 1)}
    assert store.drafts("ben") == {s1.id: ("ben's", 1)}
    store.discard_draft(s2.id, "ana")
    assert store.drafts("ana") == {}


# ---------------------------------------------------------------------------------------------- integrity
def test_check_integrity_finds_a_span_outside_its_text(store: ProjectStore) -> None:
    store.add_document(make_doc("d", 1), "importer")
    seg = next(store.iter_segments())
    draft = AnnotationDraft(seg.id, "Accuracy", Severity.MAJOR, Side.SOURCE, 0, 3)
    (ann,) = store.add_annotations([draft], "a")
    assert store.check_integrity() == []
    _exec(store, f'UPDATE annotation SET "end" = 500 WHERE id = {ann.id}')
    problems = store.check_integrity()
    assert len(problems) == 1 and f"annotation {ann.id}" in problems[0]


# ------------------------------------------------------------------------------------ schema versions
def _table_names(engine: Engine) -> set[str]:
    with engine.connect() as c:
        return set(inspect(c).get_table_names())


def test_schema_newer_than_the_app_is_refused_and_left_alone(project_url: str) -> None:
    store = open_project(project_url, create=True)
    store.add_document(make_doc("d", 1), "ann")
    _exec(store, "UPDATE alembic_version SET version_num = '9999'")
    tables = _table_names(store.engine)
    store.close()
    with pytest.raises(ProjectError, match="newer version of mtreview"):
        open_project(project_url)
    again = make_engine(project_url)
    try:
        with again.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "9999"
        assert _table_names(again) == tables
    finally:
        again.dispose()


def test_older_schema_is_migrated_after_a_backup_of_the_file(project_url: str, tmp_path: Path) -> None:
    store = open_project(project_url, create=True)
    store.add_document(make_doc("d", 2), "ann")
    _downgrade(store, "0001")  # what an older mtreview left
    store.close()
    reopened = open_project(project_url)
    try:
        seg = next(reopened.iter_segments())
        reopened.set_editing(seg.id, "ana")
        assert reopened.editing_now() == {seg.id: ["ana"]}
        if project_url.endswith(".mtreview"):
            assert reopened.backup is not None and reopened.backup.parent == tmp_path
            with sqlite3.connect(reopened.backup) as old:
                assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
                assert old.execute("SELECT count(*) FROM segment").fetchone() == (2,)
        else:
            assert reopened.backup is None  # a server is backed up by its administrator (pg_dump)
    finally:
        reopened.close()


def test_a_database_with_foreign_tables_is_not_taken_over(project_url: str) -> None:
    engine = make_engine(project_url)
    try:
        with engine.begin() as c:
            c.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
        with pytest.raises(ProjectError, match="not an mtreview project"):
            open_project(project_url, create=True)
        assert _table_names(engine) == {"invoices"}
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------- live changes
def test_presence_marks_who_edits_what_until_the_heartbeat_is_old(store: ProjectStore) -> None:
    store.add_document(make_doc("d", 3), "importer")
    s1, s2, _ = list(store.iter_segments())
    store.set_editing(s1.id, "ana")
    store.set_editing(s1.id, "ben")
    store.set_editing(s2.id, "cho")
    assert store.editing_now() == {s1.id: ["ana", "ben"], s2.id: ["cho"]}
    store.set_editing(s2.id, "ana")  # ana moved on
    store.set_editing(None, "cho")  # cho closed the editor
    assert store.editing_now() == {s1.id: ["ben"], s2.id: ["ana"]}
    time.sleep(0.3)
    store.set_editing(s2.id, "ana")
    assert store.editing_now(max_age_s=0.2) == {s2.id: ["ana"]}


def test_listener_wakes_on_another_clients_write(project_url: str) -> None:
    mine = open_project(project_url, create=True)
    theirs = open_project(project_url)
    try:
        mine.add_document(make_doc("d", 1), "me")
        seg = next(mine.iter_segments())
        listener = mine.listener()
        listener.wait(0.05)  # connects and starts listening
        timer = threading.Timer(0.3, lambda: theirs.update_segment(seg.id, 1, "them", corrected="x"))
        timer.start()
        # a long timeout: only the notification can end this wait with something in hand (a timeout
        # returns nothing), so the event is tested, not how fast a loaded machine delivers it
        got = listener.wait(60.0 if mine.is_team else 2.0)
        timer.join()
        if mine.is_team:
            assert got == [{"by": "them", "kind": "segment", "segments": [seg.id]}]
        else:  # no server push on a file: the waiter just sleeps and the caller polls
            assert got == []
        assert [r.author for r in mine.revisions_since(0)] == ["them"]
        listener.close()
    finally:
        mine.close()
        theirs.close()


# ---------------------------------------------------------------------------------------------- faults
@pytest.mark.postgres
@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda s, db: s.url(db, password="wrong"), "password authentication failed"),
        (lambda s, db: s.url(db).replace(f":{s.port}/", ":1/"), "cannot open"),
        (lambda s, db: s.url("no_such_db"), "does not exist"),
        (lambda s, db: s.url(db).replace(f":{s.port}", ":port"), "not a valid project location"),
        (lambda s, db: s.url(db).replace("+psycopg", "+psycopg2"), "unsupported PostgreSQL driver"),
        (lambda s, db: "mysql://u@h/x", "unsupported database"),
    ],
)
def test_bad_locations_give_a_clear_message_and_write_nothing(pg_server, mangle, message) -> None:  # type: ignore[no-untyped-def]
    db = pg_server.create_database()
    with pytest.raises(ProjectError, match=message) as info:
        open_project(mangle(pg_server, db), create=True)
    assert "mtreview-test" not in str(info.value)  # the password is never shown
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", db) == "0"


@pytest.mark.postgres
def test_database_permissions_decide_who_may_read_and_write(pg_server) -> None:  # type: ignore[no-untyped-def]
    db = pg_server.create_database()
    owner = open_project(pg_server.url(db), create=True)
    owner.add_document(make_doc("d", 1), "owner")
    seg = next(owner.iter_segments())
    suffix = db.rsplit("_", 1)[-1]
    outsider, reader = f"outsider_{suffix}", f"reader_{suffix}"
    pg_server.psql(f"CREATE ROLE {outsider} LOGIN PASSWORD 'pw1'; CREATE ROLE {reader} LOGIN PASSWORD 'pw2'")
    pg_server.psql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}", db)
    try:
        with pytest.raises(ProjectError, match=f"role {outsider} is not allowed"):
            open_project(pg_server.url(db, outsider, "pw1"))
        read_only = open_project(pg_server.url(db, reader, "pw2"))
        try:
            assert read_only.segment(seg.id).mt == seg.mt
            with pytest.raises(ProjectError, match=f"role {reader} is not allowed"):
                read_only.update_segment(seg.id, seg.version, "reader", corrected="nope")
        finally:
            read_only.close()
        assert owner.segment(seg.id).version == seg.version and owner.revisions() == []
    finally:
        owner.close()
        pg_server.psql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {reader}", db)


@pytest.mark.postgres
def test_the_password_can_stay_out_of_the_url_in_a_pgpass_file(pg_server, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A saved connection needs no password in it: libpq's own password file supplies it."""
    db = pg_server.create_database()
    url = pg_server.url(db, password=None)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    with pytest.raises(ProjectError, match="password"):
        open_project(url, create=True)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_server.port}:{db}:postgres:mtreview-test\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    store = open_project(url, create=True)
    try:
        assert store.is_team and "mtreview-test" not in store.display_name
    finally:
        store.close()
