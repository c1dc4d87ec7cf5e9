"""The export dialog: each format's default selection, and the count shown before anything is written."""

from __future__ import annotations

from mtreview.domain.model import Status
from mtreview.services.saving import SegmentChange


def test_a_memory_defaults_to_confirmed_units_and_shows_the_count(qtbot, project):
    from mtreview.ui.export_dialog import ExportDialog

    seg = next(iter(project.iter_segments()))
    project.save(SegmentChange.confirm(seg.id, "確認済み", seg.version)).require_saved()
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("po"))
    assert all(box.isChecked() for box in dialog.statuses.values())
    assert dialog.update_preview() == 3 and "3 of 3" in dialog.preview.text()
    dialog.format.setCurrentIndex(dialog.format.findData("tmx"))
    ticked = {s for s, box in dialog.statuses.items() if box.isChecked()}
    assert ticked == {Status.APPROVED, Status.CORRECTED} and dialog.arrived.isChecked()
    assert dialog.update_preview() == 1 and "1 of 3" in dialog.preview.text()
    dialog.statuses[Status.NEW].setChecked(True)  # the tick boxes include the rest
    assert dialog.update_preview() == 3


def test_the_count_follows_the_tick_boxes_by_itself(qtbot, project):
    """The count shown is the one the export will write: it follows each tick without the user asking."""
    from mtreview.ui.export_dialog import ExportDialog

    seg = next(iter(project.iter_segments()))
    project.save(SegmentChange.confirm(seg.id, "確認済み", seg.version)).require_saved()
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog._timer.timeout, timeout=30000):
        dialog.format.setCurrentIndex(dialog.format.findData("tmx"))
    assert "1 of 3" in dialog.preview.text()
    with qtbot.waitSignal(dialog._timer.timeout, timeout=30000):
        dialog.statuses[Status.NEW].setChecked(True)
    assert "3 of 3" in dialog.preview.text()
    with qtbot.waitSignal(dialog._timer.timeout, timeout=30000):
        dialog.statuses[project.segment(seg.id).status].setChecked(False)  # the confirmed one's status
    assert "2 of 3" in dialog.preview.text()
