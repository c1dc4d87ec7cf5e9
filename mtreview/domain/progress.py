"""Progress and cancellation for long jobs, as plain callables (no Qt).

A long job is a plain function that takes a ``Progress``; the UI runs it on a worker thread and
feeds it a ``Progress`` whose ``report`` forwards to a signal and whose ``cancelled`` reads a flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mtreview.domain.errors import Cancelled


@dataclass
class Progress:
    report_fn: Callable[[int, int, str], None] | None = None
    cancelled_fn: Callable[[], bool] | None = None
    _last: int = field(default=-1, repr=False)

    def report(self, done: int, total: int, message: str = "") -> None:
        if self.report_fn is not None:
            self.report_fn(done, total, message)

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""
        if self.cancelled_fn is not None and self.cancelled_fn():
            raise Cancelled("cancelled by the user")


NO_PROGRESS = Progress()
