"""The findings panel: proposed annotations of the automatic checks, grouped by check with counts."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mtreview.domain.model import Annotation, AnnotationState
from mtreview.i18n import _
from mtreview.services.labels import check_label
from mtreview.ui.annotations import severity_label


class FindingsPanel(QWidget):
    annotationActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Findings by check"))
        self.tree.setHeaderLabels([_("Check / finding"), _("Severity"), _("#")])
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)

    def set_findings(self, rows: list[tuple[Annotation, str, int]]) -> None:
        """Rows of (proposed or confirmed annotation from a check, covered text, segment ordinal)."""
        self.tree.clear()
        groups: dict[str, list[tuple[Annotation, str, int]]] = defaultdict(list)
        for row in rows:
            if row[0].origin != "manual" and row[0].state != AnnotationState.DISMISSED:
                groups[row[0].origin].append(row)
        total = 0
        for check in sorted(groups, key=lambda c: -len(groups[c])):
            items = groups[check]
            total += len(items)
            parent = QTreeWidgetItem([f"{check_label(check)} ({len(items)})", "", ""])
            parent.setToolTip(0, check)
            self.tree.addTopLevelItem(parent)
            for ann, text, ordinal in sorted(items, key=lambda r: r[2]):
                child = QTreeWidgetItem([text or ann.comment, severity_label(ann.severity), str(ordinal)])
                child.setToolTip(0, ann.comment)
                child.setData(0, Qt.ItemDataRole.UserRole, ann)
                parent.addChild(child)
        self.summary.setText(_("{n} findings in {c} checks").format(n=total, c=len(groups)))
        self.tree.resizeColumnToContents(0)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ann = item.data(0, Qt.ItemDataRole.UserRole)
        if ann is not None:
            self.annotationActivated.emit(ann)
