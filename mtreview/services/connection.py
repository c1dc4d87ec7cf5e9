"""Team-project connections without passwords in settings: libpq's own password file does the keeping.

A ``postgresql+psycopg://user:secret@host/db`` location is split: the preferences, the recent-projects
list and window titles get the location *without* the password; the password goes to a password file
in libpq's format (``host:port:database:user:password``, mode 0600) in the user's settings folder,
which PostgreSQL's client library reads by itself (``PGPASSFILE``). Nothing of mtreview's own: any
PostgreSQL tool can use or edit that file, and an administrator may use ``~/.pgpass`` instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from mtreview.services.prefs import config_dir


def password_file() -> Path:
    return config_dir() / "pgpass"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def without_password(location: str) -> str:
    """The location fit to be saved or shown: a URL's password removed (paths are returned unchanged)."""
    if "://" not in location:
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0]
    return urlunsplit((parts.scheme, f"{user}@{host}", parts.path, parts.query, parts.fragment))


def remember_password(location: str) -> str:
    """Move a URL's password into the password file; returns the location without it."""
    if "://" not in location:
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    key = [
        parts.hostname or "localhost",
        str(parts.port or 5432),
        unquote(parts.path.lstrip("/")) or "*",
        unquote(parts.username or "*"),
    ]
    entry = ":".join(_escape(f) for f in [*key, unquote(parts.password)])
    path = password_file()
    kept = []
    if path.exists():
        prefix = ":".join(_escape(f) for f in key) + ":"
        kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(prefix)]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".pgpass-", dir=path.parent)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join([entry, *kept]) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    use_password_file()
    return without_password(location)


def use_password_file() -> None:
    """Point libpq at mtreview's password file (unless the user chose one with ``PGPASSFILE``)."""
    path = password_file()
    if path.exists() and os.environ.get("PGPASSFILE") in (None, "", str(path)):
        os.environ["PGPASSFILE"] = str(path)
