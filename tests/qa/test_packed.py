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


def test_a_large_sequence_keeps_its_chunks_in_a_file_that_goes_with_it() -> None:
    import gc
    import os
    import subprocess
    import sys

    from mtreview.qa.packed import SPILL_FROM

    plain = _segments(SPILL_FROM + CHUNK + 5)
    packed = PackedSegments(plain)
    assert packed.in_file and not PackedSegments(plain[: SPILL_FROM - 1]).in_file
    path = packed._file.path  # type: ignore[union-attr]
    assert os.path.getsize(path) == packed.packed_bytes > 0
    assert list(packed) == plain and packed[SPILL_FROM + 3] == plain[SPILL_FROM + 3]
    # pickled (to a worker), it names the file: another process reads the same segments from it
    blob = pickle.dumps(packed)
    assert len(blob) < packed.packed_bytes // 10
    code = (
        "import pickle, sys; from mtreview.qa.packed import PackedSegments; "
        "p = pickle.loads(sys.stdin.buffer.read()); print(len(p), p[-1].source)"
    )
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True, check=True).stdout
    assert out.decode().split(maxsplit=1) == [str(len(plain)), plain[-1].source + "\n"]
    copy = pickle.loads(blob)
    del copy
    gc.collect()
    assert os.path.exists(path)  # a reader's copy leaves the file alone
    del packed
    gc.collect()
    assert not os.path.exists(path)  # the owner's goes with it


def test_without_a_writable_temporary_folder_the_chunks_stay_in_memory(monkeypatch, tmp_path) -> None:
    import tempfile

    from mtreview.qa.packed import SPILL_FROM

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    plain = _segments(SPILL_FROM + 10)
    packed = PackedSegments(plain)
    assert not packed.in_file
    assert list(packed) == plain


def test_a_temporary_folder_that_fills_up_is_given_up_once(monkeypatch, caplog) -> None:
    """A write that fails part-way: the chunks come back into memory, with one warning, and no new file is
    tried for every later chunk."""
    import os

    from mtreview.qa import packed as module

    real = os.pwrite
    written = {"bytes": 0, "files": 0}
    real_create = module._ChunkFile.create.__func__  # type: ignore[attr-defined]

    def create(cls):  # type: ignore[no-untyped-def]
        written["files"] += 1
        return real_create(cls)

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        if written["bytes"] + len(data) > 40_000:
            raise OSError(28, "No space left on device")
        written["bytes"] += len(data)
        return real(fd, data, offset)

    monkeypatch.setattr(module._ChunkFile, "create", classmethod(create))
    monkeypatch.setattr(os, "pwrite", pwrite)
    plain = _segments(module.SPILL_FROM * 3)
    with caplog.at_level("WARNING", logger="mtreview.qa.packed"):
        packed = PackedSegments(plain)
    assert not packed.in_file and list(packed) == plain
    assert written["files"] == 1 and len(caplog.records) == 1


def test_without_positioned_reads_the_chunks_stay_in_memory(monkeypatch) -> None:
    from mtreview.qa import packed as module

    monkeypatch.setattr(module, "SPILL_SUPPORTED", False)  # (Windows)
    plain = _segments(module.SPILL_FROM + 10)
    packed = module.PackedSegments(plain)
    assert not packed.in_file and list(packed) == plain
