"""Schema versions: create, check and upgrade a project with Alembic.

A project made by a newer mtreview (an Alembic revision this version does not know) is refused; an
older SQLite project is backed up next to itself before it is migrated.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

from mtreview.domain.errors import ProjectError
from mtreview.i18n import _

MIGRATIONS = Path(__file__).parent / "migrations"
SCHEMA_HEAD = "0006"
"""The newest migration's revision, so opening an up-to-date project needs no Alembic import
(a test checks it equals Alembic's head)."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _upgrade(connection: Connection) -> None:
    from alembic import command

    cfg = _config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy made with SQLite's online backup (includes what is still in the WAL)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _fast_current(engine: Engine) -> str | None:
    """The stored revision with one query (no Alembic import); ``None`` when it cannot be read."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            connection.rollback()
    except DBAPIError:
        return None
    return rows[0] if len(rows) == 1 else None


def prepare(engine: Engine, location: str, create: bool, sqlite_file: Path | None) -> Path | None:
    """Bring the schema to head. Returns the backup path if an older project was migrated."""
    if _fast_current(engine) == SCHEMA_HEAD:
        return None
    with engine.connect() as connection:
        revision = current_revision(connection)
        tables = set(inspect(connection).get_table_names())
        connection.rollback()
    if revision is None:
        if tables - {"alembic_version"}:
            raise ProjectError(_("{location} is not an mtreview project").format(location=location))
        if not create:
            raise ProjectError(
                _("{location} is not an mtreview project (it is empty)").format(location=location)
            )
        with engine.begin() as connection:
            _upgrade(connection)
        return None
    if revision not in known_revisions():
        raise ProjectError(
            _(
                "{location} was saved by a newer version of mtreview (schema {revision}); "
                "please update mtreview to open it"
            ).format(location=location, revision=revision)
        )
    if revision == head_revision():
        return None
    backup = backup_sqlite(sqlite_file, revision) if sqlite_file is not None else None
    with engine.begin() as connection:
        _upgrade(connection)
    return backup
