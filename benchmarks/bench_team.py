"""Team mode benchmark (issue 8): confirm-a-segment latency with 8 concurrent writers.

A throw-away PostgreSQL 15 server is started (durable: fsync on, like SQLite's synchronous=FULL).
The same project is created on it and in a ``.mtreview`` file; 8 reviewer processes (spawn) start
together and each confirms its own share of segments (``ProjectService.confirm``: optimistic check,
update, revision, NOTIFY, commit). Printed for each backend: p50/p95 of one confirm, against a floor
measured in the same run (one bare driver-level UPDATE+COMMIT by a single writer on the same backend),
and the PostgreSQL/SQLite ratios. p99 and mean are printed too: SQLite serialises writers with a
sleeping busy handler, so its median is low but some confirms wait a second or more.

Usage: python benchmarks/bench_team.py [--n 2000] [--ops 200] [--writers 8]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import default_n, record

REPO = Path(__file__).resolve().parent.parent


def load_pg_helper():  # type: ignore[no-untyped-def]
    """tests/pg.py (the test suite's throw-away server), loaded by path: benchmarks are not a package."""
    spec = importlib.util.spec_from_file_location("mtreview_bench_pg", REPO / "tests" / "pg.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(n: int) -> list[tuple[str, str]]:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import corpus

    out = []
    with open(corpus(n) / "pairs.jsonl", encoding="utf-8") as handle:
        for line in handle:
            p = json.loads(line)
            out.append((p["source"], p["mt"]))
            if len(out) == n:
                break
    return out


def make_project(location: str, data: list[tuple[str, str]]) -> None:
    from mtreview.domain.model import ImportedDocument, SegmentDraft
    from mtreview.services.project import ProjectService

    svc = ProjectService.open(location, "setup", create=True)
    svc.import_document(ImportedDocument("bench", [SegmentDraft(s, t) for s, t in data]))
    svc.close()


def writer(location: str, name: str, share: list[int], barrier) -> list[float]:  # type: ignore[no-untyped-def]
    from mtreview.services.project import ProjectService
    from mtreview.services.saving import SegmentChange

    svc = ProjectService.open(location, name)
    versions = {s.id: s.version for s in svc.segments(share)}
    svc.segment(share[0])  # warm the connection pool
    barrier.wait()  # every writer is ready: they all start together and overlap throughout
    latencies = []
    for n, sid in enumerate(share):
        t0 = time.perf_counter()
        svc.save(SegmentChange.confirm(sid, f"{name} {n}", versions[sid])).require_saved()
        latencies.append(time.perf_counter() - t0)
    svc.close()
    return latencies


def team_latency(location: str, writers: int, ops: int) -> list[float]:
    from mtreview.storage import open_project

    store = open_project(location)
    ids = store.segment_ids()
    store.close()
    shares = [ids[w::writers][:ops] for w in range(writers)]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(writers) as pool:
        barrier = manager.Barrier(writers)
        started = time.perf_counter()
        results = pool.starmap(writer, [(location, f"r{w}", shares[w], barrier) for w in range(writers)])
        elapsed = time.perf_counter() - started
    flat = [x for r in results for x in r]
    backend = location.split("://")[0] if "://" in location else "sqlite"
    per_writer = len(results[0]) / max(sum(results[0]), 1e-9)
    print(
        f"  {backend}: {len(flat)} confirms by {writers} writers, about {per_writer:.0f} confirms/s "
        f"per writer (wall incl. start-up {elapsed:.1f} s)"
    )
    return flat


def floor_sqlite(folder: Path, count: int) -> list[float]:
    db = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, version INTEGER)")
    db.executemany("INSERT INTO t VALUES (?, '', 1)", [(i,) for i in range(count)])
    out = []
    for i in range(count):
        t0 = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE t SET v = ?, version = version + 1 WHERE id = ?", (f"x{i}", i))
        db.execute("COMMIT")
        out.append(time.perf_counter() - t0)
    db.close()
    return out


def floor_pg(url: str, count: int) -> list[float]:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("CREATE TABLE floor_t (id INTEGER PRIMARY KEY, v TEXT, version INTEGER)")
        conn.execute("INSERT INTO floor_t SELECT g, '', 1 FROM generate_series(0, %s) g", (count,))
        conn.commit()
        out = []
        for i in range(count):
            t0 = time.perf_counter()
            conn.execute("UPDATE floor_t SET v = %s, version = version + 1 WHERE id = %s", (f"x{i}", i))
            conn.commit()
            out.append(time.perf_counter() - t0)
    return out


def pct(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=default_n(2000), help="segments in the project")
    parser.add_argument("--ops", type=int, default=200, help="confirmations per writer")
    parser.add_argument("--writers", type=int, default=8)
    args = parser.parse_args()
    pg = load_pg_helper()
    if not pg.binaries_present():
        raise SystemExit(pg.missing_reason())
    data = pairs(max(args.n, args.writers * args.ops))
    server = pg.PgServer(durable=True).start()
    try:
        with tempfile.TemporaryDirectory(prefix="mtreview-bench-team-") as tmp:
            folder = Path(tmp)
            pg_url = server.url(server.create_database("bench"))
            sqlite_loc = str(folder / "team.mtreview")
            make_project(pg_url, data)
            make_project(sqlite_loc, data)
            floor_p = floor_pg(server.url(server.create_database("floor")), args.ops)
            floor_s = floor_sqlite(folder, args.ops)
            lat_p = team_latency(pg_url, args.writers, args.ops)
            lat_s = team_latency(sqlite_loc, args.writers, args.ops)
    finally:
        server.stop()
    ms = 1e3
    for label, lat, floor, bare in (
        ("PostgreSQL", lat_p, floor_p, "psycopg UPDATE+COMMIT"),
        ("SQLite", lat_s, floor_s, "sqlite3 UPDATE+COMMIT (WAL, FULL)"),
    ):
        print(
            f"confirm latency, {args.writers} writers, {label}: p50 {pct(lat, 0.5) * ms:.2f} ms "
            f"p95 {pct(lat, 0.95) * ms:.2f} ms p99 {pct(lat, 0.99) * ms:.2f} ms "
            f"mean {statistics.fmean(lat) * ms:.2f} ms ({len(lat)} confirms); "
            f"floor: bare single-writer {bare} "
            f"p50 {pct(floor, 0.5) * ms:.2f} ms p95 {pct(floor, 0.95) * ms:.2f} ms; "
            f"ratio p50 {pct(lat, 0.5) / pct(floor, 0.5):.1f}x p95 {pct(lat, 0.95) / pct(floor, 0.95):.1f}x"
        )
        record(
            f"confirm p95, {args.writers} writers, {label}",
            pct(lat, 0.95) * ms,
            "ms",
            floor=pct(floor, 0.95) * ms,
            floor_label=f"bare single-writer {bare}",
            n=args.n,
        )
    print(
        f"PostgreSQL / SQLite with {args.writers} writers: p50 {pct(lat_p, 0.5) / pct(lat_s, 0.5):.2f}x "
        f"p95 {pct(lat_p, 0.95) / pct(lat_s, 0.95):.2f}x p99 {pct(lat_p, 0.99) / pct(lat_s, 0.99):.2f}x "
        f"mean {statistics.fmean(lat_p) / statistics.fmean(lat_s):.2f}x"
    )


if __name__ == "__main__":
    main()
