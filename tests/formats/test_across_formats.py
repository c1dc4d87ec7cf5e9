"""PO context and comments across formats (issue 15): a PO file's msgctxt, locations (``#:``), developer
comments (``#.``) and translator comments (``#``) go to every other format we write, and come back to PO
from each of them unchanged: PO → fmt → new project → PO. Each intermediate file is judged by xmllint: TMX
against the TMX 1.4 DTD, XLIFF 1.2 against the strict XSD, XLIFF 2 against the 2.0 core XSD (the key
``msgctxt`` U+0004 ``msgid`` is never written as an id: U+0004 is not an XML character); msgfmt --check
accepts the final PO."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from judges import msgfmt_check, round_trip, xmllint_dtd_valid, xmllint_xliff2, xmllint_xliff12_strict

from mtreview.domain.model import Status
from mtreview.services.export import ExportFilters, export_project
from mtreview.services.project import ProjectService

ALL = ExportFilters(statuses=frozenset(Status))
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ja\\n"

#. Shown on the button that opens a file
#: src/main.c:10 src/dialog.c:22
msgctxt "button"
msgid "Open"
msgstr "開く"

# checked with the style guide
# second line
#. the File menu
#: src/menu.c:5
msgctxt "menu"
msgid "Open"
msgstr "開きます"

#: README
msgid "Close"
msgstr "閉じる"
"""
SUFFIX = {"tmx": "tmx", "xliff": "xlf", "xliff12": "xlf", "csv": "csv", "xlsx": "xlsx", "tsv": "tsv"}


def _entries(path: Path) -> list[tuple[str | None, str, str, list[tuple[str, str]], str, str]]:
    return [
        (e.msgctxt, e.msgid, e.msgstr, list(e.occurrences), e.comment, e.tcomment)
        for e in polib.pofile(str(path))
        if e.msgid
    ]


@pytest.mark.shared
@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_context_and_comments_survive_every_format_and_come_back_to_po(
    testdata: Path, tmp_path: Path, fmt: str
) -> None:
    src = tmp_path / "in.po"
    src.write_text(PO, "utf-8")
    middle = tmp_path / f"middle.{SUFFIX[fmt]}"
    round_trip(src, fmt, middle, filters=ALL).close()
    data = middle.read_bytes()
    if fmt == "tmx":
        xmllint_dtd_valid(testdata, middle)
    elif fmt == "xliff12":
        result = xmllint_xliff12_strict(testdata, middle, tmp_path)
        assert result.returncode == 0, result.stderr
    elif fmt == "xliff":
        result = xmllint_xliff2(testdata, middle, tmp_path)
        assert result.returncode == 0, result.stderr
    if fmt in ("tmx", "xliff", "xliff12"):
        assert b"\x04" not in data
    again = ProjectService.open(tmp_path / "again.mtreview", "ana", create=True)
    try:
        again.import_path(middle)
        back = tmp_path / "back.po"
        export_project(again, "po", back, ALL)
    finally:
        again.close()
    assert msgfmt_check(back).returncode == 0
    assert _entries(back) == _entries(src)


def test_xliff2_notes_by_category_and_our_annotation_notes_stay_out_of_po(tmp_path: Path) -> None:
    """An XLIFF 2 unit's notes: the carried context, location and developer comment go back to their PO
    places, a plain note is a translator comment, and mtreview's own annotation notes (merge-back,
    ``category="mtreview"``) are not turned into translator comments of another format."""
    src = tmp_path / "in.xlf"
    src.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja">\n'
        '<file id="f"><unit id="u1"><notes>\n'
        '<note category="x-context">button</note><note category="x-location">src/a.c:3</note>\n'
        '<note category="x-developer-comment">for devs</note><note>a translator note</note>\n'
        '<note category="mtreview">Accuracy/Mistranslation (major): ours</note>\n'
        "</notes><segment><source>Open</source><target>開く</target></segment></unit></file></xliff>\n",
        "utf-8",
    )
    service = ProjectService.open(tmp_path / "p.mtreview", "ana", create=True)
    try:
        service.import_path(src)
        out = tmp_path / "out.po"
        export_project(service, "po", out, ALL)
    finally:
        service.close()
    assert _entries(out) == [("button", "Open", "開く", [("src/a.c", "3")], "for devs", "a translator note")]
