"""The findings panel: proposed annotations of the automatic checks, grouped by check with counts."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mtreview.domain.model import Annotation, AnnotationState
from mtreview.i18n import _
from mtreview.services.labels import check_label
from mtreview.ui.annotations import severity_label

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_PER_CHECK = 1000
"""Rows listed under one check; the rest are counted (Review ▸ Next Segment with Findings reaches all)."""


class FindingsPanel(QWidget):
    """Findings grouped by check. A check's rows are made when its group is opened, at most
    ``SHOWN_PER_CHECK`` of them: a checks run on a large document stores tens of thousands, and making
    a tree item for each on the GUI thread would freeze the window."""

    annotationActivated = Signal(object)
    shown = Signal(int)
    """Emitted after ``set_findings`` with the number of findings listed (all checks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Findings by check"))
        self.tree.setHeaderLabels([_("Check / finding"), _("Severity"), _("#")])
        # several findings (or whole checks) at once, for bulk triage; right-click lists the actions
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemExpanded.connect(self._fill)
        self._groups: dict[str, list[tuple[Annotation, str, int]]] = {}
        self._by_check: dict[str, list[Annotation]] = {}
        """Every listed finding of each check (also those of a group not opened yet), for bulk triage."""
        self.total = 0

    def set_findings(self, rows: list[tuple[Annotation, str, int]]) -> None:
        """Rows of (proposed or confirmed annotation from a check, covered text, segment ordinal)."""
        self.tree.clear()
        self._groups.clear()
        self._by_check.clear()
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
            parent.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            parent.setData(0, GROUP_ROLE, check)
            self.tree.addTopLevelItem(parent)
            self._groups[check] = items
            self._by_check[check] = [row[0] for row in items]
        self.total = total
        self.summary.setText(_("{n} findings in {c} checks").format(n=total, c=len(groups)))
        self.tree.resizeColumnToContents(0)
        self.shown.emit(total)

    def listed(self, group: int) -> int:
        """Rows listed under the ``group``-th check once it is opened (for tests and accessibility)."""
        item = self.tree.topLevelItem(group)
        if item is None:
            return 0
        self.tree.expandItem(item)
        children = (item.child(i) for i in range(item.childCount()))
        return sum(1 for c in children if c is not None and c.data(0, Qt.ItemDataRole.UserRole) is not None)

    def selected_annotations(self) -> list[Annotation]:
        """The findings of the selected rows; a selected check stands for all of its findings (listed
        or not)."""
        seen: dict[int, Annotation] = {}
        for item in self.tree.selectedItems():
            check = item.data(0, GROUP_ROLE)
            found = self._by_check.get(check, []) if isinstance(check, str) else []
            ann = item.data(0, Qt.ItemDataRole.UserRole)
            for a in [*found, *([ann] if isinstance(ann, Annotation) else [])]:
                seen.setdefault(a.id, a)
        return list(seen.values())

    def check_items(self) -> dict[str, QTreeWidgetItem]:
        """The top-level row of each check, by check id."""
        out: dict[str, QTreeWidgetItem] = {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            check = item.data(0, GROUP_ROLE) if item is not None else None
            if item is not None and isinstance(check, str):
                out[check] = item
        return out

    def _fill(self, parent: QTreeWidgetItem) -> None:
        items = self._groups.pop(str(parent.data(0, GROUP_ROLE)), None)
        if items is None:
            return  # filled already
        items = sorted(items, key=lambda r: r[2])
        children = []
        for ann, text, ordinal in items[:SHOWN_PER_CHECK]:
            child = QTreeWidgetItem([text or ann.comment, severity_label(ann.severity), str(ordinal)])
            child.setToolTip(0, ann.comment)
            child.setData(0, Qt.ItemDataRole.UserRole, ann)
            children.append(child)
        if len(items) > SHOWN_PER_CHECK:
            more = len(items) - SHOWN_PER_CHECK
            children.append(
                QTreeWidgetItem(
                    [_("… {n} more (Review ▸ Next Segment with Findings goes through all)").format(n=more)]
                )
            )
        parent.addChildren(children)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ann = item.data(0, Qt.ItemDataRole.UserRole)
        if ann is not None:
            self.annotationActivated.emit(ann)
