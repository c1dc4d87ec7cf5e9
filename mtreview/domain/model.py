"""Plain, frozen values the whole application shares.

Nothing here knows about Qt or SQLAlchemy. Offsets are always Unicode code points
(Python ``str`` indices); conversion to Qt's UTF-16 positions lives in ``mtreview.align.offsets``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any


class Status(enum.StrEnum):
    NEW = "new"
    CORRECTED = "corrected"
    APPROVED = "approved"
    REJECTED = "rejected"


class Severity(enum.StrEnum):
    """MQM severities, ordered ``neutral < minor < major < critical``."""

    NEUTRAL = "neutral"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {text!r} (expected one of: {', '.join(s.value for s in cls)})"
            ) from None


_SEVERITY_RANK = {Severity.NEUTRAL: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Side(enum.StrEnum):
    SOURCE = "source"
    TARGET = "target"


class AnnotationState(enum.StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


MANUAL = "manual"
"""``Annotation.origin`` of an annotation a person made (otherwise the id of the check)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def fits(self, text: str) -> bool:
        return self.end <= len(text)

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class SegmentDraft:
    """One aligned unit as a reader or the aligner produces it, before it is stored."""

    source: str
    target: str
    source_lines: tuple[int, ...] = ()
    target_lines: tuple[int, ...] = ()
    confidence: float = 1.0
    corrected: str | None = None
    key: str | None = None
    """The unit's id in its original file (TMX tuid, XLIFF unit id, PO msgctxt…), if any."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    """Format-specific data needed to write the unit back (notes, props, placeholders, flags…)."""
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    """What a reader or the bilingual importer returns: one document's aligned segments."""

    name: str
    segments: list[SegmentDraft]
    source_lang: str = "en"
    target_lang: str = "ja"
    path: str | None = None
    format: str = "text"
    engine: str | None = None
    source_only: tuple[int, ...] = ()
    """Source line numbers with no translation (already present as segments with an empty target)."""
    target_only: tuple[int, ...] = ()
    """Target line numbers that pair with nothing (summaries, separators, chrome); kept as notes."""
    target_only_text: Mapping[int, str] = field(default_factory=dict)
    source_notes: Mapping[int, str] = field(default_factory=dict)
    """Source lines that are not body paragraphs (page chrome): kept as notes, not segments."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    original: bytes | None = field(default=None, repr=False)
    """The file's bytes, where an export writes the review back into it (XLIFF): stored with the document."""


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    name: str
    path: str | None
    format: str
    source_lang: str
    target_lang: str
    engine: str | None
    created_at: datetime
    segment_count: int = 0
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Segment:
    id: int
    document_id: int
    ordinal: int
    """1-based position of the segment in its document."""
    source: str
    mt: str
    """The machine translation as imported; never changes."""
    corrected: str | None
    """The reviewer's text; ``None`` until someone edits or an import carries a corrected column."""
    status: Status
    source_lines: tuple[int, ...]
    target_lines: tuple[int, ...]
    confidence: float
    version: int
    author: str | None
    updated_at: datetime
    key: str | None = None
    locked: bool = False
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def target(self) -> str:
        """The current Japanese text: the correction where there is one, else the MT."""
        return self.mt if self.corrected is None else self.corrected


@dataclass(frozen=True, slots=True)
class Annotation:
    id: int
    segment_id: int
    side: Side
    start: int | None
    end: int | None
    """``None`` offsets mean the whole segment."""
    category: str
    severity: Severity
    comment: str
    suggestion: str | None
    author: str
    origin: str
    state: AnnotationState
    version: int
    updated_at: datetime

    @property
    def span(self) -> Span | None:
        return None if self.start is None or self.end is None else Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class AnnotationDraft:
    segment_id: int
    category: str
    severity: Severity
    side: Side = Side.TARGET
    start: int | None = None
    end: int | None = None
    comment: str = ""
    suggestion: str | None = None
    origin: str = MANUAL
    state: AnnotationState = AnnotationState.CONFIRMED


@dataclass(frozen=True, slots=True)
class Revision:
    id: int
    entity: str
    """``"segment"`` or ``"annotation"``."""
    entity_id: int
    segment_id: int
    action: str
    """``"edit"``, ``"status"``, ``"create"``, ``"update"``, ``"delete"``, ``"revert"``…"""
    author: str
    at: datetime
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation changed, so views refresh only that (Anki's OpChanges)."""

    segments: frozenset[int] = frozenset()
    annotations: frozenset[int] = frozenset()
    documents: frozenset[int] = frozenset()
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.segments | other.segments,
            self.annotations | other.annotations,
            self.documents | other.documents,
            self.settings or other.settings,
        )

    @property
    def empty(self) -> bool:
        return not (self.segments or self.annotations or self.documents or self.settings)


SegmentFields = tuple[Any, ...]
"""A segment as it is stored: a ``SegmentDraft``'s fields in their order (``segment_fields``): what a
reader in another process sends (``services.import_stream``), cheaper to move than the dataclass."""

SEGMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SegmentDraft))
segment_fields = attrgetter(*SEGMENT_FIELDS)
"""``SegmentDraft`` → ``SegmentFields``."""
