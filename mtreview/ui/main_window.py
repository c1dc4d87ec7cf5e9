"""The main window: Review view (grid + editor + side panel), menus, filters, status bar."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mtreview import __version__
from mtreview.domain.errors import ConnectionLostError, InputError, MtreviewError
from mtreview.domain.model import AnnotationDraft, AnnotationState, Changes, Segment, Severity, Side, Status
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.scoring import typology as typologies
from mtreview.services.commands import AddAnnotation, DeleteAnnotation, SetSegmentText, UpdateAnnotation
from mtreview.services.editing import EditingSession
from mtreview.services.live_scores import LiveScores
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService
from mtreview.services.saving import Conflict, Queued, Saved, SaveOutcome
from mtreview.ui.alignment_view import AlignmentView
from mtreview.ui.annotations import AnnotationPanel, FlagDialog, category_for_whole_segment, covered_text
from mtreview.ui.dashboard import Dashboard
from mtreview.ui.editor import SegmentEditor
from mtreview.ui.findings import FindingsPanel
from mtreview.ui.history import HistoryPanel
from mtreview.ui.segment_model import (
    COL_CHRF,
    COL_CORRECTED,
    COL_FINDINGS,
    COL_MQM,
    COL_MT,
    COL_NUMBER,
    COL_SOURCE,
    COL_STATUS,
    RowExtras,
    SegmentTableModel,
)
from mtreview.ui.tasks import describe_error, run_with_progress
from mtreview.ui.undo import UndoAdapter

SYNC_SCORING_LIMIT = 20_000
"""Projects up to this many segments get their scores before the window shows; larger ones on a worker."""
IMPORT_FILTER = "Documents (*.txt *.md *.csv *.tsv *.tmx *.xlf *.xliff *.po *.pot *.xlsx);;All files (*)"


class SegmentTable(QTableView):
    """The grid. Rows get their wrapped height lazily, only when they are on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(_("Segments"))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        self._sized: set[int] = set()
        self._keep_visible: QPersistentModelIndex | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._size_visible_rows)
        self.verticalScrollBar().valueChanged.connect(self._pending.start)

    def reset_sizes(self) -> None:
        self._sized.clear()
        self._pending.start()

    def forget_rows(self, rows: list[int]) -> None:
        self._sized.difference_update(rows)
        self._pending.start()

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._sized.clear()
        self._pending.start()

    def _size_visible_rows(self) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        first = self.rowAt(0)
        if first < 0:
            first = 0
        limit = self.viewport().height()
        row = first
        # Size rows top-down; each resize moves the following ones, so re-measure as we go.
        while row < model.rowCount() and self.rowViewportPosition(row) < limit:
            if row not in self._sized:
                self.resizeRowToContents(row)
                height = min(self.rowHeight(row), self.fontMetrics().lineSpacing() * 8 + 8)
                self.setRowHeight(row, max(height, self.fontMetrics().lineSpacing() + 8))
                self._sized.add(row)
            row += 1
        # Sizing rows moves the ones below: bring the current row back into view (once per request).
        if self._keep_visible is not None:
            index, self._keep_visible = self._keep_visible, None
            if index.isValid():
                self.scrollTo(index)

    def keep_visible(self, index: QModelIndex) -> None:
        """Scroll to ``index`` now and again after the rows on screen got their wrapped height."""
        self.scrollTo(index)
        self._keep_visible = QPersistentModelIndex(index)
        self._pending.start()


class MainWindow(QMainWindow):
    projectOpened = Signal()

    def __init__(self, service: ProjectService, prefs: Preferences) -> None:
        super().__init__()
        self.service = service
        self.prefs = prefs
        self.setAcceptDrops(True)
        self.undo_stack = QUndoStack(self)
        self.undo = UndoAdapter(self.undo_stack, service, self.apply_changes, self._command_error)
        self.model = SegmentTableModel(service, self)
        self.model.extras_provider = self._row_extras
        self.session = EditingSession(service)
        self._load_scoring()
        self._start_feed()
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._apply_fonts()
        self._restore_window()
        self.reload()
        from mtreview.ui.preferences import install as install_preferences  # Preferences…, Project Settings…

        install_preferences(self)

    @property
    def current(self) -> Segment | None:
        """The open segment, as the base of the reviewer's text (owned by the editing session)."""
        return self.session.current

    @current.setter
    def current(self, segment: Segment | None) -> None:
        self.session.current = segment

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        self.table = SegmentTable()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col in (COL_SOURCE, COL_MT, COL_CORRECTED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (COL_NUMBER, COL_STATUS, COL_MQM, COL_CHRF):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            # wide enough for the header in any UI language (not ResizeToContents: that reads every row)
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(52, header.fontMetrics().horizontalAdvance(title) + 18))
        header.setSectionResizeMode(COL_FINDINGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_FINDINGS, 110)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.modelReset.connect(self.table.reset_sizes)
        self.model.dataChanged.connect(
            lambda top, bottom, _roles=(): self.table.forget_rows(list(range(top.row(), bottom.row() + 1)))
        )

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search source and target…"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        self.regex = QCheckBox(_("Rege&x"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Status filter"))
        self.status_filter.addItem(_("All statuses"), None)
        self.status_filter.addItem(_("Not confirmed"), [Status.NEW, Status.CORRECTED, Status.REJECTED])
        for status in Status:
            self.status_filter.addItem(_(status.value), [status])
        self.document_filter = QComboBox()
        self.document_filter.setAccessibleName(_("Document"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.regex.toggled.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.document_filter.currentIndexChanged.connect(self.apply_filter)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Document:")))
        bar.addWidget(self.document_filter, 1)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.regex)
        bar.addWidget(self.status_filter)

        self.editor = SegmentEditor()
        self.editor.confirmRequested.connect(self.confirm_and_next)
        self.editor.draftChanged.connect(self._save_draft)
        self.editor.set_draft_interval(self.prefs.draft_interval_ms)
        self.side = QTabWidget()
        self.side.setAccessibleName(_("Findings and annotations"))
        self.side.setMinimumWidth(300)
        self.annotation_panel = AnnotationPanel()
        self.side.addTab(self.annotation_panel, _("&Annotations"))
        self.annotation_panel.annotationActivated.connect(self._select_annotation_span)
        self.annotation_panel.confirmRequested.connect(
            lambda ann: self.triage(ann, AnnotationState.CONFIRMED)
        )
        self.annotation_panel.dismissRequested.connect(
            lambda ann: self.triage(ann, AnnotationState.DISMISSED)
        )
        self.annotation_panel.deleteRequested.connect(self.delete_annotation)
        self.annotation_panel.editRequested.connect(self.edit_annotation)
        self.annotation_panel.scopeChanged.connect(self.refresh_annotations)
        self.findings_panel = FindingsPanel()
        self.side.addTab(self.findings_panel, _("F&indings"))
        self.findings_panel.annotationActivated.connect(self._select_annotation_span)
        self.history_panel = HistoryPanel()
        self.side.addTab(self.history_panel, _("&History"))
        self.history_panel.revertRequested.connect(self.revert_to_revision)
        self.side.currentChanged.connect(lambda _i: self.refresh_history())

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.editor)
        lower.addWidget(self.side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        self.review_splitter = QSplitter(Qt.Orientation.Vertical)
        self.review_splitter.addWidget(self.table)
        self.review_splitter.addWidget(lower)
        self.review_splitter.setStretchFactor(0, 3)
        self.review_splitter.setStretchFactor(1, 2)
        self.review_splitter.setSizes([560, 340])

        review = QWidget()
        layout = QVBoxLayout(review)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(bar)
        layout.addWidget(self.review_splitter, 1)
        self.views = QTabWidget()
        self.views.setAccessibleName(_("Views"))
        self.views.addTab(review, _("&Review"))
        self.alignment_view = AlignmentView()
        self.views.addTab(self.alignment_view, _("A&lignment"))
        self.alignment_view.operationRequested.connect(self.alignment_operation)
        self.alignment_view.realignRequested.connect(self.realign_document)
        self.alignment_view.documentChanged.connect(lambda _d: self.refresh_alignment())
        self.dashboard = Dashboard()
        self.views.addTab(self.dashboard, _("&Dashboard"))
        self.dashboard.refreshRequested.connect(self.refresh_dashboard)
        self.dashboard.segmentRequested.connect(self.open_segment_from_dashboard)
        self.dashboard.compareRequested.connect(self.compare_engines)
        self._dashboard_stale = True
        self.views.currentChanged.connect(lambda _i: self.refresh_alignment())
        self.views.currentChanged.connect(lambda _i: self._maybe_refresh_dashboard())
        self.setCentralWidget(self.views)

        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(_("Progress and scores"))
        self.statusBar().addPermanentWidget(self.progress_label)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        Std = QKeySequence.StandardKey
        self.act_new = self._action(_("&New Project…"), self.new_project, Std.New)
        self.act_open = self._action(_("&Open Project…"), self.open_project_dialog, Std.Open)
        self.act_import = self._action(
            _("&Import Document…"),
            self.import_dialog,
            "Ctrl+I",
            _("Import a bilingual page, a pair of files, CSV/TSV or a TM file"),
        )
        self.act_import_pair = self._action(
            _("Import Source and &Translation…"), self.import_pair_dialog, "Ctrl+Shift+I"
        )
        self.act_export = self._action(
            _("&Export…"),
            self.export_dialog,
            "Ctrl+Shift+E",
            _("Export the corrected memory (TMX, PO, XLIFF, CSV/TSV, xlsx, MQM TSV)"),
        )
        self.act_apply_sheet = self._action(_("Apply Edited Review &Sheet…"), self.apply_sheet_dialog)
        self.act_quit = self._action(_("&Quit"), self.close, Std.Quit)
        self.act_undo = self._action(_("&Undo"), self.undo_last, Std.Undo)
        self.act_redo = self._action(_("&Redo"), self.redo_last, Std.Redo)
        self.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.act_undo.setText(_("&Undo {what}").format(what=text) if text else _("&Undo"))
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.act_redo.setText(_("&Redo {what}").format(what=text) if text else _("&Redo"))
        )
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.editor.correction.undoRequested.connect(self.undo_last)
        self.editor.correction.redoRequested.connect(self.redo_last)
        self.act_find = self._action(_("&Find"), self.focus_search, Std.Find)
        self.act_confirm = self._action(
            _("&Confirm and Next"),
            self.confirm_and_next,
            "Ctrl+Return",
            _("Save the correction, mark it approved and go to the next unconfirmed"),
        )
        self.act_next = self._action(_("&Next Segment"), lambda: self.move_by(1), "Ctrl+Down")
        self.act_prev = self._action(_("&Previous Segment"), lambda: self.move_by(-1), "Ctrl+Up")
        self.act_next_unconfirmed = self._action(
            _("Next &Unconfirmed"), self.next_unconfirmed, "Ctrl+Shift+Down"
        )
        self.act_copy_mt = self._action(_("Reset Correction to &MT"), self.reset_to_mt, "Ctrl+Shift+M")
        self.act_reject = self._action(
            _("&Reject Segment"), lambda: self.set_status(Status.REJECTED), "Ctrl+Shift+R"
        )
        self.act_flag = self._action(
            _("&Flag Error…"),
            self.flag_selection,
            "Ctrl+E",
            _("Flag the selected text of the MT (or source) as an error"),
        )
        self.act_flag_key = QAction(_("Flag Error"), self)
        self.act_flag_key.setShortcut(QKeySequence("F"))
        self.act_flag_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_flag_key.triggered.connect(self.flag_selection)
        self.editor.mt.addAction(self.act_flag_key)
        self.act_flag_source_key = QAction(_("Flag Error"), self)
        self.act_flag_source_key.setShortcut(QKeySequence("F"))
        self.act_flag_source_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_flag_source_key.triggered.connect(self.flag_selection)
        self.editor.source.addAction(self.act_flag_source_key)
        self.act_non_translation = self._action(
            _("Flag &Non-translation"), self.flag_non_translation, "Ctrl+Shift+N"
        )
        self.act_annotations = self._action(_("Go to &Annotations"), self.focus_annotations, "Ctrl+Shift+A")
        self.act_run_checks = self._action(
            _("Run &Checks"),
            self.run_checks,
            "Ctrl+Shift+K",
            _("Run the automatic checks; findings become proposed annotations"),
        )
        self.act_glossary = self._action(
            _("&Glossary and Idioms…"),
            self.glossary_dialog,
            "Ctrl+Shift+G",
            _("Edit the project glossary, import CSV/TBX, add idioms to your lexicon"),
        )
        self.act_next_finding = self._action(
            _("Next Segment with &Findings"), self.next_with_findings, "Ctrl+Shift+F"
        )
        self.act_zoom_in = self._action(_("Zoom &In"), lambda: self.zoom(1), Std.ZoomIn)
        self.act_zoom_out = self._action(_("Zoom &Out"), lambda: self.zoom(-1), Std.ZoomOut)
        self.act_shortcuts = self._action(_("&Keyboard Shortcuts"), self.show_shortcuts, "F1")
        self.act_about = self._action(_("&About mtreview"), self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        self.file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = self.file_menu.addMenu(_("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_import, self.act_import_pair])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_export, self.act_apply_sheet])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = bar.addMenu(_("&Edit"))
        self.edit_menu.addActions([self.act_undo, self.act_redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_find)
        self.view_menu = bar.addMenu(_("&View"))
        self.view_menu.addActions([self.act_zoom_in, self.act_zoom_out])
        self.review_menu = bar.addMenu(_("Re&view"))
        self.review_menu.addActions(
            [self.act_confirm, self.act_next, self.act_prev, self.act_next_unconfirmed]
        )
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.act_copy_mt, self.act_reject])
        self.review_menu.addSeparator()
        self.review_menu.addActions([self.act_flag, self.act_non_translation, self.act_annotations])
        self.tools_menu = bar.addMenu(_("&Tools"))
        self.tools_menu.addAction(self.act_run_checks)
        self.tools_menu.addAction(self.act_glossary)
        self.review_menu.addAction(self.act_next_finding)
        self.help_menu = bar.addMenu(_("&Help"))
        self.help_menu.addActions([self.act_shortcuts, self.act_about])

    def _apply_fonts(self) -> None:
        source = QFont(self.prefs.source_font) if self.prefs.source_font else QFont(self.font())
        source.setPointSize(self.prefs.source_font_size)
        target = QFont(self.prefs.target_font) if self.prefs.target_font else QFont(self.font())
        if not self.prefs.target_font:
            target.setFamilies(
                [
                    "Noto Sans CJK JP",
                    "Noto Sans JP",
                    "IPAexGothic",
                    "Yu Gothic",
                    "Hiragino Sans",
                    *target.families(),
                ]
            )
        target.setPointSize(self.prefs.target_font_size)
        self.editor.set_fonts(source, target)

    def _restore_window(self) -> None:
        self.resize(1280, 800)
        if self.prefs.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(self.prefs.window_geometry.encode()))
        if self.prefs.window_state:
            self.restoreState(QByteArray.fromHex(self.prefs.window_state.encode()))
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(f"mtreview — {self.service.display_name}")

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Re-read documents and the filtered ids (after opening or importing)."""
        if hasattr(self, "findings_panel"):
            QTimer.singleShot(0, self.refresh_findings)
        current_doc = self.document_filter.currentData()
        self.document_filter.blockSignals(True)
        self.document_filter.clear()
        self.document_filter.addItem(_("All documents"), None)
        for doc in self.service.documents():
            self.document_filter.addItem(f"{doc.name} ({doc.segment_count})", doc.id)
        index = self.document_filter.findData(current_doc)
        self.document_filter.setCurrentIndex(max(0, index))
        self.document_filter.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.save_current()
        try:
            ids = self.service.segment_ids(
                document_id=self.document_filter.currentData(),
                statuses=self.status_filter.currentData(),
                search=self.search.text() or None,
                regex=self.regex.isChecked(),
            )
            self.search.setStyleSheet("")
            self.search.setToolTip("")
        except InputError as exc:
            self.search.setStyleSheet("QLineEdit { background: #fdd; }")
            self.search.setToolTip(str(exc))
            self.statusBar().showMessage(str(exc), 5000)
            return
        keep = self.current.id if self.current else None
        self.model.set_ids(ids)
        row = self.model.row_of(keep) if keep is not None else None
        self.select_row(row if row is not None else 0)
        self.update_progress()

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self._load_segment(None)
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, COL_CORRECTED)
        self.table.setCurrentIndex(index)
        self.table.keep_visible(index)

    def select_segment(self, segment_id: int) -> bool:
        row = self.model.row_of(segment_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and not self.save_current():
            # The text could not be saved (conflict being merged, connection lost…): stay on it.
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            self.table.setCurrentIndex(previous)
            selection.blockSignals(False)
            return
        self._load_segment(self.model.segment_at(current.row()) if current.isValid() else None)

    def _load_segment(self, segment: Segment | None) -> None:
        opened = self.session.open(segment)
        if opened.notice:
            self.statusBar().showMessage(opened.notice, 8000)
        self.editor.load(opened.segment, opened.draft)
        self.segmentChanged(segment)

    def segmentChanged(self, segment: Segment | None) -> None:
        """Side panels and highlights follow the current segment."""
        self.refresh_annotations()
        self._show_correction_checks(segment)
        self.refresh_history()
        self.update_progress()
        if getattr(self, "feed", None) is not None and segment is not None:
            self._heartbeat()

    def _show_correction_checks(self, segment: Segment | None, recheck: bool = False) -> None:
        if segment is None or segment.corrected is None:
            self.editor.show_correction_findings([])
            return
        try:
            findings = (
                self.correction_checks.update(segment)
                if recheck
                else self.correction_checks.findings(segment)
            )
        except MtreviewError as exc:
            self.statusBar().showMessage(describe_error(exc), 5000)
            return
        self.editor.show_correction_findings(findings)

    # ------------------------------------------------------------------ team: others' changes, presence
    def _start_feed(self) -> None:
        from mtreview.services.sync import ChangeFeed

        try:
            self.feed: object | None = ChangeFeed(self.service)
        except MtreviewError as exc:
            self.feed = None
            self.statusBar().showMessage(describe_error(exc), 10000)
            return
        if not hasattr(self, "_feed_timer"):
            self._feed_timer = QTimer(self)
            self._feed_timer.setInterval(1000)
            self._feed_timer.timeout.connect(self.poll_others)
            self._heartbeat_timer = QTimer(self)
            self._heartbeat_timer.setInterval(5000)
            self._heartbeat_timer.timeout.connect(self._heartbeat)
        self._feed_timer.start()
        self._heartbeat_timer.start()

    def _stop_feed(self) -> None:
        feed, self.feed = getattr(self, "feed", None), None
        close = getattr(feed, "close", None)
        if close is not None:
            with contextlib.suppress(MtreviewError):
                close()

    def poll_others(self) -> None:
        """Apply what other reviewers changed (within about a second) and mark who edits what."""
        from mtreview.services.sync import ChangeFeed

        feed = self.feed
        if not isinstance(feed, ChangeFeed):
            return
        try:
            changes = feed.poll()
            editors = feed.editors()
        except MtreviewError as exc:
            self.statusBar().showMessage(_("Connection problem: {e}").format(e=describe_error(exc)), 5000)
            return
        self._flush_outbox()
        self.model.set_editors(editors)
        if any(r.action.startswith("realign") for r in feed.revisions):
            # A colleague re-aligned a document: segments came and went, so re-read everything.
            self.apply_changes(Changes(documents=frozenset(self.service.document_ids())), external=True)
            self.statusBar().showMessage(
                _("A document was re-aligned by a colleague; the view is updated."), 6000
            )
            return
        if not changes.empty:
            who = sorted({r.author for r in feed.revisions})
            self.apply_changes(changes, external=True)
            if who:
                self.statusBar().showMessage(_("Updated: changes by {who}").format(who=", ".join(who)), 4000)

    def _heartbeat(self) -> None:
        from mtreview.services.sync import ChangeFeed

        if isinstance(self.feed, ChangeFeed):
            with contextlib.suppress(MtreviewError):
                self.feed.set_editing(self.current.id if self.current else None)

    def _flush_outbox(self) -> None:
        from mtreview.services.outbox import Outbox

        if not self.service.is_team:
            return
        outbox = Outbox.for_service(self.service)
        if not outbox.pending():
            return
        report = outbox.flush(self.service)
        if report.sent or report.conflicts:
            self.statusBar().showMessage(report.message, 10000)
            self.apply_changes(
                Changes(
                    segments=frozenset(
                        [s.id for s in report.sent] + [item.segment_id for item, _e in report.conflicts]
                    )
                )
            )

    # ------------------------------------------------------------------ history
    def refresh_history(self) -> None:
        if self.side.currentWidget() is not self.history_panel:
            return
        if self.current is None:
            self.history_panel.set_revisions([])
            return
        self.history_panel.set_revisions(self.service.revisions(self.current.id))

    def revert_to_revision(self, revision: object) -> None:
        from mtreview.domain.model import Revision

        seg = self.current
        if not isinstance(revision, Revision) or seg is None or revision.entity != "segment":
            self.statusBar().showMessage(_("Only segment text changes can be reverted here."), 5000)
            return
        state = revision.before if isinstance(revision.before, dict) else revision.after
        if not isinstance(state, dict) or "status" not in state:
            return
        self._run_segment_change(
            seg,
            state.get("corrected"),
            Status(state["status"]),
            _("Revert segment {n}").format(n=seg.ordinal),
            "revert",
        )
        self.refresh_history()

    # ------------------------------------------------------------------ scores and annotations
    def _load_scoring(self) -> None:
        typology_id = self.service.get_setting("typology", typologies.DEFAULT_TYPOLOGY)
        try:
            self.typology = typologies.load(str(typology_id or typologies.DEFAULT_TYPOLOGY))
        except MtreviewError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            self.typology = typologies.load(typologies.DEFAULT_TYPOLOGY)
        from mtreview.services.checking import CorrectionChecks

        self.correction_checks = CorrectionChecks(self.service)
        self._pending_score_changes: list[Changes] = []
        if self.service.segment_count() <= SYNC_SCORING_LIMIT:
            self.live: LiveScores | None = LiveScores(self.service)
            return
        # A large project: build the scores on a worker so the first screen appears at once.
        from mtreview.ui.tasks import Task

        self.live = None
        service = self.service
        task = Task(lambda progress: LiveScores(service, progress), self)

        def ready(live: object) -> None:
            if service is not self.service:
                return  # another project was opened meanwhile
            assert isinstance(live, LiveScores)
            for changes in self._pending_score_changes:
                live.apply(changes)
            self._pending_score_changes.clear()
            self.live = live
            self.model.refresh_all_extras()
            self.update_progress()

        def failed(exc: BaseException, details: str) -> None:
            self.statusBar().showMessage(_("Scores unavailable: {e}").format(e=describe_error(exc)), 10000)

        task.succeeded.connect(ready)
        task.failed.connect(failed)
        task.done.connect(task.deleteLater)
        self.scores_task = task

        def start_after_first_paint() -> None:
            if self.isVisible() or not self.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                task.start()

        QTimer.singleShot(300, self, start_after_first_paint)

    def _row_extras(self, segments: list[Segment]) -> dict[int, RowExtras]:
        out: dict[int, RowExtras] = {}
        if self.live is None:
            return out
        for seg in segments:
            figures = self.live.segment(seg.id)
            parts = [
                f"{n} {_(sev)}"
                for sev, n in sorted(figures.confirmed.items(), key=lambda kv: -Severity(kv[0]).rank)
            ]
            if figures.proposed:
                parts.append(_("{n} proposed").format(n=figures.proposed))
            worst = self.live.worst(seg.id)
            out[seg.id] = RowExtras(
                figures.mqm if figures.confirmed else None,
                figures.chrf,
                ", ".join(parts),
                None if worst is None else worst.value,
            )
        return out

    def refresh_annotations(self) -> None:
        seg = self.current
        if seg is None:
            self.annotation_panel.set_annotations([])
            self.editor.show_annotations([])
            return
        seg_anns = self.service.annotations(segment_ids=[seg.id])
        self.editor.show_annotations(seg_anns)
        if self.annotation_panel.scope_is_document():
            anns = self.service.annotations(document_id=seg.document_id)
            segs = {s.id: s for s in self.service.segments(sorted({a.segment_id for a in anns}))}
        else:
            anns, segs = seg_anns, {seg.id: seg}
        rows = [
            (a, covered_text(a, segs[a.segment_id].source, segs[a.segment_id].mt), segs[a.segment_id].ordinal)
            for a in anns
            if a.segment_id in segs
        ]
        self.annotation_panel.set_annotations(rows)

    def _select_annotation_span(self, ann: object) -> None:
        from mtreview.domain.model import Annotation

        if not isinstance(ann, Annotation):
            return
        if self.current is None or ann.segment_id != self.current.id:
            self.select_segment(ann.segment_id)
        if ann.start is not None and ann.end is not None:
            view = self.editor.source if ann.side == Side.SOURCE else self.editor.mt
            view.select_span(ann.start, ann.end)

    # ------------------------------------------------------------------ dashboard
    def _maybe_refresh_dashboard(self) -> None:
        if self.views.currentWidget() is self.dashboard and self._dashboard_stale:
            self.refresh_dashboard()

    def refresh_dashboard(self) -> None:
        from mtreview.services.dashboard import build
        from mtreview.ui.tasks import Task

        if getattr(self, "dashboard_task", None) is not None:
            return
        self._dashboard_stale = False
        self.dashboard.set_documents(self.service.documents())
        self.dashboard.status.setText(_("Computing scores…"))
        service = self.service
        task = Task(lambda progress: build(service, progress), self)

        def done(data: object) -> None:
            from mtreview.services.dashboard import render_charts

            data.charts.update(render_charts(data.report))  # type: ignore[attr-defined]
            self.dashboard.show_data(data)  # type: ignore[arg-type]

        def failed(exc: BaseException, details: str) -> None:
            self.dashboard.status.setText(
                _("Could not compute the dashboard: {e}").format(e=describe_error(exc))
            )

        def finished() -> None:
            self.dashboard_task = None
            task.deleteLater()

        task.succeeded.connect(done)
        task.failed.connect(failed)
        task.done.connect(finished)
        self.dashboard_task = task
        task.start()

    def open_segment_from_dashboard(self, segment_id: int) -> None:
        self.views.setCurrentIndex(0)
        if not self.select_segment(segment_id):
            self.document_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            self.search.clear()
            self.apply_filter()
            self.select_segment(segment_id)
        self.editor.correction.setFocus()

    def compare_engines(self, doc_a: int, doc_b: int) -> None:
        from mtreview.services.compare import compare_engines

        service = self.service

        def done(results: object) -> None:
            lines = []
            for c in results:  # type: ignore[attr-defined]
                verdict = _("significant (p < 0.05)") if c.significant() else _("not significant")
                p = "—" if c.candidate.p_value is None else f"{c.candidate.p_value:.4f}"
                lines.append(
                    f"{c.metric} ({c.segments} {_('segments')}): {c.baseline.name} {c.baseline.score:.2f}"
                    f" vs {c.candidate.name} {c.candidate.score:.2f} · p = {p} · {verdict}"
                )
                lines.append("  " + c.signature)
            self.dashboard.show_comparison("\n".join(lines))

        def failed(exc: BaseException, details: str) -> None:
            self.dashboard.show_comparison(describe_error(exc))

        self.compare_task = run_with_progress(
            self, _("Comparing engines"), lambda _p: compare_engines(service, doc_a, doc_b), done, failed
        )

    # ------------------------------------------------------------------ alignment
    def refresh_alignment(self, keep_row: int | None = None) -> None:
        from mtreview.services.alignment import document_lines

        if self.views.currentWidget() is not self.alignment_view:
            return
        combo = self.alignment_view.document
        current = combo.currentData()
        docs = self.service.documents()
        combo.blockSignals(True)
        combo.clear()
        for doc in docs:
            combo.addItem(doc.name, doc.id)
        wanted = current if current is not None else (self.current.document_id if self.current else None)
        index = combo.findData(wanted)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        doc_id = combo.currentData()
        if doc_id is not None:
            from mtreview.services.alignment import check_alignable

            self.alignment_view.set_lines(document_lines(self.service, doc_id), keep_row)
            try:
                check_alignable(self.service, doc_id)
                self.alignment_view.set_editable(True)
            except MtreviewError as exc:
                self.alignment_view.set_editable(False, str(exc))

    def alignment_operation(self, name: str, row: int) -> None:
        from mtreview.align.edit import EditError
        from mtreview.services.alignment import OPERATIONS, SetAlignment

        doc_id = self.alignment_view.document.currentData()
        links = self.alignment_view.model.lines.links
        try:
            new_links = OPERATIONS[name](links, row)
        except EditError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return
        self._set_alignment(SetAlignment(doc_id, new_links, _("Alignment: {op}").format(op=name)), row)

    def realign_document(self) -> None:
        from mtreview.services.alignment import SetAlignment, realign_links

        doc_id = self.alignment_view.document.currentData()
        if doc_id is None:
            return
        try:
            links = realign_links(self.service, doc_id)
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot re-align"), describe_error(exc))
            return
        self._set_alignment(
            SetAlignment(doc_id, links, _("Re-run aligner")), self.alignment_view.current_row()
        )

    def _set_alignment(self, command: object, keep_row: int) -> None:
        self.save_current()
        try:
            self.undo.run(command)  # type: ignore[arg-type]
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot change the alignment"), describe_error(exc))
            return
        self.refresh_alignment(keep_row)

    def refresh_findings(self) -> None:
        doc_id = self.document_filter.currentData()
        anns = [a for a in self.service.annotations(document_id=doc_id) if a.origin != "manual"]
        segs = {s.id: s for s in self.service.segments(sorted({a.segment_id for a in anns}))}
        self.findings_panel.set_findings(
            [
                (
                    a,
                    covered_text(a, segs[a.segment_id].source, segs[a.segment_id].mt),
                    segs[a.segment_id].ordinal,
                )
                for a in anns
                if a.segment_id in segs
            ]
        )

    def run_checks(self) -> None:
        from mtreview.services.checking import run_project_checks

        self.save_current()
        service = self.service

        def done(result: object) -> None:
            self.apply_changes(result.changes)  # type: ignore[attr-defined]
            self.refresh_findings()
            errors = result.errors  # type: ignore[attr-defined]
            message = _(
                "Checks done: {added} new findings, {kept} already known, {removed} withdrawn"
            ).format(added=result.added, kept=result.kept, removed=result.removed)  # type: ignore[attr-defined]
            if errors:
                message += " · " + _("{n} check errors").format(n=len(errors))
            self.statusBar().showMessage(message, 10000)

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(self, _("Checks failed"), describe_error(exc))

        self.check_task = run_with_progress(
            self, _("Running checks"), lambda p: run_project_checks(service, p), done, failed
        )

    def glossary_dialog(self) -> None:
        from mtreview.ui.glossary_dialog import GlossaryDialog

        dialog = GlossaryDialog(self.service, self)
        if dialog.exec() == GlossaryDialog.DialogCode.Accepted:
            self.correction_checks.forget()
            self.run_checks()  # proposals follow the new glossary and lexicon

    def next_with_findings(self) -> None:
        ids = self.model.ids()
        with_findings = {a.segment_id for a in self.service.annotations(states=[AnnotationState.PROPOSED])}
        start = ids.index(self.current.id) + 1 if self.current and self.current.id in ids else 0
        for sid in ids[start:] + ids[:start]:
            if sid in with_findings:
                self.select_segment(sid)
                self.focus_annotations()
                return
        self.statusBar().showMessage(_("No segment in this view has open findings."), 5000)

    def focus_annotations(self) -> None:
        self.side.setCurrentWidget(self.annotation_panel)
        self.annotation_panel.tree.setFocus()
        if self.annotation_panel.current() is None:
            self.annotation_panel.select_first_proposed()

    def flag_selection(self) -> None:
        seg = self.current
        if seg is None:
            return
        side, view = Side.TARGET, self.editor.mt
        if self.editor.source.hasFocus() or (
            self.editor.source.textCursor().hasSelection() and not self.editor.mt.textCursor().hasSelection()
        ):
            side, view = Side.SOURCE, self.editor.source
        span = view.selected_span()
        if span is None:
            self.statusBar().showMessage(_("Select the erroneous text in the MT (or source) first."), 5000)
            return
        text = seg.source if side == Side.SOURCE else seg.mt
        default = "Accuracy/Omission" if side == Side.SOURCE else None
        dialog = FlagDialog(self.typology, text[span[0] : span[1]], side, self, category=default)
        if dialog.exec() != FlagDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice is None:
            return
        self.add_annotation(
            AnnotationDraft(
                segment_id=seg.id,
                category=choice.category,
                severity=choice.severity,
                side=side,
                start=span[0],
                end=span[1],
                comment=choice.comment,
                suggestion=choice.suggestion,
            )
        )

    def flag_non_translation(self) -> None:
        seg = self.current
        cat = category_for_whole_segment(self.typology)
        if seg is None or cat is None:
            return
        self.add_annotation(AnnotationDraft(segment_id=seg.id, category=cat.path, severity=Severity.MAJOR))

    def add_annotation(self, draft: AnnotationDraft) -> None:
        try:
            self.undo.run(AddAnnotation(draft, _("Flag {category}").format(category=draft.category)))
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot flag"), describe_error(exc))

    def triage(self, ann: object, state: AnnotationState) -> None:
        from mtreview.domain.model import Annotation

        if not isinstance(ann, Annotation):
            return
        label = _("Confirm finding") if state == AnnotationState.CONFIRMED else _("Dismiss finding")
        try:
            self.undo.run(UpdateAnnotation(ann.id, {"state": state}, label, expected_version=ann.version))
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot change the annotation"), describe_error(exc))
            return
        self.annotation_panel.select_first_proposed()

    def delete_annotation(self, ann: object) -> None:
        from mtreview.domain.model import Annotation

        if isinstance(ann, Annotation):
            try:
                self.undo.run(DeleteAnnotation(ann.id, _("Delete annotation"), expected_version=ann.version))
            except MtreviewError as exc:
                QMessageBox.warning(self, _("Cannot delete"), describe_error(exc))

    def edit_annotation(self, ann: object) -> None:
        from mtreview.domain.model import Annotation

        if not isinstance(ann, Annotation) or self.current is None:
            return
        seg = self.service.segment(ann.segment_id)
        dialog = FlagDialog(
            self.typology,
            covered_text(ann, seg.source, seg.mt),
            ann.side,
            self,
            category=ann.category,
            severity=ann.severity,
            comment=ann.comment,
            suggestion=ann.suggestion,
        )
        if dialog.exec() != FlagDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice is None:
            return
        fields = {
            "category": choice.category,
            "severity": choice.severity,
            "comment": choice.comment,
            "suggestion": choice.suggestion,
        }
        try:
            self.undo.run(
                UpdateAnnotation(ann.id, fields, _("Change annotation"), expected_version=ann.version)
            )
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot change the annotation"), describe_error(exc))

    def apply_changes(self, changes: Changes, external: bool = False) -> None:
        """Refresh exactly what a mutation changed. ``external``: another reviewer made it."""
        if changes.settings:
            self._load_scoring()
        if self.live is not None:
            self.live.apply(changes)
        else:
            self._pending_score_changes.append(changes)
        self._dashboard_stale = True
        if changes.documents:
            self.correction_checks.forget()
            self.reload()
            self.refresh_alignment(self.alignment_view.current_row())
            return
        if changes.segments:
            self.model.refresh(changes.segments)
            for seg in self.service.segments(sorted(changes.segments)):
                if self.current is None or seg.id != self.current.id:
                    with contextlib.suppress(MtreviewError):
                        self.correction_checks.update(seg)  # incremental: this segment and its keys only
            if self.current is not None and self.current.id in changes.segments:
                fresh = self.service.segment(self.current.id)
                dirty = self.editor.is_dirty() and self.editor.text() != fresh.target
                text = self.editor.text()
                followed = self.session.follow(fresh, external=external, dirty=dirty)
                if followed.notice:
                    self.statusBar().showMessage(followed.notice, 10000)
                if followed.reload:
                    self.editor.load(fresh, text if followed.keep_text else None)
                self.segmentChanged(self.current)
                if self.current is not None and self.current.corrected is not None:
                    self._show_correction_checks(self.current, recheck=True)
        self.update_progress()

    def update_progress(self) -> None:
        progress = self.service.progress()
        parts = [_("{done}/{total} confirmed").format(done=progress.confirmed, total=progress.total)]
        if self.live is None:
            parts.append(_("computing scores…"))
        elif self.current is not None:
            figures = self.live.segment(self.current.id)
            seg_part = _("segment MQM {mqm:g}").format(mqm=figures.mqm)
            if figures.chrf is not None:
                seg_part += _(" · chrF {chrf:.1f} · TER {ter:.1f}").format(
                    chrf=figures.chrf, ter=figures.ter or 0.0
                )
            parts.append(seg_part)
            doc = self.live.document(self.current.document_id)
            verdict = _("PASS") if doc.passed else _("FAIL")
            parts.append(
                _(
                    "document MQM {penalty:g} · {per100:.1f} per 100 words · {per1000:.1f} per 1,000 chars · "
                    "quality {quality:.1f} · {verdict} (threshold {threshold:g})"
                ).format(
                    penalty=doc.penalty,
                    per100=doc.per_100_words,
                    per1000=doc.per_1000_chars,
                    quality=doc.quality,
                    verdict=verdict,
                    threshold=doc.threshold,
                )
            )
            chrf = self.live.document_chrf(self.current.document_id)
            if chrf is not None:
                parts.append(_("document chrF {chrf:.1f}").format(chrf=chrf))
        self.progress_label.setText(" · ".join(parts))

    # ------------------------------------------------------------------ editing
    def save_current(self) -> bool:
        """Store the correction of the current segment if it changed (not confirming it: an edited
        segment is "corrected" until confirmed again). False when the text could not be saved."""
        seg = self.current
        if seg is None or not self.editor.is_dirty() or self.editor.segment is None:
            return True
        text = self.editor.text()
        return self._run_segment_change(
            seg, text, Status.CORRECTED, _("Edit segment {n}").format(n=seg.ordinal), "edit"
        )

    def _run_segment_change(
        self, seg: Segment, text: str | None, status: Status, label: str, action: str
    ) -> bool:
        """Save through the editing session (``ProjectService.save``, the one write path) and show what
        happened. False when nothing was saved (a conflict being merged, the connection lost…)."""
        if self.current is None or self.current.id != seg.id:
            self.current = seg
        try:
            outcome = self.session.save(text, status, action)
        except ConnectionLostError as exc:
            QMessageBox.warning(
                self,
                _("Connection lost"),
                describe_error(exc)
                + "\n\n"
                + _("Your text stays in the editor; confirm it when the connection is back."),
            )
            return False
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Could not save"), describe_error(exc))
            return False
        return self._show_outcome(outcome, label)

    def _show_outcome(self, outcome: SaveOutcome, label: str) -> bool:
        if isinstance(outcome, Saved):
            if self.editor.segment is not None and self.editor.segment.id == outcome.segment.id:
                text = self.editor.text()
                dirty = self.editor.is_dirty() and text != outcome.segment.target
                self.editor.load(outcome.segment, text if dirty else None)
            self.undo.push(SetSegmentText.inverse_of(outcome, label), label, outcome.changes)
            return True
        if isinstance(outcome, Queued):
            self.statusBar().showMessage(outcome.message, 15000)
            if not outcome.changes.empty:
                self.apply_changes(outcome.changes)
            return True
        return self._resolve_conflict(outcome, label)

    def _resolve_conflict(self, conflict: Conflict, label: str) -> bool:
        """Ask the reviewer; the editing session applies the choice."""
        current = conflict.theirs
        mine_text = conflict.change.text if isinstance(conflict.change.text, str) else ""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Someone else changed this segment"))
        box.setText(conflict.message)
        box.setInformativeText(
            _("Their version:\n{theirs}\n\nYour version:\n{mine}").format(
                theirs=current.target, mine=mine_text
            )
        )
        mine = box.addButton(_("Keep &mine"), QMessageBox.ButtonRole.AcceptRole)
        merge = box.addButton(_("&Merge by hand"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Take &theirs"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is merge:
            self.editor.load(current, self.session.merge_by_hand(conflict))
            self.statusBar().showMessage(
                _("Merge the two versions in the correction box, then confirm."), 15000
            )
            return False
        if box.clickedButton() is mine:
            try:
                outcome = self.session.keep_mine(conflict)
            except MtreviewError as again:
                QMessageBox.warning(self, _("Could not save"), describe_error(again))
                return False
            if isinstance(outcome, Conflict):
                QMessageBox.warning(self, _("Could not save"), outcome.message)
                return False
            return self._show_outcome(outcome, label)
        self.session.take_theirs(conflict)
        self.apply_changes(Changes(segments=frozenset({current.id})))
        self.editor.load(current)
        return False

    def confirm_and_next(self) -> None:
        seg = self.current
        if seg is None:
            return
        ok = self._run_segment_change(
            seg,
            self.editor.text(),
            Status.APPROVED,
            _("Confirm segment {n}").format(n=seg.ordinal),
            "confirm",
        )
        if ok:
            self.editor.load(self.current)  # mark clean before moving on
            self.next_unconfirmed()

    def undo_last(self) -> None:
        """Undo the last project change, after saving what is being typed (never lose it)."""
        if self.save_current() and self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo_last(self) -> None:
        if self.save_current() and self.undo_stack.canRedo():
            self.undo_stack.redo()

    def reset_to_mt(self) -> None:
        if self.current is not None:
            self.editor.correction.setPlainText(self.current.mt)

    def set_status(self, status: Status) -> None:
        seg = self.current
        if seg is not None:
            self._run_segment_change(seg, self.editor.text(), status, _("Set status"), "status")

    def move_by(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        self.select_row(row + delta if row >= 0 else 0)

    def next_unconfirmed(self) -> None:
        ids = self.model.ids()
        after = self.current.id if self.current else None
        target = self.service.next_unconfirmed(after, ids)
        if target is None:
            self.statusBar().showMessage(_("Every segment in this view is confirmed."), 5000)
            return
        self.select_segment(target)
        self.editor.correction.setFocus()

    def _save_draft(self, segment_id: int, text: str) -> None:
        self.session.save_draft(segment_id, text)

    def _command_error(self, exc: MtreviewError) -> None:
        QMessageBox.warning(self, _("Cannot undo"), describe_error(exc))
        self.reload()

    # ------------------------------------------------------------------ files
    def import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import Document"), "", IMPORT_FILTER)
        if path:
            self.import_files(path)

    def import_pair_dialog(self) -> None:
        source, _f = QFileDialog.getOpenFileName(self, _("English source file"), "", IMPORT_FILTER)
        if not source:
            return
        target, _f = QFileDialog.getOpenFileName(
            self, _("Japanese translation file"), str(Path(source).parent), IMPORT_FILTER
        )
        if target:
            self.import_files(source, target)

    def import_files(self, path: str, target: str | None = None) -> None:
        self.save_current()
        service = self.service

        def job(progress: Progress) -> object:
            result = service.import_path(path, target, progress)
            try:
                from mtreview.services.checking import run_project_checks

                progress.report(0, 0, _("Running checks…"))
                run_project_checks(service, progress)
            except MtreviewError:
                pass  # the import stands; checks can be re-run from Tools
            return result

        def done(result: object) -> None:
            self.apply_changes(result.changes)  # type: ignore[attr-defined]
            doc = result.document  # type: ignore[attr-defined]
            index = self.document_filter.findData(doc.id)
            if index >= 0:
                self.document_filter.setCurrentIndex(index)
            self.statusBar().showMessage(
                _("Imported {name}: {n} segments").format(name=doc.name, n=doc.segment_count), 8000
            )

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(
                self, _("Import failed"), _("Nothing was imported.") + "\n\n" + describe_error(exc)
            )

        def cancelled() -> None:
            self.statusBar().showMessage(_("Import cancelled; the project is unchanged."), 8000)

        self.import_task = run_with_progress(
            self, _("Importing {name}").format(name=Path(path).name), job, done, failed, cancelled
        )

    def export_dialog(self) -> None:
        from mtreview.services.export import export_project
        from mtreview.ui.export_dialog import ExportDialog

        self.save_current()
        dialog = ExportDialog(self.service, self)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        fmt, path, filters = dialog.choice()
        service = self.service

        def done(result: object) -> None:
            self.statusBar().showMessage(
                _("Exported {n} units to {path}").format(n=result.written, path=result.path), 10000
            )  # type: ignore[attr-defined]

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(self, _("Export failed"), describe_error(exc))

        self.export_task = run_with_progress(
            self, _("Exporting"), lambda p: export_project(service, fmt, path, filters, p), done, failed
        )

    def apply_sheet_dialog(self) -> None:
        from mtreview.services.review_sheet import apply_review_sheet

        path, _f = QFileDialog.getOpenFileName(self, _("Apply Edited Review Sheet"), "", "Excel (*.xlsx)")
        if not path:
            return
        self.save_current()
        service = self.service

        def done(result: object) -> None:
            self.apply_changes(result.changes)  # type: ignore[attr-defined]
            self.statusBar().showMessage(
                _("Applied the review sheet: {n} segments changed, {a} annotations added").format(
                    n=result.segments_changed, a=result.annotations_added
                ),  # type: ignore[attr-defined]
                10000,
            )

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(
                self,
                _("Cannot apply the review sheet"),
                _("Nothing was changed.") + "\n\n" + describe_error(exc),
            )

        self.sheet_task = run_with_progress(
            self, _("Applying the review sheet"), lambda p: apply_review_sheet(service, path, p), done, failed
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            if len(paths) == 2 and not any(p.endswith(".mtreview") for p in paths):
                self.import_files(paths[0], paths[1])
            elif paths[0].endswith(".mtreview"):
                self.switch_project(paths[0])
            else:
                self.import_files(paths[0])

    def new_project(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, _("New Project"), "", "mtreview projects (*.mtreview)")
        if path:
            if not path.endswith(".mtreview"):
                path += ".mtreview"
            self.switch_project(path, create=True)

    def open_project_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Open Project"), "", "mtreview projects (*.mtreview)")
        if path:
            self.switch_project(path)

    def switch_project(self, location: str, create: bool = False) -> bool:
        self.save_current()
        try:
            service = ProjectService.open(location, self.prefs.reviewer, create=create)
        except MtreviewError as exc:
            QMessageBox.critical(self, _("Cannot open project"), describe_error(exc))
            return False
        old = self.service
        self.service = service
        self.undo.service = service
        self.model._service = service  # the model reads through the current project
        self.undo_stack.clear()
        self.session = EditingSession(service)
        self._stop_feed()
        old.close()
        self._load_scoring()
        self._start_feed()
        self.prefs.add_recent(location)
        self._save_prefs()
        self._update_title()
        self.reload()
        self.projectOpened.emit()
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.prefs.recent:
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _checked=False, loc=location: self.switch_project(loc))
        if not self.prefs.recent:
            self.recent_menu.addAction(_("(none)")).setEnabled(False)

    # ------------------------------------------------------------------ misc
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def zoom(self, step: int) -> None:
        self.prefs.source_font_size = max(6, self.prefs.source_font_size + step)
        self.prefs.target_font_size = max(6, self.prefs.target_font_size + step)
        self._apply_fonts()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.review_menu, self.tools_menu):
            for action in menu.actions():
                if action.shortcut().isEmpty():
                    continue
                rows.append(
                    (
                        action.text().replace("&", ""),
                        action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                    )
                )
        return rows

    def show_shortcuts(self) -> None:
        text = "\n".join(f"{name}\t{keys}" for name, keys in self.shortcut_rows())
        QMessageBox.information(self, _("Keyboard Shortcuts"), text)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About mtreview"),
            _("mtreview {version}\nReview English→Japanese machine translation.").format(version=__version__)
            + "\n\n"
            + _(
                "The meaning checks use JMdict, the property of the Electronic Dictionary Research and "
                "Development Group, under its licence (https://www.edrdg.org/edrdg/licence.html)."
            ),
        )

    def _save_prefs(self) -> None:
        self.prefs.window_geometry = bytes(self.saveGeometry().toHex().data()).decode()
        self.prefs.window_state = bytes(self.saveState().toHex().data()).decode()
        try:
            self.prefs.save()
        except OSError as exc:
            self.statusBar().showMessage(_("Could not save preferences: {e}").format(e=exc), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        from mtreview.ui.tasks import stop_all

        self.editor.flush_draft()
        self.save_current()
        stop_all()
        if hasattr(self, "_feed_timer"):
            self._feed_timer.stop()
            self._heartbeat_timer.stop()
        self._stop_feed()
        self._save_prefs()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return super().eventFilter(watched, event)
