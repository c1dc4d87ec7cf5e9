"""Grid filters: findings, severity, category, check, author, confidence — combined (all must hold)."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from mtreview.domain.filters import SegmentFilter
from mtreview.domain.model import Severity
from mtreview.i18n import _

LOW_CONFIDENCE = 0.5


def _columns(text: str) -> int:
    """Display columns of a text: a wide (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class FilterBar(QWidget):
    filterChanged = Signal(object)
    """The new ``SegmentFilter`` (without a document: the window adds it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.findings = self._combo(
            _("Findings"),
            [(_("findings: any"), None), (_("with findings"), True), (_("without findings"), False)],
        )
        self.severity = self._combo(
            _("Severity"),
            [(_("severity: any"), None)] + [(_(s.value), s) for s in Severity if s != Severity.NEUTRAL],
        )
        self.category = self._combo(_("Category"), [(_("category: any"), None)])
        self.check = self._combo(_("Check"), [(_("check: any"), None)])
        self.author = self._combo(_("Author"), [(_("author: any"), None)])
        self.confidence = self._combo(
            _("Alignment confidence"),
            [
                (_("alignment: any"), None),
                (_("doubtful alignment (< {p:.0%})").format(p=LOW_CONFIDENCE), "low"),
            ],
        )
        label = QLabel(_("Filter:"))
        row.addWidget(label)
        for combo in (self.findings, self.severity, self.category, self.check, self.author, self.confidence):
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._changed)
        self.clear_button = QToolButton()
        self.clear_button.setText(_("Clear"))
        self.clear_button.setAccessibleName(_("Clear the filters"))
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.clear_button)
        row.addStretch(1)

    @staticmethod
    def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        # Whole texts where the row has room; narrow enough (four characters) for the window to fit a small
        # screen with six boxes in a row. The list opens wide either way.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        combo.setMinimumWidth(combo.minimumSizeHint().width())
        for text, value in items:
            combo.addItem(text, value)
        # asks for the width of the chosen text (not of the longest choice): "severity: any" whole at 1366 px
        combo.currentTextChanged.connect(lambda text, c=combo: c.setMinimumContentsLength(_columns(text) + 1))
        combo.setMinimumContentsLength(_columns(combo.currentText()) + 1)
        return combo

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Fill the boxes with what the project has (``services.filters.filter_choices``)."""
        for combo, key in ((self.category, "categories"), (self.check, "checks"), (self.author, "authors")):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in choices.get(key, []):
                combo.addItem(value, value)
            at = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, at))
            combo.blockSignals(False)
            combo.setMinimumContentsLength(_columns(combo.currentText()) + 1)

    def current(self) -> SegmentFilter:
        severity = self.severity.currentData()
        category = self.category.currentData()
        check = self.check.currentData()
        author = self.author.currentData()
        return SegmentFilter(
            has_findings=self.findings.currentData(),
            # Qt hands item data back as plain strings: the enum again
            severities=frozenset({Severity(severity)}) if severity is not None else frozenset(),
            categories=(category,) if category else (),
            checks=(check,) if check else (),
            authors=(author,) if author else (),
            max_confidence=LOW_CONFIDENCE - 1e-9 if self.confidence.currentData() == "low" else None,
        )

    def clear(self) -> None:
        for combo in (self.findings, self.severity, self.category, self.check, self.author, self.confidence):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.filterChanged.emit(self.current())
