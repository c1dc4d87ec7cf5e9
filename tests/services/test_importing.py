"""Every import runs the checks; a document's project lives next to it; Open Recent lists projects only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtreview.domain.model import AnnotationState
from mtreview.services.importing import has_document_from, import_and_check, project_beside
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService

# Our own text: an English word left in the Japanese and a wrong number, which the checks must propose.
PAGE = (
    "source\ttarget\n"
    "The ferry leaves at 7 a.m.\tフェリーは午前9時に出発します。\n"
    "The change was substantial.\t変化は substantial だった。\n"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "ferry.tsv"
    path.parent.mkdir()
    path.write_text(PAGE, encoding="utf-8")
    return path


def _proposals(location: Path) -> list[str]:
    svc = ProjectService.open(location, "t")
    try:
        return [a.origin for a in svc.annotations(states=[AnnotationState.PROPOSED])]
    finally:
        svc.close()


def test_import_and_check_proposes_findings(tmp_path: Path, page: Path) -> None:
    svc = ProjectService.open(tmp_path / "p.mtreview", "t", create=True)
    try:
        result = import_and_check(svc, page)
        assert result.checks is not None and result.findings > 0 and result.check_error is None
        assert result.imported.changes.documents and result.imported.changes.annotations
        assert has_document_from(svc, page)
    finally:
        svc.close()
    origins = _proposals(tmp_path / "p.mtreview")
    assert "untranslated" in origins and "numbers" in origins


def test_project_is_created_next_to_the_document(page: Path) -> None:
    assert project_beside(page) == page.parent.resolve() / "ferry.mtreview"


def test_project_falls_back_to_the_data_folder_when_the_folder_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MTREVIEW_DATA_DIR", str(tmp_path / "data"))
    read_only = Path("/proc/version")  # a real file in a folder nobody can create files in, root included
    assert project_beside(read_only) == tmp_path / "data" / "projects" / "version.mtreview"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", *args], capture_output=True, text=True, timeout=300
    )


def test_cli_import_runs_the_checks(tmp_path: Path, page: Path) -> None:
    checked, unchecked = tmp_path / "a.mtreview", tmp_path / "b.mtreview"
    run = _cli("import", str(page), "--project", str(checked), "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["findings"] == len(_proposals(checked)) > 0
    run = _cli("import", str(page), "--project", str(unchecked), "--json", "--no-checks")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["findings"] is None and _proposals(unchecked) == []


def test_open_recent_lists_projects_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTREVIEW_CONFIG_DIR", str(tmp_path / "config"))
    prefs = Preferences(reviewer="t")
    prefs.add_recent(str(tmp_path / "page.txt"))
    prefs.add_recent(str(tmp_path / "review.mtreview"))
    prefs.add_recent("postgresql+psycopg://reviewer@db.example/team")
    assert prefs.recent == [
        "postgresql+psycopg://reviewer@db.example/team",
        str(tmp_path / "review.mtreview"),
    ]
    # A preferences file written by an older version, with a text file in the list, loads without it.
    os.makedirs(tmp_path / "config", exist_ok=True)
    Preferences.path().write_text(
        json.dumps({"recent": [str(tmp_path / "page.txt"), str(tmp_path / "review.mtreview")]}),
        encoding="utf-8",
    )
    assert Preferences.load().recent == [str(tmp_path / "review.mtreview")]
