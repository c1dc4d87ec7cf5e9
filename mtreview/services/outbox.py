"""Confirmations that could not reach the server yet: kept on this computer and sent when it is back.

Team mode only matters here (a ``.mtreview`` file never goes away mid-session). The outbox is an
append-only JSON-lines file in the user's data folder, one per project and reviewer; every record is
flushed and fsynced before ``ProjectService.save`` returns ``Queued``, so a confirmation the reviewer was
told about survives a crash of the app as well as of the network. Records are ``queue`` (a pending
confirmation) and ``done`` (sent, superseded or handed back); the file is removed once nothing is pending.

Sending is idempotent: if the server applied a confirmation but the acknowledgement was lost with the
connection, the retry finds the segment already holding the reviewer's approved text and counts it
as sent. A pending confirmation that now conflicts with a colleague's newer edit is never forced: it
is kept as the reviewer's draft on that segment and reported, so the conflict dialog can resolve it.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mtreview.domain.errors import ConflictError, ConnectionLostError, NotFoundError
from mtreview.domain.model import Segment, Status
from mtreview.i18n import _
from mtreview.services.prefs import data_dir
from mtreview.services.project import ProjectService
from mtreview.services.saving import Conflict, Saved, SegmentChange


@dataclass(frozen=True)
class PendingConfirmation:
    key: str
    segment_id: int
    text: str
    expected_version: int
    author: str
    at: str


@dataclass(frozen=True)
class FlushReport:
    sent: list[Segment] = field(default_factory=list)
    conflicts: list[tuple[PendingConfirmation, ConflictError]] = field(default_factory=list)
    """Kept as the reviewer's draft on the segment; resolve like any conflict."""
    failed: list[tuple[PendingConfirmation, str]] = field(default_factory=list)
    """Could not be applied at all (e.g. the segment was deleted)."""
    pending: int = 0
    offline: bool = False

    @property
    def message(self) -> str:
        parts = []
        if self.sent:
            parts.append(_("{n} saved confirmation(s) sent to the server").format(n=len(self.sent)))
        if self.conflicts:
            parts.append(
                _("{n} conflict with a colleague's newer edit and were kept as drafts").format(
                    n=len(self.conflicts)
                )
            )
        if self.failed:
            parts.append(_("{n} could not be applied").format(n=len(self.failed)))
        if self.pending:
            parts.append(_("{n} still waiting for the server").format(n=self.pending))
        return "; ".join(parts)


def outbox_path(location: str, author: str) -> Path:
    """The outbox file of one project and reviewer in the user's data folder (no password in the name)."""
    from mtreview.services.connection import without_password

    digest = hashlib.sha256(f"{without_password(location)}\n{author}".encode()).hexdigest()[:20]
    return data_dir() / "outbox" / f"{digest}.jsonl"


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_service(cls, service: ProjectService) -> Outbox:
        return cls(outbox_path(service.location, service.author))

    # ------------------------------------------------------------------ the file
    def _records(self) -> list[dict[str, object]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        records = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash while it was written: it was never acknowledged
            if isinstance(record, dict):
                records.append(record)
        return records

    def _append(self, *records: dict[str, object]) -> None:
        new = not self.path.exists()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _fsync_dir(self.path.parent)

    def pending(self) -> list[PendingConfirmation]:
        """Queued confirmations not yet sent, oldest first."""
        queued: dict[str, PendingConfirmation] = {}
        for r in self._records():
            if r.get("op") == "queue":
                fields = {k: r[k] for k in ("key", "segment_id", "text", "expected_version", "author", "at")}
                queued[str(r["key"])] = PendingConfirmation(**fields)  # type: ignore[arg-type]
            elif r.get("op") == "done":
                queued.pop(str(r.get("key")), None)
        return list(queued.values())

    def queue(self, segment_id: int, text: str, expected_version: int, author: str) -> PendingConfirmation:
        """Keep a confirmation durably. A newer one for the same segment supersedes the older (same base)."""
        records: list[dict[str, object]] = []
        for old in self.pending():
            if old.segment_id == segment_id:
                expected_version = old.expected_version
                records.append({"op": "done", "key": old.key, "why": "superseded"})
        item = PendingConfirmation(
            uuid.uuid4().hex, segment_id, text, expected_version, author, datetime.now(UTC).isoformat()
        )
        records.insert(0, {"op": "queue", **asdict(item)})
        self._append(*records)
        return item

    def _done(self, key: str, why: str) -> None:
        self._append({"op": "done", "key": key, "why": why})

    def _compact(self) -> None:
        if self.path.exists() and not self.pending():
            self.path.unlink()
            _fsync_dir(self.path.parent)

    # ------------------------------------------------------------------ sending
    def flush(self, service: ProjectService) -> FlushReport:
        """Send what is pending, oldest first; stop at the first connection failure."""
        report = FlushReport()
        items = self.pending()
        for i, item in enumerate(items):
            change = SegmentChange.confirm(item.segment_id, item.text, item.expected_version)
            try:
                outcome = service.save(change, queue_offline=False)
            except ConnectionLostError:
                return FlushReport(report.sent, report.conflicts, report.failed, len(items) - i, offline=True)
            except NotFoundError as exc:
                report.failed.append((item, str(exc)))
                self._done(item.key, "failed")
                continue
            if isinstance(outcome, Conflict):
                current = outcome.theirs
                if (
                    current.corrected == item.text
                    and current.status == Status.APPROVED
                    and current.author == item.author
                ):
                    # applied before the connection dropped; only the reply was lost
                    report.sent.append(current)
                    self._done(item.key, "already applied")
                    continue
                service._store.save_draft(item.segment_id, item.author, item.text, current.version)
                report.conflicts.append(
                    (item, ConflictError(outcome.message, current=current, attempted=change))
                )
                self._done(item.key, "conflict")
                continue
            assert isinstance(outcome, Saved)
            report.sent.append(outcome.segment)
            self._done(item.key, "sent")
        self._compact()
        return report


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
