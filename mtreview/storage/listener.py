"""``ChangeListener``: wakes a worker thread when another client writes (PostgreSQL LISTEN/NOTIFY)."""

from __future__ import annotations

import contextlib
import json
import threading
from typing import TYPE_CHECKING, Any

from mtreview.domain.errors import ConnectionLostError
from mtreview.i18n import _
from mtreview.storage.base import CHANNEL
from mtreview.storage.engine import redact

if TYPE_CHECKING:
    from mtreview.storage.base import StoreBase as ProjectStore


class ChangeListener:
    """Wakes a worker thread when another client writes to the project.

    On PostgreSQL it LISTENs on ``CHANNEL`` over its own connection (every write transaction NOTIFYs on
    commit); on SQLite there is no such signal and ``wait`` simply sleeps, so callers poll
    ``revisions_since`` after each wait either way. ``close()`` from another thread ends a wait early.
    """

    def __init__(self, store: ProjectStore) -> None:
        self.store = store
        self._conn: Any = None
        self._closed = threading.Event()

    def _connect(self) -> Any:
        import psycopg

        url = self.store.engine.url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def wait(self, timeout: float) -> list[dict[str, Any]]:
        """Block up to ``timeout`` seconds; return the notifications that arrived (``[]``: none or SQLite)."""
        if self.store.engine.dialect.name != "postgresql" or self._closed.is_set():
            self._closed.wait(timeout)
            return []
        import psycopg

        try:
            if self._conn is None:
                self._conn = self._connect()
            found = [json.loads(n.payload) for n in self._conn.notifies(timeout=timeout, stop_after=1)]
            if found:  # drain what else is already there
                found += [json.loads(n.payload) for n in self._conn.notifies(timeout=0.01)]
            return found
        except psycopg.Error as exc:
            self._drop()
            if self._closed.is_set():
                return []
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConnectionLostError(
                _("lost the connection to {location}: {reason}").format(
                    location=redact(self.store.location), reason=reason
                )
            ) from None

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            # closing a broken connection may raise anything; it is gone either way
            with contextlib.suppress(Exception):
                conn.close()

    def close(self) -> None:
        self._closed.set()
        self._drop()
