"""Which reader handles which input, and which writer each export format uses.

A reader is ``read(path, progress) -> ImportedDocument`` and raises only ``InputError``.
A writer is ``write(out_path, documents_with_segments, options, progress) -> int`` (units written).
Format modules register themselves here; ``mtreview.formats`` imports them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument
from mtreview.domain.progress import Progress
from mtreview.i18n import _

ReadFn = Callable[[Path, Progress], ImportedDocument]


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    extensions: tuple[str, ...]
    read: ReadFn
    description: str = ""
    sink: bool = False
    """``read`` also takes ``segments=``, an object it appends each segment to as it reads them (in place
    of the list it would return): the segments can be stored while the file is still being read."""


_READERS: dict[str, ReaderInfo] = {}


def register_reader(info: ReaderInfo) -> None:
    _READERS[info.name] = info


def readers() -> list[ReaderInfo]:
    return list(_READERS.values())


def reader_for(path: str | os.PathLike[str]) -> ReaderInfo | None:
    """The reader for an already-paired file by its extension, or ``None`` for text that needs aligning."""
    name = Path(path).name.lower()
    best: ReaderInfo | None = None
    for info in _READERS.values():
        for ext in info.extensions:
            if name.endswith(ext) and (best is None or len(ext) > max(len(e) for e in best.extensions)):
                best = info
    return best


def require_reader(name: str) -> ReaderInfo:
    try:
        return _READERS[name]
    except KeyError:
        raise InputError(_("unknown input format {name!r}").format(name=name)) from None


# ------------------------------------------------------------------ writers

WriteFn = Callable[..., int]
"""``write(out_path, units: Iterable[ExportUnit], options: WriteOptions, progress: Progress) -> int``."""


@dataclass(frozen=True)
class WriterInfo:
    name: str
    extension: str
    write: WriteFn
    description: str = ""
    memory: bool = False
    """A translation memory (TMX): by default an export holds only confirmed units (approved, corrected)
    and untouched units that arrived translated; other writers export every unit with its state."""


_WRITERS: dict[str, WriterInfo] = {}


def register_writer(info: WriterInfo) -> None:
    _WRITERS[info.name] = info


def writers() -> list[WriterInfo]:
    return list(_WRITERS.values())


def writer_for(name: str) -> WriterInfo | None:
    return _WRITERS.get(name)


def require_writer(name: str) -> WriterInfo:
    try:
        return _WRITERS[name]
    except KeyError:
        known = ", ".join(sorted(_WRITERS))
        raise InputError(
            _("unknown output format {name!r} (known: {known})").format(name=name, known=known)
        ) from None
