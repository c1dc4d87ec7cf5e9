"""Google MQM TSV: both quoting conventions, spans as code points, round trip, malformed files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtreview.domain.errors import InputError
from mtreview.domain.model import Severity, Side
from mtreview.formats.mqm_tsv import (
    MqmRow,
    format_mqm_tsv,
    parse_mqm_tsv,
    read_mqm_tsv,
    rows_of,
    write_mqm_tsv,
)

MQM = "google-wmt-mqm-human-evaluation"
HEADER = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"


def row(*fields: str) -> str:
    return "\t".join(fields) + "\n"


def _without_lines(tsv):  # type: ignore[no-untyped-def]
    segs = [dataclasses.replace(s, line=0) for s in tsv.segments]
    anns = sorted(
        (dataclasses.replace(a, line=0) for a in tsv.annotations), key=lambda a: (a.system, a.seg_id, a.rater)
    )
    return segs, anns


def test_spans_are_code_points_in_the_unmarked_text() -> None:
    text = HEADER + row(
        "sysA",
        "d1",
        "1",
        "7",
        "r1",
        "Holden said 𠮷 hi",
        "𠮷😀<v>ホルデン社</v>は言った",
        "Accuracy/Mistranslation",
        "Major",
    )
    tsv = parse_mqm_tsv(text, "x.tsv")
    (seg,) = tsv.segments
    (ann,) = tsv.annotations
    assert seg.target == "𠮷😀ホルデン社は言った"
    assert (ann.start, ann.end, ann.side) == (2, 7, Side.TARGET)
    assert seg.target[ann.start : ann.end] == "ホルデン社"
    assert ann.severity is Severity.MAJOR


def test_source_side_span_and_no_error_rows() -> None:
    text = (
        HEADER
        + row("s", "d", "1", "1", "r1", "a <v>missing</v> word", "ein Wort", "Accuracy/Omission", "Minor")
        + row("s", "d", "1", "2", "r1", "fine", "gut", "No-error", "No-error")
        + row("s", "d", "1", "3", "r2", "x", "y", "Non-translation!", "Major")
    )
    tsv = parse_mqm_tsv(text, "x.tsv")
    assert [s.seg_id for s in tsv.segments] == ["1", "2", "3"]
    assert tsv.segments[1].raters == ("r1",)
    omission, whole = tsv.annotations
    assert omission.side is Side.SOURCE and tsv.segments[0].source[omission.start : omission.end] == "missing"
    assert (whole.start, whole.end) == (None, None)
    assert tsv.items() == [(("s", "1"), "r1"), (("s", "2"), "r1"), (("s", "3"), "r2")]


def test_unquoted_file_keeps_a_leading_double_quote_literal() -> None:
    target = '"Why," <v>he</v> asked.'
    text = (
        HEADER
        + row("s", "d", "1", "1", "r", "src", target, "Fluency/Grammar", "Minor")
        + row("s", "d", "1", "2", "r", '"Quoted" source', "ok", "No-error", "No-error")
    )
    tsv = parse_mqm_tsv(text, "x.tsv")
    assert tsv.quoting == "none"
    assert tsv.segments[0].target == '"Why," he asked.'
    assert tsv.segments[1].source == '"Quoted" source'


def test_csv_quoted_file_is_unquoted() -> None:
    text = HEADER + row(
        "s",
        "d",
        "1",
        "1",
        "r",
        '"He said ""hi"" to me."',
        '"Er sagte <v>""hallo""</v>."',
        "Source error/-",
        "Minor",
    )
    tsv = parse_mqm_tsv(text, "x.tsv")
    assert tsv.quoting == "csv"
    assert tsv.segments[0].source == 'He said "hi" to me.'
    ann = tsv.annotations[0]
    assert tsv.segments[0].target[ann.start : ann.end] == '"hallo"'


@pytest.mark.parametrize(
    ("name", "body", "line", "message"),
    [
        (
            "missing column",
            "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tseverity\n",
            1,
            "missing column",
        ),
        ("short row", HEADER + row("s", "d", "1", "1", "r", "a", "b", "Other"), 2, "expected 9 columns"),
        (
            "close before open",
            HEADER + row("s", "d", "1", "1", "r", "a", "b</v> <v>c", "Other", "Minor"),
            2,
            "</v>",
        ),
        (
            "stray close",
            HEADER + row("s", "d", "1", "1", "r", "a", "b</v>", "Other", "Minor"),
            2,
            "</v> without",
        ),
        ("nested", HEADER + row("s", "d", "1", "1", "r", "a", "<v>b<v>c</v>", "Other", "Minor"), 2, "nested"),
        (
            "two spans",
            HEADER + row("s", "d", "1", "1", "r", "a", "<v>b</v><v>c</v>", "Other", "Minor"),
            2,
            "more than one",
        ),
        (
            "both sides",
            HEADER + row("s", "d", "1", "1", "r", "<v>a</v>", "<v>b</v>", "Other", "Minor"),
            2,
            "both",
        ),
        (
            "unknown severity",
            HEADER + row("s", "d", "1", "1", "r", "a", "b", "Other", "Serious"),
            2,
            "severity",
        ),
        (
            "odd quoting",
            HEADER
            + row("s", "d", "1", "1", "r", '"a ""b"" c"', "b", "Other", "Minor")
            + row("s", "d", "1", "2", "r", '"unterminated', "b", "Other", "Minor"),
            3,
            "quoting",
        ),
        (
            "no-error with severity",
            HEADER + row("s", "d", "1", "1", "r", "a", "b", "No-error", "Major"),
            2,
            "No-error",
        ),
        (
            "moved document",
            HEADER
            + row("s", "d", "1", "1", "r", "a", "b", "Other", "Minor")
            + row("s", "e", "2", "1", "r", "a", "b", "Other", "Minor"),
            3,
            "another document",
        ),
    ],
)
def test_malformed_files_name_file_and_line(
    tmp_path: Path, name: str, body: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_mqm_tsv(path)
    assert err.value.path == str(path)
    assert err.value.line == line, name
    assert message in err.value.message


def test_round_trip_of_own_sample_with_tabs_newlines_and_quotes(tmp_path: Path) -> None:
    rows = [
        MqmRow(
            "engine A",
            "doc",
            "1",
            "1",
            "ann",
            'He said "yes"\tthen left',
            "「はい」と\n言った",
            "Fluency/Grammar",
            Severity.MINOR,
            Side.TARGET,
            0,
            3,
            'comment with "quotes"',
        ),
        MqmRow("engine A", "doc", "1", "2", "ann", "ok", "大丈夫"),
        MqmRow(
            "engine A",
            "doc",
            "1",
            "3",
            "ann",
            "a b c",
            "𠮷😀",
            "Accuracy/Omission",
            Severity.MAJOR,
            Side.SOURCE,
            2,
            3,
        ),
        MqmRow("engine A", "doc", "1", "3", "ann", "a b c", "𠮷😀", "Non-translation!", Severity.CRITICAL),
    ]
    out = tmp_path / "out.tsv"
    assert write_mqm_tsv(out, rows) == 4
    back = read_mqm_tsv(out)
    assert back.quoting == "csv"
    assert rows_of(back) == rows


def test_writer_uses_google_unquoted_style_when_possible() -> None:
    rows = [
        MqmRow(
            "s",
            "d",
            "1",
            "1",
            "r",
            '"Hi," she said',
            "「やあ」",
            "Style/Awkward",
            Severity.MINOR,
            Side.TARGET,
            1,
            3,
        )
    ]
    text = format_mqm_tsv(rows)
    assert '\t"Hi," she said\t' in text and "「<v>やあ</v>」" in text
    assert rows_of(parse_mqm_tsv(text)) == rows


@pytest.mark.parametrize(
    "relpath",
    [
        "ted/ende/mqm_ted_ende.tsv",
        "ted/zhen/mqm_ted_zhen.tsv",
        "newstest2020/ende/mqm_newstest2020_ende.source-errors.tsv",
    ],
)
def test_google_files_round_trip_without_loss(testdata: Path, tmp_path: Path, relpath: str) -> None:
    original = read_mqm_tsv(testdata / MQM / relpath)
    out = tmp_path / "export.tsv"
    write_mqm_tsv(out, rows_of(original))
    again = read_mqm_tsv(out)
    assert _without_lines(again) == _without_lines(original)
    assert len(again.annotations) == len(original.annotations)


def test_google_file_facts(testdata: Path) -> None:
    zhen = read_mqm_tsv(testdata / MQM / "ted" / "zhen" / "mqm_ted_zhen.tsv")
    assert zhen.quoting == "none"
    assert sum(s.target.startswith('"') for s in zhen.segments) > 0
    assert sum(a.category == "Source error" for a in zhen.annotations) == 38
    quoted = read_mqm_tsv(
        testdata / MQM / "newstest2020" / "ende" / "mqm_newstest2020_ende.source-errors.tsv"
    )
    assert quoted.quoting == "csv"
    assert not any('""' in s.source for s in quoted.segments)
    # Google's TED data has one <v> without </v> per file: the span runs to the end of the text.
    ende = read_mqm_tsv(testdata / MQM / "ted" / "ende" / "mqm_ted_ende.tsv")
    (warning,) = ende.warnings
    line = int(warning.split(":")[1])
    (ann,) = [a for a in ende.annotations if a.line == line]
    seg = next(s for s in ende.segments if s.key == ann.segment_key)
    assert ann.end == len(seg.target) and seg.target[ann.start :] == "?"


def test_real_file_with_missing_columns_is_rejected(testdata: Path) -> None:
    path = testdata / MQM / "newstest2020" / "zhen" / "mqm_newstest2020_zhen.source-errors.tsv"
    with pytest.raises(InputError) as err:
        read_mqm_tsv(path)
    assert err.value.line == 2 and "columns" in err.value.message


def test_registered_writer_exports_confirmed_annotations_of_units(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    import mtreview.formats  # noqa: F401  (registers writers)
    from mtreview.domain.model import Annotation, AnnotationState
    from mtreview.formats.base import ExportUnit, WriteOptions
    from mtreview.formats.registry import require_writer

    def ann(i: int, state: AnnotationState, start: int | None, end: int | None) -> Annotation:
        return Annotation(
            i,
            1,
            Side.TARGET,
            start,
            end,
            "Accuracy/Mistranslation/Name rendered as company",
            Severity.MAJOR,
            "person, not a firm",
            None,
            "kim",
            "manual",
            state,
            1,
            datetime.now(UTC),
        )

    units = [
        ExportUnit(
            "article",
            1,
            "Marlow spoke.",
            "マーロウ社が話した。",
            "マーロウが話した。",
            annotations=[
                ann(1, AnnotationState.CONFIRMED, 0, 5),
                ann(2, AnnotationState.PROPOSED, 0, 2),
                ann(3, AnnotationState.DISMISSED, None, None),
            ],
        ),
        ExportUnit("article", 2, "Fine.", "結構です。", "結構です。"),
    ]
    out = tmp_path / "export.tsv"
    written = require_writer("mqm-tsv").write(
        out, iter(units), WriteOptions(extra={"system": "engine-x"}), None
    )
    assert written == 2
    back = read_mqm_tsv(out)
    assert [(s.system, s.doc, s.seg_id, s.target) for s in back.segments] == [
        ("engine-x", "article", "1", "マーロウ社が話した。"),
        ("engine-x", "article", "2", "結構です。"),
    ]
    (a,) = back.annotations
    assert (a.rater, a.start, a.end, a.comment) == ("kim", 0, 5, "person, not a firm")
    assert back.segments[0].target[a.start : a.end] == "マーロウ社"
    assert back.segments[1].raters == ("mtreview",)


def test_to_documents_groups_by_system_and_doc() -> None:
    from mtreview.formats.mqm_tsv import to_documents

    text = (
        HEADER
        + row("A", "talk1", "1", "1", "r1", "x y", "<v>エックス</v>", "Style/Awkward", "Minor")
        + row("B", "talk1", "1", "1", "r1", "x y", "エックス", "No-error", "No-error")
        + row("A", "talk1", "1", "2", "r2", "z", "ゼット", "Non-translation!", "Major")
    )
    imports = to_documents(parse_mqm_tsv(text))
    assert [(i.document.name, i.document.engine, len(i.document.segments)) for i in imports] == [
        ("A/talk1", "A", 2),
        ("B/talk1", "B", 1),
    ]
    first = imports[0]
    assert first.document.segments[1].meta["mqm"]["seg_id"] == "2"
    assert [(i, a.category, a.start, a.end) for i, a in first.annotations] == [
        (0, "Style/Awkward", 0, 4),
        (1, "Non-translation!", None, None),
    ]


def test_marking_a_span_that_no_longer_fits_is_an_error() -> None:
    from mtreview.formats.mqm_tsv import mark

    assert mark("𠮷野家", 0, 1) == "<v>𠮷</v>野家"
    with pytest.raises(InputError):
        mark("短い", 1, 5)


_chars = st.sampled_from(list('ab "\t\n\r<>v/𠮷😀あ「」,'))


@st.composite
def _rows(draw: st.DrawFn) -> list[MqmRow]:
    out = []
    for i in range(draw(st.integers(1, 4))):
        source = draw(st.text(_chars, max_size=12)).replace("<v>", "").replace("</v>", "")
        target = draw(st.text(_chars, max_size=12)).replace("<v>", "").replace("</v>", "")
        side = draw(st.sampled_from([Side.SOURCE, Side.TARGET]))
        text = source if side is Side.SOURCE else target
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        whole = draw(st.booleans())
        comment = draw(st.text(_chars, max_size=6))
        out.append(
            MqmRow(
                "s y s",
                "d",
                "1",
                str(i),
                "r",
                source,
                target,
                "Fluency/Grammar",
                Severity.MINOR,
                side,
                None if whole else start,
                None if whole else end,
                comment,
            )
        )
    return out


@settings(max_examples=400, deadline=None)
@given(_rows())
def test_property_any_text_round_trips(rows: list[MqmRow]) -> None:
    text = format_mqm_tsv(rows)
    back = parse_mqm_tsv(text, "p.tsv")
    expected = [
        dataclasses.replace(r, side=Side.TARGET) if r.start is None else r for r in rows
    ]  # a whole-segment annotation has no side marker in the file: it reads back as target
    assert rows_of(back) == expected


def test_trimmed_trailing_comment_and_trailing_tab_are_accepted() -> None:
    with_comment = HEADER.replace("severity\n", "severity\tcomment\n")
    text = (
        with_comment
        + row("s", "d", "1", "1", "r", "a", "<v>b</v>", "Other", "Minor")
        + row("s", "d", "1", "2", "r", "a", "b", "Other", "Major", "why")
    )
    tsv = parse_mqm_tsv(text)
    assert [a.comment for a in tsv.annotations] == ["", "why"]
    plain = parse_mqm_tsv(HEADER + "s\td\t1\t1\tr\ta\t<v>b</v>\tOther\tMinor\t\n")
    assert plain.annotations[0].end == 1
