"""XLIFF states: what a unit arrived as (reading) and what it is written as (the fresh writers and the
merge-back). The table is in the README (mtreview status ↔ PO ↔ XLIFF 1.2 ↔ XLIFF 2 ↔ TMX).

Reading XLIFF 1.2: ``state="final"``/``"signed-off"`` is imported as approved; every other unit as
``new`` (to review). A target arrived translated when it is not empty, its ``state`` is not ``new`` or
``needs-*`` and the unit is not ``approved="no"`` (Translate Toolkit's fuzzy). Our own files carry the
exact status in the target's ``phase-name`` (``mtreview-<status>``, a phase declared in the header).

Reading XLIFF 2: ``subState="mtreview:<status>"`` (ours) gives the status, ``state="final"`` approved;
a target arrived translated when it is not empty and the state is ``translated``, ``reviewed``, ``final``
or absent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mtreview.domain.model import Status
from mtreview.formats.state import UnitState
from mtreview.formats.xliff.common import MTREVIEW_SUBSTATE

GETTEXT_HEADER = "x-gettext-domain-header"
PHASE_PREFIX = "mtreview-"
_STATUSES = {s.value for s in Status}
NEEDS_12 = frozenset(
    {
        "new",
        "needs-translation",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-translation",
        "needs-review-adaptation",
        "needs-review-l10n",
    }
)
DONE_2 = frozenset({"translated", "reviewed", "final"})

STATE_12: dict[UnitState, str] = {
    UnitState.UNTRANSLATED: "new",
    UnitState.NEEDS_REVIEW: "needs-review-translation",
    UnitState.REJECTED: "needs-translation",
    UnitState.TRANSLATED: "translated",
    UnitState.APPROVED: "final",
}
QUALIFIER_12: dict[UnitState, str] = {
    UnitState.NEEDS_REVIEW: "leveraged-mt",
    UnitState.REJECTED: "rejected-inaccurate",
}
"""``state-qualifier`` for machine translation nobody confirmed and for a rejected target."""
APPROVED_12 = frozenset({UnitState.TRANSLATED, UnitState.APPROVED})
"""``approved="yes"``: not fuzzy, as Translate Toolkit (xliff2po, pocount) reads it."""

STATE_2: dict[UnitState, str] = {
    UnitState.UNTRANSLATED: "initial",
    UnitState.NEEDS_REVIEW: "initial",
    UnitState.REJECTED: "initial",
    UnitState.TRANSLATED: "translated",
    UnitState.APPROVED: "final",
}


def _ours(value: str | None, prefix: str) -> Status | None:
    if value and value.startswith(prefix) and value[len(prefix) :] in _STATUSES:
        return Status(value[len(prefix) :])
    return None


def arrival12(tu: Any, tgt: Any, target: str) -> tuple[Status | None, bool]:
    """(status to import with, arrived translated) of a ``<trans-unit>``."""
    state = tgt.get("state") if tgt is not None else None
    status = _ours(tgt.get("phase-name") if tgt is not None else None, PHASE_PREFIX)
    if status is None and state in ("final", "signed-off"):
        status = Status.APPROVED
    translated = bool(target) and state not in NEEDS_12 and tu.get("approved") != "no"
    return status, translated


def arrival2(segment: Any, target: str) -> tuple[Status | None, bool]:
    """(status to import with, arrived translated) of a ``<segment>``."""
    state = segment.get("state")
    status = _ours(segment.get("subState"), MTREVIEW_SUBSTATE)
    if status is None and state == "final":
        status = Status.APPROVED
    return status, bool(target) and (state is None or state in DONE_2)


def _location(group: Any) -> bool:
    return group.get("name") == "po-reference" or "location" in (group.get("purpose") or "").split()


def po_context(tu: Any, q: Callable[[str], str]) -> dict[str, Any]:
    """The PO data Translate Toolkit's po2xliff (and our writer) put in context groups: locations
    (``po-reference`` or ``purpose="location"``: sourcefile, linenumber) and msgctxt (``x-po-msgctxt``)."""
    out: dict[str, Any] = {}
    locations: list[str] = []
    for group in tu.iterchildren(q("context-group")):
        file = line = ""
        for ctx in group.iterchildren(q("context")):
            ctype = ctx.get("context-type")
            if ctype == "x-po-msgctxt":
                out["xliff_context"] = ctx.text or ""
            elif _location(group) and ctype == "sourcefile":
                file = ctx.text or ""
            elif _location(group) and ctype == "linenumber":
                line = ctx.text or ""
        if file:
            locations.append(f"{file}:{line}" if line else file)
    if locations:
        out["xliff_locations"] = locations
    return out
