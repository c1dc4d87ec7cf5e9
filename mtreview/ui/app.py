"""Start-up: QApplication, translations (ours and Qt's), crash dialog, the project to open."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from mtreview import __version__, i18n
from mtreview.domain.errors import Cancelled, InputError, MtreviewError
from mtreview.i18n import _
from mtreview.paths import icon_dir
from mtreview.services.connection import forget_legacy_password_file
from mtreview.services.importing import has_document_from, is_project_location, project_beside
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService
from mtreview.services.sample import sample_project_path
from mtreview.ui.connect import open_project_asking

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow


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
    """``sys.excepthook`` of the window: the redacted report in a crash log, on stderr and in a dialog."""
    from mtreview.services.crashlog import crash_report, write_crash_log
    from mtreview.ui.crash import CrashDialog

    if exc is None:
        exc = exc_type()
    if tb is not None and exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report = crash_report(exc)
    log = write_crash_log(exc, report)
    sys.stderr.write(report)
    if QApplication.instance() is None:
        return
    CrashDialog(report, log).exec()


def open_location(location: str | None, prefs: Preferences) -> tuple[ProjectService, str | None]:
    """The project to open — the one named, the project of a document (created next to it), with nothing
    named the last project (the sample the first time) — and the document still to import into it
    (``None`` when there is nothing to import)."""
    if location is None:
        last = prefs.last_project()
        if last is not None:
            try:
                return ProjectService.open(last, prefs.reviewer), None
            except MtreviewError:
                pass  # gone or unreachable: the sample opens instead (File ▸ Open Recent still lists it)
        return ProjectService.open(sample_project_path(prefs.reviewer), prefs.reviewer), None
    if is_project_location(location):
        service = open_project_asking(None, location, prefs.reviewer, create=location.endswith(".mtreview"))
        if service is None:
            raise Cancelled(_("no password given"))
        return service, None
    document = Path(location).resolve()
    if not document.is_file():
        raise InputError(_("no such file"), location)
    service = ProjectService.open(project_beside(document), prefs.reviewer, create=True)
    return service, None if has_document_from(service, document) else str(document)


def start_window(location: str | None, prefs: Preferences) -> MainWindow:
    """Open ``location`` in a new main window; a document is imported (and checked) into its project on
    a worker, after the window is shown. Raises ``MtreviewError`` when nothing can be opened."""
    from mtreview.ui.main_window import MainWindow

    service, to_import = open_location(location, prefs)
    if location is not None:
        from mtreview.services.connection import remember_password

        # a typed password goes to the system keyring (if there is one), never to the recent list
        prefs.add_recent(remember_password(str(service.location)))
    window = MainWindow(service, prefs)
    window.show()
    if to_import is not None:
        window.operations.import_files(to_import)
    return window


def run_gui(location: str | None, language: str | None = None, exit_after_ms: int | None = None) -> int:
    prefs = Preferences.load()
    lang = i18n.set_language(language or prefs.language)
    app = make_application()
    app._mtreview_translators = install_qt_translations(app, lang)  # type: ignore[attr-defined]
    sys.excepthook = show_crash_dialog
    forget_legacy_password_file()
    try:
        window = start_window(location, prefs)
    except Cancelled:
        return 2  # the user cancelled the password dialog: nothing to open, nothing to say
    except MtreviewError as exc:
        QMessageBox.critical(None, _("Cannot open project"), str(exc))
        return 2
    if exit_after_ms is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(exit_after_ms, window.close)
    code = app.exec()
    window.service.close()
    return code
