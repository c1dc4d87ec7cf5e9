"""Flagging spans by keyboard, undo/redo, triage of proposals, non-BMP offsets, live scores."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from mtreview.domain.model import AnnotationDraft, AnnotationState, Changes, Severity, Side
from mtreview.ui.annotations import FlagDialog


def _select_by_keyboard(view, start_utf16: int, length_utf16: int, qtbot):
    view.setFocus()
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    view.setTextCursor(cursor)
    for _ in range(start_utf16):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    for _ in range(length_utf16):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def _accept_flag_dialog(monkeypatch, category: str, severity_key: Qt.Key):
    """Drive the real dialog by keys: type the category search, pick the severity with one key, Enter."""
    seen = {}

    def exec_(dialog):
        dialog.search.setText(category)
        dialog.list.setFocus()
        from PySide6.QtTest import QTest

        QTest.keyClick(dialog.list, severity_key)
        seen["choice"] = dialog.choice()
        return FlagDialog.DialogCode.Accepted

    monkeypatch.setattr(FlagDialog, "exec", exec_)
    return seen


def test_flag_span_with_keyboard_then_undo_redo(qtbot, window, project, monkeypatch):
    window.grid.select_row(2)  # 館長のアナ・ソルベルグ社は喜んでいます😀。
    seg = window.review.current
    start = seg.mt.index("アナ・ソルベルグ社")
    seen = _accept_flag_dialog(monkeypatch, "Name format", Qt.Key.Key_J)
    _select_by_keyboard(window.editor.mt, start, len("アナ・ソルベルグ社"), qtbot)
    qtbot.keyClick(window.editor.mt, Qt.Key.Key_F)
    assert seen["choice"].severity == Severity.MAJOR
    (ann,) = project.annotations(segment_ids=[seg.id])
    assert (ann.start, ann.end) == (start, start + len("アナ・ソルベルグ社"))
    assert seg.mt[ann.start : ann.end] == "アナ・ソルベルグ社"
    assert ann.category == "Locale convention/Name format"
    assert ann.state == AnnotationState.CONFIRMED
    assert window.panels.live.segment(seg.id).mqm == 5.0
    assert "5" in window.progress_label.text()
    window.undo_stack.undo()
    assert project.annotations(segment_ids=[seg.id]) == []
    assert window.panels.live.segment(seg.id).mqm == 0.0
    window.undo_stack.redo()
    (again,) = project.annotations(segment_ids=[seg.id])
    assert (again.start, again.end, again.severity) == (ann.start, ann.end, Severity.MAJOR)
    assert window.panels.live.segment(seg.id).mqm == 5.0


def test_offsets_with_non_bmp_characters(qtbot, window, project, monkeypatch):
    window.grid.select_row(2)
    seg = window.review.current
    emoji = seg.mt.index("😀")
    _accept_flag_dialog(monkeypatch, "Punctuation", Qt.Key.Key_M)
    # the emoji is two UTF-16 units: select it and the following "。" with three Shift+Right presses
    utf16_start = emoji + sum(1 for ch in seg.mt[:emoji] if ord(ch) > 0xFFFF)
    _select_by_keyboard(window.editor.mt, utf16_start, 3, qtbot)
    window.flagging.flag_selection()
    (ann,) = project.annotations(segment_ids=[seg.id])
    assert seg.mt[ann.start : ann.end] == "😀。"
    assert window.panels.live.segment(seg.id).mqm == 0.1  # minor punctuation


def test_source_side_flag_for_omission(qtbot, window, project, monkeypatch):
    window.grid.select_row(2)
    seg = window.review.current
    word = seg.source.index("𠮷")
    _accept_flag_dialog(monkeypatch, "Omission", Qt.Key.Key_M)
    window.editor.source.select_span(word, word + 1)
    window.editor.source.setFocus()
    window.flagging.flag_selection()
    (ann,) = project.annotations(segment_ids=[seg.id])
    assert ann.side == Side.SOURCE and seg.source[ann.start : ann.end] == "𠮷"


def test_proposals_are_triaged_with_one_key(qtbot, window, project):
    window.grid.select_row(1)
    seg = window.review.current
    drafts = [
        AnnotationDraft(
            seg.id,
            "Accuracy/Mistranslation",
            Severity.MAJOR,
            start=3,
            end=9,
            origin="numbers",
            state=AnnotationState.PROPOSED,
        ),
        AnnotationDraft(
            seg.id,
            "Fluency/Grammar",
            Severity.MINOR,
            start=0,
            end=2,
            origin="register-mix",
            state=AnnotationState.PROPOSED,
        ),
    ]
    project._store.add_annotations(drafts, "qa")
    window.hub.announce(Changes(segments=frozenset({seg.id})))
    assert window.panels.live.segment(seg.id).mqm == 0.0  # proposals do not count
    window.flagging.focus_annotations()
    tree = window.annotation_panel.tree
    first = window.annotation_panel.current()
    assert first.state == AnnotationState.PROPOSED
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    second = window.annotation_panel.current()
    assert second is not None and second.id != first.id
    qtbot.keyClick(tree, Qt.Key.Key_Backspace)
    states = {a.id: a.state for a in project.annotations(segment_ids=[seg.id])}
    assert states[first.id] == AnnotationState.CONFIRMED
    assert states[second.id] == AnnotationState.DISMISSED
    confirmed = next(a for a in project.annotations(segment_ids=[seg.id]) if a.id == first.id)
    assert window.panels.live.segment(seg.id).mqm == (5.0 if confirmed.severity == Severity.MAJOR else 1.0)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert {a.state for a in project.annotations(segment_ids=[seg.id])} == {AnnotationState.PROPOSED}
    assert window.panels.live.segment(seg.id).mqm == 0.0


def test_document_scope_lists_every_annotation_and_click_selects_span(qtbot, window, project):
    ids = project.segment_ids()
    s0 = project.segment(ids[0])
    project._store.add_annotations(
        [AnnotationDraft(s0.id, "Style/Awkward", Severity.MINOR, start=0, end=3)], "a"
    )
    window.grid.select_row(2)
    window.annotation_panel.scope.setCurrentIndex(1)
    assert window.annotation_panel.tree.topLevelItemCount() == 1
    window.annotation_panel.tree.setCurrentItem(window.annotation_panel.tree.topLevelItem(0))
    assert window.review.current.id == s0.id
    assert window.editor.mt.textCursor().selectedText() == s0.mt[0:3]


def _flag_dialog(qtbot):
    from mtreview.scoring.typology import load

    dialog = FlagDialog(load("google-mqm"), "ドル", Side.TARGET, severity=Severity.MINOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search.setFocus()
    return dialog


def test_a_number_then_a_severity_letter_in_the_search_field_then_enter_flags(qtbot):
    """The documented keys work without Tab: "11", "c", Enter flags Mistranslation as critical."""
    dialog = _flag_dialog(qtbot)
    qtbot.keyClicks(dialog.search, "11")
    qtbot.keyClick(dialog.search, Qt.Key.Key_C)
    assert dialog.search.text() == "11"  # the letter picked the severity, it was not typed
    assert dialog.severity() == Severity.CRITICAL
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    choice = dialog.choice()
    assert choice is not None
    assert (choice.category, choice.severity) == ("Accuracy/Mistranslation", Severity.CRITICAL)


def test_letters_still_search_by_name(qtbot):
    dialog = _flag_dialog(qtbot)
    qtbot.keyClicks(dialog.search, "name")
    assert dialog.search.text() == "name" and dialog.severity() == Severity.MINOR
    assert dialog.current_category() == "Locale convention/Name format"
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "51")
    qtbot.keyClick(dialog.search, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)  # "J" as documented
    assert (
        dialog.severity() == Severity.MAJOR and dialog.current_category() == "Locale convention/Name format"
    )
