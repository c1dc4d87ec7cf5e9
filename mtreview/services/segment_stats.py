"""sacrebleu's sufficient statistics per segment, kept in the project so scores are never recomputed.

Each corrected segment's chrF, TER and BLEU statistics (``scoring.metrics.SegmentStats``) are stored with
the segment version they describe and the *signature* of the metric configuration that produced them
(``storage.figures``). Opening a project, the dashboard and the report load them; only segments whose
version or signature differs (a new correction, another mtreview's configuration) are computed again —
on a worker, in chunks, each chunk stored as it is done.

Statistics are packed as float64 (integers up to 2**53 are exact) in the order chrF, TER, BLEU; a
document's corpus statistics are their column sums, and its scores equal sacrebleu's corpus scores on the
same strings exactly (chrF and BLEU sums are turned back into integers).

The signature hashes sacrebleu's signatures, this module's packing format and the statistics of a few
fixed probe pairs, so any change in how a metric is computed (a tokenizer, TER's Asian support, a
normalisation before the metric) changes it and the stored statistics are recomputed, without anyone
having to remember to invalidate them.
"""

from __future__ import annotations

import functools
import hashlib
import json
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.scoring import metrics

FORMAT = 1
"""Bump when the packing below changes."""
CHUNK = 2000
_PROBES = (
    ("東京タワーは1958年に完成しました。", "東京タワーは1958年に完成した。"),
    ("The meeting starts at 9 a.m.", "会議は午前9時に始まります。"),
    ("ホルデン社は、AIについて「慎重に」と述べた", "ホールデン氏は、AIについて「慎重に」と述べた。"),
)


@dataclass(frozen=True, slots=True)
class Layout:
    signature: str
    chrf: int
    """How many numbers each metric's statistics have (chrF, TER, BLEU), in packing order."""
    ter: int
    bleu: int

    @property
    def width(self) -> int:
        return self.chrf + self.ter + self.bleu


@functools.lru_cache(maxsize=1)
def layout() -> Layout:
    probes = list(
        metrics.segment_stats([metrics.MetricInput(mt=mt, corrected=corrected) for mt, corrected in _PROBES])
    )
    key = json.dumps(
        {"format": FORMAT, "signatures": metrics.signatures(), "probes": [p.to_json() for p in probes]},
        sort_keys=True,
        ensure_ascii=False,
    )
    first = probes[0]
    return Layout(
        hashlib.sha256(key.encode("utf-8")).hexdigest()[:32], len(first.chrf), len(first.ter), len(first.bleu)
    )


def pack(stats: metrics.SegmentStats) -> bytes:
    return array("d", [*stats.chrf, *stats.ter, *stats.bleu]).tobytes()


def unpack(blob: bytes) -> metrics.SegmentStats:
    values = array("d")
    values.frombytes(blob)
    return _split(list(values))


def _split(values: Sequence[float]) -> metrics.SegmentStats:
    lay = layout()
    c, t = lay.chrf, lay.chrf + lay.ter
    return metrics.SegmentStats(
        [int(x) for x in values[:c]], [float(x) for x in values[c:t]], [int(x) for x in values[t:]]
    )


Stored = tuple[int, float, float, bytes]
"""One segment's statistics as kept: (segment version, sentence chrF, sentence TER, packed statistics)."""


def compute(items: Sequence[tuple[int, str, str]]) -> list[Stored]:
    """Statistics of ``(version, mt, corrected)`` items."""
    pairs = [metrics.MetricInput(mt=mt, corrected=corrected) for _v, mt, corrected in items]
    return [
        (v, metrics.chrf_of(st.chrf), metrics.ter_of(st.ter), pack(st))
        for (v, _m, _c), st in zip(items, metrics.segment_stats(pairs), strict=True)
    ]


def compute_and_store(
    store: object, segment_ids: Sequence[int], progress: Progress = NO_PROGRESS, persist: bool = True
) -> dict[int, Stored]:
    """Statistics of these segments' current corrections (segments without one are left out), computed a
    chunk at a time and, with ``persist``, stored as each chunk is done."""
    from mtreview.storage import figures as stored

    signature = layout().signature
    out: dict[int, Stored] = {}
    for start in range(0, len(segment_ids), CHUNK):
        progress.check()
        rows = [r for r in stored.texts(store, segment_ids[start : start + CHUNK]) if r[3] is not None]  # type: ignore[arg-type]
        done = compute([(v, mt, corrected) for _sid, v, mt, corrected in rows])  # type: ignore[misc]
        if persist and done:
            stored.save_stats(store, signature, [(r[0], *d) for r, d in zip(rows, done, strict=True)])  # type: ignore[arg-type]
        out.update((r[0], d) for r, d in zip(rows, done, strict=True))
        progress.report(min(start + CHUNK, len(segment_ids)), len(segment_ids), "")
    return out


def ensure(
    store: object,
    wanted: Iterable[tuple[int, int]],
    progress: Progress = NO_PROGRESS,
    persist: bool = True,
) -> dict[int, Stored]:
    """The statistics of every ``(segment id, version)`` in ``wanted`` (segments with a correction):
    loaded where stored for that version and signature, else computed and (with ``persist``) stored."""
    from mtreview.storage import figures as stored

    versions = dict(wanted)
    few = len(versions) <= CHUNK
    rows = stored.load_stats(store, layout().signature, list(versions) if few else None)  # type: ignore[arg-type]
    out = {r[0]: r[1:] for r in rows if versions.get(r[0]) == r[1]}
    missing = [sid for sid in versions if sid not in out]
    if missing:
        out.update(compute_and_store(store, missing, progress, persist))
    return out


class DocumentSums:
    """Running column sums of packed statistics (one document's corpus statistics); O(1) updates."""

    def __init__(self, blobs: Iterable[bytes] = ()) -> None:
        import numpy as np

        width = layout().width
        joined = b"".join(blobs)
        self.count = len(joined) // (8 * width)
        self._sums = [0.0] * width
        if self.count:  # column sums of whole numbers below 2**53: exact in any order
            columns = np.frombuffer(joined, dtype=np.float64).reshape(self.count, width)
            self._sums = [float(x) for x in columns.sum(axis=0)]

    def add(self, blob: bytes, sign: int = 1) -> None:
        values = array("d")
        values.frombytes(blob)
        for i, v in enumerate(values):
            self._sums[i] += sign * v
        self.count += sign

    def remove(self, blob: bytes) -> None:
        self.add(blob, -1)

    def scores(self) -> metrics.CorpusScores:
        if self.count <= 0:
            return metrics.CorpusScores(0, None, None, None)
        stats = _split(self._sums)
        return metrics.CorpusScores(
            self.count, metrics.chrf_of(stats.chrf), metrics.ter_of(stats.ter), metrics.bleu_of(stats.bleu)
        )


def count_words(store: object, segment_ids: Sequence[int]) -> dict[int, int]:
    """Count (as MQM counts words) and store the source words of segments stored without them."""
    from mtreview.scoring.mqm import source_words
    from mtreview.storage import figures as stored

    counted = {sid: source_words(text) for sid, text in stored.sources(store, segment_ids).items()}  # type: ignore[arg-type]
    stored.save_words(store, list(counted.items()))  # type: ignore[arg-type]
    return counted
