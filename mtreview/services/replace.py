"""Find & replace across a project's corrections, as a preview first and one undoable step after.

What is searched is each segment's current Japanese: its correction, or the MT where it has none yet
(that segment then gets a correction that starts as a copy of its MT, as in the editor). The source and
the stored MT never change. ``preview_replace`` lists every change with warnings; ``ReplaceAll`` applies
the ticked items through one bulk write (one revision per segment) and returns its inverse, so the UI
and the CLI undo it in one step.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mtreview.domain.errors import InputError
from mtreview.domain.model import Changes, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats.placeholders import same_shape
from mtreview.i18n import _
from mtreview.services.project import ProjectService
from mtreview.services.saving import SavedMany, SegmentChange
from mtreview.services.textsearch import Hit, Matcher, SearchSpec, compile_search
from mtreview.storage.bulk import (
    SegmentText,
    document_names,
    iter_segment_texts,
    segment_texts_containing,
)


class ConfirmedPolicy(enum.StrEnum):
    """What a replace does to the status of a confirmed (approved) segment."""

    KEEP = "keep"
    CORRECTED = "corrected"
    """Back to corrected: the change needs confirming again."""


@dataclass(frozen=True, slots=True)
class ReplaceScope:
    """Where to replace: one document, the segments a filter shows (``segment_ids``), or the project."""

    document_id: int | None = None
    segment_ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class ReplaceItem:
    segment_id: int
    document: str
    ordinal: int
    source: str
    before: str
    """The current Japanese (correction, else MT)."""
    after: str
    hits: tuple[Hit, ...]
    """Where the matches are in ``before``."""
    landed: tuple[Hit, ...]
    """Where the replacements are in ``after``."""
    corrected: str | None
    """The stored correction before the change (``None``: the segment had none)."""
    status: Status
    version: int
    warnings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``<document>#<ordinal>``, as in the CLI contracts."""
        return f"{self.document}#{self.ordinal}"


@dataclass(frozen=True)
class ReplacePreview:
    spec: SearchSpec
    replacement: str
    items: list[ReplaceItem]
    scanned: int

    @property
    def hit_count(self) -> int:
        return sum(len(i.hits) for i in self.items)


_CODE_PLACEHOLDER = re.compile(
    r"%(?:\([^)\s]{1,40}\))?[-+ #0]*\d*(?:\.\d+)?[sdifuxXeEgGc]"  # printf, %(name)s
    r"|\{[A-Za-z0-9_.:-]{0,40}\}"  # {0}, {name}
    r"|</?[A-Za-z][^<>]{0,80}>"  # markup such as <b> left in the text
    r"|&(?:#\d+|#x[0-9A-Fa-f]+|\w+);"  # entities
)


def _placeholders(text: str) -> list[str]:
    """The placeholders and markup in ``text``, sorted (equal lists: the same ones, as many times)."""
    return sorted(_CODE_PLACEHOLDER.findall(text))


def warnings_for(before: str, after: str) -> tuple[str, ...]:
    """Why a change deserves a second look: an empty correction, or placeholders/tags it breaks."""
    out: list[str] = []
    if not after.strip():
        out.append(_("the correction would be empty"))
    if not same_shape(before, after):
        out.append(_("inline tags would be removed, duplicated or added"))
    if _placeholders(before) != _placeholders(after):
        out.append(_("placeholders or markup would change"))
    return tuple(out)


def _status_after(status: Status, policy: ConfirmedPolicy) -> Status:
    if status == Status.NEW:
        return Status.CORRECTED
    if status == Status.APPROVED and policy == ConfirmedPolicy.CORRECTED:
        return Status.CORRECTED
    return status


def _plain_rows(service: ProjectService, spec: SearchSpec, scope: ReplaceScope) -> list[SegmentText] | None:
    """For a plain-text search: only the segments whose current Japanese may hold the text, read in one
    query (the database filters; a superset where it folds case). ``None``: every segment must be
    scanned (a regular expression, or case folding the database cannot do)."""
    if spec.regex:
        return None
    text = spec.text
    # SQLite's LIKE folds case for ASCII only: filter in the database only when that cannot lose a hit.
    if not spec.case_sensitive and any(ch.lower() != ch.upper() and not ch.isascii() for ch in text):
        return None
    rows = segment_texts_containing(service._store, text, spec.case_sensitive, scope.document_id)
    if scope.segment_ids is not None:  # the filter's segments, in the filter's order
        order = {sid: n for n, sid in enumerate(scope.segment_ids)}
        rows = sorted((r for r in rows if r.id in order), key=lambda r: order[r.id])
    return rows


def preview_replace(
    service: ProjectService,
    spec: SearchSpec,
    replacement: str,
    scope: ReplaceScope = ReplaceScope(),
    progress: Progress = NO_PROGRESS,
) -> ReplacePreview:
    """Every change a replace would make, in document order, without writing anything."""
    matcher: Matcher = compile_search(spec)
    names = document_names(service._store)
    found = _plain_rows(service, spec, scope)
    rows: Iterable[SegmentText]
    if found is not None:
        rows, total = found, len(found)
    else:
        ids = scope.segment_ids
        rows = iter_segment_texts(
            service._store, document_id=None if ids is not None else scope.document_id, ids=ids
        )
        total = len(ids) if ids is not None else 0
    items: list[ReplaceItem] = []
    scanned = 0
    for seg in rows:
        scanned += 1
        if scanned % 2000 == 0:
            progress.check()
            progress.report(scanned, total, _("Searching…"))
        if scope.document_id is not None and seg.document_id != scope.document_id:
            continue
        item = _item(matcher, seg, replacement, names)
        if item is not None:
            items.append(item)
    progress.report(scanned, scanned, "")
    return ReplacePreview(spec, replacement, items, scanned)


def _item(matcher: Matcher, seg: SegmentText, replacement: str, names: dict[int, str]) -> ReplaceItem | None:
    before = seg.target
    after, hits, landed = matcher.sub(before, replacement)
    if not hits or after == before:
        return None
    return ReplaceItem(
        segment_id=seg.id,
        document=names.get(seg.document_id, str(seg.document_id)),
        ordinal=seg.ordinal,
        source=seg.source,
        before=before,
        after=after,
        hits=tuple(hits),
        landed=tuple(landed),
        corrected=seg.corrected,
        status=seg.status,
        version=seg.version,
        warnings=warnings_for(before, after),
    )


# --------------------------------------------------------------------------------------- commands


@dataclass
class SetSegments:
    """Set the correction and status of many segments at once (a replace, a propagation, or their undo):
    one transaction, one revision per segment, one undo step. ``rows`` are (segment id, expected
    version, correction, status)."""

    rows: list[tuple[int, int, str | None, Status]]
    label: str = "Replace"
    action: str = "replace"
    before: dict[int, tuple[str | None, Status]] = field(default_factory=dict)
    """The state each segment had before (what the inverse restores); filled in by whoever builds it."""

    def apply(self, service: ProjectService) -> tuple[SetSegments, Changes]:
        changes = [
            SegmentChange(sid, version, corrected, status, self.action)
            for sid, version, corrected, status in self.rows
        ]
        saved = service.save_all(changes).require_saved()  # a Conflict: ConflictError, nothing written
        assert isinstance(saved, SavedMany)
        inverse = SetSegments(
            [(sid, version, *self.before[sid]) for sid, version, _text, _status in saved.segments],
            self.label,
            "undo",
            before={sid: (text, status) for sid, _version, text, status in saved.segments},
        )
        return inverse, saved.changes


def replace_command(
    items: Sequence[ReplaceItem], policy: ConfirmedPolicy = ConfirmedPolicy.KEEP, label: str | None = None
) -> SetSegments:
    """The command that applies these (ticked) preview items."""
    if not items:
        raise InputError(_("nothing to replace"))
    return SetSegments(
        [(i.segment_id, i.version, i.after, _status_after(i.status, policy)) for i in items],
        label or _("Replace {n} segments").format(n=len(items)),
        "replace",
        before={i.segment_id: (i.corrected, i.status) for i in items},
    )


def replace_all(
    service: ProjectService,
    preview: ReplacePreview,
    policy: ConfirmedPolicy = ConfirmedPolicy.KEEP,
    exclude: frozenset[int] = frozenset(),
) -> tuple[SetSegments, Changes]:
    """Apply a preview (minus the segment ids in ``exclude``, the unticked items); returns the inverse
    command (the undo) and what changed."""
    items = [i for i in preview.items if i.segment_id not in exclude]
    return replace_command(items, policy).apply(service)
