"""Arrival state: what each unit was when it came in, so that an export never makes a file worse.

A reader records, per unit, in ``SegmentDraft.meta["arrival"]`` only what differs from the default:

* ``"translated": true`` — the file itself declared the unit translated (a PO entry with a msgstr and no
  ``fuzzy`` flag, an XLIFF target in a translated/final state, a TMX ``<tu>`` with a target);
* ``"status"`` — the mtreview status the unit was imported with, when not ``new``;
* ``"corrected"`` — the corrected text it was imported with (a CSV/xlsx corrected column).

A unit is **untouched** when its status and corrected text are still those it arrived with (whatever
happened in between: an edit undone is untouched again); otherwise it is **reviewed**. Writers write the
arrival state back for untouched units (PO flags, XLIFF states, TMX dates and ids, exactly as they came)
and the reviewer's decision for reviewed ones; ``unit_state`` is that decision in a format-neutral form,
mapped by each writer (the table is in the README).

The format-specific data a writer needs to restore a unit (PO flags and comments, XLIFF attributes, TMX
dates) is in the rest of ``meta``, where the readers have always kept it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from mtreview.domain.model import SegmentDraft, Status

ARRIVAL = "arrival"


class UnitState(enum.StrEnum):
    """A unit's state as the file formats know it (each writer maps it to its own vocabulary)."""

    UNTRANSLATED = "untranslated"
    """No target text."""
    NEEDS_REVIEW = "needs-review"
    """A target nobody has confirmed: machine translation, PO fuzzy, XLIFF needs-review-*."""
    REJECTED = "rejected"
    """A reviewer rejected the target: it needs a new translation."""
    TRANSLATED = "translated"
    """A translation a person made or a file declared done (PO without fuzzy, XLIFF translated)."""
    APPROVED = "approved"
    """Confirmed by a reviewer (XLIFF final, reviewed)."""


def arrival_of(meta: Mapping[str, Any] | None) -> Mapping[str, Any]:
    value = (meta or {}).get(ARRIVAL)
    return value if isinstance(value, Mapping) else {}


def arrival_status(meta: Mapping[str, Any] | None) -> Status:
    try:
        return Status(arrival_of(meta).get("status") or Status.NEW)
    except ValueError:
        return Status.NEW


def import_status(draft: SegmentDraft) -> Status:
    """The status a draft is stored with (the store's rule: ``corrected`` when it carries a correction)."""
    return draft.status or (Status.CORRECTED if draft.corrected is not None else Status.NEW)


def record_arrival(
    meta: dict[str, Any], status: Status, target: str, corrected: str | None, translated: bool
) -> dict[str, Any]:
    """``meta`` (changed in place and returned) with the arrival of a unit recorded: only what is not the
    default. ``status`` is the one it is stored with (``import_status``)."""
    arrival: dict[str, Any] = {}
    if translated and target:
        arrival["translated"] = True
    if status is not Status.NEW:
        arrival["status"] = status.value
    if corrected is not None:
        arrival["corrected"] = corrected
    if arrival:
        meta[ARRIVAL] = arrival
    else:
        meta.pop(ARRIVAL, None)
    return meta


def stamp(draft: SegmentDraft, translated: bool) -> SegmentDraft:
    """The draft with its arrival recorded (only what is not the default)."""
    meta = record_arrival(dict(draft.meta), import_status(draft), draft.target, draft.corrected, translated)
    # every field by name (dataclasses.replace costs 12 µs a unit: a sixth of reading a 100k TMX);
    # tests/formats/test_state_stamp.py checks that no field is lost
    return SegmentDraft(
        source=draft.source,
        target=draft.target,
        source_lines=draft.source_lines,
        target_lines=draft.target_lines,
        confidence=draft.confidence,
        corrected=draft.corrected,
        key=draft.key,
        meta=meta,
        status=draft.status,
    )


def is_untouched(status: Status | str, corrected: str | None, meta: Mapping[str, Any] | None) -> bool:
    """Whether a unit is still as it arrived (status and corrected text)."""
    arrival = arrival_of(meta)
    return str(status) == str(arrival.get("status") or Status.NEW) and corrected == arrival.get("corrected")


def arrived_translated(meta: Mapping[str, Any] | None) -> bool:
    return bool(arrival_of(meta).get("translated"))


_BY_STATUS = {
    Status.NEW: UnitState.NEEDS_REVIEW,
    Status.REJECTED: UnitState.REJECTED,
    Status.CORRECTED: UnitState.TRANSLATED,
    Status.APPROVED: UnitState.APPROVED,
}


def unit_state(
    status: Status | str, target: str, untouched: bool, meta: Mapping[str, Any] | None
) -> UnitState:
    """The state to write: an untouched unit that arrived translated stays translated; otherwise the
    reviewer's status decides (``corrected`` is a person's translation; ``new`` is unconfirmed MT)."""
    status = Status(str(status))
    if not target and status is not Status.REJECTED:
        return UnitState.UNTRANSLATED
    if untouched and status is Status.NEW and arrived_translated(meta):
        return UnitState.TRANSLATED
    return _BY_STATUS[status]


def in_default_memory(status: Status | str, untouched: bool, meta: Mapping[str, Any] | None) -> bool:
    """The default selection of a translation-memory export: confirmed units (approved, corrected) and
    untouched units that arrived already translated."""
    return str(status) in (Status.APPROVED, Status.CORRECTED) or (untouched and arrived_translated(meta))
