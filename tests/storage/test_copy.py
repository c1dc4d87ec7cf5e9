"""``copy_project``: SQLite → PostgreSQL → SQLite gives back the same project, row for row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mtreview.domain.errors import ProjectError
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Side,
    Status,
)
from mtreview.services.scores import score_project
from mtreview.storage import open_project
from mtreview.storage.copy import copy_project, project_tables

pytestmark = pytest.mark.postgres


def build_rich_project(path: Path) -> None:
    """A project with some of everything: notes, meta, edits, confirmations, annotations, drafts, settings."""
    store = open_project(path, create=True)
    try:
        doc = ImportedDocument(
            "記事",
            [
                SegmentDraft(
                    f"Sentence {i} 🙂.",
                    f"文{i}𠮷。",
                    (i,),
                    (i, i + 1),
                    0.5 + i / 10,
                    key=f"u{i}",
                    meta={"note": f"n{i}", "flags": [i]},
                )
                for i in range(1, 6)
            ],
            source_lang="en-US",
            target_lang="ja-JP",
            path="/in/article.txt",
            format="page",
            engine="mt-x",
            target_only=(40, 42),
            target_only_text={40: "原文を表示しない", 42: "—"},
            meta={"k": "v"},
        )
        store.add_document(doc, "importer")
        second = store.add_document(ImportedDocument("second", [SegmentDraft("a", "b")]), "importer")
        store.save_original(second.id, "second.xlf", b"<xliff version='1.2'>\x00\xff bytes</xliff>")
        segs = list(store.iter_segments())
        s1 = store.update_segment(segs[0].id, 1, "ana", corrected="直し一", status=Status.CORRECTED)
        store.update_segment(s1.id, s1.version, "ben", status=Status.APPROVED, action="confirm")
        store.update_segment(segs[2].id, 1, "ana", locked=True)
        anns = store.add_annotations(
            [
                AnnotationDraft(
                    segs[0].id,
                    "Accuracy/Mistranslation",
                    Severity.MAJOR,
                    Side.TARGET,
                    0,
                    2,
                    "意味が違う",
                    "正",
                ),
                AnnotationDraft(segs[1].id, "Fluency", Severity.MINOR, Side.SOURCE),
                AnnotationDraft(
                    segs[3].id, "Style", Severity.NEUTRAL, origin="qa.spacing", state=AnnotationState.PROPOSED
                ),
            ],
            "ana",
            fingerprints=[None, None, "fp-1"],
        )
        store.update_annotation(anns[1].id, 1, "ben", state=AnnotationState.DISMISSED)
        gone = store.delete_annotation(anns[2].id, 1, "ben")
        store.restore_annotation(gone, "ana")
        store.save_draft(segs[4].id, "ana", "下書き", 1)
        store.set_setting("threshold", 85.5)
        store.set_setting("weights", {"minor": 1, "major": 5})
        store.set_editing(segs[4].id, "ana")  # presence is not part of a copy
        score_project(store)  # stores the corrected segment's sacrebleu statistics (segment_metric)
    finally:
        store.close()


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        out = {}
        for table in project_tables():
            order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
            out[table.name] = db.execute(f'SELECT * FROM "{table.name}" ORDER BY {order}').fetchall()
        out["alembic_version"] = db.execute("SELECT * FROM alembic_version").fetchall()
    return out


def test_round_trip_sqlite_postgresql_sqlite_is_identical(tmp_path: Path, pg_url: str) -> None:
    original, back = tmp_path / "a.mtreview", tmp_path / "b.mtreview"
    build_rich_project(original)
    to_pg = copy_project(original, pg_url)
    assert to_pg["segment"] == 6 and to_pg["revision"] == 9 and to_pg["draft"] == 1 and to_pg["note"] == 2
    copy_project(pg_url, back)
    before, after = dump(original), dump(back)
    assert set(before) == set(after)
    for table in before:
        assert after[table] == before[table], table
    assert all(before[t.name] for t in project_tables())  # every table really had rows to compare


def test_new_rows_after_a_copy_to_postgresql_get_fresh_ids(tmp_path: Path, pg_url: str) -> None:
    original = tmp_path / "a.mtreview"
    build_rich_project(original)
    copied = copy_project(original, pg_url)
    store = open_project(pg_url)
    try:
        before = {a.id for a in store.annotations()}
        seg = next(store.iter_segments())
        (ann,) = store.add_annotations([AnnotationDraft(seg.id, "Terminology", Severity.MINOR)], "cho")
        assert ann.id > max(before)
        assert store.add_document(ImportedDocument("third", [SegmentDraft("c", "d")]), "cho").id == 3
        assert store.revisions()[-1].id == copied["revision"] + 1  # the new annotation's revision
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["existing file", "project database", "foreign database"])
def test_a_destination_that_is_not_new_is_refused_untouched(tmp_path: Path, pg_server, kind: str) -> None:  # type: ignore[no-untyped-def]
    original = tmp_path / "a.mtreview"
    build_rich_project(original)
    if kind == "existing file":
        dst = str(tmp_path / "exists.mtreview")
        Path(dst).write_bytes(b"precious")
    else:
        db = pg_server.create_database()
        dst = pg_server.url(db)
        if kind == "project database":
            copy_project(original, dst)
        else:
            pg_server.psql("CREATE TABLE ledger (id int); INSERT INTO ledger VALUES (1)", db)
    with pytest.raises(ProjectError, match=r"already|not empty"):
        copy_project(original, dst)
    if kind == "existing file":
        assert Path(dst).read_bytes() == b"precious"
    elif kind == "project database":
        assert pg_server.psql("SELECT count(*) FROM segment", db) == "6"
    else:
        assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", db) == "1"
