"""What writers receive (``ExportUnit``, ``WriteOptions``) and the guarded output file they write to.

A writer is ``write(out_path, units, options, progress) -> int``: it streams ``units`` (an iterable,
possibly a generator over a 100k-segment project) to ``out_path`` through ``atomic_output`` and returns
how many units it wrote.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mtreview.domain.model import Annotation, ImportedDocument, Status

# The writers' entry point to the output guard, re-exported explicitly (``X as X``) for mypy and ruff.
from mtreview.domain.outputs import OutputError as OutputError
from mtreview.domain.outputs import atomic_output as atomic_output
from mtreview.domain.outputs import atomic_path as atomic_path
from mtreview.domain.outputs import check_output as check_output
from mtreview.domain.outputs import output_session as output_session
from mtreview.formats.state import UnitState, import_status, is_untouched, unit_state


@dataclass(frozen=True, slots=True)
class ExportUnit:
    """One segment as the writers see it."""

    document: str
    ordinal: int
    source: str
    mt: str
    target: str
    """The text to export as the translation: the corrected text where there is one, else the MT."""
    status: Status = Status.NEW
    key: str | None = None
    """The unit's id in the file it came from (TMX tuid, XLIFF unit id, PO msgctxt+msgid)."""
    corrected: str | None = None
    confidence: float = 1.0
    author: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    annotations: Sequence[Annotation] = ()
    mqm_penalty: float | None = None
    chrf: float | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    """The segment's import meta (notes, props, flags, inline markup…), as the reader produced it."""
    source_lang: str = "en"
    target_lang: str = "ja"
    origin: str = ""
    """The format of the document the unit was imported from (``po``, ``tmx``, ``xliff``…, ``page``)."""
    source_lines: tuple[int, ...] = ()
    """1-based lines of the source it came from (provenance)."""

    @property
    def segment_id(self) -> str:
        return f"{self.document}#{self.ordinal}"

    @property
    def untouched(self) -> bool:
        """Still as it arrived (status and corrected text): writers write its arrival state back."""
        return is_untouched(self.status, self.corrected, self.meta)

    @property
    def state(self) -> UnitState:
        """The state to write (see ``formats.state``)."""
        return unit_state(self.status, self.target, self.untouched, self.meta)


@dataclass(frozen=True, slots=True)
class WriteOptions:
    source_lang: str = "en"
    target_lang: str = "ja"
    include_annotations: bool = True
    tool_version: str = ""
    inputs: tuple[str, ...] = ()
    """What the output must never be: the project's files and every file it was imported from
    (``services.outputs.protected_files``); the guard (``domain.outputs``) refuses them."""
    document_meta: Mapping[str, Any] = field(default_factory=dict)
    """Header data of the (single) source document, for writers that can reproduce it."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    bom: bool = True
    """CSV/TSV: start with a UTF-8 byte order mark (what spreadsheets need to read UTF-8)."""
    formula_guard: bool = True
    """CSV/TSV/MQM TSV/xlsx: guard cells a spreadsheet would evaluate (``formats.guard``)."""
    original: bytes | None = field(default=None, repr=False)
    """The file the (single) document was imported from, for writers that merge into it (XLIFF)."""


DEFAULT_OPTIONS = WriteOptions()


def now_utc() -> datetime:
    return datetime.now(UTC)


def units_from_document(doc: ImportedDocument) -> Iterator[ExportUnit]:
    """Export units straight from an imported document (round trips without a project)."""
    for i, seg in enumerate(doc.segments, start=1):
        target = seg.target if seg.corrected is None else seg.corrected
        yield ExportUnit(
            document=doc.name,
            ordinal=i,
            source=seg.source,
            mt=seg.target,
            target=target,
            status=import_status(seg),
            key=seg.key,
            corrected=seg.corrected,
            confidence=seg.confidence,
            meta=seg.meta,
            source_lang=doc.source_lang,
            target_lang=doc.target_lang,
            origin=doc.format,
            source_lines=tuple(seg.source_lines),
        )


def iso(dt: datetime | None) -> str:
    return "" if dt is None else dt.astimezone(UTC).isoformat()


def tmx_date(dt: datetime | None) -> str:
    """TMX dates: ``YYYYMMDDThhmmssZ`` in UTC."""
    if dt is None:
        dt = now_utc()
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


__all__ = [
    "DEFAULT_OPTIONS",
    "ExportUnit",
    "OutputError",
    "WriteOptions",
    "atomic_output",
    "atomic_path",
    "check_output",
    "iso",
    "now_utc",
    "output_session",
    "tmx_date",
    "units_from_document",
]
