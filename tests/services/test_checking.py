"""Findings become proposals once; dismissed stays dismissed on re-check; stale proposals are withdrawn."""

from mtreview.domain.model import AnnotationState
from mtreview.services.checking import run_project_checks
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

TSV = (
    "source\ttarget\n"
    "The renovation cost $3.2 million.\t改修には320万円かかりました。\n"
    "Opening hours are 9 a.m. to 8 p.m.\t開館時間は午前9時から午後8時までです。\n"
)


def test_recheck_keeps_triage(tmp_path):
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    src = tmp_path / "d.tsv"
    src.write_text(TSV, encoding="utf-8")
    svc.import_path(src)
    first = run_project_checks(svc)
    proposals = svc.annotations(states=[AnnotationState.PROPOSED])
    assert first.added == len(proposals) > 0
    assert any(a.origin == "numbers" for a in proposals)
    target = next(a for a in proposals if a.origin == "numbers")
    svc.triage(target.id, target.version, AnnotationState.DISMISSED)
    second = run_project_checks(svc)
    assert second.added == 0 and second.removed == 0
    assert svc.annotation(target.id).state == AnnotationState.DISMISSED
    assert len(svc.annotations()) == len(proposals)
    open_numbers = [a for a in svc.annotations(states=[AnnotationState.PROPOSED]) if a.origin == "numbers"]
    without_numbers = run_project_checks(svc, settings={"checks": {"numbers": False}})
    assert without_numbers.removed == len(open_numbers)
    assert all(a.origin != "numbers" for a in svc.annotations(states=[AnnotationState.PROPOSED]))
    assert svc.annotation(target.id).state == AnnotationState.DISMISSED  # triaged work is never removed
    svc.close()


def test_correction_checks_follow_edits_incrementally(tmp_path):
    from mtreview.services.checking import CorrectionChecks

    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    src = tmp_path / "d.tsv"
    src.write_text(TSV, encoding="utf-8")
    svc.import_path(src)
    checks = CorrectionChecks(svc)
    seg = svc.segment(svc.segment_ids()[0])
    assert any(f.check == "numbers" for f in checks.findings(seg))  # 320万円 for $3.2 million
    _saved = svc.save(
        SegmentChange.confirm(seg.id, "改修には320万ドルかかりました。", seg.version)
    ).require_saved()
    fixed, _changes = _saved.segment, _saved.changes
    assert not any(f.check == "numbers" for f in checks.update(fixed))
    _saved = svc.save(
        SegmentChange.confirm(seg.id, "改修には420万ドルかかりました。", fixed.version)
    ).require_saved()
    broken, _changes = _saved.segment, _saved.changes
    after = [f for f in checks.update(broken) if f.check == "numbers"]
    assert after and all(broken.target[f.start : f.end] == f.text for f in after if f.start is not None)
    svc.close()


def test_project_settings_choose_checks_and_glossary(tmp_path):
    from mtreview.services.checking import qa_settings

    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    src = tmp_path / "d.tsv"
    src.write_text("Our Widget ships today.\tウィジェットは本日出荷されます。\n", encoding="utf-8")
    svc.import_path(src)
    svc.set_setting("enabled_checks", ["glossary"])
    svc.set_setting(
        "glossary",
        [{"source": "Widget", "targets": ["Widget"], "type": "product", "forbidden": ["ウィジェット"]}],
    )
    settings = qa_settings(svc._store)
    assert settings["checks"]["glossary"] is True and settings["checks"]["numbers"] is False
    run = run_project_checks(svc)
    found = svc.annotations(states=[AnnotationState.PROPOSED])
    assert run.added == len(found) >= 1
    assert {a.origin for a in found} == {"glossary"}
    seg = svc.segment(found[0].segment_id)
    assert seg.mt[found[0].start : found[0].end] == "ウィジェット"
    svc.close()
