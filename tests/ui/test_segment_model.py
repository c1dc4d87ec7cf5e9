from mtreview.domain.model import Status
from mtreview.services.saving import SegmentChange
from mtreview.ui.segment_model import COL_CORRECTED, COL_MT, COL_SOURCE, COL_STATUS, SegmentTableModel


def test_model_passes_qt_model_tester(qtmodeltester, project):
    model = SegmentTableModel(project)
    model.set_ids(project.segment_ids())
    qtmodeltester.check(model, force_py=True)


def test_rows_show_source_mt_and_correction(project):
    model = SegmentTableModel(project)
    model.set_ids(project.segment_ids())
    assert model.rowCount() == 3
    assert model.index(1, COL_SOURCE).data() == "The renovation cost $3.2 million."
    assert model.index(1, COL_MT).data() == "改修には320万ドルかかりました。"
    assert model.index(1, COL_CORRECTED).data() == ""


def test_refresh_repaints_only_changed_row(qtbot, project):
    model = SegmentTableModel(project)
    ids = project.segment_ids()
    model.set_ids(ids)
    model.index(0, 0).data()
    seg = project.segment(ids[1])
    project.save(SegmentChange.confirm(seg.id, "修正済み", seg.version)).require_saved()
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh([ids[1]])
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == 1
    assert model.index(1, COL_CORRECTED).data() == "修正済み"
    assert model.index(1, COL_STATUS).data() == "✓"
    assert project.segment(ids[1]).status == Status.APPROVED
