"""The Xbench-style issue list: CSV, xlsx and HTML with the same rows; spans, states, escaping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from mtreview.domain.errors import InputError
from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity, Side
from mtreview.services.issue_list import HEADER, export_issue_list
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange


@pytest.fixture
def service(tmp_path: Path):
    tsv = tmp_path / "notes.tsv"
    tsv.write_text(
        "Dr Ines Varga wrote it.\tイネス・ヴァルガ社が書いた。\n=SUM(A1) is a formula.\t=SUM(A1)は式です。\n",
        encoding="utf-8",
    )
    s = ProjectService.open(tmp_path / "n.mtreview", "rin", create=True)
    s.import_path(tsv)
    a, b = s.segment_ids()
    s._store.add_annotations(
        [
            AnnotationDraft(
                a,
                "Accuracy/Mistranslation",
                Severity.MAJOR,
                start=8,
                end=9,
                comment="person as company <b>",
                suggestion="氏",
                origin="name-as-company",
                state=AnnotationState.PROPOSED,
            ),
            AnnotationDraft(b, "Style/Awkward", Severity.MINOR, comment="whole segment"),
            AnnotationDraft(
                a,
                "Accuracy/Omission",
                Severity.MINOR,
                side=Side.SOURCE,
                start=0,
                end=2,
                origin="omission",
                state=AnnotationState.DISMISSED,
            ),
        ],
        "qa",
    )
    s.save(SegmentChange.confirm(b, "=SUM(A1)は数式です。", s.segment(b).version)).require_saved()
    yield s
    s.close()


def test_csv_rows(service: ProjectService, tmp_path: Path) -> None:
    out = tmp_path / "issues.csv"
    assert export_issue_list(service, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(HEADER)
    first, second = rows
    assert (first["segment"], first["check"], first["span"], first["text"], first["state"]) == (
        "notes#1",
        "name-as-company",
        "8-9",
        "社",
        "proposed",
    )
    assert first["suggestion"] == "氏"
    # a spreadsheet would evaluate these: an invisible guard (formats.guard) keeps them text
    assert (second["check"], second["span"], second["text"]) == ("manual", "", "\u2060=SUM(A1)は式です。")
    assert second["mt"].startswith("\u2060=")
    assert second["correction"].startswith("\u2060=")


def test_dismissed_on_request(service: ProjectService, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    n = export_issue_list(service, out, states=list(AnnotationState))
    assert n == 3
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["state"] for r in rows} == {"proposed", "confirmed", "dismissed"}
    omission = next(r for r in rows if r["check"] == "omission")
    assert (omission["side"], omission["text"]) == ("source", "Dr")


def test_xlsx_has_the_same_rows_as_text(service: ProjectService, tmp_path: Path) -> None:
    out = tmp_path / "issues.xlsx"
    assert export_issue_list(service, out) == 2
    book = load_workbook(out, read_only=True)
    try:
        rows = [[c.value for c in r] for r in book.active.iter_rows()]
    finally:
        book.close()
    assert tuple(rows[0]) == HEADER
    assert rows[2][3] == "=SUM(A1)は式です。"  # text, not a formula
    assert rows[1][11] == "社"


def test_html_marks_the_span_and_escapes(service: ProjectService, tmp_path: Path) -> None:
    out = tmp_path / "issues.html"
    assert export_issue_list(service, out) == 2
    doc = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert [m.text for m in doc.iter("mark")] == ["社"]
    assert "person as company <b>" in doc.text_content()
    assert not list(doc.iter("b"))


def test_unknown_format_and_overwriting_an_input(service: ProjectService, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        export_issue_list(service, tmp_path / "x.docx")
    with pytest.raises(InputError):
        export_issue_list(service, tmp_path / "notes.tsv", fmt="csv")
    assert "ヴァルガ" in (tmp_path / "notes.tsv").read_text(encoding="utf-8")
