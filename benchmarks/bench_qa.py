"""Automatic checks benchmark (issue 5): all checks on N segments of make_corpus.py, against pofilter.

Figures, each against a floor measured in the same run:

1. All 11 mtreview checks over the pairs (source, MT) of ``pairs.jsonl``, grouped into documents of
   ``--doc-size`` segments: time per segment, against Translate Toolkit's ``pofilter`` with its default
   checks on the same pairs as PO (``corpus.po``), per unit — the goal is at least 3× faster. Both wall
   time and CPU time are printed (the machine is shared; CPU time is the steadier figure). translate-toolkit
   is *not* a dependency of mtreview: install it into the venv to measure the floor
   (``pip install translate-toolkit``); without it the benchmark says so and uses the reference figure of
   346 µs per unit measured on this machine.
2. Re-checking one edited segment (``IncrementalChecker.update_segment``: the segment checks on that
   segment, then the document-level consistency and register judgements of the keys it touched), against
   re-running all checks on its whole document — goal ≤ 20 ms. With ``--single-document`` the same is
   measured in one document holding all N segments (the worst case for consistency checks).

Usage: python benchmarks/bench_qa.py --n 100000 [--doc-size 1000] [--edits 200] [--single-document]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import corpus, default_n, record
from mtreview.qa import DocumentInput, IncrementalChecker, SegmentInput
from mtreview.qa.context import QaContext

POFILTER_REFERENCE_US = 346.0
GOAL_SPEEDUP = 3.0
GOAL_RECHECK_MS = 20.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load(data: Path, n: int, doc_size: int) -> list[DocumentInput]:
    segments: list[SegmentInput] = []
    with open(data / "pairs.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            row = json.loads(line)
            segments.append(SegmentInput(row["id"], f"doc{i // doc_size:04d}", row["source"], row["mt"]))
    docs: list[DocumentInput] = []
    for k in range(0, len(segments), doc_size):
        chunk = tuple(segments[k : k + doc_size])
        docs.append(DocumentInput(chunk[0].document, chunk))
    return docs


def pofilter_floor(po: Path, units: int) -> tuple[float | None, float | None, str]:
    """(wall µs per unit, CPU µs per unit, note) of ``pofilter`` with its default checks."""
    exe = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    if not Path(exe).exists():
        return (
            None,
            None,
            (
                "translate-toolkit is not installed: using the reference figure of "
                f"{POFILTER_REFERENCE_US:.0f} µs per unit (pip install translate-toolkit to measure)"
            ),
        )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.po"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([exe, "--progress=none", str(po), str(out)], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        return None, None, f"pofilter failed ({proc.returncode}): {proc.stderr.strip()[:200]}"
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall / units * 1e6, cpu / units * 1e6, "pofilter (translate-toolkit) default checks, measured"


def _edit(segment: SegmentInput, rng: random.Random) -> SegmentInput:
    """A plausible reviewer edit: change a number, drop a clause or add a sentence."""
    target = segment.target
    choice = rng.random()
    if choice < 0.4 and any(c.isdigit() for c in target):
        i = next(i for i, c in enumerate(target) if c.isdigit())
        target = target[:i] + str((int(target[i]) + 1) % 10) + target[i + 1 :]
    elif choice < 0.7 and "。" in target[:-1]:
        target = target[: target.index("。") + 1]
    else:
        target = target + "これは確認済みである。"
    return SegmentInput(
        segment.id, segment.document, segment.source, target, segment.source_lines, segment.target_lines
    )


def recheck(
    checker: IncrementalChecker, docs: list[DocumentInput], edits: int, rng: random.Random
) -> list[float]:
    times: list[float] = []
    for _ in range(edits):
        doc = rng.choice(docs)
        segment = rng.choice(doc.segments)
        edited = _edit(segment, rng)
        t0 = time.perf_counter()
        checker.update_segment(edited)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def full_document_ms(doc: DocumentInput, context: QaContext, settings: dict[str, object]) -> float:
    t0 = time.perf_counter()
    IncrementalChecker([doc], settings, context).run()
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=default_n(100_000))
    parser.add_argument("--doc-size", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--data", type=Path, default=None, help="a make_corpus.py output folder")
    parser.add_argument(
        "--single-document",
        action="store_true",
        help="also measure re-checks inside one document of all N segments",
    )
    parser.add_argument("--skip-pofilter", action="store_true")
    args = parser.parse_args()

    data = args.data or corpus(args.n)
    docs = load(data, args.n, args.doc_size)
    n = sum(len(d.segments) for d in docs)
    settings: dict[str, object] = {"user_lexicons": False}
    context = QaContext.from_settings(settings)
    print(f"mtreview qa benchmark: {n} segments in {len(docs)} documents of ≤{args.doc_size} ({data})")

    # 1. all checks vs pofilter
    checker = IncrementalChecker(docs, settings, context)
    cpu0, t0 = time.process_time(), time.perf_counter()
    result = checker.run()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    per_wall, per_cpu = wall / n * 1e6, cpu / n * 1e6
    print(
        f"\n1. all {len(checker.checks)} checks: {wall:.1f} s wall, {cpu:.1f} s CPU → "
        f"{per_wall:.0f} µs/segment wall, {per_cpu:.0f} µs/segment CPU; peak RSS {_rss_mb():.0f} MB"
    )
    counts = Counter(f.check for f in result.findings)
    print(
        "   findings: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        + f"; errors {len(result.errors)}"
    )
    if args.skip_pofilter:
        pw, pc, note = None, None, "pofilter skipped (--skip-pofilter): using the reference figure"
    else:
        pw, pc, note = pofilter_floor(data / "corpus.po", n)
    print(f"   floor: {note}")
    if pw is None:
        ref = POFILTER_REFERENCE_US
        print(
            f"   pofilter {ref:.0f} µs/unit (reference) → mtreview is {ref / per_wall:.2f}× faster (wall), "
            f"goal ≥ {GOAL_SPEEDUP:.0f}×"
        )
    else:
        assert pc is not None
        print(
            f"   pofilter {pw:.0f} µs/unit wall, {pc:.0f} µs/unit CPU → mtreview is "
            f"{pw / per_wall:.2f}× faster (wall), {pc / per_cpu:.2f}× faster (CPU); "
            f"goal ≥ {GOAL_SPEEDUP:.0f}×"
        )
    record(
        "all checks, CPU per segment",
        per_cpu,
        "µs",
        floor=pc if pc is not None else POFILTER_REFERENCE_US,
        floor_label="pofilter per unit" + ("" if pc is not None else " (reference figure)"),
        min_ratio=GOAL_SPEEDUP,
        n=n,
        wall_us=per_wall,
    )

    # 2. re-checking one edited segment
    rng = random.Random(20240601)
    times = recheck(checker, docs, args.edits, rng)
    med, p95 = statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]
    doc_ms = statistics.median(full_document_ms(rng.choice(docs), context, settings) for _ in range(3))
    print(
        f"\n2. re-check one edited segment in a {args.doc_size}-segment document: median {med:.2f} ms, "
        f"p95 {p95:.2f} ms, max {max(times):.2f} ms over {len(times)} edits"
    )
    print(
        f"   floor: all checks on its whole document {doc_ms:.0f} ms → incremental is {doc_ms / med:.0f}× "
        f"cheaper; median is {med / GOAL_RECHECK_MS:.2f}× the {GOAL_RECHECK_MS:.0f} ms goal"
    )
    record(
        f"re-check one edited segment ({args.doc_size}-segment documents), median",
        med,
        "ms",
        floor=doc_ms,
        floor_label="all checks on its document",
        max_value=GOAL_RECHECK_MS,
        n=n,
    )

    if args.single_document:
        segments = tuple(s for d in docs for s in d.segments)
        big = [DocumentInput("all", tuple(SegmentInput(s.id, "all", s.source, s.target) for s in segments))]
        big_checker = IncrementalChecker(big, settings, context)
        t0 = time.perf_counter()
        big_checker.run()
        big_ms = (time.perf_counter() - t0) * 1000
        times = recheck(big_checker, big, args.edits, rng)
        med, p95 = statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]
        print(
            f"\n3. re-check one edited segment in one {n}-segment document: median {med:.2f} ms, "
            f"p95 {p95:.2f} ms, max {max(times):.2f} ms"
        )
        print(
            f"   floor: all checks on that document {big_ms / 1000:.1f} s → incremental is "
            f"{big_ms / med:.0f}× cheaper; median is {med / GOAL_RECHECK_MS:.2f}× the goal"
        )


if __name__ == "__main__":
    main()
