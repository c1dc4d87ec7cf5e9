"""The Alignment view: a document's links side by side, fixed with single keys, all undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mtreview.align.edit import EditError, Link
from mtreview.i18n import _
from mtreview.services.alignment import DocumentLines

LOW_CONFIDENCE = 0.5


class LinkModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = DocumentLines([], {}, {})
        self._headers = [
            _("Source lines"),
            _("English"),
            _("Target lines"),
            _("Japanese"),
            _("Confidence"),
            _("Kind"),
        ]

    def set_lines(self, lines: DocumentLines) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def link(self, row: int) -> Link | None:
        return self.lines.links[row] if 0 <= row < len(self.lines.links) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines.links)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        link = self.link(index.row()) if index.isValid() else None
        if link is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return ", ".join(map(str, link.source_lines))
            if col == 1:
                return "\n".join(self.lines.source_text.get(n, "") for n in link.source_lines)
            if col == 2:
                return ", ".join(map(str, link.target_lines))
            if col == 3:
                return "\n".join(self.lines.target_text.get(n, "") for n in link.target_lines)
            if col == 4:
                return f"{link.confidence:.2f}" if link.is_pair else ""
            if col == 5:
                kind = (
                    _("pair")
                    if link.is_pair
                    else _("note")
                    if link.note or not link.source_lines
                    else _("source only")
                )
                return ("🔒 " if link.locked else "") + kind
        if role == Qt.ItemDataRole.BackgroundRole:
            if not link.is_pair:
                return QBrush(QColor(235, 235, 235))
            if link.confidence < LOW_CONFIDENCE:
                return QBrush(QColor(255, 214, 153))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AlignmentView(QWidget):
    """Keys on the table: M merge with next, S split, U/D move a target line up/down, X detach,
    L lock, R re-run the aligner (locked pairs stay)."""

    operationRequested = Signal(str, int)
    realignRequested = Signal()
    documentChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Document:")))
        self.document = QComboBox()
        self.document.setAccessibleName(_("Document to align"))
        top.addWidget(self.document, 1)
        self.summary = QLabel()
        top.addWidget(self.summary)
        layout.addLayout(top)
        self.toolbar = QToolBar()
        layout.addWidget(self.toolbar)
        self.table = QTableView()
        self.table.setAccessibleName(_("Alignment"))
        self.model = LinkModel(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in (1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, key in (
            ("merge", _("&Merge with Next"), "M"),
            ("split", _("&Split"), "S"),
            ("up", _("Move Target Line &Up"), "U"),
            ("down", _("Move Target Line &Down"), "D"),
            ("detach", _("Source Only / Target Only (&X)"), "X"),
            ("lock", _("&Lock / Unlock"), "L"),
        ):
            self._add(name, text, key, lambda _c=False, n=name: self._request(n))
        self._add("realign", _("&Re-run Aligner"), "R", lambda _c=False: self.realignRequested.emit())
        self.document.currentIndexChanged.connect(
            lambda _i: self.documentChanged.emit(self.document.currentData())
        )
        # Item views take printable keys for keyboard search before shortcuts see them: route them here.
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                for action in self.actions_by_name.values():
                    if (
                        action.shortcut().matches(QKeySequence(event.key()))
                        == QKeySequence.SequenceMatch.ExactMatch
                    ):
                        action.trigger()
                        return True
        return super().eventFilter(watched, event)

    def _add(self, name: str, text: str, key: str, slot: Callable[..., None]) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text.replace('&', '')} ({key})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        self.actions_by_name[name] = action

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _request(self, name: str) -> None:
        row = self.current_row()
        if row >= 0:
            self.operationRequested.emit(name, row)

    def set_editable(self, editable: bool, reason: str = "") -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(editable)
        self.summary.setToolTip(reason)
        if not editable:
            self.summary.setText(reason)

    def set_lines(self, lines: DocumentLines, keep_row: int | None = None) -> None:
        self.model.set_lines(lines)
        pairs = sum(1 for lk in lines.links if lk.is_pair)
        low = sum(1 for lk in lines.links if lk.is_pair and lk.confidence < LOW_CONFIDENCE)
        self.summary.setText(
            _("{pairs} pairs · {low} low confidence · {other} unpaired").format(
                pairs=pairs, low=low, other=len(lines.links) - pairs
            )
        )
        if lines.links:
            row = min(keep_row if keep_row is not None else 0, len(lines.links) - 1)
            self.table.setCurrentIndex(self.model.index(max(row, 0), 1))
        if len(lines.links) <= 2000:  # a document's links; never over a huge list
            self.table.resizeRowsToContents()


def explain(exc: EditError) -> str:
    return str(exc)
