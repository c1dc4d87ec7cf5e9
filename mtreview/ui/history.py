"""The History panel: every revision of the current segment (who, when, what), with Revert."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mtreview.domain.model import Revision
from mtreview.i18n import _


def _describe(state: object) -> str:
    if not isinstance(state, dict):
        return "—"
    if "corrected" in state and "category" not in state:
        text = state.get("corrected")
        status = state.get("status", "")
        return f"[{status}] " + ("(MT)" if text is None else str(text))
    return f"{state.get('category', '')} · {state.get('severity', '')} · {state.get('state', '')}"


class HistoryPanel(QWidget):
    revertRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Revision history"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("When"), _("Who"), _("What"), _("Before"), _("After")])
        layout.addWidget(self.tree, 1)
        self.revert = QPushButton(_("Re&vert to the selected version"))
        self.revert.setAccessibleName(_("Revert the segment to the text before or after the selected change"))
        self.revert.clicked.connect(self._revert)
        layout.addWidget(self.revert)

    def set_revisions(self, revisions: list[Revision]) -> None:
        self.tree.clear()
        for rev in reversed(revisions):
            item = QTreeWidgetItem(
                [
                    rev.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    rev.author,
                    f"{rev.entity} {rev.action}",
                    _describe(rev.before),
                    _describe(rev.after),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, rev)
            item.setToolTip(3, _describe(rev.before))
            item.setToolTip(4, _describe(rev.after))
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.revert.setEnabled(bool(revisions))

    def _revert(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.revertRequested.emit(item.data(0, Qt.ItemDataRole.UserRole))
