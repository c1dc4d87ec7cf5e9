"""F1: every key in one list, in two aligned columns — the window's actions (from the action registry)
and the keys that work inside one place (the flag dialog, the annotations panel, the search box)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mtreview.i18n import _

Section = tuple[str, Sequence[tuple[str, str]]]


def context_sections() -> list[Section]:
    """Keys that belong to one widget, not to a window action."""
    return [
        (
            _("Flag dialog (F or Ctrl+E on a selection)"),
            [
                (_("Search a category by name or number"), _("type")),
                (_("Neutral / minor / major / critical (after a number, or in the list)"), "N / M / J / C"),
                (_("A category number, then its severity"), "11 J"),
                (_("Flag"), _("Enter")),
            ],
        ),
        (
            _("Annotations panel (Ctrl+Shift+A)"),
            [
                (_("Confirm the proposal"), _("Enter")),
                (_("Dismiss the proposal (it stays dismissed)"), _("Backspace")),
                (_("Delete the annotation"), _("Del")),
                (_("Edit the annotation"), "E"),
            ],
        ),
        (_("Search box (Ctrl+F)"), [(_("Clear the search"), _("Esc"))]),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, sections: Sequence[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard Shortcuts"))
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.tree.setHeaderLabels([_("What"), _("Keys")])
        self.tree.setRootIsDecorated(False)
        for title, rows in sections:
            if not rows:
                continue
            head = QTreeWidgetItem([title, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for what, keys in rows:
                head.addChild(QTreeWidgetItem([what, keys]))
            head.setExpanded(True)
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = sum(self.tree.columnWidth(c) for c in (0, 1)) + 60
        self.resize(min(width, 900), 620)

    def rows(self) -> list[tuple[str, str]]:
        """(what, keys) of every line, in order."""
        out: list[tuple[str, str]] = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            children = [head.child(j) for j in range(head.childCount())] if head is not None else []
            out.extend((child.text(0), child.text(1)) for child in children if child is not None)
        return out
