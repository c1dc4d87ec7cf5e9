"""Bulk triage: confirm or dismiss many findings (a whole check, or a selection) in one undoable step."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mtreview.domain.errors import InputError
from mtreview.domain.model import MANUAL, Annotation, AnnotationState, Changes
from mtreview.i18n import _
from mtreview.services.project import ProjectService
from mtreview.storage.bulk import AnnotationStateWrite, update_annotation_states


@dataclass
class SetAnnotationStates:
    """Set the state of many annotations at once; ``rows`` are (annotation id, expected version, state).
    One transaction, one revision per annotation; the inverse puts every state back in one step."""

    rows: list[tuple[int, int, AnnotationState]]
    before: dict[int, AnnotationState]
    label: str = "Triage findings"

    def apply(self, service: ProjectService) -> tuple[SetAnnotationStates, Changes]:
        written = update_annotation_states(
            service._store,
            [AnnotationStateWrite(aid, version, state) for aid, version, state in self.rows],
            service.author,
        )
        inverse = SetAnnotationStates(
            [(a.id, a.version, self.before[a.id]) for a in written],
            {a.id: a.state for a in written},
            self.label,
        )
        return inverse, Changes(
            segments=frozenset(a.segment_id for a in written), annotations=frozenset(a.id for a in written)
        )


def triage_command(annotations: Sequence[Annotation], state: AnnotationState) -> SetAnnotationStates:
    """Confirm or dismiss these annotations (those already in ``state`` are left out)."""
    todo = [a for a in annotations if a.state != state]
    if not todo:
        raise InputError(_("nothing to change"))
    verb = {
        AnnotationState.CONFIRMED: _("Confirm {n} findings"),
        AnnotationState.DISMISSED: _("Dismiss {n} findings"),
        AnnotationState.PROPOSED: _("Reopen {n} findings"),
    }[AnnotationState(state)]
    return SetAnnotationStates(
        [(a.id, a.version, AnnotationState(state)) for a in todo],
        {a.id: a.state for a in todo},
        verb.format(n=len(todo)),
    )


def findings_of_check(
    service: ProjectService, check: str, document_id: int | None = None
) -> list[Annotation]:
    """The open (proposed) findings of one check."""
    return [
        a
        for a in service._store.annotations(document_id=document_id, states=[AnnotationState.PROPOSED])
        if a.origin == check
    ]


def checks_with_findings(service: ProjectService, document_id: int | None = None) -> dict[str, int]:
    """Check id -> number of open findings (for a Findings tab's groups)."""
    counts: dict[str, int] = {}
    for a in service._store.annotations(document_id=document_id, states=[AnnotationState.PROPOSED]):
        if a.origin != MANUAL:
            counts[a.origin] = counts.get(a.origin, 0) + 1
    return counts


def triage(
    service: ProjectService, annotations: Iterable[Annotation], state: AnnotationState
) -> tuple[SetAnnotationStates, Changes]:
    """Apply a bulk triage now; returns the inverse (one undo step) and what changed."""
    return triage_command(list(annotations), state).apply(service)
