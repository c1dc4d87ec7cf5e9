"""Scoring benchmark: edit-based metrics and MQM on a synthetic project (make_corpus pairs.jsonl).

Figures, each against a floor measured in the same run:

1. chrF + TER + BLEU from scratch with per-segment statistics (``mtreview.scoring.metrics``) vs the naive
   sacrebleu corpus calls on the same strings (time ratio, peak RSS of each, in separate processes), and
   the corpus scores compared for exact equality. The naive chrF corpus call needs ~6.8 GB at 100k
   segments; it runs only when MemAvailable allows (or ``--naive-chrf yes``), otherwise it is skipped
   and said so.
2. One edit → project corpus chrF/TER/BLEU: new segment statistics + O(1) running-sum update, vs
   re-aggregating all segment statistics (sacrebleu's ``_aggregate_and_compute``) — goal ≤ 50 ms, and
   checked exact against that full re-aggregation after every edit.
3. MQM: 100k segments with 200k annotations scored from scratch (``MqmAggregator``) vs summing the
   weights per segment in a plain loop; one live update after one new annotation (goal ≤ 10 ms).

Usage: python benchmarks/bench_scoring.py --n 100000 [--data DIR] [--naive-chrf auto|yes|no]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus, default_n, default_runs, record

REPO = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _mem_available_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def load_pairs(data: Path, n: int) -> tuple[list[str], list[str], list[str]]:
    sources, mts, posts = [], [], []
    with open(data / "pairs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            sources.append(obj["source"])
            mts.append(obj["mt"])
            posts.append(obj["postedit"])
            if len(mts) >= n:
                break
    return sources, mts, posts


# -- phases run in their own process (peak memory per phase) ------------------------------------------


def phase_ours(data: Path, n: int) -> dict[str, object]:
    """Per-segment statistics for each metric (chunked, as ``segment_stats`` does), then the corpus score
    from the running sums; each metric timed on its own."""
    from mtreview.scoring import metrics

    _, mts, posts = load_pairs(data, n)
    base = _rss_mb()
    pairs = [metrics.MetricInput(mt=m, corrected=p) for m, p in zip(mts, posts, strict=True)]
    result: dict[str, object] = {"rss_base_mb": base}
    total = 0.0
    for name, metric, score_of in (
        ("chrf", metrics.chrf_metric(), metrics.chrf_of),
        ("ter", metrics.ter_metric(), metrics.ter_of),
        ("bleu", metrics.bleu_metric(), metrics.bleu_of),
    ):
        t0 = time.perf_counter()
        sums: list[float] = []
        for start in range(0, n, 2000):
            for st in metrics._stats(metric, pairs[start : start + 2000]):
                sums = [a + b for a, b in zip(sums, st, strict=True)] if sums else list(st)
        result[name] = score_of(sums)  # type: ignore[arg-type]
        result[name + "_time"] = time.perf_counter() - t0
        total += float(result[name + "_time"])  # type: ignore[arg-type]
    # The same through the public path (SegmentStats + CorpusAggregator) must give the same numbers.
    t0 = time.perf_counter()
    agg = metrics.CorpusAggregator()
    for i, seg_stats in enumerate(metrics.segment_stats(pairs)):
        agg.set(i, seg_stats)
    scores = agg.scores()
    result["aggregator_time"] = time.perf_counter() - t0
    assert (scores.chrf, scores.ter, scores.bleu) == (result["chrf"], result["ter"], result["bleu"])
    result["time"] = total
    result["rss_peak_mb"] = _rss_mb()
    return result


def phase_naive(data: Path, n: int, metric: str) -> dict[str, object]:
    from mtreview.scoring import metrics

    _, mts, posts = load_pairs(data, n)
    base = _rss_mb()
    m = {"chrf": metrics.chrf_metric, "ter": metrics.ter_metric, "bleu": metrics.bleu_metric}[metric]()
    t0 = time.perf_counter()
    score = m.corpus_score(mts, [posts]).score
    elapsed = time.perf_counter() - t0
    return {"time": elapsed, "rss_base_mb": base, "rss_peak_mb": _rss_mb(), "score": score}


def _run_phase(args: list[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True, cwd=REPO
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# -- in-process figures ----------------------------------------------------------------------------


def bench_edit_update(data: Path, n: int, edits: int, naive_chrf: float | None) -> None:
    from mtreview.scoring import metrics

    _, mts, posts = load_pairs(data, n)
    pairs = [metrics.MetricInput(mt=m, corrected=p) for m, p in zip(mts, posts, strict=True)]
    stats = list(metrics.segment_stats(pairs))
    agg = metrics.CorpusAggregator()
    for i, st in enumerate(stats):
        agg.set(i, st)
    rng = random.Random(11)
    ours, floor = [], []
    for _ in range(edits):
        i = rng.randrange(n)
        text = list(posts[i])
        text.insert(rng.randrange(len(text) + 1), "直")
        posts[i] = "".join(text)
        t0 = time.perf_counter()
        stats[i] = metrics.one_segment_stats(metrics.MetricInput(mt=mts[i], corrected=posts[i]))
        agg.set(i, stats[i])
        live = agg.scores()
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        full_chrf = metrics.chrf_metric()._aggregate_and_compute([s.chrf for s in stats]).score
        full_ter = metrics.ter_metric()._aggregate_and_compute([s.ter for s in stats]).score
        full_bleu = metrics.bleu_metric()._aggregate_and_compute([s.bleu for s in stats]).score
        floor.append(time.perf_counter() - t0)
        assert (live.chrf, live.ter, live.bleu) == (full_chrf, full_ter, full_bleu), "not exact"
    med, fl = statistics.median(ours), statistics.median(floor)
    print(
        f"one edit -> project chrF/TER/BLEU ({n} segments): median {med * 1000:.2f} ms over {edits} edits "
        f"(goal <= 50 ms: {'met' if med <= 0.05 else 'NOT met'}); exact after every edit: yes"
    )
    print(f"  floor: re-aggregate all {n} segment statistics {fl * 1000:.1f} ms -> ratio {med / fl:.3f}x")
    record(
        "one edit -> project chrF/TER/BLEU",
        med * 1000,
        "ms",
        floor=fl * 1000,
        floor_label="re-aggregate all segment statistics",
        max_value=50,
        n=n,
    )
    if naive_chrf:
        print(f"  vs the naive sacrebleu corpus chrF call measured above: ratio {med / naive_chrf:.2e}")


def bench_mqm(n: int, annotations: int, runs: int) -> None:
    from mtreview.domain.model import Severity
    from mtreview.scoring.mqm import MqmAggregator, MqmPolicy
    from mtreview.scoring.typology import load

    typology = load("google-mqm")
    policy = MqmPolicy(typology.effective_weights(), typology)
    rng = random.Random(5)
    cats = [c.path for c in typology.categories]
    sevs = [Severity.MINOR, Severity.MINOR, Severity.MAJOR, Severity.NEUTRAL, Severity.CRITICAL]
    source = "one two three four five six seven eight nine ten"
    target = "あ" * 120
    segs = [(f"d{i // 1000}#{i % 1000 + 1}", f"d{i // 1000}") for i in range(n)]
    anns = [(k, segs[rng.randrange(n)][0], rng.choice(cats), rng.choice(sevs)) for k in range(annotations)]
    scratch, plain = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        agg = MqmAggregator(policy)
        agg.load(((key, doc, source, target, None) for key, doc in segs), ((*a, "") for a in anns))
        penalties = [agg.segment_penalty(key) for key, _ in segs]
        docs = [agg.document(d) for d in agg.document_names()]
        scratch.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        weights = {(c, s): policy.weight(c, s) for c in cats for s in sevs}
        totals: dict[str, float] = {key: 0.0 for key, _ in segs}
        for _k, seg, cat, sev in anns:
            totals[seg] += weights[(cat, sev)]
        plain.append(time.perf_counter() - t0)
    assert all(abs(totals[key] - p) < 1e-9 for (key, _), p in zip(segs, penalties, strict=True))
    s, p = statistics.median(scratch), statistics.median(plain)
    print(
        f"MQM from scratch ({n} segments, {annotations} annotations, {len(docs)} documents): {s:.3f} s "
        f"(median of {runs}); floor: plain loop summing weights {p:.3f} s -> ratio {s / p:.1f}x"
    )
    record(
        f"MQM from scratch ({annotations} annotations)",
        s,
        "s",
        floor=p,
        floor_label="plain loop summing weights",
        n=n,
    )
    live = []
    for k in range(1000):
        seg_key, doc_name = segs[rng.randrange(n)]
        t0 = time.perf_counter()
        agg.add_annotation(("live", k), seg_key, rng.choice(cats), Severity.MAJOR)
        agg.segment_penalty(seg_key)
        agg.document(doc_name)
        live.append(time.perf_counter() - t0)
    med = statistics.median(live)
    print(
        f"MQM live update (one new annotation -> segment + document score): median {med * 1e6:.1f} us, "
        f"p99 {sorted(live)[989] * 1000:.3f} ms, max {max(live) * 1000:.3f} ms over 1000 "
        f"(goal <= 10 ms: {'met' if max(live) <= 0.01 else 'NOT met'}); "
        f"ratio to from-scratch {med / s:.2e}"
    )
    record(
        "MQM live update (one annotation), max",
        max(live) * 1000,
        "ms",
        floor=s * 1000,
        floor_label="MQM from scratch",
        max_value=10,
        n=n,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=default_n(100_000))
    ap.add_argument("--data", type=Path, default=None, help="folder with pairs.jsonl (generated if absent)")
    ap.add_argument("--naive-chrf", choices=("auto", "yes", "no"), default="auto")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--runs", type=int, default=default_runs(3), help="runs of the cheap (MQM) figures")
    ap.add_argument("--only-mqm", action="store_true", help="run only the MQM figures (no corpus needed)")
    ap.add_argument("--phase", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        kind, _, metric = args.phase.partition(":")
        result = phase_ours(args.data, args.n) if kind == "ours" else phase_naive(args.data, args.n, metric)
        print(json.dumps(result))
        return
    if args.only_mqm:
        bench_mqm(args.n, 2 * args.n, args.runs)
        return
    data = args.data or corpus(args.n)
    n = args.n
    print(f"# bench_scoring: {n} segments from {data}/pairs.jsonl (mt = hypothesis, postedit = reference)")

    ours = _run_phase(["--phase", "ours", "--n", str(n), "--data", str(data)])
    print(
        f"ours (per-segment statistics in chunks of 2000 + running sums): chrF {ours['chrf_time']:.1f} s, "
        f"TER {ours['ter_time']:.1f} s, BLEU {ours['bleu_time']:.1f} s; all three via SegmentStats + "
        f"CorpusAggregator {ours['aggregator_time']:.1f} s; peak RSS {ours['rss_peak_mb']:.0f} MB "
        f"(after loading {ours['rss_base_mb']:.0f} MB)"
    )
    naive_chrf: float | None = None
    want_chrf = args.naive_chrf == "yes" or (
        args.naive_chrf == "auto" and _mem_available_gb() > 6.8 * n / 1e5 + 2
    )
    for metric in ("chrf", "ter", "bleu"):
        if metric == "chrf" and not want_chrf:
            print(
                f"naive sacrebleu corpus chrF: SKIPPED (needs ~{6.8 * n / 1e5:.1f} GB; "
                f"MemAvailable {_mem_available_gb():.1f} GB)"
            )
            continue
        naive = _run_phase(["--phase", f"naive:{metric}", "--n", str(n), "--data", str(data)])
        same = naive["score"] == ours[metric]
        if metric == "chrf":
            naive_chrf = float(naive["time"])  # type: ignore[arg-type]
        t_ours, t_naive = float(ours[metric + "_time"]), float(naive["time"])  # type: ignore[arg-type]
        print(
            f"naive sacrebleu corpus_score {metric}: {t_naive:.1f} s, peak RSS {naive['rss_peak_mb']:.0f} MB "
            f"(after loading {naive['rss_base_mb']:.0f} MB) -> ours/naive time {t_ours / t_naive:.2f}x; "
            f"score {naive['score']!r} vs ours {ours[metric]!r}: {'identical' if same else 'DIFFERENT'}"
        )
        record(
            f"corpus {metric} from per-segment statistics",
            t_ours,
            "s",
            floor=t_naive,
            floor_label="naive sacrebleu corpus_score",
            n=n,
            identical=same,
            peak_mb=ours["rss_peak_mb"],
            naive_peak_mb=naive["rss_peak_mb"],
        )
    bench_edit_update(data, n, args.edits, naive_chrf)
    bench_mqm(n, 2 * n, args.runs)


if __name__ == "__main__":
    main()
