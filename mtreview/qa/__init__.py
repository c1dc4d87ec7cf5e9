"""Automatic checks (Qt-free): the engine, the built-in checks and their lexicons.

Entry points: ``run_checks(documents, settings, progress) -> QaResult`` and ``IncrementalChecker`` for
re-checking an edited segment; ``documents_from_*`` helpers build the inputs.
"""

from mtreview.qa.base import Check, DocumentInput, Finding, QaError, QaResult, SegmentInput
from mtreview.qa.runner import IncrementalChecker, run_checks

__all__ = [
    "Check",
    "DocumentInput",
    "Finding",
    "IncrementalChecker",
    "QaError",
    "QaResult",
    "SegmentInput",
    "run_checks",
]
