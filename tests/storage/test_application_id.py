"""A project is recognised from its header, read without writing (issue 19, "refuse before touching"):
projects we create carry SQLite's ``application_id`` "MTRV", a database of another application is refused
byte for byte untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from mtreview.domain.errors import MtreviewError
from mtreview.services.project import ProjectService


def header_application_id(path: Path) -> bytes:
    return path.read_bytes()[68:72]  # SQLite's file header: application_id at offset 68, big-endian


def test_a_new_project_carries_the_application_id(tmp_path: Path) -> None:
    (tmp_path / "pairs.tsv").write_text("A lamp.\tランプ。\n", encoding="utf-8")
    project = tmp_path / "new.mtreview"
    service = ProjectService.open(project, "Reviewer", create=True)
    service.import_path(tmp_path / "pairs.tsv")
    service.close()
    assert header_application_id(project) == b"MTRV"
    again = ProjectService.open(project, "Reviewer")  # and it opens as a project
    assert len(again.segment_ids()) == 1
    again.close()


def test_a_database_of_another_application_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as db:
        db.execute("PRAGMA application_id = 1234")
        db.execute("create table notes (body text)")
        db.execute("insert into notes values ('keep me')")
    db.close()
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    with pytest.raises(MtreviewError) as refused:
        ProjectService.open(other, "Reviewer")
    assert "not an mtreview project" in str(refused.value)
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal, no -shm, no journal
