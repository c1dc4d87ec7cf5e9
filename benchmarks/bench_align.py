"""Alignment benchmark (issue 3): two files of N English and ~N Japanese paragraphs, shuffled splits/merges.

From make_corpus.py's ``source.en.txt`` / ``mt.ja.txt`` (first N paragraphs), a seeded shuffle of edits
makes the two files disagree: 8% of Japanese paragraphs split in two lines at a sentence end (1-2),
8% merged with the next one (2-1), 2% of English paragraphs split (2-1), 1% dropped on either side.
``align_files`` then aligns them; the known gold gives a strict pair F1 as a sanity figure.

Figures (each task in a fresh subprocess, times are medians of ``--runs``):
- seconds to align N and N/10 paragraphs (goal: 10,000 in ≤ 10 s) and their ratio (linear would be 10×);
- the floor measured in the same run: reading both files into numbered lines (what any line aligner does),
  and alignment time as a multiple of it;
- peak memory growth of the process over its state after imports (ru_maxrss), for N/10 and N: banded DP
  memory should grow linearly (ratio ~10×, not ~100×).

Usage: python benchmarks/bench_align.py [--n 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus, default_n, default_runs, record

SPLIT_JA, MERGE_JA, SPLIT_EN, DROP = 0.08, 0.08, 0.02, 0.01


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _split_ja(text: str) -> tuple[str, str] | None:
    ends = [i + 1 for i, ch in enumerate(text) if ch in "。！？" and 0 < i + 1 < len(text)]
    if not ends:
        return None
    cut = min(ends, key=lambda i: abs(i - len(text) / 2))
    return text[:cut], text[cut:]


def _split_en(text: str) -> tuple[str, str] | None:
    ends = [i + 1 for i in range(len(text) - 2) if text[i] == "." and text[i + 1] == " "]
    if not ends:
        return None
    cut = min(ends, key=lambda i: abs(i - len(text) / 2))
    return text[:cut].strip(), text[cut:].strip()


def make_files(
    n: int, folder: Path, seed: int = 7
) -> tuple[Path, Path, set[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Write en.txt / ja.txt for the first n corpus paragraphs; return them and the gold pairs."""
    src = corpus(max(n, 1000))
    en = (src / "source.en.txt").read_text(encoding="utf-8").splitlines()[:n]
    ja = (src / "mt.ja.txt").read_text(encoding="utf-8").splitlines()[:n]
    rng = random.Random(seed)
    en_out: list[str] = []
    ja_out: list[str] = []
    gold: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    k = 0
    while k < n:
        roll = rng.random()
        e, j = en[k], ja[k]
        if roll < DROP:
            en_out.append(e)
            k += 1
            continue
        if roll < 2 * DROP:
            ja_out.append(j)
            k += 1
            continue
        if roll < 2 * DROP + SPLIT_JA and (parts := _split_ja(j)):
            en_out.append(e)
            ja_out.extend(parts)
            gold.add(((len(en_out),), (len(ja_out) - 1, len(ja_out))))
            k += 1
            continue
        if roll < 2 * DROP + SPLIT_JA + MERGE_JA and k + 1 < n:
            en_out.extend([e, en[k + 1]])
            ja_out.append(j + ja[k + 1])
            gold.add(((len(en_out) - 1, len(en_out)), (len(ja_out),)))
            k += 2
            continue
        if roll < 2 * DROP + SPLIT_JA + MERGE_JA + SPLIT_EN and (parts_en := _split_en(e)):
            en_out.extend(parts_en)
            ja_out.append(j)
            gold.add(((len(en_out) - 1, len(en_out)), (len(ja_out),)))
            k += 1
            continue
        en_out.append(e)
        ja_out.append(j)
        gold.add(((len(en_out),), (len(ja_out),)))
        k += 1
    en_path, ja_path = folder / f"en.{n}.txt", folder / f"ja.{n}.txt"
    en_path.write_text("\n".join(en_out) + "\n", encoding="utf-8")
    ja_path.write_text("\n".join(ja_out) + "\n", encoding="utf-8")
    return en_path, ja_path, gold


def child(task: str, en: str, ja: str) -> None:
    from mtreview.align.bilingual import align_files
    from mtreview.align.names import romanise
    from mtreview.formats.textio import numbered_lines, read_text

    romanise("テスト")  # load the romaniser's dictionaries before the baseline
    base = _rss_mb()
    c0 = time.process_time()
    t0 = time.perf_counter()
    if task == "floor":
        lines = numbered_lines(read_text(en).text), numbered_lines(read_text(ja).text)
        result: object = sum(len(x) for x in lines)
    else:
        alignment = align_files(en, ja)
        result = [[list(p.source_lines), list(p.target_lines)] for p in alignment.pairs]
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(json.dumps({"seconds": seconds, "cpu": cpu, "growth_mb": _rss_mb() - base, "result": result}))


def run_child(task: str, en: Path, ja: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", task, str(en), str(ja)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=default_n(10_000))
    parser.add_argument("--runs", type=int, default=default_runs(3))
    parser.add_argument("--child", nargs=3, metavar=("TASK", "EN", "JA"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    small = max(100, args.n // 10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = {}
        for n in (small, args.n):
            en, ja, gold = make_files(n, folder)
            floor = statistics.median(float(run_child("floor", en, ja)["seconds"]) for _ in range(args.runs))
            runs = [run_child("align", en, ja) for _ in range(args.runs)]
            seconds = statistics.median(float(r["seconds"]) for r in runs)
            cpu = statistics.median(float(r["cpu"]) for r in runs)
            growth = max(float(r["growth_mb"]) for r in runs)
            got = {(tuple(s), tuple(t)) for s, t in runs[0]["result"]}  # type: ignore[union-attr]
            tp = len(got & gold)
            f1 = 2 * tp / (len(got) + len(gold)) if got or gold else 1.0
            rows[n] = (seconds, floor, growth, f1)
            print(
                f"align {n:>6} paragraphs: {seconds:7.2f} s wall ({cpu:.2f} s CPU) "
                f"= {seconds / floor:6.1f}× the floor "
                f"(read + split both files, {floor:.3f} s); peak memory growth {growth:7.1f} MB; "
                f"strict pair F1 {f1:.4f}",
                flush=True,
            )
            record(
                f"align {n} paragraphs",
                seconds,
                "s",
                floor=floor,
                floor_label="read + split both files",
                max_value=10 if n == 10_000 else None,
                n=n,
                cpu=cpu,
                f1=f1,
            )
        t_small, _, m_small, _ = rows[small]
        t_big, _, m_big, _ = rows[args.n]
        print(
            f"time ratio {args.n}/{small}: {t_big / t_small:.1f}× (linear: {args.n / small:.0f}×); "
            f"memory growth ratio: {m_big / max(m_small, 0.1):.1f}×"
        )
        if 10_000 in rows:
            t_goal = rows[10_000][0]
            verdict = "met" if t_goal <= 10 else "NOT met"
            print(f"goal (issue 3): 10000 paragraphs in ≤ 10 s -> {verdict} ({t_goal:.2f} s wall)")
        print(f"machine load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
