"""XLIFF through a project and back (issue 15, "Done when", second bullet), judged by XML canonical form,
xmllint with the 1.2 strict schema and Translate Toolkit's xliff2po.

An imported XLIFF file is exported by merging the review into the original stored with the project:
untouched, the export is XML-canonically identical to the input (SAP's "almost everything" files, Translate
Toolkit's po2xliff output, Okapi's and OmegaT's 1.2 files with SDL, memoQ and other extensions, and
OASIS XLIFF 2 files); with one target corrected, only that target and its state differ. A project that
did not come from XLIFF is written as a fresh 1.2 file that the strict schema accepts and xliff2po reads
with every unit.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from judges import round_trip, run, tool, xmllint_xliff12_strict
from lxml import etree

from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

SAP = "sap-xliff-1-2/com.sap.mlt.xliff12.impl/src/test/resources/com/sap/mlt/xliff12/impl/persistence"
OKAPI = "okapi/okapi/filters/xliff/src/test/resources"
FILES_12 = [
    f"{SAP}/Sample_AlmostEverything_1.2_strict.xlf",
    f"{SAP}/Sample_AlmostEverything_1.2_transitional.xlf",
    f"{OKAPI}/alttrans.xlf",
    f"{OKAPI}/segmented.xlf",
    f"{OKAPI}/lqiTest.xlf",
    f"{OKAPI}/MQ-12-Test01.xlf",
    f"{OKAPI}/TS09-12-Test01.xlf",
    f"{OKAPI}/NSTest01.xlf",
    f"{OKAPI}/BinUnitTest01.xlf",
    f"{OKAPI}/Balancing/3LevelGTagsWithNamespaces.xlf",
    f"{OKAPI}/sdlxliff/FFFEBOM15992.sdlxliff",
    f"{OKAPI}/sdlxliff/UTF8WithBOM16001.sdlxliff",
    f"{OKAPI}/sdlxliff/supplementals15982.sdlxliff",
    "omegat/src/test/resources/data/filters/xliff/filters3/file-XLIFFFilter-cdata-bugs418.xlf",
    "omegat/src/test/resources/data/filters/xliff/filters4-xliff1/file-XLIFFFilter1-multiple-file-tag.xlf",
    "translate-toolkit/tests/cli/data/test_pocount_xliff_states_yes/states.xlf",
]
SUITE2 = "oasis-xliff-xliff-22/xliff-22/test-suite/core/valid"
REAL_PO = ("real-ja-po/ayatana-indicator-datetime/po/ja.po", "real-ja-po/arch-update/po/ja.po")


def canonical(path: Path) -> str:
    return etree.canonicalize(from_file=str(path))


def _po2xliff(testdata: Path, name: str, tmp_path: Path) -> Path:
    out = tmp_path / (Path(name).parent.parent.name + ".xlf")
    result = run(tool("po2xliff"), str(testdata / name), str(out))
    assert result.returncode == 0 and out.exists(), result.stderr
    return out


@pytest.mark.shared
@pytest.mark.parametrize("name", FILES_12)
def test_untouched_xliff12_is_canonically_identical(testdata: Path, tmp_path: Path, name: str) -> None:
    src = testdata / name
    out = tmp_path / "out.xlf"
    round_trip(src, "xliff", out).close()
    assert canonical(out) == canonical(src)


@pytest.mark.shared
@pytest.mark.parametrize("name", REAL_PO)
def test_po2xliff_output_round_trips(testdata: Path, tmp_path: Path, name: str) -> None:
    src = _po2xliff(testdata, name, tmp_path)
    out = tmp_path / "out.xlf"
    service = round_trip(src, "xliff", out)
    try:
        # the gettext header unit is not a segment to review
        units = len(etree.parse(str(src)).getroot().findall(".//{*}trans-unit"))
        segments = [s for s in service.iter_segments()]
        assert len(segments) == units - 1
    finally:
        service.close()
    assert canonical(out) == canonical(src)


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    ["allExtensions.xlf", "everything-core.xlf", "sample1.xlf", "withReorderedCodes.xlf", "withXmlSpace.xlf"],
)
def test_untouched_xliff2_is_canonically_identical(testdata: Path, tmp_path: Path, name: str) -> None:
    src = testdata / SUITE2 / name
    if not src.exists():
        pytest.fail(f"missing {src}")
    out = tmp_path / "out.xlf"
    round_trip(src, "xliff", out).close()
    assert canonical(out) == canonical(src)


def _correct_first_translated(service: ProjectService) -> int:
    seg = next(s for s in service.iter_segments() if s.mt.strip())
    service.save(SegmentChange.edit(seg.id, "訂正：" + seg.mt, seg.version)).require_saved()
    return int(seg.meta["at"])


def _without(tree: Any, at: int, original: Any, tag: str) -> None:
    """Put the original's element back at place ``at`` (so only what else differs remains)."""
    mine = list(tree.iter(f"{{*}}{tag}"))[at]
    theirs = list(original.iter(f"{{*}}{tag}"))[at]
    mine.getparent().replace(mine, copy.deepcopy(theirs))


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [
        f"{SAP}/Sample_AlmostEverything_1.2_strict.xlf",
        f"{OKAPI}/MQ-12-Test01.xlf",
        f"{OKAPI}/TS09-12-Test01.xlf",
        f"{OKAPI}/sdlxliff/FFFEBOM15992.sdlxliff",
    ],
)
def test_one_corrected_target_is_the_only_difference(testdata: Path, tmp_path: Path, name: str) -> None:
    src = testdata / name
    out = tmp_path / "out.xlf"
    at: list[int] = []
    round_trip(src, "xliff", out, lambda s: at.append(_correct_first_translated(s))).close()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    mine, theirs = etree.parse(str(out), parser), etree.parse(str(src), parser)
    unit = list(mine.iter("{*}trans-unit"))[at[0]]
    target = unit.find("{*}target")
    assert target.text.startswith("訂正：") and target.get("state") == "translated"
    _without(mine, at[0], theirs, "trans-unit")
    assert etree.tostring(mine, method="c14n2") == etree.tostring(theirs, method="c14n2")


@pytest.mark.shared
def test_one_corrected_xliff2_segment(testdata: Path, tmp_path: Path) -> None:
    src = testdata / SUITE2 / "everything-core.xlf"
    out = tmp_path / "out.xlf"
    at: list[int] = []
    round_trip(src, "xliff", out, lambda s: at.append(_correct_first_translated(s))).close()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    mine, theirs = etree.parse(str(out), parser), etree.parse(str(src), parser)
    segment = list(mine.iter("{*}segment"))[at[0]]
    assert segment.get("state") == "translated" and segment.get("subState") == "mtreview:corrected"
    assert segment.find("{*}target").text.startswith("訂正：")
    _without(mine, at[0], theirs, "segment")
    assert etree.tostring(mine, method="c14n2") == etree.tostring(theirs, method="c14n2")


@pytest.mark.shared
def test_seed_project_as_xliff12_is_strict_valid_and_xliff2po_reads_every_unit(
    seed_page: Path, testdata: Path, tmp_path: Path
) -> None:
    out = tmp_path / "seed.xlf"
    service = round_trip(seed_page, "xliff12", out)
    try:
        segments = len(list(service.iter_segments()))
    finally:
        service.close()
    result = xmllint_xliff12_strict(testdata, out, tmp_path)
    assert result.returncode == 0, result.stderr
    po = tmp_path / "seed.po"
    result = run(tool("xliff2po"), str(out), str(po))
    assert result.returncode == 0, result.stderr
    import polib

    entries = [e for e in polib.pofile(str(po)) if e.msgid]
    assert len(entries) == segments  # every unit, none merged away as a duplicate
    assert all("fuzzy" in e.flags for e in entries)  # machine translation nobody confirmed
    # and it reads back into mtreview with its statuses
    again = tmp_path / "again.xlf"
    round_trip(out, "xliff12", again).close()
    assert canonical(again) == canonical(out)
