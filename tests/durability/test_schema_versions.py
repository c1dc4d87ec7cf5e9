"""Project files from newer mtreview versions are refused (CLI exit 2, ``open_project``) and left alone;
older ones are migrated after an automatic backup next to them.

The old project is made the way an older mtreview made it: Alembic stops at revision 0001.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner

from mtreview.cli.main import cli
from mtreview.domain.errors import ProjectError
from mtreview.domain.model import ImportedDocument, SegmentDraft
from mtreview.services.project import ProjectService
from mtreview.storage import migrate, open_project
from mtreview.storage.engine import make_engine
from mtreview.storage.repository import ProjectStore


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


def _project_with_revision(path: Path, revision: str) -> None:
    svc = ProjectService.open(path, "old", create=True)
    svc.import_document(ImportedDocument("old doc", [SegmentDraft("Hello.", "こんにちは。")]))
    svc.close()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


CLI_CASES = [
    ("export", ["export", "{project}", "--format", "csv", "-o", "{folder}/out.csv"]),
    ("import", ["import", "{folder}/in.tsv", "--project", "{project}"]),
]


@pytest.mark.parametrize(("name", "args"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_a_newer_project_is_refused_by_the_cli_with_exit_2(
    name: str, args: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    project = folder / "future.mtreview"
    _project_with_revision(project, "9f3e_from_the_future")
    (tmp_path / "in.tsv").write_text("Bye.\tさようなら。\n", encoding="utf-8")
    before = _digest(folder)
    argv = [a.format(project=project, folder=tmp_path if name == "import" else folder) for a in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "newer version of mtreview" in message and "future.mtreview" in message and "9f3e" in message
    assert _digest(folder) == before  # not migrated, not written, no backup, no output file


def test_a_newer_project_is_refused_by_open_project_and_left_alone(tmp_path: Path) -> None:
    project = tmp_path / "future.mtreview"
    _project_with_revision(project, "0099")
    before = _digest(tmp_path)
    with pytest.raises(
        ProjectError, match=r"future\.mtreview was saved by a newer version of mtreview.*0099"
    ):
        open_project(project)
    with pytest.raises(ProjectError, match="newer version"):
        ProjectService.open(project, "someone")
    assert _digest(tmp_path) == before


def test_an_older_project_is_backed_up_then_migrated(tmp_path: Path) -> None:
    project = tmp_path / "old.mtreview"
    engine = make_engine(project)
    cfg = migrate._config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")  # what mtreview wrote before migration 0002 existed
    old = ProjectStore(engine, str(project))
    old.add_document(ImportedDocument("kept", [SegmentDraft(f"S{i}.", f"文{i}。") for i in range(3)]), "old")
    old.close()
    assert migrate.SCHEMA_HEAD != "0001"
    with closing(sqlite3.connect(project)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert "presence" not in {
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }

    store = open_project(project)
    try:
        backups = sorted(tmp_path.glob("old.mtreview.backup-0001-*"))
        assert backups and store.backup == backups[0]
        assert store.check_integrity() == []
        assert [d.name for d in store.documents()] == ["kept"]
        assert [s.source for s in store.iter_segments()] == ["S0.", "S1.", "S2."]
        seg = next(store.iter_segments())
        store.set_editing(seg.id, "ana")  # needs the table migration 0002 added
        assert store.editing_now() == {seg.id: ["ana"]}
    finally:
        store.close()
    with closing(sqlite3.connect(project)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.SCHEMA_HEAD,)
    with closing(sqlite3.connect(backups[0])) as db:  # the backup is the old project, untouched and complete
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert db.execute("SELECT count(*) FROM segment").fetchone() == (3,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # opening again does not back up again
    open_project(project).close()
    again = [p for p in tmp_path.glob("old.mtreview.backup-*") if not p.name.endswith(("-wal", "-shm"))]
    assert sorted(again) == backups
