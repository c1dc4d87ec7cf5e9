"""Copy a whole project between locations (SQLite file ⇄ PostgreSQL), row for row, ids preserved.

Everything is copied: settings, documents, notes, segments, annotations, revisions and drafts (the
ephemeral presence marks are not). The destination must be new: a SQLite file that does not exist
yet, or a PostgreSQL database with no tables (or an mtreview schema without any rows, e.g. left by
an interrupted copy). All rows go in one transaction, so a failed copy leaves no half project; on
PostgreSQL the id sequences are then moved past the copied ids. Timestamps are normalised to UTC.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from mtreview.domain.errors import ProjectError
from mtreview.domain.outputs import check_output, document_inputs, project_files
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.storage.engine import make_engine, redact, sqlite_path, translate_error
from mtreview.storage.orm import Base
from mtreview.storage.repository import ProjectStore, open_project

SKIPPED_TABLES = frozenset({"presence"})
CHUNK = 1000


def project_tables() -> list[Table]:
    """The tables a copy carries, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]


def _utc(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return value


def _check_destination(location: str, protected: tuple[str, ...] = ()) -> None:
    """Refuse a destination that holds anything (nothing is written to it before this passes)."""
    file = sqlite_path(location)
    if file is not None:
        if file.exists() and file.is_file() and file.stat().st_size > 0:
            raise ProjectError(
                _("{location} already exists: copy needs a new project file").format(location=location)
            )
        target = check_output(file, protected)  # never the source, an input, a device, a FIFO…
        if target.direct:
            raise ProjectError(
                _("{location} is not a regular file: a project must be one").format(location=location)
            )
        return
    engine = make_engine(location)
    try:
        with engine.connect() as c:
            tables = set(inspect(c).get_table_names())
            if not tables:
                return
            ours = {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}
            if not tables <= ours:
                raise ProjectError(
                    _("{location} is not empty: copy needs a new, empty database").format(
                        location=redact(location)
                    )
                )
            for name in sorted(tables - {"alembic_version"}):
                if c.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None:
                    raise ProjectError(
                        _("{location} already holds a project: copy needs an empty database").format(
                            location=redact(location)
                        )
                    )
    except SQLAlchemyError as exc:
        raise ProjectError(
            _("cannot open {location}: {reason}").format(
                location=redact(location), reason=str(translate_error(exc, location))
            )
        ) from None
    finally:
        engine.dispose()


def _rows(c: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    order = list(table.primary_key.columns)
    result = c.execute(select(table).order_by(*order)).mappings()
    while True:
        chunk = result.fetchmany(CHUNK)
        if not chunk:
            return
        yield [{k: _utc(v) for k, v in row.items()} for row in chunk]


def _reset_sequences(c: Connection) -> None:
    for table in project_tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].name != "id":
            continue
        c.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f'COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table.name}"'
            )
        )


REVIEWER_ROLE = "mtreview_reviewer"
"""A role for reviewers on a team server: they edit the project, and may add revisions but never change
or delete one; the database login of every revision is stamped by the server (migration 0003)."""

_REVIEWER_TABLES = (
    "setting",
    "document",
    "note",
    "segment",
    "annotation",
    "draft",
    "presence",
    "original_file",
)


def reviewer_role_sql() -> list[str]:
    """The statements ``mtreview copy`` runs on a new team database (also in the README's team section)."""
    revision_columns = ", ".join(
        c.name for c in Base.metadata.tables["revision"].columns if c.name not in ("id", "db_user")
    )
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{REVIEWER_ROLE}') "
        f"THEN CREATE ROLE {REVIEWER_ROLE} NOLOGIN; END IF; END $$",
        f"GRANT USAGE ON SCHEMA public TO {REVIEWER_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(_REVIEWER_TABLES)} TO {REVIEWER_ROLE}",
        f"GRANT SELECT ON alembic_version TO {REVIEWER_ROLE}",
        f"GRANT SELECT, INSERT ({revision_columns}) ON revision TO {REVIEWER_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {REVIEWER_ROLE}",
    ]


def setup_reviewer_role(connection: Connection) -> bool:
    """Create and grant the reviewer role; ``False`` (and nothing changed) without the right to."""
    savepoint = connection.begin_nested()
    try:
        for statement in reviewer_role_sql():
            connection.execute(text(statement))
    except SQLAlchemyError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def copy_project(
    source: str | os.PathLike[str], destination: str | os.PathLike[str], progress: Progress = NO_PROGRESS
) -> dict[str, int]:
    """Copy ``source`` into the new project ``destination``; returns rows copied per table."""
    src, dst = str(source), str(destination)
    if os.path.abspath(src) == os.path.abspath(dst) or src == dst:
        raise ProjectError(_("source and destination are the same project"))
    reader = open_project(src)
    try:
        protected = [*(project_files(src) if sqlite_path(src) is not None else [])]
        for document in reader.documents():
            protected += document_inputs(document)
        _check_destination(dst, tuple(protected))
    except BaseException:
        reader.close()
        raise
    dst_file = sqlite_path(dst)
    created_file = dst_file is not None and not dst_file.exists()
    writer: ProjectStore | None = None
    ok = False
    try:
        with reader.engine.connect() as s:
            if s.dialect.name == "postgresql":
                s = s.execution_options(isolation_level="REPEATABLE READ")  # one consistent snapshot
            counts = {
                t.name: int(s.execute(select(func.count()).select_from(t)).scalar_one())
                for t in project_tables()
            }
            total, done = sum(counts.values()), 0
            writer = open_project(dst, create=True)
            with writer.write() as t:
                server = t.dialect.name == "postgresql"
                if server:  # the copied revisions keep their logins; new ones are stamped again below
                    t.execute(text("ALTER TABLE revision DISABLE TRIGGER revision_db_user"))
                for table in project_tables():
                    for chunk in _rows(s, table):
                        progress.check()
                        t.execute(insert(table), chunk)
                        done += len(chunk)
                        progress.report(done, total, table.name)
                if server:
                    _reset_sequences(t)
                    t.execute(text("ALTER TABLE revision ENABLE TRIGGER revision_db_user"))
                    setup_reviewer_role(t)
        ok = True
        return counts
    except SQLAlchemyError as exc:
        raise translate_error(exc, dst) from None
    finally:
        reader.close()
        if writer is not None:
            writer.close()
        if created_file and not ok and dst_file is not None:  # leave no half-made file behind
            for suffix in ("", "-wal", "-shm"):
                dst_file.with_name(dst_file.name + suffix).unlink(missing_ok=True)
