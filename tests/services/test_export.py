"""The export use case: filters, the preview count, annotations and scores, and re-import identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.domain.model import (
    AnnotationDraft,
    AnnotationState,
    ImportedDocument,
    SegmentDraft,
    Severity,
    Status,
)
from mtreview.formats.po import read_po
from mtreview.formats.tmx import read_tmx
from mtreview.formats.xliff import read_xliff
from mtreview.formats.xlsx import read_xlsx
from mtreview.services.export import (
    ExportFilters,
    count_matching,
    export_project,
    parse_selection,
    parse_statuses,
)
from mtreview.storage import open_project

PAIRS = [
    ("The cat sleeps.", "猫が寝ている。"),
    ("Holden said no.", "ホルデン社はノーと言った。"),
    ("It rains cats and dogs.", "猫と犬が降っている。"),
    ("𠮷 and 😀 and a\u3000gap.", "𠮷と😀と\u3000間。"),
]


@pytest.fixture
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    source = tmp_path / "source.tmx"
    source.write_text("placeholder input file", "utf-8")
    store = open_project(str(tmp_path / "p.mtreview"), create=True)
    doc = ImportedDocument(
        name="article",
        segments=[SegmentDraft(s, t, key=f"k{i}") for i, (s, t) in enumerate(PAIRS, start=1)],
        path=str(source),
        format="tmx",
    )
    store.add_document(doc, "importer")
    segs = list(store.iter_segments())
    store.update_segment(segs[0].id, segs[0].version, "ann", status=Status.APPROVED)
    store.update_segment(
        segs[1].id, segs[1].version, "ann", corrected="ホールデンはノーと言った。", status=Status.APPROVED
    )
    store.update_segment(
        segs[2].id, segs[2].version, "ann", corrected="土砂降りだ。", status=Status.CORRECTED
    )
    store.add_annotations(
        [
            AnnotationDraft(
                segs[1].id, "Accuracy/Mistranslation", Severity.MAJOR, start=0, end=5, comment="a person"
            ),
            AnnotationDraft(segs[2].id, "Accuracy/Mistranslation", Severity.MINOR, comment="literal idiom"),
            AnnotationDraft(segs[2].id, "Style/Awkward", Severity.MAJOR, state=AnnotationState.PROPOSED),
        ],
        "ann",
    )
    yield store
    store.close()


ALL = frozenset(Status)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ExportFilters(), 3),  # a memory holds confirmed units: the unreviewed MT is left out
        (ExportFilters(statuses=ALL), 4),
        (ExportFilters(statuses=frozenset({Status.APPROVED})), 2),
        (ExportFilters(statuses=frozenset({Status.NEW, Status.CORRECTED})), 2),
        (ExportFilters(statuses=ALL, max_penalty=0), 2),  # the proposed annotation does not count
        (ExportFilters(statuses=ALL, max_penalty=1), 3),
        (ExportFilters(max_penalty=1), 2),
        (ExportFilters(statuses=frozenset({Status.APPROVED}), max_penalty=0), 1),
        (ExportFilters(documents=("article",)), 3),
    ],
)
def test_preview_count_matches_what_is_written(
    project, tmp_path: Path, filters: ExportFilters, expected: int
) -> None:  # type: ignore[no-untyped-def]
    assert count_matching(project, filters, fmt="tmx") == expected
    result = export_project(project, "tmx", tmp_path / "o.tmx", filters)
    assert result.written == expected
    assert len(read_tmx(tmp_path / "o.tmx").segments) == expected


def test_default_selection_per_format(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every unit goes to a file format with states (PO fuzzy, XLIFF state, the review sheet); a memory
    gets confirmed units only."""
    assert count_matching(project, ExportFilters(), fmt="po") == 4
    assert count_matching(project, ExportFilters(), fmt="xlsx") == 4
    assert count_matching(project, ExportFilters(), fmt="tmx") == 3
    assert count_matching(project, ExportFilters()) == 4


def test_untouched_units_that_arrived_translated_are_in_the_memory(tmp_path: Path) -> None:
    from mtreview.formats.state import stamp

    store = open_project(str(tmp_path / "p.mtreview"), create=True)
    try:
        drafts = [
            stamp(SegmentDraft("Open", "開く"), translated=True),  # a PO entry without fuzzy, say
            stamp(SegmentDraft("Close", "閉じる"), translated=True),
            stamp(SegmentDraft("Quit", "終了"), translated=False),  # fuzzy, or plain MT
        ]
        store.add_document(ImportedDocument("menu", drafts, format="po"), "importer")
        segs = list(store.iter_segments())
        assert count_matching(store, ExportFilters(), fmt="tmx") == 2
        # a reviewer rejects one: it is no longer as it arrived, and a rejected unit is not memory
        store.update_segment(segs[1].id, segs[1].version, "r", status=Status.REJECTED)
        assert count_matching(store, ExportFilters(), fmt="tmx") == 1
        # undoing it makes it untouched again
        store.update_segment(segs[1].id, segs[1].version + 1, "r", status=Status.NEW)
        assert count_matching(store, ExportFilters(), fmt="tmx") == 2
        statuses, arrived = parse_selection(["arrived"])
        assert count_matching(store, ExportFilters(statuses=statuses, arrived=arrived), fmt="tmx") == 2
        statuses, arrived = parse_selection(["all"])
        assert count_matching(store, ExportFilters(statuses=statuses, arrived=arrived), fmt="tmx") == 3
        result = export_project(store, "tmx", tmp_path / "o.tmx")
        assert [s.source for s in read_tmx(tmp_path / "o.tmx").segments] == ["Open", "Close"]
        assert result.written == 2
    finally:
        store.close()


def test_unknown_document_and_status_are_input_errors(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        count_matching(project, ExportFilters(documents=("nope",)))
    with pytest.raises(InputError):
        parse_statuses(["approved,finished"])
    assert parse_statuses(["approved,new", "corrected"]) == {Status.APPROVED, Status.NEW, Status.CORRECTED}


def test_refuses_to_overwrite_an_input_of_the_project(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        export_project(project, "tmx", tmp_path / "source.tmx")
    assert (tmp_path / "source.tmx").read_text("utf-8") == "placeholder input file"


def test_scores_and_annotations_travel_with_the_units(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    export_project(project, "tmx", tmp_path / "o.tmx", ExportFilters(statuses=ALL))
    tus = etree.parse(str(tmp_path / "o.tmx")).getroot().findall("body/tu")
    props = [{p.get("type"): p.text for p in tu.findall("prop")} for tu in tus]
    assert [p["x-mtreview-status"] for p in props] == ["approved", "approved", "corrected", "new"]
    assert props[1]["x-mtreview-mqm"] == "5" and props[2]["x-mtreview-mqm"] == "1"
    assert "x-mtreview-chrf" in props[1] and "x-mtreview-chrf" not in props[0]  # chrF only with a correction
    notes = [[n.text for n in tu.findall("note")] for tu in tus]
    assert len(notes[2]) == 1 and "literal idiom" in notes[2][0]  # the proposed finding is not exported
    assert tus[1].get("changeid") == "ann"


@pytest.mark.parametrize(
    ("fmt", "reader"),
    [("tmx", read_tmx), ("po", read_po), ("xliff", read_xliff)],
)
def test_exported_memory_reimports_with_the_corrected_text(project, tmp_path: Path, fmt: str, reader) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"o.{fmt}"
    export_project(project, fmt, out, ExportFilters(statuses=ALL))
    doc = reader(out)
    expected = [s.target for s in project.iter_segments()]
    assert [s.target for s in doc.segments] == expected
    assert [s.source for s in doc.segments] == [s for s, _ in PAIRS]


def test_xlsx_sheet_reimports_with_segment_ids(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export_project(project, "xlsx", tmp_path / "o.xlsx")
    doc = read_xlsx(tmp_path / "o.xlsx")
    assert [s.meta["segment_id"] for s in doc.segments] == [f"article#{i}" for i in range(1, 5)]
    assert [s.corrected for s in doc.segments] == [s.corrected for s in project.iter_segments()]
    assert doc.segments[1].meta["annotations"][0]["severity"] == "major"


def test_mqm_tsv_is_dispatched_by_name(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = export_project(project, "mqm-tsv", tmp_path / "o.tsv")
    assert result.written == 4
    assert (tmp_path / "o.tsv").read_text("utf-8").startswith("system\t")


def test_progress_and_cancel(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from mtreview.domain.errors import Cancelled
    from mtreview.domain.progress import Progress

    seen: list[tuple[int, int]] = []
    export_project(project, "csv", tmp_path / "o.csv", progress=Progress(lambda d, t, m: seen.append((d, t))))
    assert seen and seen[-1][1] == 4
    with pytest.raises(Cancelled):
        export_project(project, "csv", tmp_path / "c.csv", progress=Progress(cancelled_fn=lambda: True))
    assert not (tmp_path / "c.csv").exists()


@pytest.mark.shared
def test_seed_page_project_exports_memories_that_reimport_identically(
    seed_page: Path, tmp_path: Path
) -> None:
    from mtreview.services.project import ProjectService

    service = ProjectService.open(tmp_path / "seed.mtreview", "reviewer", create=True)
    try:
        service.import_path(seed_page)
        store = service._store
        segs = list(store.iter_segments())
        # a reviewer corrects and approves one segment and flags an error in another
        store.update_segment(
            segs[1].id,
            segs[1].version,
            "reviewer",
            corrected=segs[1].mt + "（確認済み）",
            status=Status.APPROVED,
        )
        store.add_annotations(
            [AnnotationDraft(segs[2].id, "Accuracy/Mistranslation", Severity.MAJOR, start=0, end=2)],
            "reviewer",
        )
        expected = [(s.source, s.target) for s in store.iter_segments()]
        default = tmp_path / "default.tmx"
        export_project(store, "tmx", default)  # a memory: only the confirmed unit, not the raw MT
        assert [s.target for s in read_tmx(default).segments] == [segs[1].mt + "（確認済み）"]
        for fmt, reader in (("tmx", read_tmx), ("po", read_po), ("xliff", read_xliff)):
            out = tmp_path / f"seed.{fmt}"
            export_project(store, fmt, out, ExportFilters(statuses=ALL))
            doc = reader(out)
            assert [(s.source, s.target) for s in doc.segments] == expected, fmt
            again = tmp_path / f"again.{fmt}"
            # the re-imported file exports to the same memory again
            from mtreview.formats.base import WriteOptions, units_from_document
            from mtreview.formats.registry import require_writer

            require_writer(fmt).write(again, units_from_document(doc), WriteOptions(document_meta=doc.meta))
            assert [(s.source, s.target) for s in reader(again).segments] == expected, fmt
        export_project(store, "xlsx", tmp_path / "seed.xlsx")
        sheet = read_xlsx(tmp_path / "seed.xlsx")
        assert [
            (s.source, s.corrected if s.corrected is not None else s.target) for s in sheet.segments
        ] == expected
    finally:
        service.close()
