"""``mtreview copy SRC DST``: the CLI contract (exit 0 with counts; exit 2 and one line when refused)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtreview.domain.model import ImportedDocument, SegmentDraft
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


def run(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "mtreview", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def make_project(path: Path) -> None:
    svc = ProjectService.open(path, "ana", create=True)
    try:
        pairs = [SegmentDraft("One.", "一。"), SegmentDraft("Two.", "二。")]
        svc.import_document(ImportedDocument("d", pairs))
        first = svc.segment_ids()[0]
        svc.save(SegmentChange.confirm(first, "いち。", 1)).require_saved()
    finally:
        svc.close()


@pytest.mark.postgres
def test_copy_to_postgresql_and_back_with_json_counts(tmp_path: Path, pg_url: str) -> None:
    src, back = tmp_path / "a.mtreview", tmp_path / "b.mtreview"
    make_project(src)
    there = run("copy", str(src), pg_url, "--json")
    assert there.returncode == 0, there.stderr
    report = json.loads(there.stdout)
    assert report["rows"]["segment"] == 2 and report["rows"]["revision"] == 1
    assert "mtreview-test" not in there.stdout  # password hidden
    home = run("copy", pg_url, str(back))
    assert home.returncode == 0, home.stderr
    svc = ProjectService.open(back, "ben")
    try:
        assert [s.target for s in svc.iter_segments()] == ["いち。", "二。"]
        assert [r.author for r in svc.revisions()] == ["ana"]
    finally:
        svc.close()


@pytest.mark.parametrize("existing", [b"SQLite format 3\x00 not really", b"x"])
def test_copy_refuses_an_existing_destination(tmp_path: Path, existing: bytes) -> None:
    src, dst = tmp_path / "a.mtreview", tmp_path / "b.mtreview"
    make_project(src)
    dst.write_bytes(existing)
    result = run("copy", str(src), str(dst))
    assert result.returncode == 2
    assert result.stderr.startswith("mtreview: ") and "already exists" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert dst.read_bytes() == existing


def test_copy_of_a_missing_source_fails_without_creating_the_destination(tmp_path: Path) -> None:
    result = run("copy", str(tmp_path / "missing.mtreview"), str(tmp_path / "new.mtreview"))
    assert result.returncode == 2 and "no such project" in result.stderr
    assert not (tmp_path / "new.mtreview").exists()
