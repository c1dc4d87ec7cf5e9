"""The segment a reviewer has open in the editor, and the policy around saving it. Qt-free.

``EditingSession`` owns what the window used to decide by itself:

* **the base version**: the version the reviewer's text is based on (``current``). Every save goes
  through ``ProjectService.save`` with it, so a stale save comes back as a ``Conflict``, never as an
  overwrite;
* **drafts**: the unconfirmed text saved every few seconds, offered back when the segment is opened again
  (typed over an older version, it keeps that older base so that saving shows both versions);
* **conflicts**: keep mine (write again on top of theirs), take theirs, or merge by hand (their version
  becomes the base, both texts go into the editor);
* **others' changes** to the open segment: follow them, unless the reviewer has unsaved text, in which
  case the base stays and the next save shows the conflict.

The window only shows what the session returns (dialogs, status messages, the editor's text).
"""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Segment, Status
from mtreview.i18n import _
from mtreview.services.project import ProjectService
from mtreview.services.saving import Conflict, Saved, SaveOutcome, SegmentChange


@dataclass(frozen=True)
class Opened:
    """What the editor shows for a segment just opened."""

    segment: Segment | None
    """The base: the segment as stored, or with an older version when a draft was typed over that one."""
    draft: str | None = None
    """The reviewer's unsaved text to put back in the editor (``None``: show the segment's text)."""
    notice: str | None = None


@dataclass(frozen=True)
class Followed:
    """What to do after another write changed the open segment."""

    reload: bool
    """Load ``segment`` in the editor (keeping the reviewer's text when ``keep_text``)."""
    keep_text: bool
    notice: str | None = None


class EditingSession:
    def __init__(self, service: ProjectService) -> None:
        self.service = service
        self.current: Segment | None = None

    # ------------------------------------------------------------------ opening
    def open(self, segment: Segment | None) -> Opened:
        """Make ``segment`` the open one; bring back the reviewer's draft of it, if any."""
        self.current = segment
        if segment is None:
            return Opened(None)
        saved = self.service.draft(segment.id)
        if saved is None or saved[0] == segment.target:
            return Opened(segment)
        draft, base_version = saved
        if base_version != segment.version:
            # The draft was typed over an older version: keep that as the base, so saving it shows both
            # versions instead of overwriting the newer one.
            self.current = dataclasses.replace(segment, version=base_version)
            return Opened(
                self.current,
                draft,
                _("Restored your unsaved text; the segment changed since, saving will let you choose."),
            )
        return Opened(segment, draft, _("Restored your unsaved text for this segment"))

    def save_draft(self, segment_id: int, text: str) -> None:
        """Keep unconfirmed text (a convenience: failures are ignored, the confirmed text is what counts)."""
        seg = self.current
        if seg is not None and seg.id == segment_id:
            with contextlib.suppress(MtreviewError):
                self.service.save_draft(segment_id, text, seg.version)

    # ------------------------------------------------------------------ saving
    def save(self, text: str | None, status: Status, action: str) -> SaveOutcome:
        """Save the open segment's text and status on top of the version it is based on."""
        seg = self.current
        assert seg is not None, "no segment is open"
        outcome = self.service.save(SegmentChange(seg.id, seg.version, text, status, action))
        if isinstance(outcome, Saved) and self.current is not None and self.current.id == seg.id:
            self.current = outcome.segment
        return outcome

    def keep_mine(self, conflict: Conflict) -> SaveOutcome:
        """Write the reviewer's text again, on top of their version (recorded as a merge)."""
        change = dataclasses.replace(conflict.change, base_version=conflict.theirs.version, action="merge")
        outcome = self.service.save(change)
        if isinstance(outcome, Saved) and self.current is not None and self.current.id == change.segment_id:
            self.current = outcome.segment
        return outcome

    def take_theirs(self, conflict: Conflict) -> Segment:
        """Drop the reviewer's text: their version becomes the open one."""
        if self.current is not None and self.current.id == conflict.theirs.id:
            self.current = conflict.theirs
        return conflict.theirs

    def merge_by_hand(self, conflict: Conflict) -> str:
        """Base the editor on their version with both texts in it to merge; nothing is saved yet."""
        self.current = conflict.theirs
        mine = conflict.change.text if isinstance(conflict.change.text, str) else ""
        return mine + "\n" + conflict.theirs.target

    # ------------------------------------------------------------------ others' writes
    def follow(self, fresh: Segment, *, external: bool, dirty: bool) -> Followed:
        """The open segment changed in the project (``fresh``). ``external``: another reviewer did it;
        ``dirty``: the editor holds text that differs from ``fresh``."""
        if self.current is None or fresh.id != self.current.id or fresh.version == self.current.version:
            return Followed(reload=False, keep_text=False)
        if external and dirty:
            # Keep our base version: saving will come back as a conflict and show both texts, never
            # overwrite theirs silently.
            return Followed(
                reload=False,
                keep_text=True,
                notice=_(
                    "{who} changed this segment while you were editing it; saving will let you "
                    "choose or merge."
                ).format(who=fresh.author or "?"),
            )
        self.current = fresh
        return Followed(reload=True, keep_text=dirty)
