"""Revisions: every change to a segment or an annotation (who, when, before, after). ``record_revision``
is the one place that writes them; ``RevisionStore`` reads them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select

from mtreview.domain.model import (
    Revision,
)
from mtreview.storage.base import StoreBase
from mtreview.storage.many import execute_many
from mtreview.storage.mappers import _dt
from mtreview.storage.orm import (
    RevisionRow,
)

_INSERT_REVISION = insert(RevisionRow)


def record_revision(
    c: Any,
    entity: str,
    entity_id: int,
    segment_id: int,
    action: str,
    author: str,
    at: datetime,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Record one change of a segment or an annotation in the revision history, inside the caller's write
    transaction (the change and its revision commit together). Every writer in ``storage`` uses this."""
    c.execute(
        _INSERT_REVISION,
        {
            "entity": entity,
            "entity_id": entity_id,
            "segment_id": segment_id,
            "action": action,
            "author": author,
            "at": at,
            "before": before,
            "after": after,
        },
    )


def record_revisions(c: Any, rows: list[dict[str, Any]]) -> None:
    """Record many changes at once (bulk writes): one INSERT executed with a parameter list. Each row has
    the keys of ``record_revision``'s arguments (``entity``, ``entity_id``, ``segment_id``, ``action``,
    ``author``, ``at``, ``before``, ``after``)."""
    if rows:
        execute_many(c, _INSERT_REVISION, rows)


def _revision(r: Any) -> Revision:
    return Revision(
        r.id, r.entity, r.entity_id, r.segment_id, r.action, r.author, _dt(r.at), r.before, r.after
    )


class RevisionStore(StoreBase):
    """The revision history."""

    def revisions(self, segment_id: int | None = None, limit: int | None = None) -> list[Revision]:
        query = select(RevisionRow).order_by(RevisionRow.id)
        if segment_id is not None:
            query = query.where(RevisionRow.segment_id == segment_id)
        if limit is not None:
            query = query.order_by(None).order_by(RevisionRow.id.desc()).limit(limit)
        with self.read() as c:
            rows = c.execute(query).all()
        revs = [_revision(r) for r in rows]
        return sorted(revs, key=lambda r: r.id)

    def revisions_since(self, revision_id: int, states: bool = True) -> list[Revision]:
        """The revisions after ``revision_id``. ``states=False``: without their before/after states (the
        team feed only needs who changed what: a colleague's checks run writes one per proposal)."""
        if states:
            with self.read() as c:
                rows = c.execute(
                    select(RevisionRow).where(RevisionRow.id > revision_id).order_by(RevisionRow.id)
                ).all()
            return [_revision(r) for r in rows]
        light = select(
            RevisionRow.id,
            RevisionRow.entity,
            RevisionRow.entity_id,
            RevisionRow.segment_id,
            RevisionRow.action,
            RevisionRow.author,
            RevisionRow.at,
        )
        with self.read() as c:
            found = c.execute(light.where(RevisionRow.id > revision_id).order_by(RevisionRow.id))
            return [Revision(r[0], r[1], r[2], r[3], r[4], r[5], _dt(r[6]), None, None) for r in found]

    def last_revision_id(self) -> int:
        with self.read() as c:
            return int(c.execute(select(func.coalesce(func.max(RevisionRow.id), 0))).scalar_one())

    def revisions_by_ids(self, ids: Iterable[int]) -> list[Revision]:
        """The revisions with these ids that exist (now), in id order."""
        keys = sorted(set(ids))
        rows: list[Any] = []
        with self.read() as c:
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                rows += c.execute(select(RevisionRow).where(RevisionRow.id.in_(chunk))).all()
        revs = [_revision(r) for r in rows]
        return sorted(revs, key=lambda r: r.id)
