"""Migration 0004 counts the source words of the segments a project already has, and can be undone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command

from mtreview.storage import figures, migrate, open_project
from mtreview.storage.engine import make_engine

STAMP = "2026-01-01 00:00:00"
SOURCES = ["One two three.", "  spaced\tout \n words ", "", "単語 と English words"]


def test_words_of_existing_segments_are_counted_by_the_migration(tmp_path: Path) -> None:
    project = tmp_path / "old.mtreview"
    engine = make_engine(project)
    cfg = migrate._config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0003")  # before segment.words existed
    engine.dispose()
    with closing(sqlite3.connect(project)) as db:
        db.execute(
            "INSERT INTO document (id, name, format, source_lang, target_lang, created_at) "
            "VALUES (1, 'd', 'tsv', 'en', 'ja', '2026-01-01 00:00:00')"
        )
        db.executemany(
            "INSERT INTO segment (document_id, ordinal, source, mt, status, source_lines, target_lines, "
            "confidence, locked, version, created_at, updated_at) "
            "VALUES (1, ?, ?, '訳', 'new', '[]', '[]', 1.0, 0, 1, ?, ?)",
            [(i, s, STAMP, STAMP) for i, s in enumerate(SOURCES, start=1)],
        )
        db.execute(
            "INSERT INTO annotation (segment_id, side, category, severity, comment, author, origin, state, "
            "version, created_at, updated_at) VALUES (1, 'target', 'Style/Awkward', 'minor', '', 'me', "
            "'manual', 'confirmed', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        db.commit()
    store = open_project(project)  # migrates (after a backup)
    try:
        words = [r[4] for r in figures.segment_numbers(store)]
        assert words == [len(s.split()) for s in SOURCES] == [3, 3, 0, 4]
        with store.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0003")
            names = [r[1] for r in connection.exec_driver_sql("PRAGMA table_info(segment)")]
            assert "words" not in names
            # dropping the column did not re-create the segment table (which would cascade to annotations)
            assert connection.exec_driver_sql("SELECT count(*) FROM annotation").scalar() == 1
            assert connection.exec_driver_sql("SELECT count(*) FROM segment").scalar() == len(SOURCES)
    finally:
        store.close()
