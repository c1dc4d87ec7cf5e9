"""The benchmark harness behind ``./dev bench``: runs ``benchmarks/bench_*.py`` and rewrites RESULTS.md.

    ./dev bench                        every bench_*.py with its own defaults (100k segments: long)
    ./dev bench waits qa               only bench_waits.py and bench_qa.py
    ./dev bench --n 10000 --runs 1     size and repetitions for every script (MTREVIEW_BENCH_N / _RUNS)
    ./dev bench waits -- --skip-gui    arguments after ``--`` go to every script run
    ./dev bench --baseline             this run's figures become the "before" column
    ./dev bench --no-record            print only; leave results.json and RESULTS.md alone

Each script prints as it goes and hands its figures to ``_common.record()``; the harness collects them
into ``benchmarks/results.json`` (per figure: the *before* — the baseline, or the first measurement — and
the latest *after*, each with its floor, ratio, goal, load average and date) and renders
``benchmarks/RESULTS.md`` from it, with the machine and the load average of the run. A script that fails
is reported and the others still run; the exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import RESULTS_ENV, SCRIPT_ENV, _fmt, load_average, machine

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"


def scripts(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if not names:
        return found
    chosen = []
    for name in names:
        stem = name if name.startswith("bench_") else f"bench_{name}"
        stem = stem.removesuffix(".py")
        match = [p for p in found if p.stem == stem]
        if not match:
            sys.exit(f"no benchmark {name!r} (have: {', '.join(p.stem for p in found)})")
        chosen += match
    return chosen


def run_script(path: Path, extra: list[str], env: dict[str, str]) -> dict[str, Any]:
    print(f"== {path.relative_to(HERE.parent)}  [load {load_average():.1f}]", flush=True)
    started, load_start = time.perf_counter(), load_average()
    proc = subprocess.run([sys.executable, str(path), *extra], env=env, cwd=HERE.parent)
    seconds = time.perf_counter() - started
    status = "ok" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
    if proc.returncode != 0:
        print(f"!! {path.name}: {status}", flush=True)
    return {
        "status": status,
        "seconds": round(seconds, 1),
        "load_start": round(load_start, 2),
        "load_end": round(load_average(), 2),
    }


def load_results() -> dict[str, Any]:
    if RESULTS_JSON.exists():
        data: dict[str, Any] = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
        return data
    return {"figures": {}, "last_run": {}}


def merge(data: dict[str, Any], figures: list[dict[str, Any]], baseline: bool) -> None:
    table: dict[str, Any] = data.setdefault("figures", {})
    for fig in figures:
        key = f"{fig['script']}::{fig['name']}"
        entry = table.setdefault(key, {})
        if baseline or "before" not in entry:
            entry["before"] = fig
        entry["after"] = fig


def _cell(fig: dict[str, Any] | None) -> str:
    if not fig:
        return "—"
    text = _fmt(fig["value"], fig["unit"])
    if fig.get("ratio") is not None:
        text += f" ({fig['ratio']:.2f}×)"
    return text


def render(data: dict[str, Any]) -> str:
    run = data.get("last_run", {})
    m = run.get("machine", {})
    lines = [
        "# Benchmark results",
        "",
        "Rewritten by `./dev bench` (`benchmarks/run.py`) from `benchmarks/results.json`; do not edit it",
        "by hand. Every figure is judged against a floor measured in the same run (ratio = figure / floor).",
        "*Before* is the baseline (`./dev bench --baseline`) or the first measurement of that figure;",
        "*after* is the latest. The machine is shared by several sessions: the load average (1 min) is",
        "given with every figure.",
        "",
        f"Last run: {run.get('at', '—')} on {m.get('cpu', '?')}, {m.get('cores', '?')} cores, "
        f"{m.get('memory', '?')}; {m.get('os', '')}, Python {m.get('python', '?')}, "
        f"SQLite {m.get('sqlite', '?')}.",
        "",
    ]
    if run.get("scripts"):
        lines += ["| script | status | time | load at start → end | arguments |", "|---|---|---|---|---|"]
        for name, info in run["scripts"].items():
            lines.append(
                f"| {name} | {info['status']} | {info['seconds']:.0f} s | "
                f"{info['load_start']:.1f} → {info['load_end']:.1f} | {info.get('args', '')} |"
            )
        lines.append("")
    by_script: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, entry in data.get("figures", {}).items():
        script, _, name = key.partition("::")
        by_script.setdefault(script, []).append((name, entry))
    for script in sorted(by_script):
        lines += [
            f"## {script}",
            "",
            "| figure | n | before | after | floor (same run as after) | goal | met | load | measured |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for name, entry in by_script[script]:
            after = entry.get("after") or {}
            before = entry.get("before")
            same = before is not None and before.get("at") == after.get("at")
            floor = (
                f"{_fmt(after['floor'], after['unit'])} {after.get('floor_label', '')}".strip()
                if after.get("floor") is not None
                else "—"
            )
            met = {True: "yes", False: "**no**", None: ""}[after.get("met")]
            note = f" — {after['note']}" if after.get("note") else ""
            lines.append(
                f"| {name}{note} | {after.get('n') or ''} | {'(first run)' if same else _cell(before)} | "
                f"{_cell(after)} | {floor} | {after.get('goal', '')} | {met} | {after.get('load', 0):.1f} | "
                f"{after.get('at', '')} |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    argv = sys.argv[1:]
    passthrough: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1 :]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="benchmarks to run (e.g. waits qa); default: all")
    ap.add_argument("--n", type=int, default=None, help="segments (every script's --n default)")
    ap.add_argument("--runs", type=int, default=None, help="repetitions (medians are taken)")
    ap.add_argument("--baseline", action="store_true", help="record this run's figures as 'before'")
    ap.add_argument("--no-record", action="store_true", help="do not touch results.json / RESULTS.md")
    ap.add_argument("--render", action="store_true", help="only re-render RESULTS.md from results.json")
    args = ap.parse_args(argv)
    data = load_results()
    if args.render:
        RESULTS_MD.write_text(render(data) + "\n", encoding="utf-8")
        return 0
    env = dict(os.environ)
    if args.n is not None:
        env["MTREVIEW_BENCH_N"] = str(args.n)
    if args.runs is not None:
        env["MTREVIEW_BENCH_RUNS"] = str(args.runs)
    fd, results_path = tempfile.mkstemp(prefix="mtreview-bench-", suffix=".jsonl")
    os.close(fd)
    env[RESULTS_ENV] = results_path
    ran: dict[str, Any] = {}
    failed = False
    try:
        for path in scripts(args.names):
            env[SCRIPT_ENV] = path.stem
            info = run_script(path, passthrough, env)
            described = " ".join(
                [
                    *(f"--n {args.n}".split() if args.n else []),
                    *(f"--runs {args.runs}".split() if args.runs else []),
                    *passthrough,
                ]
            )
            info["args"] = described
            ran[path.stem] = info
            failed |= info["status"] != "ok"
        with open(results_path, encoding="utf-8") as fh:
            figures = [json.loads(line) for line in fh if line.strip()]
    finally:
        os.unlink(results_path)
    print(f"\n{len(figures)} figures from {len(ran)} script(s)")
    if not args.no_record:
        data = load_results()  # re-read: another run may have written meanwhile
        merge(data, figures, args.baseline)
        previous = data.get("last_run", {}).get("scripts", {})
        data["last_run"] = {
            "at": time.strftime("%Y-%m-%d %H:%M %Z"),
            "machine": machine(),
            "scripts": {**{k: v for k, v in previous.items() if k not in ran}, **ran},
        }
        RESULTS_JSON.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        RESULTS_MD.write_text(render(data) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS_MD.relative_to(HERE.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
