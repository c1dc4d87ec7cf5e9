"""TMX through a project and back, judged by xmllint against the LISA TMX 1.4 DTD (issue 15, "Done when").

The LISA TMX Compliance Kit and Okapi's TMX files: import into a new project, export untouched with the
default selection (every unit of a TMX arrived translated), and every attribute of the header, of every
``<tu>`` and ``<tuv>`` is kept, dates included; the output is DTD-valid. A unit a reviewer corrects gets
the reviewer and the time of the change, and keeps its creation date and id.

Translate Toolkit judges too: its po2tmx output of real PO files goes through a project and back with every
attribute, its TMX reader finds the same units in our file as in its own, the project exported as PO and
converted again by po2tmx gives its original TMX back unit for unit, and it reads every unit of the seed
project exported as TMX.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from judges import round_trip, run, tool, ttk_units, xmllint_dtd, xmllint_dtd_valid
from lxml import etree

from mtreview.domain.model import Status
from mtreview.formats.base import tmx_date
from mtreview.services.export import ExportFilters, export_project
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

KIT = "omegat/src/test/resources/data/tmx/TMXComplianceKit"
OKAPI = "okapi/okapi/filters/tmx/src/test/resources"
FILES = [
    *(f"{KIT}/ImportTest{n}{k}.tmx" for n, ks in (("1", "ABCDEFGHIJKL"), ("2", "ABC")) for k in ks),
    f"{OKAPI}/a_small_test2.tmx",
    f"{OKAPI}/header_with_prop_and_note.tmx",
    f"{OKAPI}/html_test.tmx",
    f"{OKAPI}/Paragraph_TM.tmx",
    "okapi/applications/integration-tests/src/test/resources/tmxtest-attributes.tmx",
    "okapi/website/sample14b.tmx",
    "omegat/src/testAcceptance/resources/data/project_CN_JP/omegat/project_save.tmx",
]


def _tree(path: Path) -> Any:
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False, remove_comments=True)
    return etree.parse(str(path), parser).getroot()


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _attributes(root: Any) -> list[tuple[str, dict[str, str]]]:
    """Every header, tu, tuv, note and prop with its attributes, in document order (TMX 1.1's ``lang``
    is written as TMX 1.4's ``xml:lang``: the one change)."""
    out = []
    for el in root.iter("header", "tu", "tuv", "note", "prop"):
        attrs = dict(el.attrib)
        if "lang" in attrs:
            attrs[XML_LANG] = attrs.pop("lang")
        out.append((el.tag, attrs))
    return out


@pytest.mark.shared
@pytest.mark.parametrize("name", FILES)
def test_untouched_round_trip_keeps_every_attribute(testdata: Path, tmp_path: Path, name: str) -> None:
    src = testdata / name
    out = tmp_path / "out.tmx"
    round_trip(src, "tmx", out).close()
    if xmllint_dtd(testdata, src).returncode == 0:  # (html_test.tmx has a prop attribute the DTD lacks)
        xmllint_dtd_valid(testdata, out)
    assert _attributes(_tree(out)) == _attributes(_tree(src))
    # and no props of ours on units nobody touched
    assert b"x-mtreview-" not in out.read_bytes()


def _correct_first(service: ProjectService) -> None:
    seg = next(iter(service.iter_segments()))
    service.save(SegmentChange.edit(seg.id, seg.mt + " (revu)", seg.version)).require_saved()


@pytest.mark.shared
def test_a_reviewed_unit_gets_the_reviewer_and_the_time(testdata: Path, tmp_path: Path) -> None:
    src = testdata / KIT / "ImportTest1L.tmx"
    before = next(_tree(src).iter("tu")).attrib
    assert before.get("creationdate") and before.get("changedate")
    out = tmp_path / "out.tmx"
    service = round_trip(src, "tmx", out, _correct_first)
    seg = next(iter(service.iter_segments()))
    service.close()
    xmllint_dtd_valid(testdata, out)
    after = next(_tree(out).iter("tu")).attrib
    assert after["changedate"] == tmx_date(seg.updated_at) != before["changedate"]
    assert after["changeid"] == "reviewer" != before["changeid"]
    assert after["creationdate"] == before["creationdate"] and after["creationid"] == before["creationid"]
    assert {k: v for k, v in after.items() if "change" not in k} == {
        k: v for k, v in before.items() if "change" not in k
    }


@pytest.mark.shared
def test_a_reviewed_target_tuv_gets_the_reviewer_and_the_time(testdata: Path, tmp_path: Path) -> None:
    """OmegaT keeps change dates and ids on the target ``<tuv>``: a correction updates them there."""
    src = testdata / "omegat/src/testAcceptance/resources/data/project_CN_JP/omegat/project_save.tmx"
    out = tmp_path / "out.tmx"
    service = round_trip(src, "tmx", out, _correct_first)
    seg = next(iter(service.iter_segments()))
    service.close()
    xmllint_dtd_valid(testdata, out)
    tuvs = [tuv.attrib for tuv in next(_tree(out).iter("tu")).iter("tuv")]
    old = [tuv.attrib for tuv in next(_tree(src).iter("tu")).iter("tuv")]
    assert tuvs[1]["changedate"] == tmx_date(seg.updated_at) and tuvs[1]["changeid"] == "reviewer"
    assert tuvs[1]["creationdate"] == old[1]["creationdate"] and tuvs[1]["creationid"] == old[1]["creationid"]


REAL_PO = ("real-ja-po/ayatana-indicator-datetime/po/ja.po", "real-ja-po/arch-update/po/ja.po")
ALL = ExportFilters(statuses=frozenset(Status))


def _po2tmx(po: Path, out: Path) -> Path:
    result = run(tool("po2tmx"), "-l", "ja", str(po), str(out))
    assert result.returncode == 0 and out.exists(), result.stderr
    return out


@pytest.mark.shared
@pytest.mark.parametrize("name", REAL_PO)
def test_po2tmx_output_round_trips_and_reads_back_in_translate_toolkit(
    testdata: Path, tmp_path: Path, name: str
) -> None:
    src = _po2tmx(testdata / name, tmp_path / "ttk.tmx")
    expected = ttk_units(src)
    assert len(expected) > 10
    out = tmp_path / "out.tmx"
    service = round_trip(src, "tmx", out)
    try:
        assert len(list(service.iter_segments())) == len(expected)
        again = tmp_path / "again.po"
        export_project(service, "po", again, ALL)
    finally:
        service.close()
    xmllint_dtd_valid(testdata, out)
    assert _attributes(_tree(out)) == _attributes(_tree(src))
    assert ttk_units(out) == expected
    # TMX -> mtreview -> PO -> po2tmx: Translate Toolkit's own TMX again, unit for unit
    assert ttk_units(_po2tmx(again, tmp_path / "again.tmx")) == expected


@pytest.mark.shared
def test_translate_toolkit_reads_every_unit_of_the_seed_project_as_tmx(
    seed_page: Path, testdata: Path, tmp_path: Path
) -> None:
    out = tmp_path / "seed.tmx"
    service = round_trip(seed_page, "tmx", out, filters=ALL)
    try:
        stored = [(s.source, s.target) for s in service.iter_segments()]
    finally:
        service.close()
    xmllint_dtd_valid(testdata, out)
    assert len(etree.parse(str(out)).getroot().findall(".//tu")) == len(stored)
    assert ttk_units(out) == stored
