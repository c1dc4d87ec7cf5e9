"""gettext PO: the shared contract, polib's test files, real Japanese PO files, msgfmt --check."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest
from tm_contract import FormatContract

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, Status
from mtreview.formats.base import ExportUnit, WriteOptions, units_from_document
from mtreview.formats.po import read_po, write_po

POLIB = "polib/tests"
REAL = ("real-ja-po/ayatana-indicator-datetime/po/ja.po", "real-ja-po/arch-update/po/ja.po")


class TestPoContract(FormatContract):
    reader = staticmethod(read_po)
    writer = staticmethod(write_po)
    suffix = ".po"
    # statuses travel as "[mtreview] status:" translator comments
    keeps_keys = False  # a PO key is msgctxt + msgid
    bad_inputs = (
        (
            b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\nmsgstr "c"\n',  # noqa: E501  (test data on one line)
            7,
        ),
        (b'msgid "a"\nmsgstr "b"\nfoo "c"\n', 3),
        (b'msgid "a"\n\nmsgstr "b" x\n', 3),
    )


def _msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("msgfmt")
    if exe is None:
        pytest.fail("msgfmt (GNU gettext) is not installed")
    return subprocess.run(
        [exe, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )


def _normal(doc: ImportedDocument) -> list[tuple[Any, ...]]:
    """What a round trip must keep; the fuzzy flag is the writer's (set where not approved)."""
    out = []
    for s in doc.segments:
        meta = dict(s.meta)
        flags = [f for f in meta.pop("flags", []) if f != "fuzzy"]
        out.append((s.source, s.target, s.key, tuple(flags), meta))
    return out


def _round_trip(doc: ImportedDocument, out: Path) -> ImportedDocument:
    write_po(out, units_from_document(doc), WriteOptions(target_lang=doc.target_lang, document_meta=doc.meta))
    return read_po(out)


POLIB_FILES = [
    "test_utf8.po",
    "test_iso-8859-15.po",
    "test_noencoding.po",
    "test_ufeff.po",
    "test_msgctxt.po",
    "test_pofile_helpers.po",
    "test_obsolete_is_not_fuzzy.po",
    "test_obsolete_previousmsgid.po",
    "test_previous_msgid.po",
    "test_fuzzy_header.po",
    "test_unusual_metadata_location.po",
    "test_weird_occurrences.po",
    "test_word_garbage.po",
    "test_indented.po",
    "test_wrap.po",
    "test_trailing_comment.po",
    "test_comment_ordering.po",
    "test_merge_before.po",
    "test_merge_after.po",
    "test_set_fuzzy.po",
    "test_save_as_pofile.po",
]


@pytest.mark.shared
@pytest.mark.parametrize("name", POLIB_FILES + list(REAL))
def test_round_trip_keeps_everything_and_compiles(testdata: Path, tmp_path: Path, name: str) -> None:
    path = testdata / (name if name.startswith("real-") else f"{POLIB}/{name}")
    doc = read_po(path)
    again = _round_trip(doc, tmp_path / "out.po")
    assert _normal(again) == _normal(doc)
    assert again.meta["obsolete"] == doc.meta["obsolete"]
    if _msgfmt_check(path).returncode == 0:  # a file msgfmt refuses is written back as it came
        result = _msgfmt_check(tmp_path / "out.po")
        assert result.returncode == 0, result.stderr


@pytest.mark.shared
def test_polib_helpers_file_counts(testdata: Path, tmp_path: Path) -> None:
    # polib's own test says: 2 fuzzy, 4 obsolete (obsolete entries are kept, not imported as segments)
    doc = read_po(testdata / POLIB / "test_pofile_helpers.po")
    assert len(doc.meta["obsolete"]) == 4
    assert sum("fuzzy" in s.meta.get("flags", []) for s in doc.segments) == 2
    out = tmp_path / "o.po"
    _round_trip(doc, out)
    po = polib.pofile(str(out))
    assert len(po.obsolete_entries()) == 4


@pytest.mark.shared
def test_contexts_and_plurals(testdata: Path, tmp_path: Path) -> None:
    doc = read_po(testdata / POLIB / "test_msgctxt.po")
    keys = [s.key for s in doc.segments]
    assert len(set(keys)) == len(keys)  # same msgid with and without context are different units
    assert any("\x04" in k for k in keys)
    out = tmp_path / "o.po"
    _round_trip(doc, out)
    po = polib.pofile(str(out))
    plural = next(e for e in po if e.msgid_plural)
    assert len(plural.msgstr_plural) == 2 and plural.msgctxt


@pytest.mark.shared
def test_syntax_error_names_the_line(testdata: Path) -> None:
    path = testdata / POLIB / "test_syntax_error1.po"
    with pytest.raises(InputError) as err:
        read_po(path)
    assert err.value.line == 5 and err.value.path == str(path)


@pytest.mark.shared
def test_real_japanese_files(testdata: Path) -> None:
    weblate = read_po(testdata / REAL[0])
    assert weblate.target_lang == "ja"
    assert any(s.meta.get("extracted") for s in weblate.segments)
    assert len(weblate.meta["obsolete"]) > 0
    lokalize = read_po(testdata / REAL[1])
    assert any("sh-format" in s.meta.get("flags", []) for s in lokalize.segments)
    assert any("\\n" in s.source or "\n" in s.source for s in lokalize.segments)


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [
        "okapi/okapi/filters/po/src/test/resources/Test01.po",
        "omegat/src/test/resources/data/filters/po/file-POFilter-be.po",
    ],
)
def test_utf16_and_declared_legacy_encodings(testdata: Path, name: str) -> None:
    doc = read_po(testdata / name)
    assert doc.segments
    assert all("\ufffd" not in s.source + s.target for s in doc.segments)


def test_export_header_flags_comments_and_msgfmt(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from mtreview.domain.model import Annotation, AnnotationState, Severity, Side

    ann = Annotation(
        3,
        1,
        Side.TARGET,
        0,
        4,
        "Accuracy/Mistranslation",
        Severity.MAJOR,
        "a person",
        None,
        "r",
        "manual",
        AnnotationState.CONFIRMED,
        1,
        datetime.now(UTC),
    )
    units = [
        ExportUnit(
            "d",
            1,
            "Close",
            "閉じる",
            "閉じる",
            Status.APPROVED,
            key="menu\x04Close",
            meta={"msgctxt": "menu", "references": [["src/a.c", "12"]], "flags": ["c-format"]},
        ),
        ExportUnit("d", 2, "Close", "閉める", "閉める", Status.NEW),
        ExportUnit("d", 3, "Close", "閉鎖", "閉鎖", Status.CORRECTED, annotations=[ann]),
        ExportUnit("d", 4, "", "空", "空", Status.NEW),
    ]
    out = tmp_path / "ja.po"
    write_po(out, units)
    po = polib.pofile(str(out))
    assert po.metadata["Language"] == "ja"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    entries = list(po)
    assert entries[0].msgctxt == "menu" and entries[0].occurrences == [("src/a.c", "12")]
    assert "fuzzy" not in entries[0].flags and "c-format" in entries[0].flags
    assert "fuzzy" in entries[1].flags  # unconfirmed MT
    assert "fuzzy" not in entries[2].flags  # a person's correction is a translation
    assert "major" in entries[2].tcomment and "Accuracy/Mistranslation" in entries[2].tcomment
    # duplicate msgid and an empty msgid get a context, so the catalogue compiles
    assert len({(e.msgctxt, e.msgid) for e in entries}) == 4
    result = _msgfmt_check(out)
    assert result.returncode == 0, result.stderr
    # our annotation and status comments are not read back as foreign translator comments
    back = read_po(out).segments
    assert "comments" not in back[2].meta
    assert [s.status for s in back] == [Status.APPROVED, None, Status.CORRECTED, None]
