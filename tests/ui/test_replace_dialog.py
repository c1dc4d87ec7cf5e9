"""The Find and Replace dialog on a real QApplication: preview, untick, Replace All, one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from mtreview.domain.model import Status
from mtreview.services.project import ProjectService
from mtreview.services.textsearch import SearchSpec
from mtreview.ui.replace_dialog import ReplaceContext, ReplaceDialog
from mtreview.ui.undo import UndoAdapter

ROWS = [
    ("Mara Quill opened the shop.", "マーラ・クイル社が店を開いた。"),
    ("Mara Quill smiled.", "クイル社は微笑んだ。"),
    ("Nobody came.", "誰も来なかった。"),
    ("Quill closed the shop.", "クイル社が店を閉めた。"),
    ("Quill waved.", "クイル社が手を振った。"),
]


@pytest.fixture
def shop(tmp_path: Path):
    tsv = tmp_path / "shop.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    service = ProjectService.open(tmp_path / "s.mtreview", "rin", create=True)
    service.import_path(tsv)
    yield service
    service.close()


@pytest.fixture
def dialog(qtbot, shop: ProjectService):
    stack = QUndoStack()
    adapter = UndoAdapter(stack, shop, lambda changes: None, lambda exc: None)
    d = ReplaceDialog(shop, adapter.run, ReplaceContext(document_id=shop.documents()[0].id))
    d.stack = stack  # kept alive with the dialog
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _targets(service: ProjectService) -> list[str]:
    return [service.segment(i).target for i in service.segment_ids()]


def test_preview_untick_replace_all_and_undo_in_one_step(
    qtbot, dialog: ReplaceDialog, shop: ProjectService
) -> None:
    before = _targets(shop)
    dialog.find_edit.setFocus()
    dialog.find_edit.insert("クイル社")
    dialog.replace_edit.insert("クイル氏")
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000) as ready:
        qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Return)
    assert ready.args == [4]
    assert "4" in dialog.status.text()
    dialog.view.setFocus()
    dialog.view.selectRow(1)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.model.ticked == [True, False, True, True]
    with qtbot.waitSignal(dialog.applied, timeout=60_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after = _targets(shop)
    assert after[0] == "マーラ・クイル氏が店を開いた。"
    assert after[1] == "クイル社は微笑んだ。"  # unticked
    assert after[3:] == ["クイル氏が店を閉めた。", "クイル氏が手を振った。"]
    assert dialog.stack.count() == 1
    dialog.stack.undo()
    assert _targets(shop) == before
    assert all(shop.segment(i).status == Status.NEW for i in shop.segment_ids())


def test_prefilled_query_and_bad_pattern_message(qtbot, dialog: ReplaceDialog, shop: ProjectService) -> None:
    dialog.set_query(SearchSpec("(クイル", regex=True), "x")
    with qtbot.waitSignal(dialog.failed, timeout=60_000) as failed:
        dialog.run_preview()
    assert "regular expression" in failed.args[0]
    assert not dialog.apply_button.isEnabled()
    dialog.set_query(SearchSpec("クイル", whole_word=True), "キル")
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000) as ready:
        dialog.run_preview()
    assert ready.args == [4]


def test_warnings_are_shown(qtbot, dialog: ReplaceDialog) -> None:
    dialog.set_query(SearchSpec("誰も来なかった。"), "")
    with qtbot.waitSignal(dialog.previewReady, timeout=60_000):
        dialog.run_preview()
    index = dialog.model.index(0, 3)
    assert "empty" in dialog.model.data(index)
    assert "warning" in dialog.status.text()
