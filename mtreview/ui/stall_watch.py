"""A watchdog for the GUI thread: how long the event loop went without turning, and how much of that the
GUI thread itself spent working.

A timer ticks every ``interval_ms`` on the GUI thread. Between two ticks (or from ``start()`` to the first)
it records the wall time and the GUI thread's own CPU time (``time.thread_time``). A gap whose *CPU time*
is long means work ran on the GUI thread (a handler, a slot, a model reset): the window was frozen by us,
whatever the machine's load — this is what tests assert on. The *wall* gap also counts the time the
process was not scheduled or waited for a lock or the GIL: what a user sees, reported by the benchmarks
(``benchmarks/bench_stalls.py``) with the load average beside it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer


@dataclass(frozen=True, slots=True)
class Gap:
    """One turn of the event loop that took longer than the timer's interval."""

    at: float
    """Seconds since ``start()`` when the gap ended."""
    wall: float
    cpu: float
    """CPU time of the GUI thread during the gap."""


class StallWatch(QObject):
    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval = interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self.gaps: list[Gap] = []
        self.ticks = 0
        self._t0 = self._wall = self._cpu = 0.0

    def start(self) -> StallWatch:
        """Start watching. Whatever the GUI thread does from here on — including code that runs before the
        event loop next turns — falls into some gap."""
        self.gaps.clear()
        self.ticks = 0
        self._t0 = self._wall = time.perf_counter()
        self._cpu = time.thread_time()
        self._timer.start()
        return self

    def stop(self) -> StallWatch:
        """Stop, closing the last gap (work done since the last tick counts too)."""
        if self._timer.isActive():
            self._tick()
            self._timer.stop()
        return self

    def _tick(self) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        gap_wall, gap_cpu = wall - self._wall, cpu - self._cpu
        self.ticks += 1
        if gap_wall > self.interval * 2 or gap_cpu > self.interval:
            self.gaps.append(Gap(wall - self._t0, gap_wall, gap_cpu))
        self._wall, self._cpu = wall, time.thread_time()

    @property
    def worst_cpu(self) -> float:
        return max((g.cpu for g in self.gaps), default=0.0)

    @property
    def worst_wall(self) -> float:
        return max((g.wall for g in self.gaps), default=0.0)

    def stalls(self, limit: float, by: str = "cpu") -> list[Gap]:
        """The gaps over ``limit`` seconds of GUI-thread CPU time (``by="cpu"``) or of wall time."""
        return [g for g in self.gaps if (g.cpu if by == "cpu" else g.wall) > limit]
