"""Export the xlsx review sheet, edit it as a reviewer would in a spreadsheet, apply it back."""

import pytest
from openpyxl import load_workbook

from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationDraft, Severity, Status
from mtreview.services.export import export_project
from mtreview.services.project import ProjectService
from mtreview.services.review_sheet import apply_review_sheet
from mtreview.services.saving import SegmentChange


def _project(tmp_path):
    src = tmp_path / "d.tsv"
    src.write_text(
        "One cat.\t猫が一匹。\nTwo dogs.\t犬が二匹。\nThree birds.\t鳥が三羽。\n", encoding="utf-8"
    )
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    svc.import_path(src)
    ids = svc.segment_ids()
    svc._store.add_annotations(
        [AnnotationDraft(ids[1], "Style/Awkward", Severity.MINOR, start=0, end=1)], "me"
    )
    return svc, ids


def _edit(path, edits):
    wb = load_workbook(path)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    for row, column, value in edits:
        ws.cell(row=row, column=header.index(column) + 1, value=value)
    wb.save(path)


def test_edited_sheet_applies_corrections_and_annotations(tmp_path):
    svc, ids = _project(tmp_path)
    sheet = tmp_path / "review.xlsx"
    export_project(svc._store, "xlsx", sheet)
    wb = load_workbook(sheet)
    header = [c.value for c in wb["Review"][1]]
    old_line = wb["Review"].cell(row=3, column=header.index("Annotations") + 1).value
    assert old_line.startswith("[#")
    _edit(
        sheet,
        [
            (2, "Corrected", "猫が1匹。"),
            (2, "Status", "approved"),
            (2, "Annotations", "major | Accuracy/Mistranslation | target 2-4 «一匹» | number style"),
            (3, "Annotations", old_line.replace("minor", "major")),
            (4, "Status", "rejected"),
        ],
    )
    result = apply_review_sheet(svc, sheet)
    first, second, third = (svc.segment(i) for i in ids)
    assert first.corrected == "猫が1匹。" and first.status == Status.APPROVED
    assert third.status == Status.REJECTED and third.corrected is None
    (added,) = svc.annotations(segment_ids=[first.id])
    assert (added.start, added.end, added.severity) == (2, 4, Severity.MAJOR)
    (changed,) = svc.annotations(segment_ids=[second.id])
    assert changed.severity == Severity.MAJOR
    assert (result.segments_changed, result.annotations_added, result.annotations_changed) == (2, 1, 1)
    assert [r.author for r in svc.revisions(first.id)] == ["me", "me"]
    svc.close()


def test_a_bad_row_applies_nothing(tmp_path):
    svc, ids = _project(tmp_path)
    sheet = tmp_path / "review.xlsx"
    export_project(svc._store, "xlsx", sheet)
    _edit(sheet, [(2, "Corrected", "変更"), (3, "Annotations", "major | Accuracy/Omission | target 0-99")])
    with pytest.raises(InputError) as info:
        apply_review_sheet(svc, sheet)
    assert "review.xlsx:3" in str(info.value)
    assert svc.segment(ids[0]).corrected is None
    svc.close()


def test_a_sheet_older_than_the_project_is_refused_whole(tmp_path):
    svc, ids = _project(tmp_path)
    sheet = tmp_path / "review.xlsx"
    export_project(svc._store, "xlsx", sheet)
    seg = svc.segment(ids[2])
    svc.save(
        SegmentChange.confirm(seg.id, "同僚の承認済み訳", seg.version)
    ).require_saved()  # a colleague, after the export
    _edit(sheet, [(2, "Corrected", "シートの訳")])
    with pytest.raises(InputError) as info:
        apply_review_sheet(svc, sheet)
    assert "#3" in str(info.value)
    assert svc.segment(ids[0]).corrected is None
    assert svc.segment(ids[2]).corrected == "同僚の承認済み訳"
    svc.close()


def test_a_sheet_without_annotations_leaves_them_alone(tmp_path):
    from mtreview.services.export import ExportFilters

    svc, ids = _project(tmp_path)
    sheet = tmp_path / "review.xlsx"
    export_project(svc._store, "xlsx", sheet, ExportFilters(include_annotations=False))
    _edit(sheet, [(2, "Corrected", "猫が1匹。")])
    apply_review_sheet(svc, sheet)
    assert len(svc.annotations(segment_ids=[ids[1]])) == 1
    assert svc.segment(ids[0]).corrected == "猫が1匹。"
    svc.close()


def test_a_conflict_midway_rolls_back_every_row(tmp_path, monkeypatch):
    from mtreview.domain.errors import ConflictError
    from mtreview.services import review_sheet

    svc, ids = _project(tmp_path)
    sheet = tmp_path / "review.xlsx"
    export_project(svc._store, "xlsx", sheet)
    _edit(sheet, [(2, "Corrected", "一行目"), (3, "Corrected", "二行目")])
    from mtreview.services.saving import Conflict

    real = svc.save
    calls = []

    def flaky(change, *args, **kwargs):
        calls.append(change.segment_id)
        if len(calls) == 2:  # the second row's segment was changed meanwhile: a Conflict comes back
            return Conflict(svc.segment(change.segment_id), change, "simulated: changed meanwhile")
        return real(change, *args, **kwargs)

    monkeypatch.setattr(svc, "save", flaky)
    with pytest.raises(ConflictError):
        review_sheet.apply_review_sheet(svc, sheet)
    assert svc.segment(ids[0]).corrected is None  # the first row was rolled back too
    svc.close()
