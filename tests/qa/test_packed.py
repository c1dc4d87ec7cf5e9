"""The compressed segments of a whole project's run (``qa.packed``): the same segments, read in any order,
sliced, pickled to a worker, and used as a document by the checks."""

from __future__ import annotations

import pickle
import tracemalloc

from mtreview.qa.base import DocumentInput, SegmentInput
from mtreview.qa.packed import CHUNK, PackedSegments
from mtreview.qa.runner import run_checks


def _segments(n: int) -> list[SegmentInput]:
    return [
        SegmentInput(
            f"d#{i}",
            "d",
            f"Mayor Ana Quiroga said {i} new buses would run from May.",
            f"アナ・キロガ市長は、5月から新しいバス{i}台を運行すると述べた。",
            (i,),
            (i,),
        )
        for i in range(n)
    ]


def test_packed_segments_read_back_as_they_were() -> None:
    plain = _segments(3 * CHUNK + 7)
    packed = PackedSegments(plain)
    assert len(packed) == len(plain)
    assert list(packed) == plain
    assert packed == plain
    for i in (0, CHUNK - 1, CHUNK, 2 * CHUNK + 3, len(plain) - 1, -1):
        assert packed[i] == plain[i]
    assert packed[CHUNK - 2 : CHUNK + 2] == tuple(plain[CHUNK - 2 : CHUNK + 2])
    again = pickle.loads(pickle.dumps(packed))
    assert list(again) == plain
    assert PackedSegments([]) == [] and len(PackedSegments([])) == 0


def test_packed_segments_take_a_fraction_of_the_memory() -> None:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        plain = _segments(5000)
        plain_size = tracemalloc.get_traced_memory()[0] - before
        packed = PackedSegments(plain)
        del plain
        packed_size = packed.packed_bytes
    finally:
        tracemalloc.stop()
    assert packed_size * 3 < plain_size


def test_the_checks_find_the_same_on_packed_and_plain_documents() -> None:
    pairs = _segments(600)
    # a few errors to find: a company for a person, a number changed
    pairs[10] = SegmentInput(
        "d#10", "d", pairs[10].source, "キロガ社は、5月から新しいバス10台を運行すると述べた。"
    )
    pairs[300] = SegmentInput(
        "d#300", "d", pairs[300].source, "アナ・キロガ市長は、5月から新しいバス30台を運行すると述べた。"
    )
    plain = run_checks([DocumentInput("d", tuple(pairs))], {"user_lexicons": False}, workers=1)
    packed = run_checks([DocumentInput("d", PackedSegments(pairs))], {"user_lexicons": False}, workers=1)
    assert packed.findings == plain.findings
    assert {f.segment for f in plain.findings} >= {"d#10", "d#300"}
