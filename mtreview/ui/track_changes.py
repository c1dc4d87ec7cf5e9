"""Seeing the edit: the MT with the reviewer's changes tracked (characters in Japanese, words in
English), as a read-only view under the editor and as the text of a grid column."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

from mtreview.domain.model import Segment
from mtreview.i18n import _
from mtreview.services.diffing import diff, to_text
from mtreview.ui.richtext import tracked


def tracked_html(mt: str, corrected: str | None, context: int | None = None) -> str:
    """MT → correction as HTML (the MT alone when there is no correction)."""
    if corrected is None or corrected == mt:
        from html import escape

        return escape(mt).replace("\n", "<br>")
    return tracked(diff(mt, corrected), context)


def tracked_plain(mt: str, corrected: str | None) -> str:
    """MT → correction as ``[-deleted-]{+inserted+}`` text (for a grid cell's tooltip or copy)."""
    if corrected is None or corrected == mt:
        return mt
    return to_text(diff(mt, corrected))


class TrackChangesView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Changes to the machine translation"))
        self.setOpenLinks(False)
        self.setPlaceholderText(_("No changes to the machine translation yet."))

    def show_segment(self, segment: Segment | None, text: str | None = None) -> None:
        """The segment's MT with ``text`` (the editor's current text; default: its stored correction)."""
        if segment is None:
            self.clear()
            return
        corrected = segment.corrected if text is None else text
        if corrected is None or corrected == segment.mt:
            self.clear()
            return
        self.setHtml(tracked_html(segment.mt, corrected))
