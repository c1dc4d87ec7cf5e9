"""Translator's tools benchmarks (issue 16): Replace All, TM indexing, fuzzy matches, concordance.

Every figure is printed with a floor measured in the same run, and as a ratio to it:

- **Replace All** over N segments (a word of the MT found in ~10% of them): preview, apply (one bulk
  write with a revision per segment) and undo (goals: ≤ 3 s each at 100k segments / 10k hits); floors:
  reading every target and ``str.replace`` on it (the scan), and one bare Core ``executemany`` UPDATE of
  the changed rows without revisions (the write).
- **Indexing** a TMX of M units into a reference-TM index, in a child process: wall and CPU seconds and
  peak RSS (``VmHWM``; goals at 1M: ≤ 60 s, ≤ 1 GB); floor: lxml ``iterparse`` of the same file. A large
  TM is indexed by two processes (``storage.tmsplit``): CPU and RSS are both processes' together.
- **Fuzzy matches** for Q queries (corpus sources with ~15% of their words edited; p50/p95 wall and CPU
  per query; goal at 1M: p95 ≤ 50 ms) and whether the edited unit came back first (recall); floor: a
  brute-force rapidfuzz scan (``process.extract``, ``fuzz.ratio``) over every source, on a few queries.
- **Concordance**: 2–6 character Japanese queries (terms: runs of one script taken from targets; and any
  substring) and two-word English queries (adjacent words of a source), p50/p95 (goal at 1M: ≤ 100 ms);
  floor: the same query as a LIKE scan of the unit table (no index), on a few queries.

Usage: python benchmarks/bench_tools.py [--n 100000] [--tm-n 100000] [--queries 100] [--skip replace,tm]
The 1M-unit TM figures: ``--tm-n 1000000`` (the corpus takes ~10 min to generate, the index ~1 GB of disk).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import record
from corpus import corpus


def vmhwm_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for text in status:
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) / 1024.0
    return 0.0


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * p))]


def line(
    label: str, value: float, floor: float, unit: str = "s", floor_label: str = "", goal: float | None = None
) -> None:
    """One figure against its floor, printed and handed to ``./dev bench`` (``RESULTS.md``)."""
    record(label, value, unit, floor=floor, floor_label=floor_label, max_value=goal)


# ------------------------------------------------------------------------------------------- replace


def bench_replace(n: int, folder: Path) -> None:
    from sqlalchemy import bindparam, create_engine, select, update

    from mtreview.domain.model import ImportedDocument, SegmentDraft
    from mtreview.services.project import ProjectService
    from mtreview.services.replace import preview_replace, replace_all
    from mtreview.services.textsearch import SearchSpec
    from mtreview.storage.orm import SegmentRow

    with open(corpus(max(n, 1000)) / "pairs.jsonl", encoding="utf-8") as handle:
        pairs = [json.loads(x) for _i, x in zip(range(n), handle, strict=False)]
    # the katakana word of the MT whose share of segments is closest to 10%
    counts: dict[str, int] = {}
    for p in pairs[:5000]:
        for w in set(re.findall("[ァ-ヺー]{4,}", p["mt"])):
            counts[w] = counts.get(w, 0) + 1
    word = min(counts, key=lambda w: abs(counts[w] / min(len(pairs), 5000) - 0.10))
    location = folder / "replace.mtreview"
    service = ProjectService.open(location, "bench", create=True)
    doc = ImportedDocument("corpus", [SegmentDraft(p["source"], p["mt"]) for p in pairs], format="tsv")
    service.import_document(doc)
    print(f"Replace All over {n} segments: '{word}' -> 'X{word}'", flush=True)

    engine = create_engine(f"sqlite:///{location}")
    start = time.perf_counter()
    with engine.connect() as c:
        rows = c.execute(select(SegmentRow.id, SegmentRow.mt, SegmentRow.corrected)).all()
    texts = [(i, t if c2 is None else c2) for i, t, c2 in rows]
    changed = [(i, t.replace(word, "X" + word)) for i, t in texts if word in t]
    floor_scan = time.perf_counter() - start

    start = time.perf_counter()
    preview = preview_replace(service, SearchSpec(word), "X" + word)
    t_preview = time.perf_counter() - start
    hits = preview.hit_count
    start = time.perf_counter()
    inverse, _changes = replace_all(service, preview)
    t_apply = time.perf_counter() - start
    start = time.perf_counter()
    inverse.apply(service)
    t_undo = time.perf_counter() - start
    service.close()

    stmt = update(SegmentRow).where(SegmentRow.id == bindparam("sid")).values(corrected=bindparam("text"))
    start = time.perf_counter()
    with engine.begin() as c:
        c.execute(stmt, [{"sid": i, "text": t} for i, t in changed])
    floor_write = time.perf_counter() - start
    engine.dispose()
    print(f"  {len(preview.items)} segments, {hits} hits", flush=True)
    scan, write = "read every target + str.replace", "bare executemany UPDATE, no revisions"
    at = f"{n // 1000}k segments, {hits} hits"
    line(f"Replace All preview, {at}", t_preview, floor_scan, floor_label=scan)
    line(f"Replace All apply (bulk write + revisions), {at}", t_apply, floor_write, floor_label=write)
    line(
        f"Replace All preview + apply, {at}", t_preview + t_apply, floor_scan + floor_write, "s", "both", 3.0
    )
    line(f"Replace All undo (one step), {at}", t_undo, floor_write, floor_label=write, goal=3.0)


# ------------------------------------------------------------------------------------------- TM


def child_index(tmx: str, cache: str) -> None:
    os.environ["MTREVIEW_TM_INDEX_DIR"] = cache
    import resource

    from mtreview.services.tm import build_file_index

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    start, cpu, child_cpu = time.perf_counter(), time.process_time(), children_cpu()
    index = build_file_index(tmx)
    print(
        json.dumps(
            {
                "wall": time.perf_counter() - start,
                # this process and the one building the target index (storage.tmsplit), both
                "cpu": time.process_time() - cpu + children_cpu() - child_cpu,
                # peak of this process plus the peak of the target-index process (0 when not split)
                "rss": vmhwm_mb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "units": index.count(),
                "mb": index.path.stat().st_size / 1e6,
            }
        )
    )


def child_parse(tmx: str) -> None:
    from lxml import etree

    start, cpu = time.perf_counter(), time.process_time()
    for _e, el in etree.iterparse(tmx, tag="tu", resolve_entities=False, no_network=True):
        el.clear(keep_tail=True)
        while el.getprevious() is not None:
            del el.getparent()[0]
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"wall": wall, "cpu": used, "rss": vmhwm_mb()}))


def run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _perturb(rng: random.Random, text: str) -> str:
    w = text.split()
    for _ in range(max(1, int(len(w) * 0.15))):
        i = rng.randrange(len(w))
        op = rng.random()
        if op < 0.4:
            w[i] = rng.choice(["alpha", "beta", "gamma", "delta", "omega"])
        elif op < 0.7 and len(w) > 3:
            del w[i]
        else:
            w.insert(i, rng.choice(["very", "new", "also"]))
    return " ".join(w)


def bench_tm(m: int, queries: int, folder: Path) -> None:
    tmx = corpus(m) / "corpus.tmx"
    cache = str(folder / "cache")
    print(f"TM index of {m} units ({tmx.stat().st_size / 1e6:.0f} MB TMX)", flush=True)
    built = run_child("index", str(tmx), cache)
    parsed = run_child("parse", str(tmx))
    print(f"  {built['units']} units, index {built['mb']:.0f} MB on disk", flush=True)
    big = m >= 1_000_000
    at = f"{m // 1000}k units"
    line(
        f"TM indexing {at}, wall", built["wall"], parsed["wall"], "s", "lxml iterparse", 60.0 if big else None
    )
    line(f"TM indexing {at}, CPU", built["cpu"], parsed["cpu"], "s", "lxml iterparse")
    rss_goal = 1024.0 if big else None
    line(f"TM indexing {at}, peak RSS", built["rss"], parsed["rss"], "MB", "lxml iterparse", rss_goal)

    os.environ["MTREVIEW_TM_INDEX_DIR"] = cache
    from rapidfuzz import fuzz, process

    from mtreview.services.tm import build_file_index, concordance_in, fuzzy
    from mtreview.storage.tmindex import like_pattern

    index = build_file_index(str(tmx))
    total = index.count()
    rng = random.Random(16)
    picks = index.units([rng.randrange(1, total + 1) for _ in range(queries)])

    walls, cpus, found = [], [], 0
    for u in picks:
        q = _perturb(rng, u.source)
        start, cpu = time.perf_counter(), time.process_time()
        result = fuzzy(index, q, 10, 50.0)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        found += bool(result) and result[0][1].id == u.id
    sources = [s for (s,) in index.db.execute("SELECT source FROM unit ORDER BY id")]
    brute = []
    for u in picks[:3]:
        start = time.perf_counter()
        process.extract(u.source, sources, scorer=fuzz.ratio, limit=10, score_cutoff=50)
        brute.append(time.perf_counter() - start)
    del sources
    floor = statistics.median(brute)
    print(
        f"Fuzzy matches, {len(picks)} queries, {total} units: the edited unit first in {found}/{len(picks)}"
    )
    brute = "brute-force rapidfuzz scan"
    line(f"Fuzzy matches, {at}, p50 wall", statistics.median(walls), floor, "s", brute)
    line(f"Fuzzy matches, {at}, p95 wall", pct(walls, 0.95), floor, "s", brute, 0.050 if big else None)
    line(f"Fuzzy matches, {at}, p95 CPU", pct(cpus, 0.95), floor, "s", brute)

    cjk_run = re.compile("[一-鿿]{2,}|[ァ-ヺー]{2,}|[ぁ-ゖ]{2,}")
    any_cjk = re.compile("[぀-ヿ一-鿿]{2,}")
    sample = index.units([rng.randrange(1, total + 1) for _ in range(queries * 4)])

    def substrings(pattern: re.Pattern[str]) -> list[str]:
        out = []
        for u in sample:
            runs = pattern.findall(u.target)
            if runs:
                r = rng.choice(runs)
                size = rng.randint(2, min(6, len(r)))
                at = rng.randrange(len(r) - size + 1)
                out.append(r[at : at + size])
            if len(out) >= queries:
                break
        return out

    english = []
    for u in sample[:queries]:
        w = [x.strip('.,()"?') for x in u.source.split()]
        i = rng.randrange(len(w) - 1)
        english.append(f"{w[i]} {w[i + 1]}")
    for label, qs in (
        ("Japanese terms, 2-6 characters", substrings(cjk_run)),
        ("Japanese, any 2-6 character substring", substrings(any_cjk)),
        ("English, two words", english),
    ):
        walls, zero = [], 0
        for q in qs:
            start = time.perf_counter()
            hits = concordance_in(index, q, 100)
            walls.append(time.perf_counter() - start)
            zero += not hits
        # Floor: the same queries without an index (a LIKE scan of the units until 100 hits), on up to 20.
        scans = []
        for q in qs[:20]:
            start = time.perf_counter()
            index.db.execute(
                "SELECT id FROM unit WHERE source LIKE ? OR target LIKE ? LIMIT 100", (like_pattern(q),) * 2
            ).fetchall()
            scans.append(time.perf_counter() - start)
        print(f"Concordance, {label}: {len(qs)} queries over {total} units ({zero} without hits)")
        scan = "unindexed LIKE scan"
        line(
            f"Concordance, {label}, {at}, p50", statistics.median(walls), statistics.median(scans), "s", scan
        )
        p95_goal = 0.100 if big else None
        line(f"Concordance, {label}, {at}, p95", pct(walls, 0.95), pct(scans, 0.95), "s", scan, p95_goal)
    index.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="segments for Replace All")
    ap.add_argument("--tm-n", type=int, default=100_000, help="units in the reference TM")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--skip", default="", help="comma-separated: replace, tm")
    ap.add_argument("--child", nargs="+")
    args, _unknown = ap.parse_known_args()  # ``./dev bench`` passes every script the same options
    if args.child:
        if args.child[0] == "index":
            child_index(args.child[1], args.child[2])
        else:
            child_parse(args.child[1])
        return
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-tools-") as tmp:
        folder = Path(tmp)
        if "replace" not in skip:
            bench_replace(args.n, folder)
        if "tm" not in skip:
            bench_tm(args.tm_n, args.queries, folder)


if __name__ == "__main__":
    main()
