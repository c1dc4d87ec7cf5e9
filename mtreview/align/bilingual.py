"""Entry point for aligning a bilingual page or a pair of files (the ``mtreview align`` contract).

- ``align_page(path)``: one file holding both languages, in either order, with optional preface,
  summary, separators and chrome (``structure.split_page``).
- ``align_files(source, target)``: two files; whichever is English is the source.
- ``align_input(input, target=None)``: one of the two.

The result satisfies PRODUCT.md "Lines": every non-blank line of the input(s) is in exactly one of
``pairs``, ``source_only``, ``target_only``; body paragraphs without a translation are recorded in
``source_only_body`` (they become segments with an empty target).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from mtreview.align.aligner import AlignerResult, AlignParams, Link, align_units
from mtreview.align.base import AlignedPair, Alignment
from mtreview.align.features import (
    DocumentFeatures,
    UnitFeatures,
    document_features,
    japanese_ratio,
    ratio_of_pairs,
)
from mtreview.align.linkcost import length_cost, link_cost
from mtreview.align.structure import Unit, file_language, peel_file, read_units, split_page
from mtreview.domain.errors import InputError
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats.textio import read_text
from mtreview.i18n import _

__all__ = [
    "align_files",
    "align_input",
    "align_page",
    "align_units_to_alignment",
    "document_name",
    "is_japanese",
    "japanese_ratio",
]


CHROME_CHARS = 40
"""An edge line this short (in characters) without sentence punctuation may be a heading, a separator
or page chrome."""


_CLOSERS = "\"'”’」』）)]】〕>》"
_SENTENCE_END = frozenset("。．.!?！？…")


def _chrome_like(unit: Unit) -> bool:
    text = unit.flat.strip()
    bare = text.rstrip(_CLOSERS + " ")
    return len(unit.lines) == 1 and len(text) <= CHROME_CHARS and (not bare or bare[-1] not in _SENTENCE_END)


def _trim_chrome_edges(
    result: AlignerResult, source: list[Unit], target: list[Unit], features: DocumentFeatures
) -> AlignerResult:
    """Drop 1-1 links at the end of the pairs that join two short non-sentence lines with no anchor in
    common (a separator such as 原文を表示 beside trailing chrome such as "Share this article"): with no
    evidence but their position at the block boundary they are chrome, not a pair. Short headings inside
    the body keep pairing by position, and so does a title pair at the start (``# Title`` / ``# 題名``);
    a long truncated last paragraph is not chrome-like."""
    links = list(result.links)
    src_edge, tgt_edge = list(result.source_edge), list(result.target_edge)

    def droppable(lk: Link) -> bool:
        if len(lk.source) != 1 or len(lk.target) != 1:
            return False
        s, t = lk.source[0], lk.target[0]
        if not (_chrome_like(source[s]) and _chrome_like(target[t])):
            return False
        shared = features.source[s].tokens & features.target[t].tokens
        return not any(features.weights.get(tok, 0.0) > 0 for tok in shared)

    changed = False
    while len(links) > 1 and droppable(links[-1]):
        lk = links.pop()
        src_edge += lk.source
        tgt_edge += lk.target
        changed = True
    # a line of furniture ("Share this story") joined to the last paragraph: it renders nothing there
    last = links[-1] if links else None
    if last is not None and len(last.source) >= 2 and len(last.target) == 1:
        s = last.source[-1]
        shared = features.source[s].tokens & features.target[last.target[0]].tokens
        if _chrome_like(source[s]) and not any(features.weights.get(tok, 0.0) > 0 for tok in shared):
            links[-1] = replace(last, source=last.source[:-1])
            src_edge.append(s)
            changed = True
    if not changed:
        return result
    return replace(result, links=links, source_edge=sorted(src_edge), target_edge=sorted(tgt_edge))


_BULLETS = frozenset("・•●○◆◇■□▪‣-*※")


def _bulleted(unit: Unit) -> bool:
    return unit.flat.lstrip()[:1] in _BULLETS


def _trim_leading_chrome(
    result: AlignerResult, source: list[Unit], target: list[Unit], features: DocumentFeatures
) -> AlignerResult:
    """Drop a short non-sentence line (a heading) from the front of the first pair when it carries an anchor
    (a name, a number) the English paragraph lacks, or a bulleted item (a key point such as ・支援基金を創設,
    or ・試験では散布が3回で済んだ。) before a paragraph that is not one: the DP joins it for the length it
    adds, but it is the summary above the body, not the start of the paragraph."""
    while result.links and all(map(_bulleted, (target[j] for j in result.links[0].target))):
        first = result.links[0]  # an English headline or standfirst joined to key points alone: no pair
        if any(_bulleted(source[i]) for i in first.source):
            break
        result = replace(
            result,
            links=result.links[1:],
            source_edge=sorted([*result.source_edge, *first.source]),
            target_edge=sorted([*result.target_edge, *first.target]),
        )
    if not result.links:
        return result
    first = result.links[0]
    if len(first.target) < 2 or len(first.source) != 1:
        return result
    head = first.target[0]
    src_tokens = features.source[first.source[0]].tokens
    foreign = [
        t for t in features.target[head].tokens if features.weights.get(t, 0.0) > 0 and t not in src_tokens
    ]
    bullet, body = _bulleted(target[head]), not _bulleted(target[first.target[1]])
    if not ((_chrome_like(target[head]) and foreign) or (bullet and body)):
        return result  # (a key point is a bulleted line, whether or not it ends like a sentence)
    trimmed = replace(first, target=first.target[1:])
    return replace(
        result,
        links=[trimmed, *result.links[1:]],
        target_edge=sorted([*result.target_edge, head]),
    )


CLOSING_SENTENCES = 2
"""A Japanese paragraph of at most this many sentences after the last pair may close that pair."""

_JA_SENTENCE = re.compile(r"[。．！？!?]+[」』）)]*|[」』]")


def _sentences(text: str) -> int:
    """Sentences in a Japanese paragraph (a closing quote without 。 ends one too)."""
    ends = [m.end() for m in _JA_SENTENCE.finditer(text.strip())]
    return len(set(ends))


def _close_trailing_sentences(
    result: AlignerResult,
    target: list[Unit],
    src_feats: list[UnitFeatures],
    tgt_feats: list[UnitFeatures],
    weights: dict[str, float],
    params: AlignParams,
) -> AlignerResult:
    """Close a short Japanese ending into the last pair: the translation often puts the last sentence or
    two of the final English paragraph on lines of their own, beyond the 1-2 links the DP knows. Up to
    ``CLOSING_SENTENCES`` body paragraphs of one or two sentences right after the last pair join it while
    the English side is longer than the Japanese one (the length fit improves, measured with the features
    the DP used) and they carry no anchor (a name, a number) the English side lacks; an untranslated or
    unrelated ending stays unpaired."""
    if not result.links:
        return result
    last = result.links[-1]
    src_units = [src_feats[i] for i in last.source]
    l_s = float(sum(u.length for u in src_units))
    src_tokens = frozenset().union(*(u.tokens for u in src_units))
    l_t = float(sum(tgt_feats[j].length for j in last.target))
    added: list[int] = []
    nxt = last.target[-1] + 1
    while len(added) < CLOSING_SENTENCES and nxt < len(target):  # nothing after the last pair is paired
        unit = tgt_feats[nxt]
        if not unit.sentence or not 1 <= _sentences(target[nxt].flat) <= CLOSING_SENTENCES:
            break
        if float(length_cost(l_s, np.array([l_t + unit.length]), params.variance)[0]) >= float(
            length_cost(l_s, np.array([l_t]), params.variance)[0]
        ):
            break  # the pair is long enough already
        if any(weights.get(tok, 0.0) > 0 and tok not in src_tokens for tok in unit.tokens):
            break  # names or numbers the English paragraph does not have
        added.append(nxt)
        l_t += unit.length
        nxt += 1
    if not added:
        return result
    closed = replace(last, target=last.target + tuple(added))
    return replace(
        result,
        links=[*result.links[:-1], closed],
        target_edge=[j for j in result.target_edge if j not in added],
        target_body_only=[j for j in result.target_body_only if j not in added],
    )


def _open_leading_paragraph(
    result: AlignerResult,
    target: list[Unit],
    src_feats: list[UnitFeatures],
    tgt_feats: list[UnitFeatures],
    weights: dict[str, float],
    params: AlignParams,
) -> AlignerResult:
    """Pair the paragraphs left unpaired right before the first pair on both sides, when both are body
    paragraphs (no bullet: a key point above the body is no paragraph) and their link costs less than leaving
    both unpaired inside the body would (``skip_cost`` each): the DP leaves them at a headline's price where
    few anchors show them (a condensed lead, a wrong weekday), but they are the page's first paragraph and
    its translation. A lead the translation dropped finds no such partner (its neighbour is a key point or a
    standfirst that costs more) and stays unpaired."""
    while result.links:  # (one pair at a time: a lead of two paragraphs pairs both)
        first = result.links[0]
        s, t = first.source[0] - 1, first.target[0] - 1
        if s < 0 or t < 0 or s not in result.source_edge or t not in result.target_edge:
            break
        if not (src_feats[s].sentence and tgt_feats[t].sentence) or _bulleted(target[t]):
            break
        cost, confidence = link_cost([src_feats[s]], [tgt_feats[t]], weights, params)
        if cost >= 2 * params.skip_cost:
            break  # (dearer than leaving both unpaired inside the body)
        result = replace(
            result,
            links=[Link((s,), (t,), cost, confidence), *result.links],
            source_edge=[i for i in result.source_edge if i != s],
            target_edge=[j for j in result.target_edge if j != t],
        )
    return result


REALIGN_LIMIT = 5000
"""Documents with fewer source paragraphs than this are realigned once with the ratio of their pairs."""


def is_japanese(text: str) -> bool:
    return japanese_ratio(text) >= 0.5


def _lines(units: list[Unit]) -> dict[int, str]:
    return {n: t for u in units for n, t in zip(u.lines, u.texts, strict=True)}


def align_units_to_alignment(
    source: list[Unit],
    target: list[Unit],
    source_chrome: list[Unit],
    target_chrome: list[Unit],
    progress: Progress = NO_PROGRESS,
    params: AlignParams | None = None,
) -> Alignment:
    """Align two blocks of units and express the result in line numbers."""
    progress.check()
    features = document_features([u.flat for u in source], [u.flat for u in target])
    src_feats, tgt_feats = features.source, features.target
    result: AlignerResult = align_units(src_feats, tgt_feats, features.weights, params, progress)
    # The first ratio counted summaries and chrome too; measured on the pairs it is the translation's own.
    # Realign once with it when it differs markedly (cheap for page-sized documents).
    ratio = ratio_of_pairs(features.source, features.target, [(lk.source, lk.target) for lk in result.links])
    if (
        ratio is not None
        and abs(ratio - features.ratio) > 0.15 * features.ratio
        and len(source) < REALIGN_LIMIT
    ):
        src_feats = [u.with_ratio(ratio) for u in features.source]
        tgt_feats = [u.with_ratio(ratio) for u in features.target]
        result = align_units(src_feats, tgt_feats, features.weights, params, progress)
    if params is None or params.edge_cost < params.skip_cost:
        result = _trim_chrome_edges(result, source, target, features)
        result = _trim_leading_chrome(result, source, target, features)
    if params is None:
        from mtreview.align.repair import repair

        result = repair(result, source, target)  # irregular links, second opinion from the dictionary
    if params is None or params.edge_cost < params.skip_cost:
        result = _close_trailing_sentences(
            result, target, src_feats, tgt_feats, features.weights, params or AlignParams()
        )
        result = _open_leading_paragraph(
            result, target, src_feats, tgt_feats, features.weights, params or AlignParams()
        )
    pairs: list[AlignedPair] = []
    paired_src: set[int] = set()
    paired_tgt: set[int] = set()
    for link in result.links:
        src_units = [source[i] for i in link.source]
        tgt_units = [target[j] for j in link.target]
        src_lines = tuple(n for u in src_units for n in u.lines)
        tgt_lines = tuple(n for u in tgt_units for n in u.lines)
        paired_src.update(src_lines)
        paired_tgt.update(tgt_lines)
        pairs.append(
            AlignedPair(
                src_lines,
                tgt_lines,
                "\n".join(t for u in src_units for t in u.texts),
                "\n".join(t for u in tgt_units for t in u.texts),
                max(0.0, min(1.0, link.confidence)),
            )
        )
    source_text = _lines(source) | _lines(source_chrome)
    target_text = _lines(target) | _lines(target_chrome)
    source_only = sorted(n for n in source_text if n not in paired_src)
    target_only = sorted(n for n in target_text if n not in paired_tgt)
    body_units = list(result.source_body_only)
    if params is not None and params.edge_cost >= params.skip_cost:
        # no cheap edges (e.g. lines between two locked pairs): nothing here is preface or chrome
        body_units += result.source_edge
    body = frozenset(n for i in body_units for n in source[i].lines)
    pairs.sort(key=lambda p: p.source_lines[0])
    progress.report(1, 1, "")
    return Alignment(pairs, source_only, target_only, source_text, target_text, body)


def align_page(path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> Alignment:
    """Align a page that holds both languages (either order)."""
    name = str(path)
    units = read_units(read_text(path).text, name)
    blocks = split_page(units, name)
    alignment = align_units_to_alignment(
        blocks.source, blocks.target, blocks.source_chrome, blocks.target_chrome, progress
    )
    return replace(alignment, inputs=(os.path.abspath(path),))


def align_files(
    source_path: str | os.PathLike[str], target_path: str | os.PathLike[str], progress: Progress = NO_PROGRESS
) -> Alignment:
    """Align two files; the English one is the source whatever order they are given in."""
    src_units = read_units(read_text(source_path).text, str(source_path))
    tgt_units = read_units(read_text(target_path).text, str(target_path))
    src_lang = file_language(src_units)
    tgt_lang = file_language(tgt_units)
    if src_lang is None:
        raise InputError(_("no English or Japanese text found"), str(source_path))
    if tgt_lang is None:
        raise InputError(_("no English or Japanese text found"), str(target_path))
    if src_lang == tgt_lang:
        language = _("English") if src_lang == "en" else _("Japanese")
        raise InputError(
            _("both files are {language}: expected one English and one Japanese file").format(
                language=language
            ),
            str(target_path),
        )
    if src_lang == "ja":
        # line numbers stay per file: source_lines refer to the English file, whichever argument it was
        src_units, tgt_units = tgt_units, src_units
    src_body, src_edges = peel_file(src_units, "en")
    tgt_body, tgt_edges = peel_file(tgt_units, "ja")
    alignment = align_units_to_alignment(src_body, tgt_body, src_edges, tgt_edges, progress)
    return replace(alignment, inputs=(os.path.abspath(source_path), os.path.abspath(target_path)))


def align_input(
    input_path: str | os.PathLike[str],
    target_path: str | os.PathLike[str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> Alignment:
    if target_path is None:
        return align_page(input_path, progress)
    return align_files(input_path, target_path, progress)


def document_name(path: str | os.PathLike[str]) -> str:
    return Path(path).stem
