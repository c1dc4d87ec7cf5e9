"""Bulk triage: a whole check's findings dismissed in one step and back in one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import ConflictError
from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity
from mtreview.services.project import ProjectService
from mtreview.services.triage import checks_with_findings, findings_of_check, triage


@pytest.fixture
def service(project_url: str, tmp_path: Path):
    tsv = tmp_path / "many.tsv"
    tsv.write_text("".join(f"Line {i}.\t{i}行目。\n" for i in range(1, 81)), encoding="utf-8")
    s = ProjectService.open(project_url, "rin", create=True)
    s.import_path(tsv)
    ids = s.segment_ids()
    drafts = [
        AnnotationDraft(
            sid,
            "Fluency/Punctuation",
            Severity.MINOR,
            origin="punctuation-width",
            state=AnnotationState.PROPOSED,
        )
        for sid in ids[:65]
    ] + [
        AnnotationDraft(
            sid, "Accuracy/Mistranslation", Severity.MAJOR, origin="numbers", state=AnnotationState.PROPOSED
        )
        for sid in ids[:5]
    ]
    s._store.add_annotations(drafts, "mtreview-qa")
    yield s
    s.close()


def test_dismiss_a_whole_check_and_undo_it_in_one_step(service: ProjectService) -> None:
    assert checks_with_findings(service) == {"punctuation-width": 65, "numbers": 5}
    findings = findings_of_check(service, "punctuation-width")
    revisions_before = len(service.revisions())
    inverse, changes = triage(service, findings, AnnotationState.DISMISSED)
    assert len(changes.annotations) == 65
    assert checks_with_findings(service) == {"numbers": 5}
    assert len(service.revisions()) == revisions_before + 65
    assert all(
        a.state == AnnotationState.DISMISSED for a in service.annotations() if a.origin == "punctuation-width"
    )
    redo, _ = inverse.apply(service)
    assert checks_with_findings(service) == {"punctuation-width": 65, "numbers": 5}
    redo.apply(service)
    assert checks_with_findings(service) == {"numbers": 5}


def test_a_finding_someone_else_triaged_meanwhile_refuses_the_whole_step(
    service: ProjectService, project_url: str
) -> None:
    findings = findings_of_check(service, "numbers")
    other = ProjectService.open(project_url, "sol")
    try:
        other.triage(findings[2].id, findings[2].version, AnnotationState.CONFIRMED)
    finally:
        other.close()
    with pytest.raises(ConflictError):
        triage(service, findings, AnnotationState.DISMISSED)
    states = {a.id: a.state for a in service.annotations() if a.origin == "numbers"}
    assert sorted(states.values()) == sorted([AnnotationState.PROPOSED] * 4 + [AnnotationState.CONFIRMED])
