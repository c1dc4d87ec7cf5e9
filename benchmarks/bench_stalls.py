"""GUI-stall watchdog (issue 18): the main window (offscreen) driven through what a reviewer does on a large
project while ``mtreview.ui.stall_watch.StallWatch`` records every turn of the event loop.

Steps: open a reviewed project (every segment corrected: scores from stored statistics) until its live
scores are ready; scroll through the grid; search; confirm segments (Ctrl+Enter); open the Dashboard until
it shows; Run Checks until the findings are listed (``--skip-checks`` to leave it out: minutes at 100k).
Export is not driven here (its dialog is modal; it runs through ``ui.tasks`` like the checks).

For each step: the worst *wall* gap between two turns (what a user sees; the machine's load counts in
it) and the worst gap in the GUI thread's own *CPU* time (work we did on the GUI thread), goal ≤ 100 ms
each. Floor: the worst wall gap of the idle event loop for two seconds in the same run (the load's share).
Usage: python benchmarks/bench_stalls.py [--n 100000] [--skip-checks]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus, default_n, record, run_child, scratch

LIMIT_MS = 100


def wait_until(app: object, done: Callable[[], bool], backstop_s: float = 3600) -> None:
    """Turn the event loop until ``done()`` (a script, not a test: the wall clock is only a backstop)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start()
    end = time.perf_counter() + backstop_s
    while not done() and time.perf_counter() < end:
        loop.exec()
    timer.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=default_n(100_000))
    ap.add_argument("--skip-checks", action="store_true")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    from bench_waits import reviewed_tsv

    folder = corpus(args.n)
    work = scratch()
    project = work / "reviewed.mtreview"
    try:
        run_child(
            ["-m", "mtreview", "import", str(reviewed_tsv(folder)), "--project", str(project), "--no-checks"]
        )
        run_child(["-m", "mtreview", "score", str(project)], check=False)  # statistics stored once
        drive(project, args.n, args.skip_checks)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def drive(project: Path, n: int, skip_checks: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService
    from mtreview.ui.main_window import MainWindow
    from mtreview.ui.stall_watch import StallWatch

    app = QApplication.instance() or QApplication([])
    idle = StallWatch().start()
    end = time.perf_counter() + 2
    wait_until(app, lambda: time.perf_counter() > end)
    idle.stop()
    floor_ms = max(idle.worst_wall, idle.interval * 2) * 1000
    results: list[tuple[str, StallWatch, float]] = []

    def step(name: str, action: Callable[[], None], done: Callable[[], bool]) -> None:
        watch = StallWatch().start()
        t0 = time.perf_counter()
        action()
        wait_until(app, done)
        watch.stop()
        results.append((name, watch, time.perf_counter() - t0))
        print(
            f"  {name}: {time.perf_counter() - t0:.1f} s; worst wall gap {watch.worst_wall * 1000:.0f} ms, "
            f"worst GUI-thread CPU in one turn {watch.worst_cpu * 1000:.0f} ms",
            flush=True,
        )

    box: dict[str, object] = {}

    def open_window() -> None:
        service = ProjectService.open(project, "bench")
        w = MainWindow(service, Preferences(reviewer="bench"))
        w.show()
        box["w"] = w

    step("open until scores are ready", open_window, lambda: box["w"].panels.live is not None)  # type: ignore[attr-defined]
    w = box["w"]
    rows = len(w.model.ids())  # type: ignore[attr-defined]
    targets = [w.model.ids()[r] for r in range(0, rows, max(1, rows // 25))]  # type: ignore[attr-defined]

    def scroll() -> None:
        for sid in targets:
            w.grid.select_segment(sid)  # type: ignore[attr-defined]
            app.processEvents()  # type: ignore[attr-defined]

    step("scroll to 25 places", scroll, lambda: True)
    step(
        "search (filter the grid)",
        lambda: w.grid.search.setText("the"),  # type: ignore[attr-defined]
        lambda: w.grid.search.text() == "the" and not w.grid._search_timer.isActive(),  # type: ignore[attr-defined]
    )
    w.grid.search.clear()  # type: ignore[attr-defined]
    wait_until(app, lambda: not w.grid._search_timer.isActive())  # type: ignore[attr-defined]

    def confirm() -> None:
        for _ in range(20):
            w.registry.action("review.confirm").trigger()  # type: ignore[attr-defined]
            app.processEvents()  # type: ignore[attr-defined]

    step("confirm 20 segments", confirm, lambda: True)
    step(
        "open the Dashboard until it shows",
        lambda: w.views.setCurrentWidget(w.dashboard),  # type: ignore[attr-defined]
        lambda: w.views_controller.dashboard_task is None and not w.views_controller.dashboard_stale,  # type: ignore[attr-defined]
    )
    if not skip_checks:
        shown: list[int] = []
        w.findings_panel.shown.connect(lambda k: shown.append(k))  # type: ignore[attr-defined]
        step(
            "Run Checks until the findings are listed",
            lambda: w.registry.action("tools.run_checks").trigger(),  # type: ignore[attr-defined]
            lambda: any(k > 0 for k in shown),
        )
    for name, watch, seconds in results:
        for kind, value in (("wall", watch.worst_wall), ("GUI-thread CPU", watch.worst_cpu)):
            record(
                f"GUI stall, {name}: worst {kind} in one turn",
                value * 1000,
                "ms",
                floor=floor_ms if kind == "wall" else None,
                floor_label="idle event loop's worst gap" if kind == "wall" else "",
                max_value=LIMIT_MS,
                n=n,
                note=f"step {seconds:.1f} s; {len(watch.stalls(LIMIT_MS / 1000, 'wall'))} wall gaps over "
                f"{LIMIT_MS} ms",
            )
    w.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
