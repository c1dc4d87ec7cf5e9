"""``mtreview`` with no argument reopens the last project (the sample only the first time)."""

from __future__ import annotations

from pathlib import Path

from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService
from mtreview.services.sample import sample_project_path
from mtreview.ui.app import open_location


def _project(path: Path) -> str:
    tsv = path.with_suffix(".tsv")
    tsv.write_text("One.\t一つ。\n", encoding="utf-8")
    service = ProjectService.open(path, "rin", create=True)
    service.import_path(tsv)
    service.close()
    return str(path)


def test_first_start_opens_the_sample_then_the_last_project(tmp_path: Path) -> None:
    prefs = Preferences(reviewer="rin")
    first, _ = open_location(None, prefs)
    try:
        assert Path(first.location) == sample_project_path("rin")
    finally:
        first.close()
    older, newer = _project(tmp_path / "older.mtreview"), _project(tmp_path / "newer.mtreview")
    prefs.add_recent(older)
    prefs.add_recent(newer)
    again, _ = open_location(None, prefs)
    try:
        assert again.location == newer
    finally:
        again.close()
    Path(newer).unlink()  # gone: the next most recent one that still exists
    third, _ = open_location(None, prefs)
    try:
        assert third.location == older
    finally:
        third.close()


def test_last_segment_is_remembered_per_project(tmp_path: Path) -> None:
    prefs = Preferences(reviewer="rin")
    a, b = str(tmp_path / "a.mtreview"), str(tmp_path / "b.mtreview")
    prefs.add_recent(a)
    prefs.remember_segment(a, 41)
    prefs.remember_segment(b, 7)
    prefs.remember_segment(str(tmp_path / "page.txt"), 3)  # not a project: ignored
    prefs.save()
    loaded = Preferences.load()
    assert loaded.last_segment(a) == 41 and loaded.last_segment(b) == 7
    assert loaded.last_segment(str(tmp_path / "page.txt")) is None
