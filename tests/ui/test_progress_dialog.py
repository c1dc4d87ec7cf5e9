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
