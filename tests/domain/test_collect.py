"""``domain.collect.no_full_collections``: no automatic full collection inside, the thresholds back after,
nested and concurrent blocks sharing it."""

from __future__ import annotations

import gc
import threading

from mtreview.domain.collect import NEVER, no_full_collections


def test_full_collections_pause_inside_and_come_back_after() -> None:
    before = gc.get_threshold()
    with no_full_collections():
        assert gc.get_threshold() == (before[0], before[1], NEVER)
        with no_full_collections():  # nested (a run inside a run)
            assert gc.get_threshold()[2] == NEVER
        assert gc.get_threshold()[2] == NEVER  # the outer block is still running
    assert gc.get_threshold() == before


def test_the_last_of_two_threads_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()

    def job() -> None:
        with no_full_collections():
            inside.set()
            release.wait(timeout=600)

    t = threading.Thread(target=job)
    t.start()
    assert inside.wait(timeout=600)
    with no_full_collections():
        pass
    assert gc.get_threshold()[2] == NEVER  # the other thread's job is still running
    release.set()
    t.join(timeout=600)
    assert gc.get_threshold() == before


def test_young_cycles_are_still_collected() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    with no_full_collections():
        gc.collect()
        for _ in range(10_000):
            Node()
        alive = sum(1 for o in gc.get_objects() if isinstance(o, Node))
    assert alive < 10_000  # the automatic young collections freed most of them (not so with gc.disable)
