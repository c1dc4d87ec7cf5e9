"""C0 control characters (issue 19 item 10): NUL is refused at import with file and line; every other
C0 control is kept and escaped so that every export reads back (PO C escapes, XLIFF 2 ``<cp>``, a
``<ph type="x-mtreview-cp">`` in TMX, OOXML's ``_x0007_`` in xlsx, raw in CSV/TSV/MQM TSV)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from judges import msgfmt_check, run, tool

from mtreview.domain.errors import InputError
from mtreview.domain.model import Status
from mtreview.services.export import ExportFilters, export_project
from mtreview.services.project import ProjectService, read_input
from mtreview.services.saving import SegmentChange

CONTROLS = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")
ROWS = [
    ("Bell\x07 and form feed\x0c here.", "ベル\x07と改ページ\x0cがここに。"),
    ("Every control: " + CONTROLS, "すべての制御文字：" + CONTROLS),
    ("Escape \x1b[1m bold \x1b[0m and tab\tend", "エスケープ\x1b[1m太字\x1b[0mとタブ\t終わり"),
    ("Plain text.", "普通の文。"),
]
ALL = ExportFilters(statuses=frozenset(Status))
FORMATS = ["po", "csv", "tsv", "xlsx", "tmx", "xliff", "xliff12", "mqm-tsv"]
SUFFIX = {"mqm-tsv": "tsv", "xliff": "xlf", "xliff12": "xlf"}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[ProjectService]:
    src = tmp_path / "controls.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("source", "target"), *ROWS])
    svc = ProjectService.open(tmp_path / "p.mtreview", "ana", create=True)
    svc.import_path(src)
    seg = svc.segment(svc.segment_ids()[0])
    svc.save(
        SegmentChange.confirm(seg.id, "訂正\x07済み\x0b", seg.version)
    ).require_saved()  # a correction with controls, too
    yield svc
    svc.close()


def _texts(svc: ProjectService, fmt: str = "") -> list[tuple[str, str]]:
    # MQM TSV carries the MT (the annotated text), not the correction; PO cannot carry U+0004, gettext's
    # context separator (msgfmt refuses it even escaped): it is written as ␄
    out = [(s.source, s.mt if fmt == "mqm-tsv" else s.target) for s in svc.iter_segments()]
    return [(a.replace("\x04", "␄"), b.replace("\x04", "␄")) for a, b in out] if fmt == "po" else out


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_reads_back_with_its_control_characters(
    project: ProjectService, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"out.{SUFFIX.get(fmt, fmt)}"
    export_project(project, fmt, out, ALL)
    again = ProjectService.open(tmp_path / "again.mtreview", "ana", create=True)
    try:
        again.import_path(out)
        assert _texts(again) == _texts(project, fmt)
    finally:
        again.close()
    data = out.read_bytes()
    if fmt != "xlsx":  # (a zip archive)
        assert b"\x00" not in data and "\ufffd".encode() not in data  # nothing lost to a replacement
    if fmt in ("tmx", "xliff", "xliff12"):
        result = run(tool("xmllint"), "--noout", "--nonet", str(out))  # well-formed XML 1.0
        assert result.returncode == 0, result.stderr
    if fmt == "po":
        result = msgfmt_check(out)
        assert result.returncode == 0, result.stderr


def test_po_c_escapes_are_read_as_gettext_reads_them(tmp_path: Path) -> None:
    po = tmp_path / "bell.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Ring\\a \\001 \\x41 \\\\a \\042"\nmsgstr "鳴らす\\a"\n',
        "utf-8",
    )
    seg = read_input(po).segments[0]
    assert (seg.source, seg.target) == ('Ring\x07 \x01 A \\a "', "鳴らす\x07")


NUL_INPUTS = {
    "page.txt": "Hello there.\nこんにちは。\nA NUL\x00 here.\n",
    "pair.csv": "source,target\nOne,一\nNUL\x00,ヌル\n",
    "pair.tsv": "source\ttarget\nOne\t一\nNUL\x00\tヌル\n",
    "ja.po": 'msgid "One"\nmsgstr "一"\n\nmsgid "NUL\x00"\nmsgstr "ヌル"\n',
    "escaped.po": 'msgid "One"\nmsgstr "一"\n\nmsgid "NUL\\0"\nmsgstr "ヌル"\n',
}
NUL_LINES = {"page.txt": 3, "pair.csv": 3, "pair.tsv": 3, "ja.po": 4, "escaped.po": 4}


@pytest.mark.parametrize("name", sorted(NUL_INPUTS))
def test_nul_is_refused_with_file_and_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(NUL_INPUTS[name], "utf-8")
    with pytest.raises(InputError) as err:
        read_input(path)
    assert err.value.path == str(path) and err.value.line == NUL_LINES[name]


def test_nul_in_a_review_sheet_cell_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Segment", "Source", "MT"])
    ws.append(["d#1", "One", "一"])
    ws.append(["d#2", "NUL_x0000_", "ヌル"])  # how a spreadsheet writes a NUL
    path = tmp_path / "sheet.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as err:
        read_input(path)
    assert err.value.line == 3
