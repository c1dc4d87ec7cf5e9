"""Search matches highlighted in the grid (``services.search.match_spans``) use the filter's engine: a
catastrophic pattern typed in regex mode costs linear time, an unsupported one is refused with a message."""

from __future__ import annotations

import time

import pytest

from mtreview.domain.errors import InputError
from mtreview.services.search import match_spans


def test_a_catastrophic_pattern_highlights_in_linear_time() -> None:
    text = "the harbour market opens early " * 400 + "!"
    cpu = time.process_time()
    assert match_spans(text, r"(\w+\s?)+$", regex=True) == []
    assert match_spans("a" * 28 + "!", r"(a+)+$", regex=True) == []
    assert time.process_time() - cpu < 1.0  # CPU seconds; Python's re backtracks for minutes here


def test_plain_search_ignores_case_and_spans_are_code_points() -> None:
    text = "😀 Harbour と harbour、HARBOUR"
    spans = match_spans(text, "harbour")
    assert [text[a:b] for a, b in spans] == ["Harbour", "harbour", "HARBOUR"]
    assert spans[0] == (2, 9)  # the emoji is one code point (two in UTF-16)


def test_regex_search_as_written_and_empty_matches_skipped() -> None:
    text = "港の朝市 opened in 2019 and 2024"
    assert [text[a:b] for a, b in match_spans(text, r"\d+", regex=True)] == ["2019", "2024"]
    assert match_spans(text, r"x*", regex=True) == []


def test_a_pattern_that_needs_backtracking_is_refused_with_a_message() -> None:
    with pytest.raises(InputError) as caught:
        match_spans("fish and bread", r"(?<=fish) and", regex=True)
    assert "lookbehind" in str(caught.value)
