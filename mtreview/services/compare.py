"""Comparing two MT engines of a project on the same source (sacrebleu's paired bootstrap).

Two documents are comparable where their segments have the same English source. Both engines' MT is
scored against one human reference per segment: the corrected text of either document (the first's
where both have one). Only segments with a reference take part. The statistics are
``scoring.compare.paired_bootstrap``'s.
"""

from __future__ import annotations

from mtreview.domain.errors import InputError
from mtreview.domain.model import Segment
from mtreview.i18n import _
from mtreview.scoring.compare import Comparison, paired_bootstrap
from mtreview.services.project import ProjectService


def comparable_pairs(
    service: ProjectService, doc_a: int, doc_b: int
) -> tuple[list[str], list[str], list[str]]:
    """(MT of A, MT of B, references) for the segments whose source both documents share."""
    b_by_source: dict[str, Segment] = {}
    for seg in service._store.iter_segments(doc_b):
        b_by_source.setdefault(seg.source, seg)
    mt_a, mt_b, refs = [], [], []
    for seg in service._store.iter_segments(doc_a):
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
    service: ProjectService,
    doc_a: int,
    doc_b: int,
    n_samples: int = 1000,
    metrics: tuple[str, ...] = ("chrf", "bleu"),
) -> list[Comparison]:
    docs = {d.id: d for d in service._store.documents()}
    mt_a, mt_b, refs = comparable_pairs(service, doc_a, doc_b)
    if len(refs) < 2:
        raise InputError(_("the two documents share fewer than two corrected segments with the same source"))
    name_a = docs[doc_a].engine or docs[doc_a].name
    name_b = docs[doc_b].engine or docs[doc_b].name
    if name_a == name_b:
        name_b += " (2)"
    return [
        paired_bootstrap(
            references=refs, baseline=(name_a, mt_a), candidate=(name_b, mt_b), metric=m, n_samples=n_samples
        )
        for m in metrics
    ]
