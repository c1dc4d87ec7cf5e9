"""The store's connections and transactions: what every aggregate module (segments, annotations,
documents, drafts, presence, settings, integrity, revisions) builds on.

``read()`` and ``write()`` hand out a connection (the enclosing ``transaction()``'s when one is open on
this thread); ``notify()`` tells team-mode listeners about a write, delivered only if it commits. Storage
modules outside the store class (``alignment``, ``copy``) use these public calls, never private ones.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, func, select

from mtreview.storage.engine import WRITE, redact, sqlite_path

INSERT_CHUNK = 2000
CHANNEL = "mtreview_changes"
"""PostgreSQL NOTIFY channel: every write transaction announces itself here (payload: JSON hint)."""
_UNSET: Any = object()


def now() -> datetime:
    return datetime.now(UTC)


class StoreBase:
    """One open project. Thread-safe: every call uses its own connection from the engine's pool."""

    def __init__(self, engine: Engine, location: str, backup: Path | None = None) -> None:
        self.engine = engine
        self.location = location
        self.backup = backup
        # Write transactions: on SQLite they take the write lock at BEGIN (see engine._sqlite_begin).
        self._writer = engine.execution_options(**{WRITE: True})
        self._batch = threading.local()
        # Reads on a server run in autocommit: one round trip per query instead of BEGIN, query, ROLLBACK.
        server = engine.dialect.name == "postgresql"
        self._reader = engine.execution_options(isolation_level="AUTOCOMMIT") if server else engine

    # ------------------------------------------------------------------ lifecycle
    @property
    def display_name(self) -> str:
        path = sqlite_path(self.location)
        return path.name if path is not None else redact(self.location)

    @property
    def is_team(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _connection(self, open_one: Any) -> Iterator[Any]:
        """The enclosing ``transaction()``'s connection when one is open on this thread (it sees its own
        writes and commits them all at once), else a fresh one from ``open_one``."""
        batch = getattr(self._batch, "connection", None)
        if batch is not None:
            yield batch
            return
        with open_one() as c:
            yield c

    def write(self) -> Any:
        """A connection in a write transaction (or the enclosing ``transaction()``'s), as a context manager:
        ``with store.write() as c: …`` commits when the block ends (rolls back on any error)."""
        return self._connection(self._writer.begin)

    def read(self) -> Any:
        """A connection for reading (or the enclosing ``transaction()``'s), as a context manager."""
        return self._connection(self._reader.connect)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run several store writes as one transaction: all of them are applied, or none (any error,
        a conflict included, rolls every one back)."""
        if getattr(self._batch, "connection", None) is not None:
            yield
            return
        with self._writer.begin() as c:
            self._batch.connection = c
            try:
                yield
            finally:
                self._batch.connection = None

    def notify(self, c: Any, author: str, kind: str, segment_ids: Iterable[int] = ()) -> None:
        """Tell listening clients (PostgreSQL LISTEN) of this write; delivered only if it commits."""
        if c.dialect.name != "postgresql":
            return
        ids = sorted(set(segment_ids))
        payload = {"by": author, "kind": kind, "segments": ids[:200]}
        c.execute(select(func.pg_notify(CHANNEL, json.dumps(payload, ensure_ascii=False)[:7000])))
