"""Rich text in item views: a delegate that paints a cell's HTML (``HTML_ROLE``), and the HTML of text
with highlighted spans or with tracked changes. Spans are code points, turned into HTML by slicing the
Python string (no Qt positions involved)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mtreview.services.diffing import DELETE, INSERT, DiffRun

HTML_ROLE = Qt.ItemDataRole.UserRole + 40
HIT = "background-color:#ffd27a;color:#000"
DELETED = "background-color:#f8c4c4;color:#700;text-decoration:line-through"
INSERTED = "background-color:#c8efc8;color:#040;text-decoration:underline"


def highlighted(text: str, spans: Sequence[tuple[int, int]], style: str = HIT) -> str:
    """``text`` as HTML with every span marked."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="{style}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def tracked(runs: Sequence[DiffRun], context: int | None = None) -> str:
    """Tracked changes as HTML (deleted struck through, inserted underlined); with ``context``, unchanged
    runs are shortened to that many characters around the changes."""
    out: list[str] = []
    for i, r in enumerate(runs):
        if r.op == DELETE:
            out.append(f'<span style="{DELETED}">{html.escape(r.text)}</span>')
        elif r.op == INSERT:
            out.append(f'<span style="{INSERTED}">{html.escape(r.text)}</span>')
        else:
            text = r.text
            if context is not None and len(text) > 2 * context + 1:
                head = text[:context] if i > 0 else ""
                tail = text[-context:] if i < len(runs) - 1 else ""
                text = head + "…" + tail
            out.append(html.escape(text))
    return "".join(out).replace("\n", "<br>")


class HtmlDelegate(QStyledItemDelegate):
    """Paints ``HTML_ROLE`` of a cell (falls back to the plain display text), wrapped to the column."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        markup = index.data(HTML_ROLE)
        if markup is None:
            doc.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        else:
            doc.setHtml(str(markup))
        doc.setTextWidth(max(40, option.rect.width()))
        return doc

    def paint(self, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        doc = self._document(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(text_rect.translated(-text_rect.topLeft()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # type: ignore[no-untyped-def]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
