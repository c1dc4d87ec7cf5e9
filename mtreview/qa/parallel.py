"""The first pass of a full run (every segment check and every document check's observations on every
segment) in worker processes, when the run is large enough to pay for them.

Each worker is a spawned process that gets the run's context (lexicons, glossary) once, loads the analysers,
and then takes chunks of segments: ``(document, start, end)``, reading a document from the file the caller
wrote for it when its first chunk comes (one document at a time, not the project). For a chunk it runs the
same code as the one-process pass (``runner.first_pass``) and sends back the findings, the
observations and the errors of those segments. The process that asked merges the chunks in order and
judges the document-level keys itself, so the result is the one-process result (a test compares them).

Workers are only started for ``PARALLEL_FROM`` segments or more and two or more usable cores;
``MTREVIEW_CHECK_WORKERS`` sets their number (``1`` turns the pool off). A pool that cannot start or loses
a worker is not an error: the caller runs the pass in its own process instead.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import logging
import os
import pickle
import shutil
import tempfile
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any, TypeVar

from mtreview.domain.collect import NEVER
from mtreview.qa.base import Check, DocumentInput
from mtreview.qa.context import DocumentFacts, QaContext

if TYPE_CHECKING:
    from mtreview.qa.runner import ChunkResult

T = TypeVar("T")

log = logging.getLogger(__name__)

PARALLEL_FROM = 4000
"""Segments in a run from which the first pass goes to worker processes (a worker's start, analysers
included, costs about a second: below this the run is over sooner in one process)."""
CHUNK = 500
"""Segments per task (a cancel waits for no more than the chunks being checked; the workers are ended)."""
MAX_WORKERS = 8
SHARES = 4
"""The candidate terms' counts are added up in this many parts, by worker tasks (``_add_share``)."""
COUNT_TERMS_FROM = 2 * CHUNK
"""Documents of this many segments or more have their repeated terms counted in parts (``Pool``)."""
TERMS = "terms"
"""The name under which the term-consistency check caches them (``DocumentFacts.cached``)."""


def worker_count(segments: int) -> int:
    """How many worker processes a run of ``segments`` segments uses (1: none)."""
    setting = os.environ.get("MTREVIEW_CHECK_WORKERS", "").strip()
    if setting:
        try:
            return max(1, min(int(setting), MAX_WORKERS))
        except ValueError:
            log.warning("MTREVIEW_CHECK_WORKERS=%r is not a number: ignored", setting)
    if segments < PARALLEL_FROM:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


# -- in the worker -------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(settings: dict[str, Any], context: QaContext, check_ids: list[str], folder: str) -> None:
    from mtreview.qa import analysis
    from mtreview.qa.runner import instantiate_checks

    analysis.warm_up()  # MeCab, lemmas, the dictionary index (the caller has built it)
    gc.freeze()  # the analysers live as long as the worker: never walked again
    gc.set_threshold(*gc.get_threshold()[:2], NEVER)  # and no full collections (domain.collect)
    # the caller's checks, with their parameters and severities (the caller reports set-up errors)
    checks, _errors = instantiate_checks(settings, context, only=check_ids)
    rank = {cid: i for i, cid in enumerate(check_ids)}
    checks.sort(key=lambda c: rank[c.id])
    _WORKER.update(context=context, checks=checks, folder=folder, document=None, document_of=-1)
    _WORKER.update(facts=None, facts_of=-1)


def _document(d: int) -> DocumentInput:
    """Document ``d`` of the run, read from the file the caller wrote for it: a worker holds one document
    at a time (tasks come in document order), not the whole project."""
    if _WORKER["document_of"] != d:
        _WORKER["document"] = _WORKER["facts"] = None
        _WORKER["facts_of"] = -1
        with open(document_path(_WORKER["folder"], d), "rb") as fh:
            _WORKER["document"] = pickle.load(fh)
        _WORKER["document_of"] = d
    document: DocumentInput = _WORKER["document"]
    return document


def document_path(folder: str, d: int) -> str:
    return os.path.join(folder, f"document-{d}.pickle")


def share_of(key: tuple[str, ...], shares: int) -> int:
    """The share of the count a candidate term belongs to: the same in every process (``hash`` is not)."""
    return zlib.crc32("\x1f".join(key).encode("utf-8")) % shares


def _count_chunk(task: tuple[int, int, int, str, int]) -> tuple[int, int, set[str]]:
    """Count the candidate terms of a chunk; write them to ``shares`` files, one per share of the keys
    (``share_of``), for the tasks that add each share up; return (document, sources, noun heads)."""
    from mtreview.qa.checks.term_candidates import count_terms

    d, start, end, folder, shares = task
    counts = count_terms(s.source for s in _document(d).segments[start:end])
    parts: list[dict[tuple[str, ...], int]] = [{} for _ in range(shares)]
    for key, n in counts.per_segment.items():
        parts[share_of(key, shares)][key] = n
    for share, part in enumerate(parts):
        with open(os.path.join(folder, f"count-{d}-{start}-{share}.pickle"), "wb") as fh:
            pickle.dump(part, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return d, counts.sources, counts.nouns


def _add_share(task: tuple[list[str], int, frozenset[str]]) -> dict[tuple[str, ...], int]:
    """Add up one share of a document's counted chunks and keep its repeated terms."""
    from mtreview.qa.checks.term_candidates import kept_terms

    paths, sources, nouns = task
    total: dict[tuple[str, ...], int] = {}
    for path in paths:
        with open(path, "rb") as fh:
            part: dict[tuple[str, ...], int] = pickle.load(fh)
        for key, n in part.items():
            total[key] = total.get(key, 0) + n
        os.remove(path)
    return kept_terms(total, sources, nouns)


def _check_chunk(task: tuple[int, int, int, str | None]) -> ChunkResult:
    from mtreview.qa.runner import first_pass

    d, start, end, terms = task
    document = _document(d)
    if _WORKER["facts_of"] != d:  # chunks come in document order: one document's facts at a time
        _WORKER["facts"] = None
        facts = _WORKER["facts"] = DocumentFacts(document, _WORKER["context"])
        _WORKER["facts_of"] = d
        if terms is not None:  # the document's repeated terms, counted by all the workers
            with open(terms, "rb") as fh:
                facts.prime(TERMS, pickle.load(fh))
    return first_pass(_WORKER["checks"], _WORKER["facts"], document.segments, start, end, d)


# -- in the caller -------------------------------------------------------------------------------------

FOLDER_PREFIX = "mtreview-checks-"
"""A run's temporary folder (a pickle per document, the repeated terms) is named with the prefix, the
caller's process id and a random part: ``mtreview-checks-4242-k3j2x9``."""


def remove_abandoned() -> None:
    """Remove the folders (and segment files) of runs whose process is gone (killed before it could clean
    up). Those of a live process, another user's or named otherwise are left alone."""
    if os.name != "posix":  # signal 0 asks "is it alive?" only there
        return
    for path in glob.glob(os.path.join(tempfile.gettempdir(), FOLDER_PREFIX + "*-*")):
        pid = os.path.basename(path)[len(FOLDER_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            if os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
            else:  # a run's segments (``qa.packed``)
                with contextlib.suppress(OSError):
                    os.remove(path)
        except (PermissionError, OverflowError):
            continue  # alive (another user's), or not a process id at all


class _Recording:
    """A multiprocessing context that keeps every process it makes in ``made``: the pool ends them all when
    it closes, whatever the executor still lists."""

    def __init__(self, context: Any, made: list[Any]) -> None:
        self._context, self._made = context, made

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)

    def Process(self, *args: Any, **kwargs: Any) -> Any:
        process = self._context.Process(*args, **kwargs)
        self._made.append(process)
        return process


class Pool:
    """The worker processes of one run; ``chunks()`` yields the results in document and segment order.

    For the term-consistency check a large document's repeated terms (a count over all its sources, the
    one document-wide pass that costs as much as a check) are counted first, a chunk per task, and handed
    to every worker, instead of each worker counting the whole document again."""

    def __init__(
        self,
        workers: int,
        settings: dict[str, Any],
        context: QaContext,
        checks: Sequence[Check],
        documents: Sequence[DocumentInput],
    ) -> None:
        import multiprocessing

        self._documents = list(documents)
        log.info(
            "checks: %d segments in %d worker processes", sum(len(d.segments) for d in documents), workers
        )
        remove_abandoned()
        self._dir = tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-")
        self._executor: ProcessPoolExecutor | None = None
        self._made: list[Any] = []  # every worker process the executor started
        self._counting: list[Future[tuple[int, int, set[str]]]] = []
        self._adding: list[Future[dict[tuple[str, ...], int]]] = []
        self._futures: deque[Future[ChunkResult]] = deque()
        try:
            for d, document in enumerate(self._documents):  # once, not once per worker
                with open(document_path(self._dir, d), "wb") as fh:
                    pickle.dump(document, fh, protocol=pickle.HIGHEST_PROTOCOL)
            recording: Any = _Recording(multiprocessing.get_context("spawn"), self._made)
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=recording,
                initializer=_start_worker,
                initargs=(settings, context, [c.id for c in checks], self._dir),
            )
            if any(c.id == "term-consistency" for c in checks):
                self._counting = [
                    self._executor.submit(_count_chunk, (d, start, end, self._dir, SHARES))
                    for d, start, end in self._ranges(COUNT_TERMS_FROM)
                ]
        except BaseException:
            self.close()
            raise

    def _ranges(self, smallest: int = 0) -> Iterator[tuple[int, int, int]]:
        """(document index, start, end) of every chunk, in document and segment order, of the documents
        of at least ``smallest`` segments."""
        for d, doc in enumerate(self._documents):
            n = len(doc.segments)
            if n >= smallest:
                for start in range(0, n, CHUNK):
                    yield d, start, min(start + CHUNK, n)

    @staticmethod
    def _wait(future: Future[T], check: Callable[[], None]) -> T:
        while True:
            check()
            try:
                return future.result(timeout=0.25)
            except FutureTimeout:
                continue

    def chunks(self, check: Callable[[], None]) -> Iterator[ChunkResult]:
        """The results in order; ``check`` is called while waiting (a cancel raises from it)."""
        # the counts stay in the workers' files: this process sees only each document's repeated terms
        # (the count of every candidate of a 100k document is a few hundred MB)
        sources: dict[int, int] = {}
        nouns: dict[int, set[str]] = {}
        for counting in self._counting:
            d, n, heads = self._wait(counting, check)
            sources[d] = sources.get(d, 0) + n
            nouns.setdefault(d, set()).update(heads)
        shares: dict[int, list[Future[dict[tuple[str, ...], int]]]] = {}
        assert self._executor is not None
        starts: dict[int, list[int]] = {}
        for d, start, _end in self._ranges(COUNT_TERMS_FROM):  # the counted chunks, by document
            starts.setdefault(d, []).append(start)
        for d in sources:
            shares[d] = [
                self._executor.submit(
                    _add_share,
                    (
                        [os.path.join(self._dir, f"count-{d}-{start}-{share}.pickle") for start in starts[d]],
                        sources[d],
                        frozenset(nouns[d]),
                    ),
                )
                for share in range(SHARES)
            ]
            self._adding.extend(shares[d])
        paths: dict[int, str] = {}
        for d, futures in shares.items():
            terms: dict[tuple[str, ...], int] = {}
            for future in futures:
                kept: dict[tuple[str, ...], int] = self._wait(future, check)
                terms.update(kept)
            paths[d] = os.path.join(self._dir, f"terms-{d}.pickle")
            with open(paths[d], "wb") as fh:
                pickle.dump(terms, fh, protocol=pickle.HIGHEST_PROTOCOL)
        assert self._executor is not None
        self._futures = deque(
            self._executor.submit(_check_chunk, (d, start, end, paths.get(d)))
            for d, start, end in self._ranges()
        )
        while self._futures:
            result = self._wait(self._futures[0], check)
            # forgotten once handed over: the caller keeps what it merges, the chunk's own containers go
            self._futures.popleft()
            yield result
            del result

    def close(self) -> None:
        """End the workers now (a cancel, an error or the end of the run)."""
        for future in self._counting:
            future.cancel()
        for adding in self._adding:
            adding.cancel()
        for chunk in self._futures:
            chunk.cancel()
        executor = self._executor
        manager = getattr(executor, "_executor_manager_thread", None)
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        # every worker the executor started, listed there or not (loaded runs found one alive after close)
        processes = [p for p in self._made if p.pid is not None]
        for process in processes:  # a chunk being checked is not waited for
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=30)
        for process in processes:
            if process.is_alive():  # (a loaded machine: the terminated worker has not exited yet)
                process.kill()
                process.join(timeout=30)
        if manager is not None:
            manager.join(timeout=30)  # the executor's thread joins the workers too: not after we return
        shutil.rmtree(self._dir, ignore_errors=True)
