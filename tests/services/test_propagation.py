"""Repetitions: a confirmed correction is proposed to (or, by setting, written into) identical sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity, Status
from mtreview.services.project import ProjectService
from mtreview.services.propagation import (
    PropagationMode,
    after_confirm,
    fix_all_spec,
    proposal_for,
    set_propagation_mode,
    twins_of,
)
from mtreview.services.replace import preview_replace
from mtreview.services.saving import SegmentChange

ROWS = [
    ("Press the red button.", "赤いボタンを押す。"),
    ("Wait for the bell.", "鐘を待つ。"),
    ("Press the red button.", "赤いボタンを押してください。"),
    ("Press the red button!", "赤いボタンを押せ！"),
    ("Press the red button.", "赤いボタンを押す。"),
]


@pytest.fixture
def service(project_url: str, tmp_path: Path):
    tsv = tmp_path / "bell.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    s = ProjectService.open(project_url, "rin", create=True)
    s.import_path(tsv)
    yield s
    s.close()


def _confirm(service: ProjectService, sid: int, text: str):
    _saved = service.save(SegmentChange.confirm(sid, text, service.segment(sid).version)).require_saved()
    seg, _changes = _saved.segment, _saved.changes
    return seg


def test_confirming_proposes_the_twins_and_writes_nothing(service: ProjectService) -> None:
    ids = service.segment_ids()
    seg = _confirm(service, ids[0], "赤いボタンを押してください。")
    result = after_confirm(service, seg)
    assert result.mode == PropagationMode.PROPOSE
    # #3 already reads the same; #4 has a different source; #5 is a twin
    assert [t.ordinal for t in result.twins] == [5]
    assert result.applied is None
    assert service.segment(ids[4]).corrected is None
    assert proposal_for(service, service.segment(ids[4])) == ("赤いボタンを押してください。", "bell#1")
    assert proposal_for(service, service.segment(ids[3])) is None
    assert proposal_for(service, service.segment(ids[1])) is None


def test_auto_mode_writes_the_twins_in_one_undoable_step(service: ProjectService) -> None:
    set_propagation_mode(service, PropagationMode.AUTO)
    ids = service.segment_ids()
    service.save(
        SegmentChange.edit(ids[2], "押して。", service.segment(ids[2]).version, Status.CORRECTED)
    ).require_saved()
    seg = _confirm(service, ids[0], "赤いボタンを押下する。")
    result = after_confirm(service, seg)
    assert sorted(t.ordinal for t in result.twins) == [3, 5]
    for sid in (ids[2], ids[4]):
        twin = service.segment(sid)
        assert (twin.corrected, twin.status) == ("赤いボタンを押下する。", Status.CORRECTED)
    assert {r.action for r in service.revisions() if r.segment_id == ids[4]} == {"propagate"}
    assert result.applied is not None
    result.applied.apply(service)
    assert service.segment(ids[4]).corrected is None and service.segment(ids[4]).status == Status.NEW
    assert service.segment(ids[2]).corrected == "押して。"
    assert service.segment(ids[0]).status == Status.APPROVED


def test_confirmed_twins_are_never_overwritten(service: ProjectService) -> None:
    set_propagation_mode(service, PropagationMode.AUTO)
    ids = service.segment_ids()
    _confirm(service, ids[4], "押す。")
    seg = _confirm(service, ids[0], "赤いボタンを押下する。")
    result = after_confirm(service, seg)
    assert [t.ordinal for t in result.twins] == [3]
    assert service.segment(ids[4]).corrected == "押す。"


def test_off_does_nothing(service: ProjectService) -> None:
    set_propagation_mode(service, PropagationMode.OFF)
    ids = service.segment_ids()
    seg = _confirm(service, ids[0], "赤いボタンを押下する。")
    assert after_confirm(service, seg).twins == []
    assert twins_of(service, seg)  # the repetitions are still there to ask for


def test_fix_all_turns_a_finding_with_a_suggestion_into_a_replace(service: ProjectService) -> None:
    ids = service.segment_ids()
    mt = service.segment(ids[0]).mt
    (ann,) = service._store.add_annotations(
        [
            AnnotationDraft(
                ids[0],
                "Terminology/Inconsistent use of terminology",
                Severity.MINOR,
                start=mt.index("ボタン"),
                end=mt.index("ボタン") + 3,
                suggestion="釦",
                origin="name-consistency",
                state=AnnotationState.PROPOSED,
            )
        ],
        "qa",
    )
    spec, replacement = fix_all_spec(ann, service.segment(ids[0]))
    preview = preview_replace(service, spec, replacement)
    assert [i.ordinal for i in preview.items] == [1, 3, 4, 5]
    assert all("釦" in i.after and "ボタン" not in i.after for i in preview.items)
    (bare,) = service._store.add_annotations(
        [AnnotationDraft(ids[1], "Style/Awkward", Severity.MINOR)], "rin"
    )
    with pytest.raises(InputError):
        fix_all_spec(bare, service.segment(ids[1]))
