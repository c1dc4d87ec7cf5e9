"""Applying an edited xlsx review sheet back to the project it was exported from.

Rows are matched by their ``Segment`` column (``<document>#<ordinal>``). Everything is validated first
(unknown segments, spans that do not fit, unknown annotation ids, and segments changed in the project
since the sheet was exported, by their ``Updated`` time): on any error nothing is applied. Then every
changed correction/status and every added, changed or removed annotation line is applied as normal,
versioned, revisioned changes by the reviewer, all in one transaction. A sheet exported without the
Annotations column leaves the project's annotations alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationDraft, AnnotationState, Changes, Segment, Severity, Side, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


@dataclass(frozen=True)
class SheetResult:
    rows: int
    segments_changed: int
    annotations_added: int
    annotations_changed: int
    annotations_removed: int
    changes: Changes


@dataclass
class _Plan:
    segment: Segment
    row: int
    corrected: str | None
    status: Status
    edit: bool
    add: list[AnnotationDraft]
    update: list[tuple[int, dict[str, Any]]]
    remove: list[int]


def _plan(service: ProjectService, path: str, progress: Progress) -> list[_Plan]:
    from mtreview.formats.xlsx import read_xlsx

    sheet = read_xlsx(path, progress)
    by_key: dict[str, Segment] = {}
    for doc in service.documents():
        for each in service.iter_segments(doc.id):
            by_key[f"{doc.name}#{each.ordinal}"] = each
    plans: list[_Plan] = []
    stale: list[tuple[int, str]] = []
    for draft in sheet.segments:
        row = int(draft.meta.get("row", 0))
        key = str(draft.meta.get("segment_id") or "")
        found = by_key.get(key)
        if found is None:
            raise InputError(
                _("row names segment {key!r}, which is not in this project").format(key=key), path, row
            )
        seg = found
        if draft.source != seg.source:
            raise InputError(
                _("the source of segment {key} differs from the project's").format(key=key), path, row
            )
        exported_at = str(draft.meta.get("updated") or "")
        if exported_at and exported_at != seg.updated_at.isoformat():
            stale.append((row, key))
            continue
        corrected = draft.corrected
        if seg.corrected is None and corrected == seg.mt:
            corrected = None  # the sheet shows the MT where nobody corrected yet
        status = draft.status or seg.status
        edit = corrected != seg.corrected or status != seg.status
        existing = {
            a.id: a
            for a in service._store.annotations(segment_ids=[seg.id])
            if a.state != AnnotationState.DISMISSED
        }
        seen: set[int] = set()
        add: list[AnnotationDraft] = []
        update: list[tuple[int, dict[str, Any]]] = []
        notes = draft.meta.get("annotations")
        for note in notes or []:
            side = Side(note["side"])
            start, end = note["start"], note["end"]
            text = seg.source if side == Side.SOURCE else seg.mt
            if start is not None and not (0 <= start <= end <= len(text)):
                raise InputError(
                    _("span {s}-{e} does not fit the {side} text of segment {key}").format(
                        s=start, e=end, side=side.value, key=key
                    ),
                    path,
                    row,
                )
            ident = note["id"]
            if ident is None:
                add.append(
                    AnnotationDraft(
                        seg.id,
                        note["category"],
                        Severity(note["severity"]),
                        side,
                        start,
                        end,
                        note["comment"],
                        note["suggestion"],
                    )
                )
                continue
            current = existing.get(ident)
            if current is None:
                raise InputError(
                    _("annotation #{id} does not belong to segment {key}").format(id=ident, key=key),
                    path,
                    row,
                )
            seen.add(ident)
            fields = {
                k: v
                for k, v in (
                    ("category", note["category"]),
                    ("severity", Severity(note["severity"])),
                    ("comment", note["comment"]),
                    ("suggestion", note["suggestion"]),
                )
                if getattr(current, k) != v
            }
            if fields:
                update.append((ident, fields))
        remove = (
            []
            if notes is None  # no Annotations column: the sheet says nothing about annotations
            else [i for i, a in existing.items() if i not in seen and a.state == AnnotationState.CONFIRMED]
        )
        if edit or add or update or remove:
            plans.append(_Plan(seg, row, corrected, status, edit, add, update, remove))
    if stale:
        keys = ", ".join(key for _row, key in stale[:10]) + ("…" if len(stale) > 10 else "")
        raise InputError(
            _(
                "{n} segment(s) changed in the project after this sheet was exported ({keys}); export a new "
                "sheet and apply the edits there"
            ).format(n=len(stale), keys=keys),
            path,
            stale[0][0],
        )
    return plans


def apply_review_sheet(
    service: ProjectService, path: str | os.PathLike[str], progress: Progress = NO_PROGRESS
) -> SheetResult:
    plans = _plan(service, str(path), progress)
    added = changed = removed = 0
    with service._store.transaction():  # every row or none
        for n, plan in enumerate(plans):
            progress.check()
            if plan.edit:
                change = SegmentChange(
                    plan.segment.id, plan.segment.version, plan.corrected, plan.status, "sheet"
                )
                service.save(change, queue_offline=False).require_saved()  # a conflict rolls back all
            if plan.add:
                service._store.add_annotations(plan.add, service.author)
            for ident, fields in plan.update:
                current = service._store.annotation(ident)
                service._store.update_annotation(ident, current.version, service.author, **fields)
            for ident in plan.remove:
                current = service._store.annotation(ident)
                service._store.delete_annotation(ident, current.version, service.author)
            added += len(plan.add)
            changed += len(plan.update)
            removed += len(plan.remove)
            progress.report(n + 1, len(plans), "")
    return SheetResult(
        len(plans),
        sum(1 for p in plans if p.edit),
        added,
        changed,
        removed,
        Changes(segments=frozenset(p.segment.id for p in plans)),
    )
