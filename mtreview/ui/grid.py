"""The grid and its filter bar: which segments are listed (document, status, search) and which one is
current. Leaving a row asks the review controller to save first; the new row is opened by it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from mtreview.domain.errors import InputError, MtreviewError
from mtreview.domain.model import Status
from mtreview.i18n import _, ngettext
from mtreview.services.filters import filter_choices, filter_ids
from mtreview.ui.change_hub import ChangeEvent
from mtreview.ui.filter_bar import FilterBar
from mtreview.ui.segment_model import (
    COL_CHRF,
    COL_CORRECTED,
    COL_FINDINGS,
    COL_MQM,
    COL_MT,
    COL_NUMBER,
    COL_SOURCE,
    COL_STATUS,
)
from mtreview.ui.text_delegate import WrappedTextDelegate

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


class SegmentTable(QTableView):
    """The grid. Rows get their wrapped height lazily, only when they are on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(_("Segments"))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        self._sized: set[int] = set()
        self._keep_visible: QPersistentModelIndex | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._size_visible_rows)
        self.verticalScrollBar().valueChanged.connect(self._pending.start)

    def reset_sizes(self) -> None:
        self._sized.clear()
        self._pending.start()

    def forget_rows(self, rows: list[int]) -> None:
        self._sized.difference_update(rows)
        self._pending.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sized.clear()
        self._pending.start()

    def _size_visible_rows(self) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        first = self.rowAt(0)
        if first < 0:
            first = 0
        limit = self.viewport().height()
        # A row never taller than the grid's window onto it: its last lines would be cut by the edge;
        # within the cap the delegate shows whole lines and "…".
        cap = max(
            self.fontMetrics().lineSpacing() + 8, min(self.fontMetrics().lineSpacing() * 8 + 8, limit - 4)
        )
        row = first
        # Size rows top-down; each resize moves the following ones, so re-measure as we go.
        while row < model.rowCount() and self.rowViewportPosition(row) < limit:
            if row not in self._sized:
                self.resizeRowToContents(row)
                height = min(self.rowHeight(row), cap)
                self.setRowHeight(row, max(height, self.fontMetrics().lineSpacing() + 8))
                self._sized.add(row)
            row += 1
        # Sizing rows moves the ones below: bring the current row back into view (once per request).
        if self._keep_visible is not None:
            index, self._keep_visible = self._keep_visible, None
            if index.isValid():
                self.scrollTo(index)

    def keep_visible(self, index: QModelIndex) -> None:
        """Scroll to ``index`` now and again after the rows on screen got their wrapped height."""
        self.scrollTo(index)
        self._keep_visible = QPersistentModelIndex(index)
        self._pending.start()


class SearchField(QLineEdit):
    """The grid's search box: Escape clears it (and with it the filter)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class GridController:
    """Builds the filter bar and the grid; lists ids for the current filter; moves the current row."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        model = window.model
        self.table = SegmentTable()
        self.table.setModel(model)
        # Text cells: whole lines, "…" where cut, search matches highlighted.
        self.delegate = WrappedTextDelegate(self.table)
        for col in (COL_SOURCE, COL_MT, COL_CORRECTED, COL_FINDINGS):
            self.table.setItemDelegateForColumn(col, self.delegate)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col in (COL_SOURCE, COL_MT, COL_CORRECTED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (COL_NUMBER, COL_STATUS, COL_MQM, COL_CHRF):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            # wide enough for the header in any UI language (not ResizeToContents: that reads every row)
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(52, header.fontMetrics().horizontalAdvance(title) + 18))
        header.setSectionResizeMode(COL_FINDINGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_FINDINGS, 110)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        model.modelReset.connect(self.table.reset_sizes)
        model.dataChanged.connect(
            lambda top, bottom, _roles=(): self.table.forget_rows(list(range(top.row(), bottom.row() + 1)))
        )

        self.search = SearchField()
        self.search.setPlaceholderText(_("Search source and target…"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        self.regex = QCheckBox(_("Rege&x"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Status filter"))
        self.status_filter.addItem(_("All statuses"), None)
        self.status_filter.addItem(_("Not confirmed"), [Status.NEW, Status.CORRECTED, Status.REJECTED])
        for status in Status:
            self.status_filter.addItem(_(status.value), [status])
        self.document_filter = QComboBox()
        self.document_filter.setAccessibleName(_("Document"))
        self.hits = QLabel()
        self.hits.setAccessibleName(_("Search results"))
        self._search_timer = QTimer(window)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.regex.toggled.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.document_filter.currentIndexChanged.connect(self.apply_filter)

        self.filters = FilterBar()
        self.filters.filterChanged.connect(lambda _flt: self.apply_filter())

        self.bar = QHBoxLayout()
        self.bar.addWidget(QLabel(_("Document:")))
        self.bar.addWidget(self.document_filter, 1)
        self.bar.addWidget(self.search, 2)
        self.bar.addWidget(self.hits)
        self.bar.addWidget(self.regex)
        self.bar.addWidget(self.status_filter)

    # ------------------------------------------------------------------ listing
    def reload(self) -> None:
        """Re-read documents and the filtered ids (after opening or importing)."""
        current_doc = self.document_filter.currentData()
        self.document_filter.blockSignals(True)
        self.document_filter.clear()
        self.document_filter.addItem(_("All documents"), None)
        for doc in self.w.service.documents():
            self.document_filter.addItem(f"{doc.name} ({doc.segment_count})", doc.id)
        index = self.document_filter.findData(current_doc)
        self.document_filter.setCurrentIndex(max(0, index))
        self.document_filter.blockSignals(False)
        self.refresh_filter_choices()
        self.apply_filter()

    def refresh_filter_choices(self) -> None:
        """The checks, categories and authors the filter boxes offer (what the project has now)."""
        try:
            self.filters.set_choices(filter_choices(self.w.service))
        except MtreviewError as exc:
            self.w.statusBar().showMessage(str(exc), 5000)

    def apply_filter(self) -> None:
        review = self.w.review
        review.save_current()
        try:
            ids = self.w.service.segment_ids(
                document_id=self.document_filter.currentData(),
                statuses=self.status_filter.currentData(),
                search=self.search.text() or None,
                regex=self.regex.isChecked(),
            )
            conditions = self.filters.current()
            if not conditions.empty:
                passing = set(
                    filter_ids(
                        self.w.service, replace(conditions, document_id=self.document_filter.currentData())
                    )
                )
                ids = [i for i in ids if i in passing]
            self.search.setStyleSheet("")
            self.search.setToolTip("")
        except InputError as exc:
            self.search.setStyleSheet("QLineEdit { background: #fdd; }")
            self.search.setToolTip(str(exc))
            self.w.statusBar().showMessage(str(exc), 5000)
            return
        keep = review.current.id if review.current else None
        query = self.search.text() or None
        self.w.model.set_search(query, self.regex.isChecked())
        self.w.editor.set_search(query, self.regex.isChecked())
        self.hits.setText(
            ngettext("{n} segment", "{n} segments", len(ids)).format(n=len(ids)) if query else ""
        )
        self.w.model.set_ids(ids)
        row = self.w.model.row_of(keep) if keep is not None else None
        self.select_row(row if row is not None else 0)
        self.w.panels.update_progress(recount=True)

    def clear_filters(self) -> None:
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        self.document_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.search.clear()
        self.apply_filter()

    def document_id(self) -> int | None:
        value = self.document_filter.currentData()
        return value if isinstance(value, int) else None

    def show_document(self, document_id: int) -> None:
        index = self.document_filter.findData(document_id)
        if index >= 0:
            self.document_filter.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------------ the current row
    def select_row(self, row: int) -> None:
        model = self.w.model
        if model.rowCount() == 0:
            self.w.review.open_segment(None)
            return
        row = max(0, min(row, model.rowCount() - 1))
        index = model.index(row, COL_CORRECTED)
        self.table.setCurrentIndex(index)
        self.table.keep_visible(index)

    def select_segment(self, segment_id: int) -> bool:
        row = self.w.model.row_of(segment_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def move_by(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        self.select_row(row + delta if row >= 0 else 0)

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and not self.w.review.save_current():
            # The text could not be saved (conflict being merged, connection lost…): stay on it.
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            self.table.setCurrentIndex(previous)
            selection.blockSignals(False)
            return
        self.w.review.open_segment(self.w.model.segment_at(current.row()) if current.isValid() else None)

    # ------------------------------------------------------------------ changes
    def on_changed(self, event: ChangeEvent) -> None:
        if event.changes.documents:
            self.reload()
            return
        if event.changes.annotations:
            self.refresh_filter_choices()  # a check or category may have appeared or gone
        if event.changes.settings:
            self.w.model.refresh_all_extras()  # new weights or typology: new MQM figures
        if event.changes.segments:
            self.w.model.refresh(event.changes.segments, known=event.segments)
