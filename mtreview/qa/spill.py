"""Document checks' observations on disk, for a one-time run (``runner.run_checks``).

A full run of the checks keeps every observation of the document-level checks until their keys are
judged: at 100k segments about a million small tuples, most of the run's memory. ``SpilledIndex`` is a
``KeyIndex`` that keeps only each key's class counts in memory (what ``decision`` and most judges read)
and writes the items to a temporary SQLite file; ``get(key)`` reads one key's items back when it is
judged. An incremental checker (the GUI's re-check of an edited segment) keeps ``KeyIndex``: it needs
``remove_segment`` and answers in milliseconds.

The file lives in a folder named like the worker pool's (``mtreview-checks-<pid>-…``), so a run that is
killed leaves nothing a later run does not remove (``parallel.remove_abandoned``).
"""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import tempfile
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from mtreview.qa.base import KeyIndex

SPILL_FROM = 2000
"""Segments in a one-time run from which the observations go to disk (below, they are few: memory)."""
FLUSH_ROWS = 20_000
"""Items buffered before they are written (one ``executemany``)."""
CACHED_KEYS = 64
"""Keys whose items were read most recently, kept (a judge reads its key and the longer terms around it)."""
CACHED_ITEMS = 2000
"""A key with more items than this is read again when asked again rather than kept (one such key, a
register's minority style in a large document, would otherwise hold tens of megabytes to the run's end)."""


class SpillError(Exception):
    """The temporary file cannot be made or written (a full or read-only temporary folder): the run
    keeps its observations in memory instead (``runner.IncrementalChecker.run``)."""


class SpillStore:
    """One temporary SQLite file shared by the indexes of one run; ``close`` removes it."""

    def __init__(self) -> None:
        from mtreview.qa.parallel import FOLDER_PREFIX, remove_abandoned

        remove_abandoned()
        try:
            self._dir = tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-")
        except OSError as exc:
            raise SpillError(str(exc)) from exc
        try:
            self._db = sqlite3.connect(os.path.join(self._dir, "observations.sqlite"))
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;"
                "CREATE TABLE obs (ns INTEGER NOT NULL, key INTEGER NOT NULL, sid TEXT NOT NULL, item BLOB);"
            )
        except BaseException as exc:
            shutil.rmtree(self._dir, ignore_errors=True)
            if isinstance(exc, sqlite3.Error):
                raise SpillError(str(exc)) from exc
            raise
        self._pending: list[tuple[int, int, str, Any]] = []
        self._indexed = False
        self._namespaces = 0

    def namespace(self) -> int:
        self._namespaces += 1
        return self._namespaces

    def append(self, ns: int, key: int, sid: str, item: Any) -> None:
        self._pending.append((ns, key, sid, item))
        if len(self._pending) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        dumps, protocol = pickle.dumps, pickle.HIGHEST_PROTOCOL
        rows = self._pending
        self._pending = []
        try:
            self._db.executemany(
                "INSERT INTO obs VALUES (?, ?, ?, ?)",
                ((ns, key, sid, dumps(item, protocol)) for ns, key, sid, item in rows),
            )
        except sqlite3.Error as exc:  # the disk is full
            raise SpillError(str(exc)) from exc

    def read(self, ns: int, key: int) -> dict[str, list[Any]]:
        self.flush()
        if not self._indexed:  # once the first pass is over: building it then costs less than keeping it
            try:
                self._db.execute("CREATE INDEX obs_key ON obs (ns, key)")
            except sqlite3.Error as exc:
                raise SpillError(str(exc)) from exc
            self._indexed = True
        loads = pickle.loads
        out: dict[str, list[Any]] = {}
        for sid, item in self._db.execute(
            "SELECT sid, item FROM obs WHERE ns = ? AND key = ? ORDER BY rowid", (ns, key)
        ):
            out.setdefault(sid, []).append(loads(item))
        return out

    def close(self) -> None:
        self._pending = []
        try:
            self._db.close()
        finally:
            shutil.rmtree(self._dir, ignore_errors=True)


class SpilledIndex(KeyIndex):
    """``KeyIndex`` for a one-time run: counts in memory, items in the run's ``SpillStore``."""

    def __init__(self, store: SpillStore) -> None:
        super().__init__()  # its ``observations`` stay empty: the items are in the file
        self._store = store
        self._ns = store.namespace()
        self._numbers: dict[Hashable, int] = {}
        """Key → its number in the file, in the order the keys were first observed (the judging order)."""
        self._cache: OrderedDict[Hashable, dict[str, list[Any]]] = OrderedDict()

    def add(self, key: Hashable, segment_id: str, item: Any, item_class: Hashable) -> None:
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self._numbers)
        self._store.append(self._ns, number, segment_id, item)
        counts = self._counts.setdefault(key, {})
        counts[item_class] = counts.get(item_class, 0) + 1

    def remove_segment(self, key: Hashable, segment_id: str, classes: list[Hashable]) -> None:
        raise RuntimeError("observations on disk are for one run: an incremental checker keeps KeyIndex")

    def get(self, key: Hashable) -> dict[str, list[Any]]:
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        number = self._numbers.get(key)
        found: dict[str, list[Any]] = {} if number is None else self._store.read(self._ns, number)
        if sum(self._counts.get(key, {}).values()) > CACHED_ITEMS:
            return found
        self._cache[key] = found
        if len(self._cache) > CACHED_KEYS:
            self._cache.popitem(last=False)
        return found

    def key_list(self) -> list[Hashable]:
        return list(self._numbers)
