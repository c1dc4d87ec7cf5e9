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


def test_correction_checks_of_a_large_document_are_built_elsewhere_and_catch_up(tmp_path, monkeypatch):
    """Given ``build_later``, a large document's checker is made by the caller's worker (here a thread);
    until it is adopted the document has no findings, and an edit made meanwhile is re-checked after."""
    import threading

    from mtreview.services import checking
    from mtreview.services.checking import CorrectionChecks

    monkeypatch.setattr(checking, "BACKGROUND_FROM", 1)
    from mtreview.qa import analysis

    analysis.warm_up()  # the dictionary ready first: a checker is not rebuilt when it becomes ready
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    src = tmp_path / "d.tsv"
    src.write_text(TSV, encoding="utf-8")
    svc.import_path(src)
    asked: list[tuple[int, object]] = []
    checks = CorrectionChecks(svc, build_later=lambda doc, make: asked.append((doc, make)))
    first, second = (svc.segment(i) for i in svc.segment_ids())
    assert checks.findings(first) == [] and checks.findings(second) == []  # not built yet: nothing
    assert len(asked) == 1 and asked[0][0] == first.document_id  # one build asked for, not one per call
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(asked[0][1](checking.NO_PROGRESS)))
    worker.start()
    worker.join()  # the worker read and checked the document as it was ...
    # ... and the second segment got a wrong number before its result was adopted
    edited = (
        svc.save(SegmentChange.confirm(second.id, "開館時間は午前9時から午後7時までです。", second.version))
        .require_saved()
        .segment
    )
    assert checks.update(edited) == []
    checks.adopt(first.document_id, results[0])
    assert any(f.check == "numbers" for f in checks.findings(first))  # 320万円 for $3.2 million
    assert any(f.check == "numbers" for f in checks.findings(edited))  # 午後7時 for 8 p.m.: caught up
    # a build that ends after forget() is dropped
    checks.forget()
    assert checks.findings(first) == [] and len(asked) == 2
    checks.forget()
    checks.adopt(first.document_id, asked[1][1](checking.NO_PROGRESS))
    assert checks.findings(first) == [] and len(asked) == 3
    svc.close()


def test_findings_are_settled_a_batch_at_a_time(tmp_path, monkeypatch):
    """The stored states are looked up a batch of findings at a time: a dismissed finding stays dismissed
    and is not shown, whichever batch it falls in, and nothing is stored twice."""
    from mtreview.services import checking

    monkeypatch.setattr(checking, "SETTLE_BATCH", 1)
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    src = tmp_path / "d.tsv"
    src.write_text(
        TSV
        + "The bridge is 40 km long and cost $5 million.\t橋の長さは40マイルで、費用は500万円だった。\n"
        + "The tower is 12 m tall.\tその塔の高さは12フィートだ。\n",
        encoding="utf-8",
    )
    svc.import_path(src)
    first = run_project_checks(svc)
    proposals = svc.annotations(states=[AnnotationState.PROPOSED])
    assert first.added == len(proposals) == len(first.findings) > 3
    target = proposals[-1]
    svc.triage(target.id, target.version, AnnotationState.DISMISSED)
    second = run_project_checks(svc)
    assert (second.added, second.kept, second.removed) == (0, first.added, 0)
    assert len(second.findings) == first.added - 1
    dismissed = (target.comment, target.start, target.end)
    assert all((f.message, f.start, f.end) != dismissed for f in second.findings)
    svc.close()


def test_segment_ids_map_check_ids_to_database_ids():
    from mtreview.services.checking import SegmentIds

    ids = SegmentIds()
    for ordinal, db_id in [(1, 10), (2, 11), (5, 14)]:
        ids.add("report#2.docx", ordinal, db_id)
    ids.add("notes", 1, 20)
    ids.add("notes", 1, 21)  # a second document of the same name: the later one's, as a dict would keep
    assert [ids.get(k) for k in ("report#2.docx#1", "report#2.docx#5", "notes#1")] == [10, 14, 21]
    assert [ids.get(k) for k in ("report#2.docx#3", "other#1", "notes#x", "notes")] == [None] * 4
