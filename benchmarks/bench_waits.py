"""What users wait for, end to end, at 100k segments (issue 18), each against a floor measured in this run.

1. ``mtreview import corpus.tmx --no-checks`` (a fresh process, as a user runs it) vs an lxml ``iterparse``
   of the file that extracts both texts of every ``<tu>`` — goal ≤ 3× the floor. (Without ``--no-checks``
   the import runs the checks too: that is step 2's figure.)
2. Run Checks: ``mtreview qa PROJECT --store`` on the freshly imported project, end to end — goal ≤ 20 s;
   its peak memory (VmHWM) — goal ≤ 250 MB. Floor: the check engine alone on the same texts, in a fresh
   process (time and peak memory).
3. Storing those N proposals (``add_annotations`` with their revisions, one transaction) in a fresh copy of
   the project vs a bare SQLAlchemy Core ``executemany`` of the same annotation and revision rows — goal
   ≤ 3× the floor.
4. The Dashboard of a reviewed project (every segment corrected, the proposals stored, a tenth of them
   confirmed, a third of the segments approved): ``dashboard.build`` + the charts — goal ≤ 1 s. Floor: one
   sqlite3 pass over the segment table.
5. Opening that project until its live scores are ready (``ProjectService.open`` + ``LiveScores``) in a
   fresh process — goal ≤ 2 s. Floor: one sqlite3 read of every segment's texts.

Projects are built in a scratch folder under /tmp/mtreview-bench and removed at the end.
Usage: python benchmarks/bench_waits.py [--n 100000] [--runs 3] [--only import,checks,store,dashboard,open]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    cached,
    corpus,
    default_n,
    default_runs,
    record,
    run_child,
    scratch,
    timed,
)

STEPS = ("import", "checks", "store", "dashboard", "open")


# -- fixtures ------------------------------------------------------------------------------------------


def reviewed_tsv(folder: Path) -> Path:
    """source, MT and a correction (the post-edit) for every pair."""

    def make(out: Path) -> None:
        with (
            open(folder / "pairs.jsonl", encoding="utf-8") as src,
            open(out, "w", encoding="utf-8", newline="") as fh,
        ):
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            writer.writerow(["source", "target", "corrected"])
            for line in src:
                p = json.loads(line)
                writer.writerow([p[k].replace("\t", " ") for k in ("source", "mt", "postedit")])

    return cached(folder / "reviewed.tsv", make)


def mtreview(*args: str) -> Any:
    return run_child(["-m", "mtreview", *args])


def copy_project(src: Path, dst: Path) -> Path:
    """A consistent copy (sqlite3's backup API: the WAL is folded in)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


# -- 1. import -------------------------------------------------------------------------------------------


def floor_iterparse(tmx: Path) -> int:
    from lxml import etree

    n = 0
    with open(tmx, "rb") as f:
        for _ev, tu in etree.iterparse(f, tag="tu", resolve_entities=False, no_network=True, load_dtd=False):
            texts = ["".join(seg.itertext()) for seg in tu.iter("seg")]
            n += len(texts) == 2
            tu.clear(keep_tail=True)
            parent = tu.getparent()
            while tu.getprevious() is not None:
                del parent[0]
    return n


def bench_import(folder: Path, work: Path, n: int, runs: int) -> Path:
    tmx = folder / "corpus.tmx"
    floors = [timed(lambda: floor_iterparse(tmx)).wall for _ in range(runs)]
    children = [
        mtreview("import", str(tmx), "--project", str(work / f"import{r}.mtreview"), "--no-checks")
        for r in range(runs)
    ]
    ours = statistics.median(c.wall for c in children)
    record(
        "mtreview import corpus.tmx (process start to exit)",
        ours,
        "s",
        floor=statistics.median(floors),
        floor_label="lxml iterparse of the file",
        max_ratio=3,
        n=n,
        note=f"CPU {statistics.median(c.cpu for c in children):.2f} s",
        cpu=statistics.median(c.cpu for c in children),
        peak_mb=max(c.peak_mb for c in children),
    )
    return work / "import0.mtreview"


# -- 2. Run Checks -------------------------------------------------------------------------------------

ENGINE_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
from mtreview.qa import DocumentInput, SegmentInput
from mtreview.qa.runner import run_checks
n = int(sys.argv[2])
segs = []
with open(sys.argv[1], encoding="utf-8") as fh:
    for i, line in enumerate(fh, start=1):
        if i > n:
            break
        p = json.loads(line)
        segs.append(SegmentInput(f"corpus#{i}", "corpus", p["source"], p["mt"]))
t0 = time.perf_counter()
result = run_checks([DocumentInput("corpus", tuple(segs))], {}, workers=1)
print(json.dumps({"seconds": time.perf_counter() - t0, "findings": len(result.findings)}))
"""


def bench_checks(folder: Path, project: Path, work: Path, n: int) -> None:
    script = work / "engine_child.py"
    script.write_text(ENGINE_CHILD, encoding="utf-8")
    engine = run_child([str(script), str(folder / "pairs.jsonl"), str(n), str(Path(__file__).parents[1])])
    engine_result = json.loads(engine.stdout.strip().splitlines()[-1])
    run = mtreview("qa", str(project), "--store", "--json")
    data = json.loads(run.stdout)
    stored = data.get("stored", {})
    from mtreview.qa import parallel

    workers = parallel.worker_count(n)
    record(
        "Run Checks: mtreview qa PROJECT --store (process start to exit)",
        run.wall,
        "s",
        floor=engine.wall,
        floor_label="check engine alone in one process, fresh process",
        max_value=20,
        n=n,
        note=(
            f"{stored.get('added')} proposals stored; {workers} worker processes; CPU {run.cpu:.1f} s, "
            f"workers {run.workers_cpu:.1f} s"
        ),
        cpu=run.cpu + run.workers_cpu,
        findings=engine_result["findings"],
    )
    record(
        "Run Checks: peak memory (VmHWM)",
        run.peak_mb,
        "MB",
        floor=engine.peak_mb,
        floor_label="check engine alone in one process",
        max_value=250,
        n=n,
        note=f"largest worker {run.workers_peak_mb:.0f} MB",
        workers_peak_mb=run.workers_peak_mb,
    )


# -- 3. storing proposals ----------------------------------------------------------------------------------


def _drafts(project: Path) -> tuple[list[Any], list[str | None]]:
    from mtreview.domain.model import AnnotationDraft, AnnotationState
    from mtreview.storage import open_project

    store = open_project(project)
    try:
        anns = store.annotations()
        fps = store.annotation_fingerprints()
    finally:
        store.close()
    drafts = [
        AnnotationDraft(
            segment_id=a.segment_id,
            category=a.category,
            severity=a.severity,
            side=a.side,
            start=a.start,
            end=a.end,
            comment=a.comment,
            suggestion=a.suggestion,
            origin=a.origin,
            state=AnnotationState.PROPOSED,
        )
        for a in anns
    ]
    return drafts, [fps.get(a.id) for a in anns]


def floor_executemany(project: Path, drafts: list[Any], fps: list[str | None]) -> float:
    """The same annotation rows and one revision row each, by bare Core executemany in one transaction."""
    from datetime import UTC, datetime

    from sqlalchemy import create_engine, insert, select

    from mtreview.storage.orm import AnnotationRow, RevisionRow

    engine = create_engine(f"sqlite:///{project}")
    stamp = datetime.now(UTC)
    start = time.perf_counter()
    with engine.begin() as c:
        first = c.execute(select(AnnotationRow.id).order_by(AnnotationRow.id.desc()).limit(1)).scalar() or 0
        rows = [
            {
                "id": first + i,
                "segment_id": d.segment_id,
                "side": d.side.value,
                "start": d.start,
                "end": d.end,
                "category": d.category,
                "severity": d.severity.value,
                "comment": d.comment,
                "suggestion": d.suggestion,
                "author": "mtreview-qa",
                "origin": d.origin,
                "state": d.state.value,
                "fingerprint": fp,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
            for i, (d, fp) in enumerate(zip(drafts, fps, strict=True), start=1)
        ]
        c.execute(insert(AnnotationRow), rows)
        c.execute(
            insert(RevisionRow),
            [
                {
                    "entity": "annotation",
                    "entity_id": r["id"],
                    "segment_id": r["segment_id"],
                    "action": "create",
                    "author": "mtreview-qa",
                    "at": stamp,
                    "before": None,
                    "after": {k: r[k] for k in ("side", "start", "end", "category", "severity", "state")},
                }
                for r in rows
            ],
        )
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def ours_store(project: Path, drafts: list[Any], fps: list[str | None]) -> float:
    from mtreview.storage import open_project

    store = open_project(project)
    try:
        start = time.perf_counter()
        store.add_annotations(drafts, "mtreview-qa", fingerprints=fps)
        return time.perf_counter() - start
    finally:
        store.close()


def bench_store(checked: Path, clean: Path, work: Path, n: int, runs: int) -> None:
    drafts, fps = _drafts(checked)
    if not drafts:
        print("  storing proposals: the checks found nothing to store")
        return
    floors, ours = [], []
    for r in range(runs):
        floors.append(floor_executemany(copy_project(clean, work / f"floor-store{r}.mtreview"), drafts, fps))
        ours.append(ours_store(copy_project(clean, work / f"ours-store{r}.mtreview"), drafts, fps))
    record(
        f"storing {len(drafts)} proposals with their revisions",
        statistics.median(ours),
        "s",
        floor=statistics.median(floors),
        floor_label="bare Core executemany of the same rows",
        max_ratio=3,
        n=n,
    )


# -- 4./5. a reviewed project ------------------------------------------------------------------------------


def build_reviewed(folder: Path, checked: Path, work: Path) -> tuple[Path, float]:
    """Every segment corrected (the post-edits), the checked project's proposals, a tenth confirmed, a third
    of the segments approved by one of three reviewers. Returns the project and its first open's time
    (live scores built from nothing: what persisted statistics save on every later open)."""
    project = work / "reviewed.mtreview"
    mtreview("import", str(reviewed_tsv(folder)), "--project", str(project), "--no-checks")
    with sqlite3.connect(project) as c:
        c.execute("ATTACH DATABASE ? AS checked", (str(checked),))
        columns = [r[1] for r in c.execute("PRAGMA checked.table_info(annotation)")]
        names = ", ".join(f'"{x}"' for x in columns)
        c.execute(f"INSERT INTO annotation ({names}) SELECT {names} FROM checked.annotation")
        c.execute("UPDATE annotation SET state = 'confirmed', author = 'rev-a' WHERE id % 10 = 0")
        c.execute(
            "UPDATE segment SET status = 'approved', author = 'rev-' || char(97 + id % 3) WHERE id % 3 = 0"
        )
        c.commit()
        c.execute("DETACH DATABASE checked")
    c.close()
    first = open_child(project)
    return project, first["seconds"]


OPEN_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[2])
from mtreview.services.project import ProjectService
from mtreview.services.live_scores import LiveScores
imported, cpu = time.perf_counter(), time.process_time()
svc = ProjectService.open(sys.argv[1], "bench")
live = LiveScores(svc)
docs = [live.document(d.id) for d in svc.documents()]
chrf = [live.document_chrf(d.id) for d in svc.documents()]
done, cpu = time.perf_counter(), time.process_time() - cpu
svc.close()
print(json.dumps({"seconds": done - imported, "cpu": cpu, "imports": imported - t0, "chrf": chrf}))
"""


def open_child(project: Path) -> dict[str, Any]:
    script = project.with_name("open_child.py")
    script.write_text(OPEN_CHILD, encoding="utf-8")
    run = run_child([str(script), str(project), str(Path(__file__).parents[1])])
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    result["peak_mb"] = run.peak_mb
    return result


def floor_read_texts(project: Path) -> float:
    start = time.perf_counter()
    with sqlite3.connect(project) as c:
        rows = c.execute("SELECT id, source, mt, corrected FROM segment").fetchall()
    c.close()
    assert rows
    return time.perf_counter() - start


def floor_segment_pass(project: Path) -> float:
    start = time.perf_counter()
    with sqlite3.connect(project) as c:
        c.execute("SELECT document_id, status, author, length(source) FROM segment").fetchall()
    c.close()
    return time.perf_counter() - start


def bench_open(project: Path, first: float, n: int, runs: int) -> None:
    opens = [open_child(project) for _ in range(runs)]
    floors = [floor_read_texts(project) for _ in range(runs)]
    record(
        "open a reviewed project until its live scores are ready",
        statistics.median(o["seconds"] for o in opens),
        "s",
        floor=statistics.median(floors),
        floor_label="sqlite3 read of every segment's texts",
        max_value=2,
        n=n,
        note=f"CPU {statistics.median(o['cpu'] for o in opens):.2f} s; first open after the import "
        f"{first:.1f} s; module imports {statistics.median(o['imports'] for o in opens):.2f} s more",
        cpu=statistics.median(o["cpu"] for o in opens),
        peak_mb=max(o["peak_mb"] for o in opens),
    )


DASHBOARD_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
from mtreview.services import dashboard
from mtreview.services.project import ProjectService
svc = ProjectService.open(sys.argv[1], "bench")
times, cpus = [], []
for _ in range(int(sys.argv[3])):
    t0, c0 = time.perf_counter(), time.process_time()
    data = dashboard.build(svc)
    try:
        dashboard.render_charts(data)  # the histograms' values travel with the data
    except AttributeError:
        dashboard.render_charts(data.report)  # before: from every segment's score in the report
    times.append(time.perf_counter() - t0)
    cpus.append(time.process_time() - c0)
svc.close()
print(json.dumps({"times": times, "cpus": cpus}))
"""


def bench_dashboard(project: Path, n: int, runs: int) -> None:
    script = project.with_name("dashboard_child.py")
    script.write_text(DASHBOARD_CHILD, encoding="utf-8")
    run = run_child([str(script), str(project), str(Path(__file__).parents[1]), str(runs + 1)])
    result = json.loads(run.stdout.strip().splitlines()[-1])
    times, cpus = result["times"], result["cpus"]
    floors = [floor_segment_pass(project) for _ in range(runs)]
    record(
        "Dashboard: build + charts on a reviewed project",
        statistics.median(times[1:]),
        "s",
        floor=statistics.median(floors),
        floor_label="one sqlite3 pass over the segment table",
        max_value=1,
        n=n,
        note=f"CPU {statistics.median(cpus[1:]):.2f} s; first time in the process {times[0]:.2f} s "
        "(imports matplotlib)",
        cpu=statistics.median(cpus[1:]),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=default_n(100_000))
    ap.add_argument("--runs", type=int, default=default_runs(3))
    ap.add_argument("--only", default="", help="comma-separated steps: " + ",".join(STEPS))
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    args = ap.parse_args()
    steps = set(args.only.split(",")) if args.only else set(STEPS)
    folder = corpus(args.n)
    work = scratch()
    print(f"bench_waits: n={args.n} runs={args.runs} corpus={folder} scratch={work}", flush=True)
    try:
        if steps & {"import", "checks", "store", "dashboard", "open"}:
            if "import" in steps:
                imported = bench_import(folder, work, args.n, args.runs)
            else:
                imported = work / "import0.mtreview"
                mtreview("import", str(folder / "corpus.tmx"), "--project", str(imported), "--no-checks")
            clean = copy_project(imported, work / "clean.mtreview")
        if steps & {"checks", "store", "dashboard", "open"}:
            if "checks" in steps:
                bench_checks(folder, imported, work, args.n)
            elif "store" in steps:
                mtreview("qa", str(imported), "--store", "--json")
            # (``--only open,dashboard``: the reviewed project gets no proposals — the checks at 100k take
            # many minutes — and its figures say so)
            if "store" in steps:
                bench_store(imported, clean, work, args.n, args.runs)
        if steps & {"dashboard", "open"}:
            reviewed, first = build_reviewed(folder, imported, work)
            if "open" in steps:
                bench_open(reviewed, first, args.n, args.runs)
            if "dashboard" in steps:
                bench_dashboard(reviewed, args.n, args.runs)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
