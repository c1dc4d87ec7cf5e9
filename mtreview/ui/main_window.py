"""The main window: it builds the widgets, creates the controllers and wires them. Nothing else.

Who does what (each in its own module):

* ``grid.GridController`` — the filter bar and the grid: which segments are listed, the current row;
* ``review.ReviewController`` — the open segment: save, confirm and move on, undo, conflicts, drafts
  (policy in ``services.editing.EditingSession``; the one write: ``ProjectService.save``);
* ``panels.PanelsController`` — live scores, the annotations/findings/history tabs, the status bar;
* ``flagging.FlaggingController`` — flag spans, triage the checks' proposals;
* ``team.TeamController`` — others' changes, presence, the offline outbox;
* ``operations.OperationsController`` — import, export, review sheet, checks, glossary, projects;
* ``views.ViewsController`` — the Alignment and Dashboard views;
* ``tools_controller.ToolsController`` — find and replace, TM matches dock, concordance, reference
  memories, go to segment, repetitions;
* ``grid_changes.GridChangesController`` — the grid's optional MT → correction column;
* ``actions.ActionRegistry`` fed by ``window_actions.standard_actions`` — menus, F1, Preferences.

Every write is announced once on ``hub`` (``change_hub.ChangeHub``) with its ``Changes``; the
controllers subscribe in the order below and each reloads only what it needs.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mtreview import __version__
from mtreview.domain.errors import MtreviewError
from mtreview.i18n import _
from mtreview.services.labels import project_place
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService
from mtreview.services.sample import is_sample
from mtreview.ui.actions import ActionRegistry, migrate_shortcuts
from mtreview.ui.alignment_view import AlignmentView
from mtreview.ui.annotations import AnnotationPanel
from mtreview.ui.change_hub import ChangeHub
from mtreview.ui.dashboard import Dashboard
from mtreview.ui.editor import SegmentEditor
from mtreview.ui.findings import FindingsPanel
from mtreview.ui.flagging import FlaggingController
from mtreview.ui.grid import GridController
from mtreview.ui.grid_changes import GridChangesController
from mtreview.ui.help_dialog import ShortcutsDialog, context_sections
from mtreview.ui.history import HistoryPanel
from mtreview.ui.operations import OperationsController
from mtreview.ui.panels import PanelsController
from mtreview.ui.review import ReviewController
from mtreview.ui.segment_model import SegmentTableModel
from mtreview.ui.tasks import describe_error
from mtreview.ui.team import TeamController
from mtreview.ui.tools_controller import ToolsController
from mtreview.ui.undo import UndoAdapter
from mtreview.ui.views import ViewsController
from mtreview.ui.widgets import ElidedLabel, OfferBar
from mtreview.ui.window_actions import standard_actions

DEFAULT_SIZE = QSize(1440, 900)
"""The first window's size on a large screen; smaller screens get most of their available area."""


def fitting_size(available: QSize, minimum: QSize) -> QSize:
    """A window size for a screen whose free area is ``available``: the default where it fits, else 94% of
    the width and 90% of the height (room for the window frame), never below ``minimum``."""
    width = min(DEFAULT_SIZE.width(), int(available.width() * 0.94))
    height = min(DEFAULT_SIZE.height(), int(available.height() * 0.90))
    return QSize(max(width, minimum.width()), max(height, minimum.height()))


class MainWindow(QMainWindow):
    projectOpened = Signal()

    def __init__(self, service: ProjectService, prefs: Preferences) -> None:
        super().__init__()
        self.service = service
        self.prefs = prefs
        prefs.shortcuts = migrate_shortcuts(prefs.shortcuts)
        self.setAcceptDrops(True)
        self.hub = ChangeHub(self)
        self.undo_stack = QUndoStack(self)
        self.undo = UndoAdapter(self.undo_stack, service, self.hub.announce, self._command_error)
        self.model = SegmentTableModel(service, self)

        self.review = ReviewController(self)
        self.panels = PanelsController(self)
        self.team = TeamController(self)
        self.grid = GridController(self)
        self.model.extras_provider = self.panels.row_extras
        self._build_widgets()
        self.flagging = FlaggingController(self)
        self.operations = OperationsController(self)
        self.views_controller = ViewsController(self)
        self.tools = ToolsController(self)
        self.grid_changes = GridChangesController(self)

        # One change notification; subscribers in this order (scores before anything reads them).
        self.hub.changed.connect(self.panels.on_scores_changed)
        self.hub.changed.connect(self.grid.on_changed)
        self.hub.changed.connect(self.review.on_changed)
        self.hub.changed.connect(self.panels.on_changed)
        self.hub.changed.connect(self.views_controller.on_changed)
        self.hub.changed.connect(self.tools.on_changed)

        self.registry = ActionRegistry(self)
        for spec in [*standard_actions(self), *self.tools.actions(), *self.grid_changes.actions()]:
            self.registry.add(spec)
        self._build_menus()
        self.grid_changes.attach(self.registry.action("view.grid_changes"))
        self.tools.attach(self.registry)

        self.panels.load_scoring()
        self.team.start()
        self.apply_preferences()
        self._restore_window()
        self.grid.reload()
        self.tools.restore_segment()
        QTimer.singleShot(0, self.panels.refresh_findings)

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        self.editor = SegmentEditor()
        self.editor.draftChanged.connect(self.review.save_draft)
        self.editor.correction.undoRequested.connect(self.review.undo_last)
        self.editor.correction.redoRequested.connect(self.review.redo_last)
        self.side = QTabWidget()
        self.side.setAccessibleName(_("Findings and annotations"))
        self.side.setMinimumWidth(300)
        self.annotation_panel = AnnotationPanel()
        self.side.addTab(self.annotation_panel, _("&Annotations"))
        self.findings_panel = FindingsPanel()
        self.side.addTab(self.findings_panel, _("F&indings"))
        self.history_panel = HistoryPanel()
        self.side.addTab(self.history_panel, _("&History"))
        self.history_panel.revertRequested.connect(self.review.revert_to_revision)
        self.side.currentChanged.connect(lambda _i: self.panels.refresh_history())

        self.offer_bar = OfferBar()
        self.offer_bar.accepted.connect(self.review.confirm_fixed)
        side_box = QWidget()
        side_layout = QVBoxLayout(side_box)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.offer_bar)
        side_layout.addWidget(self.side, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.editor)
        lower.addWidget(side_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        self.review_splitter = QSplitter(Qt.Orientation.Vertical)
        self.review_splitter.addWidget(self.grid.table)
        self.review_splitter.addWidget(lower)
        self.review_splitter.setStretchFactor(0, 3)
        self.review_splitter.setStretchFactor(1, 2)
        self.review_splitter.setSizes([560, 340])

        review = QWidget()
        layout = QVBoxLayout(review)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(self.grid.bar)
        layout.addWidget(self.grid.filters)
        layout.addWidget(self.review_splitter, 1)
        self.views = QTabWidget()
        self.views.setAccessibleName(_("Views"))
        self.views.addTab(review, _("&Review"))
        self.alignment_view = AlignmentView()
        self.views.addTab(self.alignment_view, _("A&lignment"))
        self.dashboard = Dashboard()
        self.views.addTab(self.dashboard, _("&Dashboard"))
        self.setCentralWidget(self.views)

        self.progress_label = ElidedLabel()
        self.progress_label.setAccessibleName(_("Progress and scores"))
        self.location_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        self.location_label.setAccessibleName(_("Project location"))
        self.statusBar().addPermanentWidget(self.progress_label, 4)
        self.statusBar().addPermanentWidget(self.location_label, 1)

    def _build_menus(self) -> None:
        menus = self.registry.build_menus(self.menuBar())
        self.file_menu, self.edit_menu, self.view_menu = menus["file"], menus["edit"], menus["view"]
        self.review_menu, self.tools_menu, self.help_menu = menus["review"], menus["tools"], menus["help"]
        self.recent_menu = QMenu(_("Open &Recent"), self)
        entries = self.file_menu.actions()
        before_imports = entries[entries.index(self.registry.action("file.import")) - 1]
        self.file_menu.insertMenu(before_imports, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.operations.fill_recent)
        undo, redo = self.registry.action("edit.undo"), self.registry.action("edit.redo")
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: undo.setText(_("&Undo {what}").format(what=text) if text else _("&Undo"))
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: redo.setText(_("&Redo {what}").format(what=text) if text else _("&Redo"))
        )
        undo.setEnabled(False)
        redo.setEnabled(False)

    def _restore_window(self) -> None:
        """The saved size and place when they fit the screen; else a size taken from the screen (a fixed
        1280×800 left the status bar off a 1366×768 screen)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        restored = False
        if self.prefs.window_geometry:
            restored = self.restoreGeometry(QByteArray.fromHex(self.prefs.window_geometry.encode()))
            # Qt may squeeze a too-large saved window onto the screen; it was saved for another screen.
            room = fitting_size(available.size(), QSize(0, 0))
            restored = (
                restored
                and self.width() <= max(room.width(), int(available.width() * 0.98))
                and self.height() <= max(room.height(), int(available.height() * 0.95))
                and available.contains(self.geometry().topLeft())
            )
        if not restored:
            self.resize(fitting_size(available.size(), self.minimumSizeHint()))
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft().x(), max(available.top(), frame.topLeft().y()))
        if self.prefs.window_state:
            self.restoreState(QByteArray.fromHex(self.prefs.window_state.encode()))
        # The grid gets a little more than half the height, the open segment the rest.
        self.review_splitter.setSizes([self.height() * 11 // 20, self.height() * 9 // 20])
        self._update_title()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._keep_on_screen)

    def _keep_on_screen(self) -> None:
        """Once the window manager has added its frame: move (and if need be shrink) the window so that
        frame, title bar and status bar are on the screen."""
        if self.isMaximized() or self.isFullScreen():
            return
        available = self.screen().availableGeometry()
        frame = self.frameGeometry()
        if available.contains(frame):
            return
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), available.width() - extra_w)
        height = min(self.height(), available.height() - extra_h)
        self.resize(max(width, self.minimumSizeHint().width()), max(height, self.minimumSizeHint().height()))
        frame = self.frameGeometry()
        x = min(max(frame.x(), available.left()), available.right() - frame.width() + 1)
        y = min(max(frame.y(), available.top()), available.bottom() - frame.height() + 1)
        self.move(max(x, available.left()), max(y, available.top()))

    def _update_title(self) -> None:
        """The project and where it is, in the title and the status bar."""
        service = self.service
        if is_sample(service.location):
            name, place = _("Sample project"), project_place(service.location, service.display_name)
        else:
            name, place = service.display_name, project_place(service.location, service.display_name)
        self.setWindowTitle(f"{name} — mtreview")
        self.location_label.setText(_("Project: {place}").format(place=place))

    # ------------------------------------------------------------------ preferences
    def apply_preferences(self) -> None:
        """Apply everything in ``prefs`` that takes effect at once (theme, keys, fonts, drafts, reviewer)."""
        from mtreview.ui.preferences import apply_theme

        apply_theme(self.prefs.theme)
        self.registry.apply_shortcuts(self.prefs.shortcuts)
        confirm = self.registry.action("review.confirm").shortcut()
        self.editor.set_confirm_keys(confirm.toString(QKeySequence.SequenceFormat.NativeText))
        self.editor.set_draft_interval(self.prefs.draft_interval_ms)
        self.apply_fonts()
        self.service.author = self.prefs.reviewer

    def apply_fonts(self) -> None:
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

    def open_preferences(self) -> None:
        from mtreview.ui.preferences import open_preferences

        open_preferences(self).exec()

    def open_project_settings(self) -> None:
        from mtreview.ui.preferences import open_project_settings

        open_project_settings(self).exec()

    def zoom(self, step: int) -> None:
        self.prefs.source_font_size = max(6, self.prefs.source_font_size + step)
        self.prefs.target_font_size = max(6, self.prefs.target_font_size + step)
        self.apply_fonts()

    def save_prefs(self) -> None:
        self.prefs.window_geometry = bytes(self.saveGeometry().toHex().data()).decode()
        self.prefs.window_state = bytes(self.saveState().toHex().data()).decode()
        try:
            self.prefs.save()
        except OSError as exc:
            self.statusBar().showMessage(_("Could not save preferences: {e}").format(e=exc), 5000)

    # ------------------------------------------------------------------ the project
    def use_service(self, service: ProjectService) -> None:
        """Show another project (the old one is closed)."""
        old = self.service
        self.tools.remember_segment()
        self.service = service
        self.undo.service = service
        self.model.set_service(service)
        self.undo_stack.clear()
        self.review.reset()
        self.tools.reset()
        self.team.stop()
        old.close()
        self.panels.load_scoring()
        self.team.start()
        self._update_title()
        self.grid.reload()
        self.tools.restore_segment()
        self.projectOpened.emit()

    def _command_error(self, exc: MtreviewError) -> None:
        QMessageBox.warning(self, _("Cannot undo"), describe_error(exc))
        self.grid.reload()

    # ------------------------------------------------------------------ help
    def shortcuts_dialog(self) -> ShortcutsDialog:
        rows: list[tuple[str, str]] = []
        for what, keys in self.registry.help_rows():
            what = re.sub(r"\([A-Z0-9]\)", "", what)  # "新規プロジェクト(N)…": the mnemonic is not a key here
            if (what, keys) not in rows:  # F is one key on the MT and on the source
                rows.append((what, keys))
        return ShortcutsDialog([(_("Window"), rows), *context_sections()], self)

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

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

    # ------------------------------------------------------------------ Qt events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.operations.dropped(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is typed, stop every job and timer, close the project's connections."""
        from mtreview.ui.tasks import stop_all

        self.editor.flush_draft()
        self.review.save_current()
        self.tools.remember_segment()
        self.tools.stop()
        stop_all()
        self.team.stop()
        self.save_prefs()
        self.service.close()
        event.accept()
