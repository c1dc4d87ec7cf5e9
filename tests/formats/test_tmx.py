"""TMX: the shared contract, the LISA TMX Compliance Kit, OmegaT's and Okapi's TMX files."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from tm_contract import FormatContract

from mtreview.domain.errors import InputError
from mtreview.domain.model import Status
from mtreview.formats import placeholders as ph
from mtreview.formats.base import WriteOptions, units_from_document
from mtreview.formats.tmx import read_tmx, write_tmx

KIT = "omegat/src/test/resources/data/tmx/TMXComplianceKit"
OMEGAT = "omegat/src/test/resources/data/tmx"
DTD = "okapi/okapi/filters/tmx/src/test/resources/tmx14.dtd"

_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header srclang="en" segtype="paragraph" adminlang="en" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/>\n<body>\n'  # noqa: E501  (test data on one line)


class TestTmxContract(FormatContract):
    reader = staticmethod(read_tmx)
    writer = staticmethod(write_tmx)
    suffix = ".tmx"
    inline_format = "tmx"
    inline_source = (
        {"k": "ph", "x": '<bpt i="1" type="bold">&lt;b&gt;</bpt>'},
        {"k": "ph", "x": '<ept i="1">&lt;/b&gt;</ept>'},
        {"k": "ph", "x": '<ph x="2" type="image">&lt;img src="a.png"/&gt;</ph>'},
    )
    inline_target = inline_source
    volatile_meta = frozenset({"tu"})  # creation/change dates and ids are the writer's
    bad_inputs = (
        (_HEAD + b'<tu><tuv xml:lang="en"><seg>cut here', None),  # truncated
        (
            _HEAD
            + b'<tu>\n<tuv xml:lang="en"><seg>a</seg></tuv>\n<tuv xml:lang="ja"><seg>b</sag></tuv></tu></body></tmx>',  # noqa: E501  (test data on one line)
            7,
        ),
        (b'<?xml version="1.0"?>\n<html><body/></html>\n', 2),
        (_HEAD + b'<tu>\n<tuv xml:lang="en"><seg><ept i="1">x</ept></seg></tuv></tu></body></tmx>', 6),
        (_HEAD + b'<tu>\n<tuv xml:lang="en"><seg>&nbsp;</seg></tuv></tu></body></tmx>', 6),
    )


# ---------------------------------------------------------------------------------------- helpers


def _dtd(testdata: Path) -> Any:
    path = testdata / DTD
    if not path.exists():
        pytest.fail(f"missing {path}")
    with open(path, "rb") as f:
        return etree.DTD(f)  # loaded explicitly from the file, never through the document


def _parse_plain(path: Path) -> Any:
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    return etree.parse(str(path), parser)


def _content(doc: Any) -> list[tuple[Any, ...]]:
    out = []
    for s in doc.segments:
        meta = {k: v for k, v in s.meta.items() if k != "tu"}
        tu = {
            k: v
            for k, v in (s.meta.get("tu") or {}).items()
            if k not in ("creationdate", "changedate", "creationid", "changeid")
        }
        out.append((s.source, s.target, s.key, meta, tu))
    return out


# -------------------------------------------------------------------------- LISA compliance kit

# file -> (segments, source language, target language, encoding)
KIT_IMPORTS = {
    "ImportTest1A.tmx": (2, "en-us", "fr-ca", "utf-16-le"),
    "ImportTest1B.tmx": (1, "en-us", "fR-Ca", None),
    "ImportTest1C.tmx": (3, "en-us", "ja-jp", None),
    "ImportTest1D.tmx": (3, "en-us", "en-gb", "utf-8-sig"),
    "ImportTest1E.tmx": (3, "en-us", "en-gb", "utf-8"),
    "ImportTest1F.tmx": (3, "en-us", "en-gb", "utf-16-le"),
    "ImportTest1G.tmx": (3, "en-us", "en-gb", "utf-16-be"),
    "ImportTest1H.tmx": (3, "en-us", "en-gb", None),
    "ImportTest1I.tmx": (1, "en-us", "ja-jp", None),
    "ImportTest1J.tmx": (2, "en-us", "en-gb", None),
    "ImportTest1K.tmx": (2, "en-us", "en-gb", None),
    "ImportTest1L.tmx": (1, "en-us", "fr", "utf-8-sig"),
    "ImportTest2A.tmx": (7, "en-us", "fr-ca", "utf-16-le"),
    "ImportTest2B.tmx": (7, "en-us", "fr-ca", "utf-16-le"),
    "ImportTest2C.tmx": (1, "en-us", "fr", "utf-8-sig"),
}


def _bom(data: bytes) -> str:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return name
    return "utf-8"


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(KIT_IMPORTS))
def test_compliance_kit_imports(testdata: Path, name: str) -> None:
    path = testdata / KIT / name
    count, src, tgt, encoding = KIT_IMPORTS[name]
    if encoding is not None:
        assert _bom(path.read_bytes()[:4]) == encoding or encoding == "utf-8"
    doc = read_tmx(path)
    assert len(doc.segments) == count
    assert doc.source_lang == src
    assert doc.target_lang.lower() == tgt.lower()
    for seg in doc.segments:
        assert seg.source.strip() and seg.target.strip()


@pytest.mark.shared
def test_compliance_kit_whitespace_and_ideographic_space(testdata: Path) -> None:
    seg = read_tmx(testdata / KIT / "ImportTest1I.tmx").segments[0]
    assert "\u3000\u3000" in seg.target  # &#x3000; kept, not collapsed
    seg = read_tmx(testdata / KIT / "ImportTest1A.tmx").segments[0]
    assert "\t\t" in seg.source


@pytest.mark.shared
def test_compliance_kit_character_references(testdata: Path) -> None:
    # 1H writes every non-ASCII character as &#x…; — the text is the same as 1E's
    h = read_tmx(testdata / KIT / "ImportTest1H.tmx")
    e = read_tmx(testdata / KIT / "ImportTest1E.tmx")
    assert [s.source for s in h.segments] == [s.source for s in e.segments]
    assert any(ord(c) > 127 for c in h.segments[0].source)


@pytest.mark.shared
def test_compliance_kit_inline_tags(testdata: Path) -> None:
    doc = read_tmx(testdata / KIT / "ImportTest2A.tmx")
    first = doc.segments[0]
    # 'The big <b>black</b> <u>cat</u> sleeps.' : four tags, four placeholders, text between them editable
    assert ph.strip_placeholders(first.source) == "The big black cat sleeps."
    assert len(ph.placeholder_spans(first.source)) == 4
    kinds = [re.match(r"<(\w+)", r["x"]).group(1) for r in first.meta["inline"]["source"]]
    assert kinds == ["bpt", "ept", "bpt", "ept"]
    hi = next(s for s in doc.segments if "highlighted" in s.source)
    assert "a part highlighted" in hi.source  # <hi> content stays editable text
    assert [r["k"] for r in hi.meta["inline"]["source"]] == ["open", "close"]
    # the order of the bpt/ept in the target differs from the source and is kept
    assert first.meta["inline"]["target"][0]["x"].startswith('<bpt i="2"')


@pytest.mark.shared
def test_compliance_kit_notes_props_and_ude(testdata: Path) -> None:
    doc = read_tmx(testdata / KIT / "ImportTest1L.tmx")
    seg = doc.segments[0]
    assert seg.key == "tu001"
    attrs = {"o-encoding": "iso-8859-1", "xml:lang": "en-us"}
    # notes and props keep their own attributes
    assert seg.meta["notes"] == [["Text of tu note 1", attrs], ["Text of tu note 2", attrs]]
    assert seg.meta["props"] == [["myPropeType", "Data", attrs]]
    assert seg.meta["tuv_src"]["notes"]
    assert doc.meta["header"]["ude"] and doc.meta["header"]["ude"][0].startswith("<ude")


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(KIT_IMPORTS))
def test_compliance_kit_export_validates_and_reimports(testdata: Path, tmp_path: Path, name: str) -> None:
    doc = read_tmx(testdata / KIT / name)
    out = tmp_path / name
    opts = WriteOptions(source_lang=doc.source_lang, target_lang=doc.target_lang, document_meta=doc.meta)
    write_tmx(out, units_from_document(doc), opts)
    dtd = _dtd(testdata)
    tree = _parse_plain(out)
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    original = _parse_plain(testdata / KIT / name).getroot()
    header = tree.getroot().find("header")
    # untouched: the header and every unit keep their attributes, dates included, and get no props of ours
    assert dict(header.attrib) == dict(original.find("header").attrib)
    tus = list(tree.getroot().iter("tu"))
    assert [dict(tu.attrib) for tu in tus] == [dict(tu.attrib) for tu in original.iter("tu")][: len(tus)]
    for tu in tus:
        assert not any(p.get("type", "").startswith("x-mtreview-") for p in tu.findall("prop"))
    again = read_tmx(out)
    assert _content(again) == _content(doc)


# ------------------------------------------------------------------------------ OmegaT and Okapi


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("invalid.tmx", "<ept i=1> without a preceding <bpt i=1>"),
        ("test-omegat-invalid.tmx", "mixes the TMX 1.1 'lang' attribute"),
    ],
)
def test_omegat_invalid_files_are_rejected(testdata: Path, name: str, fragment: str) -> None:
    path = testdata / OMEGAT / name
    with pytest.raises(InputError) as err:
        read_tmx(path)
    assert fragment in str(err.value)
    assert err.value.path == str(path) and err.value.line


@pytest.mark.shared
def test_omegat_supplementary_plane_and_tmx11(testdata: Path) -> None:
    assert read_tmx(testdata / OMEGAT / "test-SMP.tmx").segments[0].source == "𝐀𝐁𝐂"
    one = read_tmx(testdata / OMEGAT / "test-multiple-entries11.tmx")
    four = read_tmx(testdata / OMEGAT / "test-multiple-entries.tmx")
    assert [(s.source, s.target) for s in one.segments] == [(s.source, s.target) for s in four.segments]


@pytest.mark.shared
def test_unit_without_source_language_is_skipped_and_reported(testdata: Path) -> None:
    doc = read_tmx(testdata / OMEGAT / "test-missingSource.tmx")
    assert doc.meta["skipped"] and doc.meta["skipped"][0]["line"] > 0
    assert all(s.source for s in doc.segments)


@pytest.mark.shared
def test_okapi_every_inline_element(testdata: Path, tmp_path: Path) -> None:
    path = testdata / "okapi/okapi/filters/tmx/src/test/resources/a_small_test2.tmx"
    doc = read_tmx(path)
    tags = {
        r["x"].split(" ")[0].split(">")[0].lstrip("<")
        for s in doc.segments
        for r in s.meta.get("inline", {}).get("source", [])
    }
    assert {"bpt", "ept", "ph", "it", "hi"} <= tags
    assert any("<sub>" in r["x"] for s in doc.segments for r in s.meta.get("inline", {}).get("source", []))
    out = tmp_path / "a.tmx"
    write_tmx(
        out, units_from_document(doc), WriteOptions(source_lang=doc.source_lang, target_lang=doc.target_lang)
    )
    assert _dtd(testdata).validate(_parse_plain(out))
    assert _content(read_tmx(out)) == _content(doc)


# --------------------------------------------------------------------------------- our own cases


def test_writer_props_and_annotation_notes(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from mtreview.domain.model import Annotation, AnnotationState, Severity, Side
    from mtreview.formats.base import ExportUnit

    ann = Annotation(
        1,
        1,
        Side.TARGET,
        0,
        3,
        "Accuracy/Mistranslation",
        Severity.MAJOR,
        "person, not a company",
        "ホールデン",
        "reviewer",
        "manual",
        AnnotationState.CONFIRMED,
        1,
        datetime(2026, 1, 2, tzinfo=UTC),
    )
    unit = ExportUnit(
        "d",
        1,
        "Holden said",
        "ホルデン社は言った",
        "ホールデンは言った",
        Status.APPROVED,
        key="7",
        corrected="ホールデンは言った",
        author="reviewer",
        updated_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        annotations=[ann],
        mqm_penalty=5.0,
        chrf=48.25,
    )
    out = tmp_path / "o.tmx"
    write_tmx(out, [unit])
    tu = _parse_plain(out).getroot().find("body/tu")
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props == {"x-mtreview-status": "approved", "x-mtreview-mqm": "5", "x-mtreview-chrf": "48.25"}
    assert tu.get("changedate") == "20260102T030405Z" and tu.get("changeid") == "reviewer"
    assert tu.get("tuid") == "7"
    note = tu.find("note").text
    assert "major" in note and "Accuracy/Mistranslation" in note and "ホルデ" in note and "ホールデン" in note
    again = read_tmx(out).segments[0]
    assert again.target == "ホールデンは言った" and again.status is Status.APPROVED
    assert "notes" not in again.meta  # our own notes are not foreign metadata


def test_literal_private_use_characters_survive(tmp_path: Path) -> None:
    out = tmp_path / "pua.tmx"
    out.write_bytes(
        _HEAD
        + "<tu><tuv xml:lang='en'><seg>a\ue000b</seg></tuv><tuv xml:lang='ja'><seg>\ue001</seg></tuv></tu></body></tmx>".encode()  # noqa: E501  (test data on one line)
    )
    doc = read_tmx(out)
    again = tmp_path / "again.tmx"
    write_tmx(again, units_from_document(doc))
    assert "a\ue000b" in again.read_text("utf-8") and "<seg>\ue001</seg>" in again.read_text("utf-8")


def test_legacy_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "sjis.tmx"
    text = (
        _HEAD.decode().replace("UTF-8", "Shift_JIS")
        + "<tu><tuv xml:lang='en'><seg>cat</seg></tuv><tuv xml:lang='ja'><seg>猫です</seg></tuv></tu></body></tmx>"  # noqa: E501  (test data on one line)
    )
    path.write_bytes(text.encode("shift_jis"))
    assert read_tmx(path).segments[0].target == "猫です"
