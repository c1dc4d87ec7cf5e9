"""Every finding of every check on a fixed set of inputs, written to a file: the golden comparison for
speed work on the checks (a change meant to make them faster must leave this output byte-identical).

Inputs:

1. the evaluation pages in ``tests/generality`` (``data/``, ``meaning/tune``, ``meaning/heldout``) and the
   seed page (``../shared/seeds``), each through the product's own import path (``run_qa``: aligner, then
   every check);
2. the same seed page paired by ``tests/qa/seed_pairs.py`` (the checks on correct pairs);
3. ``--n`` segments (default 2,000) of ``make_corpus.py`` in documents of 1,000, every check, then
   ``--edits`` reviewer edits re-checked one by one (``IncrementalChecker.update_segment``): the findings
   each edit returns, and the whole result after them.

One line per finding: section, segment, check, side, span, English span, severity, category, text,
message, suggestion (tab-separated). Errors of checks are written too.

Usage: python benchmarks/golden_checks.py OUT.txt [--n 2000] [--edits 100] [--corpus DIR]
Compare two outputs with ``cmp`` (or ``diff`` to see what moved).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "qa"))

from benchmarks._common import SHARED, corpus  # noqa: E402
from mtreview.qa import Finding, IncrementalChecker, QaError  # noqa: E402

SETTINGS: dict[str, object] = {"user_lexicons": False}


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def finding_line(section: str, f: Finding) -> str:
    return "\t".join(
        _cell(v)
        for v in (
            section,
            f.segment,
            f.check,
            f.side.value,
            f"{f.start}-{f.end}",
            f"{f.source_start}-{f.source_end}",
            f.severity.value,
            f.category,
            f.text,
            f.message,
            f.suggestion,
        )
    )


def error_line(section: str, e: QaError) -> str:
    return "\t".join(_cell(v) for v in (section, "ERROR", e.check, e.segment, e.message))


def write(out: list[str], section: str, findings: Iterable[Finding], errors: Iterable[QaError] = ()) -> None:
    for f in findings:
        out.append(finding_line(section, f))
    for e in errors:
        out.append(error_line(section, e))


def pages() -> list[Path]:
    gen = ROOT / "tests" / "generality"
    found = sorted((gen / "data").glob("*.txt"))
    for split in ("tune", "heldout"):
        found += sorted((gen / "meaning" / split).glob("*.txt"))
    found += sorted((SHARED / "seeds").glob("*.txt"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=None, help="a make_corpus.py output folder")
    args = parser.parse_args()

    from benchmarks.bench_qa import _edit, load
    from mtreview.cli.qa_cmd import run_qa
    from mtreview.qa import analysis

    analysis.warm_up()
    out: list[str] = []
    cpu = {}
    for page in pages():
        t0 = time.process_time()
        _documents, result = run_qa(str(page), dict(SETTINGS))
        cpu[page.name] = time.process_time() - t0
        write(out, f"page:{page.parent.name}/{page.name}", result.findings, result.errors)

    from seed_pairs import seed_document

    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        checker = IncrementalChecker([seed_document(seed)], dict(SETTINGS))
        result = checker.run()
        write(out, f"seedpairs:{seed.name}", result.findings, result.errors)

    data = args.corpus or corpus(args.n)
    docs = load(data, args.n, 1000)
    checker = IncrementalChecker(docs, dict(SETTINGS))
    t0 = time.process_time()
    result = checker.run()
    cpu["corpus"] = time.process_time() - t0
    write(out, f"corpus:{args.n}", result.findings, result.errors)
    rng = random.Random(20261204)
    t0 = time.process_time()
    for k in range(args.edits):
        doc = rng.choice(docs)
        segment = rng.choice(doc.segments)
        edited = _edit(segment, rng)
        changed = checker.update_segment(edited)
        for sid in sorted(changed):
            out.append(f"edit:{k}\t{sid}\t{len(changed[sid])} findings")
            write(out, f"edit:{k}", changed[sid])
    cpu["edits"] = time.process_time() - t0
    result = checker.result()
    write(out, "after-edits", result.findings, result.errors)

    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    n_findings = sum(1 for line in out if "\tERROR\t" not in line)
    print(f"{len(out)} lines ({n_findings} findings and edit headers) → {args.out}")
    pages_cpu = sum(v for k, v in cpu.items() if k not in ("corpus", "edits"))
    print(
        f"CPU: pages {pages_cpu:.1f} s, corpus {cpu['corpus']:.1f} s "
        f"({cpu['corpus'] / max(args.n, 1) * 1e6:.0f} µs/segment), {args.edits} edits {cpu['edits']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
