"""``mtreview replace | concordance | match``: the JSON contracts of issue 16 and exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROWS = [
    ("Ada Brightwater fixed the clock.", "エイダ・ブライトウォーター社が時計を直した。"),
    ("The clock struck nine.", "時計が九時を打った。"),
    ("Ada Brightwater fixed the old clock.", "ブライトウォーター社が古い時計を直した。"),
]
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en"><seg>The clock struck nine.</seg></tuv>
 <tuv xml:lang="ja"><seg>時計が九つ鳴った。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The clock struck ten.</seg></tuv>
 <tuv xml:lang="ja"><seg>時計が十時を打った。</seg></tuv></tu>
</body></tmx>
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mtreview", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    tsv = tmp_path / "clock.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    project = tmp_path / "c.mtreview"
    result = run("import", str(tsv), "--project", str(project))
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def tmx(tmp_path: Path) -> Path:
    path = tmp_path / "clock.tmx"
    path.write_text(TMX, encoding="utf-8")
    return path


def test_replace_dry_run_then_apply(project: Path) -> None:
    dry = run("replace", str(project), "ブライトウォーター社", "ブライトウォーター氏", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report == {
        "applied": False,
        "changes": [
            {
                "segment": "clock#1",
                "before": "エイダ・ブライトウォーター社が時計を直した。",
                "after": "エイダ・ブライトウォーター氏が時計を直した。",
                "hits": 1,
                "warnings": [],
            },
            {
                "segment": "clock#3",
                "before": "ブライトウォーター社が古い時計を直した。",
                "after": "ブライトウォーター氏が古い時計を直した。",
                "hits": 1,
                "warnings": [],
            },
        ],
    }
    again = json.loads(
        run("replace", str(project), "ブライトウォーター社", "X", "--dry-run", "--json").stdout
    )
    assert len(again["changes"]) == 2  # the dry run wrote nothing
    done = run("replace", str(project), r"(\w+)社", r"\1氏", "--regex", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["applied"] is True
    after = json.loads(run("replace", str(project), "社", "X", "--dry-run", "--json").stdout)
    assert after == {"applied": False, "changes": []}
    # the MT is immutable: the concordance of the old rendering finds nothing in targets now
    conc = json.loads(run("concordance", str(project), "ブライトウォーター社", "--json").stdout)
    assert conc == {"hits": []}


def test_replace_warns_about_an_empty_correction(project: Path) -> None:
    result = run("replace", str(project), "時計が九時を打った。", "", "--dry-run", "--json")
    assert result.returncode == 0
    (change,) = json.loads(result.stdout)["changes"]
    assert change["after"] == "" and change["warnings"]
    assert "clock#2" in result.stderr


def test_concordance_contract(project: Path, tmx: Path) -> None:
    result = run("concordance", str(project), "時計", "--tm", str(tmx), "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert [(h["origin"], h["segment"]) for h in hits] == [
        ("project", "clock#1"),
        ("project", "clock#2"),
        ("project", "clock#3"),
        (str(tmx), None),
        (str(tmx), None),
    ]
    assert all(set(h) >= {"origin", "segment", "source", "target"} for h in hits)
    english = json.loads(run("concordance", str(project), "struck nine", "--tm", str(tmx), "--json").stdout)
    assert [h["target"] for h in english["hits"]] == ["時計が九時を打った。", "時計が九つ鳴った。"]


def test_match_contract(project: Path, tmx: Path) -> None:
    result = run("match", str(project), "clock#2", "--tm", str(tmx), "--json")
    assert result.returncode == 0, result.stderr
    matches = json.loads(result.stdout)["matches"]
    assert matches[0] == {
        "score": 100.0,
        "origin": str(tmx),
        "source": "The clock struck nine.",
        "target": "時計が九つ鳴った。",
        "segment": None,
    }
    assert matches[1]["source"] == "The clock struck ten." and 50 <= matches[1]["score"] < 100
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)
    bare = json.loads(run("match", str(project), "3", "--json").stdout)
    assert bare == {"matches": []}  # nothing confirmed yet, no TM


@pytest.mark.parametrize(
    "args",
    [
        ["replace", "{project}", "(", "x", "--regex"],
        ["replace", "{project}", "", "x"],
        ["replace", "{project}", "a", "b", "--document", "nope"],
        ["concordance", "{project}", "時計", "--tm", "{missing}"],
        ["concordance", "{project}", "時計", "--tm", "{bad}"],
        ["concordance", "{project}", "  "],
        ["match", "{project}", "clock#9"],
        ["match", "{project}", "other#1"],
        ["match", "{project}", "clock#x"],
        ["match", "{missing_project}", "1"],
    ],
)
def test_bad_input_exits_2_with_one_line(project: Path, tmp_path: Path, args: list[str]) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    values = {
        "project": str(project),
        "missing": str(tmp_path / "missing.tmx"),
        "bad": str(bad),
        "missing_project": str(tmp_path / "none.mtreview"),
    }
    result = run(*[a.format(**values) for a in args])
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


DOSE = [
    ("The dose is 250 mg twice a day.", "用量は1日2回250gです。"),
    ("Click %s to save the file.", "ファイルを保存するにはクリックしてください。"),
]


def test_issue_list_from_the_command_line(tmp_path: Path) -> None:
    import csv

    from openpyxl import load_workbook

    tsv = tmp_path / "dose.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in DOSE), encoding="utf-8")
    project = tmp_path / "d.mtreview"
    assert run("import", str(tsv), "--project", str(project)).returncode == 0  # the checks run on import
    out = tmp_path / "issues.csv"
    result = run("issues", str(project), "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["format"] == "csv" and doc["path"] == str(out)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == doc["written"] >= 2
    by_check = {r["check"]: r for r in rows}
    assert by_check["units"]["segment"] == "dose#1" and by_check["units"]["text"] == "250g"
    assert by_check["units"]["mt"] == DOSE[0][1] and by_check["units"]["state"] == "proposed"
    assert by_check["placeholders"]["text"] == "%s" and by_check["placeholders"]["side"] == "source"

    xlsx = tmp_path / "issues.xlsx"
    assert run("issues", str(project), "-o", str(xlsx)).returncode == 0
    book = load_workbook(xlsx, read_only=True)
    assert book.active is not None and sum(1 for _ in book.active.iter_rows()) == len(rows) + 1
    book.close()
    page = tmp_path / "issues.html"
    assert run("issues", str(project), "-o", str(page), "--document", "dose").returncode == 0
    assert "250g" in page.read_text(encoding="utf-8")
    none = run("issues", str(project), "-o", str(tmp_path / "d.csv"), "--state", "dismissed", "--json")
    assert json.loads(none.stdout)["written"] == 0

    before = project.read_bytes()
    for bad in (
        ("-o", str(project)),  # the project itself
        ("-o", str(tsv)),  # the file it was imported from
        ("-o", str(tmp_path / "issues.txt")),  # no such format
        ("-o", str(tmp_path / "x.csv"), "--document", "nope"),
    ):
        refused = run("issues", str(project), *bad)
        assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert project.read_bytes() == before
    assert tsv.read_text(encoding="utf-8").startswith("The dose")
