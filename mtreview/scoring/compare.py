"""Compare two MT engines on the same source with sacrebleu's paired bootstrap resampling.

Both engines' outputs are hypotheses against the same corrected texts (references); everything is passed
by keyword, so the baseline, the candidate and the references cannot be swapped by position.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sacrebleu.significance import PairedTest

from mtreview.scoring import metrics

METRICS = ("chrf", "ter", "bleu")


@dataclass(frozen=True, slots=True)
class EngineResult:
    name: str
    score: float
    mean: float
    ci: float
    """Half-width of the 95% confidence interval of the bootstrap mean."""
    p_value: float | None
    """For the candidate: p-value of the difference from the baseline; ``None`` for the baseline."""


@dataclass(frozen=True, slots=True)
class Comparison:
    metric: str
    signature: str
    baseline: EngineResult
    candidate: EngineResult
    segments: int

    def significant(self, alpha: float = 0.05) -> bool:
        """A real difference with p < alpha. (sacrebleu gives identical systems a tiny p-value by design:
        "a zero difference should not be attributed to chance"; equal scores are never significant here.)"""
        return (
            self.candidate.score != self.baseline.score
            and self.candidate.p_value is not None
            and self.candidate.p_value < alpha
        )


def _metric(name: str) -> Any:
    if name == "chrf":
        return metrics.chrf_metric()
    if name == "ter":
        return metrics.ter_metric()
    if name == "bleu":
        return metrics.bleu_metric()
    raise ValueError(f"unknown metric {name!r} (expected one of {', '.join(METRICS)})")


def paired_bootstrap(
    *,
    references: Sequence[str],
    baseline: tuple[str, Sequence[str]],
    candidate: tuple[str, Sequence[str]],
    metric: str = "chrf",
    n_samples: int = 1000,
) -> Comparison:
    """Paired bootstrap (sacrebleu ``PairedTest``, ``test_type="bs"``): ``candidate`` against ``baseline``."""
    (base_name, base_out), (cand_name, cand_out) = baseline, candidate
    if not references:
        raise ValueError("nothing to compare: no segments")
    if not (len(base_out) == len(cand_out) == len(references)):
        raise ValueError("both engines and the references must cover the same segments")
    m = _metric(metric)
    quiet = logging.getLogger("sacrebleu")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        test = PairedTest(
            [(base_name, list(base_out)), (cand_name, list(cand_out))],
            {metric: m},
            [list(references)],
            test_type="bs",
            n_samples=n_samples,
        )
        signatures, results = test()
    finally:
        quiet.setLevel(level)
    (key,) = (k for k in results if k != "System")
    base, cand = results[key]
    assert not isinstance(base, str) and not isinstance(cand, str)
    return Comparison(
        metric,
        str(next(iter(signatures.values()))),
        EngineResult(base_name, float(base.score), float(base.mean or 0.0), float(base.ci or 0.0), None),
        EngineResult(
            cand_name,
            float(cand.score),
            float(cand.mean or 0.0),
            float(cand.ci or 0.0),
            None if cand.p_value is None else float(cand.p_value),
        ),
        len(references),
    )
