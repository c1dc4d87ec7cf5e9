"""The Alignment view: single keys edit the links, undo restores them, the grid follows."""

from PySide6.QtCore import Qt

from mtreview.services.project import ProjectService


def _window(qtbot, tmp_path):
    from mtreview.services.prefs import Preferences
    from mtreview.ui.main_window import MainWindow

    src = tmp_path / "en.txt"
    tgt = tmp_path / "ja.txt"
    src.write_text(
        "The bridge was finished in 1932 after six years of work.\n"
        "It carries 160,000 vehicles a day across the harbour.\n"
        "Tolls were abolished in 1990.\n",
        encoding="utf-8",
    )
    tgt.write_text(
        "橋は6年の工事を経て1932年に完成した。\n"
        "港を渡る車は1日16万台にのぼる。\n"
        "通行料は1990年に廃止された。\n",
        encoding="utf-8",
    )
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    svc.import_path(src, tgt)
    w = MainWindow(svc, Preferences(reviewer="me"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w, svc


def test_merge_by_key_then_undo(qtbot, tmp_path):
    w, svc = _window(qtbot, tmp_path)
    w.views.setCurrentWidget(w.alignment_view)
    view = w.alignment_view
    assert view.model.rowCount() == 3
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_M)
    assert view.model.rowCount() == 2
    assert svc.segment_count() == 2
    assert w.model.rowCount() == 2  # the Review grid follows
    w.undo_stack.undo()
    assert view.model.rowCount() == 3
    assert [s.source_lines for s in svc.iter_segments()] == [(1,), (2,), (3,)]
    w.undo_stack.redo()
    assert svc.segment_count() == 2
    svc.close()


def test_detach_then_realign_by_key(qtbot, tmp_path):
    w, svc = _window(qtbot, tmp_path)
    w.views.setCurrentWidget(w.alignment_view)
    view = w.alignment_view
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_X)
    kinds = [(lk.source_lines, lk.target_lines) for lk in view.model.lines.links]
    assert ((2,), ()) in kinds and ((), (2,)) in kinds
    assert svc.segment(svc.segment_ids()[1]).mt == ""
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    assert [(lk.source_lines, lk.target_lines) for lk in view.model.lines.links] == [
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (3,)),
    ]
    svc.close()
