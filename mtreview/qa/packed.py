"""A document's segments kept compressed in memory, for the one-time checks of a whole project.

At 100k segments the texts as ``SegmentInput`` objects take about 130 MB; a run of Tools ▸ Run Checks holds
them from the first read of the project to the end of the judging. ``PackedSegments`` is a read-only
sequence of ``SegmentInput`` that keeps them in zlib-compressed chunks of ``CHUNK`` segments (a quarter of
the size, or less) and decodes a chunk when one of its segments is read; the last chunks read stay decoded
(``KEEP``), so reading in order, or near one place, decodes each chunk about once. Pickled (to the check
workers), it stays compressed.
"""

from __future__ import annotations

import pickle
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from mtreview.qa.base import SegmentInput

CHUNK = 256
KEEP = 4
"""Decoded chunks kept (a judge reads a few segments of one place at a time)."""


def _encode(segments: list[SegmentInput]) -> bytes:
    rows = [(s.id, s.document, s.source, s.target, s.source_lines, s.target_lines) for s in segments]
    return zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)


class PackedSegments(Sequence[SegmentInput]):
    """A read-only sequence of segments in compressed chunks (see the module)."""

    def __init__(self, segments: Iterable[SegmentInput] = ()) -> None:
        self._chunks: list[bytes] = []
        self._length = 0
        self._decoded: OrderedDict[int, tuple[SegmentInput, ...]] = OrderedDict()
        pending: list[SegmentInput] = []
        for segment in segments:
            pending.append(segment)
            if len(pending) == CHUNK:
                self._chunks.append(_encode(pending))
                self._length += len(pending)
                pending = []
        if pending:
            self._chunks.append(_encode(pending))
            self._length += len(pending)

    def _decode(self, n: int) -> tuple[SegmentInput, ...]:
        return tuple(SegmentInput(*row) for row in pickle.loads(zlib.decompress(self._chunks[n])))

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
        for n in range(len(self._chunks)):
            # in order: one chunk decoded at a time, without pushing the kept ones out
            chunk = self._decoded.get(n)
            yield from chunk if chunk is not None else self._decode(n)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PackedSegments({self._length} segments in {len(self._chunks)} chunks)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unpickle, (self._chunks, self._length))

    @property
    def packed_bytes(self) -> int:
        """The compressed size in bytes."""
        return sum(len(c) for c in self._chunks)


def _unpickle(chunks: list[bytes], length: int) -> PackedSegments:
    packed = PackedSegments()
    packed._chunks, packed._length = chunks, length
    return packed
