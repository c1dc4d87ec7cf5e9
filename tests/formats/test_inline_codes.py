"""Inline codes as one model across formats (issue 15 item 7).

Paired codes stay paired from one format to another (TMX ``bpt``/``ept`` ↔ XLIFF 1.2 ``g``/``bpt``/
``ept`` ↔ XLIFF 2 ``sc``/``ec``), standalone ones stay standalone; a pair a correction breaks is written
as two isolated codes, so the file stays valid; in PO and CSV the codes are readable ``⟦n⟧`` tokens that
import back as the same codes; ``codes.problems`` says what a correction lost or reordered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judges import round_trip, run, tool, xmllint_xliff12_strict
from lxml import etree

from mtreview.domain.model import Status
from mtreview.formats import codes as C
from mtreview.formats import placeholders as ph
from mtreview.services.export import ExportFilters
from mtreview.services.project import ProjectService, read_input
from mtreview.services.saving import SegmentChange

ALL = ExportFilters(statuses=frozenset(Status))
DTD = "okapi/okapi/filters/tmx/src/test/resources/tmx14.dtd"

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" adminlang="en" datatype="html" o-tmf="x"
 creationtool="t" creationtoolversion="1"/><body>
<tu tuid="t1"><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Start<ept i="1">&lt;/b&gt;</ept>\
 now<ph>&lt;br/&gt;</ph></seg></tuv>
<tuv xml:lang="ja"><seg>今すぐ<bpt i="1">&lt;b&gt;</bpt>スタート<ept i="1">&lt;/b&gt;</ept>を押す\
<ph>&lt;br/&gt;</ph></seg></tuv></tu>
</body></tmx>
"""

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="ui" source-language="en" target-language="ja" datatype="html"><body>
<trans-unit id="1"><source>Click <g id="1" ctype="bold">Save</g> to keep it<x id="2" ctype="lb"/></source>
<target state="translated"><g id="1" ctype="bold">保存</g>をクリックして残す<x id="2" ctype="lb"/></target>
</trans-unit></body></file></xliff>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_tmx_pairs_become_xliff2_pairs_and_xliff12_pairs(tmp_path: Path, testdata: Path) -> None:
    src = _write(tmp_path, "codes.tmx", TMX)
    out2 = tmp_path / "o2.xlf"
    round_trip(src, "xliff", out2, filters=ALL).close()
    root = etree.parse(str(out2)).getroot()
    target = root.find(".//{*}target")
    sc, ec = target.find("{*}sc"), target.find("{*}ec")
    assert sc is not None and ec is not None and ec.get("startRef") == sc.get("id")
    assert (
        sc.get("isolated") is None and sc.get("disp") == "<b>" and target.find("{*}ph").get("disp") == "<br/>"
    )
    read_input(out2)  # our XLIFF 2 reader checks sc/ec order and references
    out12 = tmp_path / "o12.xlf"
    round_trip(src, "xliff12", out12, filters=ALL).close()
    result = xmllint_xliff12_strict(testdata, out12, tmp_path)
    assert result.returncode == 0, result.stderr
    target = etree.parse(str(out12)).getroot().find(".//{*}target")
    bpt, ept = target.find("{*}bpt"), target.find("{*}ept")
    assert bpt.text == "<b>" and ept.text == "</b>" and ept.get("rid") == bpt.get("rid")


def test_xliff12_g_becomes_tmx_bpt_ept_not_two_it(tmp_path: Path, testdata: Path) -> None:
    src = _write(tmp_path, "codes.xlf", XLIFF12)
    out = tmp_path / "o.tmx"
    round_trip(src, "tmx", out, filters=ALL).close()
    result = run(tool("xmllint"), "--noout", "--nonet", "--dtdvalid", str(testdata / DTD), str(out))
    assert result.returncode == 0, result.stderr
    seg = etree.parse(str(out)).getroot().findall(".//{*}seg")[1]
    assert [el.tag for el in seg] == ["bpt", "ept", "ph"]
    assert seg.find("bpt").get("i") == seg.find("ept").get("i")
    assert seg.find("bpt").text == '<g id="1" ctype="bold">' and seg.find("ept").text == "</g>"


def test_a_correction_that_breaks_a_pair_is_written_as_isolated_codes(tmp_path: Path, testdata: Path) -> None:
    src = _write(tmp_path, "codes.tmx", TMX)

    def swap(service: ProjectService) -> None:
        seg = next(iter(service.iter_segments()))
        p0, p1, p2 = (ph.placeholder(i) for i in range(3))
        service.save(
            SegmentChange.edit(seg.id, f"{p1}スタート{p0}を今すぐ押す{p2}", seg.version)
        ).require_saved()  # the end before the start
        codes = C.analyse(seg.meta["inline"]["target"])
        assert [p.kind for p in C.problems(seg.mt, f"{p1}スタート{p0}を押す{p2}", codes)] == ["reordered"]
        assert [p.kind for p in C.problems(seg.mt, f"スタート{p1}を押す{p2}", codes)] == ["lost"]
        assert C.problems(seg.mt, seg.mt, codes) == []

    out = tmp_path / "o.xlf"
    round_trip(src, "xliff", out, swap, filters=ALL).close()
    read_input(out)  # still valid XLIFF 2: the broken pair is two isolated codes
    target = etree.parse(str(out)).getroot().find(".//{*}target")
    assert [el.get("isolated") for el in target if el.tag.endswith(("sc", "ec"))] == ["yes", "yes"]
    tmx = tmp_path / "o.tmx"
    round_trip(src, "tmx", tmx, swap, filters=ALL).close()  # (the same file: TMX codes written as they came)
    result = run(tool("xmllint"), "--noout", "--nonet", "--dtdvalid", str(testdata / DTD), str(tmx))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("fmt", ["po", "csv"])
def test_codes_are_readable_tokens_in_po_and_csv_and_come_back(tmp_path: Path, fmt: str) -> None:
    src = _write(tmp_path, "codes.xlf", XLIFF12)
    out = tmp_path / f"o.{fmt}"
    round_trip(src, fmt, out, filters=ALL).close()
    text = out.read_text("utf-8-sig")
    assert "Click ⟦1⟧Save⟦2⟧ to keep it⟦3⟧" in text and "<g id" not in text.split("codes")[0]
    back = tmp_path / "back.xlf"
    round_trip(out, "xliff12", back, filters=ALL).close()
    original = read_input(src).segments[0]
    again = read_input(back).segments[0]
    assert (again.source, again.target) == (original.source, original.target)
    assert [r["x"] for r in again.meta["inline"]["source"]] == [
        r["x"] for r in original.meta["inline"]["source"]
    ]


@pytest.mark.shared
def test_every_inline_element_of_okapis_tmx_survives_xliff_and_back(testdata: Path, tmp_path: Path) -> None:
    src = testdata / "okapi/okapi/filters/tmx/src/test/resources/a_small_test2.tmx"
    out = tmp_path / "o.xlf"
    round_trip(src, "xliff12", out, filters=ALL).close()
    assert xmllint_xliff12_strict(testdata, out, tmp_path).returncode == 0
    before = [(s.source, s.target) for s in read_input(src).segments]
    after = [(s.source, s.target) for s in read_input(out).segments]
    assert [ph.strip_placeholders(a) for a, _ in after] == [ph.strip_placeholders(b) for b, _ in before]
    assert [len(ph.placeholder_spans(a)) for a, _ in after] == [
        len(ph.placeholder_spans(b)) for b, _ in before
    ]


def test_a_broken_g_pair_merged_back_stays_well_formed_and_valid(tmp_path: Path, testdata: Path) -> None:
    src = _write(tmp_path, "codes.xlf", XLIFF12)

    def swap(service: ProjectService) -> None:
        seg = next(iter(service.iter_segments()))
        p0, p1, p2 = (ph.placeholder(i) for i in range(3))
        service.save(
            SegmentChange.edit(seg.id, f"{p1}保存{p0}をクリック{p2}", seg.version)
        ).require_saved()  # </g> before <g>

    out = tmp_path / "o.xlf"
    round_trip(src, "xliff", out, swap, filters=ALL).close()
    assert xmllint_xliff12_strict(testdata, out, tmp_path).returncode == 0
    target = etree.parse(str(out)).getroot().find(".//{*}target")
    assert [(el.tag.split("}")[1], el.get("pos")) for el in target] == [
        ("it", "close"),
        ("it", "open"),
        ("x", None),
    ]
    assert read_input(out).segments[0].target.count("保存") == 1


def test_the_correction_checks_flag_a_lost_or_broken_code(tmp_path: Path) -> None:
    from mtreview.services.checking import CorrectionChecks

    src = _write(tmp_path, "codes.xlf", XLIFF12)
    service = ProjectService.open(tmp_path / "p.mtreview", "ana", create=True)
    try:
        service.import_document(read_input(src))
        seg = next(iter(service.iter_segments()))
        checks = CorrectionChecks(service)
        assert [f for f in checks.findings(seg) if f.check == "inline-codes"] == []
        p0, p1, p2 = (ph.placeholder(i) for i in range(3))
        seg = (
            service.save(SegmentChange.edit(seg.id, f"{p1}保存{p0}をクリック{p2}", seg.version))
            .require_saved()
            .segment
        )
        found = [f for f in checks.update(seg) if f.check == "inline-codes"]
        assert len(found) == 1 and "</g>" not in found[0].message and "<g" in found[0].message
        seg = (
            service.save(SegmentChange.edit(seg.id, f"{p0}保存{p1}をクリック", seg.version))
            .require_saved()
            .segment
        )
        found = [f for f in checks.update(seg) if f.check == "inline-codes"]
        assert [f.category for f in found] == ["Accuracy/Omission"] and found[0].start is None
    finally:
        service.close()
