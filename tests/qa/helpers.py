"""Shared helpers of the check tests: build documents from (source, target) pairs and run checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mtreview.qa import DocumentInput, Finding, IncrementalChecker, QaResult, SegmentInput
from mtreview.qa.context import QaContext


def document(pairs: Iterable[tuple[str, str]], name: str = "doc") -> DocumentInput:
    return DocumentInput(name, tuple(SegmentInput(str(i), name, s, t) for i, (s, t) in enumerate(pairs, 1)))


def run(
    pairs: Iterable[tuple[str, str]],
    checks: Iterable[str] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> QaResult:
    settings = {"user_lexicons": False, **(settings or {})}
    return IncrementalChecker(
        [document(pairs)], settings, QaContext.from_settings(settings), only=checks
    ).run()


def findings(
    pairs: Iterable[tuple[str, str]], check: str, settings: Mapping[str, Any] | None = None
) -> list[Finding]:
    pairs = list(pairs)
    result = run(pairs, [check], settings)
    assert not result.errors, result.errors
    for f in result.findings:
        text = pairs[int(f.segment) - 1][0 if f.side.value == "source" else 1]
        if f.start is None:
            assert f.end is None and f.text == text
        else:
            assert f.text == text[f.start : f.end], f
    return [f for f in result.findings if f.check == check]
