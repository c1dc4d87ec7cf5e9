"""Live scores equal a from-scratch score of the project after every kind of change."""

from mtreview.domain.model import AnnotationDraft, Changes, Severity
from mtreview.services.live_scores import LiveScores
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.services.scores import score_project


def _same(live, service):
    report = score_project(service._store)
    docs = {d.id: d for d in service.documents()}
    for doc_score in report.documents:
        doc_id = next(i for i, d in docs.items() if d.name == doc_score.name)
        mine = live.document(doc_id)
        assert abs(mine.penalty - doc_score.mqm_penalty) < 1e-9
        assert abs(mine.per_1000_chars - doc_score.mqm_per_1000_chars) < 1e-9
        assert abs(mine.quality - doc_score.quality) < 1e-9
        chrf = live.document_chrf(doc_id)
        assert (chrf is None and doc_score.chrf is None) or abs(chrf - doc_score.chrf) < 1e-9
        judged = live.judgement(doc_id)
        assert (judged.verdict, judged.reviewed) == (
            doc_score.judgement.verdict,
            doc_score.judgement.reviewed,
        )
    ids = service.segment_ids()
    for seg_score, sid in zip(report.segments, ids, strict=True):
        assert abs(live.segment(sid).mqm - seg_score.mqm_penalty) < 1e-9
        assert live.segment(sid).chrf == seg_score.chrf


def test_live_scores_follow_edits_and_annotations(tmp_path):
    src = tmp_path / "d.tsv"
    src.write_text(
        "source\ttarget\tcorrected\nOne.\t一。\t一つ。\nTwo dogs.\t犬が二匹。\t\nThree.\t三。\t\n",
        encoding="utf-8",
    )
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    svc.import_path(src)
    live = LiveScores(svc)
    _same(live, svc)
    ids = svc.segment_ids()
    seg = svc.segment(ids[1])
    ann, changes = svc.annotate(
        AnnotationDraft(seg.id, "Accuracy/Mistranslation", Severity.MAJOR, start=0, end=1)
    )
    live.apply(changes)
    _same(live, svc)
    _saved = svc.save(SegmentChange.confirm(seg.id, "二匹の犬がいる。", seg.version)).require_saved()
    seg, changes = _saved.segment, _saved.changes
    live.apply(changes)
    _same(live, svc)
    _a, changes = svc.delete_annotation(ann.id, ann.version)
    live.apply(changes)
    _same(live, svc)
    svc.set_setting("weights", {"major": 10.0})
    svc.annotate(AnnotationDraft(ids[2], "Style/Awkward", Severity.MAJOR))
    live.apply(Changes(settings=True))
    _same(live, svc)
    assert live.segment(ids[2]).mqm == 10.0
    svc.close()
