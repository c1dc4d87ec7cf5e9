"""Cells a spreadsheet would evaluate never leave mtreview unescaped (CSV, TSV, xlsx, report CSV).

A CSV carrying formula-injection payloads is imported; the texts come back exactly (the reader removes
the escaping it adds), and every export that a spreadsheet opens carries them as text: a leading guard
in CSV/TSV an invisible U+2060 word joiner (``formats.guard``), string cells with the quote prefix and no
formula in xlsx.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from mtreview.domain.model import AnnotationDraft, Severity
from mtreview.services.export import export_project
from mtreview.services.project import ProjectService, read_input
from mtreview.services.saving import SegmentChange

PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://127.0.0.1:9/x","click")',
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "=1+1 in Japanese: ＝１＋１",
]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def project(tmp_path: Path) -> ProjectService:
    src = tmp_path / "payloads.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target"])
        for p in PAYLOADS:
            w.writerow([p, p])  # written raw, as an attacker would
    svc = ProjectService.open(tmp_path / "f.mtreview", "ana", create=True)
    svc.import_path(src)
    for sid, payload in zip(svc.segment_ids(), PAYLOADS, strict=True):
        seg = svc.segment(sid)
        svc.save(SegmentChange.confirm(sid, payload + " (corrected)", seg.version)).require_saved()
        svc.annotate(
            AnnotationDraft(
                segment_id=sid, category="Accuracy/Mistranslation", severity=Severity.MINOR, comment=payload
            )
        )
    return svc


def _cells_of(path: Path, delimiter: str) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return [cell for row in csv.reader(f, delimiter=delimiter) for cell in row]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_delimited_exports_escape_every_formula_cell(
    project: ProjectService, tmp_path: Path, fmt: str, delimiter: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    export_project(project._store, fmt, out)
    cells = _cells_of(out, delimiter)
    assert any("cmd|" in c for c in cells)
    unescaped = [c for c in cells if c.startswith(DANGEROUS)]
    assert unescaped == []
    # and the texts read back exactly as the project holds them (escaping is undone, rows stay whole)
    stored = list(project.iter_segments())
    doc = read_input(out)
    assert [s.source for s in doc.segments] == [s.source for s in stored]
    assert [s.corrected for s in doc.segments] == [s.corrected for s in stored]
    assert any(s.corrected.startswith(("\t", "\r")) for s in doc.segments if s.corrected)


def test_xlsx_export_has_no_formula_and_quotes_every_formula_cell(
    project: ProjectService, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    export_project(project._store, "xlsx", out)
    with zipfile.ZipFile(out) as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml  # no formula element anywhere
    wb = load_workbook(out)  # full mode: styles (quotePrefix) are read
    try:
        risky = 0
        for row in wb.active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str) and cell.value.startswith(DANGEROUS):
                    risky += 1
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
        assert risky >= len(PAYLOADS)
    finally:
        wb.close()
    doc = read_input(out)
    stored = list(project.iter_segments())
    assert [s.source for s in doc.segments] == [s.source for s in stored]
    assert [s.corrected for s in doc.segments] == [s.corrected for s in stored]
    assert [len(s.meta.get("annotations", ())) for s in doc.segments] == [1] * len(PAYLOADS)


def test_report_csv_escapes_names_that_look_like_formulas(tmp_path: Path) -> None:
    from mtreview.services.report import write_csv
    from mtreview.services.scores import score_project

    src = tmp_path / "=HYPERLINK(1)+cmd.tsv"  # the document is named after its file
    src.write_text("Hello.\tこんにちは。\n", encoding="utf-8")
    svc = ProjectService.open(tmp_path / "r.mtreview", "ana", create=True)
    try:
        svc.import_path(src)
        report = score_project(svc._store)
    finally:
        svc.close()
    out = tmp_path / "scores.csv"
    write_csv(report, out)
    cells = _cells_of(out, ",")
    assert any("HYPERLINK" in c for c in cells)
    assert [c for c in cells if c.startswith(DANGEROUS) and not _is_number(c)] == []


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
