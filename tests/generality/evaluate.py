"""Scores the aligner and the checks on the held-out pages in data/ against their hand-made gold.

Run as a script (``python tests/generality/evaluate.py``) for the figures; the tests use the same functions.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"
PAGES = sorted(p.name for p in DATA.glob("*.txt"))


def gold_of(name: str) -> dict:
    return json.loads((DATA / (Path(name).stem + ".gold.json")).read_text(encoding="utf-8"))


@dataclass
class AlignScore:
    page: str
    tp: int
    got: int
    expected: int
    wrongly_paired: list[int] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return 2 * self.tp / (self.got + self.expected) if self.got + self.expected else 1.0


@dataclass
class CheckScore:
    page: str
    found: list[tuple[int, str, str]]
    missed: list[tuple[int, str, str]]
    false: list[tuple[int, str, str]]
    segments: int

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.found) + len(self.false)
        return len(self.found) / total if total else 1.0


def score_alignment(name: str) -> AlignScore:
    from mtreview.align.bilingual import align_page

    gold = gold_of(name)
    alignment = align_page(DATA / name)
    got = {(tuple(p.source_lines), tuple(p.target_lines)) for p in alignment.pairs}
    expected = {(tuple(s), tuple(t)) for s, t in gold["pairs"]}
    paired = {n for p in alignment.pairs for n in (*p.source_lines, *p.target_lines)}
    return AlignScore(
        name, len(got & expected), len(got), len(expected), sorted(paired & set(gold["unpaired"]))
    )


def score_checks(name: str) -> CheckScore:
    from mtreview.cli.qa_cmd import run_qa

    gold = gold_of(name)
    documents, result = run_qa(str(DATA / name), {"user_lexicons": False})
    assert not result.errors, result.errors
    segments = {s.id: s for d in documents for s in d.segments}
    got: set[tuple[int, str, str]] = set()
    for f in result.findings:
        if f.side.value != "target" or f.start is None:
            continue
        seg = segments[f.segment]
        # the physical line of the span: the target line whose text contains the span's start
        line, offset = seg.target_lines[0], 0
        for number, text in zip(seg.target_lines, seg.target.split("\n"), strict=False):
            if offset <= f.start <= offset + len(text):
                line = number
                break
            offset += len(text) + 1
        got.add((line, f.check, f.text))
    expected = {tuple(x) for x in gold["findings"]}
    return CheckScore(
        name,
        sorted(expected & got),
        sorted(expected - got),
        sorted(got - expected),
        len(segments),
    )


def main() -> int:
    tp = got = exp = 0
    found = missed = false = segs = 0
    for name in PAGES:
        a = score_alignment(name)
        c = score_checks(name)
        tp, got, exp = tp + a.tp, got + a.got, exp + a.expected
        found, missed, false, segs = (
            found + len(c.found),
            missed + len(c.missed),
            false + len(c.false),
            segs + c.segments,
        )
        print(
            f"{name}: pair F1 {a.f1:.3f} ({a.tp}/{a.expected} gold, {a.got} pairs), "
            f"wrongly paired {a.wrongly_paired}"
        )
        print(
            f"  checks: recall {c.recall:.2f} precision {c.precision:.2f} ({len(c.found)} found, "
            f"{len(c.missed)} missed, {len(c.false)} extra, {c.segments} segments)"
        )
        for m in c.missed:
            print("    missed", m)
        for m in c.false:
            print("    extra ", m)
    f1 = 2 * tp / (got + exp) if got + exp else 1.0
    print(
        f"ALL: pair F1 {f1:.3f}; checks recall {found / max(1, found + missed):.2f} "
        f"precision {found / max(1, found + false):.2f}; {false} extra findings on {segs} segments"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
