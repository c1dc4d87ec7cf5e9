"""The editor pane for the current segment: source and MT read-only, the correction editable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from mtreview.align.offsets import span_from_utf16, span_to_utf16
from mtreview.domain.errors import InputError
from mtreview.domain.model import Annotation, AnnotationState, Segment, Severity, Side
from mtreview.i18n import _
from mtreview.services.labels import check_label
from mtreview.services.search import match_spans

SEVERITY_COLOURS = {
    Severity.CRITICAL: QColor(214, 39, 40, 110),
    Severity.MAJOR: QColor(255, 127, 14, 110),
    Severity.MINOR: QColor(255, 221, 51, 120),
    Severity.NEUTRAL: QColor(160, 160, 160, 90),
}
SEARCH_COLOUR = QColor(255, 221, 87)
"""The grid search's matches (the grid's cells use the same yellow)."""


class TextView(QPlainTextEdit):
    """A read-only (or editable) plain-text view that can highlight code-point spans."""

    def __init__(self, read_only: bool, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: list[tuple[int, int, QColor, bool]] = []
        self._search_spans: list[tuple[int, int]] = []
        self.setReadOnly(read_only)
        self.setAccessibleName(accessible)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        if read_only:
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
            )

    def minimumSizeHint(self) -> QSize:
        """Two lines of text: on a small screen (1366×768, or at scale 2) the three views and the grid
        share the height instead of pushing the status bar off the screen."""
        frame = 2 * self.frameWidth() + 8
        return QSize(120, 2 * self.fontMetrics().lineSpacing() + frame)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a code-point span (snapped to whole characters), or ``None``."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return span_from_utf16(self.toPlainText(), cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        text = self.toPlainText()
        s, e = span_to_utf16(text, min(start, len(text)), min(end, len(text)))
        cursor = self.textCursor()
        cursor.setPosition(s)
        cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def highlight(self, spans: Sequence[tuple[int, int, QColor, bool]]) -> None:
        """Paint (start, end, colour, dashed) code-point spans; dashed marks proposals."""
        self._marks = list(spans)
        self._paint()

    def set_search_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark the grid search's matches (code points), under the annotations' colours."""
        self._search_spans = list(spans)
        self._paint()

    def _paint(self) -> None:
        text = self.toPlainText()
        selections = []
        for start, end in self._search_spans:
            if end > len(text) or start >= end:
                continue
            s, e = span_to_utf16(text, start, end)
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(SEARCH_COLOUR)
            sel.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        for start, end, colour, dashed in self._marks:
            if end > len(text) or start >= end:
                continue
            s, e = span_to_utf16(text, start, end)
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            if dashed:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(colour.darker(150))
                fmt.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 45))
            else:
                fmt.setBackground(colour)
            sel.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)


class CorrectionEdit(TextView):
    """The editable correction. Confirming is the Confirm action's shortcut (Ctrl+Enter by default, the
    window's action registry): no key is hard-coded here, so rebinding it in Preferences really rebinds it."""

    undoRequested = Signal()
    redoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(False, _("Japanese correction"), parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # With nothing of its own left to undo (e.g. right after Ctrl+Enter), Ctrl+Z undoes the last
        # project change, as the Edit menu does.
        if event.matches(QKeySequence.StandardKey.Undo) and not self.document().isUndoAvailable():
            self.undoRequested.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Redo) and not self.document().isRedoAvailable():
            self.redoRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SegmentEditor(QWidget):
    """Source, MT and correction of the current segment, everything visible without a dialog."""

    draftChanged = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment: Segment | None = None
        self._search: tuple[str, bool] | None = None
        self.source = TextView(True, _("English source"))
        self.mt = TextView(True, _("Japanese machine translation"))
        self.correction = CorrectionEdit()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setAccessibleName(_("Segment information"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.source_label = QLabel(_("&Source (read-only)"))
        self.source_label.setBuddy(self.source)
        self.mt_label = QLabel(_("&MT (read-only; select text and press F to flag an error)"))
        self.mt_label.setBuddy(self.mt)
        self.correction_label = QLabel()
        self.set_confirm_keys("Ctrl+Enter")
        self.correction_label.setBuddy(self.correction)
        for label, widget in (
            (self.source_label, self.source),
            (self.mt_label, self.mt),
            (self.correction_label, self.correction),
        ):
            label.setWordWrap(True)  # long hints wrap in a narrow pane instead of widening it
            layout.addWidget(label)
            layout.addWidget(widget, 1)
        self.correction_findings = QLabel()
        self.correction_findings.setWordWrap(True)
        self.correction_findings.setAccessibleName(_("Checks on your correction"))
        self.correction_findings.setStyleSheet("color: #a04000;")
        self.correction_findings.setVisible(False)
        layout.addWidget(self.correction_findings)
        layout.addWidget(self.info)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(2000)
        self._draft_timer.timeout.connect(self._emit_draft)
        self.correction.textChanged.connect(self._on_text_changed)
        self._loading = False
        self.setEnabled(False)

    def set_confirm_keys(self, keys: str) -> None:
        """Name the Confirm action's current shortcut under the correction (it can be rebound)."""
        self.correction_label.setText(
            _("C&orrection ({keys} confirms and moves on)").format(keys=keys) if keys else _("C&orrection")
        )

    def set_draft_interval(self, ms: int) -> None:
        self._draft_timer.setInterval(ms)

    def set_fonts(self, source: QFont, target: QFont) -> None:
        self.source.setFont(source)
        self.mt.setFont(target)
        self.correction.setFont(target)

    def load(self, segment: Segment | None, draft: str | None = None) -> None:
        self._loading = True
        self.segment = segment
        self._draft_timer.stop()
        self.setEnabled(segment is not None)
        if segment is None:
            for w in (self.source, self.mt, self.correction):
                w.setPlainText("")
            self.info.setText("")
        else:
            self.source.setPlainText(segment.source)
            self.mt.setPlainText(segment.mt)
            self.correction.setPlainText(draft if draft is not None else segment.target)
            self.correction.document().setModified(draft is not None)
            self._show_info(segment)
        self._apply_search()
        self._loading = False

    def set_search(self, query: str | None, regex: bool = False) -> None:
        """Mark the grid search's matches in the source, the MT and the correction."""
        self._search = (query, regex) if query else None
        self._apply_search()

    def _apply_search(self) -> None:
        search = self._search
        for view in (self.source, self.mt, self.correction):
            try:
                spans = match_spans(view.toPlainText(), search[0], search[1]) if search else []
            except InputError:
                spans = []
            view.set_search_spans(spans)

    def _show_info(self, segment: Segment) -> None:
        self.info.setText(
            _("Segment {n} · {status} · version {v} · confidence {c:.2f} · lines {s} / {t}").format(
                n=segment.ordinal,
                status=_(segment.status.value),
                v=segment.version,
                c=segment.confidence,
                s=",".join(map(str, segment.source_lines)) or "—",
                t=",".join(map(str, segment.target_lines)) or "—",
            )
        )

    def mark_saved(self, segment: Segment) -> None:
        """The text on screen was just saved as ``segment``: it is the new base (not dirty), without
        reloading the three text views."""
        self.segment = segment
        self._draft_timer.stop()
        self.correction.document().setModified(False)
        self._show_info(segment)

    def text(self) -> str:
        """The correction exactly as typed: ``toPlainText`` would turn no-break spaces into spaces and
        line/paragraph separators into line feeds, so merely visiting a segment would change it."""
        return self.correction.document().toRawText().replace("\u2029", "\n")

    def is_dirty(self) -> bool:
        return self.segment is not None and self.text() != self.segment.target

    def show_annotations(self, annotations: Sequence[Annotation]) -> None:
        mt_spans: list[tuple[int, int, QColor, bool]] = []
        src_spans: list[tuple[int, int, QColor, bool]] = []
        for ann in annotations:
            if ann.state == AnnotationState.DISMISSED or ann.start is None or ann.end is None:
                continue
            item = (ann.start, ann.end, SEVERITY_COLOURS[ann.severity], ann.state == AnnotationState.PROPOSED)
            (src_spans if ann.side == Side.SOURCE else mt_spans).append(item)
        self.mt.highlight(mt_spans)
        self.source.highlight(src_spans)

    def show_correction_findings(self, findings: Sequence[object]) -> None:
        """What the checks find in the saved correction: underlined there, summed up under it."""
        spans: list[tuple[int, int, QColor, bool]] = []
        names: list[str] = []
        for f in findings:
            if getattr(f, "side", None) != Side.TARGET:
                continue
            names.append(f"{check_label(f.check)}: {f.message}")  # type: ignore[attr-defined]
            start, end = f.start, f.end  # type: ignore[attr-defined]
            if start is not None and end is not None:
                spans.append((start, end, SEVERITY_COLOURS[f.severity], True))  # type: ignore[attr-defined]
        self.correction.highlight(spans)
        self.correction_findings.setText(
            _("Checks on your correction: {n} — {what}").format(n=len(names), what="; ".join(names[:3]))
            if names
            else ""
        )
        self.correction_findings.setVisible(bool(names))

    def _on_text_changed(self) -> None:
        if not self._loading and self.segment is not None:
            self._draft_timer.start()

    def _emit_draft(self) -> None:
        if self.segment is not None and self.is_dirty():
            self.draftChanged.emit(self.segment.id, self.text())

    def flush_draft(self) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._emit_draft()
