"""Entry point for aligning a bilingual page or a pair of files.

This first version detects the page structure by script statistics and pairs paragraphs by
position; the dynamic-programming aligner replaces ``pair_paragraphs`` (issue: alignment).
"""

from __future__ import annotations

import os
from pathlib import Path

from mtreview.align.base import AlignedPair, Alignment
from mtreview.domain.errors import InputError
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats.textio import Line, numbered_lines, read_text
from mtreview.i18n import _


def japanese_ratio(text: str) -> float:
    """Share of Japanese script (kana, kanji, full-width forms) among the letters of ``text``."""
    ja = latin = 0
    for ch in text:
        if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            ja += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if ja + latin == 0:
        return 0.5
    return ja / (ja + latin * 0.35)


def is_japanese(text: str) -> bool:
    return japanese_ratio(text) >= 0.5


def pair_paragraphs(source: list[Line], target: list[Line]) -> tuple[list[AlignedPair], list[int], list[int]]:
    n = min(len(source), len(target))
    pairs = [
        AlignedPair((s.number,), (t.number,), s.text, t.text, 0.5) for s, t in zip(source, target, strict=False)
    ]
    return pairs, [s.number for s in source[n:]], [t.number for t in target[n:]]


def _alignment(source: list[Line], target: list[Line], extra_target_only: list[int]) -> Alignment:
    pairs, source_only, target_only = pair_paragraphs(source, target)
    return Alignment(
        pairs=pairs,
        source_only=sorted(source_only),
        target_only=sorted(target_only + extra_target_only),
        source_text={line.number: line.text for line in source},
        target_text={line.number: line.text for line in target},
    )


def align_page(path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> Alignment:
    lines = numbered_lines(read_text(path).text)
    ja = [line for line in lines if is_japanese(line.text)]
    en = [line for line in lines if not is_japanese(line.text)]
    if not en:
        raise InputError(_("the page has no English part"), str(path))
    if not ja:
        raise InputError(_("the page has no Japanese part"), str(path))
    alignment = _alignment(en, ja, [])
    text = {line.number: line.text for line in lines}
    return Alignment(
        alignment.pairs, alignment.source_only, alignment.target_only,
        {n: t for n, t in text.items() if n in {x.number for x in en}},
        {n: t for n, t in text.items() if n in {x.number for x in ja}},
    )


def align_files(
    source_path: str | os.PathLike[str], target_path: str | os.PathLike[str], progress: Progress = NO_PROGRESS
) -> Alignment:
    source = numbered_lines(read_text(source_path).text)
    target = numbered_lines(read_text(target_path).text)
    if source and all(is_japanese(line.text) for line in source[:20]) and not all(
        is_japanese(line.text) for line in target[:20]
    ):
        source, target = target, source
    return _alignment(source, target, [])


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
