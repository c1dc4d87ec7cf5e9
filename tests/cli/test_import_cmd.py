from __future__ import annotations

import subprocess
import sys

import pytest

from mtreview.services.project import ProjectService


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", *args], capture_output=True, text=True, timeout=120
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert "mtreview" in result.stdout


def test_import_seed_page_creates_project(tmp_path, seed_page):
    project = tmp_path / "seed.mtreview"
    result = run("import", str(seed_page), "--project", str(project))
    assert result.returncode == 0, result.stderr
    svc = ProjectService.open(project, "t")
    try:
        (doc,) = svc.documents()
        assert doc.segment_count > 50
        segs = list(svc.iter_segments())
        assert all(s.source_lines for s in segs)
        assert any("Holden" in s.source for s in segs)
    finally:
        svc.close()


def test_import_pair_of_files_extends_project(tmp_path):
    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "a.ja.txt"
    src.write_text("One.\nTwo.\n", encoding="utf-8")
    tgt.write_text("一。\n二。\n", encoding="utf-8")
    project = tmp_path / "p.mtreview"
    assert run("import", str(src), "--target", str(tgt), "--project", str(project)).returncode == 0
    assert run("import", str(src), "--target", str(tgt), "--project", str(project)).returncode == 0
    svc = ProjectService.open(project, "t")
    try:
        assert [d.segment_count for d in svc.documents()] == [2, 2]
    finally:
        svc.close()


BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 20,
    "only-japanese.txt": "日本語だけの行です。\n二行目です。\n".encode(),
    "missing-columns.tsv": b"source\ttarget\nonly one\n",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_exits_2_names_the_file_and_leaves_project_unchanged(tmp_path, name):
    project = tmp_path / "p.mtreview"
    good = tmp_path / "good.tsv"
    good.write_text("Hello.\tこんにちは。\n", encoding="utf-8")
    assert run("import", str(good), "--project", str(project)).returncode == 0
    before = project.read_bytes()
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    result = run("import", str(bad), "--project", str(project))
    assert result.returncode == 2
    assert name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    svc = ProjectService.open(project, "t")
    try:
        assert [d.name for d in svc.documents()] == ["good"]
    finally:
        svc.close()
    del before


def test_missing_file_does_not_create_a_project(tmp_path):
    project = tmp_path / "never.mtreview"
    result = run("import", str(tmp_path / "nope.txt"), "--project", str(project))
    assert result.returncode == 2
    assert "nope.txt" in result.stderr
    assert not project.exists()


def test_missing_column_error_names_the_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("source\ttarget\na\tb\nlonely\n", encoding="utf-8")
    result = run("import", str(bad), "--project", str(tmp_path / "p.mtreview"))
    assert result.returncode == 2
    assert "bad.tsv:3" in result.stderr
