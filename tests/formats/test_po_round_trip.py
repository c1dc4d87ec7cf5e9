"""PO through a project and back, judged by GNU msgfmt and polib (issue 15, "Done when", first bullet).

Every real Japanese PO file and every polib test file: import into a new project, export untouched, and
the output has the same ``msgfmt --statistics`` and the same entries by polib (msgctxt, plurals, comments,
obsolete entries, flags). A reviewer's decision changes exactly the entries decided on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import polib
import pytest
from judges import msgfmt_check, msgfmt_statistics, round_trip, run, tool

from mtreview.domain.model import Status
from mtreview.services.export import ExportFilters
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

POLIB = "polib/tests"
REAL = ("real-ja-po/ayatana-indicator-datetime/po/ja.po", "real-ja-po/arch-update/po/ja.po")
POLIB_FILES = (
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
    "test_save_as_mofile.po",
    "test_merge.pot",
)
FIELDS = (
    "msgctxt",
    "msgid",
    "msgid_plural",
    "msgstr",
    "msgstr_plural",
    "flags",
    "comment",
    "tcomment",
    "occurrences",
    "previous_msgctxt",
    "previous_msgid",
    "previous_msgid_plural",
    "obsolete",
)


def entries(path: Path) -> list[dict[str, Any]]:
    """Every entry polib sees, active and obsolete, field by field."""
    return [{f: getattr(e, f) for f in FIELDS} for e in polib.pofile(str(path), wrapwidth=0)]


def _path(testdata: Path, name: str) -> Path:
    return testdata / (name if name.startswith("real-") else f"{POLIB}/{name}")


@pytest.mark.shared
@pytest.mark.parametrize("name", list(REAL) + list(POLIB_FILES))
def test_untouched_export_is_the_same_catalogue(testdata: Path, tmp_path: Path, name: str) -> None:
    src = _path(testdata, name)
    out = tmp_path / "out.po"
    round_trip(src, "po", out).close()
    # (test_ufeff.po starts with a BOM, which msgfmt refuses: there are no statistics to compare)
    if run(tool("msgfmt"), "-o", os.devnull, str(src)).returncode == 0:
        assert msgfmt_statistics(out) == msgfmt_statistics(src)
    assert entries(out) == entries(src)
    if msgfmt_check(src).returncode == 0:
        result = msgfmt_check(out)
        assert result.returncode == 0, result.stderr


@pytest.mark.shared
@pytest.mark.parametrize("name", REAL)
def test_real_files_keep_every_translation_in_the_build(testdata: Path, tmp_path: Path, name: str) -> None:
    """The reported bug: 138 translated in, 0 translated and 138 fuzzy out."""
    src = _path(testdata, name)
    before = msgfmt_statistics(src)
    assert before["translated"] > 10
    out = tmp_path / "out.po"
    round_trip(src, "po", out).close()
    assert msgfmt_statistics(out)["translated"] == before["translated"]


def _decide(service: ProjectService) -> None:
    """A reviewer corrects the first translated entry, rejects the second, approves the third."""
    segs = [s for s in service.iter_segments() if s.mt]
    service.save(SegmentChange.edit(segs[0].id, segs[0].mt + "（修正）", segs[0].version)).require_saved()
    service.save(SegmentChange.set_status(segs[1].id, Status.REJECTED, segs[1].version)).require_saved()
    service.save(SegmentChange.confirm(segs[2].id, segs[2].mt, segs[2].version)).require_saved()


@pytest.mark.shared
def test_only_the_decided_entries_change(testdata: Path, tmp_path: Path) -> None:
    src = _path(testdata, REAL[1])
    out = tmp_path / "out.po"
    round_trip(src, "po", out, _decide).close()
    before, after = entries(src), entries(out)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [0, 1, 2]
    assert after[0]["msgstr"] == before[0]["msgstr"] + "（修正）" and "fuzzy" not in after[0]["flags"]
    assert "fuzzy" in after[1]["flags"] and after[1]["msgstr"] == before[1]["msgstr"]
    assert "fuzzy" not in after[2]["flags"] and after[2]["msgstr"] == before[2]["msgstr"]
    stats = msgfmt_statistics(out)
    assert stats["fuzzy"] == msgfmt_statistics(src)["fuzzy"] + 1  # only the rejected one left the build
    # and the decisions come back on re-import
    again = tmp_path / "again.po"
    round_trip(out, "po", again).close()
    assert entries(again) == after


FUZZY_PO = """\
msgid ""
msgstr ""
"Language: ja\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

#. a menu entry
#: src/menu.c:12
#, fuzzy, c-format
#| msgid "Open %s files"
msgid "Open %s file"
msgstr "%s ファイルを開く"

#, c-format
msgid "Save %s"
msgstr "%s を保存"
"""


def test_approving_a_fuzzy_entry_clears_fuzzy_and_previous_strings(tmp_path: Path) -> None:
    src = tmp_path / "menu.po"
    src.write_text(FUZZY_PO, "utf-8")
    assert msgfmt_statistics(src) == {"translated": 1, "fuzzy": 1, "untranslated": 0}

    def approve(service: ProjectService) -> None:
        seg = next(iter(service.iter_segments()))
        service.save(SegmentChange.confirm(seg.id, seg.mt, seg.version)).require_saved()

    out = tmp_path / "out.po"
    round_trip(src, "po", out, approve).close()
    entry = entries(out)[0]
    assert entry["flags"] == ["c-format"] and entry["previous_msgid"] is None
    assert entry["comment"] == "a menu entry" and entry["occurrences"] == [("src/menu.c", "12")]
    assert msgfmt_statistics(out) == {"translated": 2, "fuzzy": 0, "untranslated": 0}
    # untouched, the same file keeps its fuzzy entry exactly
    untouched = tmp_path / "untouched.po"
    round_trip(src, "po", untouched).close()
    assert entries(untouched) == entries(src)


@pytest.mark.shared
def test_unreviewed_machine_translation_is_fuzzy(seed_page: Path, tmp_path: Path) -> None:
    """A page imported as MT: nothing is confirmed, so nothing may enter a build as translated."""
    out = tmp_path / "seed.po"
    round_trip(seed_page, "po", out, filters=ExportFilters()).close()
    stats = msgfmt_statistics(out)
    assert stats["translated"] == 0 and stats["fuzzy"] > 10
