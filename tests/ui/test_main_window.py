from PySide6.QtCore import Qt

from mtreview.domain.model import Status
from mtreview.ui.segment_model import COL_CORRECTED


def test_ctrl_enter_confirms_durably_and_moves_to_next_unconfirmed(qtbot, window, project):
    window.grid.select_row(0)
    first = window.review.current
    window.editor.correction.setFocus()
    window.editor.correction.selectAll()
    # QTest can only type ASCII keys; Japanese arrives through the input method as committed text.
    window.editor.correction.insertPlainText("図書館が土曜日に再開した")
    qtbot.keyClicks(window.editor.correction, ".")
    qtbot.keyClick(window.editor.correction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = project.segment(first.id)
    assert stored.corrected == "図書館が土曜日に再開した."
    assert stored.status == Status.APPROVED
    assert window.review.current.id != first.id
    assert window.review.current.status != Status.APPROVED
    assert window.model.index(0, COL_CORRECTED).data() == "図書館が土曜日に再開した."
    assert "1/3" in window.progress_label.text()


def test_undo_and_redo_a_confirmed_edit(qtbot, window, project):
    window.grid.select_row(1)
    seg = window.review.current
    window.editor.correction.setPlainText("訂正")
    window.review.confirm_and_next()
    assert project.segment(seg.id).corrected == "訂正"
    window.registry.action("edit.undo").trigger()
    restored = project.segment(seg.id)
    assert restored.corrected is None and restored.status == Status.NEW
    window.registry.action("edit.redo").trigger()
    again = project.segment(seg.id)
    assert again.corrected == "訂正" and again.status == Status.APPROVED
    actions = [r.action for r in project.revisions(seg.id)]
    assert actions == ["confirm", "undo", "undo"] or len(actions) == 3


def test_leaving_a_segment_saves_the_edit_without_confirming(qtbot, window, project):
    window.grid.select_row(0)
    seg = window.review.current
    window.editor.correction.setPlainText("途中の訂正")
    window.grid.select_row(2)
    stored = project.segment(seg.id)
    assert stored.corrected == "途中の訂正"
    assert stored.status == Status.CORRECTED


def test_filters_by_status_and_search(qtbot, window, project):
    window.grid.select_row(0)
    window.editor.correction.setPlainText("済み")
    window.review.confirm_and_next()
    window.grid.status_filter.setCurrentIndex(window.grid.status_filter.findText("approved"))
    assert window.model.rowCount() == 1
    window.grid.status_filter.setCurrentIndex(0)
    window.grid.search.setText("million")
    window.grid.apply_filter()
    assert window.model.rowCount() == 1
    window.grid.regex.setChecked(True)
    window.grid.search.setText(r"\$\d")
    window.grid.apply_filter()
    assert window.model.rowCount() == 1
    window.grid.search.setText("([unbalanced")
    window.grid.apply_filter()
    assert window.grid.search.toolTip()  # the error is shown, the grid is kept
    assert window.model.rowCount() == 1


def test_import_runs_off_the_gui_thread_and_adds_a_document(qtbot, window, tmp_path):
    extra = tmp_path / "more.csv"
    extra.write_text("source,target\nHello.,こんにちは。\n", encoding="utf-8")
    before = window.service.segment_count()
    window.operations.import_files(str(extra))
    qtbot.waitUntil(lambda: window.service.segment_count() == before + 1, timeout=60000)
    qtbot.waitUntil(lambda: window.grid.document_filter.count() == 3, timeout=60000)


def test_bad_import_shows_an_error_and_leaves_the_project_unchanged(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args, **kw: shown.append(args[2]))
    bad = tmp_path / "broken.tsv"
    bad.write_text("source\ttarget\nonly one column\n", encoding="utf-8")
    before = window.service.segment_count()
    window.operations.import_files(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert "broken.tsv" in shown[0] and ":2" in shown[0]
    assert window.service.segment_count() == before


def test_draft_of_unconfirmed_text_is_offered_back(qtbot, window, project):
    window.grid.select_row(1)
    seg = window.review.current
    window.editor.set_draft_interval(10)
    window.editor.correction.setPlainText("下書き")
    qtbot.waitUntil(lambda: seg.id in project._store.drafts("tester"), timeout=60000)
    window.review.session.current = None  # as after a crash: the edit was never saved
    window.editor.segment = None
    window.review.open_segment(project.segment(seg.id))
    assert window.editor.text() == "下書き"


def test_shortcuts_are_listed_for_f1(window):
    names = dict(window.registry.help_rows())
    assert "Confirm and Next" in names
    assert names["Confirm and Next"]


def test_export_dialog_previews_and_exports(qtbot, window, project, tmp_path, monkeypatch):
    from mtreview.ui.export_dialog import ExportDialog

    seg = window.review.current
    window.editor.correction.setPlainText("済")
    window.review.confirm_and_next()
    dialog = ExportDialog(project, window)
    qtbot.addWidget(dialog)
    assert "3 of 3" in dialog.preview.text()
    for status, box in dialog.statuses.items():
        box.setChecked(status.value == "approved")
    assert dialog.update_preview() == 1
    assert "1 of 3" in dialog.preview.text()
    dialog.format.setCurrentIndex(dialog.format.findData("tmx"))
    out = tmp_path / "out.tmx"
    dialog.path.setText(str(out))

    def exec_(shown):
        for status, box in shown.statuses.items():
            box.setChecked(status.value == "approved")
        shown.format.setCurrentIndex(shown.format.findData("tmx"))
        shown.path.setText(str(out))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    window.operations.export_dialog()
    qtbot.waitUntil(out.exists, timeout=60000)
    text = out.read_text(encoding="utf-8")
    assert "済" in text and text.count("<tu ") == 1
    assert seg is not None


def test_checks_on_the_correction_update_after_each_save(qtbot, window, project):
    window.grid.select_row(1)  # The renovation cost $3.2 million. / 改修には320万ドルかかりました。
    seg = window.review.current
    window.editor.correction.setPlainText("改修には420万ドルかかりました。")
    window.review.save_current()
    assert "Numbers, currencies and units" in window.editor.correction_findings.text()  # the check by name
    window.editor.correction.setPlainText("改修には320万ドルかかりました。")
    window.review.save_current()
    assert "numbers" not in window.editor.correction_findings.text()
    assert project.segment(seg.id).corrected == "改修には320万ドルかかりました。"


def test_visiting_a_segment_never_changes_it(qtbot, window, project, tmp_path):
    """No-break spaces and line separators survive the editor: merely moving through is no edit."""
    from mtreview.services.project import ProjectService

    src = tmp_path / "nbsp.tsv"
    src.write_text("It is 10 km away.\t10\u00a0km先です。\u2028次の行\n", encoding="utf-8")
    window.hub.announce(window.service.import_path(src).changes)
    sid = project.segment_ids()[-1]
    window.grid.select_segment(sid)
    before = project.segment(sid)
    window.grid.move_by(-1)
    window.grid.select_segment(sid)
    window.grid.move_by(1)
    after = project.segment(sid)
    assert after.version == before.version and after.corrected is None
    del ProjectService


def test_unsaved_typing_is_saved_before_undo_and_ctrl_z_reaches_the_project(qtbot, window, project):
    window.grid.select_row(0)
    first = window.review.current
    window.editor.correction.setPlainText("一つ目")
    window.review.confirm_and_next()
    second = window.review.current
    window.editor.correction.setPlainText("二つ目（未保存）")
    window.registry.action(
        "edit.undo"
    ).trigger()  # saves the typing first, then undoes the last change (that save)
    assert project.segment(second.id).corrected is None
    assert project.segment(first.id).corrected == "一つ目"
    window.grid.select_segment(first.id)
    window.editor.correction.setFocus()
    qtbot.keyClick(window.editor.correction, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.segment(first.id).corrected is None


def test_a_draft_over_an_older_version_does_not_overwrite_a_newer_one(qtbot, window, project, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    sid = project.segment_ids()[1]
    seg = project.segment(sid)
    project._store.save_draft(sid, "tester", "古い下書き", seg.version)
    project._store.update_segment(
        sid, seg.version, "bob", corrected="ボブの承認済み訳", status=Status.APPROVED
    )
    shown = []

    def exec_(box):
        shown.append(box.informativeText())
        theirs = next(b for b in box.buttons() if "theirs" in b.text())
        box.clickedButton = lambda: theirs
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.grid.select_segment(sid)
    assert window.editor.text() == "古い下書き"
    window.grid.select_row(0)
    assert shown and "ボブの承認済み訳" in shown[0]
    assert project.segment(sid).corrected == "ボブの承認済み訳"
