"""Reading and rewriting a document's alignment (its segments and notes) as a list of links.

Segments whose lines do not change keep their id, correction, annotations and history. A segment
built from several old ones (a merge) carries their corrections over, joined by line breaks; old
segments that no longer exist are deleted with a revision recording what they held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update

from mtreview.align.edit import Link, validate
from mtreview.domain.model import Status
from mtreview.storage.base import now
from mtreview.storage.orm import AnnotationRow, DraftRow, NoteRow, SegmentRow
from mtreview.storage.repository import ProjectStore
from mtreview.storage.revisions import record_revision


@dataclass(frozen=True)
class DocumentLines:
    links: list[Link]
    source_text: dict[int, str]
    target_text: dict[int, str]


def _split(text: str, lines: Sequence[int]) -> dict[int, str]:
    parts = text.split("\n")
    if len(parts) != len(lines):
        return {lines[0]: text} | {line: "" for line in lines[1:]} if lines else {}
    return dict(zip(lines, parts, strict=True))


def read_links(store: ProjectStore, document_id: int) -> DocumentLines:
    from mtreview.align.edit import order

    links: list[Link] = []
    source_text: dict[int, str] = {}
    target_text: dict[int, str] = {}
    with store.read() as c:
        for row in c.execute(
            select(SegmentRow).where(SegmentRow.document_id == document_id).order_by(SegmentRow.ordinal)
        ):
            s, t = tuple(row.source_lines or ()), tuple(row.target_lines or ())
            links.append(Link(s, t, row.confidence, bool(row.locked)))
            source_text.update(_split(row.source, s))
            target_text.update(_split(row.mt, t))
        for note in c.execute(select(NoteRow).where(NoteRow.document_id == document_id)):
            if note.side == "source":
                links.append(Link((note.line,), (), 0.0, False, True))
                source_text[note.line] = note.text
            else:
                links.append(Link((), (note.line,), 0.0))
                target_text[note.line] = note.text
    return DocumentLines(order(links), source_text, target_text)


def write_links(store: ProjectStore, document_id: int, lines: DocumentLines, author: str) -> set[int]:
    """Make the document's segments and notes match ``lines.links``; returns ids of segments that changed."""
    validate(lines.links)
    stamp = now()
    changed: set[int] = set()
    with store.write() as c:
        old = {
            (tuple(r.source_lines or ()), tuple(r.target_lines or ())): r
            for r in c.execute(select(SegmentRow).where(SegmentRow.document_id == document_id))
        }
        by_source_line: dict[int, Any] = {}
        for row in old.values():
            for line in row.source_lines or ():
                by_source_line[line] = row
        # move every ordinal out of the way first: (document_id, ordinal) is unique
        c.execute(
            update(SegmentRow)
            .where(SegmentRow.document_id == document_id)
            .values(ordinal=-SegmentRow.ordinal)
        )
        kept: set[int] = set()
        ordinal = 0
        for link in lines.links:
            if not link.is_segment:
                continue
            ordinal += 1
            key = (link.source_lines, link.target_lines)
            row = old.get(key)
            if row is not None:
                kept.add(row.id)
                c.execute(
                    update(SegmentRow)
                    .where(SegmentRow.id == row.id)
                    .values(ordinal=ordinal, locked=link.locked)
                )
                if row.ordinal != ordinal or bool(row.locked) != link.locked:
                    changed.add(row.id)
                continue
            sources = [by_source_line[line] for line in link.source_lines if line in by_source_line]
            donors = list({r.id: r for r in sources}.values())
            donor_lines = sorted(n for r in donors for n in (r.source_lines or ()))
            corrected = None
            # Corrections carry over only into a merge of whole segments; a split half cannot know
            # which part of a correction is its own (undo restores the original segments exactly).
            if donor_lines == sorted(link.source_lines) and any(r.corrected is not None for r in donors):
                corrected = "\n".join(
                    (r.corrected if r.corrected is not None else r.mt)
                    for r in donors
                    if (r.corrected or r.mt)
                )
            new_id = c.execute(
                insert(SegmentRow)
                .values(
                    document_id=document_id,
                    ordinal=ordinal,
                    key=None,
                    source="\n".join(lines.source_text.get(n, "") for n in link.source_lines),
                    mt="\n".join(lines.target_text.get(n, "") for n in link.target_lines),
                    corrected=corrected,
                    status=(Status.CORRECTED if corrected is not None else Status.NEW).value,
                    source_lines=list(link.source_lines),
                    target_lines=list(link.target_lines),
                    confidence=float(link.confidence),
                    locked=link.locked,
                    version=1,
                    author=author,
                    created_at=stamp,
                    updated_at=stamp,
                    meta=None,
                )
                .returning(SegmentRow.id)
            ).scalar_one()
            changed.add(new_id)
            record_revision(
                c,
                "segment",
                new_id,
                new_id,
                "realign",
                author,
                stamp,
                None,
                {
                    "source_lines": list(link.source_lines),
                    "target_lines": list(link.target_lines),
                    "corrected": corrected,
                },
            )
        for row in old.values():
            if row.id in kept:
                continue
            c.execute(delete(AnnotationRow).where(AnnotationRow.segment_id == row.id))
            c.execute(delete(DraftRow).where(DraftRow.segment_id == row.id))
            c.execute(delete(SegmentRow).where(SegmentRow.id == row.id))
            record_revision(
                c,
                "segment",
                row.id,
                row.id,
                "realign-delete",
                author,
                stamp,
                {
                    "source_lines": row.source_lines,
                    "target_lines": row.target_lines,
                    "corrected": row.corrected,
                    "status": row.status,
                    "version": row.version,
                },
                None,
            )
            changed.add(row.id)
        c.execute(delete(NoteRow).where(NoteRow.document_id == document_id))
        notes = []
        for link in lines.links:
            if link.is_segment:
                continue
            if link.source_lines:
                notes += [
                    {
                        "document_id": document_id,
                        "side": "source",
                        "line": n,
                        "text": lines.source_text.get(n, ""),
                    }
                    for n in link.source_lines
                ]
            notes += [
                {
                    "document_id": document_id,
                    "side": "target",
                    "line": n,
                    "text": lines.target_text.get(n, ""),
                }
                for n in link.target_lines
            ]
        if notes:
            c.execute(insert(NoteRow), notes)
        store.notify(c, author, "alignment", changed)
    return changed


# ---------------------------------------------------------------------------------------- snapshots
@dataclass(frozen=True)
class DocumentSnapshot:
    """Everything an alignment edit can touch in one document, to put it back exactly (undo/redo)."""

    segments: list[dict[str, Any]]
    annotations: list[dict[str, Any]]
    notes: list[dict[str, Any]]


def _rows(c: Any, query: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in c.execute(query)]


def snapshot(store: ProjectStore, document_id: int) -> DocumentSnapshot:
    with store.write() as c:
        segs = select(SegmentRow.id).where(SegmentRow.document_id == document_id)
        return DocumentSnapshot(
            _rows(c, select(SegmentRow.__table__).where(SegmentRow.document_id == document_id)),
            _rows(c, select(AnnotationRow.__table__).where(AnnotationRow.segment_id.in_(segs))),
            _rows(c, select(NoteRow.__table__).where(NoteRow.document_id == document_id)),
        )


def restore(store: ProjectStore, document_id: int, snap: DocumentSnapshot, author: str) -> set[int]:
    """Put a document's segments, annotations and notes back as in ``snap`` (ids included); returns the
    ids of every segment that was or is in the document."""
    stamp = now()
    with store.write() as c:
        current = set(c.execute(select(SegmentRow.id).where(SegmentRow.document_id == document_id)).scalars())
        if current:
            c.execute(delete(AnnotationRow).where(AnnotationRow.segment_id.in_(current)))
            c.execute(delete(DraftRow).where(DraftRow.segment_id.in_(current)))
            c.execute(delete(SegmentRow).where(SegmentRow.id.in_(current)))
        c.execute(delete(NoteRow).where(NoteRow.document_id == document_id))
        if snap.segments:
            # a new version number, so that nobody's stale copy of a restored segment overwrites it
            rows = [dict(r, version=int(r["version"]) + 1, updated_at=stamp) for r in snap.segments]
            c.execute(insert(SegmentRow), rows)
        if snap.annotations:
            c.execute(insert(AnnotationRow), [dict(r) for r in snap.annotations])
        if snap.notes:
            c.execute(insert(NoteRow), [dict(r) for r in snap.notes])
        restored = {int(r["id"]) for r in snap.segments}
        for sid in sorted(current | restored):
            record_revision(c, "segment", sid, sid, "realign-restore", author, stamp, None, None)
        store.notify(c, author, "alignment", current | restored)
    return current | restored
