"""XLIFF: the shared contract, the OASIS XLIFF 2.x test suites, SAP's XLIFF 1.2 sample, ITS output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from tm_contract import FormatContract

from mtreview.domain.errors import InputError
from mtreview.domain.model import Status
from mtreview.formats import placeholders as ph
from mtreview.formats import xliff
from mtreview.formats.base import ExportUnit, WriteOptions, units_from_document
from mtreview.formats.xliff import read_xliff, write_xliff

OASIS22 = "oasis-xliff-xliff-22/xliff-22/test-suite"
OASIS20 = "ms-xliff2-om/Xliff.OM.Tests/Oasis_TestFiles"
SUITES = [f"{OASIS22}/core", f"{OASIS22}/modules", f"{OASIS20}/core", f"{OASIS20}/modules"]
SCHEMAS = [
    "oasis-xliff-xliff-22/xliff-21/schemas/xliff_core_2.0.xsd",
    "oasis-xliff-xliff-22/xliff-22/schemas/xliff_core_2.2.xsd",
    "sap-xliff-1-2/com.sap.mlt.xliff12.impl/src/main/java/com/sap/mlt/xliff12/impl/schema/xml.xsd",
]
# A file of the "valid" suite that is not namespace-well-formed XML (it uses the prefix pgs: without
# declaring it); an XML parser must reject it.
NOT_WELL_FORMED = {"Good-pgs_plural.xlf"}

_2 = '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"{trg}>\n<file id="f">\n'  # noqa: E501  (test data on one line)


class TestXliffContract(FormatContract):
    reader = staticmethod(read_xliff)
    writer = staticmethod(write_xliff)
    suffix = ".xlf"
    inline_format = "xliff2"
    inline_source = (
        {"k": "open", "x": '<pc id="1">'},
        {"k": "close", "x": "</pc>"},
        {"k": "ph", "x": '<ph id="2"/>'},
    )
    inline_target = inline_source
    bad_inputs = (
        (
            _2.format(trg="").encode()
            + b'<unit id="u">\n<segment><source>a</source>\n<target>b</target></segment></unit></file></xliff>',  # noqa: E501  (test data on one line)
            6,
        ),
        (
            _2.format(trg=' trgLang="ja"').encode()
            + b'<unit id="u"><segment>\n<source><ec startRef="1"/>a<sc id="1"/></source></segment></unit></file></xliff>',  # noqa: E501  (test data on one line)
            5,
        ),
        (_2.format(trg=' trgLang="ja"').encode() + b'<unit id="u"><segment>\n<source>cut', None),
        (b'<?xml version="1.0"?>\n<tmx version="1.4"/>', 2),
        (
            _2.format(trg=' trgLang="ja"').encode()
            + b'<unit id="u"><segment>\n<source>&nbsp;</source></segment></unit></file></xliff>',
            5,
        ),
    )


def _files(testdata: Path, suite: str, kind: str) -> list[Path]:
    folder = testdata / suite / kind
    files = sorted(folder.glob("*.xlf"))
    assert files, f"no test files in {folder}"
    return files


@pytest.fixture
def with_schemas(testdata: Path) -> Iterator[None]:
    """Validate against the OASIS XSDs from the test data (local files only)."""
    saved = list(xliff.schema_files)
    xliff.schema_files[:] = [str(testdata / s) for s in SCHEMAS]
    try:
        yield
    finally:
        xliff.schema_files[:] = saved


@pytest.mark.shared
@pytest.mark.parametrize("suite", SUITES)
def test_every_valid_file_reads(testdata: Path, suite: str, with_schemas: None) -> None:
    failures = []
    for path in _files(testdata, suite, "valid"):
        try:
            read_xliff(path)
        except InputError as exc:
            if path.name not in NOT_WELL_FORMED:
                failures.append(f"{path.name}: {exc}")
    assert failures == []


@pytest.mark.shared
@pytest.mark.parametrize("suite", SUITES)
def test_every_valid_file_reads_without_schemas(testdata: Path, suite: str) -> None:
    failures = []
    for path in _files(testdata, suite, "valid"):
        try:
            read_xliff(path)
        except InputError as exc:
            if path.name not in NOT_WELL_FORMED:
                failures.append(f"{path.name}: {exc}")
    assert failures == []


@pytest.mark.shared
def test_the_one_ill_formed_valid_file_is_rejected_clearly(testdata: Path) -> None:
    path = testdata / OASIS22 / "modules/valid/Good-pgs_plural.xlf"
    with pytest.raises(InputError) as err:
        read_xliff(path)
    assert "pgs" in str(err.value) and err.value.line == 4


@pytest.mark.shared
@pytest.mark.parametrize("suite", SUITES)
@pytest.mark.parametrize("schemas", [True, False], ids=["xsd", "no-xsd"])
def test_every_invalid_file_is_rejected_with_a_message(testdata: Path, suite: str, schemas: bool) -> None:
    """Core and module suites alike: every file of invalid/ is an InputError naming the file."""
    saved = list(xliff.schema_files)
    xliff.schema_files[:] = [str(testdata / s) for s in SCHEMAS] if schemas else []
    accepted, unclear = [], []
    try:
        for path in _files(testdata, suite, "invalid"):
            try:
                read_xliff(path)
            except InputError as exc:
                if exc.path != str(path) or not (
                    exc.message and ("invalid XLIFF" in exc.message or "XML" in exc.message)
                ):
                    unclear.append(f"{path.name}: {exc}")
            else:
                accepted.append(path.name)
    finally:
        xliff.schema_files[:] = saved
    assert accepted == []
    assert unclear == []


_CTR = (
    '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"'
    ' trgLang="ja"\n xmlns:ctr="urn:oasis:names:tc:xliff:changetracking:2.0"><file id="f"><unit id="u">\n'
    "<ctr:changeTrack>\n{revisions}\n</ctr:changeTrack>\n"
    '<notes><note id="a" category="style">Keep it short</note>{second}</notes>\n'
    "<segment><source>Open</source><target>開く</target></segment></unit></file></xliff>"
)
_REV = '<ctr:revisions appliesTo="note"{ref}><ctr:revision>{items}</ctr:revision></ctr:revisions>'
_ITEM = '<ctr:item property="{p}">old</ctr:item>'


@pytest.mark.parametrize(
    ("ref", "properties", "second", "error"),
    [
        (' ref="a"', ["content", "category"], "", None),
        ("", ["content", "id"], "", None),  # one note: no ref needed
        ("", ["content"], '<note id="b">Other</note>', "without ref"),
        (' ref="b"', ["content"], '<note id="b">Other</note>', None),
        (' ref="a"', ["priority"], "", "neither content nor an attribute"),
        (' ref="b"', ["category"], '<note id="b">Other</note>', "neither content nor an attribute"),
        (' ref="a"', ["category", "category"], "", "occurs twice"),
    ],
)
def test_change_tracking_constraints(
    tmp_path: Path, ref: str, properties: list[str], second: str, error: str | None
) -> None:
    items = "".join(_ITEM.format(p=p) for p in properties)
    text = _CTR.format(revisions=_REV.format(ref=ref, items=items), second=second)
    path = tmp_path / "ctr.xlf"
    path.write_text(text, encoding="utf-8")
    if error is None:
        assert [s.target for s in read_xliff(path).segments] == ["開く"]
    else:
        with pytest.raises(InputError) as err:
            read_xliff(path)
        assert error in err.value.message and err.value.path == str(path)
        assert err.value.line == 5  # the line of <ctr:revisions> and its items


@pytest.mark.shared
def test_sap_almost_everything_reads(testdata: Path, tmp_path: Path) -> None:
    for name in ("Sample_AlmostEverything_1.2_strict.xlf", "Sample_AlmostEverything_1.2_transitional.xlf"):
        path = next((testdata / "sap-xliff-1-2").rglob(name))
        doc = read_xliff(path)
        assert len(doc.segments) >= 15
        kinds = {
            r["x"].split()[0].strip("<>/")
            for s in doc.segments
            for r in s.meta.get("inline", {}).get("source", [])
        }
        assert {"g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "mrk"} <= kinds
        assert any(s.meta.get("notes") for s in doc.segments)
        out = tmp_path / f"{name}.xlf"
        write_xliff(
            out,
            units_from_document(doc),
            WriteOptions(source_lang=doc.source_lang, target_lang=doc.target_lang),
        )
        again = read_xliff(out)
        assert [ph.restore_text(s.source, None) for s in again.segments] == [s.source for s in doc.segments]
        assert [s.target for s in again.segments] == [s.target for s in doc.segments]


@pytest.mark.shared
@pytest.mark.parametrize("suite", [f"{OASIS22}/core", f"{OASIS20}/core"])
def test_valid_files_round_trip_through_our_writer(
    testdata: Path, tmp_path: Path, suite: str, with_schemas: None
) -> None:
    for path in _files(testdata, suite, "valid"):
        doc = read_xliff(path)
        out = tmp_path / path.name
        write_xliff(
            out,
            units_from_document(doc),
            WriteOptions(source_lang=doc.source_lang, target_lang=doc.target_lang, document_meta=doc.meta),
        )
        again = read_xliff(out)  # schema-validated and constraint-checked again
        assert [(s.source, s.target, s.key) for s in again.segments] == [
            (s.source, s.target, s.key) for s in doc.segments
        ], path.name


def test_states_and_its_quality_issues(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from mtreview.domain.model import Annotation, AnnotationState, Severity, Side

    ann = Annotation(
        9,
        2,
        Side.TARGET,
        0,
        4,
        "Accuracy/Mistranslation",
        Severity.CRITICAL,
        "a person",
        "ホールデン",
        "r",
        "manual",
        AnnotationState.CONFIRMED,
        1,
        datetime.now(UTC),
    )
    units = [
        ExportUnit("d", 1, "a", "あ", "あ", Status.APPROVED, key="u1"),
        ExportUnit(
            "d",
            2,
            "Holden",
            "ホルデン社",
            "ホールデン",
            Status.CORRECTED,
            key="u2",
            corrected="ホールデン",
            annotations=[ann],
        ),
        ExportUnit("d", 3, "c", "", "", Status.NEW, key="u3"),
        ExportUnit("d", 4, "d", "ね", "ね", Status.REJECTED, key="u4"),
    ]
    out = tmp_path / "o.xlf"
    write_xliff(out, units)
    root = etree.parse(str(out)).getroot()
    ns = {"x": xliff.NS20, "its": xliff.ITS_NS}
    states = [s.get("state") for s in root.iterfind(".//x:segment", ns)]
    # corrected: a person's translation; rejected: needs a new one (see formats.xliff.states)
    assert states == ["final", "translated", "initial", "initial"]
    issue = root.find(".//its:locQualityIssue", ns)
    assert issue.get("locQualityIssueType") == "mistranslation"
    assert issue.get("locQualityIssueSeverity") == "100"
    assert "ホルデ" in issue.get("locQualityIssueComment")
    doc = read_xliff(out)
    assert [s.status for s in doc.segments] == [
        Status.APPROVED,
        Status.CORRECTED,
        Status.NEW,
        Status.REJECTED,
    ]
    assert doc.segments[1].target == "ホールデン"  # the LQI marker is not part of the text
    assert doc.segments[1].meta["its_lqi"][0]["locQualityIssueType"] == "mistranslation"
