"""Paragraph aligner: banded dynamic programming over 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1 links.

Qt-free; numpy does one DP row at a time. The cost of a link (length model, priors, anchors, speaker
labels, the costs of leaving a paragraph unpaired) is ``align.linkcost``; this module searches the band
for the cheapest path, backtracks it into pairs and weighs each pair by its posterior.

Each pair's confidence is the lower of two figures: the link's own evidence (a logistic model over its
length fit and anchors, see ``_confidence``) and its posterior probability under the same costs, by the
forward–backward algorithm over the same band (how much of the likelihood of all alignments passes
through this link): a pair that could as well sit one paragraph up or down, or that only pairs because
something had to, scores low.

Memory is linear in the document length: the DP keeps three rows of costs and one byte of
backpointer per cell of a band around a centre line. The centre line comes from anchors that occur
exactly once on each side (their longest increasing chain); the band widens and the DP reruns when
the best path touches its edge. Small documents (under ``FULL_CELLS`` cells) use the full matrix.

Bounded work: the band never holds more than ``MAX_BAND_CELLS`` cells, whatever the input (without
anchors the band used to grow with 5% of the length, so the work grew with its square: 200k one-character
lines ran for ten minutes and ran out of memory). Time and memory are linear in the number of paragraphs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from mtreview.align.features import UnitFeatures
from mtreview.align.linkcost import (
    INF,
    AnchorWeights,
    FloatArray,
    IntArray,
    band_costs,
    link_cost,
    tail_costs,
)
from mtreview.align.linkcost import (
    AlignParams as AlignParams,  # re-exported: callers import it from here
)
from mtreview.domain.progress import NO_PROGRESS, Progress

FULL_CELLS = 600_000
MAX_BAND_CELLS = 12_000_000
"""At most this many DP cells (a few bytes each, in the forward and backward passes): the band's
half-width is capped at ``MAX_BAND_CELLS / (2 × rows)``."""


def band_limit(n: int) -> float:
    """The largest half-width of the band for ``n`` source units (at least a few cells)."""
    return max(8.0, MAX_BAND_CELLS / (2.0 * (n + 1)))


# backpointer codes
_START, _L11, _L10, _L01, _L21, _L12, _L22 = range(7)
_STEPS = {_L11: (1, 1), _L10: (1, 0), _L01: (0, 1), _L21: (2, 1), _L12: (1, 2), _L22: (2, 2)}


@dataclass(frozen=True, slots=True)
class Link:
    source: tuple[int, ...]
    """0-based source unit indices (empty for a 0-1 link)."""
    target: tuple[int, ...]
    cost: float
    confidence: float
    posterior: float | None = None
    """Share of all alignments (weighted by likelihood) that contain this link."""


@dataclass
class AlignerResult:
    links: list[Link]
    """Pairs (both sides non-empty), in order."""
    source_body_only: list[int] = field(default_factory=list)
    """Source units left unpaired between the first and last pair (1-0 links)."""
    target_body_only: list[int] = field(default_factory=list)
    source_edge: list[int] = field(default_factory=list)
    """Source units before the first or after the last pair."""
    target_edge: list[int] = field(default_factory=list)
    band_width: int = 0
    cells: int = 0


# ------------------------------------------------------------------------------------ band


def _lis(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain strictly increasing in both coordinates."""
    points = sorted(points, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(points)
    import bisect

    for k, (_, u) in enumerate(points):
        pos = bisect.bisect_left(tails, u)
        if pos == len(tails):
            tails.append(u)
            tails_idx.append(k)
        else:
            tails[pos] = u
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos > 0 else -1
    chain: list[tuple[int, int]] = []
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        chain.append(points[k])
        k = prev[k]
    return chain[::-1]


def anchor_chain(source: Sequence[UnitFeatures], target: Sequence[UnitFeatures]) -> list[tuple[int, int]]:
    """(source unit, target unit) of tokens that occur exactly once on each side, longest monotone chain."""
    src_pos: dict[str, list[int]] = defaultdict(list)
    tgt_pos: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(source):
        for tok in unit.tokens:
            src_pos[tok].append(i)
    for j, unit in enumerate(target):
        for tok in unit.tokens:
            tgt_pos[tok].append(j)
    points = {
        (ps[0], tgt_pos[tok][0])
        for tok, ps in src_pos.items()
        if len(ps) == 1 and len(tgt_pos.get(tok, ())) == 1
    }
    return _lis(list(points)) if points else []


def make_band(n: int, m: int, chain: list[tuple[int, int]], width: int) -> tuple[IntArray, IntArray]:
    """Per DP row i (0..n) the inclusive column range [lo, hi], monotone, covering both corners."""
    rows = np.arange(n + 1, dtype=np.float64)
    slope = m / n if n else 1.0
    if chain:
        xs = np.array([p[0] + 1 for p in chain], dtype=np.float64)
        ys = np.array([p[1] + 1 for p in chain], dtype=np.float64)
        centre = np.interp(rows, xs, ys)
        before = rows < xs[0]
        centre[before] = ys[0] - (xs[0] - rows[before]) * slope
        after = rows > xs[-1]
        centre[after] = ys[-1] + (rows[after] - xs[-1]) * slope
        # wider where the nearest anchor is far away
        idx = np.searchsorted(xs, rows)
        left = np.abs(rows - xs[np.clip(idx - 1, 0, len(xs) - 1)])
        right = np.abs(xs[np.clip(idx, 0, len(xs) - 1)] - rows)
        extra = np.minimum(np.minimum(left, right) * 0.15, 4.0 * width)
    else:
        centre = rows * slope
        extra = np.full(n + 1, max(n, m) * 0.05)
    half = np.minimum(width + extra, band_limit(n))
    lo = np.floor(centre - half).astype(np.int64)
    hi = np.ceil(centre + half).astype(np.int64)
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo[0] = 0
    hi[-1] = m
    lo = np.minimum.accumulate(lo[::-1])[::-1].copy()
    hi = np.maximum.accumulate(hi)
    hi = np.maximum(hi, lo)
    return lo, hi


# ------------------------------------------------------------------------------------ the DP


def _slice(row: FloatArray, row_lo: int, start: int, length: int, fill: float) -> FloatArray:
    """``row`` (covering columns row_lo..) read at columns start..start+length-1, ``fill`` outside."""
    out = np.full(length, fill)
    a = max(start, row_lo)
    b = min(start + length, row_lo + len(row))
    if b > a:
        out[a - start : b - start] = row[a - row_lo : b - row_lo]
    return out


def align_units(
    source: Sequence[UnitFeatures],
    target: Sequence[UnitFeatures],
    weights: dict[str, float],
    params: AlignParams | None = None,
    progress: Progress = NO_PROGRESS,
) -> AlignerResult:
    """Align two sequences of paragraphs; returns the pairs and the unpaired units by kind."""
    params = params or AlignParams()
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return AlignerResult([], [], [], list(range(n)), list(range(m)))
    full = (n + 1) * (m + 1) <= FULL_CELLS
    chain = [] if full else anchor_chain(source, target)
    width = params.band
    for attempt in range(params.max_widen + 1):
        if full:
            lo = np.zeros(n + 1, dtype=np.int64)
            hi = np.full(n + 1, m, dtype=np.int64)
        else:
            lo, hi = make_band(n, m, chain, width)
        result, touched = _run(source, target, weights, params, lo, hi, progress)
        result.band_width = -1 if full else width
        if full or not touched or attempt == params.max_widen or width >= band_limit(n):
            return result
        width *= 2
    raise AssertionError("unreachable")


def _run(
    source: Sequence[UnitFeatures],
    target: Sequence[UnitFeatures],
    weights: dict[str, float],
    p: AlignParams,
    lo: IntArray,
    hi: IntArray,
    progress: Progress,
) -> tuple[AlignerResult, bool]:
    n, m = len(source), len(target)
    # anchor band: source unit s pairs with target units of rows s+1 and s+2
    nxt = np.minimum(np.arange(n) + 2, n)
    alo = np.maximum(lo[1 : n + 1] - 2, 0)
    ahi = np.minimum(hi[nxt] - 1, m - 1)
    anchors = AnchorWeights(source, target, weights, alo, ahi)
    costs_for = band_costs(source, target, weights, p, lo, hi, anchors)
    widths = hi - lo + 1
    offsets = np.concatenate(([0], np.cumsum(widths))).astype(np.int64)
    cells = int(offsets[-1])

    rows_d: list[FloatArray] = []
    rows_lo: list[int] = []
    back: list[npt.NDArray[np.int8]] = []
    best_end = INF
    best_cell = (0, 0)
    empty = np.zeros(0)
    block = 1024
    block_start = 0
    c11 = c12 = c21 = c22 = empty
    skip, edge = p.skip_cost, p.edge_cost
    tail_src, tail_tgt = tail_costs(source, p), tail_costs(target, p)
    max_width = int(widths.max())
    skip_steps = skip * np.arange(max_width, dtype=np.float64)
    edge_steps = edge * np.arange(max_width, dtype=np.float64)

    for i in range(n + 1):
        if i % 1024 == 0:
            progress.check()
            progress.report(i, n, "")
        start = int(lo[i])
        width = int(widths[i])
        if i % block == 0:
            block_start = int(offsets[i])
            c11, c12, c21, c22 = costs_for(i, min(i + block, n + 1))
        f0, f1 = int(offsets[i]) - block_start, int(offsets[i + 1]) - block_start
        vals = edge * (i + start) + edge_steps[:width]
        choice = np.zeros(width, dtype=np.int8)
        if i >= 1:
            prev, plo = rows_d[i - 1], rows_lo[i - 1]
            for cand, code in (
                (_slice(prev, plo, start, width, INF) + skip, _L10),
                (_slice(prev, plo, start - 1, width, INF) + c11[f0:f1], _L11),
                (_slice(prev, plo, start - 2, width, INF) + c12[f0:f1], _L12),
            ):
                better = cand < vals
                vals = np.where(better, cand, vals)
                choice[better] = code
            if i >= 2:
                prev2, plo2 = rows_d[i - 2], rows_lo[i - 2]
                for cand, code in (
                    (_slice(prev2, plo2, start - 1, width, INF) + c21[f0:f1], _L21),
                    (_slice(prev2, plo2, start - 2, width, INF) + c22[f0:f1], _L22),
                ):
                    better = cand < vals
                    vals = np.where(better, cand, vals)
                    choice[better] = code
        # 0-1 links within the row: D[j] = min(vals[j], D[j-1] + skip)
        steps = skip_steps[:width]
        run = np.minimum.accumulate(vals - steps) + steps
        skipped = run < vals - 1e-9
        if skipped.any():
            vals = np.where(skipped, run, vals)
            choice[skipped] = _L01
        rows_d.append(vals)
        rows_lo.append(start)
        back.append(choice)
        if i >= 3:
            rows_d[i - 3] = empty  # keep memory linear: only three rows of costs
        end = vals + tail_tgt[start : start + width]
        k = int(np.argmin(end))
        total = float(end[k]) + float(tail_src[i])
        if total < best_end:
            best_end = total
            best_cell = (i, start + k)

    # backtrack
    links: list[Link] = []
    src_body: list[int] = []
    tgt_body: list[int] = []
    touched = False
    i, j = best_cell
    last_pair: tuple[int, int] | None = None
    first_pair = (0, 0)
    while True:
        row_lo = rows_lo[i]
        row_hi = row_lo + len(back[i]) - 1
        if (j - row_lo <= 1 and row_lo > 0) or (row_hi - j <= 1 and row_hi < m):
            touched = True
        code = int(back[i][j - row_lo])
        if code == _START:
            first_pair = (i, j)
            break
        a, b = _STEPS[code]
        if a and b:
            links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), 0.0, 0.0))
            if last_pair is None:
                last_pair = (i, j)
        elif a:
            src_body.append(i - 1)
        else:
            tgt_body.append(j - 1)
        i, j = i - a, j - b
    links.reverse()
    if last_pair is None:
        return AlignerResult([], [], [], list(range(n)), list(range(m)), cells=cells), touched
    # 1-0/0-1 links after the last pair or before the first are edge skips, not body skips
    src_body = sorted(s for s in src_body if first_pair[0] <= s < last_pair[0])
    tgt_body = sorted(t for t in tgt_body if first_pair[1] <= t < last_pair[1])
    src_edge = list(range(first_pair[0])) + list(range(last_pair[0], n))
    tgt_edge = list(range(first_pair[1])) + list(range(last_pair[1], m))
    links = [_scored(lk, source, target, weights, p) for lk in links]
    if p.posterior and links:
        ends = {
            (lk.source[-1] + 1, lk.target[-1] + 1): {(1, 1): _L11, (1, 2): _L12, (2, 1): _L21, (2, 2): _L22}[
                (len(lk.source), len(lk.target))
            ]
            for lk in links
        }
        post = link_posteriors(
            _RowCosts(costs_for, offsets, n + 1), lo, hi, n, m, p, ends, p.temperature, (tail_src, tail_tgt)
        )
        # confidence: the lower of "is it here?" (posterior over positions) and "is it a translation?"
        # (the link's own evidence)
        links = [
            replace(lk, posterior=pp, confidence=min(lk.confidence, pp))
            for lk in links
            for pp in [post.get((lk.source[-1] + 1, lk.target[-1] + 1), 0.0)]
        ]
    return AlignerResult(links, src_body, tgt_body, src_edge, tgt_edge, cells=cells), touched


class _RowCosts:
    """Per-row views of the band link costs, computed a block of rows at a time (bounded memory),
    in whatever order the rows are asked for (the backward pass walks them in reverse)."""

    def __init__(
        self,
        costs_for: Callable[[int, int], tuple[FloatArray, FloatArray, FloatArray, FloatArray]],
        offsets: IntArray,
        n_rows: int,
        block: int = 1024,
    ) -> None:
        self.costs_for = costs_for
        self.offsets = offsets
        self.n_rows = n_rows
        self.block = block
        self.cache: dict[int, tuple[FloatArray, FloatArray, FloatArray, FloatArray]] = {}

    def row(self, i: int) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
        b = i // self.block
        if b not in self.cache:
            if len(self.cache) >= 2:
                self.cache.pop(max(self.cache, key=lambda k: abs(k - b)))  # the block farthest away
            r0 = b * self.block
            self.cache[b] = self.costs_for(r0, min(r0 + self.block, self.n_rows))
        base = int(self.offsets[b * self.block])
        f0, f1 = int(self.offsets[i]) - base, int(self.offsets[i + 1]) - base
        c = self.cache[b]
        return c[0][f0:f1], c[1][f0:f1], c[2][f0:f1], c[3][f0:f1]


def _log_slice(row: FloatArray, row_lo: int, start: int, length: int) -> FloatArray:
    return _slice(row, row_lo, start, length, -np.inf)


def link_posteriors(
    costs: _RowCosts,
    lo: IntArray,
    hi: IntArray,
    n: int,
    m: int,
    p: AlignParams,
    ends: dict[tuple[int, int], int],
    temperature: float = 1.0,
    tails: tuple[FloatArray, FloatArray] | None = None,
) -> dict[tuple[int, int], float]:
    """Posterior probability of each chosen link, by the forward–backward algorithm over the same band
    and costs as the best path (costs read as negative log-likelihoods, divided by ``temperature``):
    the share of all alignments, weighted by their likelihood, that contain the link. ``ends`` maps a
    link's end cell (i, j) to its backpointer code."""
    t = 1.0 / temperature
    skip, edge = p.skip_cost * t, p.edge_cost * t
    if tails is None:
        tail_src = p.edge_cost * np.arange(n, -1, -1, dtype=np.float64)
        tail_tgt = p.edge_cost * np.arange(m, -1, -1, dtype=np.float64)
    else:
        tail_src, tail_tgt = tails
    widths = hi - lo + 1
    max_width = int(widths.max())
    steps = np.arange(max_width, dtype=np.float64)
    forward: list[FloatArray] = []
    log_z = -np.inf
    for i in range(n + 1):
        start, width = int(lo[i]), int(widths[i])
        c11, c12, c21, c22 = costs.row(i) if t == 1.0 else tuple(c * t for c in costs.row(i))
        g = -edge * (i + start + steps[:width])
        if i >= 1:
            prev, plo = forward[i - 1], int(lo[i - 1])
            g = np.logaddexp(g, _log_slice(prev, plo, start, width) - skip)
            g = np.logaddexp(g, _log_slice(prev, plo, start - 1, width) - c11)
            g = np.logaddexp(g, _log_slice(prev, plo, start - 2, width) - c12)
        if i >= 2:
            prev2, plo2 = forward[i - 2], int(lo[i - 2])
            g = np.logaddexp(g, _log_slice(prev2, plo2, start - 1, width) - c21)
            g = np.logaddexp(g, _log_slice(prev2, plo2, start - 2, width) - c22)
        s = skip * steps[:width]
        g = np.logaddexp.accumulate(g + s) - s
        forward.append(g)
        end = g - t * (tail_src[i] + tail_tgt[start : start + width])
        log_z = np.logaddexp(log_z, float(np.logaddexp.reduce(end)))

    post: dict[tuple[int, int], float] = {}
    backward: dict[int, FloatArray] = {}
    by_row: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (ei, ej), code in ends.items():
        by_row[ei].append((ej, code))
    for i in range(n, -1, -1):
        start, width = int(lo[i]), int(widths[i])
        h = -t * (tail_src[i] + tail_tgt[start : start + width])
        for a in (1, 2):
            r = i + a
            if r > n:
                continue
            nxt, nlo = backward[r], int(lo[r])
            r11, r12, r21, r22 = costs.row(r) if t == 1.0 else tuple(c * t for c in costs.row(r))
            if a == 1:
                h = np.logaddexp(h, _log_slice(nxt, nlo, start, width) - skip)
                h = np.logaddexp(h, _log_slice(nxt - r11, nlo, start + 1, width))
                h = np.logaddexp(h, _log_slice(nxt - r12, nlo, start + 2, width))
            else:
                h = np.logaddexp(h, _log_slice(nxt - r21, nlo, start + 1, width))
                h = np.logaddexp(h, _log_slice(nxt - r22, nlo, start + 2, width))
        s = skip * steps[:width][::-1]
        h = (np.logaddexp.accumulate((h + s)[::-1]) - s[::-1])[::-1]
        backward[i] = h
        backward.pop(i + 3, None)  # only two rows ahead are ever needed
        row_costs = None
        for ej, code in by_row.get(i, ()):
            ei = i
            if row_costs is None:
                row_costs = [c * t for c in costs.row(i)]
            a, b = _STEPS[code]
            cost = float(row_costs[{_L11: 0, _L12: 1, _L21: 2, _L22: 3}[code]][ej - start])
            before = forward[i - a]
            k = ej - b - int(lo[i - a])
            if 0 <= k < len(before):
                post[(ei, ej)] = math.exp(min(0.0, float(before[k]) - cost + float(h[ej - start]) - log_z))
    return post


def _scored(
    lk: Link,
    source: Sequence[UnitFeatures],
    target: Sequence[UnitFeatures],
    weights: dict[str, float],
    p: AlignParams,
) -> Link:
    """The link with its exact cost and its confidence (``linkcost.link_cost``)."""
    cost, confidence = link_cost([source[s] for s in lk.source], [target[t] for t in lk.target], weights, p)
    return Link(lk.source, lk.target, cost, confidence)
