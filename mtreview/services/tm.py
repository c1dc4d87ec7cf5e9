"""Translation memory: fuzzy matches and concordance over the project's own segments and reference TMs.

Reference TMs are files (TMX, XLIFF, PO, CSV/TSV) or other projects, attached to a project (the
``reference_tms`` setting holds their paths) or named for one command (``--tm``). Each source is
searched through its own index (``storage.tmindex``), a cache in the user's cache folder, built on
first use, rebuilt when the file changes, and for projects brought up to date segment by segment
(``sync``). Building is a plain function with a ``Progress``: the GUI runs it on a worker.

Fuzzy matches: the 100% matches come from a hash of the normalised source; the others from candidate
units that share the query's most selective words (few units have them), ranked by those words'
weight, then scored exactly with rapidfuzz: word-level Levenshtein similarity (CJK characters count as
words), 0–100, 100 only for the same text (whitespace aside), 99 for a difference in case or spacing
alone. Only confirmed segments of the project count as its memory; a reference TM counts whole.

Concordance: a Japanese query is a phrase of characters in the targets, a Latin one a phrase of words
in sources and targets; every hit is checked to contain the query (case-insensitive) and carries the
spans to highlight.
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from mtreview.domain.errors import InputError, MtreviewError
from mtreview.domain.model import Changes, Segment, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.i18n import _
from mtreview.services import tm_sources
from mtreview.services.diffing import tokens as diff_tokens
from mtreview.services.prefs import cache_dir
from mtreview.services.project import ProjectService
from mtreview.storage import bulk, tmsplit
from mtreview.storage.tmindex import (
    BATCH,
    TmIndex,
    Unit,
    discard,
    has_cjk,
    index_errors,
    index_file_name,
    like_pattern,
    normalise,
    words,
)

_log = logging.getLogger(__name__)

SETTING = "reference_tms"
PROJECT = "project"
"""``origin`` of the project's own segments in matches and concordance hits."""

POSTING_BUDGET = 20_000
"""How many (unit, word) postings the fuzzy matcher reads to find candidates."""
MAX_TERMS = 24
CANDIDATES = 200
"""Candidates scored exactly per index."""


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    origin: str
    source: str
    target: str
    segment: str | None = None
    """``<document>#<ordinal>`` for the project's segments (and other projects'), else ``None``."""
    key: str | None = None
    """The unit's id in its TM file, when it has one."""


@dataclass(frozen=True, slots=True)
class ConcordanceHit:
    origin: str
    segment: str | None
    source: str
    target: str
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Reference:
    """A reference TM as attached: a file path or another project's location."""

    path: str

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def is_project(self) -> bool:
        return self.path.endswith(".mtreview") or "://" in self.path


def index_dir() -> Path:
    """Where TM indexes go: ``<cache folder>/tm`` (``MTREVIEW_TM_INDEX_DIR`` overrides it)."""
    env = os.environ.get("MTREVIEW_TM_INDEX_DIR")
    return Path(env) if env else cache_dir() / "tm"


# ------------------------------------------------------------------------------------- scoring


def _score_tokens(text: str) -> list[str]:
    return [t for t in diff_tokens(text) if not t.isspace()]


def score(query: str, candidate: str) -> float:
    """0–100: word-level similarity (CJK characters count as words); 100 only for the same text."""
    return scorer(query)(candidate)


def scorer(query: str) -> Callable[[str], float]:
    """``score`` with the query's side worked out once (its tokens, lowered and normalised), for scoring
    many candidates against one query."""
    norm = normalise(query)
    a = _score_tokens(query)
    a_lower = [t.lower() for t in a]

    def of(candidate: str) -> float:
        if query == candidate or norm == normalise(candidate):
            return 100.0
        b = _score_tokens(candidate)
        if a == b:
            return 99.0
        if a_lower == [t.lower() for t in b]:
            return 99.0  # case alone differs
        return round(min(99.0, 100.0 * Levenshtein.normalized_similarity(a, b)), 1)

    return of


def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())


def _query_pattern(query: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in query.split()]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


# ------------------------------------------------------------------------------------- searching


def fuzzy(
    index: TmIndex,
    source: str,
    limit: int = 10,
    min_score: float = 50.0,
    accept: set[str] | None = None,
    exclude: int | None = None,
) -> list[tuple[float, Unit]]:
    """The best units of ``index`` for ``source``, best first (``accept``: only units with these statuses;
    ``exclude``: not this unit id)."""
    found: dict[int, tuple[float, Unit]] = {}
    score_of = scorer(source)
    for u in index.exact(source):
        if u.id != exclude and (accept is None or u.status in accept):
            found[u.id] = (score_of(u.source), u)
    candidates = [i for i in _candidates(index, source, accept) if i != exclude and i not in found]
    texts = index.sources(candidates)
    # A cheap character-level ratio (rapidfuzz, in C) picks the few worth the word-level score.
    shortlist = process.extract(
        source, texts, scorer=fuzz.ratio, limit=max(limit * 3, 10), score_cutoff=max(0.0, min_score - 15.0)
    )
    exact_ids = [key for _text, _ratio, key in shortlist]
    for u in index.units(exact_ids):
        s = score_of(u.source)
        if s >= min_score:
            found[u.id] = (s, u)
    return sorted(found.values(), key=lambda x: (-x[0], abs(len(x[1].source) - len(source)), x[1].id))[:limit]


_GROUPS = ((0, 1, 2, 3, 4), (0, 1, 5, 6, 7), (2, 3, 4, 5, 6))
"""Five-word groups of a query's eight most selective words: a match missing a word or two of them
still has every word of at least one group (each group is an AND the database intersects)."""


def _candidates(index: TmIndex, source: str, accept: set[str] | None) -> list[int]:
    """Unit ids sharing the query's most selective words, most promising first.

    1. The words few units have (up to ``POSTING_BUDGET`` postings), each weighted by its rarity: units
       ranked by the weight of the words they share with the query.
    2. When the query has no such words (every word is common), units having every word of one of a few
       groups of its rarer words (the database intersects the word lists).
    """
    terms = set(words(source))
    if not terms:
        return []
    df = index.document_frequencies(terms)
    if not df:
        return []
    total = max(index.count(), 1)
    ordered = sorted(df, key=lambda t: (df[t], t))
    statuses = sorted(accept) if accept is not None else None
    chosen: list[str] = []
    postings = 0
    for t in ordered:
        if postings + df[t] > POSTING_BUDGET or len(chosen) >= MAX_TERMS:
            break
        chosen.append(t)
        postings += df[t]
    out: list[int] = []
    if chosen:
        weighted = [(t, math.log(1.0 + total / df[t])) for t in chosen]
        out = index.ranked(weighted, CANDIDATES, statuses)
    if len(chosen) < 3 and len(ordered) > len(chosen):
        seen = set(out)
        rare = ordered[:8]
        groups = (
            [tuple(rare[i] for i in g if i < len(rare)) for g in _GROUPS] if len(rare) > 5 else [tuple(rare)]
        )
        for group in dict.fromkeys(groups):
            for i in index.all_of(group, CANDIDATES // 2, statuses):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
    return out


Spans = tuple[tuple[int, int], ...]


def concordance_in(index: TmIndex, query: str, limit: int = 100) -> list[tuple[Unit, Spans, Spans]]:
    """Units whose source or target contains ``query`` (case-insensitive), with the spans to highlight."""
    pattern = _query_pattern(query)
    # A query with Japanese in it is looked up character by character in the targets; one of Latin words
    # alone as a phrase of words in the sources (names and numbers of a target are in its source too).
    cjk = has_cjk(query)
    latin = [] if cjk else words(query)
    # Folding case beyond ASCII is Python's job: the database's LIKE only narrows down then.
    exact_like = all(ch.isascii() or ch.lower() == ch.upper() for ch in query)
    like = like_pattern(query)
    if cjk or latin:
        ids = index.containing(
            latin, query if cjk else "", like if exact_like else None, limit if exact_like else limit * 20
        )
    else:
        ids = index.scan(like, limit)
    out: list[tuple[Unit, Spans, Spans]] = []
    for u in index.units(ids):
        s_spans, t_spans = _spans(pattern, u.source), _spans(pattern, u.target)
        if s_spans or t_spans:
            out.append((u, s_spans, t_spans))
            if len(out) >= limit:
                break
    return out


# ------------------------------------------------------------------------------------- building


def _file_identity(path: Path) -> dict[str, str]:
    st = path.stat()
    return {"origin": str(path.resolve()), "size": str(st.st_size), "mtime_ns": str(st.st_mtime_ns)}


def build_file_index(path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> TmIndex:
    """The index of a TM file, built now if missing or stale. A refused file leaves no index behind."""
    p = Path(path)
    if not p.is_file():
        raise InputError(_("no such file"), str(p))
    resolved = p.resolve()
    target = index_dir() / index_file_name("file", str(resolved))
    identity = _file_identity(p)
    index = TmIndex(target)
    if (
        index.exists()
        and all(index.meta(k) == v for k, v in identity.items())
        and index.meta("complete") == "1"
    ):
        return index
    index.close()
    tmp = target.with_name(target.name + f".{os.getpid()}.building")
    discard(tmp)
    building = TmIndex(tmp)
    failure: MtreviewError | None = None
    try:
        with index_errors(tmp):
            _build(building, p, identity, progress)
    except MtreviewError as exc:
        failure = _detached(exc)
    except BaseException:
        building.close()
        discard(tmp)
        raise
    if failure is not None:
        # Raised here, outside the handler: nothing of the reader's frames (lxml elements) travels with
        # it to the GUI thread, where freeing them would corrupt lxml's per-thread state.
        building.close()
        discard(tmp)
        raise failure
    building.close()
    discard(target)
    os.replace(tmp, target)
    return TmIndex(target)


SPLIT_MIN_BYTES = 32 * 1024 * 1024
"""TM files from this size up are indexed by two processes (``storage.tmsplit``): a second one builds
the target index while this one reads the file and builds the rest. Below it, starting the process costs
more than it saves. ``MTREVIEW_TM_SPLIT_BYTES`` overrides it (``0``: never split)."""


def _split_wanted(p: Path) -> bool:
    value = os.environ.get("MTREVIEW_TM_SPLIT_BYTES", "")
    limit = int(value) if value.isdigit() else SPLIT_MIN_BYTES
    return limit > 0 and p.stat().st_size >= limit


def _build(building: TmIndex, p: Path, identity: dict[str, str], progress: Progress) -> None:
    side = (
        tmsplit.TargetBuilder(building.path.with_name(building.path.name + ".tgt"))
        if _split_wanted(p)
        else None
    )
    try:
        _build_with(building, p, identity, progress, side)
    finally:
        if side is not None:
            side.stop()
            discard(side.path)


def _build_with(
    building: TmIndex,
    p: Path,
    identity: dict[str, str],
    progress: Progress,
    side: tmsplit.TargetBuilder | None,
) -> None:
    building.create(bulk=True)
    building.db.execute("PRAGMA journal_mode=OFF")
    building.db.execute("PRAGMA synchronous=OFF")
    building.bulk_mode(True)
    n = 0
    progress.report(0, 0, _("Indexing {name}…").format(name=p.name))
    with building.writing() as db:
        for pairs in tm_sources.file_batches(p, progress):
            rows = [(n + i, label, src, tgt, None, None) for i, (label, src, tgt) in enumerate(pairs, 1)]
            building.add_rows(db, rows, targets=side is None)
            if side is not None:
                side.send([(r[0], r[3]) for r in rows])
            n += len(pairs)
        building.count_words(db)
        building.set_meta({**identity, "units": str(n), "complete": "1", "name": p.name})
    progress.report(n, n, _("Optimising the index…"))
    if side is None:
        building.optimize()
    else:
        building.optimize(("src",))
        adopted = side.finish(progress.check)
        building.close()
        if adopted:
            tmsplit.adopt(building.path, side.path)
        else:  # the second process failed: the same index, built here
            _log.warning(
                "%s: target index built in this process (the second process failed: %s)", p.name, side.error
            )
            with building.writing() as db:
                building.add_targets(db)
            building.optimize(("tgt",))
    building.bulk_mode(False)
    building.db.execute("PRAGMA journal_mode=DELETE")


def _detached(exc: MtreviewError) -> MtreviewError:
    """The same error without its traceback and context (so without the frames that raised it)."""
    if isinstance(exc, InputError):
        return InputError(exc.message, exc.path, exc.line)
    try:
        return type(exc)(str(exc))  # Cancelled, ProjectError…: same type, a fresh instance
    except TypeError:
        return MtreviewError(str(exc))


class ProjectMemory:
    """The project's own segments as a memory (confirmed ones for matches, all for concordance), and its
    reference TMs. One per open project; ``close()`` releases the index files."""

    def __init__(self, service: ProjectService, sync_interval_s: float = 0.0) -> None:
        """``sync_interval_s``: lookups within this long of the last check reuse it without asking the
        project again (the window passes a couple of seconds and calls ``invalidate`` on its own writes;
        another reviewer's edit shows up after the interval)."""
        self.service = service
        self.sync_interval_s = sync_interval_s
        location = service._store.location
        self._identity = str(Path(location).resolve()) if "://" not in location else _redacted(location)
        self.index = TmIndex(index_dir() / index_file_name("project", self._identity))
        self._refs: dict[str, TmIndex] = {}
        self._synced: tuple[int, int, int, int] | None = None
        self._synced_at = float("-inf")
        self._lock = threading.RLock()
        """One writer of the project's index at a time (a matches lookup and a concordance search may
        both bring it up to date, on two workers); ``close`` waits for a sync in progress."""

    def close(self) -> None:
        with self._lock:
            self.index.close()
        for idx in self._refs.values():
            idx.close()
        self._refs.clear()

    # -------------------------------------------------------------- references
    def references(self) -> list[Reference]:
        value = self.service._store.get_setting(SETTING, None) or []
        return [Reference(str(v)) for v in value if isinstance(v, str)]

    def attach(self, path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> Changes:
        """Index a reference TM (refused with a message if it is not a usable memory) and attach it."""
        ref = Reference(str(Path(path).resolve()) if "://" not in str(path) else str(path))
        self.reference_index(ref, progress)
        paths = [r.path for r in self.references()]
        if ref.path not in paths:
            paths.append(ref.path)
        return self.service.set_setting(SETTING, paths)

    def detach(self, path: str) -> Changes:
        paths = [r.path for r in self.references() if r.path != path]
        idx = self._refs.pop(path, None)
        if idx is not None:
            idx.close()
        return self.service.set_setting(SETTING, paths)

    def reference_index(self, ref: Reference, progress: Progress = NO_PROGRESS) -> TmIndex:
        idx = self._refs.get(ref.path)
        if ref.is_project:
            if idx is None:
                idx = _other_project_index(ref.path)
                self._refs[ref.path] = idx
            _sync_other_project(idx, ref.path, progress)
            return idx
        fresh = build_file_index(ref.path, progress)
        if idx is not None and idx.path == fresh.path:
            fresh.close()
            return idx
        if idx is not None:
            idx.close()
        self._refs[ref.path] = fresh
        return fresh

    # -------------------------------------------------------------- the project's own index
    def invalidate(self) -> None:
        """The project changed (a write announced by the window): the next lookup brings the index up to
        date whatever the interval says."""
        self._synced_at = float("-inf")

    def sync(self, progress: Progress = NO_PROGRESS) -> int:
        """Bring the project's index up to date; returns how many units were (re)indexed."""
        with self._lock:
            now = time.monotonic()
            if now - self._synced_at < self.sync_interval_s:
                return 0
            with index_errors(self.index.path):
                n, self._synced = sync_project_index(self.index, self.service._store, self._synced, progress)
            self._synced_at = now
            return n

    # -------------------------------------------------------------- queries
    def matches(
        self,
        segment: Segment,
        extra: Sequence[str] = (),
        limit: int = 9,
        min_score: float = 50.0,
        progress: Progress = NO_PROGRESS,
    ) -> list[Match]:
        """Best matches for a segment's source from the project's confirmed segments and every reference."""
        self.sync(progress)
        out: list[Match] = []
        for s, u in fuzzy(self.index, segment.source, limit, min_score, {Status.APPROVED.value}, segment.id):
            out.append(Match(s, PROJECT, u.source, u.target, u.label))
        for origin, idx, accept in self._sources(extra, progress):
            for s, u in fuzzy(idx, segment.source, limit, min_score, accept):
                out.append(
                    Match(
                        s,
                        origin,
                        u.source,
                        u.target,
                        u.label if accept else None,
                        None if accept else u.label,
                    )
                )
        out.sort(key=lambda m: (-m.score, m.origin != PROJECT))
        return _unique(out)[:limit]

    def concordance(
        self, query: str, extra: Sequence[str] = (), limit: int = 100, progress: Progress = NO_PROGRESS
    ) -> list[ConcordanceHit]:
        query = query.strip()
        if not query:
            raise InputError(_("nothing to search for"))
        self.sync(progress)
        hits = [
            ConcordanceHit(PROJECT, u.label, u.source, u.target, s, t)
            for u, s, t in concordance_in(self.index, query, limit)
        ]
        for origin, idx, accept in self._sources(extra, progress):
            if len(hits) >= limit:
                break
            for u, s, t in concordance_in(idx, query, limit - len(hits)):
                hits.append(ConcordanceHit(origin, u.label if accept else None, u.source, u.target, s, t))
        return hits[:limit]

    def _sources(
        self, extra: Sequence[str], progress: Progress
    ) -> Iterable[tuple[str, TmIndex, set[str] | None]]:
        seen: set[str] = set()
        named = [(str(p), Reference(str(p))) for p in extra] + [(r.path, r) for r in self.references()]
        for origin, ref in named:
            if ref.path in seen:
                continue
            seen.add(ref.path)
            accept = {Status.APPROVED.value, Status.CORRECTED.value} if ref.is_project else None
            yield origin, self.reference_index(ref, progress), accept


def _unique(matches: list[Match]) -> list[Match]:
    seen: set[tuple[str, str]] = set()
    out = []
    for m in matches:
        key = (m.source, m.target)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _redacted(location: str) -> str:
    from mtreview.storage.engine import redact

    return redact(location)


def _project_units(store: object, ids: Sequence[int] | None, names: dict[int, str]) -> Iterator[Unit]:
    for s in bulk.iter_segment_texts(store, ids=ids):  # type: ignore[arg-type]
        yield Unit(
            s.id,
            f"{names.get(s.document_id, s.document_id)}#{s.ordinal}",
            s.source,
            s.target,
            s.status.value,
            s.version,
        )


def sync_project_index(
    index: TmIndex,
    store: object,
    known: tuple[int, int, int, int] | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[int, tuple[int, int, int, int]]:
    """Re-index the segments that changed since the index was last brought up to date (compared by
    version), drop the ones that are gone. Returns (units re-indexed, the project's fingerprint)."""
    fp = bulk.fingerprint(store)  # type: ignore[arg-type]
    if known == fp and index.exists():
        return 0, fp
    if not index.exists():
        discard(index.path)
        index.close()
        index.create()
    elif index.meta("fingerprint") == repr(fp):
        return 0, fp
    current = bulk.segment_versions(store)  # type: ignore[arg-type]
    indexed = index.versions()
    changed = [i for i, v in current.items() if indexed.get(i) != v]
    gone = [i for i in indexed if i not in current]
    names = bulk.document_names(store)  # type: ignore[arg-type]
    fresh = not indexed
    df: Counter[str] | None = None if fresh else Counter()
    done = 0
    if fresh:
        index.bulk_mode(True)
    with index.writing() as db:
        index.remove(db, [i for i in changed if i in indexed] + gone, df)
        batch: list[Unit] = []
        for unit in _project_units(store, changed, names):
            batch.append(unit)
            if len(batch) >= BATCH:
                index.add(db, batch, df)
                done += len(batch)
                batch.clear()
                progress.check()
                progress.report(done, len(changed), _("Indexing the project…"))
        if batch:
            index.add(db, batch, df)
            done += len(batch)
        if df is None:
            index.count_words(db)
        else:
            # A re-indexed unit's words are taken out and put back: only new and removed units count.
            index.write_df(db, df)
        index.set_meta({"fingerprint": repr(fp), "complete": "1", "units": str(len(current))})
    if fresh:
        index.optimize()
        index.bulk_mode(False)
    return done, fp


def _other_project_index(location: str) -> TmIndex:
    identity = str(Path(location).resolve()) if "://" not in location else _redacted(location)
    return TmIndex(index_dir() / index_file_name("project", identity))


def _sync_other_project(index: TmIndex, location: str, progress: Progress) -> None:
    from mtreview.storage import open_project

    try:
        store = open_project(location, create=False)
    except MtreviewError as exc:  # the reference is unusable: say why, naming it
        raise InputError(str(exc), location) from None
    try:
        with index_errors(index.path):
            sync_project_index(index, store, None, progress)
    finally:
        store.close()
