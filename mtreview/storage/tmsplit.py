"""A TM index built by two processes: the target index (``tgt``) in a second process, the rest here.

Building the index of a large reference TM is mostly SQLite's FTS5 work, and one process does it on one
core. The target side's character index is about half of it and needs nothing but the targets, so
``TargetBuilder`` starts a second process (``spawn``: no fork of a process that may run Qt) that builds
``tgt`` into a file of its own from the batches this process sends it while it reads the file and builds
``unit``, ``src`` and the rest. At the end ``adopt`` copies that file's ``tgt`` shadow tables into the
index as they are (the same SQLite, the same table definition: the copy is the index the second process
built, byte for byte); a fresh connection opens it afterwards, so no cached FTS5 state is stale.

Whatever goes wrong on the second process's side (it cannot start, dies, runs out of disk) costs time,
not the index: ``finish`` says so and the caller builds ``tgt`` itself from the ``unit`` table.
A frozen (PyInstaller) app must call ``multiprocessing.freeze_support()`` first thing in its entry point
(``packaging/mtreview_launcher.py`` does), or the spawned process would start the app again.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from mtreview.storage.tmindex import TGT_TABLE, discard, fts_bulk_mode, insert_targets

_TGT_DDL = f"CREATE VIRTUAL TABLE {TGT_TABLE}"
_QUEUED = 64
"""Batches waiting for the pipe: a thread writes them, so this process reads on while the other one
starts up or catches up (64 batches of 2,000 targets: some tens of MB at most)."""


def build_targets(path: Path, rows: Callable[[], Sequence[tuple[int, str]] | None]) -> None:
    """Build ``tgt`` alone in a new file at ``path`` from ``(id, target)`` batches (``rows()`` returns
    the next one, ``None`` at the end); merged into one FTS5 segment at the end."""
    discard(path)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute(_TGT_DDL)
        fts_bulk_mode(db, "tgt", True)
        db.execute("BEGIN")
        while (batch := rows()) is not None:
            insert_targets(db, [i for i, _t in batch], [t for _i, t in batch])
        db.execute("COMMIT")
        db.execute("INSERT INTO tgt(tgt) VALUES ('optimize')")
    finally:
        db.close()


def _child(path: str, conn: Connection) -> None:
    """The second process: batches in, ``"ok"`` or the error's text out."""
    try:
        build_targets(Path(path), conn.recv)
    except BaseException as exc:  # reported to the parent, which builds tgt itself
        with contextlib.suppress(OSError, ValueError):
            conn.send(f"{type(exc).__name__}: {exc}")
        return
    conn.send("ok")


class TargetBuilder:
    """The parent's handle on the second process. ``send`` batches, then ``finish``; ``stop`` always."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.error: str | None = None
        self._finished = False
        self._queue: queue.Queue[list[tuple[int, str]] | None] = queue.Queue(_QUEUED)
        ctx = multiprocessing.get_context("spawn")
        self._conn, theirs = ctx.Pipe(duplex=True)
        self._proc: Any = ctx.Process(
            target=_child, args=(str(self.path), theirs), name="mtreview-tm-targets", daemon=True
        )
        self._writer = threading.Thread(target=self._write, name="mtreview-tm-targets-pipe", daemon=True)
        try:
            self._proc.start()
        except (OSError, RuntimeError) as exc:  # no process to be had: the caller builds tgt itself
            self.error = f"{type(exc).__name__}: {exc}"
            self._proc = None
        else:
            self._writer.start()
        finally:
            theirs.close()

    def _write(self) -> None:
        """The pipe's writer thread: batches from the queue to the process, ``None`` last."""
        while True:
            batch = self._queue.get()
            if self.error is None:
                try:
                    self._conn.send(batch)
                except (OSError, EOFError, ValueError, TypeError) as exc:  # TypeError: a closed pipe
                    self.error = f"{type(exc).__name__}: {exc}"
            if batch is None:
                return

    def send(self, rows: Sequence[tuple[int, str]]) -> None:
        if self.error is None:
            self._queue.put(list(rows))

    def finish(self, waiting: Callable[[], None] = lambda: None) -> bool:
        """Tell the process the batches are done and wait for its file; ``waiting`` is called about
        every 0.2 s meanwhile (a progress check may raise ``Cancelled`` there). True when the file is
        complete."""
        if self.error is None:
            self._queue.put(None)
            while self._writer.is_alive():
                self._writer.join(0.2)
                waiting()
        if self.error is None:
            try:
                while not self._conn.poll(0.2):
                    if self._proc is None or not self._proc.is_alive():
                        if self._conn.poll(0):
                            break
                        self.error = "the target-index process ended without an answer"
                        return False
                    waiting()
                reply = self._conn.recv()
                if reply != "ok":
                    self.error = str(reply)
            except (OSError, EOFError) as exc:
                self.error = f"{type(exc).__name__}: {exc}"
        self._finished = self.error is None
        return self._finished

    def stop(self) -> None:
        """End the process (it has ended already after a good ``finish``; killed otherwise: after a
        cancel or a failure nobody wants its file), then the pipe's writer, then the pipe."""
        if not self._finished and self.error is None:
            self.error = "stopped"  # the writer sends nothing more
        if self._proc is not None:
            self._proc.join(timeout=5 if self._finished else 0)
            if self._proc.is_alive():
                self._proc.kill()  # a send blocked on the full pipe fails now
                self._proc.join(timeout=10)
        if self._writer.is_alive():  # it drains the queue to its end without sending
            with contextlib.suppress(queue.Full):
                self._queue.put(None, timeout=5)
            self._writer.join(timeout=5)
        with contextlib.suppress(OSError, ValueError):
            self._conn.close()  # only once the writer is done with it
        if self._proc is not None:
            with contextlib.suppress(ValueError):
                self._proc.close()
            self._proc = None


def adopt(path: Path, side: Path) -> None:
    """Put the ``tgt`` index built in ``side`` into the index at ``path`` (its FTS5 shadow tables
    copied row for row). No other connection may be open on ``path``."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=OFF")
        db.execute("ATTACH DATABASE ? AS side", (str(side),))
        query = "SELECT name FROM {}.sqlite_master WHERE type = 'table' AND name LIKE 'tgt!_%' ESCAPE '!'"
        ours = sorted(r[0] for r in db.execute(query.format("main")))
        theirs = sorted(r[0] for r in db.execute(query.format("side")))
        if not ours or ours != theirs:
            raise sqlite3.DatabaseError(f"target index tables differ: {ours} vs {theirs}")
        db.execute("BEGIN")
        for name in ours:
            db.execute(f'DELETE FROM main."{name}"')
            db.execute(f'INSERT INTO main."{name}" SELECT * FROM side."{name}"')
        db.execute("COMMIT")
        db.execute("DETACH DATABASE side")
    finally:
        db.close()
