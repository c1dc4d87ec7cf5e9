"""Tools ▸ Concordance (Ctrl+K): every use of a word or phrase in the project and its reference TMs,
sources and translations side by side with the hits highlighted. Double-click (Enter) on a project hit
goes to that segment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.progress import Progress
from mtreview.i18n import _, ngettext
from mtreview.services.tm import PROJECT, ConcordanceHit, ProjectMemory
from mtreview.ui.richtext import HTML_ROLE, HtmlDelegate, highlighted
from mtreview.ui.tasks import Task, describe_error


class HitsModel(QAbstractTableModel):
    COLUMNS = (_("Where"), _("Source"), _("Translation"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[ConcordanceHit] = []

    def set_hits(self, hits: list[ConcordanceHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if hit.origin == PROJECT:
                    return hit.segment or ""
                return hit.origin.replace("\\", "/").rsplit("/", 1)[-1]
            return hit.source if col == 1 else hit.target
        if role == HTML_ROLE and col in (1, 2):
            return (
                highlighted(hit.source, hit.source_spans)
                if col == 1
                else highlighted(hit.target, hit.target_spans)
            )
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return hit.origin
        return None


class ConcordanceDialog(QDialog):
    resultsReady = Signal(int)
    segmentActivated = Signal(str)
    """A project hit was opened: its ``<document>#<ordinal>``."""

    def __init__(self, memory: Callable[[], ProjectMemory | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._memory = memory
        self._task: Task | None = None
        self.setWindowTitle(_("Concordance"))
        self.resize(900, 500)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(_("&Search for:"))
        self.query = QLineEdit()
        self.query.setAccessibleName(_("Word or phrase to look up"))
        label.setBuddy(self.query)
        row.addWidget(label)
        row.addWidget(self.query, 1)
        layout.addLayout(row)
        self.model = HitsModel(self)
        self.view = QTableView()
        self.view.setAccessibleName(_("Concordance hits"))
        self.view.setModel(self.model)
        delegate = HtmlDelegate(self.view)
        self.view.setItemDelegateForColumn(1, delegate)
        self.view.setItemDelegateForColumn(2, delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.query.returnPressed.connect(self.search)
        self.view.activated.connect(self._activated)

    def set_query(self, text: str) -> None:
        self.query.setText(text)
        self.query.selectAll()

    def search(self) -> None:
        text = self.query.text().strip()
        memory = self._memory()
        if not text or memory is None:
            return
        if self._task is not None:
            self._task.cancel()

        def job(progress: Progress) -> list[ConcordanceHit]:
            return memory.concordance(text, progress=progress)

        self.status.setText(_("Searching…"))
        task = Task(job, self)
        self._task = task
        task.succeeded.connect(lambda hits, t=task: self._found(t, hits))
        task.failed.connect(lambda exc, _d, t=task: self._failed(t, exc))
        task.start()

    def _found(self, task: Task, hits: list[ConcordanceHit]) -> None:
        if task is not self._task:
            return
        self._task = None
        self.model.set_hits(hits)
        self.view.resizeRowsToContents()  # at most --limit (100) rows
        self.status.setText(
            ngettext("{n} hit", "{n} hits", len(hits)).format(n=len(hits)) if hits else _("Not found")
        )
        self.resultsReady.emit(len(hits))

    def _failed(self, task: Task, exc: object) -> None:
        if task is not self._task:
            return
        self._task = None
        self.model.set_hits([])
        self.status.setText(describe_error(exc) if isinstance(exc, BaseException) else str(exc))
        self.resultsReady.emit(0)

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.hits[index.row()]
        if hit.origin == PROJECT and hit.segment:
            self.segmentActivated.emit(hit.segment)

    def stop(self) -> None:
        """Cancel a search and wait for its thread (before the memory it reads is closed)."""
        if self._task is not None:
            self._task.cancel()
            self._task.wait()

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()
