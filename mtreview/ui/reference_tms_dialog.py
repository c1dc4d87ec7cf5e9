"""Tools ▸ Reference Memories: attach TM files (TMX, XLIFF, PO, CSV/TSV) and other projects to the project.
A file is indexed on a worker behind a progress dialog (Cancel stops it); one that is not a usable
English→Japanese memory is refused with the reason and not attached."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.model import Changes
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.services.tm import ProjectMemory
from mtreview.ui.tasks import describe_error, run_with_progress

FILE_FILTER = "{tm} (*.tmx *.xlf *.xliff *.sdlxliff *.po *.pot *.csv *.tsv);;{project} (*.mtreview)"


class ReferenceTmsDialog(QDialog):
    changed = Signal(object)
    """The project's list of reference TMs changed (``Changes`` with settings)."""
    attachFinished = Signal(bool, str)
    """An attach ended: whether it worked, and the message shown."""

    def __init__(self, memory: ProjectMemory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.memory = memory
        self.setWindowTitle(_("Reference Memories"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("Matches and concordance also search these memories (and this project's own segments)."))
        )
        self.list = QListWidget()
        self.list.setAccessibleName(_("Attached reference memories"))
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("&Add…"))
        self.remove_button = QPushButton(_("&Remove"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for ref in self.memory.references():
            item = QListWidgetItem(ref.name)
            item.setToolTip(ref.path)
            item.setData(256, ref.path)
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Attach a Reference Memory"),
            "",
            FILE_FILTER.format(tm=_("Translation memories"), project=_("mtreview projects")),
        )
        if path:
            self.attach(path)

    def attach(self, path: str, on_done: Callable[[bool], None] | None = None) -> None:
        """Index and attach ``path`` on a worker (progress dialog with Cancel)."""
        memory = self.memory

        def job(progress: Progress) -> Changes:
            return memory.attach(path, progress)

        def ok(changes: Changes) -> None:
            self.refresh()
            message = _("Attached {path}.").format(path=path)
            self.status.setText(message)
            self.changed.emit(changes)
            self.attachFinished.emit(True, message)

        def failed(exc: BaseException, _details: str) -> None:
            message = describe_error(exc)
            self.status.setText(message)
            self.attachFinished.emit(False, message)

        def cancelled() -> None:
            message = _("Cancelled: {path} was not attached.").format(path=path)
            self.status.setText(message)
            self.attachFinished.emit(False, message)

        self.task = run_with_progress(self, _("Indexing the memory…"), job, ok, failed, cancelled)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        changes = self.memory.detach(str(item.data(256)))
        self.refresh()
        self.changed.emit(changes)
