"""Export a project's corrected memory: filter segments, attach annotations and scores, stream to a writer.

Plain functions with a ``Progress`` (the GUI runs them on a worker; the CLI calls them directly):

* ``count_matching(store, filters, fmt=…)`` — how many units pass the filters (the export dialog's
  preview, shown before anything is written);
* ``export_project(store, fmt, out, filters)`` — write them with the writer registered as ``fmt``; one
  XLIFF document whose original the project keeps is merged into it (``formats.xliff.merge``).

Selection: explicit statuses (plus ``arrived``: untouched units that arrived translated), or — without
any — the format's default: every unit, except for a translation memory (TMX), which gets confirmed units
(approved, corrected) and untouched units that arrived translated (``formats.state``).

Only the storage API is used (``documents``, ``iter_segments``, ``annotations``, ``get_setting``).
Segments are processed in chunks: memory stays bounded for projects of hundreds of thousands of units.
Per unit: the MQM penalty from its confirmed annotations with the project's typology and weights, and
chrF (MT against the corrected text, sacrebleu, ``None`` without a correction).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import Annotation, AnnotationState, Document, Segment, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats.base import ExportUnit, WriteOptions
from mtreview.formats.state import arrived_translated, is_untouched
from mtreview.i18n import _

CHUNK = 2000


ALL = "all"
ARRIVED = "arrived"
"""``--status arrived``: untouched units that arrived already translated (whatever their status)."""


@dataclass(frozen=True)
class ExportFilters:
    statuses: frozenset[Status] | None = None
    """Only units with one of these statuses (``None``: the format's default selection: every unit, or for
    a translation memory the confirmed ones plus untouched units that arrived translated)."""
    arrived: bool = False
    """Also untouched units that arrived already translated (with explicit ``statuses``)."""
    max_penalty: float | None = None
    """Only units whose MQM penalty is at most this."""
    documents: tuple[str, ...] = ()
    """Only these documents (by name; empty: all)."""
    annotation_states: frozenset[AnnotationState] = frozenset({AnnotationState.CONFIRMED})
    """Which annotations are exported with the units (and count for the penalty: confirmed only)."""
    include_annotations: bool = True
    scores: bool = True
    """Compute chrF for each exported unit (MQM is always computed when a penalty filter is set)."""


@dataclass(frozen=True)
class ExportResult:
    path: str
    format: str
    written: int
    considered: int
    documents: tuple[str, ...] = field(default_factory=tuple)
    merged: bool = False
    """Written into the document's original file (XLIFF merge-back) rather than as a new file."""


def parse_statuses(values: Iterable[str]) -> frozenset[Status] | None:
    """``--status`` values: statuses, ``all`` (every status) or ``arrived`` (see ``parse_selection``)."""
    return parse_selection(values)[0]


def parse_selection(values: Iterable[str]) -> tuple[frozenset[Status] | None, bool]:
    """(statuses, arrived) from ``--status`` values; ``(None, False)`` when none is given (the format's
    default selection)."""
    out: set[Status] = set()
    arrived = False
    for value in values:
        for part in value.split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part == ALL:
                out.update(Status)
                continue
            if part == ARRIVED:
                arrived = True
                continue
            try:
                out.add(Status(part))
            except ValueError:
                raise InputError(
                    _("unknown status {status!r} (expected one of: {known})").format(
                        status=part, known=", ".join([*(s.value for s in Status), ARRIVED, ALL])
                    )
                ) from None
    if arrived and not out:
        return frozenset(), True
    return frozenset(out) or None, arrived


def selection_for(filters: ExportFilters, fmt: str | None) -> tuple[frozenset[Status], bool]:
    """The (statuses, arrived) an export in ``fmt`` uses: explicit ones, else the format's default."""
    if filters.statuses is not None:
        return filters.statuses, filters.arrived
    if fmt is not None and _is_memory(fmt):
        return frozenset({Status.APPROVED, Status.CORRECTED}), True
    return frozenset(Status), False


def _is_memory(fmt: str) -> bool:
    import mtreview.formats  # noqa: F401  (registers every writer)
    from mtreview.formats.registry import writer_for

    info = writer_for(fmt)
    return info is not None and info.memory


def _documents(store: Any, filters: ExportFilters) -> list[Document]:
    docs = list(store.documents())
    if filters.documents:
        by_name = {d.name: d for d in docs}
        missing = [n for n in filters.documents if n not in by_name]
        if missing:
            raise InputError(
                _("no document named {name!r} in the project (documents: {known})").format(
                    name=missing[0], known=", ".join(sorted(by_name)) or "-"
                )
            )
        docs = [by_name[n] for n in filters.documents]
    return docs


def _policy(store: Any) -> Any:
    from mtreview.services.scores import project_policy

    return project_policy(store)[0]


def _penalties(
    policy: Any, doc: Document, segs: Sequence[Segment], anns: Sequence[Annotation]
) -> dict[int, float]:
    from mtreview.scoring.mqm import MqmAggregator

    agg = MqmAggregator(policy)
    for s in segs:
        agg.add_segment(s.id, doc.name, s.source, s.mt)
        agg.add_item(s.id, "")
    for a in anns:
        if a.state is AnnotationState.CONFIRMED:
            agg.add_annotation(a.id, a.segment_id, a.category, a.severity, "")
    return {s.id: agg.segment_penalty(s.id) for s in segs}


def _chrf(segs: Sequence[Segment]) -> dict[int, float]:
    from mtreview.scoring import metrics

    todo = [s for s in segs if s.corrected is not None]
    if not todo:
        return {}
    pairs = [metrics.MetricInput(mt=s.mt, corrected=s.corrected or "") for s in todo]
    return {s.id: metrics.chrf_of(st.chrf) for s, st in zip(todo, metrics.segment_stats(pairs), strict=True)}


def _chunks(store: Any, doc: Document) -> Iterator[list[Segment]]:
    chunk: list[Segment] = []
    for seg in store.iter_segments(document_id=doc.id):
        chunk.append(seg)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _selected(seg: Segment, statuses: frozenset[Status], arrived: bool) -> bool:
    if seg.status in statuses:
        return True
    return arrived and arrived_translated(seg.meta) and is_untouched(seg.status, seg.corrected, seg.meta)


def iter_units(
    store: Any,
    filters: ExportFilters = ExportFilters(),
    progress: Progress = NO_PROGRESS,
    counter: list[int] | None = None,
    with_units: bool = True,
    fmt: str | None = None,
) -> Iterator[ExportUnit]:
    """The units passing ``filters`` (with ``fmt``'s default selection), in document/ordinal order.
    ``counter[0]`` counts segments seen."""
    statuses, arrived = selection_for(filters, fmt)
    everything = statuses == frozenset(Status)
    docs = _documents(store, filters)
    total = sum(d.segment_count for d in docs) or 0
    need_penalty = filters.max_penalty is not None or (with_units and filters.scores)
    need_annotations = need_penalty or (with_units and filters.include_annotations)
    policy = _policy(store) if need_penalty else None
    seen = 0
    for doc in docs:
        for segs in _chunks(store, doc):
            progress.check()
            seen += len(segs)
            if not everything:
                segs = [s for s in segs if _selected(s, statuses, arrived)]
            anns: list[Annotation] = []
            if need_annotations and segs:
                states = set(filters.annotation_states) | {AnnotationState.CONFIRMED}
                anns = store.annotations(segment_ids=[s.id for s in segs], states=list(states))
            penalties = _penalties(policy, doc, segs, anns) if policy is not None and segs else {}
            if filters.max_penalty is not None:
                segs = [s for s in segs if penalties.get(s.id, 0.0) <= filters.max_penalty + 1e-9]
            chrf = _chrf(segs) if with_units and filters.scores and segs else {}
            by_seg: dict[int, list[Annotation]] = {}
            for a in anns:
                if a.state in filters.annotation_states:
                    by_seg.setdefault(a.segment_id, []).append(a)
            for s in segs:
                yield ExportUnit(
                    document=doc.name,
                    ordinal=s.ordinal,
                    source=s.source,
                    mt=s.mt,
                    target=s.target,
                    status=s.status,
                    key=s.key,
                    corrected=s.corrected,
                    confidence=s.confidence,
                    author=s.author,
                    created_at=doc.created_at,
                    updated_at=s.updated_at,
                    annotations=tuple(by_seg.get(s.id, ())) if filters.include_annotations else (),
                    mqm_penalty=penalties.get(s.id) if penalties else None,
                    chrf=chrf.get(s.id),
                    meta=s.meta or {},
                    source_lang=doc.source_lang,
                    target_lang=doc.target_lang,
                    origin=doc.format,
                    source_lines=tuple(s.source_lines),
                )
            if counter is not None:
                counter[0] = min(seen, total)
            progress.report(min(seen, total), total, doc.name)


def count_matching(
    store: Any,
    filters: ExportFilters = ExportFilters(),
    progress: Progress = NO_PROGRESS,
    fmt: str | None = None,
) -> int:
    """How many units an export in ``fmt`` with ``filters`` would write (no chrF, no writing)."""
    n = 0
    for _unit in iter_units(store, filters, progress, with_units=False, fmt=fmt):
        n += 1
    return n


def export_project(
    store: Any,
    fmt: str,
    out_path: str | os.PathLike[str],
    filters: ExportFilters = ExportFilters(),
    progress: Progress = NO_PROGRESS,
    bom: bool = True,
    formula_guard: bool = True,
) -> ExportResult:
    """Write the units passing ``filters`` as ``fmt``. ``bom``/``formula_guard``: CSV/TSV for pipelines
    (no byte order mark, no invisible guard before cells a spreadsheet would evaluate)."""
    import mtreview.formats  # noqa: F401  (registers every writer)
    from mtreview.formats.registry import require_writer
    from mtreview.services.outputs import protected_files

    writer = require_writer(fmt)
    docs = _documents(store, filters)
    # never the project itself, nor an input (source or target) of *any* of its documents
    inputs = protected_files(store)
    first = docs[0] if docs else None
    options = WriteOptions(
        source_lang=first.source_lang if first else "en",
        target_lang=first.target_lang if first else "ja",
        include_annotations=filters.include_annotations,
        inputs=inputs,
        document_meta=dict(first.meta or {}) if first is not None and len(docs) == 1 else {},
        bom=bom,
        formula_guard=formula_guard,
    )
    write = writer.write
    merged = _merge_original(store, docs, fmt)
    if merged is not None:
        from mtreview.formats.xliff.merge import merge_xliff

        name, data = merged
        write = merge_xliff
        options = replace(
            options, original=data, document_meta={**options.document_meta, "original_name": name}
        )
    counter = [0]
    units = iter_units(store, filters, progress, counter, fmt=fmt)
    written = write(out_path, units, options, progress)
    return ExportResult(
        str(out_path),
        fmt,
        int(written),
        sum(d.segment_count for d in docs),
        tuple(d.name for d in docs),
        merged=merged is not None,
    )


def _merge_original(store: Any, docs: Sequence[Document], fmt: str) -> tuple[str, bytes] | None:
    """The stored original to merge the review into: one XLIFF document exported as XLIFF (of its own
    version, for ``xliff12``) whose original the project keeps."""
    if fmt not in ("xliff", "xliff12") or len(docs) != 1 or docs[0].format != "xliff":
        return None
    from mtreview.formats.xliff.merge import mergeable

    if not mergeable(docs[0].meta, fmt):
        return None
    stored = store.original_file(docs[0].id)
    return None if stored is None else (stored.name, stored.data)
