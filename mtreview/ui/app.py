"""Start-up: QApplication, translations (ours and Qt's), crash dialog, the project to open."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from mtreview import __version__, i18n
from mtreview.domain.errors import MtreviewError
from mtreview.i18n import _
from mtreview.paths import icon_dir
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService
from mtreview.services.sample import sample_project_path



def install_qt_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own dialogs (buttons, file dialogs) in the UI language."""
    translators: list[QTranslator] = []
    if language in ("en", "pseudo"):
        return translators
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(QLocale(language), name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("mtreview")
    app.setApplicationDisplayName("mtreview")
    app.setOrganizationName("mtreview")
    app.setApplicationVersion(__version__)
    icon = icon_dir() / "mtreview.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def show_crash_dialog(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    from mtreview.ui.crash import CrashDialog

    details = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.stderr.write(details)
    app = QApplication.instance()
    if app is None:
        return
    CrashDialog(details).exec()


def open_location(location: str | None, prefs: Preferences) -> ProjectService:
    """The project to open: the one named, a document imported into a new project, or the sample."""
    if location is None:
        return ProjectService.open(sample_project_path(prefs.reviewer), prefs.reviewer)
    if location.endswith(".mtreview") or "://" in location:
        return ProjectService.open(location, prefs.reviewer, create=location.endswith(".mtreview"))
    from mtreview.services.prefs import data_dir

    project = data_dir() / "projects" / (Path(location).stem + ".mtreview")
    project.parent.mkdir(parents=True, exist_ok=True)
    service = ProjectService.open(project, prefs.reviewer, create=True)
    if not service.store.documents():
        service.import_path(location)
    return service


def run_gui(location: str | None, language: str | None = None, exit_after_ms: int | None = None) -> int:
    prefs = Preferences.load()
    lang = i18n.set_language(language or prefs.language)
    app = make_application()
    app._mtreview_translators = install_qt_translations(app, lang)  # type: ignore[attr-defined]
    sys.excepthook = show_crash_dialog
    from mtreview.ui.main_window import MainWindow

    try:
        service = open_location(location, prefs)
    except MtreviewError as exc:
        QMessageBox.critical(None, _("Cannot open project"), str(exc))
        return 2
    if location is not None:
        prefs.add_recent(location)
    window = MainWindow(service, prefs)
    window.show()
    if exit_after_ms is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(exit_after_ms, window.close)
    code = app.exec()
    service.close()
    return code
