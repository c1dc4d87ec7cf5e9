"""The grid's optional "MT → correction" column: each corrected row's MT with the correction's edits tracked
(characters in Japanese, words in English — the same diff as the Changes tab, ``services.diffing``).

View ▸ Tracked Changes Column (also on the grid header's right-click menu) turns it on and off; the choice
is kept in the preferences. The model computes a row's diff when the row is painted and caches it per
segment revision, so only the rows on screen cost anything. ``TrackedChangesDelegate`` draws the runs in
the grid's own wrapped-lines layout: deleted text struck through on red, inserted text underlined on green.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QStyleOptionViewItem

from mtreview.i18n import _
from mtreview.services.diffing import DELETE, INSERT, DiffRun
from mtreview.ui.actions import ActionSpec
from mtreview.ui.segment_model import COL_CHANGES, COL_CORRECTED, TrackedRunsRole
from mtreview.ui.text_delegate import ELLIPSIS, WrappedTextDelegate, lines_for

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow

STYLES: dict[str, tuple[QColor, QColor]] = {
    DELETE: (QColor(248, 196, 196), QColor(119, 0, 0)),
    INSERT: (QColor(200, 239, 200), QColor(0, 68, 0)),
}
"""Background and text colour of deleted and inserted runs (as in the Changes tab and the report)."""


def changed_spans(runs: tuple[DiffRun, ...] | list[DiffRun]) -> list[tuple[int, int, str]]:
    """``(start, end, op)`` of the deleted and inserted runs in the joined text of all runs (code points)."""
    spans = []
    pos = 0
    for run in runs:
        if run.op in STYLES:
            spans.append((pos, pos + len(run.text), run.op))
        pos += len(run.text)
    return spans


class TrackedChangesDelegate(WrappedTextDelegate):
    """The MT → correction cell: whole wrapped lines like the other text cells, each deleted run struck
    through and each inserted one underlined, both on a tint."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:
            return
        spans = changed_spans(index.data(TrackedRunsRole) or ())
        rect = self.text_rect(opt)
        cell = lines_for(text, opt.font, rect.width(), rect.height())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        plain = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        metrics = QFontMetricsF(opt.font)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setFont(opt.font)
        y = float(rect.top())
        for line, start in zip(cell.lines, cell.starts, strict=True):
            shown = line.removesuffix(ELLIPSIS) if cell.elided and line.endswith(ELLIPSIS) else line
            end = start + len(shown)
            baseline = y + metrics.ascent()
            # the line in pieces: plain text between the changed runs, each run in its own colours
            cuts = sorted({start, end, *(p for s, e, _op in spans for p in (s, e) if start < p < end)})
            for a, b in pairwise(cuts):
                piece = text[a:b]
                x0 = rect.left() + metrics.horizontalAdvance(text[start:a])
                width = metrics.horizontalAdvance(piece)
                op = next((o for s, e, o in spans if s <= a and b <= e), None)
                if op is None:
                    painter.setPen(plain)
                    painter.drawText(QPointF(x0, baseline), piece)
                    continue
                background, ink = STYLES[op]
                painter.fillRect(QRectF(x0, y, width, cell.line_height), background)
                pen = QPen(ink)
                pen.setWidthF(max(1.0, metrics.lineWidth()))
                painter.setPen(pen)
                painter.drawText(QPointF(x0, baseline), piece)
                mark = (
                    baseline - metrics.strikeOutPos() if op == DELETE else baseline + metrics.underlinePos()
                )
                painter.drawLine(QPointF(x0, mark), QPointF(x0 + width, mark))
            if len(shown) < len(line):  # the ellipsis
                painter.setPen(plain)
                painter.drawText(QPointF(rect.left() + metrics.horizontalAdvance(shown), baseline), ELLIPSIS)
            y += cell.line_height
        painter.restore()


class GridChangesController:
    """Shows and hides the grid's MT → correction column and keeps the choice in the preferences."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        table = window.grid.table
        self.delegate = TrackedChangesDelegate(table)
        table.setItemDelegateForColumn(COL_CHANGES, self.delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_CHANGES, QHeaderView.ResizeMode.Stretch)
        # beside the correction it describes
        header.moveSection(header.visualIndex(COL_CHANGES), header.visualIndex(COL_CORRECTED) + 1)
        table.setColumnHidden(COL_CHANGES, True)
        self.action: QAction | None = None

    def actions(self) -> list[ActionSpec]:
        return [
            ActionSpec(
                "view.grid_changes",
                _("Tracked Changes Co&lumn"),
                self._toggled,
                None,
                "view",
                1,
                _("Show the machine translation with the correction's changes tracked as a grid column"),
            )
        ]

    def attach(self, action: QAction) -> None:
        """Make the registered action a check box, put it on the header's right-click menu, apply the
        saved choice."""
        self.action = action
        action.setCheckable(True)
        header = self.w.grid.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header.addAction(action)
        self.set_shown(self.w.prefs.grid_tracked_changes)

    def shown(self) -> bool:
        return not self.w.grid.table.isColumnHidden(COL_CHANGES)

    def _toggled(self) -> None:
        self.set_shown(self.action.isChecked() if self.action is not None else not self.shown())

    def set_shown(self, on: bool) -> None:
        table = self.w.grid.table
        self.w.prefs.grid_tracked_changes = on
        if self.action is not None and self.action.isChecked() != on:
            self.action.setChecked(on)
        if self.shown() == on:
            return
        table.setColumnHidden(COL_CHANGES, not on)
        table.reset_sizes()  # the columns are narrower (or wider) now: rows get their height again
