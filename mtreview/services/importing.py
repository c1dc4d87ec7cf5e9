"""Importing as a user means it: the document is stored, then the automatic checks run on it.

Every import path (File ▸ Import Document, ``mtreview page.txt``, ``mtreview import``) goes through
``import_and_check`` so the checks' proposals are there when the reviewer first looks. A check that fails
does not undo the import: its error is reported and the checks can be re-run (Tools ▸ Run Checks).

``project_beside`` says where a project for an imported file lives: next to the file, named after it
(``page.txt`` → ``page.mtreview``), where the user will look for it; in the user data folder only when
the file's folder cannot be written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mtreview.domain.errors import Cancelled, MtreviewError
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.services.checking import CheckRun, run_project_checks
from mtreview.services.prefs import data_dir, is_project
from mtreview.services.project import ImportResult, ProjectService

PROJECT_SUFFIX = ".mtreview"


@dataclass(frozen=True)
class ImportAndCheck:
    imported: ImportResult
    checks: CheckRun | None
    """``None`` when the checks could not run (``check_error`` says why)."""
    check_error: str | None = None

    @property
    def findings(self) -> int:
        return 0 if self.checks is None else self.checks.added


def import_and_check(
    service: ProjectService,
    path: str | os.PathLike[str],
    target: str | os.PathLike[str] | None = None,
    progress: Progress = NO_PROGRESS,
    *,
    checks: bool = True,
) -> ImportAndCheck:
    """Import ``path`` (and ``target``) into the project, then run the automatic checks on it."""
    imported = service.import_path(path, target, progress)
    return check_after_import(service, imported, progress) if checks else ImportAndCheck(imported, None)


def check_after_import(
    service: ProjectService, imported: ImportResult, progress: Progress = NO_PROGRESS
) -> ImportAndCheck:
    """Run the automatic checks after ``imported`` was stored; the import stands whatever they do."""
    progress.report(0, 0, _("Running checks…"))
    try:
        run = run_project_checks(service, progress)
    except Cancelled:
        return ImportAndCheck(imported, None, _("checks cancelled"))
    except MtreviewError as exc:
        return ImportAndCheck(imported, None, str(exc))
    return ImportAndCheck(ImportResult(imported.document, imported.changes | run.changes), run)


def is_project_location(location: str | os.PathLike[str]) -> bool:
    """A project file (``*.mtreview``) or a database URL, as opposed to a document to import."""
    return is_project(os.fspath(location))


def _writable_folder(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (tried, not guessed from permission bits: root passes
    ``os.access`` on read-only file systems)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def project_beside(path: str | os.PathLike[str]) -> Path:
    """The project for an imported document: ``<folder>/<stem>.mtreview`` next to it, or in the user data
    folder's ``projects`` when that folder is read-only."""
    source = Path(path).resolve()
    name = source.stem + PROJECT_SUFFIX
    if _writable_folder(source.parent):
        return source.parent / name
    fallback = data_dir() / "projects"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback / name


def has_document_from(service: ProjectService, path: str | os.PathLike[str]) -> bool:
    """Whether the project already holds a document imported from ``path`` (opening ``mtreview page.txt``
    a second time opens the review, it does not import the page again)."""
    wanted = {os.fspath(path), str(Path(path).resolve())}
    return any(d.path in wanted for d in service._store.documents())
