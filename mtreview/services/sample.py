"""The bundled sample project: a short article of our own with a flawed Japanese MT."""

from __future__ import annotations

from pathlib import Path

from mtreview.paths import sample_dir
from mtreview.services.prefs import data_dir
from mtreview.services.project import ProjectService

SAMPLE_SOURCE = sample_dir() / "harbour-library.txt"


def sample_location() -> Path:
    """Where the sample project lives (whether or not it was created yet)."""
    return data_dir() / "sample" / "sample.mtreview"


def is_sample(location: str) -> bool:
    """Whether ``location`` is the bundled sample project (importing into it is offered a new project)."""
    if "://" in location:
        return False
    try:
        return Path(location).resolve() == sample_location().resolve()
    except OSError:
        return False


def sample_project_path(author: str = "mtreview") -> Path:
    """The sample project in the user's data folder, created from the bundled article on first use."""
    path = sample_location()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("sample.building.mtreview")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    service = ProjectService.open(tmp, author, create=True)
    try:
        import dataclasses

        from mtreview.services.project import read_input

        doc = read_input(SAMPLE_SOURCE)
        service.import_document(dataclasses.replace(doc, name="harbour-library", engine="sample-mt"))
        prepare_sample(service)
    finally:
        service.close()
    tmp.replace(path)
    return path


def prepare_sample(service: ProjectService) -> None:
    """Run what later features provide on the sample (automatic checks), so a first run shows them.

    This runs before the first window appears, on the GUI thread: it does not wait for the JMdict index
    a first run has not built yet (the checks that need it propose their findings on the next Run Checks,
    which runs on a worker)."""
    try:
        from mtreview.qa.analysis import no_wait
        from mtreview.services.checking import run_project_checks
    except ImportError:
        return
    with no_wait():
        run_project_checks(service)
