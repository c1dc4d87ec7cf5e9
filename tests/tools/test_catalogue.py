"""The extractor finds what a translator must translate, and merging never loses a translation."""

from __future__ import annotations

import textwrap
from pathlib import Path

import polib
import pytest

from mtreview.tools import catalogue
from mtreview.tools.catalogue import Extraction, Message, build_template, extract, merge, placeholders


def _extract_source(tmp_path: Path, source: str) -> Extraction:
    pkg = tmp_path / "pkg"
    pkg.mkdir(exist_ok=True)
    path = pkg / "mod.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return extract([path], root=pkg)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('_("Open")', {(None, "Open")}),
        ('N_("Marked only")', {(None, "Marked only")}),
        ('pgettext("severity", "Minor")', {("severity", "Minor")}),
        ('i18n._("Qualified")', {(None, "Qualified")}),
        ('_("Joined " "by Python")', {(None, "Joined by Python")}),
        ('_("Same")\n_("Same")', {(None, "Same")}),
        ("_(variable)", set()),
        ('gettext.gettext("someone else\'s")', set()),
        ('print("not marked")', set()),
        ('x = _("in {a} with {b}").format(a=1, b=2)', {(None, "in {a} with {b}")}),
    ],
)
def test_extracts_marked_literals_only(tmp_path, source, expected):
    found = {k for k, m in _extract_source(tmp_path, source).messages.items() if m.locations}
    assert found == expected


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ('_(f"Hello {name}")', "f-string"),
        ('_("")', "empty string"),
        ("def broken(:\n", "cannot parse"),
    ],
)
def test_reports_strings_that_cannot_be_translated(tmp_path, source, problem):
    extraction = _extract_source(tmp_path, source)
    assert any(problem in p for p in extraction.problems), extraction.problems


def test_locations_name_file_and_line(tmp_path):
    extraction = _extract_source(tmp_path, '\n\nlabel = _("Third line")\n')
    assert extraction.messages[(None, "Third line")].locations == [("pkg/mod.py", 3)]


def test_enum_values_shown_through_a_variable_are_extracted(tmp_path):
    from mtreview.domain.model import Severity, Status

    keys = set(_extract_source(tmp_path, "").messages)
    assert {(None, s.value) for s in Status} <= keys
    assert {(None, s.value) for s in Severity} <= keys


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("no fields", []),
        ("{n} of {total}", ["n", "total"]),
        ("{c:.2f} and {name!r}", ["c", "name"]),
        ("{{literal}} braces", []),
        ("{unclosed", ["<malformed>"]),
    ],
)
def test_placeholders(text, names):
    assert placeholders(text) == names


def test_merge_keeps_translations_adds_new_and_drops_removed(tmp_path):
    po_path = tmp_path / "ja.po"
    old = polib.POFile()
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    old.append(polib.POEntry(msgid="Kept", msgstr="保持"))
    old.append(polib.POEntry(msgid="Removed", msgstr="削除"))
    old.append(polib.POEntry(msgid="Minor", msgctxt="severity", msgstr="軽微"))
    old.save(str(po_path))
    extraction = Extraction(
        {
            (None, "Kept"): Message("Kept", locations=[("a.py", 1)]),
            (None, "New {n}"): Message("New {n}", locations=[("a.py", 2)]),
            ("severity", "Minor"): Message("Minor", "severity", locations=[("a.py", 3)]),
        },
        [],
    )
    pot = build_template(extraction)
    po, added, dropped = merge(pot, po_path, "ja")
    by_key = {(e.msgctxt, e.msgid): e for e in po}
    assert by_key[(None, "Kept")].msgstr == "保持"
    assert by_key[("severity", "Minor")].msgstr == "軽微"
    assert by_key[(None, "New {n}")].msgstr == ""
    assert "python-brace-format" in by_key[(None, "New {n}")].flags
    assert added == ["New {n}"]
    assert dropped == ["Removed"]
    assert po.metadata["Language"] == "ja"


def test_check_reports_untranslated_and_broken_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue, "LOCALE_DIR", tmp_path)
    (tmp_path / "ja").mkdir()
    po = polib.POFile()
    po.append(polib.POEntry(msgid="{n} files", msgstr="{count} 個のファイル"))
    po.append(polib.POEntry(msgid="&File", msgstr="ファイル"))
    po.append(polib.POEntry(msgid="Fine", msgstr="良い"))
    po.save(str(tmp_path / "ja" / "mtreview.po"))
    extraction = Extraction(
        {
            (None, "{n} files"): Message("{n} files", locations=[("a.py", 1)]),
            (None, "&File"): Message("&File", locations=[("a.py", 2)]),
            (None, "Fine"): Message("Fine", locations=[("a.py", 3)]),
            (None, "Missing"): Message("Missing", locations=[("a.py", 4)]),
        },
        [],
    )
    problems = catalogue.catalogue_problems(extraction, "ja")
    assert any("placeholders differ" in p and "{n} files" in p for p in problems)
    assert any("mnemonic" in p and "&File" in p for p in problems)
    assert any("untranslated" in p and "Missing" in p for p in problems)
    assert not any("'Fine'" in p for p in problems)
