"""``mtreview qa PROJECT --store``: what Tools ▸ Run Checks does, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mtreview.cli.main import cli
from mtreview.domain.model import AnnotationState
from mtreview.services.checking import run_project_checks
from mtreview.services.project import ProjectService

TSV = (
    "source\ttarget\tcorrected\n"
    "Revenue was $25 million last year.\t昨年の収益は2500万円でした。\t\n"
    "Daniel Brooks said the plan was sound.\tダニエル・ブルックス社は計画は妥当だと述べました。\t\n"
    "The renovation cost $3.2 million.\t改修には320万円かかりました。\t改修には320万ドルかかりました。\n"
)


def _project(tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    src = tmp_path / "article.tsv"
    src.write_text(TSV, encoding="utf-8")
    project = tmp_path / "p.mtreview"
    svc = ProjectService.open(project, "me", create=True)
    svc.import_path(src)
    svc.close()
    return project


def _proposals(project: Path) -> list:  # type: ignore[type-arg]
    svc = ProjectService.open(project, "me")
    try:
        return svc.annotations()
    finally:
        svc.close()


def test_store_writes_what_run_checks_writes(tmp_path: Path) -> None:
    cli_project = _project(tmp_path / "cli")
    gui_project = _project(tmp_path / "gui")
    result = CliRunner().invoke(cli, ["qa", str(cli_project), "--store", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    stored = _proposals(cli_project)
    assert data["stored"] == {"added": len(stored), "kept": 0, "removed": 0} and stored
    # the same proposals as Tools ▸ Run Checks stores
    svc = ProjectService.open(gui_project, "me")
    try:
        run_project_checks(svc)
    finally:
        svc.close()

    def key(a):  # type: ignore[no-untyped-def]
        return (a.segment_id, a.origin, a.side, a.start, a.end, a.category, a.severity, a.state)

    assert sorted(map(key, stored)) == sorted(map(key, _proposals(gui_project)))
    assert all(a.state is AnnotationState.PROPOSED for a in stored)
    # the output describes the MT (what the proposals are spans of), with the project's segment ids
    third = next(s for s in data["segments"] if s["id"] == "article#3")
    assert third["target"] == "改修には320万円かかりました。"
    for f in data["findings"]:
        seg = next(s for s in data["segments"] if s["id"] == f["segment"])
        if f["start"] is not None:
            assert seg[f["side"]][f["start"] : f["end"]] == f["text"]
    assert len(data["findings"]) == len(stored)


def test_store_again_keeps_triage_and_omits_dismissed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = CliRunner().invoke(cli, ["qa", str(project), "--store", "--json"])
    assert first.exit_code == 0, first.output
    svc = ProjectService.open(project, "lead")
    try:
        proposals = svc.annotations()
        dismissed = proposals[0]
        svc.triage(dismissed.id, dismissed.version, AnnotationState.DISMISSED)
    finally:
        svc.close()
    again = CliRunner().invoke(cli, ["qa", str(project), "--store", "--json"])
    assert again.exit_code == 0, again.output
    data = json.loads(again.stdout)
    assert data["stored"] == {"added": 0, "kept": len(proposals), "removed": 0}
    after = {a.id: a.state for a in _proposals(project)}
    assert after[dismissed.id] is AnnotationState.DISMISSED
    assert len(after) == len(proposals)
    assert len(data["findings"]) == len(proposals) - 1
    assert not any(
        f["check"] == dismissed.origin
        and f["start"] == dismissed.start
        and f["end"] == dismissed.end
        and f["segment"].endswith(f"#{dismissed.segment_id}")
        for f in data["findings"]
    )


def test_store_table_output_and_fail_on(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = CliRunner().invoke(cli, ["qa", str(project), "--store", "--fail-on", "major"])
    assert result.exit_code == 1, result.output  # ブルックス社 for a person is major
    assert "new proposals" in result.output
    assert _proposals(project)


def test_store_refuses_a_file(tmp_path: Path) -> None:
    src = tmp_path / "article.tsv"
    src.write_text(TSV, encoding="utf-8")
    before = src.read_bytes()
    result = CliRunner().invoke(cli, ["qa", str(src), "--store"])
    assert result.exit_code == 2
    assert "--store" in result.stderr and "article.tsv" in result.stderr
    assert src.read_bytes() == before
