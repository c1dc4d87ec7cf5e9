"""MQM scores: segment penalties, document totals, normalisations, pass/fail, system means.

Penalties are positive (lower is better). A segment's penalty is the sum of the weights of its confirmed
annotations; with several raters (Google's MQM TSV) it is the mean over the raters who rated it, and a
system's score is the mean over its rated (segment, rater) items, as in Google's published tables.

``MqmAggregator`` keeps *integer counts* of annotations per weight class for every item, segment,
document and system, so that one annotation added or removed updates everything in O(1), a weight or
policy change re-scores without recounting, and incremental and from-scratch scores are identical.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mtreview.domain.model import Severity
from mtreview.i18n import _
from mtreview.scoring.typology import WEIGHT_KEYS, Typology

DEFAULT_THRESHOLD = 90.0
SOURCE_ERRORS_POLICIES = ("weighted", "ignore")

# Weight classes: the six named weights, then source errors by severity (weighted or ignored by policy).
CLASSES = (*WEIGHT_KEYS, "source_neutral", "source_minor", "source_major", "source_critical")
_INDEX = {name: i for i, name in enumerate(CLASSES)}
N_CLASSES = len(CLASSES)
NO_ERROR = "No-error"


def default_weights() -> dict[str, float]:
    """Google's weights (PRODUCT.md): Major 5, Minor 1, Minor Fluency/Punctuation 0.1, Non-translation 25,
    Neutral 0, and Critical 25 (Google does not use Critical; 25 is mtreview's documented choice)."""
    return {
        "neutral": 0.0,
        "minor": 1.0,
        "minor_punctuation": 0.1,
        "major": 5.0,
        "critical": 25.0,
        "non_translation": 25.0,
    }


def source_words(source: str) -> int:
    """Words: whitespace-separated tokens of the source."""
    return len(source.split())


def _rule_by_name(category: str) -> str | None:
    top = category.split("/", 1)[0].strip().lower()
    if top.startswith("non-translation"):
        return "non-translation"
    if top in ("source error", "source issue"):
        return "source-error"
    parts = category.split("/")
    if (
        len(parts) >= 2
        and parts[0].strip().lower() == "fluency"
        and parts[1].strip().lower() == "punctuation"
    ):
        return "punctuation"
    return None


@dataclass(frozen=True)
class MqmPolicy:
    """How annotations become weights: the weights, the typology's category rules, the source-error policy."""

    weights: Mapping[str, float] = field(default_factory=default_weights)
    typology: Typology | None = None
    source_errors: str = "weighted"

    def __post_init__(self) -> None:
        if self.source_errors not in SOURCE_ERRORS_POLICIES:
            raise ValueError(
                _("--source-errors must be one of: {values}").format(values=", ".join(SOURCE_ERRORS_POLICIES))
            )
        missing = [k for k in WEIGHT_KEYS if k not in self.weights]
        if missing:
            raise ValueError(f"missing weights: {missing}")

    def rule(self, category: str) -> str | None:
        if self.typology is not None:
            known = self.typology.category(category)
            if known is not None:
                return known.rule
        return _rule_by_name(category)

    def weight_class(self, category: str, severity: Severity) -> int | None:
        """Index into ``CLASSES``, or ``None`` for rows that never weigh anything (``No-error``)."""
        if category.strip() == NO_ERROR:
            return None
        rule = self.rule(category)
        if rule == "non-translation":
            return _INDEX["non_translation"]
        if rule == "source-error":
            return _INDEX["source_" + severity.value]
        if rule == "punctuation" and severity is Severity.MINOR:
            return _INDEX["minor_punctuation"]
        return _INDEX[severity.value]

    def vector(self) -> tuple[float, ...]:
        w = self.weights
        src = 0.0 if self.source_errors == "ignore" else 1.0
        return (
            *(float(w[k]) for k in WEIGHT_KEYS),
            src * float(w["neutral"]),
            src * float(w["minor"]),
            src * float(w["major"]),
            src * float(w["critical"]),
        )

    def weight(self, category: str, severity: Severity) -> float:
        cls = self.weight_class(category, severity)
        return 0.0 if cls is None else self.vector()[cls]

    def weights_json(self) -> dict[str, float]:
        return {k: float(self.weights[k]) for k in WEIGHT_KEYS}


def _dot(counts: list[int], vector: tuple[float, ...]) -> float:
    total = 0.0
    for c, w in zip(counts, vector, strict=True):
        if c:
            total += c * w
    return total


@dataclass(frozen=True, slots=True)
class DocumentMqm:
    name: str
    segments: int
    words: int
    target_chars: int
    penalty: float
    per_100_words: float
    per_1000_chars: float
    quality: float
    passed: bool
    threshold: float
    weights: Mapping[str, float]
    """The weights that produced these numbers."""
    source_errors: str


@dataclass(frozen=True, slots=True)
class SystemMqm:
    name: str
    items: int
    mqm: float
    weights: Mapping[str, float]
    source_errors: str


def normalise(penalty: float, words: int, chars: int, threshold: float) -> tuple[float, float, float, bool]:
    """(per 100 source words, per 1,000 target characters, quality, pass). Zero words or characters give
    0 for that normalisation (an empty document has nothing to normalise; never NaN)."""
    per_words = penalty * 100.0 / words if words else 0.0
    per_chars = penalty * 1000.0 / chars if chars else 0.0
    quality = max(0.0, 100.0 - per_words)
    return per_words, per_chars, quality, quality >= threshold


@dataclass(slots=True)
class _Seg:
    document: str
    system: str | None
    words: int
    chars: int
    counts: list[int]
    raters: dict[str, list[int]]
    annotations: set[Any] = field(default_factory=set)


@dataclass(slots=True)
class _Doc:
    segments: int = 0
    words: int = 0
    chars: int = 0
    by_raters: dict[int, list[int]] = field(default_factory=dict)
    """Counts of segments with n raters, keyed by n (the penalty divides each group by its n)."""


@dataclass(slots=True)
class _Sys:
    items: int = 0
    counts: list[int] = field(default_factory=lambda: [0] * N_CLASSES)


class MqmAggregator:
    """Live MQM totals. Add segments, rated items and annotations; read any score at any time."""

    def __init__(self, policy: MqmPolicy | None = None, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.policy = policy or MqmPolicy()
        self.threshold = float(threshold)
        self._vector = self.policy.vector()
        self._segs: dict[Any, _Seg] = {}
        self._docs: dict[str, _Doc] = {}
        self._systems: dict[str, _Sys] = {}
        self._annotations: dict[Any, tuple[Any, str, int | None]] = {}
        self._raw: dict[Any, tuple[str, Severity]] = {}
        self._classes: dict[tuple[str, Severity], int | None] = {}
        """Weight class by (category, severity); depends on the typology only."""

    # -- configuration -------------------------------------------------------------------------------
    def set_policy(self, policy: MqmPolicy) -> None:
        """New weights or source-error policy: O(1) (counts stay); a typology change recounts."""
        if policy.typology is not self.policy.typology:
            annotations = list(self._annotations.items())
            raw = dict(self._raw)
            for key, _value in annotations:
                self.remove_annotation(key)
            self.policy = policy
            self._vector = policy.vector()
            self._classes = {}
            for key, (seg, rater, _cls) in annotations:
                category, severity = raw[key]
                self.add_annotation(key, seg, category, severity, rater)
            return
        self.policy = policy
        self._vector = policy.vector()

    def set_threshold(self, threshold: float) -> None:
        self.threshold = float(threshold)

    # -- building ------------------------------------------------------------------------------------
    def add_segment(
        self, key: Any, document: str, source: str = "", target: str = "", system: str | None = None
    ) -> None:
        if key in self._segs:
            raise KeyError(f"segment {key!r} already added")
        seg = _Seg(document, system, source_words(source), len(target), [0] * N_CLASSES, {})
        self._segs[key] = seg
        doc = self._docs.setdefault(document, _Doc())
        doc.segments += 1
        doc.words += seg.words
        doc.chars += seg.chars
        doc.by_raters.setdefault(0, [0] * N_CLASSES)

    def add_totals(
        self, document: str, segments: int, words: int, chars: int, system: str | None = None
    ) -> None:
        """Count ``segments`` segments of ``document`` in bulk (their words and target characters), each one
        rated item without annotations, with no per-segment entry: for the many segments of a project
        nobody annotated. Negative numbers take segments out of the bulk again."""
        doc = self._docs.get(document)
        if doc is None:
            doc = self._docs[document] = _Doc()
            doc.by_raters[0] = [0] * N_CLASSES
        doc.segments += segments
        doc.words += words
        doc.chars += chars
        doc.by_raters.setdefault(1, [0] * N_CLASSES)
        if system is not None:
            self._systems.setdefault(system, _Sys()).items += segments

    def add_item(self, segment: Any, rater: str = "") -> None:
        """Mark ``segment`` as rated by ``rater`` (an item counts in its system's mean even with no error)."""
        seg = self._segs[segment]
        if rater in seg.raters:
            return
        doc = self._docs[seg.document]
        n = len(seg.raters)
        self._move(doc, seg.counts, n, n + 1)
        seg.raters[rater] = [0] * N_CLASSES
        if seg.system is not None:
            self._systems.setdefault(seg.system, _Sys()).items += 1

    def _move(self, doc: _Doc, counts: list[int], old_n: int, new_n: int) -> None:
        old = doc.by_raters.setdefault(old_n, [0] * N_CLASSES)
        new = doc.by_raters.setdefault(new_n, [0] * N_CLASSES)
        if not any(counts):
            return
        for i, c in enumerate(counts):
            if c:
                old[i] -= c
                new[i] += c

    def add_annotation(
        self, key: Any, segment: Any, category: str, severity: Severity, rater: str = ""
    ) -> None:
        """One annotation; O(1). Adds the (segment, rater) item if it is new."""
        if key in self._annotations:
            raise KeyError(f"annotation {key!r} already added")
        seg = self._segs[segment]
        if rater not in seg.raters:
            self.add_item(segment, rater)
        memo = (category, severity)
        cls = self._classes.get(memo, -1)
        if cls == -1:
            cls = self._classes[memo] = self.policy.weight_class(category, severity)
        self._annotations[key] = (segment, rater, cls)
        self._raw[key] = (category, severity)
        seg.annotations.add(key)
        if cls is not None:
            self._bump(seg, rater, cls, 1)

    def remove_annotation(self, key: Any) -> None:
        segment, rater, cls = self._annotations.pop(key)
        self._raw.pop(key, None)
        seg = self._segs[segment]
        seg.annotations.discard(key)
        if cls is not None:
            self._bump(seg, rater, cls, -1)

    def remove_segment(self, key: Any) -> None:
        """Remove a segment with its items and annotations (e.g. to re-add it with a new text)."""
        seg = self._segs[key]
        for ann in list(seg.annotations):
            self.remove_annotation(ann)
        doc = self._docs[seg.document]
        doc.by_raters.setdefault(len(seg.raters), [0] * N_CLASSES)
        if seg.system is not None and seg.raters:
            self._systems[seg.system].items -= len(seg.raters)
        doc.segments -= 1
        doc.words -= seg.words
        doc.chars -= seg.chars
        del self._segs[key]

    def _bump(self, seg: _Seg, rater: str, cls: int, delta: int) -> None:
        seg.raters[rater][cls] += delta
        seg.counts[cls] += delta
        self._docs[seg.document].by_raters[len(seg.raters)][cls] += delta
        if seg.system is not None:
            self._systems[seg.system].counts[cls] += delta

    def load(
        self,
        segments: Iterable[tuple[Any, str, str, str, str | None]],
        annotations: Iterable[tuple[Any, Any, str, Severity, str]],
        items: Iterable[tuple[Any, str]] | None = None,
    ) -> None:
        """Bulk version of ``add_segment`` / ``add_item`` / ``add_annotation`` for scoring from scratch:
        ``segments`` are (key, document, source, target, system); ``items`` (segment, rater) default to one
        item per segment with rater ``""``; ``annotations`` are (key, segment, category, severity, rater).
        Documents and systems are summed once per segment at the end instead of once per annotation. The
        result is identical to the incremental calls (tested). The cyclic garbage collector is paused
        meanwhile (it would otherwise re-scan the growing structures many times: 2-3x slower)."""
        self._bulk(((k, d, len(s.split()), len(t), y) for k, d, s, t, y in segments), annotations, items)

    def load_counted(
        self,
        segments: Iterable[tuple[Any, str, int, int, str | None]],
        annotations: Iterable[tuple[Any, Any, str, Severity, str]],
        items: Iterable[tuple[Any, str]] | None = None,
    ) -> None:
        """``load`` with the segments' counts instead of their texts: (key, document, source words,
        target characters, system), e.g. as a project stores them."""
        self._bulk(segments, annotations, items)

    def _bulk(
        self,
        segments: Iterable[tuple[Any, str, int, int, str | None]],
        annotations: Iterable[tuple[Any, Any, str, Severity, str]],
        items: Iterable[tuple[Any, str]] | None,
    ) -> None:
        paused = gc.isenabled()
        gc.disable()
        try:
            self._load(segments, annotations, items)
        finally:
            if paused:
                gc.enable()
                # Promote what was built now, as part of the load, instead of as a pause in a later live
                # update (measured: a 300 ms collection on the first updates otherwise).
                gc.collect(1)

    def _load(
        self,
        segments: Iterable[tuple[Any, str, int, int, str | None]],
        annotations: Iterable[tuple[Any, Any, str, Severity, str]],
        items: Iterable[tuple[Any, str]] | None,
    ) -> None:
        segs, docs, systems = self._segs, self._docs, self._systems
        added: list[_Seg] = []
        fresh: set[Any] = set()
        for key, document, words, chars, system in segments:
            if key in segs:
                raise KeyError(f"segment {key!r} already added")
            seg = _Seg(document, system, words, chars, [0] * N_CLASSES, {})
            segs[key] = seg
            added.append(seg)
            fresh.add(key)
            doc = docs.get(document)
            if doc is None:
                doc = docs[document] = _Doc()
                doc.by_raters[0] = [0] * N_CLASSES
            doc.segments += 1
            doc.words += seg.words
            doc.chars += seg.chars
        if items is None:
            for seg in added:
                seg.raters[""] = [0] * N_CLASSES
        else:
            for seg_key, rater in items:
                if seg_key not in fresh:
                    self.add_item(seg_key, rater)
                    continue
                seg = segs[seg_key]
                if rater not in seg.raters:
                    seg.raters[rater] = [0] * N_CLASSES
        classes, policy, known = self._classes, self.policy, self._annotations
        raw = self._raw
        for key, seg_key, category, severity, rater in annotations:
            if key in known:
                raise KeyError(f"annotation {key!r} already added")
            if seg_key not in fresh:
                self.add_annotation(key, seg_key, category, severity, rater)
                continue
            seg = segs[seg_key]
            memo = (category, severity)
            cls = classes.get(memo, -1)
            if cls == -1:
                cls = classes[memo] = policy.weight_class(category, severity)
            known[key] = (seg_key, rater, cls)
            raw[key] = memo
            seg.annotations.add(key)
            counts = seg.raters.get(rater)
            if counts is None:
                counts = seg.raters[rater] = [0] * N_CLASSES
            if cls is not None:
                counts[cls] += 1
                seg.counts[cls] += 1
        for seg in added:
            n = len(seg.raters)
            doc = docs[seg.document]
            bucket = doc.by_raters.get(n)
            if bucket is None:
                bucket = doc.by_raters[n] = [0] * N_CLASSES
            sys_ = None
            if seg.system is not None:
                sys_ = systems.get(seg.system)
                if sys_ is None:
                    sys_ = systems[seg.system] = _Sys()
                sys_.items += n
            if any(seg.counts):
                for i, c in enumerate(seg.counts):
                    if c:
                        bucket[i] += c
                        if sys_ is not None:
                            sys_.counts[i] += c

    # -- reading -------------------------------------------------------------------------------------
    def segment_penalty(self, key: Any) -> float:
        seg = self._segs[key]
        n = len(seg.raters)
        return _dot(seg.counts, self._vector) / n if n else 0.0

    def item_penalty(self, segment: Any, rater: str = "") -> float:
        return _dot(self._segs[segment].raters[rater], self._vector)

    def segment_keys(self) -> list[Any]:
        return list(self._segs)

    def document_names(self) -> list[str]:
        return list(self._docs)

    def system_names(self) -> list[str]:
        return list(self._systems)

    def document_penalty(self, name: str) -> float:
        doc = self._docs[name]
        return sum(_dot(counts, self._vector) / n for n, counts in sorted(doc.by_raters.items()) if n)

    def document(self, name: str) -> DocumentMqm:
        doc = self._docs[name]
        penalty = self.document_penalty(name)
        per_words, per_chars, quality, passed = normalise(penalty, doc.words, doc.chars, self.threshold)
        return DocumentMqm(
            name,
            doc.segments,
            doc.words,
            doc.chars,
            penalty,
            per_words,
            per_chars,
            quality,
            passed,
            self.threshold,
            self.policy.weights_json(),
            self.policy.source_errors,
        )

    def system(self, name: str) -> SystemMqm:
        sys_ = self._systems[name]
        mean = _dot(sys_.counts, self._vector) / sys_.items if sys_.items else 0.0
        return SystemMqm(name, sys_.items, mean, self.policy.weights_json(), self.policy.source_errors)


def plain_penalties(weighted: Iterable[tuple[Any, float]]) -> dict[Any, float]:
    """The floor for benchmarks and tests: sum weights per segment in a plain loop."""
    out: dict[Any, float] = {}
    for key, weight in weighted:
        out[key] = out.get(key, 0.0) + weight
    return out
