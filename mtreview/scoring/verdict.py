"""Whether a document's quality can be judged yet: pass, fail, in progress or not reviewed.

MQM counts only confirmed annotations, so a document nobody has reviewed has no penalty and a quality of
100 — which says nothing. The verdict therefore follows the review, not only the number:

- ``fail``: the quality is already below the threshold (the confirmed errors are a reviewer's decisions,
  and reviewing more can only confirm more);
- ``not reviewed``: otherwise, while no segment is reviewed (the quality figure is not shown as a result);
- ``in progress``: some segments reviewed and no failure yet — shown with the share reviewed;
- ``pass``: every segment reviewed and the quality at or above the threshold.

A segment is *reviewed* when a reviewer decided on it: status approved or rejected in a project; for a
file with a corrected column, a segment with corrected text; in Google's MQM TSV, every rated segment.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mtreview.i18n import _

REVIEWED_STATUSES = frozenset({"approved", "rejected"})


class Verdict(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    IN_PROGRESS = "in progress"
    NOT_REVIEWED = "not reviewed"


def judge(quality: float, threshold: float, reviewed: int, segments: int) -> Verdict:
    """The verdict of a document with ``reviewed`` of ``segments`` segments reviewed."""
    if segments > 0 and quality < threshold:
        return Verdict.FAIL
    if segments <= 0 or reviewed <= 0:
        return Verdict.NOT_REVIEWED
    if reviewed < segments:
        return Verdict.IN_PROGRESS
    return Verdict.PASS


def is_reviewed(status: str | None, corrected: str | None) -> bool:
    """A segment a reviewer decided on (see the module docstring); ``status`` is ``None`` outside a
    project."""
    if status is not None:
        return status in REVIEWED_STATUSES
    return corrected is not None


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    quality: float
    threshold: float
    reviewed: int
    segments: int

    @property
    def share(self) -> float:
        """The share of segments reviewed, 0–1."""
        return self.reviewed / self.segments if self.segments else 0.0

    def label(self) -> str:
        """The verdict for people, in the UI language: ``PASS``, ``FAIL``, ``not reviewed`` or
        ``41/112 reviewed``."""
        if self.verdict is Verdict.PASS:
            return _("PASS")
        if self.verdict is Verdict.FAIL:
            return _("FAIL")
        if self.verdict is Verdict.NOT_REVIEWED:
            return _("not reviewed")
        return _("{reviewed}/{segments} reviewed").format(reviewed=self.reviewed, segments=self.segments)

    def quality_text(self, digits: int = 1) -> str:
        """The quality figure, or ``—`` while nothing is reviewed (100 would read as a result)."""
        if self.verdict is Verdict.NOT_REVIEWED:
            return "—"
        return f"{self.quality:.{digits}f}"


def judgement(quality: float, threshold: float, reviewed: int, segments: int) -> Judgement:
    return Judgement(judge(quality, threshold, reviewed, segments), quality, threshold, reviewed, segments)
