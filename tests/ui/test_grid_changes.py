"""The grid's optional MT → correction column (issue 16, "seeing the edit … as a grid column option"), in the
real window on a real project file: View ▸ Tracked Changes Column turns it on and off, a corrected row shows
the deleted text struck through on red and the inserted text underlined on green, the choice survives
reopening, and the diff is computed only for the rows on screen, once per segment revision."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from mtreview.domain.model import Status
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.ui.grid_changes import STYLES
from mtreview.ui.segment_model import COL_CHANGES, COL_CORRECTED

CTRL = Qt.KeyboardModifier.ControlModifier

ROWS = [
    ("The lighthouse keeper Ida Brenn rang the bell.", "灯台守のイダ・ブレン社が鐘を鳴らした。"),
    ("Brenn climbed the stairs twice a night.", "ブレン社は一晩に二度階段を上った。"),
    ("The fog came in from the west.", "霧が西から入ってきた。"),
]


@pytest.fixture
def keeper(tmp_path: Path):
    tsv = tmp_path / "keeper.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    service = ProjectService.open(tmp_path / "keeper.mtreview", "rin", create=True)
    service.import_path(tsv)
    yield service
    service.close()


def _window(qtbot, service: ProjectService, prefs: Preferences):  # type: ignore[no-untyped-def]
    from mtreview.ui.main_window import MainWindow

    w = MainWindow(service, prefs)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=10_000)
    return w


def _confirm(qtbot, w, text: str) -> None:  # type: ignore[no-untyped-def]
    box = w.editor.correction
    box.setFocus()
    box.selectAll()
    box.insertPlainText(text)
    qtbot.keyClick(box, Qt.Key.Key_Return, CTRL)


def _tinted(image: QImage, colour) -> int:  # type: ignore[no-untyped-def]
    """Pixels of ``image`` in ``colour`` (give or take a little anti-aliasing)."""
    n = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue())
                < 12
            ):
                n += 1
    return n


def _cell_image(w, row: int, col: int) -> QImage:  # type: ignore[no-untyped-def]
    table = w.grid.table
    table.scrollTo(w.model.index(row, col))
    rect = table.visualRect(w.model.index(row, col))
    assert rect.isValid() and rect.width() > 20, rect
    return table.viewport().grab(rect).toImage()


def test_view_menu_turns_the_column_on_and_off_and_a_corrected_row_shows_struck_and_inserted_text(
    qtbot, keeper: ProjectService
) -> None:
    prefs = Preferences(reviewer="rin")
    w = _window(qtbot, keeper, prefs)
    try:
        table = w.grid.table
        action = w.registry.action("view.grid_changes")
        assert action in w.view_menu.actions() and action in table.horizontalHeader().actions()
        assert table.isColumnHidden(COL_CHANGES)  # off until asked for
        w.grid.select_row(0)
        _confirm(qtbot, w, "灯台守のイダ・ブレン氏が鐘を鳴らした。")  # 社 -> 氏
        assert keeper.segment(keeper.segment_ids()[0]).status == Status.APPROVED

        action.trigger()  # View ▸ Tracked Changes Column
        assert action.isChecked() and not table.isColumnHidden(COL_CHANGES)
        header = table.horizontalHeader()
        assert header.visualIndex(COL_CHANGES) == header.visualIndex(COL_CORRECTED) + 1
        index = w.model.index(0, COL_CHANGES)
        assert index.data() == "灯台守のイダ・ブレン社氏が鐘を鳴らした。"  # MT with 社 out and 氏 in
        assert (
            index.data(Qt.ItemDataRole.AccessibleTextRole)
            == "灯台守のイダ・ブレン[-社-]{+氏+}が鐘を鳴らした。"
        )
        deleted_bg, inserted_bg = STYLES["delete"][0], STYLES["insert"][0]
        corrected = _cell_image(w, 0, COL_CHANGES)
        assert _tinted(corrected, deleted_bg) > 20 and _tinted(corrected, inserted_bg) > 20
        untouched = _cell_image(w, 1, COL_CHANGES)  # no correction: nothing marked
        assert _tinted(untouched, deleted_bg) == 0 and _tinted(untouched, inserted_bg) == 0
        assert w.model.index(1, COL_CHANGES).data() == ""

        action.trigger()  # and off again
        assert not action.isChecked() and table.isColumnHidden(COL_CHANGES)
        assert prefs.grid_tracked_changes is False
    finally:
        w.close()


def test_the_choice_survives_reopening(qtbot, keeper: ProjectService) -> None:
    location = keeper.location
    w = _window(qtbot, keeper, Preferences(reviewer="rin"))
    w.registry.action("view.grid_changes").trigger()
    assert not w.grid.table.isColumnHidden(COL_CHANGES)
    w.close()  # saves the preferences (and closes the project)
    again = ProjectService.open(location, "rin")
    try:
        w2 = _window(qtbot, again, Preferences.load())
        try:
            assert not w2.grid.table.isColumnHidden(COL_CHANGES)
            assert w2.registry.action("view.grid_changes").isChecked()
        finally:
            w2.close()
    finally:
        again.close()


def test_diffs_are_computed_for_the_rows_on_screen_once_per_revision(qtbot, tmp_path: Path) -> None:
    n = 1500
    tsv = tmp_path / "log.tsv"
    tsv.write_text(
        "".join(
            f"Entry {i}: Brenn lit the lamp.\tエントリ{i}：ブレン社がランプを灯した。\n" for i in range(n)
        ),
        encoding="utf-8",
    )
    service = ProjectService.open(tmp_path / "log.mtreview", "rin", create=True)
    service.import_path(tsv)
    ids = service.segment_ids()
    saved = service.save_all(
        [
            SegmentChange(s.id, s.version, s.mt.replace("社", "氏"), Status.CORRECTED)
            for s in service.segments(ids)
        ]
    )
    assert not hasattr(saved, "theirs")
    w = _window(qtbot, service, Preferences(reviewer="rin"))
    try:
        model, table = w.model, w.grid.table
        assert model.diffs_computed == 0  # hidden: nothing computed
        w.registry.action("view.grid_changes").trigger()
        table.viewport().grab()  # paint what is on screen
        on_screen = model.diffs_computed
        assert 0 < on_screen < 200, on_screen  # the rows shown (and sized), not 1500
        table.viewport().grab()
        assert model.diffs_computed == on_screen  # painted again: from the cache
        table.scrollToBottom()
        table.viewport().grab()
        assert on_screen < model.diffs_computed < 400
        # a new revision of one row: that row's diff again, and only it
        before = model.diffs_computed
        last = service.segment(ids[-1])
        w.grid.select_segment(last.id)
        _confirm(qtbot, w, last.mt.replace("社", "さん"))  # (moves on to the next unconfirmed row)
        table.viewport().grab()
        shown = model.index(n - 1, COL_CHANGES).data(Qt.ItemDataRole.AccessibleTextRole)
        assert shown.count("[-社-]{+さん+}") == 1
        assert model.diffs_computed == before + 1
    finally:
        w.close()
        service.close()


def test_another_project_shows_its_own_changes(qtbot, keeper: ProjectService, tmp_path: Path) -> None:
    """Segment ids and versions repeat across projects: switching projects must not show the old diffs."""
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    tsv = other_dir / "harbour.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    other = ProjectService.open(other_dir / "harbour.mtreview", "rin", create=True)
    other.import_path(tsv)
    for service, text in (
        (keeper, "灯台守のイダ・ブレン氏が鐘を鳴らした。"),
        (other, "灯台守のイダ・ブレンが鐘を鳴らした。"),
    ):
        first = service.segment(service.segment_ids()[0])
        service.save_all([SegmentChange(first.id, first.version, text, Status.CORRECTED)])
    w = _window(qtbot, keeper, Preferences(reviewer="rin", grid_tracked_changes=True))
    try:
        access = Qt.ItemDataRole.AccessibleTextRole
        assert (
            w.model.index(0, COL_CHANGES).data(access) == "灯台守のイダ・ブレン[-社-]{+氏+}が鐘を鳴らした。"
        )
        w.use_service(other)
        assert w.model.index(0, COL_CHANGES).data(access) == "灯台守のイダ・ブレン[-社-]が鐘を鳴らした。"
    finally:
        w.close()
