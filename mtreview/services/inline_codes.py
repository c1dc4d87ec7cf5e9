"""The inline-code check on a reviewer's correction: a tag of the MT (``formats.codes``) the correction
lost, added, or moved so that its pair no longer opens before it closes (or crosses another pair).

It runs with the other checks on the correction (``services.checking.CorrectionChecks``): only a segment
with inline markup and a correction is looked at, and only its target side.
"""

from __future__ import annotations

from mtreview.domain.model import Segment, Severity, Side
from mtreview.formats import codes as C
from mtreview.formats import placeholders as ph
from mtreview.i18n import N_, _
from mtreview.qa.base import Finding

CHECK_ID = "inline-codes"
NAME = N_("Inline codes")
_MESSAGES = {
    "lost": N_("the correction lost the inline code {code}"),
    "added": N_("the correction adds the inline code {code}, which the MT does not have"),
    "reordered": N_("the correction breaks the pair of the inline code {code} (it closes before it opens)"),
}


def code_findings(segment_id: str, seg: Segment) -> list[Finding]:
    """What ``seg``'s correction did to the MT's inline codes, as findings on the target."""
    inline = (seg.meta or {}).get("inline") or {}
    markup = inline.get("target") or []
    if seg.corrected is None or not ph.has_codes(markup):
        return []
    codes = C.analyse(markup)
    out = []
    for problem in C.problems(seg.mt, seg.corrected, codes):
        where = seg.corrected.find(ph.placeholder(problem.index))
        start, end = (where, where + 1) if where >= 0 else (None, None)
        text = seg.corrected if start is None else seg.corrected[start:end]
        out.append(
            Finding(
                segment=segment_id,
                check=CHECK_ID,
                category="Accuracy/Omission" if problem.kind == "lost" else "Fluency/Display",
                severity=Severity.MAJOR,
                side=Side.TARGET,
                start=start,
                end=end,
                text=text,
                message=_(_MESSAGES[problem.kind]).format(code=problem.native),
            )
        )
    return out
