"""The checks' proposals meet the reviewer's own work: no duplicate when a reviewer flags a span a check
already proposed, and an offer to resolve the proposals a correction fixed.

Pure functions over annotations and findings (no storage, no Qt); the UI turns their answers into undoable
commands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mtreview.domain.model import Annotation, AnnotationDraft, AnnotationState, Side
from mtreview.qa.base import Finding


def _top(category: str) -> str:
    return category.split("/", 1)[0]


def proposal_for_flag(proposals: Iterable[Annotation], draft: AnnotationDraft) -> Annotation | None:
    """The proposal a reviewer's flag is really a decision on: same segment and side, and the same span —
    or an overlapping span of the same top-level category. Confirming it (with the reviewer's category and
    severity) replaces adding a second annotation for the same error."""
    if draft.start is None or draft.end is None:
        return None
    best: Annotation | None = None
    for ann in proposals:
        if (
            ann.state is not AnnotationState.PROPOSED
            or ann.segment_id != draft.segment_id
            or ann.side != draft.side
            or ann.start is None
            or ann.end is None
        ):
            continue
        if (ann.start, ann.end) == (draft.start, draft.end):
            return ann
        overlaps = ann.start < draft.end and draft.start < ann.end
        if overlaps and best is None and _top(ann.category) == _top(draft.category):
            best = ann
    return best


def fixed_by_correction(
    proposals: Iterable[Annotation], mt: str, corrected: str, findings_on_correction: Sequence[Finding] = ()
) -> list[Annotation]:
    """Proposals on the MT that the correction no longer has: the words they cover are gone from the
    correction (and the check, re-run on the correction, does not report them). Whole-segment and
    source-side proposals are left to the reviewer."""
    still = {(f.check, f.text) for f in findings_on_correction}
    fixed = []
    for ann in proposals:
        if ann.state is not AnnotationState.PROPOSED or ann.side != Side.TARGET:
            continue
        if ann.start is None or ann.end is None:
            continue
        covered = mt[ann.start : ann.end]
        if not covered.strip() or covered in corrected or (ann.origin, covered) in still:
            continue
        fixed.append(ann)
    return fixed
