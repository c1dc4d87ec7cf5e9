"""Long-running operations and project files: import, export, the review sheet, checks, the glossary,
new/open/switch project, drag and drop. Jobs are plain functions taking a ``Progress``, run off the GUI
thread by ``ui.tasks`` (progress dialog, Cancel); their ``Changes`` are announced on the change hub."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from mtreview.domain.errors import MtreviewError
from mtreview.domain.progress import Progress
from mtreview.i18n import _
from mtreview.services.importing import has_document_from, import_and_check, project_beside
from mtreview.services.labels import project_place
from mtreview.services.project import ImportResult
from mtreview.services.sample import is_sample
from mtreview.ui.connect import open_project_asking
from mtreview.ui.tasks import Task, describe_error, run_with_progress

if TYPE_CHECKING:
    from mtreview.ui.main_window import MainWindow

DOCUMENT_PATTERNS = "*.txt *.md *.csv *.tsv *.tmx *.xlf *.xliff *.po *.pot *.xlsx"


def import_filter() -> str:
    """The file dialog's filter, in the UI language."""
    return _("Documents ({patterns})").format(patterns=DOCUMENT_PATTERNS) + ";;" + _("All files (*)")


class OperationsController:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.tasks: dict[str, Task] = {}
        """The last job of each kind (kept referenced while it runs)."""

    # ------------------------------------------------------------------ import
    def import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.w, _("Import Document"), self.start_folder(), import_filter()
        )
        if path:
            self.import_files(path)

    def import_pair_dialog(self) -> None:
        source, _f = QFileDialog.getOpenFileName(
            self.w, _("English source file"), self.start_folder(), import_filter()
        )
        if not source:
            return
        target, _f = QFileDialog.getOpenFileName(
            self.w, _("Japanese translation file"), str(Path(source).parent), import_filter()
        )
        if target:
            self.import_files(source, target)

    def _leave_sample(self, path: str) -> bool | None:
        """Importing while the bundled sample is open: offer a new project next to the document (the
        default) instead of silently adding to the sample. True: switched to the new project; False: add to
        the sample; None: cancelled."""
        w = self.w
        if not is_sample(w.service.location):
            return False
        project = project_beside(path)
        box = QMessageBox(w)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Import Document"))
        box.setText(
            _("The sample project is open. Review {name} in a project of its own?").format(
                name=Path(path).name
            )
        )
        box.setInformativeText(
            _("The new project is created next to the document: {place}").format(
                place=project_place(str(project), project.name)
            )
        )
        new = box.addButton(_("&New Project"), QMessageBox.ButtonRole.AcceptRole)
        sample = box.addButton(_("Add to the &Sample"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new)
        box.exec()
        if box.clickedButton() is sample:
            return False
        if box.clickedButton() is not new:
            return None
        return self.switch_project(str(project), create=True)

    def import_files(self, path: str, target: str | None = None) -> None:
        w = self.w
        w.review.save_current()
        left = self._leave_sample(path)
        if left is None:
            return
        if left and has_document_from(w.service, path):
            return  # that project already reviews this document: it is open now
        service = w.service

        def job(progress: Progress) -> ImportResult:
            result = import_and_check(service, path, target, progress)
            return result.imported  # a check failure does not undo the import (Tools ▸ Run Checks)

        def done(result: object) -> None:
            assert isinstance(result, ImportResult)
            w.hub.announce(result.changes)
            w.grid.show_document(result.document.id)
            w.statusBar().showMessage(
                _("Imported {name}: {n} segments").format(
                    name=result.document.name, n=result.document.segment_count
                ),
                8000,
            )

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(
                w, _("Import failed"), _("Nothing was imported.") + "\n\n" + describe_error(exc)
            )

        def cancelled() -> None:
            w.statusBar().showMessage(_("Import cancelled; the project is unchanged."), 8000)

        self.tasks["import"] = run_with_progress(
            w, _("Importing {name}").format(name=Path(path).name), job, done, failed, cancelled
        )

    # ------------------------------------------------------------------ export and the review sheet
    def export_dialog(self) -> None:
        from mtreview.services.export import export_project
        from mtreview.ui.export_dialog import ExportDialog

        w = self.w
        w.review.save_current()
        dialog = ExportDialog(w.service, w)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        fmt, path, filters = dialog.choice()
        service = w.service

        def done(result: object) -> None:
            w.statusBar().showMessage(
                _("Exported {n} units to {path}").format(n=result.written, path=result.path),  # type: ignore[attr-defined]
                10000,
            )

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(w, _("Export failed"), describe_error(exc))

        self.tasks["export"] = run_with_progress(
            w, _("Exporting"), lambda p: export_project(service, fmt, path, filters, p), done, failed
        )

    def export_issue_list_dialog(self) -> None:
        """File ▸ Export Issue List: the findings and annotations (proposed and confirmed) of the whole
        project, as Xbench lists them; the format follows the chosen file type."""
        from mtreview.services.issue_list import export_issue_list

        w = self.w
        w.review.save_current()
        service = w.service
        kinds = {"xlsx": _("Excel (*.xlsx)"), "csv": _("CSV (*.csv)"), "html": _("HTML (*.html)")}
        start = str(Path(self.start_folder()) / (Path(service.display_name).stem + "-issues.xlsx"))
        path, chosen = QFileDialog.getSaveFileName(
            w, _("Export Issue List"), start, ";;".join(kinds.values())
        )
        if not path:
            return
        fmt = Path(path).suffix.lstrip(".").lower()
        if fmt not in kinds:  # a name typed without (or with another) extension: the chosen file type's
            fmt = next((k for k, v in kinds.items() if v == chosen), "xlsx")
            path += "." + fmt

        def done(result: object) -> None:
            w.statusBar().showMessage(_("Wrote {n} issues to {path}").format(n=result, path=path), 10000)

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(w, _("Export failed"), describe_error(exc))

        self.tasks["issues"] = run_with_progress(
            w,
            _("Exporting the issue list"),
            lambda p: export_issue_list(service, path, fmt, progress=p),
            done,
            failed,
        )

    def apply_sheet_dialog(self) -> None:
        from mtreview.services.review_sheet import SheetResult, apply_review_sheet

        w = self.w
        path, _f = QFileDialog.getOpenFileName(w, _("Apply Edited Review Sheet"), "", "Excel (*.xlsx)")
        if not path:
            return
        w.review.save_current()
        service = w.service

        def done(result: object) -> None:
            assert isinstance(result, SheetResult)
            w.hub.announce(result.changes)
            w.statusBar().showMessage(
                _("Applied the review sheet: {n} segments changed, {a} annotations added").format(
                    n=result.segments_changed, a=result.annotations_added
                ),
                10000,
            )

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(
                w,
                _("Cannot apply the review sheet"),
                _("Nothing was changed.") + "\n\n" + describe_error(exc),
            )

        self.tasks["sheet"] = run_with_progress(
            w, _("Applying the review sheet"), lambda p: apply_review_sheet(service, path, p), done, failed
        )

    # ------------------------------------------------------------------ checks and glossary
    def run_checks(self) -> None:
        from mtreview.services.checking import CheckRun, run_project_checks

        w = self.w
        w.review.save_current()
        service = w.service

        def done(result: object) -> None:
            assert isinstance(result, CheckRun)
            w.hub.announce(result.changes, texts=False)  # the panels refresh the findings (off this thread)
            message = _(
                "Checks done: {added} new findings, {kept} already known, {removed} withdrawn"
            ).format(added=result.added, kept=result.kept, removed=result.removed)
            if result.errors:
                message += " · " + _("{n} check errors").format(n=len(result.errors))
            w.statusBar().showMessage(message, 10000)

        def failed(exc: BaseException, details: str) -> None:
            QMessageBox.critical(w, _("Checks failed"), describe_error(exc))

        self.tasks["checks"] = run_with_progress(
            w, _("Running checks"), lambda p: run_project_checks(service, p), done, failed
        )

    def glossary_dialog(self) -> None:
        from mtreview.ui.glossary_dialog import GlossaryDialog

        dialog = GlossaryDialog(self.w.service, self.w)
        if dialog.exec() == GlossaryDialog.DialogCode.Accepted:
            self.w.panels.correction_checks.forget()
            self.run_checks()  # proposals follow the new glossary and lexicon

    # ------------------------------------------------------------------ projects
    def new_project(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self.w, _("New Project"), "", _("mtreview projects (*.mtreview)")
        )
        if path:
            if not path.endswith(".mtreview"):
                path += ".mtreview"
            self.switch_project(path, create=True)

    def start_folder(self) -> str:
        """Where file dialogs start: the open project's folder (not the sample's, hidden in the data
        folder), else the home folder."""
        location = self.w.service.location
        if "://" in location or is_sample(location):
            return str(Path.home())
        return str(Path(location).resolve().parent)

    def open_project_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self.w, _("Open Project"), self.start_folder(), _("mtreview projects (*.mtreview)")
        )
        if path:
            self.switch_project(path)

    def switch_project(self, location: str, create: bool = False) -> bool:
        w = self.w
        w.review.save_current()
        try:
            service = open_project_asking(w, location, w.prefs.reviewer, create=create)
        except MtreviewError as exc:
            QMessageBox.critical(w, _("Cannot open project"), describe_error(exc))
            return False
        if service is None:  # the password dialog was cancelled
            return False
        w.use_service(service)
        w.prefs.add_recent(location)
        w.save_prefs()
        return True

    def fill_recent(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        for location in self.w.prefs.recent:
            action = menu.addAction(location)
            action.triggered.connect(lambda _checked=False, loc=location: self.switch_project(loc))
        if not self.w.prefs.recent:
            menu.addAction(_("(none)")).setEnabled(False)

    def dropped(self, paths: list[str]) -> None:
        if len(paths) == 2 and not any(p.endswith(".mtreview") for p in paths):
            self.import_files(paths[0], paths[1])
        elif paths[0].endswith(".mtreview"):
            self.switch_project(paths[0])
        else:
            self.import_files(paths[0])
