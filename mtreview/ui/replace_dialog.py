"""Edit ▸ Find and Replace (Ctrl+H): a preview of every change with per-item untick, then one undoable
Replace All. The search runs on a worker (``ui.tasks``); the write is one command on the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Changes
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.services.diffing import diff
from mtreview.services.project import ProjectService
from mtreview.services.replace import (
    ConfirmedPolicy,
    ReplaceItem,
    ReplacePreview,
    ReplaceScope,
    preview_replace,
    replace_command,
)
from mtreview.services.textsearch import SearchSpec
from mtreview.ui.richtext import HTML_ROLE, HtmlDelegate, tracked
from mtreview.ui.tasks import Task, describe_error

RunCommand = Callable[[Any], Changes]
"""Applies a core command and puts its inverse on the undo stack (``UndoAdapter.run``)."""


@dataclass(frozen=True)
class ReplaceContext:
    """Where the dialog was opened: the current document and the segments the grid's filter shows."""

    document_id: int | None = None
    filtered_ids: tuple[int, ...] | None = None


class PreviewModel(QAbstractTableModel):
    """The preview's items: a tick each (Space or a click toggles it), the segment, the change, warnings."""

    COLUMNS = (_("Replace"), _("Segment"), _("Change"), _("Warnings"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ReplaceItem] = []
        self.ticked: list[bool] = []
        self._html: dict[int, str] = {}

    def set_items(self, items: Sequence[ReplaceItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.ticked = [True] * len(self.items)
        self._html = {}
        self.endResetModel()

    def checked_items(self) -> list[ReplaceItem]:
        return [item for item, on in zip(self.items, self.ticked, strict=True) if on]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        col = index.column()
        if col == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 1:
                return item.label
            if col == 2:
                return item.after
            if col == 3:
                return "; ".join(item.warnings)
        if role == HTML_ROLE and col == 2:
            html = self._html.get(index.row())
            if html is None:
                html = tracked(diff(item.before, item.after), context=30)
                self._html[index.row()] = html
            return html
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and item.warnings:
            return "\n".join(item.warnings)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if hasattr(value, "value") else value
        self.ticked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [role])
        return True

    def toggle(self, row: int) -> None:
        index = self.index(row, 0)
        new = Qt.CheckState.Unchecked if self.ticked[row] else Qt.CheckState.Checked
        self.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)


class _PreviewView(QTableView):
    """Space toggles the ticks of the selected rows (whatever cell has the focus)."""

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            model = self.model()
            rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()}) or (
                [self.currentIndex().row()] if self.currentIndex().isValid() else []
            )
            if isinstance(model, PreviewModel):
                for row in rows:
                    model.toggle(row)
            return
        super().keyPressEvent(event)


class ReplaceDialog(QDialog):
    """Find (Enter previews), Replace with, options, scope; the preview; Replace All (Ctrl+Enter)."""

    previewReady = Signal(int)
    """The preview is on screen with this many items."""
    applied = Signal(object)
    """Replace All was applied: the ``Changes``."""
    failed = Signal(str)

    def __init__(
        self,
        service: ProjectService,
        run_command: RunCommand,
        context: ReplaceContext = ReplaceContext(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.run_command = run_command
        self.context = context
        self._task: Task | None = None
        self._preview: ReplacePreview | None = None
        self.setWindowTitle(_("Find and Replace"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(_("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName(_("Replace with"))
        form.addRow(_("&Find:"), self.find_edit)
        form.addRow(_("Replace &with:"), self.replace_edit)
        layout.addLayout(form)
        options = QHBoxLayout()
        self.regex = QCheckBox(_("Regular e&xpression"))
        self.whole_word = QCheckBox(_("Whole &word"))
        self.case = QCheckBox(_("Match &case"))
        self.case.setChecked(True)
        for box in (self.regex, self.whole_word, self.case):
            options.addWidget(box)
        self.scope = QComboBox()
        self.scope.setAccessibleName(_("Where to replace"))
        self.scope.addItem(_("Whole project"), "project")
        if context.document_id is not None:
            self.scope.addItem(_("Current document"), "document")
        if context.filtered_ids is not None:
            self.scope.addItem(_("Segments shown by the filter"), "filter")
        scope_label = QLabel(_("&In:"))
        scope_label.setBuddy(self.scope)
        options.addWidget(scope_label)
        options.addWidget(self.scope)
        self.confirmed = QComboBox()
        self.confirmed.setAccessibleName(_("Status of confirmed segments"))
        self.confirmed.addItem(_("Confirmed segments stay confirmed"), ConfirmedPolicy.KEEP.value)
        self.confirmed.addItem(_("Confirmed segments go back to corrected"), ConfirmedPolicy.CORRECTED.value)
        options.addWidget(self.confirmed)
        options.addStretch(1)
        layout.addLayout(options)

        self.model = PreviewModel(self)
        self.view = _PreviewView()
        self.view.setAccessibleName(_("Changes to make"))
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(2, HtmlDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 3)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(_("The selected change in full"))
        layout.addWidget(self.detail, 1)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)

        buttons = QHBoxLayout()
        self.status = QLabel()
        buttons.addWidget(self.status, 1)
        self.preview_button = QPushButton(_("&Preview"))
        self.apply_button = QPushButton(_("Replace &All"))
        self.apply_button.setEnabled(False)
        close = QPushButton(_("Close"))
        for b in (self.preview_button, self.apply_button, close):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self.run_preview)
        self.apply_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.reject)
        self.find_edit.returnPressed.connect(self.run_preview)
        self.replace_edit.returnPressed.connect(self.run_preview)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.replace_all)
        for box in (self.regex, self.whole_word, self.case):
            box.toggled.connect(self._stale)
        self.find_edit.textEdited.connect(self._stale)
        self.replace_edit.textEdited.connect(self._stale)
        self.scope.currentIndexChanged.connect(self._stale)

    # ------------------------------------------------------------------ inputs
    def set_query(self, spec: SearchSpec, replacement: str) -> None:
        """Pre-fill (a finding's "fix all")."""
        self.find_edit.setText(spec.text)
        self.replace_edit.setText(replacement)
        self.regex.setChecked(spec.regex)
        self.whole_word.setChecked(spec.whole_word)
        self.case.setChecked(spec.case_sensitive)
        self._stale()

    def spec(self) -> SearchSpec:
        return SearchSpec(
            self.find_edit.text(),
            regex=self.regex.isChecked(),
            whole_word=self.whole_word.isChecked(),
            case_sensitive=self.case.isChecked(),
        )

    def _scope(self) -> ReplaceScope:
        kind = self.scope.currentData()
        if kind == "document":
            return ReplaceScope(document_id=self.context.document_id)
        if kind == "filter":
            return ReplaceScope(segment_ids=self.context.filtered_ids)
        return ReplaceScope()

    def _stale(self, *_args: Any) -> None:
        self._preview = None
        self.model.set_items([])
        self.apply_button.setEnabled(False)
        self.detail.clear()
        self.status.setText("")

    # ------------------------------------------------------------------ preview
    def run_preview(self) -> None:
        if not self.find_edit.text():
            self.status.setText(_("Type what to find."))
            return
        if self._task is not None:
            self._task.cancel()
        spec, replacement, scope = self.spec(), self.replace_edit.text(), self._scope()
        service = self.service

        def job(progress: Progress) -> ReplacePreview:
            return preview_replace(service, spec, replacement, scope, progress)

        self.status.setText(_("Searching…"))
        task = Task(job, self)
        self._task = task
        task.succeeded.connect(lambda result, t=task: self._previewed(t, result))
        task.failed.connect(lambda exc, _details, t=task: self._failed(t, exc))
        task.start()

    def _previewed(self, task: Task, preview: ReplacePreview) -> None:
        if task is not self._task:
            return
        self._task = None
        self._preview = preview
        self.model.set_items(preview.items)
        self.apply_button.setEnabled(bool(preview.items))
        warned = sum(1 for i in preview.items if i.warnings)
        text = _("{n} segments, {hits} matches").format(n=len(preview.items), hits=preview.hit_count)
        if warned:
            text += " · " + _("{n} with warnings").format(n=warned)
        self.status.setText(text)
        if preview.items:
            self.view.selectRow(0)
        self.previewReady.emit(len(preview.items))

    def _failed(self, task: Task, exc: object) -> None:
        if task is not self._task:
            return
        self._task = None
        message = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
        self.status.setText(message)
        self.failed.emit(message)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.model.items):
            self.detail.clear()
            return
        item = self.model.items[current.row()]
        warnings = "".join(f"<p>⚠ {w}</p>" for w in item.warnings)
        self.detail.setHtml(
            f"<p><b>{item.label}</b></p><p>{tracked(diff(item.before, item.after))}</p>{warnings}"
        )

    # ------------------------------------------------------------------ apply
    def replace_all(self) -> None:
        if self._preview is None:
            return
        items = self.model.checked_items()
        if not items:
            self.status.setText(_("Nothing is ticked."))
            return
        policy = ConfirmedPolicy(self.confirmed.currentData())
        try:
            changes = self.run_command(replace_command(items, policy))
        except MtreviewError as exc:  # a conflict or a database error: shown here, nothing half-done
            self.status.setText(describe_error(exc))
            self.failed.emit(describe_error(exc))
            return
        self._stale()
        self.status.setText(_("Replaced in {n} segments (Ctrl+Z undoes it).").format(n=len(items)))
        self.applied.emit(changes)

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()
