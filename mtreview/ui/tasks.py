"""Run long jobs (plain functions taking a ``Progress``) off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from mtreview.domain.collect import no_full_collections
from mtreview.domain.errors import Cancelled, MtreviewError
from mtreview.domain.progress import Progress
from mtreview.i18n import _


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        progress = Progress(
            report_fn=lambda done, total, msg: self.progressed.emit(done, total, msg),
            cancelled_fn=self.cancel_event.is_set,
        )
        try:
            # No full collection while a job runs, in any thread: the job's allocations could otherwise
            # make the GUI thread walk the whole heap in one of its turns (domain.collect).
            with no_full_collections():
                result = self._fn(progress)
        except BaseException as exc:  # reported to the GUI thread, never lost
            self.failed.emit(exc, traceback.format_exc())
        else:
            self.finished.emit(result)
        finally:
            # End the thread's event loop here, so it also ends when the GUI loop is not running
            # (shutdown, scripts, tests); the results above are already queued for the GUI thread.
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()


_RUNNING: set[Task] = set()


def stop_all(timeout_ms: int = 30000) -> None:
    """Cancel every running job and wait for its thread (at shutdown: a QThread must not outlive Qt)."""
    for task in list(_RUNNING):
        task.cancel()
    for task in list(_RUNNING):
        task.wait(timeout_ms)
        _RUNNING.discard(task)


class Task(QObject):
    """One job on its own QThread. Signals arrive on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        _RUNNING.add(self)
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel_event.set()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    def _stop_thread(self) -> None:
        # On the GUI thread (no Python runs in the worker's own teardown, e.g. from QThread.finished).
        self._thread.quit()
        self._thread.wait()
        _RUNNING.discard(self)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self.succeeded.emit(result)
        self.done.emit()

    @Slot(object, str)
    def _on_failed(self, exc: object, details: str) -> None:
        self._stop_thread()
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(exc, details)
        self.done.emit()


def run_with_progress(
    parent: QWidget,
    title: str,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
    on_cancel: Callable[[], None] | None = None,
) -> Task:
    """Start ``fn`` on a worker thread behind a modal progress dialog with a Cancel button."""
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    # Wide enough for its title in the window manager's frame ("Runni… eview" otherwise) and for the
    # phase messages that follow.
    dialog.setMinimumWidth(min(900, dialog.fontMetrics().horizontalAdvance(title) * 3 // 2 + 160))
    task = Task(fn, parent)

    def progressed(done: int, total: int, message: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        else:  # a phase of unknown length (storing the proposals…): a busy bar, not a frozen 100%
            dialog.setRange(0, 0)
        if message:
            dialog.setLabelText(message)

    def finish() -> None:
        dialog.close()
        dialog.deleteLater()
        # Not task.deleteLater(): destroying the Task from the event loop right after its last signal
        # crashed in ~QObject (a test that waits for a job to finish showed it every time); it goes with
        # its parent instead.

    task.progressed.connect(progressed)
    dialog.canceled.connect(task.cancel)
    task.succeeded.connect(on_success)
    task.failed.connect(lambda exc, details: on_error(exc, details))
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    task.done.connect(finish)
    task.start()
    return task


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, MtreviewError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
