"""Python's garbage collector during long jobs that build large structures.

A full collection walks every tracked object. A job that keeps what it builds (a 100k-segment check run
keeps every finding, observation and document fact until the end) triggers full collections again and
again while its heap grows, each walking all of it: measured on 8,000 segments of one document, the checks
took 38.9 s of CPU with the collector as it is and 27.5 s without full collections, and the share grows
with the document. The young generations are still collected: the cycles the checks make are few (31
objects on those 8,000 segments), so nothing accumulates.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_DEPTH = 0
_SAVED: tuple[int, int, int] | None = None
NEVER = 1 << 30


@contextmanager
def no_full_collections() -> Iterator[None]:
    """No automatic full collection while the block runs (in any thread: the threshold is the process's);
    nested and concurrent blocks share it, and the last to end restores the thresholds."""
    global _DEPTH, _SAVED
    with _LOCK:
        if _DEPTH == 0:
            _SAVED = gc.get_threshold()
            gc.set_threshold(_SAVED[0], _SAVED[1], NEVER)
        _DEPTH += 1
    try:
        yield
    finally:
        with _LOCK:
            _DEPTH -= 1
            if _DEPTH == 0 and _SAVED is not None:
                gc.set_threshold(*_SAVED)
                _SAVED = None
