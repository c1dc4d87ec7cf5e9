"""Original files of imported documents (``original_file``): stored with the document, read back by an
export that merges the review into them (XLIFF). One row per document, deleted with it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import insert, select

from mtreview.storage.base import StoreBase, now
from mtreview.storage.orm import OriginalFileRow


@dataclass(frozen=True, slots=True)
class OriginalFile:
    document_id: int
    name: str
    sha256: str
    data: bytes


class OriginalStore(StoreBase):
    """The bytes a document was imported from, where an export rewrites them (XLIFF merge-back)."""

    def save_original(self, document_id: int, name: str, data: bytes) -> None:
        """Keep ``data`` as the original of ``document_id`` (inside the caller's ``transaction()``, so the
        document and its original are stored together or not at all)."""
        with self.write() as c:
            c.execute(
                insert(OriginalFileRow).values(
                    document_id=document_id,
                    name=name,
                    sha256=hashlib.sha256(data).hexdigest(),
                    data=data,
                    stored_at=now(),
                )
            )

    def original_file(self, document_id: int) -> OriginalFile | None:
        with self.read() as c:
            row = c.execute(select(OriginalFileRow).where(OriginalFileRow.document_id == document_id)).first()
        if row is None:
            return None
        return OriginalFile(row.document_id, row.name, row.sha256, bytes(row.data))
