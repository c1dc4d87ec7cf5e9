"""Spreadsheet exports opened by LibreOffice headless (issue 15, "Done when", fourth bullet).

A project holding texts a spreadsheet would evaluate (``=HYPERLINK(…)``, ``=1+1``, ``+81…``, ``-2+3``,
``@SUM``) is exported as CSV, TSV, MQM TSV and xlsx, imported back by mtreview and exported again; then
LibreOffice opens each file (``soffice --convert-to xlsx``): there is no formula cell, and every text is
the project's exactly, the guard being an invisible, zero-width character where there is one at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from judges import soffice_to_xlsx
from openpyxl import load_workbook

from mtreview.domain.model import Status
from mtreview.formats.guard import GUARD
from mtreview.services.export import ExportFilters, export_project
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

PAYLOADS = [
    '=HYPERLINK("http://127.0.0.1:9/x","click")',
    "=1+1",
    "+81 3 1234 5678",
    "-2+3",
    "@SUM(A1:A3)",
    "- a bullet point",
    "'=already quoted",
    "plain text",
]
TRANSLATIONS = ["=リンク", "＝１＋１", "+81 3-1234-5678", "-2+3", "@合計", "- 箇条書き", "'=引用", "普通の文"]
ALL = ExportFilters(statuses=frozenset(Status))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[ProjectService]:
    import csv

    src = tmp_path / "payloads.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target"])
        w.writerows(zip(PAYLOADS, TRANSLATIONS, strict=True))  # written raw, as a careless tool would
    svc = ProjectService.open(tmp_path / "p.mtreview", "ana", create=True)
    svc.import_path(src)
    first = svc.segment(svc.segment_ids()[0])
    svc.save(
        SegmentChange.confirm(first.id, "=1+2", first.version)
    ).require_saved()  # a correction that looks like a formula, too
    yield svc
    svc.close()


def _cells(xlsx: Path) -> list[Any]:
    wb = load_workbook(xlsx)
    try:
        return [cell for row in wb.active.iter_rows() for cell in row if cell.value is not None]
    finally:
        wb.close()


def _check(xlsx: Path, expected: set[str]) -> None:
    cells = _cells(xlsx)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []  # no formula cell
    shown = set()
    for c in cells:
        value = str(c.value)
        if value.startswith(GUARD):
            assert unicodedata.category(GUARD) == "Cf"  # a format character: zero width, invisible
            value = value[1:]
        shown.add(value)
    assert expected <= shown, expected - shown  # every text as the project holds it, no "'" added


def _round(project: ProjectService, fmt: str, tmp_path: Path) -> Path:
    """Export, import into a new project, export again: our own round trip."""
    first = tmp_path / f"first.{'tsv' if fmt == 'mqm-tsv' else fmt}"
    export_project(project, fmt, first, ALL)
    again = ProjectService.open(tmp_path / f"again-{fmt}.mtreview", "ana", create=True)
    try:
        again.import_path(first)
        second = tmp_path / f"second-{fmt}.{first.suffix.lstrip('.')}"
        export_project(again, fmt, second, ALL)
    finally:
        again.close()
    return second


@pytest.mark.parametrize(
    ("fmt", "infilter"),
    [("csv", "CSV:44,34,76,1"), ("tsv", "CSV:9,34,76,1"), ("mqm-tsv", "CSV:9,34,76,1"), ("xlsx", None)],
)
def test_libreoffice_sees_text_and_no_formula(
    project: ProjectService, tmp_path: Path, fmt: str, infilter: str | None
) -> None:
    second = _round(project, fmt, tmp_path)
    opened = soffice_to_xlsx(second, tmp_path / "lo", infilter)
    expected = set(PAYLOADS) if fmt == "mqm-tsv" else set(PAYLOADS) | set(TRANSLATIONS) | {"=1+2"}
    _check(opened, expected)


def test_the_round_trip_keeps_every_text(project: ProjectService, tmp_path: Path) -> None:
    stored = [(s.source, s.mt, s.corrected) for s in project.iter_segments()]
    for fmt in ("csv", "tsv", "xlsx"):
        second = _round(project, fmt, tmp_path)
        svc = ProjectService.open(tmp_path / f"check-{fmt}.mtreview", "ana", create=True)
        try:
            svc.import_path(second)
            assert [(s.source, s.mt, s.corrected) for s in svc.iter_segments()] == stored, fmt
        finally:
            svc.close()
