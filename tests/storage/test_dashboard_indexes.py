"""The dashboard's counts read indexes (migration 0006), not the segment rows that carry the texts.

At 100k segments every pass over the segment table costs 0.15–0.3 s; the dashboard's goal is 1 s in all
(issue 18). These tests look at SQLite's plan for the statements the dashboard really runs, and check
that statistics gone stale (a correction changed since they were stored) are computed again.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import event

from mtreview.scoring import metrics
from mtreview.services import dashboard, segment_stats
from mtreview.services.project import ProjectService, SegmentChange, read_input
from mtreview.storage import figures

ROWS = [
    ("The library reopened on Saturday.", "図書館は土曜日に再開しました。", "図書館は土曜日に再開した。"),
    ("Entry is free for children.", "子供の入場は無料です。", "子供は入場無料です。"),
    ("Hours are 9 a.m. to 8 p.m.", "開館は午前9時から午後8時まで。", ""),
]


def _project(tmp_path: Path) -> ProjectService:
    svc = ProjectService.open(tmp_path / "p.mtreview", "lead", create=True)
    src = tmp_path / "doc.tsv"
    src.write_text("source\ttarget\tcorrected\n" + "".join(f"{s}\t{m}\t{c}\n" for s, m, c in ROWS), "utf-8")
    svc.import_document(dataclasses.replace(read_input(src), engine="e"))
    return svc


@contextmanager
def _statements(svc: ProjectService) -> Iterator[list[tuple[str, object]]]:
    seen: list[tuple[str, object]] = []
    engine = svc._store.engine

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _plans(path: Path, statements: list[tuple[str, object]]) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [
            " | ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + sql, params))  # type: ignore[arg-type]
            for sql, params in statements
            if sql.lstrip().upper().startswith("SELECT")
        ]


def test_counts_and_statistics_read_indexes_not_segment_rows(tmp_path: Path) -> None:
    svc = _project(tmp_path)
    try:
        store = svc._store
        signature = segment_stats.layout().signature
        for read in (
            lambda: figures.status_counts(store),
            lambda: figures.approvals(store),
            lambda: figures.corrected_metrics(store, signature),
        ):
            with _statements(svc) as seen:
                read()
            plans = _plans(tmp_path / "p.mtreview", seen)
            assert plans, "the read ran no SELECT"
            for plan in plans:
                scans = [step for step in plan.split(" | ") if step.startswith("SCAN")]
                assert scans and all(
                    "COVERING INDEX ix_segment_doc_status_author" in step
                    or "INDEX ix_segment_corrected" in step
                    for step in scans
                ), plan
    finally:
        svc.close()


def test_statistics_of_a_changed_correction_are_computed_again(tmp_path: Path) -> None:
    svc = _project(tmp_path)
    try:
        first = dashboard.build(svc)
        assert len(first.report.chrf_values) == 2  # the two corrected segments
        seg = next(s for s in svc._store.iter_segments() if s.corrected and "入場" in s.corrected)
        new_text = "入場は子供なら無料。"
        svc.save(SegmentChange.edit(seg.id, new_text, seg.version)).require_saved()
        again = dashboard.build(svc)
        expected = metrics.chrf_of(
            metrics.one_segment_stats(metrics.MetricInput(mt=seg.mt, corrected=new_text)).chrf
        )
        assert expected in again.report.chrf_values
        assert sorted(again.report.chrf_values) != sorted(first.report.chrf_values)
        worst = [w.segment_id for w in again.worst]
        assert set(worst) == {s.id for s in svc._store.iter_segments() if s.corrected}
    finally:
        svc.close()
