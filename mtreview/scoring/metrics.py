"""A typed sacrebleu adapter: chrF and TER per segment, chrF, TER and BLEU per corpus, with signatures.

Direction cannot be swapped: every metric takes a ``MetricInput``, built only with keywords
(``MetricInput(mt=..., corrected=...)``); the MT is always sacrebleu's hypothesis, the corrected text its
reference.

Corpus scores are never recomputed from the texts: each segment keeps sacrebleu's sufficient statistics
(plain lists: chrF n-gram counts, TER edits and reference length, BLEU match counts) and a
``CorpusAggregator`` keeps running sums, so a corpus score after one edit costs one segment's statistics
plus O(1), and equals ``sacrebleu``'s ``corpus_score`` on the same strings exactly (the sums are of
integers, as sacrebleu's own aggregation is).

Scores are ``None`` where a segment has no corrected text and for a corpus with no corrected segment;
never NaN.

Configurations, chosen for Japanese (each visible in its signature):

- chrF: sacrebleu's defaults (character 6-grams, no word n-grams, whitespace ignored). Characters are what
  Japanese has instead of spaces, so chrF needs no tokenizer; chrF++'s word n-grams would count whole
  space-less sentences as one "word" and are left off (``nw:0``).
- TER: ``normalized=True, asian_support=True`` (``norm:yes|asian:yes``). sacrebleu applies Asian support
  only while normalising (sacrebleu issue 229): with ``asian_support`` alone a Japanese sentence is one
  token and every edit scores TER 100. Normalised, kanji and CJK punctuation become tokens of their own
  (kana runs between them stay one token each, as sacrebleu's tercom port does), so one wrong word costs
  a few edits out of many. The number equals ``sacrebleu -m ter --ter-normalized --ter-asian-support``.
- BLEU: corpus only (never per segment), with the ``ja-mecab`` tokenizer (``sacrebleu[ja]``); where MeCab
  cannot load, ``char`` — the signature says which. The default ``13a`` tokenizer sees no Japanese words.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

BLEU_TOKENIZER = "ja-mecab"
BLEU_FALLBACK_TOKENIZER = "char"
TER_NORMALIZED = True
"""Without it sacrebleu ignores ``asian_support`` and never splits Japanese (module docstring)."""
TER_ASIAN_SUPPORT = True


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricInput:
    """One segment for the metrics: ``mt`` is the hypothesis, ``corrected`` the reference (keywords only)."""

    mt: str
    corrected: str

    def __post_init__(self) -> None:
        if not isinstance(self.mt, str) or not isinstance(self.corrected, str):
            raise TypeError("MetricInput(mt=str, corrected=str)")


@functools.lru_cache(maxsize=1)
def chrf_metric() -> CHRF:
    metric = CHRF()
    metric.corpus_score(["a"], [["a"]])  # sets nrefs:1 for the signature
    return metric


@functools.lru_cache(maxsize=1)
def ter_metric() -> TER:
    metric = TER(normalized=TER_NORMALIZED, asian_support=TER_ASIAN_SUPPORT)
    metric.corpus_score(["a"], [["a"]])  # sets nrefs:1 for the signature
    return metric


@functools.lru_cache(maxsize=1)
def bleu_metric() -> BLEU:
    """BLEU with the ja-mecab tokenizer, or ``char`` when MeCab is not installed."""
    try:
        metric = BLEU(tokenize=BLEU_TOKENIZER)
        metric.corpus_score(["テスト"], [["テスト"]])
        return metric
    except Exception:  # MeCab or its dictionary is missing: sacrebleu raises various errors
        metric = BLEU(tokenize=BLEU_FALLBACK_TOKENIZER)
        metric.corpus_score(["a"], [["a"]])
        return metric


def signatures() -> dict[str, str]:
    return {
        "chrf": str(chrf_metric().get_signature()),
        "bleu": str(bleu_metric().get_signature()),
        "ter": str(ter_metric().get_signature()),
    }


@dataclass(frozen=True, slots=True)
class SegmentStats:
    """sacrebleu's sufficient statistics of one segment (plain lists, JSON-serialisable)."""

    chrf: list[int]
    ter: list[float]
    bleu: list[int]

    def to_json(self) -> dict[str, list[Any]]:
        return {"chrf": list(self.chrf), "ter": list(self.ter), "bleu": list(self.bleu)}

    @classmethod
    def from_json(cls, data: dict[str, list[Any]]) -> SegmentStats:
        return cls(
            [int(x) for x in data["chrf"]], [float(x) for x in data["ter"]], [int(x) for x in data["bleu"]]
        )


def _stats(metric: Any, pairs: Sequence[MetricInput]) -> list[list[Any]]:
    hyps = [p.mt for p in pairs]
    refs = [[p.corrected for p in pairs]]
    return [list(s) for s in metric._extract_corpus_statistics(hyps, refs)]


def segment_stats(pairs: Sequence[MetricInput], chunk: int = 2000) -> Iterator[SegmentStats]:
    """Statistics for each pair, extracted in chunks (bounded memory, unlike one corpus call)."""
    for i in range(0, len(pairs), chunk):
        part = pairs[i : i + chunk]
        c = _stats(chrf_metric(), part)
        t = _stats(ter_metric(), part)
        b = _stats(bleu_metric(), part)
        for k in range(len(part)):
            yield SegmentStats([int(x) for x in c[k]], [float(x) for x in t[k]], [int(x) for x in b[k]])


def one_segment_stats(pair: MetricInput) -> SegmentStats:
    return next(segment_stats([pair]))


def chrf_of(stats: Sequence[int]) -> float:
    return float(chrf_metric()._compute_score_from_stats(list(stats)).score)


def ter_of(stats: Sequence[float]) -> float:
    return float(ter_metric()._compute_score_from_stats(list(stats)).score)


def bleu_of(stats: Sequence[int]) -> float:
    return float(bleu_metric()._compute_score_from_stats(list(stats)).score)


def sentence_chrf(pair: MetricInput) -> float:
    return chrf_of(_stats(chrf_metric(), [pair])[0])


def sentence_ter(pair: MetricInput) -> float:
    return ter_of(_stats(ter_metric(), [pair])[0])


@dataclass(frozen=True, slots=True)
class CorpusScores:
    segments: int
    """Segments with corrected text (those the metrics cover)."""
    chrf: float | None
    ter: float | None
    bleu: float | None


class CorpusAggregator:
    """Running sums of segment statistics: ``set`` / ``remove`` are O(1); ``scores()`` is O(1)."""

    def __init__(self) -> None:
        self._by_key: dict[Hashable, SegmentStats] = {}
        self._chrf: list[int] = []
        self._ter: list[float] = []
        self._bleu: list[int] = []

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._by_key

    @staticmethod
    def _add(total: list[Any], values: Sequence[Any], sign: int) -> list[Any]:
        if not total:
            total = [0] * len(values)
        for i, v in enumerate(values):
            total[i] += sign * v
        return total

    def set(self, key: Hashable, stats: SegmentStats | None) -> None:
        """Store (or replace) a segment's statistics; ``None`` removes it (no corrected text)."""
        self.remove(key)
        if stats is None:
            return
        self._by_key[key] = stats
        self._chrf = self._add(self._chrf, stats.chrf, 1)
        self._ter = self._add(self._ter, stats.ter, 1)
        self._bleu = self._add(self._bleu, stats.bleu, 1)

    def remove(self, key: Hashable) -> None:
        old = self._by_key.pop(key, None)
        if old is None:
            return
        self._chrf = self._add(self._chrf, old.chrf, -1)
        self._ter = self._add(self._ter, old.ter, -1)
        self._bleu = self._add(self._bleu, old.bleu, -1)

    def update(self, items: Iterable[tuple[Hashable, SegmentStats | None]]) -> None:
        for key, stats in items:
            self.set(key, stats)

    def scores(self) -> CorpusScores:
        if not self._by_key:
            return CorpusScores(0, None, None, None)
        return CorpusScores(len(self._by_key), chrf_of(self._chrf), ter_of(self._ter), bleu_of(self._bleu))

    def sums(self) -> SegmentStats:
        return SegmentStats(list(self._chrf), list(self._ter), list(self._bleu))


def corpus_scores(stats: Iterable[SegmentStats | None]) -> CorpusScores:
    agg = CorpusAggregator()
    agg.update(enumerate(stats))
    return agg.scores()
