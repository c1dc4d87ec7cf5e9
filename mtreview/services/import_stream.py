"""Import a large file while it is still being read.

The reader runs in a forked process and sends its segments in batches as it finds them; this process
stores each batch as it arrives, inside the import's one transaction. Reading and storing take about the
same time, so on two cores the import takes about as long as the slower of the two (100k TMX units:
3.1 s → about 2 s). Nothing else changes: the project gets the same rows as ``read_input`` followed by
``import_document`` would write (a test compares them), and bad input still leaves nothing behind — the
reader's ``InputError`` (file and line) is raised here, and the project, built under a name of its own,
is removed; it takes its name only once it is complete and closed (``new_project_file``).

Used for files of ``STREAM_FROM`` bytes or more whose reader can hand its segments over as it goes
(``ReaderInfo.sink``), imported into a new project file (an existing project, or a server's, is opened
only after the whole file has been read, as before), only where forking is safe: a POSIX process with
one thread (the command line; the GUI, which has threads, reads in its worker thread as before).
``MTREVIEW_STREAM_IMPORT=0`` turns it off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import os
import pickle
import queue
import secrets
import signal
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, SegmentFields
from mtreview.domain.progress import NO_PROGRESS
from mtreview.i18n import _

log = logging.getLogger(__name__)

STREAM_FROM = 4 * 1024 * 1024
"""Bytes from which a file is read in another process while it is stored (below, starting the process
costs more than it saves)."""
BATCH = 2000
"""Segments per message."""
QUEUED = 32
"""Messages received and not yet stored, at most (the reader waits beyond)."""
_SEP = "\x00"


def streamable(
    path: str | os.PathLike[str], target: str | os.PathLike[str] | None = None, project: str | None = None
) -> bool:
    """Whether ``path`` would be imported while it is read (see the module's note): into ``project``, a
    project file that does not exist yet (an existing project, or a server's, is only opened once the
    whole file has been read: bad input must not even migrate it)."""
    import mtreview.formats  # noqa: F401  (registers the readers)
    from mtreview.formats.registry import reader_for

    if target is not None or os.name != "posix" or not hasattr(os, "fork"):
        return False
    if project is not None and ("://" in project or os.path.lexists(project)):
        return False
    if os.environ.get("MTREVIEW_STREAM_IMPORT", "").strip() == "0":
        return False
    if threading.active_count() != 1:  # a fork copies only the calling thread: never with others running
        return False
    info = reader_for(path)
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    return info is not None and info.sink and size >= STREAM_FROM


def _encode(batch: list[SegmentDraft]) -> bytes:
    """A batch as one message: the texts joined into one string (one UTF-8 encoding to move, instead of
    one object per text), the other fields as they are."""
    texts = [d.source for d in batch]
    texts += [d.target for d in batch]
    # equal metadata sent as one object (the pickle keeps the sharing): the store then serialises it once;
    # the fields after the texts in ``SEGMENT_FIELDS`` order, written out (a getter and a copy of each tuple
    # to swap its metadata cost a fifth more; the batch test compares them with ``segment_fields``)
    shared: dict[str, Any] = {}
    rest = []
    for d in batch:
        meta = d.meta
        if type(meta) is dict and meta:
            meta = shared.setdefault(repr(meta), meta)  # repr tells True from 1, unlike ==
        rest.append((d.source_lines, d.target_lines, d.confidence, d.corrected, d.key, meta, d.status))
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:  # a text holds the separator itself
        return pickle.dumps(("texts", texts, rest), protocol=pickle.HIGHEST_PROTOCOL)
    return pickle.dumps(("joined", joined, rest), protocol=pickle.HIGHEST_PROTOCOL)


def _decode(kind: str, texts: Any, rest: list[tuple[Any, ...]]) -> list[SegmentFields]:
    if kind == "joined":
        texts = texts.split(_SEP)
    n = len(rest)
    return [(texts[i], texts[n + i], *rest[i]) for i in range(n)]


class _Sink:
    """What the reader appends its segments to (in place of its list): sends them on in batches."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._batch: list[SegmentDraft] = []
        self._count = 0

    def append(self, draft: SegmentDraft) -> None:
        self._batch.append(draft)
        self._count += 1
        if len(self._batch) >= BATCH:
            self.flush()

    def extend(self, drafts: Iterable[SegmentDraft]) -> None:
        for draft in drafts:
            self.append(draft)

    def __len__(self) -> int:
        return self._count

    def flush(self) -> None:
        if self._batch:
            self._conn.send_bytes(_encode(self._batch))
            self._batch = []


def _read_in_child(conn: Any, parent_end: Any, path: str) -> None:
    from mtreview.formats.registry import reader_for

    parent_end.close()  # else a dead parent leaves this process writing to a pipe it reads itself
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command line's handler: ``close()`` ends it
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        info = reader_for(path)
        assert info is not None and info.sink
        sink = _Sink(conn)
        doc = info.read(Path(path), NO_PROGRESS, segments=sink)  # type: ignore[call-arg]
        sink.flush()
        message: tuple[Any, ...] = ("done", dataclasses.replace(doc, segments=[]))
    except InputError as exc:
        message = ("error", exc.message, exc.path, exc.line)
    except MemoryError:
        message = ("error", _("the file is too large"), path, None)
    except Exception as exc:  # reported to the importing process, which raises it
        message = ("crash", f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError, EOFError):  # the importing process is gone (cancelled)
        conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
    conn.close()


class StreamedRead:
    """The reader of one file, running in a forked process; ``batches()`` yields its segments as they
    come, then ``document`` holds the document (without its segments). Use as a context manager: leaving
    it ends the reader whatever happened."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self.document: ImportedDocument | None = None
        context = multiprocessing.get_context("fork")
        self._conn, child_conn = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_read_in_child, args=(child_conn, self._conn, self.path), daemon=True
        )
        self._process.start()
        child_conn.close()
        # The pipe holds 64 KiB and a batch is about a megabyte: a thread takes each message off it as it
        # comes (the reader never waits for the store), this one unpickles and stores them.
        self._messages: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUED)
        self._receiver = threading.Thread(target=self._receive, name="mtreview-import-receiver", daemon=True)
        self._receiver.start()

    def _receive(self) -> None:
        try:
            while True:
                data = self._conn.recv_bytes()
                self._messages.put(data)
        except (EOFError, OSError):
            self._messages.put(None)

    def batches(self) -> Iterator[list[SegmentFields]]:
        while True:
            data = self._messages.get()
            if data is None:
                self._process.join(timeout=5)
                raise InputError(
                    _("reading stopped unexpectedly (exit code {code})").format(code=self._process.exitcode),
                    self.path,
                ) from None
            kind, *rest = pickle.loads(data)
            if kind in ("joined", "texts"):
                yield _decode(kind, *rest)
            elif kind == "done":
                self.document = rest[0]
                return
            elif kind == "error":
                raise InputError(*rest)
            else:
                raise RuntimeError(f"reading {self.path} failed: {rest[0]}")

    def finished(self) -> ImportedDocument:
        if self.document is None:
            raise RuntimeError("the document is known once every batch is read")
        return self.document

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
        self._process.join()
        self._conn.close()  # the receiver's next read fails: it ends
        while self._receiver.is_alive():  # it may be waiting to queue a message nobody takes
            with contextlib.suppress(queue.Empty):
                while True:
                    self._messages.get_nowait()
            self._receiver.join(timeout=0.1)

    def __enter__(self) -> StreamedRead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProjectAppeared(Exception):
    """The project file was created by someone else while this import built its own."""


_COMPANIONS = ("-wal", "-shm", "-journal")


@contextlib.contextmanager
def new_project_file(project: str) -> Iterator[str]:
    """A new project is built under a name of its own in the same folder and put in place when the
    import is done and the project closed (``project`` must not exist yet): a failed import leaves nothing
    behind, and a project someone else created meanwhile is never touched — ``ProjectAppeared`` is
    raised instead, and the caller imports into that project the usual way."""
    folder, name = os.path.split(os.path.abspath(project))
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    building = os.path.join(folder, f".{name}.importing-{token}.mtreview")

    def remove() -> None:
        for suffix in ("", *_COMPANIONS):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(building + suffix)

    try:
        yield building
        if os.path.exists(building + "-wal"):  # closed, SQLite folds its log into the file and removes it
            raise RuntimeError(f"{building}: the project was not closed")
        try:
            os.link(building, project)  # never replaces a file: fails if one appeared meanwhile
        except FileExistsError:
            raise ProjectAppeared(project) from None
        except OSError:  # a file system without hard links: the same check, not atomic
            if os.path.lexists(project):
                raise ProjectAppeared(project) from None
            os.rename(building, project)
    finally:
        remove()
