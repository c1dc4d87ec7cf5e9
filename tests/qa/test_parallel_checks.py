"""Checks in worker processes (``mtreview.qa.parallel``): the same findings as one process, settings
carried to the workers, cancel and failure leave no process behind."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

from mtreview.domain.errors import Cancelled
from mtreview.domain.progress import Progress
from mtreview.qa import DocumentInput, SegmentInput, parallel, run_checks
from mtreview.qa.context import QaContext

PAGES = Path(__file__).resolve().parents[1] / "generality"
SETTINGS = {
    "user_lexicons": False,
    "checks": {"numbers": {"severity": "critical"}, "punctuation-width": False},
}


def _pages_segments() -> list[tuple[str, str]]:
    from mtreview.cli.qa_cmd import _file_documents

    pairs: list[tuple[str, str]] = []
    pages = sorted((PAGES / "data").glob("*.txt")) + sorted((PAGES / "meaning").glob("*/*.txt"))
    for page in pages:
        for doc in _file_documents(str(page), Progress()):
            pairs.extend((s.source, s.target) for s in doc.segments)
    return pairs


@pytest.fixture(scope="module")
def documents() -> list[DocumentInput]:
    pairs = _pages_segments()
    assert len(pairs) > 100
    big = [
        SegmentInput(f"big#{k}", "big", s, t)
        for k, (s, t) in enumerate(
            (pairs * (1 + 2 * parallel.CHUNK // len(pairs)))[: 2 * parallel.CHUNK + 37]
        )
    ]
    small = [SegmentInput(f"small#{k}", "small", s, t) for k, (s, t) in enumerate(pairs[:40])]
    return [
        DocumentInput("big", tuple(big)),  # three chunks: the consistency checks see across them
        DocumentInput("empty", ()),
        DocumentInput("small", tuple(small)),
    ]


def _folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"{parallel.FOLDER_PREFIX}{os.getpid()}-*"))


_BEFORE: dict[str, set[object]] = {}


@pytest.fixture(autouse=True)
def _baseline() -> None:
    """What this process had before the test: a child of an earlier test in the same xdist worker that is
    still exiting on a loaded machine is not this test's leftover (a loaded run failed so once)."""
    _BEFORE["children"] = {p.pid for p in multiprocessing.active_children()}
    _BEFORE["folders"] = set(_folders())


def _left() -> list[str]:
    """Worker processes and temporary folders of this process's runs that the test's runs left behind
    (another process's folders are not this test's business)."""
    children = [repr(p) for p in multiprocessing.active_children() if p.pid not in _BEFORE["children"]]
    return children + sorted(str(f) for f in _folders() - _BEFORE["folders"])


def _lines(result: object) -> list[tuple[object, ...]]:
    return [
        (
            f.segment,
            f.check,
            f.side,
            f.start,
            f.end,
            f.source_start,
            f.source_end,
            f.severity,
            f.text,
            f.message,
        )
        for f in result.findings  # type: ignore[attr-defined]
    ]


def test_workers_find_exactly_what_one_process_finds(documents: list[DocumentInput]) -> None:
    one = run_checks(documents, SETTINGS, workers=1)
    two = run_checks(documents, SETTINGS, workers=2)
    assert len(one.findings) > 200
    assert {f.check for f in one.findings} >= {"numbers", "term-consistency", "omission"}
    assert _lines(two) == _lines(one)
    assert two.errors == one.errors
    # the settings reached the workers: the severity given, the check turned off
    assert {f.severity.value for f in two.findings if f.check == "numbers"} == {"critical"}
    assert not any(f.check == "punctuation-width" for f in two.findings)
    assert _left() == []


def test_a_one_run_checker_finds_what_an_incremental_one_finds(documents: list[DocumentInput]) -> None:
    """``run_checks`` keeps no per-segment bookkeeping for edits (less memory at 100k): same findings, in
    one process and in workers; an edit on it is refused rather than answered wrongly."""
    from mtreview.qa import IncrementalChecker

    incremental = IncrementalChecker(documents, SETTINGS).run(workers=1)
    assert len(incremental.findings) > 200
    for workers in (1, 2):
        once = IncrementalChecker(documents, SETTINGS, incremental=False)
        result = once.run(workers=workers)
        assert _lines(result) == _lines(incremental)
        assert result.errors == incremental.errors
        with pytest.raises(RuntimeError):
            once.update_segment(documents[0].segments[0])
    assert _left() == []


@pytest.mark.parametrize("workers", [1, 2])
def test_a_large_one_run_keeps_its_observations_on_disk(
    documents: list[DocumentInput], workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above ``spill.SPILL_FROM`` segments a one-time run writes the document checks' observations to a
    temporary file and reads each key back when it judges it: the same findings as the incremental checker
    (which keeps them in memory), nothing of them in memory before judging, the file gone after the run."""
    from mtreview.qa import IncrementalChecker, runner, spill

    incremental = IncrementalChecker(documents, SETTINGS).run(workers=1)
    monkeypatch.setattr(spill, "SPILL_FROM", 0)
    seen: list[tuple[int, int]] = []
    judge = runner.IncrementalChecker._judge_document

    def judged(self: runner.IncrementalChecker, state: object) -> None:
        for index in state.index.values():  # type: ignore[attr-defined]
            assert isinstance(index, spill.SpilledIndex)
            assert index.observations == {}  # the items are in the file, not here
            seen.append((len(index.key_list()), sum(map(index.total, index.key_list()))))
        judge(self, state)  # type: ignore[arg-type]

    monkeypatch.setattr(runner.IncrementalChecker, "_judge_document", judged)
    result = IncrementalChecker(documents, SETTINGS, incremental=False).run(workers=workers)
    assert _lines(result) == _lines(incremental)
    assert result.errors == incremental.errors
    assert sum(items for _keys, items in seen) > 1000  # thousands of observations went through the file
    assert _left() == []


def test_a_large_one_run_reads_no_items_it_cannot_report_and_keeps_no_large_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Memory at 100k segments: the register check's majority style has an item per sentence; a one-time
    run decides from the counts that it is not reported and never reads its items back, and a key of many
    items read back is not kept in the read cache. The findings are the incremental checker's."""
    from mtreview.qa import IncrementalChecker, spill

    polite = "この計画は来年始まります。費用は市が負担します。"
    plain = "この計画は来年始まる。費用は市が負担する。"
    segments = [
        SegmentInput(
            f"reg#{k}", "reg", "The plan starts next year. The city pays.", plain if k % 3 == 0 else polite
        )
        for k in range(60)
    ]
    document = [DocumentInput("reg", tuple(segments))]
    settings = {"user_lexicons": False}
    incremental = IncrementalChecker(document, settings).run(workers=1)
    monkeypatch.setattr(spill, "SPILL_FROM", 0)
    monkeypatch.setattr(spill, "CACHED_ITEMS", 10)
    read: list[tuple[str, int]] = []
    cached: list[int] = []
    get = spill.SpilledIndex.get

    def reading(self: spill.SpilledIndex, key: object) -> dict[str, list[object]]:
        found = get(self, key)
        read.append((str(key), sum(len(v) for v in found.values())))
        cached.append(sum(len(v) for items in self._cache.values() for v in items.values()))
        return found

    monkeypatch.setattr(spill.SpilledIndex, "get", reading)
    result = IncrementalChecker(document, settings, incremental=False).run(workers=1)
    assert _lines(result) == _lines(incremental)
    plain_found = [f for f in result.findings if f.check == "register-mix"]
    assert len(plain_found) == 2 * 20  # two sentences in each of the 20 plain segments
    assert ("plain", 40) in read and not any(key == "polite" for key, _n in read)
    assert max(cached) <= 10  # the 40 items of "plain" were read, used and let go


def test_a_cancelled_large_run_removes_its_observations_file(
    documents: list[DocumentInput], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtreview.qa import spill

    monkeypatch.setattr(spill, "SPILL_FROM", 0)
    stop = threading.Event()

    def report(done: int, _total: int, _message: str) -> None:
        if done:
            stop.set()

    with pytest.raises(Cancelled):
        run_checks(documents, SETTINGS, Progress(report, stop.is_set), workers=1)
    assert _left() == []


def test_cancel_ends_the_workers(documents: list[DocumentInput]) -> None:
    reports: list[int] = []
    stop = threading.Event()

    def report(done: int, _total: int, _message: str) -> None:
        reports.append(done)
        if done:
            stop.set()  # the first chunk is in: the user presses Cancel

    with pytest.raises(Cancelled):
        run_checks(documents, SETTINGS, Progress(report, stop.is_set), workers=2)
    assert reports and reports[-1] < sum(len(d.segments) for d in documents)
    assert _left() == []


def test_a_pool_that_cannot_start_falls_back_to_one_process(
    documents: list[DocumentInput], caplog: pytest.LogCaptureFixture
) -> None:
    context = QaContext.from_settings(SETTINGS)
    context.unpicklable = threading.Lock()  # type: ignore[attr-defined]  # the workers cannot get it
    result = run_checks(documents, SETTINGS, context=context, workers=2)
    assert _lines(result) == _lines(run_checks(documents, SETTINGS, workers=1))
    assert "checking in this process" in caplog.text
    assert _left() == []


def test_worker_count_follows_the_size_and_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MTREVIEW_CHECK_WORKERS", raising=False)
    assert parallel.worker_count(parallel.PARALLEL_FROM - 1) == 1
    assert parallel.worker_count(10**6) >= 1
    monkeypatch.setenv("MTREVIEW_CHECK_WORKERS", "3")
    assert parallel.worker_count(10) == 3
    monkeypatch.setenv("MTREVIEW_CHECK_WORKERS", "many")
    assert parallel.worker_count(10) == 1


@pytest.mark.parametrize("order", [sorted, lambda names: sorted(names, reverse=True)])
def test_agent_check_does_not_depend_on_the_order_of_names_that_sound_alike(
    order: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the comparison above: ラン renders Lan and Lane equally well, and which one the agent check
    took depended on the order of a set (the hash seed of the process): the same pair was a finding in
    one run and not in the next."""
    from mtreview.qa.context import DocumentFacts

    original = DocumentFacts.name_candidates
    monkeypatch.setattr(
        DocumentFacts,
        "name_candidates",
        lambda self, k: list(order(original(self, k))),  # type: ignore[operator]
    )
    doc = DocumentInput(
        "d",
        (
            SegmentInput(
                "d#1",
                "d",
                "Sara Lane opened the new bakery on Monday.",
                "サラ・レーン氏は月曜日に新しいパン屋を開いた。",
            ),
            SegmentInput(
                "d#2",
                "d",
                "Lan said the first batch has sold out.",
                "ラン氏によると、最初の生産分は完売した。",
            ),
            SegmentInput("d#3", "d", "Lane said the shop opens at nine.", "ラン氏によると、店は9時に開く。"),
        ),
    )
    facts = DocumentFacts(doc, QaContext.from_settings({"user_lexicons": False}))
    assert {"Lan", "Lane"} <= set(facts.name_candidates("ラン"))
    result = run_checks([doc], {"user_lexicons": False}, workers=1)
    assert [f for f in result.findings if f.check == "agent"] == []


def test_a_run_removes_the_folders_of_runs_that_were_killed(documents: list[DocumentInput]) -> None:
    """A run killed before it could clean up leaves its folder (a pickle of every document): the next run
    removes it, and leaves alone the folders of live processes and anything named otherwise."""
    # a process id above the kernel's limit is never a live process (the id of a process that has exited
    # may be given to another one at once on a busy machine: this test failed so under load)
    pid_max = Path("/proc/sys/kernel/pid_max")
    dead_pid = (int(pid_max.read_text()) if pid_max.exists() else 4194304) + 1
    tmp = Path(tempfile.gettempdir())
    # names of this run's own (another test suite on the machine makes and removes folders of its own)
    tag = uuid.uuid4().hex
    abandoned = tmp / f"{parallel.FOLDER_PREFIX}{dead_pid}-killedrun-{tag}"
    live = tmp / f"{parallel.FOLDER_PREFIX}{os.getppid()}-liverun-{tag}"  # our parent is alive
    other = tmp / f"{parallel.FOLDER_PREFIX}notapid-{tag}"
    try:
        for folder in (abandoned, live, other):
            folder.mkdir()
            (folder / "documents.pickle").write_bytes(b"x" * 1000)
        run_checks(documents, SETTINGS, workers=2)
        assert not abandoned.exists()
        assert live.exists() and other.exists()
        assert _left() == []
    finally:
        for folder in (abandoned, live, other):
            if folder.exists():
                for f in folder.iterdir():
                    f.unlink()
                folder.rmdir()


def test_coverage_does_not_depend_on_the_hash_seed() -> None:
    """Found by a run of 3,000 segments that gave 2,900 findings in one process and 2,901 in the next: a
    word that sounds equally like two katakana words of the translation was matched with whichever came
    first in a set's order (the process's hash seed), and a dropped clause was reported or not."""
    script = (
        "from mtreview.qa.analysis.coverage import coverage\n"
        "cov = coverage('The value was wrong, said Brown.',\n"
        "               'ブラウン氏はフィールドが間違っていたと述べた。')\n"
        "print([(w.text, w.found.spans) for w in cov.words])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(1, 9)
    }
    assert len(outputs) == 1, outputs


@pytest.mark.parametrize("fail", ["create", "write", "read"])
def test_a_run_that_cannot_use_its_temporary_file_keeps_its_observations_in_memory(
    documents: list[DocumentInput],
    fail: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A full or read-only temporary folder must not cost the user the run: the same findings, from
    memory, and a warning in the log."""
    from mtreview.qa import IncrementalChecker, spill

    expected = _lines(IncrementalChecker(documents, SETTINGS).run(workers=1))
    monkeypatch.setattr(spill, "SPILL_FROM", 0)

    def no_space(**_kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    if fail == "create":
        monkeypatch.setattr(spill.tempfile, "mkdtemp", no_space)
    elif fail == "write":
        monkeypatch.setattr(spill.SpillStore, "flush", lambda self: _raise_spill())
    else:
        monkeypatch.setattr(spill.SpillStore, "read", lambda self, ns, key: _raise_spill())
    result = IncrementalChecker(documents, SETTINGS, incremental=False).run(workers=1)
    assert _lines(result) == expected
    assert "keeping them in memory" in caplog.text
    assert _left() == []


def _raise_spill() -> None:
    from mtreview.qa import spill

    raise spill.SpillError("database or disk is full")


def test_sending_segments_to_the_workers_leaves_no_copy_of_their_text_behind() -> None:
    """Pickling a non-ASCII str makes CPython keep its UTF-8 encoding inside the string for good (about
    300 bytes per Japanese paragraph, 30 MB at 100k segments in the process that writes the workers'
    documents file); a segment pickles its texts as bytes instead, and comes back equal."""
    import pickle
    import tracemalloc

    segments = tuple(
        SegmentInput(
            f"d#{i}", "d", f"The plan starts in {i} days.", f"計画は{i}日後に始まります。" * 8, (i,), (i,)
        )
        for i in range(6000)
    )
    text = sum(len(s.target.encode()) for s in segments)
    pickle.loads(
        pickle.dumps([DocumentInput("e", (SegmentInput("e#1", "e", "a", "あ"),))])
    )  # its own start-up
    tracemalloc.start()
    try:
        data = pickle.dumps([DocumentInput("d", segments)], protocol=pickle.HIGHEST_PROTOCOL)
        left = tracemalloc.get_traced_memory()[0] - sys.getsizeof(data)
    finally:
        tracemalloc.stop()
    assert left < text / 5, (left, text)  # a constant of the pickle module's own, at most
    assert pickle.loads(data) == [DocumentInput("d", segments)]
