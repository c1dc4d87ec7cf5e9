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


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("'=already quoted", "''=already quoted"),
        ("plain", "plain"),
        ("日本語=等号", "日本語=等号"),
    ],
)
def test_cells_a_spreadsheet_would_evaluate_are_escaped(tmp_path: Path, text: str, cell: str) -> None:
    out = tmp_path / "o.csv"
    write_csv(out, [ExportUnit("d", 1, text, text, text, Status.NEW)])
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[1][2] == cell  # source column as a spreadsheet sees it
    assert read_delimited(out).segments[0].source == text


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
