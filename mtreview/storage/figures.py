"""What scores are built from, read in bulk without the segments' texts (issue 18).

At 100k segments a Python object per row costs more than the database's own work, so these reads return
the database driver's plain tuples (documented per function) and grouped counts are computed by the
database:

- ``segment_numbers``: per segment its ids, version, source word count (``segment.words``), the length of
  its current target and whether it has a correction;
- ``load_stats`` / ``save_stats``: sacrebleu's statistics per segment (``segment_metric``: the segment
  version they describe, the metric signature, sentence chrF and TER, the packed statistics);
- counts grouped by document, status, author, category and severity for the dashboard and the report.

Every function takes the open ``ProjectStore`` and uses its connections (one transaction per write).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, func, select, update

from mtreview.storage.orm import AnnotationRow, SegmentMetricRow, SegmentRow

if TYPE_CHECKING:
    from mtreview.storage.repository import ProjectStore

IN_CHUNK = 900
"""Ids per ``IN (…)`` list (SQLite's default limit on host parameters is 999)."""

_TARGET_CHARS = func.length(func.coalesce(SegmentRow.corrected, SegmentRow.mt))


def _tuples(c: Any, statement: Any) -> list[tuple[Any, ...]]:
    """Rows as the driver's tuples (no SQLAlchemy row objects: at 100k rows they cost more than the
    query). Only for columns that need no type conversion (numbers, text, bytes)."""
    return list(c.execute(statement).cursor.fetchall())


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start : start + IN_CHUNK]


SEGMENT_NUMBERS = select(
    SegmentRow.id,
    SegmentRow.document_id,
    SegmentRow.ordinal,
    SegmentRow.version,
    SegmentRow.words,
    _TARGET_CHARS,
    SegmentRow.corrected.is_not(None),
    SegmentRow.status,
).order_by(SegmentRow.document_id, SegmentRow.ordinal)


def segment_numbers(
    store: ProjectStore, ordered: bool = True
) -> list[tuple[int, int, int, int, int | None, int, Any, str]]:
    """``(id, document id, ordinal, version, words, target characters, has a correction, status)`` of every
    segment (in document/ordinal order if ``ordered``). ``words`` are the source's whitespace-separated
    tokens (``None``: not counted yet, see ``save_words``); the characters are those of the correction,
    else the MT."""
    with store.read() as c:
        return _tuples(c, SEGMENT_NUMBERS if ordered else SEGMENT_NUMBERS.order_by(None))


def segment_numbers_of(
    store: ProjectStore, segment_ids: Sequence[int]
) -> list[tuple[int, int, int, int, int | None, int, Any, str]]:
    """``segment_numbers`` of some segments (those that exist)."""
    out: list[tuple[Any, ...]] = []
    query = SEGMENT_NUMBERS.order_by(None)
    with store.read() as c:
        for chunk in _chunks(segment_ids):
            out += _tuples(c, query.where(SegmentRow.id.in_(chunk)))
    return out


def sources(store: ProjectStore, segment_ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    with store.read() as c:
        for chunk in _chunks(segment_ids):
            out.update(_tuples(c, select(SegmentRow.id, SegmentRow.source).where(SegmentRow.id.in_(chunk))))
    return out


def uncounted(store: ProjectStore) -> list[int]:
    """Segments whose source words are not stored yet."""
    with store.read() as c:
        return [r[0] for r in _tuples(c, select(SegmentRow.id).where(SegmentRow.words.is_(None)))]


def save_words(store: ProjectStore, counts: Sequence[tuple[int, int]]) -> None:
    """Store source word counts (the source never changes, so this is not a change of the segment)."""
    if not counts:
        return
    statement = update(SegmentRow).where(SegmentRow.id == bindparam("sid")).values(words=bindparam("n"))
    with store.write() as c:
        c.execute(statement, [{"sid": sid, "n": n} for sid, n in counts])


def texts(store: ProjectStore, segment_ids: Sequence[int]) -> list[tuple[int, int, str, str | None]]:
    """``(id, version, mt, corrected)`` of these segments (those that exist)."""
    out: list[tuple[int, int, str, str | None]] = []
    query = select(SegmentRow.id, SegmentRow.version, SegmentRow.mt, SegmentRow.corrected)
    with store.read() as c:
        for chunk in _chunks(segment_ids):
            out += _tuples(c, query.where(SegmentRow.id.in_(chunk)))
    return out


_STATS = select(
    SegmentMetricRow.segment_id,
    SegmentMetricRow.version,
    SegmentMetricRow.chrf,
    SegmentMetricRow.ter,
    SegmentMetricRow.stats,
)


def load_stats(
    store: ProjectStore, signature: str, segment_ids: Sequence[int] | None = None
) -> list[tuple[int, int, float, float, bytes]]:
    """Stored statistics under ``signature``: ``(segment id, version, chrF, TER, packed statistics)``; the
    caller compares the version with the segment's."""
    query = _STATS.where(SegmentMetricRow.signature == signature)
    with store.read() as c:
        if segment_ids is None:
            rows = _tuples(c, query)
        else:
            rows = []
            for chunk in _chunks(segment_ids):
                rows += _tuples(c, query.where(SegmentMetricRow.segment_id.in_(chunk)))
    if rows and not isinstance(rows[0][4], bytes):  # a driver that hands back memoryview/bytearray
        rows = [(*r[:4], bytes(r[4])) for r in rows]
    return rows


@functools.lru_cache(maxsize=4)
def _upsert(dialect: str) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    statement: Any = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(SegmentMetricRow)
    return statement.on_conflict_do_update(
        index_elements=[SegmentMetricRow.segment_id],
        set_={name: statement.excluded[name] for name in ("version", "signature", "chrf", "ter", "stats")},
    )


def save_stats(
    store: ProjectStore, signature: str, rows: Iterable[tuple[int, int, float, float, bytes]]
) -> None:
    """Store (or replace) statistics: ``(segment id, version, chrF, TER, packed)``, in one transaction.
    Rows of segments deleted meanwhile are skipped."""
    params: list[dict[str, Any]] = [
        {"segment_id": sid, "version": v, "signature": signature, "chrf": chrf, "ter": ter, "stats": blob}
        for sid, v, chrf, ter, blob in rows
    ]
    if not params:
        return
    with store.write() as c:
        existing: set[int] = set()
        for chunk in _chunks([p["segment_id"] for p in params]):
            existing.update(r[0] for r in _tuples(c, select(SegmentRow.id).where(SegmentRow.id.in_(chunk))))
        params = [p for p in params if p["segment_id"] in existing]
        if params:
            c.execute(_upsert(c.dialect.name), params)


def corrected_metrics(
    store: ProjectStore, signature: str
) -> list[tuple[int, int, int, int, float | None, bytes | None]]:
    """Every corrected segment and whether its stored statistics are current, in one pass over the partial
    index ``ix_segment_corrected`` (not the segment rows) joined to the statistics:
    ``(id, document id, ordinal, current, chrF, packed)``; ``current`` is 1 where statistics are stored for
    the segment's version under ``signature`` (else 0, and chrF and packed are ``None``). In no order."""
    current = and_(SegmentMetricRow.version == SegmentRow.version, SegmentMetricRow.signature == signature)
    query = (
        select(
            SegmentRow.id,
            SegmentRow.document_id,
            SegmentRow.ordinal,
            SegmentMetricRow.segment_id.is_not(None),
            SegmentMetricRow.chrf,
            SegmentMetricRow.stats,
        )
        .outerjoin(SegmentMetricRow, and_(SegmentMetricRow.segment_id == SegmentRow.id, current))
        .where(SegmentRow.corrected.is_not(None))
    )
    with store.read() as c:
        rows = _tuples(c, query)
    first = next((r[5] for r in rows if r[5] is not None), None)
    if first is not None and not isinstance(first, bytes):  # PostgreSQL drivers may give memoryview
        rows = [(*r[:5], None if r[5] is None else bytes(r[5])) for r in rows]
    return rows


# -- annotations -----------------------------------------------------------------------------------------


def annotation_marks(
    store: ProjectStore, states: Sequence[str], segment_ids: Sequence[int] | None = None
) -> list[tuple[int, int, str, str, str]]:
    """``(id, segment id, category, severity, state)`` of the annotations in ``states``."""
    query = select(
        AnnotationRow.id,
        AnnotationRow.segment_id,
        AnnotationRow.category,
        AnnotationRow.severity,
        AnnotationRow.state,
    ).where(AnnotationRow.state.in_(list(states)))
    with store.read() as c:
        if segment_ids is None:
            return _tuples(c, query)
        out: list[tuple[Any, ...]] = []
        for chunk in _chunks(segment_ids):
            out += _tuples(c, query.where(AnnotationRow.segment_id.in_(chunk)))
        return out


def confirmed_annotations(store: ProjectStore) -> list[tuple[int, int, str, str, str]]:
    """``(id, segment id, category, severity, author)`` of every confirmed annotation, in segment and span
    order (what MQM counts)."""
    query = (
        select(
            AnnotationRow.id,
            AnnotationRow.segment_id,
            AnnotationRow.category,
            AnnotationRow.severity,
            AnnotationRow.author,
        )
        .where(AnnotationRow.state == "confirmed")
        .order_by(AnnotationRow.segment_id, AnnotationRow.start, AnnotationRow.id)
    )
    with store.read() as c:
        return _tuples(c, query)


def confirmed_by_segment(store: ProjectStore) -> list[tuple[int, int, str, str, int]]:
    """``(segment id, document id, category, severity, count)`` of confirmed annotations."""
    query = (
        select(
            AnnotationRow.segment_id,
            SegmentRow.document_id,
            AnnotationRow.category,
            AnnotationRow.severity,
            func.count(),
        )
        .join(SegmentRow, SegmentRow.id == AnnotationRow.segment_id)
        .where(AnnotationRow.state == "confirmed")
        .group_by(
            AnnotationRow.segment_id, SegmentRow.document_id, AnnotationRow.category, AnnotationRow.severity
        )
        .order_by(AnnotationRow.segment_id)
    )
    with store.read() as c:
        return _tuples(c, query)


def annotation_counts(store: ProjectStore, state: str) -> list[tuple[str, str, str, str, int]]:
    """``(category, severity, author, origin, count)`` of the annotations in ``state``."""
    query = (
        select(
            AnnotationRow.category,
            AnnotationRow.severity,
            AnnotationRow.author,
            AnnotationRow.origin,
            func.count(),
        )
        .where(AnnotationRow.state == state)
        .group_by(AnnotationRow.category, AnnotationRow.severity, AnnotationRow.author, AnnotationRow.origin)
        .order_by(AnnotationRow.category, AnnotationRow.severity, AnnotationRow.author, AnnotationRow.origin)
    )
    with store.read() as c:
        return _tuples(c, query)


# -- segments grouped ------------------------------------------------------------------------------------


def document_totals(store: ProjectStore) -> list[tuple[int, int, int | None, int, int]]:
    """``(document id, segments, source words, target characters, segments without a word count)``."""
    query = (
        select(
            SegmentRow.document_id,
            func.count(),
            func.sum(SegmentRow.words),
            func.sum(_TARGET_CHARS),
            func.count() - func.count(SegmentRow.words),
        )
        .group_by(SegmentRow.document_id)
        .order_by(SegmentRow.document_id)
    )
    with store.read() as c:
        return _tuples(c, query)


def status_counts(store: ProjectStore) -> list[tuple[int, str, int]]:
    """``(document id, status, segments)``."""
    query = (
        select(SegmentRow.document_id, SegmentRow.status, func.count())
        .group_by(SegmentRow.document_id, SegmentRow.status)
        .order_by(SegmentRow.document_id, SegmentRow.status)
    )
    with store.read() as c:
        return _tuples(c, query)


def approvals(store: ProjectStore) -> list[tuple[str, int]]:
    """``(author, approved segments)``, by author. Grouped by document, status and author, in the order of
    the covering index ``ix_segment_doc_status_author`` (migration 0006), so the database reads the index
    alone (a filter on status would make it read the approved rows themselves)."""
    query = select(SegmentRow.document_id, SegmentRow.status, SegmentRow.author, func.count()).group_by(
        SegmentRow.document_id, SegmentRow.status, SegmentRow.author
    )
    counts: dict[str, int] = {}
    with store.read() as c:
        for _doc, status, author, n in _tuples(c, query):
            if status == "approved" and author:
                counts[author] = counts.get(author, 0) + n
    return sorted(counts.items())


def segment_refs(store: ProjectStore, segment_ids: Sequence[int]) -> list[tuple[int, int, int, str]]:
    """``(id, document id, ordinal, source)`` of a few segments (e.g. the worst ones)."""
    out: list[tuple[int, int, int, str]] = []
    query = select(SegmentRow.id, SegmentRow.document_id, SegmentRow.ordinal, SegmentRow.source)
    with store.read() as c:
        for chunk in _chunks(segment_ids):
            out += _tuples(c, query.where(SegmentRow.id.in_(chunk)))
    return out
