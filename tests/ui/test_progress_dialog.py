"""Long jobs' progress dialog: its title fits, and a phase of unknown length shows a busy bar rather than a
bar frozen at 100% (Run Checks sat at 100% while it stored 20k proposals)."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QProgressDialog, QWidget

from mtreview.ui.tasks import run_with_progress


def test_phase_of_unknown_length_is_busy_and_the_title_fits(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def job(progress):
        progress.report(10, 10, "Checking…")
        progress.report(0, 0, "Saving 20000 proposals…")
        release.wait(60)
        return "done"

    results = []
    title = "Running checks on a long review"
    task = run_with_progress(parent, title, job, results.append, lambda exc, details: results.append(exc))
    dialog = parent.findChild(QProgressDialog)
    with qtbot.waitSignal(
        task.progressed, check_params_cb=lambda d, t, m: m.startswith("Saving"), timeout=60000
    ):
        pass
    assert dialog.labelText() == "Saving 20000 proposals…"
    assert (dialog.minimum(), dialog.maximum()) == (0, 0)  # busy, not 10/10
    assert dialog.minimumWidth() >= dialog.fontMetrics().horizontalAdvance(title)
    with qtbot.waitSignal(task.done, timeout=60000):
        release.set()
    assert results == ["done"]


def test_a_job_that_builds_a_large_heap_never_makes_anyone_walk_all_of_it(qtbot):
    """A full collection walks every object, holding the GIL: on a heap of millions, a stall of the window
    for as long, on whichever thread happened to allocate last (the GUI thread's own turns included). While
    a job runs there is none; the collector's settings are as they were once it ends."""
    import gc

    parent = QWidget()
    qtbot.addWidget(parent)
    full: list[str] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(threading.current_thread().name)

    def job(progress):
        kept = []
        for i in range(600_000):  # what a long job keeps (documents, findings): enough for several
            kept.append([i])  # full collections with the collector's default thresholds
        return len(kept)

    before = gc.get_threshold()
    results = []
    gc.callbacks.append(watch)
    try:
        task = run_with_progress(parent, "Building", job, results.append, lambda e, d: results.append(e))
        with qtbot.waitSignal(task.done, timeout=120_000):
            pass
    finally:
        gc.callbacks.remove(watch)
    assert results == [600_000]
    assert full == []
    assert gc.get_threshold() == before
