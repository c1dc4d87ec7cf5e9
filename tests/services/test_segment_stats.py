"""sacrebleu statistics are stored with the segment version they describe and reused: opening a project
computes only what is missing or stale, and the scores built from stored statistics equal sacrebleu's."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.scoring import metrics
from mtreview.services import segment_stats
from mtreview.services.live_scores import LiveScores
from mtreview.services.project import ProjectService, SegmentChange
from mtreview.services.scores import score_project
from mtreview.storage import figures

ROWS = [
    ("The library reopened on Saturday.", "図書館は土曜日に再開しました。", "図書館は土曜日に再開した。"),
    (
        "Ms Holden thanked the volunteers.",
        "ホルデン社はボランティアに感謝した。",
        "ホールデン氏はボランティアに感謝した。",
    ),
    ("Entry is free.", "入場は無料です。", ""),
    ("It cost $3.2 million.", "費用は320万円だった。", "費用は320万ドルだった。"),
    (
        "Hours are 9 a.m. to 8 p.m.",
        "開館は午前9時から午後8時まで。",
        "開館時間は午前9時から午後8時までです。",
    ),
]


@pytest.fixture
def service(tmp_path: Path):  # type: ignore[no-untyped-def]
    src = tmp_path / "doc.tsv"
    src.write_text(
        "source\ttarget\tcorrected\n" + "".join(f"{s}\t{m}\t{c}\n" for s, m, c in ROWS), encoding="utf-8"
    )
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    svc.import_path(src)
    yield svc
    svc.close()


def _stored(svc: ProjectService) -> dict[int, tuple[int, float, float, bytes]]:
    return {r[0]: r[1:] for r in figures.load_stats(svc._store, segment_stats.layout().signature)}


def _count_computations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = metrics.segment_stats

    def counting(pairs, chunk=2000):  # type: ignore[no-untyped-def]
        calls.append(len(pairs))
        return real(pairs, chunk)

    monkeypatch.setattr(metrics, "segment_stats", counting)
    return calls


def test_statistics_are_computed_once_and_stored_with_the_segment_version(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    segment_stats.layout()  # the signature's probes are computed before counting
    calls = _count_computations(monkeypatch)
    first = LiveScores(service)
    corrected = [s for s in service._store.iter_segments() if s.corrected is not None]
    assert sum(calls) == len(corrected) == 4
    stored = _stored(service)
    assert {sid: row[0] for sid, row in stored.items()} == {s.id: s.version for s in corrected}
    calls.clear()
    again = LiveScores(service)  # a second open reads them: no sacrebleu call at all
    assert calls == []
    for seg in service._store.iter_segments():
        assert again.segment(seg.id) == first.segment(seg.id)
    doc = service._store.documents()[0].id
    assert again.document_chrf(doc) == first.document_chrf(doc)


def test_a_correction_stores_its_new_statistics_and_a_stale_row_is_recomputed(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = LiveScores(service)
    third = next(s for s in service._store.iter_segments() if s.ordinal == 3)
    saved = service.save(SegmentChange.confirm(third.id, "入場は無料。", third.version)).require_saved()
    seg = saved.segment
    live.apply(saved.changes)
    assert _stored(service)[seg.id][0] == seg.version
    assert live.segment(seg.id).chrf == metrics.sentence_chrf(
        metrics.MetricInput(mt=seg.mt, corrected=seg.target)
    )
    # a change the live scores did not see (another client without mtreview's scores, a script): the
    # stored row describes the old version and is recomputed at the next open, only that one
    first = next(s for s in service._store.iter_segments() if s.ordinal == 1)
    them = ProjectService(service._store, "them")
    changed = (
        them.save(SegmentChange.edit(first.id, "図書館が再開した。", first.version)).require_saved().segment
    )
    calls = _count_computations(monkeypatch)
    reopened = LiveScores(service)
    assert calls == [1]
    assert _stored(service)[first.id][0] == changed.version
    assert reopened.segment(first.id).chrf == metrics.sentence_chrf(
        metrics.MetricInput(mt=changed.mt, corrected="図書館が再開した。")
    )


def test_another_metric_configuration_recomputes_everything(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    LiveScores(service)
    before = _stored(service)
    before_signature = segment_stats.layout().signature
    segment_stats.layout.cache_clear()
    real = metrics.signatures
    monkeypatch.setattr(metrics, "signatures", lambda: {**real(), "ter": real()["ter"] + "|normalised"})
    try:
        assert segment_stats.layout().signature != before_signature
        calls = _count_computations(monkeypatch)
        LiveScores(service)
        assert sum(calls) == len(before) == 4
        assert _stored(service).keys() == before.keys()
    finally:
        segment_stats.layout.cache_clear()


def test_scores_from_stored_statistics_equal_sacrebleu_on_the_strings(service: ProjectService) -> None:
    LiveScores(service)
    report = score_project(service._store)  # from the stored statistics
    pairs = [(mt, corrected) for _s, mt, corrected in ROWS if corrected]
    hyps, refs = [mt for mt, _c in pairs], [[c for _m, c in pairs]]
    doc = report.documents[0]
    assert doc.chrf == metrics.chrf_metric().corpus_score(hyps, refs).score
    assert doc.ter == metrics.ter_metric().corpus_score(hyps, refs).score
    assert doc.bleu == metrics.bleu_metric().corpus_score(hyps, refs).score
    by_id = {s.id: s for s in report.segments}
    for i, (_s, mt, corrected) in enumerate(ROWS, start=1):
        seg = by_id[f"doc#{i}"]
        if corrected:
            assert seg.chrf == metrics.chrf_metric().sentence_score(mt, [corrected]).score
        else:
            assert seg.chrf is None and seg.ter is None


def test_segments_without_a_word_count_are_counted_and_stored(service: ProjectService) -> None:
    with service._store.engine.begin() as c:
        c.exec_driver_sql("UPDATE segment SET words = NULL")
    live = LiveScores(service)
    words = {r[0]: r[4] for r in figures.segment_numbers(service._store)}
    assert words == {s.id: len(s.source.split()) for s in service._store.iter_segments()}
    doc = service._store.documents()[0].id
    assert live.document(doc).words == sum(len(s.split()) for s, _m, _c in ROWS)
