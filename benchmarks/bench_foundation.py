"""Foundation benchmarks (issue 2): import, first screen of the grid, durable confirm.

Each figure is printed next to a floor measured in the same run:
- import of the 100k-pair TSV into a new project vs a bare SQLAlchemy Core insert of the same rows;
- opening that project and painting the first screen of the grid (absolute goal: ≤ 1.0 s, ≤ 400 MB RSS),
  vs a bare QTableView over a trivial 100k-row model;
- a confirmed edit (WAL, synchronous=FULL) p50/p95 vs a bare sqlite3 UPDATE+COMMIT with the same pragmas.
Usage: python benchmarks/bench_foundation.py [--n 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus, default_n, default_runs, record


def make_tsv(folder: Path) -> Path:
    tsv = folder / "corpus.tsv"
    if tsv.exists():
        return tsv
    with (
        open(folder / "pairs.jsonl", encoding="utf-8") as src,
        open(tsv, "w", encoding="utf-8", newline="") as out,
    ):
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["source", "target"])
        for line in src:
            pair = json.loads(line)
            writer.writerow([pair["source"].replace("\t", " "), pair["mt"].replace("\t", " ")])
    return tsv


def floor_core_insert(tsv: Path, db: Path) -> float:
    from datetime import UTC, datetime

    from sqlalchemy import create_engine, insert

    from mtreview.storage.orm import Base, DocumentRow, SegmentRow

    engine = create_engine(f"sqlite:///{db}")
    Base.metadata.create_all(engine)
    with open(tsv, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    now = datetime.now(UTC)
    start = time.perf_counter()
    with engine.begin() as c:
        c.execute(
            insert(DocumentRow).values(
                id=1, name="x", format="tsv", source_lang="en", target_lang="ja", created_at=now
            )
        )
        batch = []
        for i, (s, t) in enumerate(rows, 1):
            batch.append(
                {
                    "document_id": 1,
                    "ordinal": i,
                    "source": s,
                    "mt": t,
                    "status": "new",
                    "source_lines": [i + 1],
                    "target_lines": [i + 1],
                    "confidence": 1.0,
                    "locked": False,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 2000:
                c.execute(insert(SegmentRow), batch)
                batch.clear()
        if batch:
            c.execute(insert(SegmentRow), batch)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def ours_import(tsv: Path, project: Path) -> float:
    from mtreview.services.project import ProjectService

    start = time.perf_counter()
    svc = ProjectService.open(project, "bench", create=True)
    svc.import_path(tsv)
    svc.close()
    return time.perf_counter() - start


GRID_CHILD = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QTableView
from PySide6.QtCore import QAbstractTableModel, Qt
app = QApplication([])
mode = sys.argv[1]
if mode == "ours":
    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService
    from mtreview.ui.main_window import MainWindow
    opened = time.perf_counter()
    svc = ProjectService.open(sys.argv[2], "bench")
    w = MainWindow(svc, Preferences(reviewer="bench"))
    w.resize(1400, 900)
else:
    opened = time.perf_counter()
    class M(QAbstractTableModel):
        def rowCount(self, p=None): return 100000
        def columnCount(self, p=None): return 8
        def data(self, i, r=Qt.DisplayRole): return f"cell {i.row()}" if r == Qt.DisplayRole else None
    w = QTableView(); w.setModel(M()); w.resize(1400, 900)
w.show()
for _ in range(5):
    app.processEvents()
w.grab()
elapsed = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report its parent's peak.
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
print(f"{elapsed:.4f} {rss:.1f} {time.perf_counter() - opened:.4f}", flush=True)
w.close()  # stops background work (the scores of a large project are still being computed)
"""


def grid(mode: str, project: Path) -> tuple[float, float, float]:
    """(process start to first screen, peak RSS MB, project open to first screen) in a fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MTREVIEW_CONFIG_DIR=tempfile.mkdtemp())
    out = subprocess.run(
        [sys.executable, "-c", GRID_CHILD, mode, str(project)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def confirm_latency(project: Path, count: int = 500) -> list[float]:
    from mtreview.services.project import ProjectService
    from mtreview.services.saving import SegmentChange

    svc = ProjectService.open(project, "bench")
    ids = svc.segment_ids()[:count]
    times = []
    for i, sid in enumerate(ids):
        seg = svc.segment(sid)
        start = time.perf_counter()
        svc.save(SegmentChange.confirm(sid, f"確定 {i}", seg.version)).require_saved()
        times.append(time.perf_counter() - start)
    svc.close()
    return times


def floor_sqlite_commit(db: Path, count: int = 500) -> list[float]:
    con = sqlite3.connect(str(db), isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    times = []
    for i in range(1, count + 1):
        start = time.perf_counter()
        con.execute("BEGIN")
        con.execute("UPDATE segment SET corrected=?, version=version+1 WHERE id=?", (f"x{i}", i))
        con.execute("COMMIT")
        times.append(time.perf_counter() - start)
    con.close()
    return times


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=default_n(100_000))
    parser.add_argument("--runs", type=int, default=default_runs(3))
    args = parser.parse_args()
    folder = corpus(args.n)
    tsv = make_tsv(folder)
    work = Path(tempfile.mkdtemp(prefix="mtreview-bench-"))
    floors, ours = [], []
    for run in range(args.runs):
        floors.append(floor_core_insert(tsv, work / f"floor{run}.db"))
        ours.append(ours_import(tsv, work / f"ours{run}.mtreview"))
    f, o = statistics.median(floors), statistics.median(ours)
    print(
        f"import {args.n} TSV pairs: ours {o:.2f} s (read+store), Core insert floor {f:.2f} s "
        f"-> ratio {o / f:.2f}x (goal <= 3x)"
    )
    record(
        f"import {args.n} TSV pairs (read+store)",
        o,
        "s",
        floor=f,
        floor_label="Core insert",
        max_ratio=3,
        n=args.n,
    )
    project = work / "ours0.mtreview"
    g_ours = [grid("ours", project) for _ in range(args.runs)]
    g_floor = [grid("floor", project) for _ in range(args.runs)]
    t_o = statistics.median(t for t, _r, _o in g_ours)
    o_o = statistics.median(o for _t, _r, o in g_ours)
    r_o = max(r for _t, r, _o in g_ours)
    t_f = statistics.median(t for t, _r, _o in g_floor)
    o_f = statistics.median(o for _t, _r, o in g_floor)
    r_f = max(r for _t, r, _o in g_floor)
    print(
        f"open project + first grid screen (wrapped rows): ours {o_o:.3f} s ({t_o:.3f} s from process start, "
        f"imports included), {r_o:.0f} MB RSS; bare QTableView over 100k trivial rows {o_f:.3f} s "
        f"({t_f:.3f} s from start), {r_f:.0f} MB -> ratio {t_o / t_f:.2f}x from start "
        f"(goal <= 1.0 s, <= 400 MB)"
    )
    record(
        "open project + first grid screen",
        o_o,
        "s",
        floor=o_f,
        floor_label="bare QTableView, 100k rows",
        max_value=1.0,
        n=args.n,
    )
    record(
        "open project + first grid screen: peak memory",
        r_o,
        "MB",
        floor=r_f,
        floor_label="bare QTableView",
        max_value=400,
        n=args.n,
    )
    lat = confirm_latency(project)
    fl = floor_sqlite_commit(work / "floor0.db")
    print(
        f"durable confirm: ours p50 {pct(lat, 0.5) * 1e3:.2f} ms p95 {pct(lat, 0.95) * 1e3:.2f} ms; "
        f"bare sqlite3 UPDATE+COMMIT (WAL, FULL) p50 {pct(fl, 0.5) * 1e3:.2f} ms "
        f"p95 {pct(fl, 0.95) * 1e3:.2f} ms "
        f"-> p95 ratio {pct(lat, 0.95) / pct(fl, 0.95):.2f}x (goal p95 <= 2 ms)"
    )
    record(
        "durable confirm p95",
        pct(lat, 0.95) * 1e3,
        "ms",
        floor=pct(fl, 0.95) * 1e3,
        floor_label="sqlite3 UPDATE+COMMIT",
        max_value=2.0,
        n=args.n,
    )


if __name__ == "__main__":
    main()
