"""Repetitions: a confirmed correction offered to (or written into) the segments with the same source.

When a segment is confirmed, its repetitions (segments whose English source is identical) that are
not confirmed yet are its *twins*. The project setting ``propagation`` says what happens to them:

* ``propose`` (default): nothing is written; the twins are reported (the editor offers to apply the
  correction to all of them in one step) and each twin shows the confirmed text as its proposal
  (``proposal_for``), a 100% match at the top of its matches;
* ``auto``: the correction is written into the twins at once (status corrected, not confirmed: a
  person still confirms each), as one undoable step (memoQ's and Trados's auto-propagation);
* ``off``: nothing.

A finding with a suggestion (say a name spelt differently "in 3 other places") offers *fix all*:
``fix_all_spec`` turns it into a find & replace over the project, opened as a preview.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from mtreview.domain.errors import InputError
from mtreview.domain.model import Annotation, Changes, Segment, Side, Status
from mtreview.i18n import _
from mtreview.services.project import ProjectService
from mtreview.services.replace import SetSegments
from mtreview.services.textsearch import SearchSpec
from mtreview.storage.bulk import SegmentText, document_names, segments_with_source

SETTING = "propagation"


class PropagationMode(enum.StrEnum):
    OFF = "off"
    PROPOSE = "propose"
    AUTO = "auto"


def propagation_mode(service: ProjectService) -> PropagationMode:
    value = service._store.get_setting(SETTING, PropagationMode.PROPOSE.value)
    try:
        return PropagationMode(value)
    except ValueError:
        return PropagationMode.PROPOSE


def set_propagation_mode(service: ProjectService, mode: PropagationMode) -> Changes:
    return service.set_setting(SETTING, PropagationMode(mode).value)


@dataclass(frozen=True, slots=True)
class Twin:
    segment_id: int
    document: str
    ordinal: int
    target: str
    corrected: str | None
    status: Status
    version: int

    @property
    def label(self) -> str:
        return f"{self.document}#{self.ordinal}"


@dataclass(frozen=True)
class PropagationResult:
    mode: PropagationMode
    text: str
    """The confirmed text the twins get (or are offered)."""
    twins: list[Twin]
    applied: SetSegments | None = None
    """In ``auto`` mode: the inverse of the write (undo it to take the propagation back)."""
    changes: Changes = field(default_factory=Changes)


def twins_of(service: ProjectService, segment: Segment) -> list[Twin]:
    """The repetitions of ``segment`` not confirmed yet whose Japanese differs from its."""
    names = document_names(service._store)
    out = []
    for s in segments_with_source(service._store, segment.source):
        if s.id == segment.id or s.status == Status.APPROVED or s.target == segment.target:
            continue
        out.append(_twin(s, names))
    return out


def _twin(s: SegmentText, names: dict[int, str]) -> Twin:
    document = names.get(s.document_id, str(s.document_id))
    return Twin(s.id, document, s.ordinal, s.target, s.corrected, s.status, s.version)


def propagate_command(text: str, twins: list[Twin]) -> SetSegments:
    """Write ``text`` into the twins as their correction (status corrected), one undoable step."""
    if not twins:
        raise InputError(_("no repetitions to update"))
    return SetSegments(
        [(t.segment_id, t.version, text, Status.CORRECTED) for t in twins],
        _("Propagate to {n} repetitions").format(n=len(twins)),
        "propagate",
        before={t.segment_id: (t.corrected, t.status) for t in twins},
    )


def after_confirm(service: ProjectService, segment: Segment) -> PropagationResult:
    """What a confirmation of ``segment`` (as stored after it) means for its repetitions."""
    mode = propagation_mode(service)
    if mode == PropagationMode.OFF or segment.status != Status.APPROVED:
        return PropagationResult(mode, segment.target, [])
    twins = twins_of(service, segment)
    if mode == PropagationMode.AUTO and twins:
        inverse, changes = propagate_command(segment.target, twins).apply(service)
        return PropagationResult(mode, segment.target, twins, inverse, changes)
    return PropagationResult(mode, segment.target, twins)


def proposal_for(service: ProjectService, segment: Segment) -> tuple[str, str] | None:
    """For a segment not confirmed yet: the text of a confirmed repetition it does not already have,
    with that repetition's ``<document>#<ordinal>`` (the most recently confirmed one if several)."""
    if segment.status == Status.APPROVED:
        return None
    names = document_names(service._store)
    best: tuple[int, SegmentText] | None = None
    for s in segments_with_source(service._store, segment.source):
        if s.id == segment.id or s.status != Status.APPROVED or s.target == segment.target:
            continue
        if best is None or s.version > best[0]:
            best = (s.version, s)
    if best is None:
        return None
    s = best[1]
    return s.target, f"{names.get(s.document_id, str(s.document_id))}#{s.ordinal}"


def fix_all_spec(annotation: Annotation, segment: Segment) -> tuple[SearchSpec, str]:
    """A finding with a suggestion as a project-wide replace: its text, whole word, to the suggestion."""
    if annotation.suggestion is None or annotation.start is None or annotation.end is None:
        raise InputError(_("this finding has no suggestion to apply everywhere"))
    text = segment.source if annotation.side == Side.SOURCE else segment.mt
    found = text[annotation.start : annotation.end]
    if not found:
        raise InputError(_("this finding has no text to replace"))
    return SearchSpec(found, regex=False, whole_word=True, case_sensitive=True), annotation.suggestion
