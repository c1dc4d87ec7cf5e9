"""Team mode: who edits which segment (heartbeats)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from mtreview.storage.base import StoreBase, now
from mtreview.storage.mappers import _dt
from mtreview.storage.orm import (
    PresenceRow,
)


class PresenceStore(StoreBase):
    """Presence of reviewers (team mode)."""

    def _clock(self, c: Any) -> datetime:
        """The database's clock on a server (all clients agree on it), the local one for a file."""
        if c.dialect.name == "postgresql":
            return _dt(c.execute(select(func.now())).scalar_one())
        return now()

    def set_editing(self, segment_id: int | None, author: str) -> None:
        """Mark (or with ``None`` unmark) the segment ``author`` is editing; call again as a heartbeat."""
        with self.write() as c:
            if segment_id is None:
                gone = c.execute(delete(PresenceRow).where(PresenceRow.author == author)).rowcount
                if gone:
                    self.notify(c, author, "presence")
                return
            stamp = self._clock(c)
            previous = c.execute(select(PresenceRow.segment_id).where(PresenceRow.author == author)).scalar()
            if previous is None:
                c.execute(insert(PresenceRow).values(author=author, segment_id=segment_id, heartbeat=stamp))
            else:
                c.execute(
                    update(PresenceRow)
                    .where(PresenceRow.author == author)
                    .values(segment_id=segment_id, heartbeat=stamp)
                )
            if previous != segment_id:
                self.notify(c, author, "presence", [segment_id])

    def editing_now(self, max_age_s: float = 15.0) -> dict[int, list[str]]:
        """Segments being edited: segment id -> reviewers whose heartbeat is at most ``max_age_s`` old."""
        with self.read() as c:
            cutoff = self._clock(c) - timedelta(seconds=max_age_s)
            rows = c.execute(select(PresenceRow).order_by(PresenceRow.author)).all()
        out: dict[int, list[str]] = {}
        for r in rows:
            if _dt(r.heartbeat) >= cutoff:
                out.setdefault(r.segment_id, []).append(r.author)
        return out
