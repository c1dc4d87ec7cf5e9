"""User patterns (search, idiom ``re:`` entries, false friends, replace) run in linear time or are refused."""

from __future__ import annotations

import re
import time

import pytest

from mtreview.domain.errors import InputError
from mtreview.domain.patterns import Budget, PatternError, compile_pattern

CATASTROPHIC = [
    # (pattern, text): each takes seconds to minutes with Python's backtracking re
    (r"(a+)+$", "a" * 28 + "!"),
    (r"(\w+\s?)+$", "word " * 4000 + "!"),
    (r"(\w+\s?)+policy\.$", "the new tax " * 3000 + "policy!"),
    (r"(x+x+)+y", "x" * 5000),
    (r"^(([a-z])+.)+[A-Z]([a-z])+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"),
]


@pytest.mark.parametrize(("pattern", "text"), CATASTROPHIC)
def test_catastrophic_patterns_finish_in_linear_time(pattern: str, text: str) -> None:
    compiled = compile_pattern(pattern)
    cpu = time.process_time()
    found = [m.span() for m in compiled.finditer(text)]
    assert time.process_time() - cpu < 1.0  # CPU seconds; Python's re needs from 20 s to hours here
    # same answer as Python's re would give (checked on a short prefix it can finish)
    short = text[:12] + text[-2:]
    assert [m.span() for m in compiled.finditer(short)] == [m.span() for m in re.finditer(pattern, short)]
    assert isinstance(found, list)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"\w+", "ホルデン氏 met Anthropic", ["ホルデン氏", "met", "Anthropic"]),  # \w is Unicode, as in re
        (r"\d+", "価格は１２０円と34", ["１２０", "34"]),  # full-width digits are \d in Python
        (r"\s", "一\u3000二 三\t", ["\u3000", " ", "\t"]),  # ideographic space is \s
        (r"[\w-]+", "well-known 東京", ["well-known", "東京"]),
        (r"\W+", "a, b。c", [", ", "。"]),
        (r"(?i)holden", "HOLDEN and Holden", ["HOLDEN", "Holden"]),
        (r"end\Z", "end\nend", ["end"]),
        (r"\u30db\U0001F600?", "ホ😀", ["ホ😀"]),
        (r"a(?#a comment)b", "ab", ["ab"]),
        (r"[]x]+", "x]]", ["x]]"]),
        (r"(?P<name>ab)c", "abc", ["abc"]),
    ],
)
def test_python_meaning_of_classes(pattern: str, text: str, expected: list[str]) -> None:
    assert [m.group() for m in compile_pattern(pattern).finditer(text)] == expected
    assert [m.group() for m in re.finditer(pattern, text)] == expected  # the same as Python's re


def test_offsets_are_code_points() -> None:
    m = compile_pattern("家").search("𠮷野家です")
    assert m is not None and m.span() == (2, 3)


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        (r"(?<!\w)cat", "lookbehind"),
        (r"(?<=a)b", "lookbehind"),
        (r"cat(?!s)", "lookahead"),
        (r"cat(?=s)", "lookahead"),
        (r"(a)\1", "backreference"),
        (r"(?P<x>a)(?P=x)", "backreference"),
        (r"(?>a+)b", "atomic"),
        (r"(a)?(?(1)b|c)", "conditional"),
        (r"(", "invalid regular expression"),
        (r"a{5000}", "invalid regular expression"),
        (r"[a-", "invalid regular expression"),
        (r"(?:\w{100}){10}", "too large"),
        ("a" * 3000, "too long"),
        ("x*+", "possessive"),
    ],
)
def test_refused_with_a_message(pattern: str, says: str, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PatternError) as info:
        compile_pattern(pattern)
    assert says in str(info.value)
    assert isinstance(info.value, InputError)  # the CLI's one-line exit 2, the GUI's message
    assert capfd.readouterr().err == ""  # RE2 prints nothing of its own


def test_a_refusal_names_the_file_and_line() -> None:
    with pytest.raises(PatternError) as info:
        compile_pattern(r"(?<!x)y", path="idioms.tsv", line=7)
    assert str(info.value).startswith("idioms.tsv:7: ")


def test_budget_refuses_a_batch_that_runs_too_long() -> None:
    compiled = compile_pattern(r"[ab]*a[ab]{200}c")  # a large automaton: the slowest kind RE2 runs
    texts = ["ab" * 5000] * 10_000
    budget = Budget(seconds=0.05)
    with pytest.raises(PatternError, match="CPU time"):
        for text in texts:
            compiled.search(text, budget=budget)
    assert budget.used < 2.0  # stopped soon after the budget was spent, not after all 10,000 texts


def test_sub_uses_python_templates() -> None:
    p = compile_pattern(r"(?P<first>\w+) (\w+)")
    text = "ホルデン 社 and x y"
    assert p.sub(r"\2 \g<first>", text) == "社 ホルデン x and y" == re.sub(p.pattern, r"\2 \g<first>", text)
    assert p.subn(lambda m: m.group(1).upper(), "ab cd ef gh", count=1) == ("AB ef gh", 1)
    with pytest.raises(PatternError, match="no group 3"):
        p.sub(r"\3", "a b")
    assert compile_pattern("x*").sub("-", "abc") == re.sub("x*", "-", "abc")
