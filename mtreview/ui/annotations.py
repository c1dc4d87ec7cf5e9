"""Flagging errors (category picker, severity keys) and the annotation panel with one-key triage."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.model import Annotation, AnnotationState, Severity, Side
from mtreview.i18n import _, category_label, pgettext
from mtreview.scoring.typology import Category, Typology
from mtreview.services.labels import check_label
from mtreview.ui.editor import SEVERITY_COLOURS

SEVERITY_KEYS = {
    Qt.Key.Key_N: Severity.NEUTRAL,
    Qt.Key.Key_M: Severity.MINOR,
    Qt.Key.Key_J: Severity.MAJOR,
    Qt.Key.Key_C: Severity.CRITICAL,
}


def severity_label(severity: Severity) -> str:
    return {
        Severity.NEUTRAL: pgettext("severity", "Neutral"),
        Severity.MINOR: pgettext("severity", "Minor"),
        Severity.MAJOR: pgettext("severity", "Major"),
        Severity.CRITICAL: pgettext("severity", "Critical"),
    }[severity]


def state_label(state: AnnotationState) -> str:
    return {
        AnnotationState.PROPOSED: pgettext("annotation state", "Proposed"),
        AnnotationState.CONFIRMED: pgettext("annotation state", "Confirmed"),
        AnnotationState.DISMISSED: pgettext("annotation state", "Dismissed"),
    }[state]


@dataclass(frozen=True)
class FlagChoice:
    category: str
    severity: Severity
    comment: str
    suggestion: str | None


class _CategoryList(QListWidget):
    severityKey = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        severity = SEVERITY_KEYS.get(Qt.Key(event.key()))
        if severity is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.severityKey.emit(severity)
            event.accept()
            return
        super().keyPressEvent(event)


class _CategorySearch(QLineEdit):
    """The category search field. After a category number, N/M/J/C pick the severity instead of being
    typed ("11c": category 11, critical); words search as usual ("name" finds Name format)."""

    severityKey = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        severity = SEVERITY_KEYS.get(Qt.Key(event.key()))
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if severity is not None and plain and self.text().strip().isdigit():
            self.severityKey.emit(severity)
            event.accept()
            return
        super().keyPressEvent(event)


class FlagDialog(QDialog):
    """Pick a category (type to search, or its number) and a severity: N/M/J/C after a number in the
    search field, or in the list. Enter flags."""

    def __init__(
        self,
        typology: Typology,
        span_text: str,
        side: Side,
        parent: QWidget | None = None,
        category: str | None = None,
        severity: Severity = Severity.MAJOR,
        comment: str = "",
        suggestion: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.typology = typology
        self.setWindowTitle(_("Flag Error"))
        layout = QVBoxLayout(self)
        where = _("Source") if side == Side.SOURCE else _("MT")
        self.span_label = QLabel(
            _("{where}: «{text}»").format(where=where, text=span_text or _("whole segment"))
        )
        self.span_label.setWordWrap(True)
        layout.addWidget(self.span_label)
        self.search = _CategorySearch()
        self.search.setPlaceholderText(
            _("Type to search categories, or a number and N/M/J/C for the severity (e.g. 12j)…")
        )
        self.search.setAccessibleName(_("Search categories"))
        self.list = _CategoryList()
        self.list.setAccessibleName(_("Categories"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        sev_row = QHBoxLayout()
        self.severity_group = QButtonGroup(self)
        self.severity_buttons: dict[Severity, QRadioButton] = {}
        keys = {Severity.NEUTRAL: "N", Severity.MINOR: "M", Severity.MAJOR: "J", Severity.CRITICAL: "C"}
        for sev in Severity:
            button = QRadioButton(f"{severity_label(sev)} ({keys[sev]})")
            button.setAccessibleName(severity_label(sev))
            self.severity_group.addButton(button)
            self.severity_buttons[sev] = button
            sev_row.addWidget(button)
        layout.addLayout(sev_row)
        form = QFormLayout()
        self.comment = QLineEdit(comment)
        self.comment.setAccessibleName(_("Comment"))
        self.suggestion = QLineEdit(suggestion or "")
        self.suggestion.setAccessibleName(_("Suggested fix"))
        form.addRow(_("&Comment:"), self.comment)
        form.addRow(_("Suggested &fix:"), self.suggestion)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._search_enter)
        self.list.severityKey.connect(self.set_severity)
        self.search.severityKey.connect(self.set_severity)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._filter("")
        if category:
            self.select_category(category)
        self.set_severity(severity)
        self.resize(520, 560)

    def _filter(self, text: str) -> None:
        current = self.current_category()
        self.list.clear()
        stripped = text.strip()
        if stripped.isdigit():
            cats = [c for c in self.typology.categories if c.keys.startswith(stripped)]
        else:
            cats = self.typology.search(stripped) if stripped else list(self.typology.categories)
            if stripped:  # the UI language's names match too (検索 in Japanese)
                cats += [
                    c
                    for c in self.typology.categories
                    if c not in cats and stripped.lower() in category_label(c.path).lower()
                ]
        for cat in cats:
            shown = category_label(cat.path)
            label = f"{cat.keys:>3}  {shown}" if cat.keys else f"     {shown}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, cat.path)
            if cat.description:
                item.setToolTip(cat.description)
            self.list.addItem(item)
        if current:
            self.select_category(current)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def _search_enter(self) -> None:
        """Enter in the search field flags with the chosen category (an exact number wins)."""
        if self.search.text().strip().isdigit():
            cat = self.typology.by_keys(self.search.text().strip())
            if cat is not None:
                self.select_category(cat.path)
        if self.current_category() is not None:
            self.accept()
        else:
            self.list.setFocus()

    def select_category(self, path: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == path:
                self.list.setCurrentRow(row)
                return True
        return False

    def current_category(self) -> str | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def set_severity(self, severity: Severity) -> None:
        self.severity_buttons[severity].setChecked(True)

    def severity(self) -> Severity:
        for sev, button in self.severity_buttons.items():
            if button.isChecked():
                return sev
        return Severity.MAJOR

    def choice(self) -> FlagChoice | None:
        category = self.current_category()
        if category is None:
            return None
        return FlagChoice(
            category, self.severity(), self.comment.text().strip(), self.suggestion.text().strip() or None
        )


class AnnotationPanel(QWidget):
    """The current segment's (or document's) annotations; Enter confirms, Backspace dismisses, Del deletes."""

    MIN_TEXT_COLUMN = 56
    """The narrowest the span and category columns get when the panel is too narrow for every column."""

    annotationActivated = Signal(object)
    confirmRequested = Signal(object)
    dismissRequested = Signal(object)
    deleteRequested = Signal(object)
    editRequested = Signal(object)
    scopeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        filters = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setAccessibleName(_("Annotation scope"))
        self.scope.addItem(_("This segment"), "segment")
        self.scope.addItem(_("This document"), "document")
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(_("Annotation state filter"))
        self.state_filter.addItem(_("All states"), None)
        for state in (AnnotationState.PROPOSED, AnnotationState.CONFIRMED, AnnotationState.DISMISSED):
            self.state_filter.addItem(state_label(state), state.value)
        self.severity_filter = QComboBox()
        self.severity_filter.setAccessibleName(_("Severity filter"))
        self.severity_filter.addItem(_("All severities"), None)
        for sev in Severity:
            self.severity_filter.addItem(severity_label(sev), sev.value)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Category or author…"))
        self.text_filter.setAccessibleName(_("Filter annotations by category or author"))
        # Two rows of two: three combos and the text side by side were cut ("This segme", "All severiti")
        # in a 300-pixel panel.
        filters.addWidget(self.scope, 1)
        filters.addWidget(self.state_filter, 1)
        layout.addLayout(filters)
        second = QHBoxLayout()
        second.addWidget(self.severity_filter, 1)
        second.addWidget(self.text_filter, 1)
        layout.addLayout(second)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Annotations"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("Span"), _("Category"), _("Severity"), _("State"), _("Author"), _("#")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.tree, 1)
        self.hint = QLabel(_("⏎ confirm · ⌫ dismiss · Del delete · E edit"))
        layout.addWidget(self.hint)
        self._annotations: list[tuple[Annotation, str, int]] = []
        self.tree.currentItemChanged.connect(self._activated)
        self.tree.installEventFilter(self)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        for combo in (self.scope, self.state_filter, self.severity_filter):
            combo.currentIndexChanged.connect(self._refilter)
        self.scope.currentIndexChanged.connect(lambda _i: self.scopeChanged.emit())
        self.text_filter.textChanged.connect(self._refilter)

    def scope_is_document(self) -> bool:
        return bool(self.scope.currentData() == "document")

    def set_annotations(self, rows: list[tuple[Annotation, str, int]]) -> None:
        """Rows of (annotation, the text it covers, segment ordinal)."""
        self._annotations = rows
        self._refilter()

    def _refilter(self) -> None:
        keep = self.current()
        self.tree.blockSignals(True)
        self.tree.clear()
        state = self.state_filter.currentData()
        severity = self.severity_filter.currentData()
        text = self.text_filter.text().strip().lower()
        for ann, covered, ordinal in self._annotations:
            if state is not None and ann.state.value != state:
                continue
            if severity is not None and ann.severity.value != severity:
                continue
            if (
                text
                and text not in ann.category.lower()
                and text not in category_label(ann.category).lower()
                and text not in ann.author.lower()
                and text not in ann.origin.lower()
            ):
                continue
            item = QTreeWidgetItem(
                [
                    covered if ann.start is not None else _("(whole segment)"),
                    category_label(ann.category),
                    severity_label(ann.severity),
                    state_label(ann.state),
                    ann.author if ann.origin == "manual" else check_label(ann.origin),
                    str(ordinal),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, ann)
            item.setToolTip(0, item.text(0))
            item.setToolTip(1, ann.comment or item.text(1))
            item.setToolTip(4, item.text(4))
            colour = SEVERITY_COLOURS[ann.severity]
            item.setBackground(2, QBrush(colour))
            if ann.state == AnnotationState.PROPOSED:
                font = item.font(0)
                font.setItalic(True)
                for col in range(6):
                    item.setFont(col, font)
            if ann.state == AnnotationState.DISMISSED:
                for col in range(6):
                    item.setForeground(col, QBrush(Qt.GlobalColor.gray))
            self.tree.addTopLevelItem(item)
            if keep is not None and ann.id == keep.id:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Severity, state and # whole; the span, the category and the author (a check's name) give up
        width (elided, the whole text in their tooltip) so that every column shows in a narrow panel
        instead of the last ones being cut off behind a sideways scroll bar."""
        for col in range(6):
            self.tree.resizeColumnToContents(col)
        excess = sum(self.tree.columnWidth(c) for c in range(6)) - self.tree.viewport().width()
        for col in (0, 1, 4):
            if excess <= 0:
                break
            width = self.tree.columnWidth(col)
            least = max(self.MIN_TEXT_COLUMN, self.tree.header().sectionSizeHint(col))  # its header whole
            cut = min(excess, max(0, width - least))
            self.tree.setColumnWidth(col, width - cut)
            excess -= cut

    def current(self) -> Annotation | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def select_first_proposed(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            ann = item.data(0, Qt.ItemDataRole.UserRole)
            if ann.state == AnnotationState.PROPOSED:
                self.tree.setCurrentItem(item)
                return

    def _activated(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.annotationActivated.emit(current.data(0, Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.tree and isinstance(event, QEvent) and event.type() == QEvent.Type.Resize:
            # after the scroll area has laid out its viewport at the new size
            self._fit_timer.start()
        if watched is self.tree and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            ann = self.current()
            if ann is not None and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                key = event.key()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.confirmRequested.emit(ann)
                    return True
                if key == Qt.Key.Key_Backspace:
                    self.dismissRequested.emit(ann)
                    return True
                if key == Qt.Key.Key_Delete:
                    self.deleteRequested.emit(ann)
                    return True
                if key == Qt.Key.Key_E:
                    self.editRequested.emit(ann)
                    return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


def covered_text(ann: Annotation, source: str, target: str) -> str:
    text = source if ann.side == Side.SOURCE else target
    if ann.start is None or ann.end is None:
        return text
    return text[ann.start : ann.end]


def category_for_whole_segment(typology: Typology) -> Category | None:
    for cat in typology.categories:
        if cat.rule == "non-translation":
            return cat
    return None
