from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService

SAMPLE_TSV = (
    "source\ttarget\n"
    "The library reopened on Saturday.\t図書館は土曜日に再開しました。\n"
    "The renovation cost $3.2 million.\t改修には320万ドルかかりました。\n"
    "Director Ana Solberg is delighted 𠮷.\t館長のアナ・ソルベルグ社は喜んでいます😀。\n"
)


@pytest.fixture
def project(tmp_path):
    service = ProjectService.open(tmp_path / "p.mtreview", "tester", create=True)
    page = tmp_path / "library.tsv"
    page.write_text(SAMPLE_TSV, encoding="utf-8")
    service.import_path(page)
    yield service
    service.close()


@pytest.fixture
def window(qtbot, project):
    from mtreview.ui.main_window import MainWindow

    prefs = Preferences(reviewer="tester")
    w = MainWindow(project, prefs)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture(autouse=True)
def _no_job_outlives_its_test(qapp):
    """Every worker thread a test started is finished before the next test (and before Qt shuts down)."""
    yield
    from mtreview.ui.tasks import stop_all

    stop_all()
    qapp.processEvents()
