"""File ▸ Export: format, file, filters, and a live preview of how many units pass them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Status
from mtreview.i18n import _
from mtreview.services.export import ExportFilters, count_matching
from mtreview.services.labels import format_label
from mtreview.services.project import ProjectService


class ExportDialog(QDialog):
    def __init__(self, service: ProjectService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import mtreview.formats  # noqa: F401  (registers the writers)
        from mtreview.formats.registry import writers

        self.service = service
        self.setWindowTitle(_("Export"))
        form = QFormLayout(self)
        self.format = QComboBox()
        self.format.setAccessibleName(_("Export format"))
        for info in writers():
            self.format.addItem(format_label(info.name, info.description), info.name)
        form.addRow(_("&Format:"), self.format)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(_("Output file"))
        browse = QPushButton(_("&Browse…"))
        browse.setAccessibleName(_("Choose the output file"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        output_label = QLabel(_("&Output file:"))
        output_label.setBuddy(self.path)  # a label beside a layout has no buddy: "&" would show as is
        form.addRow(output_label, row)
        self.statuses: dict[Status, QCheckBox] = {}
        status_row = QHBoxLayout()
        for status in Status:
            box = QCheckBox(_(status.value))
            box.setChecked(True)
            box.toggled.connect(self._schedule)
            self.statuses[status] = box
            status_row.addWidget(box)
        self.arrived = QCheckBox(_("untouched, arrived translated"))
        self.arrived.setToolTip(
            _(
                "Units nobody reviewed that the imported file already declared translated "
                "(PO without fuzzy, TMX)"
            )
        )
        self.arrived.toggled.connect(self._schedule)
        status_row.addWidget(self.arrived)
        form.addRow(_("Statuses:"), status_row)
        self.use_penalty = QCheckBox(_("Only segments with MQM penalty at most"))
        self.penalty = QDoubleSpinBox()
        self.penalty.setAccessibleName(_("Maximum MQM penalty"))
        self.penalty.setRange(0, 1000)
        self.penalty.setValue(5)
        self.use_penalty.toggled.connect(self._schedule)
        self.penalty.valueChanged.connect(self._schedule)
        penalty_row = QHBoxLayout()
        penalty_row.addWidget(self.use_penalty)
        penalty_row.addWidget(self.penalty)
        form.addRow(penalty_row)
        self.documents = QListWidget()
        self.documents.setAccessibleName(_("Documents to export"))
        for doc in service.documents():
            item = QListWidgetItem(doc.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.documents.addItem(item)
        self.documents.itemChanged.connect(self._schedule)
        form.addRow(_("Documents:"), self.documents)
        self.annotations = QCheckBox(_("Include annotations"))
        self.annotations.setChecked(True)
        form.addRow(self.annotations)
        self.preview = QLabel()
        self.preview.setAccessibleName(_("How many units pass the filters"))
        form.addRow(self.preview)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)
        self._format_changed()
        self.update_preview()

    def _format_changed(self) -> None:
        from mtreview.formats.registry import writer_for
        from mtreview.services.export import selection_for

        info = writer_for(self.format.currentData())
        # each format's default selection: a memory (TMX) holds confirmed units, the others every unit
        statuses, arrived = selection_for(ExportFilters(), self.format.currentData())
        for status, box in self.statuses.items():
            box.setChecked(status in statuses)
        self.arrived.setChecked(arrived)
        current = self.path.text()
        if info is not None:
            default = Path.home() / self.service.display_name.split(".")[0]
            stem = Path(current).with_suffix("") if current else default
            self.path.setText(str(stem) + info.extension)

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, _("Export to"), self.path.text())
        if path:
            self.path.setText(path)

    def _schedule(self) -> None:
        self._timer.start()

    def filters(self) -> ExportFilters:
        statuses = frozenset(s for s, box in self.statuses.items() if box.isChecked())
        docs = tuple(
            self.documents.item(i).text()
            for i in range(self.documents.count())
            if self.documents.item(i).checkState() == Qt.CheckState.Checked
        )
        return ExportFilters(
            statuses=statuses,
            arrived=self.arrived.isChecked(),
            max_penalty=self.penalty.value() if self.use_penalty.isChecked() else None,
            documents=docs,
            include_annotations=self.annotations.isChecked(),
        )

    def update_preview(self) -> int:
        filters = self.filters()
        if not filters.documents:
            self.preview.setText(_("No document selected."))
            return 0
        try:
            n = count_matching(self.service, filters, fmt=self.format.currentData())
        except MtreviewError as exc:
            self.preview.setText(str(exc))
            return 0
        total = sum(d.segment_count for d in self.service.documents() if d.name in filters.documents)
        self.preview.setText(_("{n} of {total} units pass the filters").format(n=n, total=total))
        return n

    def _accept(self) -> None:
        if not self.path.text().strip():
            self.preview.setText(_("Choose an output file."))
            return
        self.accept()

    def choice(self) -> tuple[str, str, ExportFilters]:
        return self.format.currentData(), self.path.text().strip(), self.filters()
