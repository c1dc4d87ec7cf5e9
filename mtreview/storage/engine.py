"""Engines for a project location: a ``*.mtreview`` SQLite file or a PostgreSQL URL."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, SQLAlchemyError

from mtreview.domain.errors import ConnectionLostError, ProjectError
from mtreview.i18n import _


def is_url(location: str) -> bool:
    return "://" in location


def sqlite_path(location: str) -> Path | None:
    if is_url(location):
        try:
            url = make_url(location)
        except (ArgumentError, ValueError):
            return None  # make_engine reports it
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


WRITE = "mtreview_write"
"""Execution option marking a write transaction (``engine.execution_options(mtreview_write=True)``)."""


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


PING_AFTER_IDLE_S = 0.1
"""A pooled server connection idle this long is pinged before use, so a restarted server is noticed
and a new connection made transparently (a restart takes longer than this, so a connection used more
recently cannot have been cut by one). Back-to-back operations skip the ping: SQLAlchemy's
``pool_pre_ping`` adds a round trip to every operation, a third of a confirm under load."""


def _idle_since(_dbapi_connection: Any, record: Any) -> None:
    record.info["mtreview_idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    since = record.info.get("mtreview_idle_since")
    if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
        return
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
        dbapi_connection.rollback()
    except Exception as exc:  # any driver failure here means: this connection is no good
        raise DisconnectionError(str(exc)) from exc  # the pool discards it and connects anew


def make_engine(location: str | os.PathLike[str]) -> Engine:
    location = str(location)
    try:
        if is_url(location):
            url = make_url(location)
        else:
            url = make_url("sqlite://")
            url = url.set(database=str(Path(location).resolve()))
    except ArgumentError as exc:
        raise ProjectError(
            _("not a valid project location: {location} ({error})").format(
                location=redact(location), error=exc
            )
        ) from None
    except ValueError as exc:  # e.g. a port that is not a number
        raise ProjectError(
            _("not a valid project location: {location} ({error})").format(
                location=redact(location), error=exc
            )
        ) from None
    backend = url.get_backend_name()
    if backend == "postgresql" and url.drivername not in ("postgresql", "postgresql+psycopg"):
        raise ProjectError(
            _("unsupported PostgreSQL driver {driver!r}: use postgresql+psycopg://").format(
                driver=url.drivername
            )
        )
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves so reads inside a
        # write transaction see a consistent snapshot (SQLAlchemy's documented recipe).
        event.listen(engine, "connect", lambda conn, _rec: setattr(conn, "isolation_level", None))
        # Writes take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that read first
        # cannot upgrade to a writer once another process committed (SQLITE_BUSY without waiting).
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        # Sessions in UTC, so timestamps read back are the same instants whatever the server's zone.
        engine = create_engine(url, connect_args={"connect_timeout": 10, "options": "-c timezone=UTC"})
        event.listen(engine, "checkin", _idle_since)
        event.listen(engine, "checkout", _ping_if_idle)
        return engine
    raise ProjectError(
        _("unsupported database {backend!r}: use a .mtreview file or PostgreSQL").format(backend=backend)
    )


def redact(location: str) -> str:
    """A location fit for messages: the password hidden."""
    if not is_url(location):
        return location
    try:
        return make_url(location).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<invalid URL>"


# SQLSTATE classes/codes (PostgreSQL): connection trouble and privileges.
_CONNECTION_STATES = ("08", "57P01", "57P02", "57P03")
_PRIVILEGE_STATES = ("42501",)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0].strip() if text else type(orig).__name__


def translate_error(exc: SQLAlchemyError, location: str) -> ProjectError:
    """A database failure as a message a reviewer can act on (never a traceback)."""
    where = redact(location)
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None) or ""
    reason = _reason(exc)
    if sqlstate.startswith(_PRIVILEGE_STATES) or "permission denied" in reason:
        user = make_url(location).username if is_url(location) else None
        return ProjectError(
            _("your database role {user} is not allowed to do this in {location}: {reason}").format(
                user=user or "?", location=where, reason=reason
            )
        )
    backend_pg = is_url(location) and location.startswith("postgresql")
    lost = isinstance(exc, DBAPIError) and (
        exc.connection_invalidated or sqlstate.startswith(_CONNECTION_STATES)
    )
    if backend_pg and type(orig).__name__ == "OperationalError" and not sqlstate:
        lost = True  # psycopg reports a refused/failed connection without a SQLSTATE
    if lost:
        return ConnectionLostError(
            _("lost the connection to {location}: {reason}").format(location=where, reason=reason)
        )
    return ProjectError(_("database error in {location}: {reason}").format(location=where, reason=reason))
