"""``mtreview page.txt``: the project is created next to the page, the page is imported and checked on a
worker after the window is shown, and Open Recent remembers the project (not the page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.model import AnnotationState
from mtreview.services.prefs import Preferences
from mtreview.ui.app import start_window

PAGE = (
    "source\ttarget\n"
    "The ferry leaves at 7 a.m.\tフェリーは午前9時に出発します。\n"
    "The change was substantial.\t変化は substantial だった。\n"
)


@pytest.fixture
def prefs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Preferences:
    monkeypatch.setenv("MTREVIEW_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(tmp_path / "data"))
    return Preferences(reviewer="tester")


def test_opening_a_page_imports_and_checks_it_into_a_project_beside_it(qtbot, tmp_path, prefs) -> None:
    page = tmp_path / "ferry.tsv"
    page.write_text(PAGE, encoding="utf-8")
    window = start_window(str(page), prefs)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.operations.tasks["import"].done, timeout=120_000):
        pass
    project = tmp_path / "ferry.mtreview"
    assert Path(window.service.location) == project and project.exists()
    assert not (tmp_path / "data" / "projects").exists()
    proposals = window.service.annotations(states=[AnnotationState.PROPOSED])
    assert {"numbers", "untranslated"} <= {a.origin for a in proposals}
    assert window.model.rowCount() == 2
    assert prefs.recent == [str(project)]
    window.close()

    # Opening the same page again opens its review; it does not import the page a second time.
    again = start_window(str(page), prefs)
    qtbot.addWidget(again)
    assert "import" not in again.operations.tasks
    assert [d.segment_count for d in again.service.documents()] == [2]
    again.close()
    again.service.close()
    window.service.close()
