"""Engines for a project location: a ``*.mtreview`` SQLite file or a PostgreSQL URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from mtreview.domain.errors import ProjectError
from mtreview.i18n import _


def is_url(location: str) -> bool:
    return "://" in location


def sqlite_path(location: str) -> Path | None:
    if is_url(location):
        url = make_url(location)
        return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    return Path(location)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers work while a writer commits; FULL makes every commit durable before it returns.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(location: str | os.PathLike[str]) -> Engine:
    location = str(location)
    try:
        if is_url(location):
            url = make_url(location)
        else:
            url = make_url("sqlite://")
            url = url.set(database=str(Path(location).resolve()))
    except ArgumentError as exc:
        raise ProjectError(_("not a valid project location: {location} ({error})").format(
            location=location, error=exc)) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves so reads inside a
        # write transaction see a consistent snapshot (SQLAlchemy's documented recipe).
        event.listen(engine, "connect", lambda conn, _rec: setattr(conn, "isolation_level", None))
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    if backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    raise ProjectError(_("unsupported database {backend!r}: use a .mtreview file or PostgreSQL").format(
        backend=backend))


def redact(location: str) -> str:
    """A location fit for messages: the password hidden."""
    if not is_url(location):
        return location
    try:
        return make_url(location).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"
