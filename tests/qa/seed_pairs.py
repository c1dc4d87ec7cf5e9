"""A test-only pairing of the seed page's two bodies, so that the checks are judged on correct pairs
whatever the state of the product's aligner (the aligner has its own tests).

The Japanese lines before 原文を表示 and the English lines after it (without the Japanese page chrome) are
paired by dynamic programming (the Japanese prefix before the translation, the summary, is skipped
for free) over 1-1, 1-2 and 2-1 links scored by length ratio and shared Latin tokens
and numbers; Japanese lines left unpaired (the editorial summary) are not segments.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

from mtreview.align.bilingual import is_japanese
from mtreview.formats.textio import Line, numbered_lines, read_text
from mtreview.qa import DocumentInput, SegmentInput

_TOKENS = re.compile(r"[A-Za-z]{3,}|\d+")


@cache
def _tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKENS.findall(text))


def _cost(ja: list[Line], en: list[Line]) -> float:
    j = sum(len(x.text) for x in ja)
    e = sum(len(x.text) for x in en)
    ratio = math.log((j + 1) / (e * 0.45 + 1))
    tj = frozenset().union(*(_tokens(x.text) for x in ja))
    te = frozenset().union(*(_tokens(x.text) for x in en))
    return 2 * ratio * ratio - 0.5 * len(tj & te)


def _bodies(path: Path) -> tuple[list[Line], list[Line]]:
    lines = numbered_lines(read_text(path).text)
    sep = next(i for i, line in enumerate(lines) if line.text == "原文を表示")
    japanese = lines[:sep]
    english = [line for line in lines[sep + 1 :]]
    while english and is_japanese(english[-1].text):
        english.pop()
    while japanese and len(japanese[-1].text) < 6:  # a truncated last fragment
        japanese.pop()
    return japanese, english


def seed_document(path: Path) -> DocumentInput:
    ja, en = _bodies(path)
    n, m = len(ja), len(en)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    # the translation has about as many lines as the original: it starts within a few lines of that point,
    # and the lines before it (the summary) are skipped for free
    guess = max(0, n - m)
    for i in range(max(0, guess - 12), min(n, guess + 12) + 1):
        cost[i][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for di, dj, penalty in ((1, 1, 0.0), (1, 2, 0.5), (2, 1, 0.5), (0, 1, 1.5), (1, 0, 1.5)):
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                c = cost[i][j] + penalty + (_cost(ja[i:a], en[j:b]) if di and dj else 0.0)
                if c < cost[a][b]:
                    cost[a][b] = c
                    back[a][b] = (i, j)
    pairs: list[tuple[list[Line], list[Line]]] = []
    i, j = n, m
    while j > 0:
        prev = back[i][j]
        assert prev is not None
        pairs.append((ja[prev[0] : i], en[prev[1] : j]))
        i, j = prev
    pairs.reverse()
    pairs = [(t, e) for t, e in pairs if e]
    segments = tuple(
        SegmentInput(
            str(k),
            "seed",
            "\n".join(x.text for x in e),
            "\n".join(x.text for x in t),
            tuple(x.number for x in e),
            tuple(x.number for x in t),
        )
        for k, (t, e) in enumerate(pairs, 1)
    )
    return DocumentInput("seed", segments)
