"""The Dashboard: scores per document, charts, worst segments (click through), reviewers, engines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.model import Document
from mtreview.i18n import _

if TYPE_CHECKING:
    from mtreview.services.dashboard import DashboardData

SegmentIdRole = Qt.ItemDataRole.UserRole + 10


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _table(headers: list[str], name: str) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, len(headers))
    model.setHorizontalHeaderLabels(headers)
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view, model


def fit_columns(view: QTableView) -> None:
    """Every column as wide as its widest cell or header, once the rows are in (a narrow window scrolls
    sideways rather than cutting "77.6" to "7…"). The tables are small: documents, reviewers, engines and
    the 25 worst segments."""
    view.resizeColumnsToContents()
    view.resizeRowsToContents()


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)  # drawn in the palette's disabled (grey) text colour
    label.setMinimumHeight(60)
    return label


def _row(values: list[str], segment_id: int | None = None) -> list[QStandardItem]:
    items = [QStandardItem(v) for v in values]
    if segment_id is not None:
        for item in items:
            item.setData(segment_id, SegmentIdRole)
    return items


class Dashboard(QWidget):
    refreshRequested = Signal()
    segmentRequested = Signal(int)
    compareRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.status = QLabel(_("Open the Dashboard to compute the scores."))
        self.refresh = QPushButton(_("&Refresh"))
        self.refresh.setAccessibleName(_("Refresh the dashboard"))
        self.refresh.clicked.connect(self.refreshRequested)
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh)
        outer.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        grid = QGridLayout(body)

        self.documents, self.documents_model = _table(
            [
                _("Document"),
                _("Engine"),
                _("Segments"),
                _("Confirmed"),
                _("chrF"),
                _("BLEU"),
                _("TER"),
                _("MQM"),
                _("per 100 words"),
                _("per 1,000 chars"),
                _("Quality"),
                _("Result"),
            ],
            _("Documents"),
        )
        box = QGroupBox(_("Documents"))
        QVBoxLayout(box).addWidget(self.documents)
        grid.addWidget(box, 0, 0, 1, 2)

        self.charts: dict[str, QSvgWidget] = {}
        # What an empty chart says instead of an empty frame (a new project has no errors and no scores).
        self.placeholders: dict[str, QLabel] = {}
        for i, (key, title, empty) in enumerate(
            (
                (
                    "errors",
                    _("Errors by category and severity"),
                    _("No confirmed errors yet: confirm a proposal or flag an error (F)."),
                ),
                ("quality", _("Quality per document"), _("No documents yet.")),
                (
                    "chrf",
                    _("chrF per segment (MT vs corrected)"),
                    _("No corrected segments yet: chrF compares the MT with your correction."),
                ),
                (
                    "mqm",
                    _("MQM penalty per segment"),
                    _("No segment has a confirmed error yet."),
                ),
            ),
            start=0,
        ):
            box = QGroupBox(title)
            layout = QVBoxLayout(box)
            widget = QSvgWidget()
            widget.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            widget.setAccessibleName(title)
            widget.setMinimumHeight(220)
            layout.addWidget(widget)
            placeholder = _placeholder(empty)
            layout.addWidget(placeholder)
            widget.setVisible(False)
            placeholder.setVisible(False)  # until the first computation says which one shows
            self.charts[key] = widget
            self.placeholders[key] = placeholder
            grid.addWidget(box, 1 + i // 2, i % 2)

        self.worst, self.worst_model = _table(
            [_("Document"), _("#"), _("MQM"), _("chrF"), _("English source")], _("Worst segments")
        )
        self.worst.doubleClicked.connect(self._open_segment)
        self.worst.activated.connect(self._open_segment)
        box = QGroupBox(_("Worst segments (double-click to open)"))
        worst_layout = QVBoxLayout(box)
        worst_layout.addWidget(self.worst)
        self.worst_placeholder = _placeholder(
            _("No segment scored yet: the worst segments appear once errors are confirmed or MT corrected.")
        )
        worst_layout.addWidget(self.worst_placeholder)
        self.worst_placeholder.setVisible(False)
        grid.addWidget(box, 3, 0)

        side = QVBoxLayout()
        self.reviewers, self.reviewers_model = _table(
            [_("Reviewer"), _("Approved"), _("Annotations"), _("Critical"), _("Major"), _("Minor")],
            _("Reviewers"),
        )
        box = QGroupBox(_("Per reviewer"))
        QVBoxLayout(box).addWidget(self.reviewers)
        side.addWidget(box)
        self.engines, self.engines_model = _table([_("Engine"), _("Items"), _("MQM")], _("Engines"))
        box = QGroupBox(_("Per MT engine"))
        engine_layout = QVBoxLayout(box)
        engine_layout.addWidget(self.engines)
        compare_row = QHBoxLayout()
        self.engine_a = QComboBox()
        self.engine_a.setAccessibleName(_("First document to compare"))
        self.engine_b = QComboBox()
        self.engine_b.setAccessibleName(_("Second document to compare"))
        self.compare = QPushButton(_("&Compare (paired bootstrap)"))
        self.compare.setAccessibleName(_("Compare two engines"))
        self.compare.clicked.connect(self._compare)
        compare_row.addWidget(self.engine_a, 1)
        compare_row.addWidget(self.engine_b, 1)
        compare_row.addWidget(self.compare)
        engine_layout.addLayout(compare_row)
        self.comparison = QPlainTextEdit()
        self.comparison.setReadOnly(True)
        self.comparison.setAccessibleName(_("Engine comparison"))
        self.comparison.setMaximumHeight(130)
        engine_layout.addWidget(self.comparison)
        side.addWidget(box)
        holder = QWidget()
        holder.setLayout(side)
        grid.addWidget(holder, 3, 1)

    def set_documents(self, documents: list[Document]) -> None:
        for combo in (self.engine_a, self.engine_b):
            current = combo.currentData()
            combo.clear()
            for doc in documents:
                combo.addItem(f"{doc.name}" + (f" [{doc.engine}]" if doc.engine else ""), doc.id)
            index = combo.findData(current)
            if index >= 0:
                combo.setCurrentIndex(index)
        if self.engine_b.count() > 1 and self.engine_b.currentIndex() == self.engine_a.currentIndex():
            self.engine_b.setCurrentIndex(1)

    def show_data(self, data: DashboardData) -> None:
        rep = data.report
        self.documents_model.setRowCount(0)
        for d in rep.documents:
            done, total = data.confirmed.get(d.name, (0, d.segments))
            judged = d.judgement
            self.documents_model.appendRow(
                _row(
                    [
                        d.name,
                        d.system or "—",
                        str(d.segments),
                        f"{done}/{total}",
                        _num(d.chrf),
                        _num(d.bleu),
                        _num(d.ter),
                        f"{d.mqm_penalty:g}",
                        _num(d.mqm_per_100_words, 2),
                        _num(d.mqm_per_1000_chars, 2),
                        judged.quality_text(),
                        judged.label(),
                    ]
                )
            )
        for key, widget in self.charts.items():
            svg = data.charts.get(key)
            widget.load(QByteArray(svg.encode("utf-8")) if svg else QByteArray())
            # Drawn at the chart's own proportions (a load resets it): stretched, its text was squashed.
            widget.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            widget.setVisible(svg is not None)
            self.placeholders[key].setVisible(svg is None)
        self.worst_model.setRowCount(0)
        for w in data.worst:
            self.worst_model.appendRow(
                _row([w.document, str(w.ordinal), f"{w.mqm:g}", _num(w.chrf), w.source[:120]], w.segment_id)
            )
        self.worst_placeholder.setVisible(not data.worst)
        self.reviewers_model.setRowCount(0)
        for who, counts in sorted(data.reviewers.items()):
            self.reviewers_model.appendRow(
                _row(
                    [
                        who,
                        str(counts["approved"]),
                        str(counts["annotations"]),
                        str(counts["critical"]),
                        str(counts["major"]),
                        str(counts["minor"]),
                    ]
                )
            )
        self.engines_model.setRowCount(0)
        for s in rep.systems:
            self.engines_model.appendRow(_row([s.name, str(s.items), f"{s.mqm:.3f}"]))
        for view in (self.documents, self.worst, self.reviewers, self.engines):
            fit_columns(view)
        confirmed = sum(a for a, _t in data.confirmed.values())
        total = sum(t for _a, t in data.confirmed.values())
        self.status.setText(
            _("{done}/{total} segments confirmed · chrF signature: {sig}").format(
                done=confirmed, total=total, sig=rep.signatures.get("chrf", "")
            )
        )

    def _open_segment(self, index: object) -> None:
        segment_id = index.data(SegmentIdRole)  # type: ignore[attr-defined]
        if segment_id is not None:
            self.segmentRequested.emit(int(segment_id))

    def _compare(self) -> None:
        a, b = self.engine_a.currentData(), self.engine_b.currentData()
        if a is not None and b is not None and a != b:
            self.compareRequested.emit(a, b)
        else:
            self.comparison.setPlainText(_("Choose two different documents with the same English source."))

    def show_comparison(self, text: str) -> None:
        self.comparison.setPlainText(text)
