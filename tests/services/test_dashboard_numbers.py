"""The dashboard's numbers, grouped by the database, are those of a from-scratch score of the project."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from mtreview import i18n
from mtreview.domain.model import AnnotationDraft, AnnotationState, Severity, Side
from mtreview.services import dashboard
from mtreview.services.labels import check_label
from mtreview.services.project import ProjectService, SegmentChange, read_input
from mtreview.services.scores import SegmentScore, score_project

DOC_A = [
    ("The library reopened on Saturday.", "図書館は土曜日に再開しました。", "図書館は土曜日に再開した。"),
    ("Ms Holden thanked the volunteers.", "ホルデン社はボランティアに感謝した。", ""),
    ("Entry is free for children.", "子供の入場は無料です。", "子供は入場無料です。"),
    ("It cost $3.2 million.", "費用は320万円だった。", "費用は320万ドルだった。"),
]
DOC_B = [
    ("Hours are 9 a.m. to 8 p.m.", "開館は午前9時から午後8時まで。", ""),
    ("The café is on the ground floor.", "カフェは一階にあります。", "カフェは1階にあります。"),
    ("Books can be returned at any branch.", "本はどの支店でも返却できます。", ""),
]


def _import(
    svc: ProjectService, folder: Path, name: str, rows: list[tuple[str, str, str]], engine: str
) -> None:
    src = folder / f"{name}.tsv"
    src.write_text("source\ttarget\tcorrected\n" + "".join(f"{s}\t{m}\t{c}\n" for s, m, c in rows), "utf-8")
    svc.import_document(dataclasses.replace(read_input(src), engine=engine))


def _project(tmp_path: Path) -> ProjectService:
    svc = ProjectService.open(tmp_path / "p.mtreview", "lead", create=True)
    _import(svc, tmp_path, "alpha", DOC_A, "engine-1")
    _import(svc, tmp_path, "beta", DOC_B, "engine-2")
    segs = list(svc._store.iter_segments())
    drafts = [
        AnnotationDraft(segs[1].id, "Accuracy/Mistranslation", Severity.MAJOR, Side.TARGET, 0, 4),
        AnnotationDraft(segs[1].id, "Fluency/Punctuation", Severity.MINOR, Side.TARGET, 5, 6),
        AnnotationDraft(segs[3].id, "Accuracy/Mistranslation", Severity.CRITICAL, Side.TARGET, 0, 2),
        AnnotationDraft(segs[4].id, "Style/Awkward", Severity.MINOR),
        AnnotationDraft(segs[5].id, "Non-translation!", Severity.MAJOR),
        AnnotationDraft(segs[6].id, "No-error", Severity.NEUTRAL),
    ]
    svc._store.add_annotations(drafts, "lead")
    qa = [
        AnnotationDraft(
            segs[0].id, "Terminology/Inconsistent use of terminology", Severity.MINOR, origin="numbers"
        ),
        AnnotationDraft(segs[2].id, "Fluency/Grammar", Severity.MAJOR, origin="register-mix"),
        AnnotationDraft(segs[6].id, "Accuracy/Addition", Severity.MINOR, origin="addition"),
    ]
    proposals = svc._store.add_annotations(
        [dataclasses.replace(d, state=AnnotationState.PROPOSED) for d in qa], "mtreview-qa"
    )
    svc.triage(proposals[0].id, proposals[0].version, AnnotationState.CONFIRMED)
    svc.triage(proposals[1].id, proposals[1].version, AnnotationState.DISMISSED)
    for reviewer, seg in (("ana", segs[0]), ("ben", segs[2]), ("ana", segs[5])):
        ProjectService(svc._store, reviewer).save(
            SegmentChange.confirm(seg.id, seg.target, svc.segment(seg.id).version)
        ).require_saved()
    return svc


def _old_worst(rep, svc: ProjectService, n: int = 25) -> list[tuple[int, str, int, float, float | None, str]]:  # type: ignore[no-untyped-def]
    ids = {
        f"{d.name}#{s.ordinal}": (s.id, d.name, s.ordinal, s.source)
        for d in svc._store.documents()
        for s in svc._store.iter_segments(d.id)
    }

    def key(s: SegmentScore) -> tuple[float, float]:
        return (-s.mqm_penalty, s.chrf if s.chrf is not None else 101.0)

    ranked = sorted((s for s in rep.segments if s.mqm_penalty > 0 or s.chrf is not None), key=key)
    return [(*ids[s.id][:3], s.mqm_penalty, s.chrf, ids[s.id][3]) for s in ranked[:n]]


def test_dashboard_numbers_equal_a_from_scratch_score(tmp_path: Path) -> None:
    svc = _project(tmp_path)
    try:
        rep = score_project(svc._store)
        data = dashboard.build(svc)
        assert data.report.documents == rep.documents
        assert data.report.systems == rep.systems
        assert data.report.errors == rep.errors and data.report.errors
        assert data.report.reviewers == rep.reviewers
        assert data.report.statuses == rep.statuses
        assert data.report.signatures == rep.signatures and data.report.weights == rep.weights
        assert sorted(data.report.chrf_values) == sorted(s.chrf for s in rep.segments if s.chrf is not None)
        assert sorted(data.report.mqm_values) == sorted(
            s.mqm_penalty for s in rep.segments if s.mqm_penalty > 0
        )
        worst = [(w.segment_id, w.document, w.ordinal, w.mqm, w.chrf, w.source) for w in data.worst]
        assert worst == _old_worst(rep, svc)
        assert [w[3] for w in worst[:3]] == [
            25.0,
            25.0,
            5.1,
        ]  # critical, non-translation, major + punctuation
        assert data.confirmed == {"alpha": (2, 4), "beta": (1, 3)}
        assert data.reviewers["ana"]["approved"] == 2 and data.reviewers["ben"]["approved"] == 1
        assert data.reviewers["lead"] == Counter(annotations=6, major=2, minor=2, critical=1, neutral=1)
        assert data.reviewers[f"mtreview-qa ({check_label('numbers')})"] == Counter(annotations=1, minor=1)
        try:  # a check's name in the UI language, not its id
            i18n.set_language("ja")
            japanese = dashboard.build(svc).reviewers
        finally:
            i18n.set_language("en")
        assert not any("numbers" in who for who in japanese) and len(japanese) == len(data.reviewers)
        charts = dashboard.render_charts(data.report)  # what the window passes
        assert {"errors", "quality", "chrf", "mqm"} <= charts.keys()
    finally:
        svc.close()
