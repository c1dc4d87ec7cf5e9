"""What a first-time user trips over (issue 17), asserted as a user would notice it: the window fits the
screen, grid cells show whole lines, the search is visible and clears with Escape, undo says what it undid,
statuses have colours, a flag on a proposed span decides the proposal, a correction offers to resolve what
it fixed, F1 lists every key, the project says where it is, and an unreviewed document is not a PASS."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity, Side, Status
from mtreview.services.prefs import Preferences
from mtreview.ui.segment_model import COL_CORRECTED, COL_MT, COL_SOURCE, COL_STATUS
from mtreview.ui.text_delegate import ELLIPSIS, SearchSpansRole, WrappedTextDelegate


def _fits(window) -> bool:
    available = window.screen().availableGeometry()
    return available.contains(window.frameGeometry())


def test_the_window_fits_the_screen_and_a_saved_oversized_geometry_is_not_restored(qtbot, project):
    from mtreview.ui.main_window import MainWindow, fitting_size

    window = MainWindow(project, Preferences(reviewer="t"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: _fits(window), timeout=5000)
    # A geometry saved on a bigger screen (3000 px wide) is not restored on this one.
    big = MainWindow(project, Preferences(reviewer="t"))
    qtbot.addWidget(big)
    big.setGeometry(QRect(0, 0, 3000, 2000))
    saved = bytes(big.saveGeometry().toHex().data()).decode()
    again = MainWindow(project, Preferences(reviewer="t", window_geometry=saved))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: _fits(again), timeout=5000)
    # The size rule itself, on common screens (minus panels): a laptop and a full-HD screen at scale 2.
    from PySide6.QtCore import QSize

    for screen in (QSize(1366, 738), QSize(960, 510)):
        size = fitting_size(screen, QSize(400, 300))
        assert size.width() <= screen.width() and size.height() <= screen.height()


def test_grid_cells_show_whole_lines_and_an_ellipsis_at_every_width(qtbot, window, project):
    long_mt = "港町の図書館は三年間の閉鎖を経て土曜日に再び扉を開き、" * 20  # more than 8 lines anywhere
    doc = project.documents()[0]
    from mtreview.domain.model import ImportedDocument, SegmentDraft

    result = project.import_document(
        ImportedDocument("long", [SegmentDraft("A long paragraph. " * 12, long_mt)])
    )
    window.hub.announce(result.changes)
    window.grid.show_document(project.documents()[-1].id)
    assert doc.id != project.documents()[-1].id
    table = window.grid.table
    for width in (700, 1000, 1400):
        window.resize(width, window.height())
        QApplication.processEvents()
        table._size_visible_rows()
        for col in (COL_SOURCE, COL_MT, COL_CORRECTED):
            delegate = table.itemDelegateForColumn(col)
            assert isinstance(delegate, WrappedTextDelegate)
            index = window.model.index(0, col)
            from PySide6.QtWidgets import QStyleOptionViewItem

            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = table.visualRect(index)
            cell = delegate.cell_lines(index, option)
            rect = delegate.text_rect(option)
            assert len(cell.lines) * cell.line_height <= rect.height() + 0.5  # no line cut through
            metrics = QFontMetricsF(option.font)
            assert all(metrics.horizontalAdvance(line) <= rect.width() + 0.5 for line in cell.lines)
            if col == COL_MT:
                assert cell.elided and cell.lines[-1].endswith(ELLIPSIS)  # more text than room: "…"


def test_search_highlights_counts_and_escape_clears(qtbot, window):
    grid = window.grid
    grid.search.setText("土曜日")
    grid.apply_filter()
    assert window.model.rowCount() == 1 and grid.hits.text() == "1 segment"
    spans = window.model.index(0, COL_MT).data(SearchSpansRole)
    text = window.model.index(0, COL_MT).data()
    assert [text[s:e] for s, e in spans] == ["土曜日"]
    assert [text[s:e] for s, e in window.editor.mt._search_spans] == ["土曜日"]  # marked in the editor
    grid.search.setFocus()
    qtbot.keyClick(grid.search, Qt.Key.Key_Escape)
    grid.apply_filter()
    assert grid.search.text() == "" and window.model.rowCount() == 3 and grid.hits.text() == ""
    assert window.model.index(0, COL_MT).data(SearchSpansRole) is None


def test_every_status_has_its_own_colour(window, project):
    ids = project.segment_ids()
    from mtreview.services.saving import SegmentChange

    project.save(SegmentChange(ids[0], None, "図書館が再開した。", Status.CORRECTED))
    project.save(SegmentChange(ids[1], None, status=Status.APPROVED))
    project.save(SegmentChange(ids[2], None, status=Status.REJECTED))
    window.grid.reload()
    colours = {
        window.model.index(r, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole).color().name()
        for r in range(3)
    }
    from mtreview.domain.model import ImportedDocument, SegmentDraft

    window.hub.announce(
        project.import_document(ImportedDocument("new", [SegmentDraft("New.", "新しい。")])).changes
    )
    new_row = window.model.rowCount() - 1
    colours.add(window.model.index(new_row, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole).color().name())
    assert len(colours) == 4


def test_undo_says_what_it_undid_and_shows_that_segment(qtbot, window):
    window.grid.select_row(0)
    window.editor.correction.setPlainText("図書館は土曜日に再び開いた。")
    window.review.confirm_and_next()
    assert window.review.current.ordinal == 2
    window.review.undo_last()
    assert window.statusBar().currentMessage() == "Undone: Confirm segment 1"
    assert window.review.current.ordinal == 1  # the segment that changed is the one shown
    window.review.redo_last()
    assert window.statusBar().currentMessage() == "Redone: Confirm segment 1"


def test_f1_lists_every_documented_key_in_two_columns(qtbot, window):
    dialog = window.shortcuts_dialog()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    keys = {k for _what, k in rows}
    assert dialog.tree.columnCount() == 2
    assert {"F", "N / M / J / C", "Enter", "Backspace", "Del", "E", "Esc", "F1"} <= keys
    assert any(k.startswith("Ctrl+Return") or k.startswith("Ctrl+Enter") for k in keys)
    metrics = dialog.tree.fontMetrics()
    assert all(metrics.horizontalAdvance(k) <= dialog.tree.columnWidth(1) for k in keys)  # aligned, whole


def _proposal(project, segment_id, text, words, origin="name-as-company", window=None):
    """A check's proposal on ``words``, announced to the window as the checks' run announces it."""
    start = text.index(words)
    (ann,), changes = project.add_annotations(
        [
            AnnotationDraft(
                segment_id,
                "Accuracy/Mistranslation",
                Severity.MAJOR,
                Side.TARGET,
                start,
                start + len(words),
                origin=origin,
                state=AnnotationState.PROPOSED,
            )
        ],
        "mtreview-qa",
    )
    if window is not None:
        window.hub.announce(changes)
    return ann


def test_flagging_a_proposed_span_confirms_the_proposal_instead_of_adding_another(window, project):
    seg = project.segment(project.segment_ids()[2])
    proposal = _proposal(project, seg.id, seg.mt, "アナ・ソルベルグ社")
    window.grid.select_row(2)
    window.flagging.add_annotation(
        AnnotationDraft(
            seg.id, "Locale convention/Name format", Severity.MINOR, Side.TARGET, proposal.start, proposal.end
        )
    )
    (only,) = project.annotations(segment_ids=[seg.id])
    assert only.id == proposal.id and only.state is AnnotationState.CONFIRMED
    assert (only.category, only.severity) == ("Locale convention/Name format", Severity.MINOR)
    window.review.undo_last()
    (back,) = project.annotations(segment_ids=[seg.id])
    assert back.state is AnnotationState.PROPOSED and back.category == "Accuracy/Mistranslation"


def test_a_correction_that_fixes_a_proposal_offers_to_confirm_it(qtbot, window, project):
    seg = project.segment(project.segment_ids()[2])
    proposal = _proposal(project, seg.id, seg.mt, "アナ・ソルベルグ社", window=window)
    window.grid.select_row(2)
    window.editor.correction.setPlainText(seg.mt.replace("ソルベルグ社", "ソルベルグ氏"))
    window.review.confirm_and_next()
    assert window.offer_bar.isVisible() and "segment 3" in window.offer_bar.label.text()
    window.offer_bar.accept_button.click()
    assert not window.offer_bar.isVisible()
    assert project.annotation(proposal.id).state is AnnotationState.CONFIRMED
    window.review.undo_last()  # one step undoes the resolution
    assert project.annotation(proposal.id).state is AnnotationState.PROPOSED


def test_a_correction_that_keeps_the_error_offers_nothing(window, project):
    seg = project.segment(project.segment_ids()[2])
    _proposal(project, seg.id, seg.mt, "アナ・ソルベルグ社", window=window)
    window.grid.select_row(2)
    window.review.confirm_and_next()  # confirmed as is
    assert not window.offer_bar.isVisible()


def test_the_project_says_where_it_is(window, project):
    from mtreview.services.labels import project_place

    place = project_place(project.location, project.display_name)
    assert "p.mtreview" in window.windowTitle()
    assert window.location_label.text() == f"Project: {place}" and place.endswith("p.mtreview")


def test_an_unreviewed_document_is_not_a_pass_in_the_status_bar(window):
    window.grid.select_row(0)
    window.panels.update_progress()
    text = window.progress_label.text()
    assert "not reviewed" in text and "PASS" not in text and "quality —" in text


def test_check_names_are_shown_in_the_ui_language(qtbot, window, project):
    from mtreview import i18n

    seg = project.segment(project.segment_ids()[2])
    _proposal(project, seg.id, seg.mt, "アナ・ソルベルグ社", origin="punctuation-width")
    from mtreview.services.labels import check_label

    try:
        i18n.set_language("ja")
        window.panels.refresh_findings()
        top = window.findings_panel.tree.topLevelItem(0).text(0)
        expected = check_label("punctuation-width")
    finally:
        i18n.set_language("en")
    assert top == f"{expected} (1)" and expected not in ("punctuation-width", "Punctuation and width")


def test_importing_while_the_sample_is_open_offers_a_new_project(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from mtreview.services.project import ProjectService
    from mtreview.services.sample import sample_project_path
    from mtreview.ui.main_window import MainWindow

    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MTREVIEW_CONFIG_DIR", str(tmp_path / "config"))
    sample = sample_project_path("t")
    window = MainWindow(ProjectService.open(sample, "t"), Preferences(reviewer="t"))
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Sample project")
    before = [d.segment_count for d in window.service.documents()]
    page = tmp_path / "docs" / "ferry.tsv"
    page.parent.mkdir()
    page.write_text("source\ttarget\nThe ferry leaves at 7.\tフェリーは7時に出発します。\n", encoding="utf-8")
    seen = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.defaultButton().click()  # "New Project" is the default

    QTimer.singleShot(0, answer)
    window.operations.import_files(str(page))
    with qtbot.waitSignal(window.operations.tasks["import"].done, timeout=120_000):
        pass
    assert "sample project is open" in seen["text"]
    assert window.service.location == str(tmp_path / "docs" / "ferry.mtreview")
    assert [d.name for d in window.service.documents()] == ["ferry"]
    assert "ferry.mtreview" in window.windowTitle() and window.location_label.text().endswith(
        "ferry.mtreview"
    )
    sample_again = ProjectService.open(sample, "t")
    try:
        assert [d.segment_count for d in sample_again.documents()] == before  # the sample is untouched
    finally:
        sample_again.close()
    window.close()


def test_annotation_panel_shows_every_column_in_a_narrow_panel(qtbot):
    from datetime import UTC, datetime

    from mtreview.domain.model import Annotation
    from mtreview.ui.annotations import AnnotationPanel

    panel = AnnotationPanel()
    qtbot.addWidget(panel)
    panel.resize(340, 300)  # the side panel beside the editor on a 1366-pixel screen
    panel.show()
    long_span = "マルタ・リンドクヴィスト社の新しい図書館長による開館式の挨拶"
    ann = Annotation(
        1, 1, Side.TARGET, 0, len(long_span), "Accuracy/Mistranslation", Severity.MAJOR, "", None,
        "checks", "name-consistency", AnnotationState.PROPOSED, 1, datetime.now(UTC),
    )  # fmt: skip
    panel.set_annotations([(ann, long_span, 12)])
    tree = panel.tree
    widths = [tree.columnWidth(c) for c in range(6)]
    assert sum(widths) <= tree.viewport().width(), widths  # no column behind a sideways scroll bar
    item = tree.topLevelItem(0)
    metrics = tree.fontMetrics()
    for col in (2, 3, 5):  # severity, state, # whole
        assert metrics.horizontalAdvance(item.text(col)) <= widths[col], (col, item.text(col))
    for col in range(6):  # every header whole ("Categor" was cut)
        assert tree.header().sectionSizeHint(col) <= widths[col], (col, widths)
    assert item.toolTip(0) == long_span  # the elided span in full, and the check's name
    assert item.toolTip(4) == item.text(4) != ""
    panel.resize(900, 300)  # room again: the span is whole
    qtbot.waitUntil(lambda: tree.columnWidth(0) >= metrics.horizontalAdvance(long_span))
