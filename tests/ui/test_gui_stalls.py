"""The GUI thread is never busy for long while a long job runs (issue 18's watchdog, as a test).

``StallWatch`` records, for every turn of the event loop, the GUI thread's own CPU time: from the click on
Tools ▸ Run Checks to the findings on screen, no turn may take more than 100 ms of it. CPU time of the GUI
thread, not wall time: a loaded machine delays the loop but does not make the GUI thread work more.
Waits are for the job's signals (wall clock only as a generous backstop). Both run with the checks in this
process and in two worker processes (``mtreview.qa.parallel``, forced here: a real run uses them from 4,000
segments).
"""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from mtreview.domain.model import AnnotationState
from mtreview.services.prefs import Preferences
from mtreview.services.project import ProjectService

LIMIT_S = 0.100
N = 3000

PAIRS = [
    (
        "The committee met on Monday and approved {n} new permits.",
        "委員会は月曜日に会合し、{m}件の新しい許可を承認しました。",
    ),
    (
        "Visitors may not bring food into the reading room.",
        "来館者は閲覧室に食べ物を持ち込むことができます。",
    ),
    ("The bridge will be closed for {n} days in March.", "橋は3月に{n}日間閉鎖されます。"),
    ("Please return the form before the end of the month.", "月末までに用紙を返送してください。"),
    ("Prices rose by {n} percent over the last year.", "昨年、価格は{m}パーセント上昇しました。"),
]


@pytest.fixture
def big_project(tmp_path):  # type: ignore[no-untyped-def]
    lines = ["source\ttarget"]
    for i in range(N):
        en, ja = PAIRS[i % len(PAIRS)]
        n = i % 97 + 2
        m = n + 1 if i % 4 == 0 else n  # a number changed in the MT now and then: findings to store
        lines.append(f"{en.format(n=n)}\t{ja.format(n=n, m=m)}")
    tsv = tmp_path / "big.tsv"
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    service = ProjectService.open(tmp_path / "big.mtreview", "tester", create=True)
    service.import_path(tsv)
    yield service
    service.close()


@pytest.fixture
def big_window(qtbot, big_project):  # type: ignore[no-untyped-def]
    from mtreview.ui.main_window import MainWindow

    w = MainWindow(big_project, Preferences(reviewer="tester"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    # Earlier tests in this process leave garbage cycles (their windows, models, engines): the next full
    # collection finalises them in whichever thread allocates then (measured: 10,000 objects, 270-800 ms),
    # which is not this run's work. Collect them now, before the watch starts.
    gc.collect()
    yield w
    w.close()


WORKERS = pytest.mark.parametrize("workers", ["1", "2"], ids=["one-process", "two-workers"])


@WORKERS
def test_run_checks_never_keeps_the_gui_thread_busy(
    qtbot, big_window, big_project, workers, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from mtreview.ui.stall_watch import StallWatch

    monkeypatch.setenv("MTREVIEW_CHECK_WORKERS", workers)
    w = big_window
    watch = StallWatch(parent=w).start()
    # the findings are read on a worker after the run and shown: wait for them (n > 0: not a refresh
    # from before the run)
    with qtbot.waitSignal(w.findings_panel.shown, timeout=900_000, check_params_cb=lambda n: n > 0) as shown:
        w.registry.action("tools.run_checks").trigger()
    qtbot.wait(50)  # let whatever was queued behind it run under the watch too
    watch.stop()
    stored = big_project.annotations(states=[AnnotationState.PROPOSED])
    assert len(stored) >= N // 8, "the checks found the changed numbers and stored them"
    assert shown.args == [len(stored)]
    assert w.findings_panel.listed(0) > 0  # a group opens onto its findings
    assert watch.ticks > 0
    assert watch.stalls(LIMIT_S) == [], (
        f"GUI thread busy for {watch.worst_cpu * 1000:.0f} ms of CPU in one turn of the event loop "
        f"(worst wall gap {watch.worst_wall * 1000:.0f} ms): {watch.stalls(LIMIT_S)}"
    )
    assert multiprocessing.active_children() == []


@WORKERS
def test_run_checks_can_be_cancelled_and_stores_nothing(
    qtbot, big_window, big_project, workers, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    monkeypatch.setenv("MTREVIEW_CHECK_WORKERS", workers)
    w = big_window
    w.registry.action("tools.run_checks").trigger()
    task = w.operations.tasks["checks"]
    seen: list[int] = []
    outcome: list[str] = []

    def progressed(done: int, total: int, _message: str) -> None:  # on the worker: no race with the job
        if total == N:  # the checks themselves (not the analysers' warm-up)
            seen.append(done)
        if total == N and 0 < done < total:
            task.cancel()  # as the progress dialog's Cancel does, mid-run

    task._worker.progressed.connect(progressed, Qt.ConnectionType.DirectConnection)
    task.cancelled.connect(lambda: outcome.append("cancelled"))
    task.succeeded.connect(lambda _r: outcome.append("finished"))
    with qtbot.waitSignal(task.done, timeout=900_000):
        pass
    assert outcome == ["cancelled"]
    assert any(0 < d < N for d in seen), "it was cancelled while checking, not before or after"
    assert big_project.annotations() == []
    assert multiprocessing.active_children() == []  # the workers end with the cancel
