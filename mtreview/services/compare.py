"""Comparing two MT engines on the same source with sacrebleu's paired bootstrap resampling.

Two documents are comparable when their segments have the same English source. Both engines' MT is
scored against one human reference per segment: the corrected text of either document (the first's
where both have one). Only segments with a reference take part.
"""

from __future__ import annotations

from dataclasses import dataclass

from sacrebleu.significance import PairedTest

from mtreview.domain.errors import InputError
from mtreview.i18n import _
from mtreview.scoring import metrics
from mtreview.services.project import ProjectService


@dataclass(frozen=True)
class EngineResult:
    name: str
    score: float
    mean: float | None
    ci: float | None
    p_value: float | None


@dataclass(frozen=True)
class Comparison:
    metric: str
    signature: str
    segments: int
    baseline: EngineResult
    other: EngineResult

    @property
    def significant(self) -> bool:
        return self.other.p_value is not None and self.other.p_value < 0.05


def comparable_pairs(
    service: ProjectService, doc_a: int, doc_b: int
) -> tuple[list[str], list[str], list[str]]:
    """(MT of A, MT of B, references) for the segments whose source both documents share."""
    b_by_source = {}
    for seg in service.store.iter_segments(doc_b):
        b_by_source.setdefault(seg.source, seg)
    mt_a, mt_b, refs = [], [], []
    for seg in service.store.iter_segments(doc_a):
        other = b_by_source.get(seg.source)
        if other is None:
            continue
        reference = seg.corrected if seg.corrected is not None else other.corrected
        if reference is None:
            continue
        mt_a.append(seg.mt)
        mt_b.append(other.mt)
        refs.append(reference)
    return mt_a, mt_b, refs


def compare_engines(
    service: ProjectService, doc_a: int, doc_b: int, n_samples: int = 1000, seed: int = 12345
) -> list[Comparison]:
    docs = {d.id: d for d in service.store.documents()}
    mt_a, mt_b, refs = comparable_pairs(service, doc_a, doc_b)
    if len(refs) < 2:
        raise InputError(_("the two documents share fewer than two corrected segments with the same source"))
    name_a = docs[doc_a].engine or docs[doc_a].name
    name_b = docs[doc_b].engine or docs[doc_b].name
    if name_a == name_b:
        name_b += " (2)"
    import os

    os.environ.setdefault("SACREBLEU_SEED", str(seed))
    test = PairedTest(
        [(name_a, mt_a), (name_b, mt_b)],
        {"chrF": metrics.chrf_metric(), "BLEU": metrics.bleu_metric()},
        [refs],
        test_type="bs",
        n_samples=n_samples,
    )
    signatures, results = test()
    out = []
    for metric in (k for k in results if k != "System"):  # sacrebleu names them e.g. chrF2, BLEU
        base, other = results[metric]
        out.append(
            Comparison(
                metric,
                str(signatures[metric]),
                len(refs),
                EngineResult(name_a, base.score, base.mean, base.ci, base.p_value),
                EngineResult(name_b, other.score, other.mean, other.ci, other.p_value),
            )
        )
    return out
