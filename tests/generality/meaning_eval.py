"""Scores the checks on the meaning-error pages (``meaning/tune`` and ``meaning/heldout``) against their gold.

Each page has the seed's shape; ``<page>.gold.json`` lists its errors as ``{"kind", "span", "in", "side",
"source"}``: ``in`` is a unique piece of the line that holds the error, ``span`` the erroneous text inside
it (the Japanese, or with ``"side": "source"`` the English that the translation lost). The page goes
through the product's own import path (``run_qa``: aligner, then every check). A gold error is *found*
when a finding of the same segment overlaps its span (a target finding whose English evidence overlaps a
source-side span counts too); a finding that overlaps no gold error is a false alarm.

Run as a script for the figures per page, per class and per split.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent / "meaning"
SPLITS = ("tune", "heldout")
MEANING = frozenset({"negation", "comparison", "agent", "sense"})


def pages(split: str) -> list[Path]:
    return sorted((ROOT / split).glob("*.txt"))


@dataclass
class Gold:
    kind: str
    side: str
    segment: str
    start: int
    end: int
    text: str


@dataclass
class PageScore:
    page: str
    split: str
    found: list[Gold] = field(default_factory=list)
    missed: list[Gold] = field(default_factory=list)
    true_findings: int = 0
    false_findings: list[tuple[str, str, str]] = field(default_factory=list)
    judged: list[tuple[Any, bool]] = field(default_factory=list)
    """Every finding with whether it matches a gold error."""


def _locate(documents: list, spec: dict) -> Gold:  # type: ignore[type-arg]
    side = spec.get("side", "target")
    hits = []
    for d in documents:
        for s in d.segments:
            text = s.source if side == "source" else s.target
            i = text.find(spec["in"])
            if i >= 0:
                hits.append((s, text, i))
    if not hits:  # the aligner left that line unpaired (target-only lines are not segments): a miss
        return Gold(spec["kind"], side, "", 0, 0, spec["span"])
    if len(hits) != 1:
        raise ValueError(f"gold piece {spec['in']!r} found in {len(hits)} segments")
    s, text, i = hits[0]
    j = text.find(spec["span"], i) if spec["span"] in text[i:] else text.find(spec["span"])
    if j < 0:
        raise ValueError(f"gold span {spec['span']!r} not in its segment")
    return Gold(spec["kind"], side, s.id, j, j + len(spec["span"]), spec["span"])


def _matches(f, g: Gold) -> bool:  # type: ignore[no-untyped-def]
    if f.segment != g.segment:
        return False
    if f.start is None:
        return g.kind in ("omission", "addition") and f.side.value == g.side
    if f.side.value == g.side:
        return f.start < g.end and g.start < f.end
    if g.side == "source" and f.source_start is not None:
        return f.source_start < g.end and g.start < f.source_end
    return False


def score_page(path: Path, split: str) -> PageScore:
    from mtreview.cli.qa_cmd import run_qa

    gold_spec = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    documents, result = run_qa(str(path), {"user_lexicons": False})
    if result.errors:
        raise RuntimeError(f"{path.name}: {result.errors}")
    golds = [_locate(documents, spec) for spec in gold_spec["errors"]]
    score = PageScore(path.stem, split)
    for g in golds:
        (score.found if any(_matches(f, g) for f in result.findings) else score.missed).append(g)
    for f in result.findings:
        if any(_matches(f, g) for g in golds):
            score.true_findings += 1
            score.judged.append((f, True))
        else:
            score.false_findings.append((f.segment, f.check, f.text))
            score.judged.append((f, False))
    return score


@dataclass
class Summary:
    split: str
    pages: list[PageScore]

    def recall(self, kinds: frozenset[str] | None = None) -> tuple[int, int]:
        found = sum(1 for p in self.pages for g in p.found if kinds is None or g.kind in kinds)
        total = found + sum(1 for p in self.pages for g in p.missed if kinds is None or g.kind in kinds)
        return found, total

    def precision(self) -> tuple[int, int]:
        tp = sum(p.true_findings for p in self.pages)
        return tp, tp + sum(len(p.false_findings) for p in self.pages)

    def per_kind(self) -> dict[str, tuple[int, int]]:
        found = Counter(g.kind for p in self.pages for g in p.found)
        total = found + Counter(g.kind for p in self.pages for g in p.missed)
        return {k: (found[k], total[k]) for k in sorted(total)}


def summarise(split: str) -> Summary:
    return Summary(split, [score_page(p, split) for p in pages(split)])


def _ratio(pair: tuple[int, int]) -> str:
    a, b = pair
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def report(summary: Summary, verbose: bool = True) -> None:
    label = "TUNED ON" if summary.split == "tune" else "HELD OUT (not tuned on)"
    print(f"== {summary.split} pages — {label}: {', '.join(p.page for p in summary.pages)}")
    print(
        f"   recall all {_ratio(summary.recall())}; meaning classes {_ratio(summary.recall(MEANING))}; "
        f"precision {_ratio(summary.precision())}"
    )
    print("   per class: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in summary.per_kind().items()))
    numbers = [ok for p in summary.pages for f, ok in p.judged if f.check == "numbers"]
    if numbers:
        print(f"   numbers findings: precision {_ratio((sum(numbers), len(numbers)))}")
    if verbose:
        for p in summary.pages:
            for g in p.missed:
                print(f"   missed {p.page} {g.kind}: {g.text}")
            for seg, check, text in p.false_findings:
                print(f"   false  {p.page} #{seg} {check}: {text[:40]}")


def main(argv: list[str]) -> int:
    splits = [a for a in argv if a in SPLITS] or ["tune"]
    for split in splits:
        report(summarise(split))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
