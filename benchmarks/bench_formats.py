"""Format benchmarks (issue 7): reader and writer figures against floors measured in the same run.

With make_corpus.py's ``corpus.tmx`` and ``corpus.po`` (N units):

- TMX read:  ``mtreview.formats.tmx.read_tmx``  vs an lxml ``iterparse`` that extracts the two seg texts
  per ``<tu>`` and clears elements (goal ≤ 3×; Translate Toolkit's load+extract is about 3.1× it);
- TMX write: ``write_tmx`` of N export units vs lxml ``xmlfile`` writing tu/tuv/seg with the same texts
  (goal ≤ 1.5×);
- PO read:   ``read_po`` vs ``polib.pofile``;
- PO write:  ``write_po`` of N export units vs ``POFile.save`` of the parsed corpus.

Every task runs in a fresh subprocess (``--child``) so that its peak memory (``ru_maxrss``, and the
growth over the process after imports) is its own; times are medians of ``--runs``. Writers are timed
on units already in memory (reader-level and writer-level figures; project import/export is the lead's).

Usage: python benchmarks/bench_formats.py [--n 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus, default_n, default_runs, record


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _pairs(folder: Path) -> list[tuple[str, str, str]]:
    out = []
    with open(folder / "pairs.jsonl", encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            out.append((str(p["id"]), p["source"], p["mt"]))
    return out


def _units(folder: Path) -> list:  # type: ignore[type-arg]
    from mtreview.domain.model import Status
    from mtreview.formats.base import ExportUnit

    return [
        ExportUnit("corpus", i, s, t, t, Status.NEW, key=k)
        for i, (k, s, t) in enumerate(_pairs(folder), start=1)
    ]


# ------------------------------------------------------------------------------------------- tasks


def floor_tmx_read(folder: Path, out: Path) -> int:
    from lxml import etree

    n = 0
    with open(folder / "corpus.tmx", "rb") as f:
        for _ev, tu in etree.iterparse(f, tag="tu", resolve_entities=False, no_network=True, load_dtd=False):
            texts = [seg.text or "" for seg in tu.iter("seg")]
            n += len(texts) == 2
            tu.clear(keep_tail=True)
            parent = tu.getparent()
            while tu.getprevious() is not None:
                del parent[0]
    return n


def floor_tmx_read_keep(folder: Path, out: Path) -> int:
    """The iterparse floor that also keeps (tuid, source, target) of every unit: the memory any reader
    returning the whole document must at least hold."""
    from lxml import etree

    kept = []
    with open(folder / "corpus.tmx", "rb") as f:
        for _ev, tu in etree.iterparse(f, tag="tu", resolve_entities=False, no_network=True, load_dtd=False):
            texts = [seg.text or "" for seg in tu.iter("seg")]
            kept.append((tu.get("tuid"), texts[0], texts[1]))
            tu.clear(keep_tail=True)
            parent = tu.getparent()
            while tu.getprevious() is not None:
                del parent[0]
    return len(kept)


def tmx_read(folder: Path, out: Path) -> int:
    from mtreview.formats.tmx import read_tmx

    return len(read_tmx(folder / "corpus.tmx").segments)


def floor_tmx_write(folder: Path, out: Path, units: list) -> int:  # type: ignore[type-arg]
    from lxml import etree

    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", version="1.4"):
            xf.write(
                etree.Element(
                    "header",
                    srclang="en",
                    segtype="paragraph",
                    adminlang="en",
                    datatype="plaintext",
                    creationtool="floor",
                    creationtoolversion="1",
                    **{"o-tmf": "floor"},
                )
            )
            with xf.element("body"):
                for u in units:
                    with xf.element("tu", tuid=u.key):
                        for lang, text in (("en", u.source), ("ja", u.target)):
                            tuv = {"{http://www.w3.org/XML/1998/namespace}lang": lang}
                            with xf.element("tuv", tuv), xf.element("seg"):
                                xf.write(text)
    return len(units)


def tmx_write(folder: Path, out: Path, units: list) -> int:  # type: ignore[type-arg]
    from mtreview.formats.tmx import write_tmx

    return write_tmx(out, units)


def floor_po_read(folder: Path, out: Path) -> int:
    import polib

    return len(polib.pofile(str(folder / "corpus.po")))


def po_read(folder: Path, out: Path) -> int:
    from mtreview.formats.po import read_po

    return len(read_po(folder / "corpus.po").segments)


def floor_po_write(folder: Path, out: Path, po: object) -> int:
    po.save(str(out))  # type: ignore[attr-defined]
    return len(po)  # type: ignore[arg-type]


def po_write(folder: Path, out: Path, units: list) -> int:  # type: ignore[type-arg]
    from mtreview.formats.po import write_po

    return write_po(out, units)


READ_TASKS = {
    "floor_tmx_read": floor_tmx_read,
    "floor_tmx_read_keep": floor_tmx_read_keep,
    "tmx_read": tmx_read,
    "floor_po_read": floor_po_read,
    "po_read": po_read,
}
WRITE_TASKS = {
    "floor_tmx_write": floor_tmx_write,
    "tmx_write": tmx_write,
    "floor_po_write": floor_po_write,
    "po_write": po_write,
}


def child(task: str, folder: Path) -> None:
    import mtreview.formats  # noqa: F401  (imports outside the timed region)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if task in READ_TASKS:
            base = _rss_mb()
            start = time.perf_counter()
            n = READ_TASKS[task](folder, out)
        else:
            if task == "floor_po_write":
                import polib

                data: object = polib.pofile(str(folder / "corpus.po"))
            else:
                data = _units(folder)
            base = _rss_mb()
            start = time.perf_counter()
            n = WRITE_TASKS[task](folder, out, data)  # type: ignore[operator]
        seconds = time.perf_counter() - start
        peak = _rss_mb()
        size = out.stat().st_size if out.exists() else 0
    print(
        json.dumps(
            {
                "task": task,
                "n": n,
                "seconds": seconds,
                "peak_mb": peak,
                "growth_mb": peak - base,
                "bytes": size,
            }
        )
    )


def run(task: str, folder: Path) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, __file__, "--child", task, "--folder", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"{task} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=default_n(100_000))
    ap.add_argument("--runs", type=int, default=default_runs(3))
    ap.add_argument("--only", default="", help="comma-separated labels to run (e.g. 'TMX read')")
    ap.add_argument("--child")
    ap.add_argument("--folder")
    args = ap.parse_args()
    if args.child:
        child(args.child, Path(args.folder))
        return
    folder = corpus(args.n)
    print(f"bench_formats: n={args.n} runs={args.runs} corpus={folder}")
    pairs = [
        ("TMX read", "floor_tmx_read", "tmx_read", "lxml iterparse", 3.0),
        ("TMX read (floor keeps the texts)", "floor_tmx_read_keep", "tmx_read", "lxml iterparse+keep", None),
        ("TMX write", "floor_tmx_write", "tmx_write", "lxml xmlfile", 1.5),
        ("PO read", "floor_po_read", "po_read", "polib parse", None),
        ("PO write", "floor_po_write", "po_write", "polib save", None),
    ]
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    for label, floor_task, task, floor_name, goal in pairs:
        if only and label not in only:
            continue
        floors, ours = [], []
        for _ in range(args.runs):
            floors.append(run(floor_task, folder))
            ours.append(run(task, folder))
        f_s = statistics.median(r["seconds"] for r in floors)
        o_s = statistics.median(r["seconds"] for r in ours)
        f_m = max(r["growth_mb"] for r in floors)
        o_m = max(r["growth_mb"] for r in ours)
        ratio = o_s / f_s if f_s else float("inf")
        verdict = "" if goal is None else (f"  goal ≤ {goal:g}×: " + ("PASS" if ratio <= goal else "FAIL"))
        print(
            f"{label:9s}: mtreview {o_s:6.2f} s vs {floor_name} {f_s:6.2f} s = {ratio:4.2f}×{verdict}; "
            f"memory growth {o_m:6.0f} MB vs {f_m:6.0f} MB = {o_m / max(f_m, 1):4.2f}× "
            f"(peak RSS {max(r['peak_mb'] for r in ours):.0f} vs "
            f"{max(r['peak_mb'] for r in floors):.0f} MB); "
            f"units {ours[0]['n']} vs {floors[0]['n']}"
        )
        record(label, o_s, "s", floor=f_s, floor_label=floor_name, max_ratio=goal, n=args.n)
        record(f"{label}: memory growth", o_m, "MB", floor=f_m, floor_label=floor_name, n=args.n)


if __name__ == "__main__":
    main()
