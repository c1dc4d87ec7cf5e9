"""The grid's text cells: wrapped to the column, whole lines only, an ellipsis where text is cut, search
matches highlighted.

Qt's default delegate wraps text and then cuts it wherever the row ends — through the middle of a line of
glyphs, with no sign that more text follows. Here the lines are laid out with ``QTextLayout`` (Japanese
wraps anywhere, English at word boundaries), only the lines that fit the cell's height are drawn, and the
last one ends with "…" when anything is left out. ``lines_for`` is the layout alone, so tests can ask what
a user sees in a cell of a given size.

Match spans come from the model (``SearchSpansRole``, code points computed in the core); Qt's UTF-16 line
positions are converted back to code points with ``align.offsets``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mtreview.align.offsets import from_utf16, utf16_length

SearchSpansRole = Qt.ItemDataRole.UserRole + 20
"""A cell's search matches: ``[(start, end), …]`` in code points of its display text."""

MARGIN = 3
ELLIPSIS = "…"
MATCH_COLOUR = QColor(255, 221, 87)


@dataclass(frozen=True)
class CellLines:
    lines: list[str]
    """The text of each line drawn (the last one with "…" when ``elided``)."""
    starts: list[int]
    """Each line's start in the cell text, in code points."""
    elided: bool
    line_height: float


def _layout_text(text: str) -> str:
    # QTextLayout breaks lines at U+2028; a "\n" would be drawn as a box.
    return text.replace("\r\n", "\n").replace("\n", "\u2028")


def lines_for(text: str, font: QFont, width: float, height: float) -> CellLines:
    """The whole lines of ``text`` wrapped to ``width`` that fit in ``height`` (at least one), the last
    one elided with "…" when some text does not fit."""
    metrics = QFontMetricsF(font)
    line_height = metrics.lineSpacing()
    width = max(1.0, width)
    capacity = max(1, int((height + 0.01) // line_height))
    laid = _layout_text(text)
    layout = QTextLayout(laid, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []  # UTF-16 (start, length)
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines: list[str] = []
    starts: list[int] = []
    end_units = utf16_length(text)
    for start, length in spans[:capacity]:
        a, b = from_utf16(text, start), from_utf16(text, min(start + length, end_units))
        lines.append(text[a:b].rstrip("\n\r").rstrip())
        starts.append(a)
    elided = len(spans) > capacity
    if elided and lines:
        # The last line keeps what fits beside the ellipsis (it never borrows the next line's words).
        last = lines[-1]
        while last and metrics.horizontalAdvance(last + ELLIPSIS) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + ELLIPSIS
    return CellLines(lines, starts, elided, line_height)


class WrappedTextDelegate(QStyledItemDelegate):
    """Wrapped text with whole lines, an ellipsis when cut, and highlighted search matches."""

    def __init__(self, parent: QWidget | None = None, max_lines: int = 8) -> None:
        super().__init__(parent)
        self.max_lines = max_lines

    def text_rect(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(MARGIN, MARGIN - 1, -MARGIN, -MARGIN + 1)

    def cell_lines(
        self, index: QModelIndex | QPersistentModelIndex, option: QStyleOptionViewItem
    ) -> CellLines:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self.text_rect(option)
        return lines_for(text, option.font, rect.width(), rect.height())

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
        rect = self.text_rect(opt)
        cell = lines_for(text, opt.font, rect.width(), rect.height())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        spans = index.data(SearchSpansRole) or []
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setFont(opt.font)
        metrics = QFontMetricsF(opt.font)
        y = float(rect.top())
        for line, start in zip(cell.lines, cell.starts, strict=True):
            shown = line.removesuffix(ELLIPSIS) if cell.elided else line
            for s, e in spans:
                a, b = max(s, start), min(e, start + len(shown))
                if a >= b:
                    continue
                x0 = metrics.horizontalAdvance(text[start:a])
                x1 = metrics.horizontalAdvance(text[start:b])
                painter.fillRect(QRectF(rect.left() + x0, y, x1 - x0, cell.line_height), MATCH_COLOUR)
            painter.setPen(opt.palette.color(role))
            painter.drawText(QPointF(rect.left(), y + metrics.ascent()), line)
            y += cell.line_height
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """As many whole lines as the text needs at the column's width, at most ``max_lines``."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = option.rect.width() if option.rect.width() > 0 else 200
        metrics = QFontMetricsF(option.font)
        cell = lines_for(text, option.font, width - 2 * MARGIN, metrics.lineSpacing() * self.max_lines)
        lines = max(1, len(cell.lines))
        return QSize(width, int(lines * metrics.lineSpacing() + 2 * MARGIN + 0.999))
