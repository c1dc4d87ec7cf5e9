"""Drafts: the editor's unconfirmed text, one per segment and reviewer, offered back on reopen."""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from mtreview.storage.base import StoreBase, now
from mtreview.storage.orm import (
    DraftRow,
)


class DraftStore(StoreBase):
    """Drafts."""

    def save_draft(self, segment_id: int, author: str, text: str, base_version: int) -> None:
        stamp = now()
        with self.write() as c:
            updated = c.execute(
                update(DraftRow)
                .where(DraftRow.segment_id == segment_id, DraftRow.author == author)
                .values(text=text, base_version=base_version, updated_at=stamp)
            ).rowcount
            if not updated:
                c.execute(
                    insert(DraftRow).values(
                        segment_id=segment_id,
                        author=author,
                        text=text,
                        base_version=base_version,
                        updated_at=stamp,
                    )
                )

    def drafts(self, author: str) -> dict[int, tuple[str, int]]:
        with self.read() as c:
            rows = c.execute(select(DraftRow).where(DraftRow.author == author)).all()
        return {r.segment_id: (r.text, r.base_version) for r in rows}

    def discard_draft(self, segment_id: int, author: str) -> None:
        with self.write() as c:
            c.execute(delete(DraftRow).where(DraftRow.segment_id == segment_id, DraftRow.author == author))
