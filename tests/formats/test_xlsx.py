"""The xlsx review sheet: the shared contract, edits read back with their keys, formula safety."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tm_contract import FormatContract

from mtreview.domain.errors import InputError
from mtreview.domain.model import Annotation, AnnotationState, Severity, Side, Status
from mtreview.formats import placeholders as ph
from mtreview.formats.base import ExportUnit
from mtreview.formats.xlsx import COLUMNS, read_xlsx, write_xlsx


class TestXlsxContract(FormatContract):
    reader = staticmethod(read_xlsx)
    writer = staticmethod(write_xlsx)
    suffix = ".xlsx"
    placeholders_stay = True
    volatile_meta = frozenset({"row", "segment_id"})  # the sheet's own row and document name
    bad_inputs = ((b"not a zip at all", None), (b"PK\x03\x04broken zip", None))


def _unit(**kw: object) -> ExportUnit:
    ann = Annotation(
        41,
        1,
        Side.TARGET,
        0,
        4,
        "Accuracy/Mistranslation",
        Severity.MAJOR,
        "person | not company",
        "ホールデン",
        "r",
        "manual",
        AnnotationState.CONFIRMED,
        1,
        datetime.now(UTC),
    )
    base = dict(
        document="doc",
        ordinal=1,
        source=f"Holden {ph.placeholder(0)}said",
        mt=f"ホルデン社{ph.placeholder(0)}は",
        target=f"ホルデン社{ph.placeholder(0)}は",
        status=Status.NEW,
        key="tu-1",
        annotations=[ann],
    )
    base.update(kw)
    return ExportUnit(**base)  # type: ignore[arg-type]


def test_edited_sheet_reads_back_corrections_status_and_annotations(tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    write_xlsx(out, [_unit()])
    wb = load_workbook(out)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    assert tuple(header) == COLUMNS
    col = {name: i + 1 for i, name in enumerate(header)}
    assert ws.cell(2, col["MT"]).value == "ホルデン社⟦1⟧は"  # placeholders visible as tokens
    ws.cell(2, col["Corrected"]).value = "ホールデン⟦1⟧は"
    ws.cell(2, col["Status"]).value = "approved"
    notes = ws.cell(2, col["Annotations"]).value
    assert notes.startswith("[#41] major | Accuracy/Mistranslation | target 0-4")
    ws.cell(2, col["Annotations"]).value = notes + "\nminor | Fluency/Punctuation | a comma is missing"
    wb.save(out)
    seg = read_xlsx(out).segments[0]
    assert seg.meta["segment_id"] == "doc#1" and seg.key == "tu-1"
    assert seg.corrected == f"ホールデン{ph.placeholder(0)}は"
    assert seg.status is Status.APPROVED
    first, added = seg.meta["annotations"]
    assert first["id"] == 41 and first["severity"] == "major" and (first["start"], first["end"]) == (0, 4)
    assert first["suggestion"] == "ホールデン"
    assert added == {
        "id": None,
        "severity": "minor",
        "category": "Fluency/Punctuation",
        "side": "target",
        "start": None,
        "end": None,
        "comment": "a comma is missing",
        "suggestion": None,
    }


@pytest.mark.parametrize("bad", ["major", "huge | Accuracy", ""])
def test_bad_annotation_lines_are_rejected_with_the_row(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "r.xlsx"
    write_xlsx(out, [_unit(annotations=[])])
    wb = load_workbook(out)
    ws = wb["Review"]
    ws.cell(2, COLUMNS.index("Annotations") + 1).value = bad or "x |"
    wb.save(out)
    with pytest.raises(InputError) as err:
        read_xlsx(out)
    assert err.value.line == 2


def test_formula_cells_are_text(tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    write_xlsx(out, [_unit(source="=1+2", mt="@cmd", target="-x", annotations=[])])
    with zipfile.ZipFile(out) as z:
        sheet = next(n for n in z.namelist() if n.startswith("xl/worksheets/"))
        assert b"<f>" not in z.read(sheet)  # no formula anywhere
    ws = load_workbook(out)["Review"]
    assert ws.cell(2, COLUMNS.index("Source") + 1).value == "=1+2"
    assert ws.cell(2, COLUMNS.index("Source") + 1).data_type == "s"


def test_zip_needing_a_newer_zip_version_is_an_input_error(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError for an entry that needs zip version > 6.3 (found by the long fuzz
    profile); the user must get 'cannot read the workbook' naming the file, not a crash."""
    good = tmp_path / "good.xlsx"
    write_xlsx(good, [_unit()])
    data = bytearray(good.read_bytes())
    central = data.find(b"PK\x01\x02")  # first central-directory entry; 'version needed' is at offset 6
    assert central > 0
    data[central + 6] = 64
    bad = tmp_path / "newer.xlsx"
    bad.write_bytes(bytes(data))
    with pytest.raises(InputError) as err:
        read_xlsx(bad)
    assert "newer.xlsx" in str(err.value) and "workbook" in str(err.value)
