"""A document's segments kept compressed in memory, for the one-time checks of a whole project.

At 100k segments the texts as ``SegmentInput`` objects take about 130 MB; a run of Tools ▸ Run Checks holds
them from the first read of the project to the end of the judging. ``PackedSegments`` is a read-only
sequence of ``SegmentInput`` that keeps them in zlib-compressed chunks of ``CHUNK`` segments (a quarter of
the size, or less) and decodes a chunk when one of its segments is read; the last chunks read stay decoded
(``KEEP``), so reading in order, or near one place, decodes each chunk about once. Pickled (to the check
workers), it stays compressed.

A large one (``SPILL_FROM`` segments or more) keeps its chunks in a temporary file instead of in memory
(the 100k segments of a project are 28 MB compressed): a chunk is read back when it is decoded, the file is
removed with the sequence, and pickled it names the file (the workers read the parent's file). A file that
cannot be written (a full temporary folder) leaves the chunks in memory, as does a system without POSIX
positioned reads (Windows).
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import tempfile
import weakref
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from mtreview.qa.base import SegmentInput

log = logging.getLogger(__name__)

CHUNK = 256
KEEP = 4
"""Decoded chunks kept (a judge reads a few segments of one place at a time)."""
SPILL_FROM = 16 * CHUNK
"""Segments from which the chunks go to a temporary file."""
SPILL_SUPPORTED = os.name == "posix" and hasattr(os, "pread") and hasattr(os, "pwrite")
"""Reading a chunk by offset without a shared file position (and removing the file while a worker may
still have it open) needs POSIX: elsewhere (Windows) the chunks stay in memory."""
FILE_PREFIX = "mtreview-checks-"
"""As the check workers' folders (``parallel.FOLDER_PREFIX``): ``mtreview-checks-<pid>-segments-…``, so a
file left by a killed process is removed like them (``parallel.remove_abandoned``)."""


class _ChunkFile:
    """Chunks appended to a temporary file, read back by offset (in any process that has its name)."""

    def __init__(self, path: str, offsets: array[int] | None = None, owner: bool = False) -> None:
        self.path = path
        self.offsets = offsets if offsets is not None else array("q", [0])
        self._fd = os.open(path, os.O_RDWR if owner else os.O_RDONLY)
        self._closer = weakref.finalize(self, _close, self._fd, path if owner else None)

    @classmethod
    def create(cls) -> _ChunkFile:
        from mtreview.qa.parallel import remove_abandoned

        remove_abandoned()  # (those of killed processes)
        fd, path = tempfile.mkstemp(prefix=f"{FILE_PREFIX}{os.getpid()}-segments-")
        os.close(fd)
        return cls(path, owner=True)

    def append(self, chunk: bytes) -> None:
        end = self.offsets[-1]
        os.pwrite(self._fd, chunk, end)
        self.offsets.append(end + len(chunk))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def read(self, n: int) -> bytes:
        start, end = self.offsets[n], self.offsets[n + 1]
        return os.pread(self._fd, end - start, start)


def _close(fd: int, path: str | None) -> None:
    os.close(fd)
    if path is not None:
        with contextlib.suppress(OSError):
            os.remove(path)


def _encode(segments: list[SegmentInput]) -> bytes:
    rows = [(s.id, s.document, s.source, s.target, s.source_lines, s.target_lines) for s in segments]
    return zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)


class PackedSegments(Sequence[SegmentInput]):
    """A read-only sequence of segments in compressed chunks (see the module)."""

    def __init__(self, segments: Iterable[SegmentInput] = ()) -> None:
        self._chunks: list[bytes] = []
        self._file: _ChunkFile | None = None
        self._may_spill = SPILL_SUPPORTED
        self._length = 0
        self._decoded: OrderedDict[int, tuple[SegmentInput, ...]] = OrderedDict()
        pending: list[SegmentInput] = []
        for segment in segments:
            pending.append(segment)
            if len(pending) == CHUNK:
                self._add(_encode(pending))
                self._length += len(pending)
                pending = []
        if pending:
            self._add(_encode(pending))
            self._length += len(pending)

    def _add(self, chunk: bytes) -> None:
        if self._file is None and self._may_spill and len(self._chunks) * CHUNK >= SPILL_FROM:
            try:
                spilled = _ChunkFile.create()
                for kept in self._chunks:
                    spilled.append(kept)
            except OSError as exc:  # a full or unwritable temporary folder: memory will do
                log.warning("checks: cannot keep the segments in a temporary file (%s)", exc)
                self._may_spill = False  # (once: not a new file and a warning for every chunk)
            else:
                self._file, self._chunks = spilled, []
        if self._file is not None:
            try:
                self._file.append(chunk)
                return
            except OSError as exc:
                log.warning("checks: cannot keep the segments in a temporary file (%s)", exc)
                self._chunks = [self._file.read(n) for n in range(len(self._file))]
                self._file = None
                self._may_spill = False
        self._chunks.append(chunk)

    def _raw(self, n: int) -> bytes:
        return self._file.read(n) if self._file is not None else self._chunks[n]

    def _count(self) -> int:
        return len(self._file) if self._file is not None else len(self._chunks)

    def _decode(self, n: int) -> tuple[SegmentInput, ...]:
        return tuple(SegmentInput(*row) for row in pickle.loads(zlib.decompress(self._raw(n))))

    def _chunk(self, n: int) -> tuple[SegmentInput, ...]:
        chunk = self._decoded.get(n)
        if chunk is not None:
            self._decoded.move_to_end(n)
            return chunk
        chunk = self._decoded[n] = self._decode(n)
        if len(self._decoded) > KEEP:
            self._decoded.popitem(last=False)
        return chunk

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> SegmentInput: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[SegmentInput, ...]: ...

    def __getitem__(self, index: int | slice) -> SegmentInput | tuple[SegmentInput, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("segment index out of range")
        return self._chunk(index // CHUNK)[index % CHUNK]

    def __iter__(self) -> Iterator[SegmentInput]:
        for n in range(self._count()):
            # in order: one chunk decoded at a time, without pushing the kept ones out
            chunk = self._decoded.get(n)
            yield from chunk if chunk is not None else self._decode(n)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PackedSegments({self._length} segments in {self._count()} chunks)"

    def __reduce__(self) -> tuple[Any, ...]:
        if self._file is not None:  # the file's name, not its chunks: a worker reads the same file
            return (_unpickle_file, (self._file.path, self._file.offsets, self._length))
        return (_unpickle, (self._chunks, self._length))

    @property
    def packed_bytes(self) -> int:
        """The compressed size in bytes."""
        if self._file is not None:
            return self._file.offsets[-1]
        return sum(len(c) for c in self._chunks)

    @property
    def in_file(self) -> bool:
        """Whether the chunks are in a temporary file (not in memory)."""
        return self._file is not None


def _unpickle(chunks: list[bytes], length: int) -> PackedSegments:
    packed = PackedSegments()
    packed._chunks, packed._length = chunks, length
    return packed


def _unpickle_file(path: str, offsets: array[int], length: int) -> PackedSegments:
    packed = PackedSegments()
    packed._file, packed._length = _ChunkFile(path, offsets), length
    return packed
