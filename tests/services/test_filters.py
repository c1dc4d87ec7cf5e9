"""Grid filters: each condition alone and combined, over segments and their annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.filters import SegmentFilter
from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity, Status
from mtreview.services.filters import filter_choices, filter_ids
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.services.textsearch import SearchSpec


@pytest.fixture
def service(project_url: str, tmp_path: Path):
    tsv = tmp_path / "f.tsv"
    tsv.write_text("".join(f"Row {i} text.\t{i}行目の文。\n" for i in range(1, 7)), encoding="utf-8")
    s = ProjectService.open(project_url, "rin", create=True)
    s.import_path(tsv)
    ids = s.segment_ids()
    s._store.add_annotations(
        [
            AnnotationDraft(
                ids[0],
                "Accuracy/Mistranslation",
                Severity.MAJOR,
                origin="numbers",
                state=AnnotationState.PROPOSED,
            ),
            AnnotationDraft(
                ids[1],
                "Fluency/Punctuation",
                Severity.MINOR,
                origin="punctuation-width",
                state=AnnotationState.PROPOSED,
            ),
            AnnotationDraft(
                ids[2],
                "Accuracy/Omission",
                Severity.CRITICAL,
                origin="omission",
                state=AnnotationState.DISMISSED,
            ),
            AnnotationDraft(ids[3], "Style/Awkward", Severity.MINOR),
        ],
        "qa",
    )
    s.save(SegmentChange.confirm(ids[4], "5行目。", s.segment(ids[4]).version)).require_saved()
    yield s
    s.close()


def _ordinals(service: ProjectService, ids: list[int]) -> list[int]:
    return [service.segment(i).ordinal for i in ids]


@pytest.mark.parametrize(
    ("flt", "ordinals"),
    [
        (SegmentFilter(), [1, 2, 3, 4, 5, 6]),
        (SegmentFilter(has_findings=True), [1, 2]),
        (SegmentFilter(has_findings=False), [3, 4, 5, 6]),
        (SegmentFilter(severities=frozenset({Severity.MINOR})), [2, 4]),
        (SegmentFilter(severities=frozenset({Severity.CRITICAL})), []),  # dismissed does not count
        (SegmentFilter(categories=("Accuracy",)), [1]),
        (SegmentFilter(categories=("Style/Awkward", "Fluency")), [2, 4]),
        (SegmentFilter(checks=("numbers", "omission")), [1]),
        (SegmentFilter(statuses=frozenset({Status.APPROVED})), [5]),
        (SegmentFilter(authors=("rin",)), [5]),
        (SegmentFilter(annotation_authors=("qa",)), [1, 2, 4]),
        (SegmentFilter(has_findings=True, severities=frozenset({Severity.MAJOR})), [1]),
        (SegmentFilter(statuses=frozenset({Status.NEW}), categories=("Style",)), [4]),
    ],
)
def test_conditions_alone_and_combined(
    service: ProjectService, flt: SegmentFilter, ordinals: list[int]
) -> None:
    assert _ordinals(service, filter_ids(service, flt)) == ordinals


def test_confidence_and_search(service: ProjectService) -> None:
    assert filter_ids(service, SegmentFilter(max_confidence=0.5)) == []
    assert len(filter_ids(service, SegmentFilter(min_confidence=0.5))) == 6
    found = filter_ids(service, SegmentFilter(has_findings=False), SearchSpec("5行目"))
    assert _ordinals(service, found) == [5]


def test_choices(service: ProjectService) -> None:
    choices = filter_choices(service)
    assert choices["checks"] == ["numbers", "omission", "punctuation-width"]
    assert "Style/Awkward" in choices["categories"]
    assert choices["authors"] == ["rin"]
