"""Segments: filtered id lists, pages of rows, chunked iteration, and the one segment writer
(``UPDATE … WHERE version = :expected`` plus its revision row, in one transaction)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, select, update

from mtreview.domain.errors import ConflictError, NotFoundError
from mtreview.domain.model import (
    Segment,
    Status,
)
from mtreview.domain.patterns import Budget, UserPattern, compile_pattern
from mtreview.i18n import _
from mtreview.storage.base import _UNSET, StoreBase, now
from mtreview.storage.mappers import _segment, _segment_state
from mtreview.storage.orm import (
    DraftRow,
    SegmentRow,
)
from mtreview.storage.revisions import record_revision

# Statements on the confirm path are built once (building them costs more than SQLite's commit).
_SELECT_SEGMENT = select(SegmentRow).where(SegmentRow.id == bindparam("sid"))
_DELETE_DRAFT = delete(DraftRow).where(
    DraftRow.segment_id == bindparam("sid"), DraftRow.author == bindparam("author")
)


@functools.lru_cache(maxsize=16)
def _update_segment_statement(columns: tuple[str, ...]) -> Any:
    """``UPDATE segment SET <columns>, version+1 … WHERE id = :sid AND version = :expected RETURNING *``."""
    return (
        update(SegmentRow)
        .where(SegmentRow.id == bindparam("sid"), SegmentRow.version == bindparam("expected"))
        .values(
            {
                **{name: bindparam("v_" + name) for name in columns},
                "version": SegmentRow.version + 1,
                "author": bindparam("new_author"),
                "updated_at": bindparam("stamp"),
            }
        )
        .returning(*SegmentRow.__table__.columns)
    )


class SegmentStore(StoreBase):
    """Segments."""

    def segment_count(self, statuses: Iterable[Status] | None = None) -> int:
        query = select(func.count()).select_from(SegmentRow)
        if statuses is not None:
            query = query.where(SegmentRow.status.in_([Status(s).value for s in statuses]))
        with self.read() as c:
            return int(c.execute(query).scalar_one())

    def status_counts(self) -> dict[Status, int]:
        """How many segments have each status (every status present, zeros included): one query."""
        counts = dict.fromkeys(Status, 0)
        with self.read() as c:
            for status, n in c.execute(select(SegmentRow.status, func.count()).group_by(SegmentRow.status)):
                if status in Status._value2member_map_:
                    counts[Status(status)] = int(n)
        return counts

    def segment_ids(
        self,
        document_id: int | None = None,
        statuses: Iterable[Status] | None = None,
        search: str | None = None,
        regex: bool = False,
        side: str = "both",
    ) -> list[int]:
        """Segment ids in document/ordinal order, filtered. A regex search is applied in Python (portable);
        otherwise only ids are read (the texts of 100k segments are not fetched to list them)."""
        columns: list[Any] = [SegmentRow.id]
        if search and regex:
            columns += [SegmentRow.source, SegmentRow.mt, SegmentRow.corrected]
        query = select(*columns)
        query = query.order_by(SegmentRow.document_id, SegmentRow.ordinal)
        if document_id is not None:
            query = query.where(SegmentRow.document_id == document_id)
        if statuses is not None:
            query = query.where(SegmentRow.status.in_([Status(s).value for s in statuses]))
        pattern: UserPattern | None = None
        if search:
            if regex:
                pattern = compile_pattern(search)  # linear time (RE2); refused with a message otherwise
            else:
                like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                conditions = []
                if side in ("both", "source"):
                    conditions.append(SegmentRow.source.ilike(like, escape="\\"))
                if side in ("both", "target"):
                    conditions += [
                        SegmentRow.mt.ilike(like, escape="\\"),
                        SegmentRow.corrected.ilike(like, escape="\\"),
                    ]
                query = query.where(or_(*conditions))
        with self.read() as c:
            if pattern is None:
                return list(c.execute(query).scalars().all())
            rows = c.execute(query).all()
        out = []
        budget = Budget()  # a pattern that needs more CPU than this over the project is refused
        for r in rows:
            texts = []
            if side in ("both", "source"):
                texts.append(r.source)
            if side in ("both", "target"):
                texts += [r.mt, r.corrected or ""]
            if any(pattern.search(t, budget=budget) for t in texts):
                out.append(r.id)
        return out

    def segment(self, segment_id: int) -> Segment:
        with self.read() as c:
            row = c.execute(select(SegmentRow).where(SegmentRow.id == segment_id)).one_or_none()
        if row is None:
            raise NotFoundError(_("segment {id} does not exist").format(id=segment_id))
        return _segment(row)

    def segments(self, ids: Sequence[int]) -> list[Segment]:
        """Segments for ``ids``, in the order given (missing ids are left out)."""
        found: dict[int, Segment] = {}
        with self.read() as c:
            for start in range(0, len(ids), 900):
                chunk = list(ids[start : start + 900])
                for row in c.execute(select(SegmentRow).where(SegmentRow.id.in_(chunk))):
                    found[row.id] = _segment(row)
        return [found[i] for i in ids if i in found]

    def iter_segments(self, document_id: int | None = None, chunk: int = 5000) -> Iterator[Segment]:
        """All segments in document/ordinal order, fetched in chunks (constant memory)."""
        last_doc, last_ord = -1, -1
        while True:
            query = select(SegmentRow).order_by(SegmentRow.document_id, SegmentRow.ordinal).limit(chunk)
            if document_id is not None:
                query = query.where(SegmentRow.document_id == document_id, SegmentRow.ordinal > last_ord)
            else:
                query = query.where(
                    or_(
                        SegmentRow.document_id > last_doc,
                        (SegmentRow.document_id == last_doc) & (SegmentRow.ordinal > last_ord),
                    )
                )
            with self.read() as c:
                rows = c.execute(query).all()
            if not rows:
                return
            for row in rows:
                yield _segment(row)
            last_doc, last_ord = rows[-1].document_id, rows[-1].ordinal

    def update_segment(
        self,
        segment_id: int,
        expected_version: int,
        author: str,
        *,
        corrected: str | None = _UNSET,
        status: Status = _UNSET,
        locked: bool = _UNSET,
        action: str = "edit",
    ) -> Segment:
        """``change_segment`` returning only the new state."""
        return self.change_segment(
            segment_id,
            expected_version,
            author,
            corrected=corrected,
            status=status,
            locked=locked,
            action=action,
        )[1]

    def change_segment(
        self,
        segment_id: int,
        expected_version: int,
        author: str,
        *,
        corrected: str | None = _UNSET,
        status: Status = _UNSET,
        locked: bool = _UNSET,
        action: str = "edit",
    ) -> tuple[Segment, Segment]:
        """Change a segment if nobody else changed it since ``expected_version``; record a revision; drop
        the author's draft of it. Returns the segment before and after. The only segment writer: every
        change of a segment's text, status or lock goes through here (``services.project.ProjectService
        .save`` on behalf of the app)."""
        values: dict[str, Any] = {}
        if corrected is not _UNSET:
            values["corrected"] = corrected
        if status is not _UNSET:
            values["status"] = Status(status).value
        if locked is not _UNSET:
            values["locked"] = locked
        stamp = now()
        with self.write() as c:
            before = c.execute(_SELECT_SEGMENT, {"sid": segment_id}).one_or_none()
            if before is None:
                raise NotFoundError(_("segment {id} does not exist").format(id=segment_id))
            params = {"v_" + k: v for k, v in values.items()}
            params.update(sid=segment_id, expected=expected_version, new_author=author, stamp=stamp)
            after = c.execute(_update_segment_statement(tuple(sorted(values))), params).one_or_none()
            if after is None:
                # Re-read: under READ COMMITTED the row may have moved on since ``before`` was read.
                latest = c.execute(_SELECT_SEGMENT, {"sid": segment_id}).one_or_none()
                current = _segment(latest if latest is not None else before)
                raise ConflictError(
                    _(
                        "segment {ordinal} was changed by {author} (version {current}) after you opened it "
                        "(version {expected})"
                    ).format(
                        ordinal=current.ordinal,
                        author=current.author or "?",
                        current=current.version,
                        expected=expected_version,
                    ),
                    current=current,
                    attempted=values,
                )
            record_revision(
                c,
                "segment",
                segment_id,
                segment_id,
                action,
                author,
                stamp,
                _segment_state(before),
                _segment_state(after),
            )
            c.execute(_DELETE_DRAFT, {"sid": segment_id, "author": author})
            self.notify(c, author, "segment", [segment_id])
        return _segment(before), _segment(after)
