"""Meaning checks benchmark (issue 14): page evaluation, WMT21 critical errors, speed and memory.

1. **Pages.** The checks on our own bilingual pages through the product's import path
   (``tests/generality/meaning_eval.py``): recall of all planted errors, of the meaning classes (negation,
   comparison, agent, sense) and precision, per class, for the pages the checks were TUNED on and for the
   HELD-OUT pages nobody tuned on.
2. **WMT21 critical errors, en-ja** (``../shared/testdata/mlqe-pe``): every pair is checked on its own (one
   document per pair; the Japanese is given space-tokenised and is joined back: a space is kept only
   between two ASCII letters or digits). A pair is predicted critical when its automatic MQM penalty (the
   Google weights of the findings it would get as proposals) reaches a threshold; the threshold and
   whether fluency/style findings count are chosen on the **dev** file only, then applied to the **test**
   file (gold in ``catastrophic_errors_goldlabels/``). MCC on both is printed side by side, with the
   "any major finding" predictor for reference. Goal: test MCC ≥ 0.25.
3. **Speed and memory**, in a child process (its own VmHWM): every check on N segments of
   ``make_corpus.py`` (documents of 1,000), µs per segment against Translate Toolkit's pofilter with its
   default checks on the same units in the same run (goal ≥ 3× faster, CPU time: the machine is shared);
   re-checking one edited segment (``IncrementalChecker.update_segment``) p95 (goal ≤ 20 ms); peak memory
   (VmHWM, goal ≤ 250 MB). The analysers are warmed up (and the JMdict index built, if needed) before the
   clock starts; that start-up is printed separately.

Usage: python benchmarks/bench_meaning.py [--n 100000] [--parts pages,wmt,speed] [--edits 200]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import SHARED, corpus  # noqa: E402

WMT = SHARED / "testdata" / "mlqe-pe" / "data"
GOAL_MCC = 0.25
GOAL_SPEEDUP = 3.0
GOAL_RECHECK_MS = 20.0
GOAL_HWM_MB = 250.0
WEIGHTS = {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}
STYLE = ("Fluency/", "Style/", "Locale convention/")


# ------------------------------------------------------------------------------------------- pages
def pages() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "generality"))
    from meaning_eval import MEANING, summarise

    print("1. Meaning pages (through the import path: aligner, then every check)")
    for split in ("tune", "heldout"):
        summary = summarise(split)
        label = "TUNED ON" if split == "tune" else "HELD OUT (never tuned on)"
        recall, meaning, precision = (
            summary.recall(),
            summary.recall(MEANING),
            summary.precision(),
        )
        print(
            f"   {label:26s} {len(summary.pages)} pages: recall {_ratio(recall)} (goal 0.85), meaning "
            f"{_ratio(meaning)} (goal 0.6), precision {_ratio(precision)} (goal 0.8)"
        )
        print("      per class: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in summary.per_kind().items()))
        numbers = [ok for p in summary.pages for f, ok in p.judged if f.check == "numbers"]
        if numbers:
            print(f"      numbers findings: precision {_ratio((sum(numbers), len(numbers)))} (goal 0.9)")


def _ratio(pair: tuple[int, int]) -> str:
    a, b = pair
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


# --------------------------------------------------------------------------------------------- WMT21
def detokenise(text: str) -> str:
    """The WMT files give the Japanese split by spaces: keep a space only between two ASCII letters/digits."""
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1:
            a, b = text[i - 1], text[i + 1]
            if not (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()):
                continue
        out.append(ch)
    return "".join(out).strip()


def read_wmt(split: str) -> list[tuple[str, str, str, bool]]:
    name = "enja_majority_dev.tsv" if split == "dev" else "enja_majority_test_blind.tsv"
    rows: list[tuple[str, str, str, bool]] = []
    gold: dict[str, bool] = {}
    if split == "test":
        labels = WMT / "catastrophic_errors_goldlabels" / "UNPACKED" / "enja_majority_test_goldlabels"
        for line in (labels / "goldlabels.txt").read_text(encoding="utf-8").splitlines():
            cols = line.split()
            gold[cols[2]] = cols[3] == "ERR"
    for line in (WMT / "catastrophic_errors" / name).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        label = cols[-1] == "ERR" if split == "dev" else gold[cols[0]]
        rows.append((cols[0], cols[1], detokenise(cols[2]), label))
    return rows


def penalties(rows: Sequence[tuple[str, str, str, bool]]) -> list[tuple[float, float, bool]]:
    """(penalty of every finding, penalty of accuracy/terminology findings only, any major) per pair."""
    from mtreview.qa import DocumentInput, IncrementalChecker, SegmentInput
    from mtreview.qa.context import QaContext

    settings = {"user_lexicons": False}
    docs = [
        DocumentInput(f"d{i}", (SegmentInput(pid, f"d{i}", s, t),)) for i, (pid, s, t, _g) in enumerate(rows)
    ]
    result = IncrementalChecker(docs, settings, QaContext.from_settings(settings)).run()
    per: dict[str, list[tuple[str, str]]] = {}
    for f in result.findings:
        per.setdefault(f.segment, []).append((f.category, f.severity.value))
    out = []
    for pid, _s, _t, _g in rows:
        found = per.get(pid, [])
        everything = sum(_weight(cat, sev) for cat, sev in found)
        accuracy = sum(_weight(cat, sev) for cat, sev in found if not cat.startswith(STYLE))
        major = any(sev in ("major", "critical") for _cat, sev in found)
        out.append((everything, accuracy, major))
    return out


def _weight(category: str, severity: str) -> float:
    if severity == "minor" and category.startswith("Fluency/Punctuation"):
        return 0.1
    return WEIGHTS[severity]


def mcc(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, int, int, int]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    tn = sum(not p and not g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(not p and g for p, g in zip(pred, gold, strict=True))
    den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return ((tp * tn - fp * fn) / den if den else 0.0), tp, fp, fn


Predictor = tuple[str, Callable[[tuple[float, float, bool]], bool]]


def predictors() -> list[Predictor]:
    out: list[Predictor] = []
    for threshold in (1.0, 2.0, 5.0, 6.0, 10.0, 25.0):
        out.append((f"penalty ≥ {threshold:g}", lambda p, t=threshold: p[0] >= t))
        out.append((f"accuracy penalty ≥ {threshold:g}", lambda p, t=threshold: p[1] >= t))
    return out


def wmt() -> None:
    print("\n2. WMT21 critical errors, en-ja (each pair checked alone)")
    if not (WMT / "catastrophic_errors").is_dir():
        print(f"   skipped: {WMT} not found")
        return
    dev, test = read_wmt("dev"), read_wmt("test")
    t0 = time.process_time()
    dev_p, test_p = penalties(dev), penalties(test)
    cpu = time.process_time() - t0
    dev_gold, test_gold = [r[3] for r in dev], [r[3] for r in test]
    best = max(predictors(), key=lambda pr: mcc([pr[1](p) for p in dev_p], dev_gold)[0])
    name, rule = best
    d = mcc([rule(p) for p in dev_p], dev_gold)
    t = mcc([rule(p) for p in test_p], test_gold)
    print(
        f"   {len(dev)} dev pairs ({sum(dev_gold)} critical), {len(test)} test pairs ({sum(test_gold)}); "
        f"{cpu:.0f} s CPU"
    )
    print(f"   predictor chosen on dev: {name}")
    print(
        f"   MCC dev {d[0]:+.3f} (tp {d[1]}, fp {d[2]}, fn {d[3]})   "
        f"test {t[0]:+.3f} (tp {t[1]}, fp {t[2]}, fn {t[3]})   goal on test ≥ {GOAL_MCC}"
    )
    d = mcc([p[2] for p in dev_p], dev_gold)
    t = mcc([p[2] for p in test_p], test_gold)
    print(f"   reference, any major finding: MCC dev {d[0]:+.3f}   test {t[0]:+.3f}")


# --------------------------------------------------------------------------------------------- speed
def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def speed_child(n: int, edits: int) -> None:
    from benchmarks.bench_qa import load, pofilter_floor, recheck
    from mtreview.qa import IncrementalChecker, analysis
    from mtreview.qa.context import QaContext

    t0 = time.perf_counter()
    analysis.warm_up()
    warm = time.perf_counter() - t0
    data = corpus(n)
    docs = load(data, n, 1000)
    count = sum(len(d.segments) for d in docs)
    settings: dict[str, object] = {"user_lexicons": False}
    context = QaContext.from_settings(settings)
    checker = IncrementalChecker(docs, settings, context)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    checker.run()
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    per_cpu, per_wall = cpu / count * 1e6, wall / count * 1e6
    print(f"   analysers' start-up {warm:.2f} s (once, on a worker in the app)")
    print(
        f"   all {len(checker.checks)} checks on {count} segments: {cpu:.1f} s CPU "
        f"({per_cpu:.0f} µs/segment), {wall:.1f} s wall ({per_wall:.0f} µs/segment)"
    )
    rng = random.Random(20240601)
    times = recheck(checker, docs, edits, rng)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    hwm = vm_hwm_mb()
    pw, pc, note = pofilter_floor(data / "corpus.po", count)
    print(f"   floor: {note}")
    if pc is not None and pw is not None:
        print(
            f"   pofilter {pc:.0f} µs/unit CPU, {pw:.0f} µs/unit wall → mtreview is "
            f"{pc / per_cpu:.2f}× faster (CPU), {pw / per_wall:.2f}× (wall); goal ≥ {GOAL_SPEEDUP:.0f}×"
        )
    print(
        f"   re-check one edited segment: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms over "
        f"{len(times)} edits ({p95 / GOAL_RECHECK_MS:.2f}× the {GOAL_RECHECK_MS:.0f} ms goal)"
    )
    print(f"   peak memory (VmHWM) {hwm:.0f} MB ({hwm / GOAL_HWM_MB:.2f}× the {GOAL_HWM_MB:.0f} MB goal)")


def speed(n: int, edits: int) -> None:
    print(f"\n3. Speed and memory: {n} segments of make_corpus.py (a child process)")
    sys.stdout.flush()
    subprocess.run(
        [sys.executable, __file__, "--child-speed", "--n", str(n), "--edits", str(edits)], check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--parts", default="pages,wmt,speed")
    parser.add_argument("--child-speed", action="store_true", help=argparse.SUPPRESS)
    args, _unknown = parser.parse_known_args()
    if args.child_speed:
        speed_child(args.n, args.edits)
        return
    parts = set(args.parts.split(","))
    if "pages" in parts:
        pages()
    if "wmt" in parts:
        wmt()
    if "speed" in parts:
        speed(args.n, args.edits)


if __name__ == "__main__":
    main()
