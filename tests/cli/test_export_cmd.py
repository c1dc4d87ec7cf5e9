"""``mtreview export``: formats, filters, JSON output, exit status 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtreview", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "a.ja.txt"
    src.write_text("One cat.\nTwo dogs.\n", encoding="utf-8")
    tgt.write_text("猫一匹。\n犬二匹。\n", encoding="utf-8")
    project = tmp_path / "p.mtreview"
    result = run("import", str(src), "--target", str(tgt), "--project", str(project))
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize("fmt", ["tmx", "po", "xliff", "csv", "tsv", "xlsx", "mqm-tsv"])
def test_every_format_exports(project: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = run("export", str(project), "--format", fmt, "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # a memory (TMX) holds confirmed units only by default: nothing is confirmed in this project
    assert report["units"] == (0 if fmt == "tmx" else 2) and report["format"] == fmt and out.exists()


def test_status_all_exports_unconfirmed_units_to_a_memory(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    result = run("export", str(project), "--format", "tmx", "-o", str(out), "--status", "all", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["units"] == 2
    assert out.read_text("utf-8").count('<prop type="x-mtreview-status">new</prop>') == 2


def test_csv_for_excel_by_default_and_for_pipelines_on_request(project: Path, tmp_path: Path) -> None:
    excel, pipe = tmp_path / "excel.csv", tmp_path / "pipe.csv"
    assert run("export", str(project), "--format", "csv", "-o", str(excel)).returncode == 0
    result = run("export", str(project), "--format", "csv", "-o", str(pipe), "--no-bom", "--no-formula-guard")
    assert result.returncode == 0, result.stderr
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf") and not pipe.read_bytes().startswith(b"\xef")
    assert excel.read_bytes()[3:] == pipe.read_bytes()  # nothing here looks like a formula


def test_status_filter(project: Path, tmp_path: Path) -> None:
    result = run(
        "export",
        str(project),
        "--format",
        "tmx",
        "-o",
        str(tmp_path / "o.tmx"),
        "--status",
        "approved",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["units"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "docx"],
        ["--format", "tmx", "--status", "done"],
        ["--format", "tmx", "--document", "missing"],
        ["--format", "tmx", "--max-penalty", "-1"],
    ],
)
def test_bad_usage_exits_2_with_one_line(project: Path, tmp_path: Path, args: list[str]) -> None:
    result = run("export", str(project), "-o", str(tmp_path / "o.out"), *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.out").exists()


def test_refuses_to_overwrite_an_input(project: Path, tmp_path: Path) -> None:
    result = run("export", str(project), "--format", "po", "-o", str(tmp_path / "a.en.txt"))
    assert result.returncode == 2
    assert "overwrite" in result.stderr
    assert (tmp_path / "a.en.txt").read_text("utf-8") == "One cat.\nTwo dogs.\n"


def test_missing_project_exits_2(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "none.mtreview"), "--format", "tmx", "-o", str(tmp_path / "o.tmx"))
    assert result.returncode == 2
