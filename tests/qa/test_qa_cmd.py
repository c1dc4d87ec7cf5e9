"""``mtreview qa``: the JSON contract, the table, exit statuses, projects (dismissed findings omitted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtreview.cli.main import cli
from mtreview.domain.model import AnnotationState
from mtreview.services.saving import SegmentChange

ROWS = [
    ("source", "target"),
    ("Revenue was $25 million last year.", "昨年の収益は2500万円でした。"),
    ("Daniel Brooks said the plan was sound.", "ダニエル・ブルックス社は計画は妥当だと述べました。"),
    ("We thanked the whole team.", "私たちはチーム全員に感謝しました。"),
    ("Yes, it is ready.", "はい,準備ができました。"),
]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "article.csv"
    path.write_text("\n".join(f'"{s}","{t}"' for s, t in ROWS) + "\n", encoding="utf-8")
    return path


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, ["qa", *args])


def test_json_contract_for_a_file(tmp_path: Path) -> None:
    result = invoke(str(_csv(tmp_path)), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["segments"]] == ["1", "2", "3", "4"]
    assert data["segments"][0] == {
        "id": "1",
        "document": "article",
        "source_lines": [2],
        "target_lines": [2],
        "source": ROWS[1][0],
        "target": ROWS[1][1],
    }
    assert data["errors"] == []
    keys = {
        "segment",
        "check",
        "category",
        "severity",
        "side",
        "start",
        "end",
        "text",
        "message",
        "suggestion",
        "source_start",
        "source_end",
    }
    assert all(set(f) == keys for f in data["findings"])
    got = {(f["segment"], f["check"], f["severity"], f["text"]) for f in data["findings"]}
    assert got == {
        ("1", "numbers", "major", "2500万円"),
        ("2", "name-as-company", "major", "ダニエル・ブルックス社"),
        ("4", "punctuation-width", "minor", ","),
    }
    company = next(f for f in data["findings"] if f["check"] == "name-as-company")
    assert (
        company["category"],
        company["side"],
        company["start"],
        company["end"],
        company["suggestion"],
    ) == ("Accuracy/Mistranslation", "target", 0, 11, "ダニエル・ブルックス")


@pytest.mark.parametrize(
    ("fail_on", "status"), [(None, 0), ("critical", 0), ("major", 1), ("minor", 1), ("NEUTRAL", 1)]
)
def test_fail_on(tmp_path: Path, fail_on: str | None, status: int) -> None:
    args = [str(_csv(tmp_path)), "--json"] + (["--fail-on", fail_on] if fail_on else [])
    assert invoke(*args).exit_code == status


def test_only_minor_findings_pass_a_major_gate(tmp_path: Path) -> None:
    path = tmp_path / "minor.tsv"
    path.write_text("source\ttarget\nYes, it is ready.\tはい,準備ができました。\n", encoding="utf-8")
    assert invoke(str(path), "--fail-on", "major").exit_code == 0
    assert invoke(str(path), "--fail-on", "minor").exit_code == 1


def test_table_output_and_disable(tmp_path: Path) -> None:
    result = invoke(str(_csv(tmp_path)))
    assert result.exit_code == 0
    assert "name-as-company" in result.stdout and "ダニエル・ブルックス社" in result.stdout
    assert "3 findings in 4 segments (2 major, 1 minor)" in result.stdout
    disabled = invoke(str(_csv(tmp_path)), "--json", "--disable", "numbers", "--disable", "name-as-company")
    assert [f["check"] for f in json.loads(disabled.stdout)["findings"]] == ["punctuation-width"]


@pytest.mark.parametrize(
    "args", [["/no/such/file.txt", "--json"], ["{csv}", "--fail-on", "fatal"], ["{empty}", "--json"]]
)
def test_bad_input_exits_2(tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    args = [a.format(csv=_csv(tmp_path), empty=empty) for a in args]
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_bad_glossary_is_reported_and_the_checks_still_run(tmp_path: Path) -> None:
    bad = tmp_path / "terms.csv"
    bad.write_text("source,target\nplan,計画\nPlan,プラン\n", encoding="utf-8")
    result = invoke(str(_csv(tmp_path)), "--json", "--glossary", str(bad))
    data = json.loads(result.stdout)
    assert [(e["check"], e["segment"]) for e in data["errors"]] == [("glossary", None)]
    assert f"{bad}:3" in data["errors"][0]["message"]
    assert len(data["findings"]) == 3


def test_project_ids_corrected_target_and_dismissed_findings(tmp_path: Path) -> None:
    from mtreview.services.checking import run_project_checks
    from mtreview.services.project import ProjectService

    project = tmp_path / "p.mtreview"
    svc = ProjectService.open(project, "tester", create=True)
    try:
        svc.import_path(_csv(tmp_path))
        run_project_checks(svc, settings={"user_lexicons": False})
        segs = list(svc.iter_segments())
        # the reviewer dismisses the punctuation proposal and corrects the number
        punct = next(a for a in svc.annotations() if a.origin == "punctuation-width")
        svc.triage(punct.id, punct.version, AnnotationState.DISMISSED)
        money = segs[0]
        svc.save(
            SegmentChange.edit(money.id, "昨年の収益は2500万ドルでした。", money.version)
        ).require_saved()
    finally:
        svc.close()
    data = json.loads(invoke(str(project), "--json").stdout)
    assert [s["id"] for s in data["segments"]] == [f"article#{i}" for i in range(1, 5)]
    assert data["segments"][0]["target"] == "昨年の収益は2500万ドルでした。"
    assert {(f["segment"], f["check"]) for f in data["findings"]} == {("article#2", "name-as-company")}


def test_meaning_finding_names_its_english_evidence(tmp_path: Path) -> None:
    """Issue 14: a target finding that contradicts the English carries ``source_start``/``source_end``."""
    path = tmp_path / "pairs.csv"
    path.write_text(
        "source,target\nThe board has not approved the plan.,理事会は計画を承認した。\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["qa", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [f] = [f for f in data["findings"] if f["check"] == "polarity"]
    source = data["segments"][0]["source"]
    assert f["side"] == "target" and f["text"] == "承認した"
    assert "not approved" in source[f["source_start"] : f["source_end"]]
    others = [f for f in data["findings"] if f["check"] not in ("polarity",)]
    assert all(f["source_start"] is None for f in others if f["side"] == "source")


def test_the_json_of_a_run_is_made_as_it_is_written(capsys: pytest.CaptureFixture[str]) -> None:
    """``qa --json`` makes each segment's and finding's object as the encoder reaches it (a 100k-segment
    run never holds them all as dicts); what it writes is the same document as the eager one."""
    import json

    from mtreview.cli.common import print_json
    from mtreview.cli.qa_cmd import to_json
    from mtreview.qa import DocumentInput, SegmentInput
    from mtreview.qa.runner import run_checks

    documents = [
        DocumentInput(
            "d",
            tuple(
                SegmentInput(f"d#{i}", "d", f"{i} cats.", f"猫{i + 1}匹。", (i,), (i,)) for i in range(1, 30)
            ),
        )
    ]
    result = run_checks(documents, {"user_lexicons": False})
    assert result.findings
    document = to_json(documents, result)
    assert list.__len__(document["segments"]) == 0 == list.__len__(document["findings"])  # nothing made yet
    print_json(document)
    written = json.loads(capsys.readouterr().out)
    assert written["segments"] == [
        {
            "id": s.id,
            "document": "d",
            "source_lines": [int(s.id[2:])],
            "target_lines": [int(s.id[2:])],
            "source": s.source,
            "target": s.target,
        }
        for s in documents[0].segments
    ]
    assert written["findings"] == [f.to_json() for f in result.findings]
    assert len(document["segments"]) == 29 and list(document["segments"]) == written["segments"]
