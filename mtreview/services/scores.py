"""Scoring use cases: the numbers behind ``mtreview score``, ``mtreview report`` and the dashboard.

Three inputs, one result (``ScoreReport``, whose ``to_json()`` is the ``mtreview score --json`` contract):

- a Google MQM TSV (``score_mqm_tsv``): a document is (system, doc), a segment ``<system>/<seg_id>``, a
  segment's penalty the mean over its raters, a system's ``mqm`` the mean over its (segment, rater) items;
- a project (``score_project``): confirmed annotations only, ids ``<document>#<ordinal>``, settings
  ``typology``, ``weights`` (overrides of the typology's), ``threshold``; a document's engine is its system;
- a text input read by the existing readers/aligner (``score_document``): ids are ordinals, no annotations.

chrF and TER compare the MT (hypothesis) with the corrected text (reference) and are ``None`` where a
segment has no corrected text; document chrF/TER/BLEU are sacrebleu corpus scores over the segments that
have one (``None`` when none has). MQM normalisations of a document without words or characters are 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtreview.domain.model import ImportedDocument, Severity
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.scoring import metrics, verdict
from mtreview.scoring.mqm import DEFAULT_THRESHOLD, MqmAggregator, MqmPolicy
from mtreview.scoring.typology import DEFAULT_TYPOLOGY, Typology
from mtreview.scoring.typology import load as load_typology


@dataclass(frozen=True, slots=True)
class ScoreSegment:
    id: str
    document: str
    system: str | None
    source: str
    mt: str
    corrected: str | None = None
    status: str | None = None
    """The segment's review status in a project (``new``, ``corrected``, ``approved``, ``rejected``)."""
    rated: bool = False
    """Rated by a rater (Google's MQM TSV): reviewed whatever its status."""
    key: Any = None
    """Where the segment came from (a project's segment id), for reading its text and annotations again."""

    @property
    def reviewed(self) -> bool:
        """Decided on by a reviewer (``scoring.verdict``): approved/rejected, rated, or corrected in a
        file."""
        return self.rated or verdict.is_reviewed(self.status, self.corrected)

    @property
    def target(self) -> str:
        """The current target: the corrected text where there is one, else the MT (PRODUCT.md "Segment
        text": for a project, ``target`` is the corrected text). MQM normalises by its characters."""
        return self.mt if self.corrected is None else self.corrected


@dataclass(frozen=True, slots=True)
class ScoreAnnotation:
    key: Any
    segment: str
    """``ScoreSegment.id``."""
    category: str
    severity: Severity
    rater: str = ""
    """The rater whose (segment, rater) item this belongs to (TSV); ``""`` for a project."""
    author: str = ""
    """Who made the annotation (the TSV rater, or the project annotation's author)."""


@dataclass(frozen=True, slots=True)
class SegmentScore:
    id: str
    document: str
    system: str | None
    chrf: float | None
    ter: float | None
    mqm_penalty: float
    errors: int = 0
    key: Any = None
    """``ScoreSegment.key``: a project's segment id (not part of the JSON contract)."""
    reviewed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "system": self.system,
            "chrf": self.chrf,
            "ter": self.ter,
            "mqm_penalty": self.mqm_penalty,
        }


@dataclass(frozen=True, slots=True)
class DocumentScore:
    name: str
    segments: int
    chrf: float | None
    bleu: float | None
    ter: float | None
    mqm_penalty: float
    mqm_per_100_words: float
    mqm_per_1000_chars: float
    quality: float
    passed: bool
    words: int = 0
    corrected: int = 0
    system: str | None = None
    reviewed: int = 0
    """Segments a reviewer decided on (``scoring.verdict``)."""
    threshold: float = DEFAULT_THRESHOLD

    @property
    def judgement(self) -> verdict.Judgement:
        """Pass, fail, in progress or not reviewed: an unreviewed document has quality 100 and no result."""
        return verdict.judgement(self.quality, self.threshold, self.reviewed, self.segments)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "segments": self.segments,
            "chrf": self.chrf,
            "bleu": self.bleu,
            "ter": self.ter,
            "mqm_penalty": self.mqm_penalty,
            "mqm_per_100_words": self.mqm_per_100_words,
            "mqm_per_1000_chars": self.mqm_per_1000_chars,
            "quality": self.quality,
            "pass": self.passed,
            "reviewed": self.reviewed,
            "verdict": self.judgement.verdict.value,
        }


@dataclass(frozen=True, slots=True)
class SystemScore:
    name: str
    items: int
    mqm: float

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "items": self.items, "mqm": self.mqm}


@dataclass(frozen=True)
class ScoreReport:
    segments: list[SegmentScore]
    documents: list[DocumentScore]
    systems: list[SystemScore]
    signatures: dict[str, str]
    weights: dict[str, float]
    source_errors: str = "weighted"
    threshold: float = DEFAULT_THRESHOLD
    typology: str = DEFAULT_TYPOLOGY
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Counted annotations by (top-level category, severity), for charts."""
    reviewers: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Counted annotations by (author, severity)."""
    statuses: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Segments by (document, status), for progress; empty for inputs without statuses."""
    title: str = ""
    warnings: list[str] = field(default_factory=list)
    """Things the user should know about the input (printed on stderr by the CLI)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "segments": [s.to_json() for s in self.segments],
            "documents": [d.to_json() for d in self.documents],
            "systems": [s.to_json() for s in self.systems],
            "signatures": dict(self.signatures),
            "weights": dict(self.weights),
            "settings": {
                "typology": self.typology,
                "threshold": self.threshold,
                "source_errors": self.source_errors,
            },
        }


def compute(
    segments: Sequence[ScoreSegment],
    annotations: Iterable[ScoreAnnotation],
    policy: MqmPolicy,
    threshold: float = DEFAULT_THRESHOLD,
    items: Iterable[tuple[str, str]] | None = None,
    progress: Progress = NO_PROGRESS,
    title: str = "",
) -> ScoreReport:
    """Score ``segments``. ``items`` are the rated (segment id, rater) pairs; by default every segment is
    one item (rater ``""``)."""
    agg = MqmAggregator(policy, threshold)
    annotations = list(annotations)
    agg.load(
        ((s.id, s.document, s.source, s.target, s.system) for s in segments),
        ((a.key, a.segment, a.category, a.severity, a.rater) for a in annotations),
        items,
    )
    errors, reviewers, n_errors = _tallies(annotations, policy)
    statuses: Counter[tuple[str, str]] = Counter((s.document, s.status) for s in segments if s.status)
    reviewed: Counter[str] = Counter(s.document for s in segments if s.reviewed)
    total = len(segments)
    to_score = [(i, s) for i, s in enumerate(segments) if s.corrected is not None]
    stats: dict[int, metrics.SegmentStats] = {}
    chunk = 2000
    for start in range(0, len(to_score), chunk):
        progress.check()
        part = to_score[start : start + chunk]
        pairs = [metrics.MetricInput(mt=s.mt, corrected=s.corrected or "") for _, s in part]
        for (i, _s), st in zip(part, metrics.segment_stats(pairs), strict=True):
            stats[i] = st
        progress.report(min(start + chunk, len(to_score)), max(len(to_score), 1), "")
    doc_aggs: dict[str, metrics.CorpusAggregator] = {}
    doc_system: dict[str, str | None] = {}
    out_segments: list[SegmentScore] = []
    for i, s in enumerate(segments):
        seg_stats = stats.get(i)
        doc_aggs.setdefault(s.document, metrics.CorpusAggregator()).set(i, seg_stats)
        doc_system.setdefault(s.document, s.system)
        out_segments.append(
            SegmentScore(
                s.id,
                s.document,
                s.system,
                None if seg_stats is None else metrics.chrf_of(seg_stats.chrf),
                None if seg_stats is None else metrics.ter_of(seg_stats.ter),
                agg.segment_penalty(s.id),
                n_errors[s.id],
                s.key,
                s.reviewed,
            )
        )
    corpus = {name: doc_agg.scores() for name, doc_agg in doc_aggs.items()}
    progress.report(total, total, "")
    return _assemble(
        agg, out_segments, corpus, doc_system, reviewed, policy, threshold, errors, reviewers, statuses, title
    )


def _tallies(
    annotations: Iterable[ScoreAnnotation], policy: MqmPolicy
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], Counter[str]]:
    """Counted annotations that weigh: by (top-level category, severity), by (author, severity), by
    segment."""
    errors: Counter[tuple[str, str]] = Counter()
    reviewers: Counter[tuple[str, str]] = Counter()
    n_errors: Counter[str] = Counter()
    classes: dict[tuple[str, Severity], int | None] = {}
    for a in annotations:
        key = (a.category, a.severity)
        if key not in classes:
            classes[key] = policy.weight_class(a.category, a.severity)
        if classes[key] is not None:
            errors[(a.category.split("/", 1)[0], a.severity.value)] += 1
            reviewers[(a.author or a.rater, a.severity.value)] += 1
            n_errors[a.segment] += 1
    return errors, reviewers, n_errors


def _assemble(
    agg: MqmAggregator,
    segments: list[SegmentScore],
    corpus: Mapping[str, metrics.CorpusScores],
    systems: Mapping[str, str | None],
    reviewed: Mapping[str, int],
    policy: MqmPolicy,
    threshold: float,
    errors: Counter[tuple[str, str]],
    reviewers: Counter[tuple[str, str]],
    statuses: Counter[tuple[str, str]],
    title: str,
) -> ScoreReport:
    """The report from MQM totals and each document's corpus scores (``corpus``: name → scores of its
    corrected segments; a document without one has none) and reviewed segments."""
    none = metrics.CorpusScores(0, None, None, None)
    documents: list[DocumentScore] = []
    for name in agg.document_names():
        d = agg.document(name)
        scores = corpus.get(name, none)
        documents.append(
            DocumentScore(
                name,
                d.segments,
                scores.chrf,
                scores.bleu,
                scores.ter,
                d.penalty,
                d.per_100_words,
                d.per_1000_chars,
                d.quality,
                d.passed,
                d.words,
                scores.segments,
                systems.get(name),
                reviewed.get(name, 0),
                float(threshold),
            )
        )
    return ScoreReport(
        segments,
        documents,
        [SystemScore(n, agg.system(n).items, agg.system(n).mqm) for n in agg.system_names()],
        metrics.signatures(),
        policy.weights_json(),
        policy.source_errors,
        float(threshold),
        policy.typology.id if policy.typology else DEFAULT_TYPOLOGY,
        errors,
        reviewers,
        statuses,
        title,
    )


def make_policy(
    typology: Typology | str | None = None,
    weights: Mapping[str, Any] | None = None,
    source_errors: str = "weighted",
) -> MqmPolicy:
    typ = typology if isinstance(typology, Typology) else load_typology(typology or DEFAULT_TYPOLOGY)
    return MqmPolicy(typ.effective_weights(weights), typ, source_errors)


# -- inputs ------------------------------------------------------------------------------------------


def score_mqm_tsv(
    path: str, source_errors: str = "weighted", progress: Progress = NO_PROGRESS
) -> ScoreReport:
    from mtreview.formats.mqm_tsv import read_mqm_tsv

    tsv = read_mqm_tsv(path)
    seg_id = {s.key: f"{s.system}/{s.seg_id}" for s in tsv.segments}
    segments = [
        ScoreSegment(seg_id[s.key], f"{s.system}/{s.doc}", s.system, s.source, s.target, None, rated=True)
        for s in tsv.segments
    ]
    annotations = [
        ScoreAnnotation(i, seg_id[a.segment_key], a.category, a.severity, a.rater, a.rater)
        for i, a in enumerate(tsv.annotations)
    ]
    items = [(seg_id[key], rater) for key, rater in tsv.items()]
    report = compute(
        segments,
        annotations,
        make_policy(None, None, source_errors),
        DEFAULT_THRESHOLD,
        items,
        progress,
        title=path,
    )
    report.warnings.extend(tsv.warnings)
    return report


def score_document(
    doc: ImportedDocument, source_errors: str = "weighted", progress: Progress = NO_PROGRESS
) -> ScoreReport:
    segments = [
        ScoreSegment(str(i), doc.name, doc.engine, s.source, s.target, s.corrected)
        for i, s in enumerate(doc.segments, start=1)
    ]
    return compute(
        segments,
        [],
        make_policy(None, None, source_errors),
        DEFAULT_THRESHOLD,
        None,
        progress,
        title=doc.path or doc.name,
    )


def project_policy(store: Any, source_errors: str = "weighted") -> tuple[MqmPolicy, float]:
    """The project's typology, weight overrides and threshold (settings ``typology``, ``weights``,
    ``threshold``)."""
    typ = store.get_setting("typology", DEFAULT_TYPOLOGY) or DEFAULT_TYPOLOGY
    weights = store.get_setting("weights", None) or None
    threshold = store.get_setting("threshold", DEFAULT_THRESHOLD)
    if threshold is None:
        threshold = DEFAULT_THRESHOLD
    return make_policy(str(typ), weights, source_errors), float(threshold)


def score_project(
    store: Any, source_errors: str = "weighted", progress: Progress = NO_PROGRESS
) -> ScoreReport:
    """Score a project from what it stores (``storage.figures``): word and character counts, statuses,
    confirmed annotations, and each corrected segment's sacrebleu statistics (``services.segment_stats``,
    computed and stored where missing), without reading the segments' texts. Only confirmed annotations
    count; ids are ``<document>#<ordinal>``; ``SegmentScore.key`` is the project's segment id.
    ``store``: a ``ProjectService`` or its store."""
    from mtreview.services import segment_stats
    from mtreview.storage import figures

    store = getattr(store, "_store", store)
    policy, threshold = project_policy(store, source_errors)
    docs = {d.id: d for d in store.documents()}
    rows = figures.segment_numbers(store)
    progress.check()
    uncounted = [r[0] for r in rows if r[4] is None]
    counted = segment_stats.count_words(store, uncounted) if uncounted else {}
    ids = {r[0]: f"{docs[r[1]].name}#{r[2]}" for r in rows}
    severities = {s.value: s for s in Severity}
    annotations = [
        ScoreAnnotation(aid, ids[sid], category, severities[severity], "", author)
        for aid, sid, category, severity, author in figures.confirmed_annotations(store)
        if sid in ids
    ]
    stats = segment_stats.ensure(store, ((r[0], r[3]) for r in rows if r[6]), progress)
    agg = MqmAggregator(policy, threshold)
    agg.load_counted(
        (
            (ids[sid], docs[doc].name, counted[sid] if words is None else words, chars, docs[doc].engine)
            for sid, doc, _o, _v, words, chars, _c, _s in rows
        ),
        ((a.key, a.segment, a.category, a.severity, "") for a in annotations),
    )
    errors, reviewers, n_errors = _tallies(annotations, policy)
    statuses: Counter[tuple[str, str]] = Counter()
    reviewed: Counter[str] = Counter()
    for doc_id, status, count in figures.status_counts(store):
        statuses[(docs[doc_id].name, status)] += count
        if verdict.is_reviewed(status, None):
            reviewed[docs[doc_id].name] += count
    blobs: dict[int, list[bytes]] = {}
    out_segments: list[SegmentScore] = []
    for sid, doc, _o, _v, _w, _c, _k, status in rows:
        key, found, d = ids[sid], stats.get(sid), docs[doc]
        chrf, ter = (None, None) if found is None else (found[1], found[2])
        if found is not None:
            blobs.setdefault(doc, []).append(found[3])
        out_segments.append(
            SegmentScore(
                key,
                d.name,
                d.engine,
                chrf,
                ter,
                agg.segment_penalty(key),
                n_errors[key],
                sid,
                verdict.is_reviewed(status, None),
            )
        )
    corpus = {docs[doc].name: segment_stats.DocumentSums(items).scores() for doc, items in blobs.items()}
    title = getattr(store, "display_name", "")
    return _assemble(
        agg,
        out_segments,
        corpus,
        {d.name: d.engine for d in docs.values()},
        reviewed,
        policy,
        threshold,
        errors,
        reviewers,
        statuses,
        title() if callable(title) else str(title),
    )


def is_mqm_tsv(path: str) -> bool:
    """A file whose first line is Google's MQM TSV header."""
    from mtreview.formats.mqm_tsv import COLUMNS

    try:
        with open(path, "rb") as fh:
            head = fh.readline(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    names = [h.strip().lower() for h in head.rstrip("\r\n").split("\t")]
    return names[: len(COLUMNS)] == list(COLUMNS)
