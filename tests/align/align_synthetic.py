"""Synthetic bilingual documents assembled from English–Japanese sentence pairs, with a known gold
alignment: paragraphs of several sentences, random 1–2 and 2–1 splits, paragraphs dropped on either
side, a Japanese preface, an optional separator, either language order, one page or two files.

Only the assembly is ours; the sentences are read at test time (MLQE-PE en-ja, ../shared/testdata).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

MLQE_DIR = Path("mlqe-pe/data/test21_goldlabels/zero-shot/UNPACKED/en-ja-test21")

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def load_sentence_pairs(testdata: Path) -> list[tuple[str, str]]:
    folder = testdata / MLQE_DIR
    src = (folder / "test21.src").read_text(encoding="utf-8").splitlines()
    mt = (folder / "test21.mt").read_text(encoding="utf-8").splitlines()
    return [(e.strip(), j.strip()) for e, j in zip(src, mt, strict=True) if e.strip() and j.strip()]


@dataclass
class SyntheticDoc:
    en_lines: list[str] = field(default_factory=list)
    ja_lines: list[str] = field(default_factory=list)
    gold: list[tuple[list[int], list[int]]] = field(default_factory=list)
    """Indices into en_lines / ja_lines (0-based) per pair."""
    en_only: list[int] = field(default_factory=list)
    ja_only: list[int] = field(default_factory=list)
    ja_preface: list[int] = field(default_factory=list)


def build(pairs: list[tuple[str, str]], seed: int, paragraphs: int = 30) -> SyntheticDoc:
    rng = random.Random(seed)
    start = rng.randrange(0, len(pairs) - paragraphs * 5 - 10)
    pool = pairs[start:]
    doc = SyntheticDoc()
    # a Japanese preface from sentences that are not in the body
    for k in range(rng.randint(2, 4)):
        extra = pairs[(start + 600 + k * 7) % len(pairs)][1]
        doc.ja_preface.append(len(doc.ja_lines))
        doc.ja_lines.append(extra)
    cursor = 0
    p = 0
    while p < paragraphs:
        size = rng.randint(2, 5)
        sents = pool[cursor : cursor + size]
        cursor += size
        en_sents = [e for e, _ in sents]
        ja_sents = [j for _, j in sents]
        roll = rng.random()
        if roll < 0.05:  # translation dropped: English only
            doc.en_only.append(len(doc.en_lines))
            doc.en_lines.append(" ".join(en_sents))
        elif roll < 0.10:  # original dropped: Japanese only
            doc.ja_only.append(len(doc.ja_lines))
            doc.ja_lines.append("".join(ja_sents))
        elif roll < 0.20 and size >= 2:  # 1-2: the Japanese paragraph split in two lines
            cut = rng.randint(1, size - 1)
            e = len(doc.en_lines)
            doc.en_lines.append(" ".join(en_sents))
            j = len(doc.ja_lines)
            doc.ja_lines += ["".join(ja_sents[:cut]), "".join(ja_sents[cut:])]
            doc.gold.append(([e], [j, j + 1]))
        elif roll < 0.30 and size >= 2:  # 2-1: the English paragraph split in two lines
            cut = rng.randint(1, size - 1)
            e = len(doc.en_lines)
            doc.en_lines += [" ".join(en_sents[:cut]), " ".join(en_sents[cut:])]
            j = len(doc.ja_lines)
            doc.ja_lines.append("".join(ja_sents))
            doc.gold.append(([e, e + 1], [j]))
        else:
            doc.gold.append(([len(doc.en_lines)], [len(doc.ja_lines)]))
            doc.en_lines.append(" ".join(en_sents))
            doc.ja_lines.append("".join(ja_sents))
        p += 1
    return doc


SEPARATORS = ["", "* * *", "Original article", "英語の原文", "---"]


def write_page(doc: SyntheticDoc, path: Path, seed: int) -> tuple[set[Pair], set[int], set[int]]:
    """Write a one-file page; return (gold pairs in 1-based lines, expected English-only lines,
    expected Japanese-only lines)."""
    rng = random.Random(seed)
    japanese_first = rng.random() < 0.7
    separator = SEPARATORS[seed % len(SEPARATORS)]
    lines: list[str] = []
    en_no: dict[int, int] = {}
    ja_no: dict[int, int] = {}

    def put_ja() -> None:
        for i, text in enumerate(doc.ja_lines):
            lines.append(text)
            ja_no[i] = len(lines)

    def put_en() -> None:
        for i, text in enumerate(doc.en_lines):
            lines.append(text)
            en_no[i] = len(lines)

    extra_ja: list[int] = []
    if japanese_first:
        put_ja()
        if separator:
            lines.append(separator)
            extra_ja.append(len(lines)) if not separator.isascii() else None
        put_en()
    else:
        # a Japanese preface stays before everything
        put_en()
        if separator:
            lines.append(separator)
        put_ja()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = {(tuple(en_no[e] for e in es), tuple(ja_no[j] for j in js)) for es, js in doc.gold}
    return (
        gold,
        {en_no[e] for e in doc.en_only},
        {ja_no[j] for j in doc.ja_only} | {ja_no[j] for j in doc.ja_preface},
    )


def write_files(doc: SyntheticDoc, en_path: Path, ja_path: Path) -> set[Pair]:
    en_path.write_text("\n\n".join(doc.en_lines) + "\n", encoding="utf-8")
    ja_path.write_text("\n".join(doc.ja_lines), encoding="utf-8")
    en_no = {i: 1 + 2 * i for i in range(len(doc.en_lines))}
    ja_no = {i: 1 + i for i in range(len(doc.ja_lines))}
    return {(tuple(en_no[e] for e in es), tuple(ja_no[j] for j in js)) for es, js in doc.gold}


def f1(got: set[Pair], gold: set[Pair]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for strict pair F1."""
    return len(got & gold), len(got), len(gold)
