"""Engines for a project location: a ``*.mtreview`` SQLite file or a PostgreSQL URL."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
import urllib.parse
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, SQLAlchemyError

from mtreview.domain.errors import ConnectionLostError, PasswordRequired, ProjectError
from mtreview.domain.redact import redact_url, register_secret
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


APPLICATION_ID = 0x4D545256
"""SQLite's ``application_id`` of an mtreview project ("MTRV"), set by migration 0003 on every project."""
PROJECT_TABLES = frozenset({"alembic_version", "document", "segment", "revision"})
"""Tables that mark a project made before ``application_id`` was set."""
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_project_file(path: Path) -> None:
    """Refuse a file that is not an mtreview project *before* anything can change it.

    Reads the 100-byte header (magic, ``application_id``) and, for files without our id (projects made by
    an older version, or another application's database), the table names through a read-only
    connection — no PRAGMA, no journal-mode switch. A missing or empty file is a new project."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProjectError(
            _("cannot open {path}: {error}").format(path=path, error=exc.strerror or exc)
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise ProjectError(_("{path} is a folder, not a project file").format(path=path))
    if not stat.S_ISREG(st.st_mode):
        raise ProjectError(_("{path} is not a regular file").format(path=path))
    if st.st_size == 0:
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise ProjectError(
            _("cannot open {path}: {error}").format(path=path, error=exc.strerror or exc)
        ) from None
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise ProjectError(_("{path} is not an mtreview project file").format(path=path))
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID:
        return
    if application_id != 0:
        raise ProjectError(
            _("{path} is not an mtreview project (a database of another application)").format(path=path)
        )
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            names = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise ProjectError(_("cannot open {path}: {error}").format(path=path, error=exc)) from None
    if names and not names >= PROJECT_TABLES:
        raise ProjectError(
            _("{path} is not an mtreview project (a database of another application)").format(path=path)
        )


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


def _normalise_userinfo(location: str) -> str:
    """Percent-encode the user and password of a URL typed with raw ``@``/``:``/``/`` in the password: the
    user part ends at the *last* ``@`` before the path (SQLAlchemy would cut at the first and take the rest
    of the password for the host name, then print it in messages)."""
    scheme, sep, rest = location.partition("://")
    if not sep:
        return location
    query_at = rest.find("?")
    head, tail = (rest, "") if query_at == -1 else (rest[:query_at], rest[query_at:])
    at = head.rfind("@")
    if at == -1:
        return location
    userinfo, hostpart = head[:at], head[at + 1 :]
    user, colon, password = userinfo.partition(":")
    user = urllib.parse.quote(urllib.parse.unquote(user), safe="")
    if colon:
        user += ":" + urllib.parse.quote(urllib.parse.unquote(password), safe="")
    return f"{scheme}://{user}@{hostpart}{tail}"


def parse_url(location: str) -> Any | None:
    """A SQLAlchemy URL for a database location (``None`` when it is not one or cannot be parsed)."""
    if not is_url(location):
        return None
    try:
        return make_url(_normalise_userinfo(location))
    except (ArgumentError, ValueError):
        return None


def make_engine(location: str | os.PathLike[str], password: str | None = None) -> Engine:
    """An engine for ``location``. ``password`` (a team server's, typed for this session) is used for the
    connection only: it never becomes part of the location, so nothing that shows or saves the location
    can reveal it."""
    location = str(location)
    try:
        if is_url(location):
            url = make_url(_normalise_userinfo(location))
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
    if backend == "sqlite" and url.database and url.database != ":memory:":
        check_project_file(Path(url.database))  # before any connection can switch it to WAL
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
        if password is not None:
            url = url.set(password=password)
        elif url.password is None and "password" not in url.query:
            from mtreview.storage.credentials import stored_password

            password = stored_password(url)  # the system keyring; else libpq's PGPASSFILE/.pgpass
            if password is not None:
                url = url.set(password=password)
        for secret in (url.password, url.query.get("password"), url.query.get("sslpassword")):
            if isinstance(secret, str):
                register_secret(secret)  # masked verbatim in any message or crash report
        # Sessions in UTC, so timestamps read back are the same instants whatever the server's zone.
        engine = create_engine(url, connect_args={"connect_timeout": 10, "options": "-c timezone=UTC"})
        event.listen(engine, "checkin", _idle_since)
        event.listen(engine, "checkout", _ping_if_idle)
        return engine
    raise ProjectError(
        _("unsupported database {backend!r}: use a .mtreview file or PostgreSQL").format(backend=backend)
    )


def redact(location: str) -> str:
    """A location fit for messages: the password hidden (in the user part and the query alike)."""
    return redact_url(location)


# SQLSTATE classes/codes (PostgreSQL): connection trouble and privileges.
_CONNECTION_STATES = ("08", "57P01", "57P02", "57P03")
_PRIVILEGE_STATES = ("42501",)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0].strip() if text else type(orig).__name__


_AUTH_STATES = ("28P01", "28000")  # invalid_password, invalid_authorization_specification


def password_problem(exc: BaseException, location: str) -> PasswordRequired | None:
    """``PasswordRequired`` when a connection failed for want of a password (libpq's
    ``PQconnectionNeedsPassword``: none of the URL, the keyring, PGPASSFILE supplied one) or because the
    server refused the one given; ``None`` for any other failure."""
    orig = getattr(exc, "orig", None) or exc
    pgconn = getattr(orig, "pgconn", None)
    sqlstate = getattr(orig, "sqlstate", None) or ""
    text = str(orig)
    url = parse_url(location)
    user = url.username if url is not None else None
    where = redact(location)
    if pgconn is not None and getattr(pgconn, "needs_password", False):
        return PasswordRequired(
            _(
                "{location} needs a password for {user}: none in the URL, the system keyring or "
                "PGPASSFILE/~/.pgpass"
            ).format(location=where, user=user or "?"),
            user,
            rejected=False,
        )
    if sqlstate in _AUTH_STATES or "password authentication failed" in text:
        return PasswordRequired(
            _("{location}: password authentication failed for {user}").format(
                location=where, user=user or "?"
            ),
            user,
            rejected=True,
        )
    return None


def translate_error(exc: SQLAlchemyError, location: str) -> ProjectError:
    """A database failure as a message a reviewer can act on (never a traceback)."""
    where = redact(location)
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None) or ""
    reason = _reason(exc)
    needs_password = password_problem(exc, location)
    if needs_password is not None:
        return needs_password
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
