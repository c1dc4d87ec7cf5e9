"""Second opinion on the aligner's irregular links, from the dictionary.

The aligner decides from lengths and shared anchors. A translation that drops a clause is short, one that
adds a sentence is long, and either can tip a 1-1 pair into a 1-2 link beside an unpaired paragraph (or
shift a run of pairs by one). Where the links of a stretch of the body are irregular (1-2, 2-1, 2-2,
unpaired paragraphs) and the stretch holds as many English as Japanese paragraphs, its one-to-one
pairing is scored with the dictionary coverage of each pair (``qa.analysis.coverage``) against the
aligner's own links; the one-to-one pairing replaces them when every one of its pairs reads as a
translation and together they explain the paragraphs clearly better.

Nothing changes when JMdict is not installed, and only irregular stretches are examined: a regular
document costs one pass over its links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mtreview.align.aligner import AlignerResult, Link
from mtreview.align.structure import Unit

Event = tuple[tuple[int, ...], tuple[int, ...], Link | None]
"""(source units, target units, the aligner's link or None): a pair or an unpaired paragraph."""

MIN_PAIR = 0.3
"""Every pair of the one-to-one alternative must have at least this coverage score."""
MARGIN = 0.1
"""…and the alternative must beat the aligner's links by this much (mean score per paragraph)."""
MAX_WINDOW = 8
"""Longest stretch (in paragraphs per side) that is re-paired."""


def _score(source: str, target: str) -> float:
    """How well two texts cover each other: the harmonic mean of the matched shares of both sides."""
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    sc, sn = cov.source_ratio()
    tc, tn = cov.target_ratio()
    if not sn or not tn:
        return 0.0
    s, t = sc / sn, tc / tn
    return 0.0 if s + t == 0 else 2 * s * t / (s + t)


def _text(units: Sequence[Unit], indices: Sequence[int]) -> str:
    return "\n".join(t for i in indices for t in units[i].texts)


def repair(result: AlignerResult, source: Sequence[Unit], target: Sequence[Unit]) -> AlignerResult:
    """``result`` with irregular stretches re-paired one to one where the dictionary says so."""
    try:
        from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

        default_dictionary()
    except (ImportError, DictionaryUnavailable):
        return result
    # events in body order: links, and the paragraphs left unpaired inside the body
    events: list[Event] = [(lk.source, lk.target, lk) for lk in result.links]
    events += [((i,), (), None) for i in result.source_body_only]
    events += [((), (j,), None) for j in result.target_body_only]
    events.sort(key=lambda e: (e[0][0] if e[0] else _after(e[1][0], result.links), 0 if e[0] else 1))
    out: list[Event] = []
    changed = False
    i = 0
    while i < len(events):
        if _regular(events[i]):
            out.append(events[i])
            i += 1
            continue
        j = i
        while j < len(events) and (not _regular(events[j]) or _between_irregular(events, j)):
            j += 1
        window = events[i:j]
        src = sorted(k for e in window for k in e[0])
        tgt = sorted(k for e in window for k in e[1])
        alternative = _one_to_one(window, src, tgt, source, target)
        if alternative is not None:
            out.extend(alternative)
            changed = True
        else:
            out.extend(window)
        i = j
    if not changed:
        return result
    links = [lk if lk is not None else Link(s, t, 0.0, 0.5) for s, t, lk in out if s and t]
    source_only = sorted(s[0] for s, t, _lk in out if s and not t)
    target_only = sorted(t[0] for s, t, _lk in out if t and not s)
    return replace(result, links=links, source_body_only=source_only, target_body_only=target_only)


def _after(j: int, links: list[Link]) -> float:
    """Sort key of an unpaired target paragraph: just after the link whose target precedes it."""
    best = -1.0
    for lk in links:
        if lk.target and lk.target[-1] < j:
            best = lk.source[-1] + 0.5
    return best


def _regular(event: Event) -> bool:
    return len(event[0]) == 1 and len(event[1]) == 1


def _between_irregular(events: list[Event], j: int) -> bool:
    """A regular link sandwiched between irregular ones belongs to their stretch (a shifted run)."""
    return 0 < j < len(events) - 1 and not _regular(events[j + 1]) and not _regular(events[j - 1])


def _one_to_one(
    window: list[Event], src: list[int], tgt: list[int], source: Sequence[Unit], target: Sequence[Unit]
) -> list[Event] | None:
    if not src or len(src) != len(tgt) or len(src) > MAX_WINDOW:
        return None
    if src != list(range(src[0], src[0] + len(src))) or tgt != list(range(tgt[0], tgt[0] + len(tgt))):
        return None
    current = 0.0
    for s, t, _lk in window:
        if s and t:
            current += _score(_text(source, s), _text(target, t)) * (len(s) + len(t))
    current /= 2 * len(src)
    scores = [_score(_text(source, [a]), _text(target, [b])) for a, b in zip(src, tgt, strict=True)]
    if min(scores) < MIN_PAIR or sum(scores) / len(scores) < current + MARGIN:
        return None
    return [((a,), (b,), Link((a,), (b,), 0.0, score)) for a, b, score in zip(src, tgt, scores, strict=True)]
