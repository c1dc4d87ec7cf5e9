"""``formats.state.stamp`` records how a unit arrived and keeps every other field of the draft."""

from __future__ import annotations

import dataclasses

from mtreview.domain.model import SegmentDraft, Status
from mtreview.formats.state import ARRIVAL, stamp


def test_stamp_keeps_every_field_and_adds_the_arrival() -> None:
    draft = SegmentDraft(
        source="Press Start.",
        target="開始を押す。",
        source_lines=(3, 4),
        target_lines=(5,),
        confidence=0.5,
        corrected="［開始］を押します。",
        key="tu-7",
        meta={"notes": ["a note"]},
        status=Status.APPROVED,
    )
    # a field added to SegmentDraft later must be given a value here, or this test fails
    assert {f.name for f in dataclasses.fields(SegmentDraft)} == {
        "source", "target", "source_lines", "target_lines", "confidence", "corrected", "key", "meta", "status"
    }  # fmt: skip
    out = stamp(draft, translated=True)
    for f in dataclasses.fields(SegmentDraft):
        if f.name != "meta":
            assert getattr(out, f.name) == getattr(draft, f.name), f.name
    assert out.meta["notes"] == ["a note"]
    arrival = out.meta[ARRIVAL]
    assert arrival == {"translated": True, "status": "approved", "corrected": "［開始］を押します。"}
    assert draft.meta == {"notes": ["a note"]}  # the reader's draft is not changed


def test_a_new_untranslated_unit_carries_no_arrival() -> None:
    out = stamp(SegmentDraft("Hello.", "", meta={ARRIVAL: {"status": "approved"}}), translated=True)
    assert ARRIVAL not in out.meta
