"""CSV/TSV: the shared contract, formula-injection escaping, reading other tools' tables."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tm_contract import FormatContract

from mtreview.domain.model import Status
from mtreview.formats.base import ExportUnit
from mtreview.formats.delimited import read_delimited, write_csv, write_tsv


class TestCsvContract(FormatContract):
    reader = staticmethod(read_delimited)
    writer = staticmethod(write_csv)
    suffix = ".csv"
    bad_inputs = ((b'source,target\n"a,b\n', None), (b"source,target\nonly-one-column\n", 2))


class TestTsvContract(FormatContract):
    reader = staticmethod(read_delimited)
    writer = staticmethod(write_tsv)
    suffix = ".tsv"
    bad_inputs = ((b"source\ttarget\nonly-one-column\n", 2),)


WJ = "\u2060"


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', WJ + '=HYPERLINK("http://x")'),
        ("+81 3 1234 5678", WJ + "+81 3 1234 5678"),
        ("-2+3", WJ + "-2+3"),
        ("@SUM(A1)", WJ + "@SUM(A1)"),
        ("'=already quoted", "'=already quoted"),  # a spreadsheet shows it as text already
        (WJ + "=guarded already", WJ + WJ + "=guarded already"),  # so that reading back is exact
        (WJ + "plain", WJ + "plain"),
        ("plain", "plain"),
        ("日本語=等号", "日本語=等号"),
    ],
)
def test_cells_a_spreadsheet_would_evaluate_are_guarded(tmp_path: Path, text: str, cell: str) -> None:
    out = tmp_path / "o.csv"
    write_csv(out, [ExportUnit("d", 1, text, text, text, Status.NEW)])
    with open(out, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[1][2] == cell  # source column as a spreadsheet sees it: the guard is invisible
    assert read_delimited(out).segments[0].source == text


def test_utf8_with_bom_by_default_and_without_for_pipelines(tmp_path: Path) -> None:
    from mtreview.formats.base import WriteOptions

    unit = ExportUnit("d", 1, "=1+1", "カフェ", "カフェ", Status.NEW)
    write_csv(tmp_path / "excel.csv", [unit])
    assert (tmp_path / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbflocation,context,source,target")
    write_csv(tmp_path / "pipe.csv", [unit], WriteOptions(bom=False, formula_guard=False))
    data = (tmp_path / "pipe.csv").read_bytes()
    assert data.startswith(b"location,") and b"\r\n,,=1+1," in data
    for name in ("excel.csv", "pipe.csv"):
        seg = read_delimited(tmp_path / name).segments[0]
        assert (seg.source, seg.target) == ("=1+1", "カフェ")


def test_files_of_the_previous_version_still_read(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text(
        "id,key,source,mt,corrected,status,mqm,chrf,annotations\r\nd#1,k1,'=1+1,'-2,,new,0,,\r\n",
        "utf-8",
    )
    seg = read_delimited(old).segments[0]
    assert (seg.source, seg.target, seg.key, seg.status) == ("=1+1", "-2", "k1", Status.NEW)


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [
        "okapi/okapi/filters/table/src/test/resources/CSVTesting01.csv",
        "okapi/okapi/libraries/lib-terminology/src/test/resources/test02_utf16be.tsv",
    ],
)
def test_reads_other_tools_tables(testdata: Path, name: str) -> None:
    doc = read_delimited(testdata / name)
    assert doc.segments and all(s.source for s in doc.segments)
