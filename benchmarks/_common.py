"""What every ``benchmarks/bench_*.py`` shares: benchmark data, timing, memory, ratios and the results table.

A benchmark script measures a figure and the floor it is judged against *in the same run* and hands both
to ``record()``, which prints one uniform line and, when the script runs under the harness
(``./dev bench``, ``benchmarks/run.py``), appends the figure to the run's results; the harness then
rewrites ``benchmarks/RESULTS.md`` (date, machine, load average, before and after). Run alone, a script
just prints.

    from _common import corpus, record, timed, median_of

    data = corpus(100_000)                      # ../shared/bench/make_corpus.py output, cached
    floor = median_of(lambda: parse(data / "corpus.tmx"), runs=3)
    ours = median_of(lambda: import_tmx(data / "corpus.tmx"), runs=3)
    record("import corpus.tmx", ours, "s", floor=floor, floor_label="lxml iterparse", max_ratio=3)

The machine is shared: every record carries the load average, wall figures are medians, and where CPU
time is the steadier figure a script can record that too.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MTREVIEW_SHARED", REPO.parent / "shared"))
CACHE = Path(os.environ.get("MTREVIEW_BENCH_DIR", "/tmp/mtreview-bench"))
RESULTS_ENV = "MTREVIEW_BENCH_RESULTS"
"""Set by the harness: a JSON-lines file each ``record()`` appends to."""
SCRIPT_ENV = "MTREVIEW_BENCH_SCRIPT"

if str(REPO) not in sys.path:  # scripts run as files: make ``mtreview`` and ``benchmarks`` importable
    sys.path.insert(0, str(REPO))


def default_n(fallback: int) -> int:
    """The segment count to use: ``./dev bench --n N`` (``MTREVIEW_BENCH_N``) or the script's default."""
    return int(os.environ.get("MTREVIEW_BENCH_N") or fallback)


def default_runs(fallback: int) -> int:
    """Repetitions (medians are taken): ``./dev bench --runs R`` (``MTREVIEW_BENCH_RUNS``) or the default."""
    return int(os.environ.get("MTREVIEW_BENCH_RUNS") or fallback)


# -- data ------------------------------------------------------------------------------------------------


def corpus(n: int) -> Path:
    """A folder with make_corpus.py's files for ``n`` pairs (pairs.jsonl, corpus.po, corpus.tmx,
    source.en.txt, mt.ja.txt, postedit.ja.txt), generated once per size into ``CACHE``."""
    out = CACHE / str(n)
    if (out / "postedit.ja.txt").exists():
        return out
    script = SHARED / "bench" / "make_corpus.py"
    if not script.exists():
        sys.exit(f"benchmark data generator not found: {script} (../shared is needed)")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(script), "--n", str(n), "--out", str(out)], check=True, stdout=subprocess.DEVNULL
    )
    return out


def cached(path: Path, make: Callable[[Path], None]) -> Path:
    """``path``, made by ``make(tmp)`` the first time (written to a temporary name, then renamed, so an
    interrupted run never leaves half a file in the cache)."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        make(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            if tmp.is_dir():
                import shutil

                shutil.rmtree(tmp, ignore_errors=True)
            else:
                tmp.unlink()
    return path


def pairs(n: int) -> list[dict[str, str]]:
    """The first ``n`` rows of pairs.jsonl: ``{"id", "source", "mt", "postedit"}``."""
    out: list[dict[str, str]] = []
    with open(corpus(n) / "pairs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def scratch(prefix: str = "mtreview-bench-") -> Path:
    """A fresh folder for a run's projects (under ``CACHE``, which is on the same disk every run)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=CACHE))


# -- measuring -------------------------------------------------------------------------------------------


def load_average() -> float:
    return os.getloadavg()[0]


def vmhwm_mb(pid: int | str = "self") -> float:
    """Peak resident memory of a process (``VmHWM``). Not ``ru_maxrss``: Linux keeps that across exec, so
    a child would report its parent's peak."""
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Timing:
    wall: float
    cpu: float
    """CPU time of this process (all threads); steadier than wall time on a loaded machine."""
    result: Any = None


def timed(fn: Callable[[], Any]) -> Timing:
    cpu0, t0 = time.process_time(), time.perf_counter()
    result = fn()
    return Timing(time.perf_counter() - t0, time.process_time() - cpu0, result)


def median_of(fn: Callable[[], Any], runs: int = 3) -> float:
    """Median wall seconds of ``runs`` calls of ``fn``."""
    return statistics.median(timed(fn).wall for _ in range(max(1, runs)))


@dataclass
class ChildRun:
    wall: float
    cpu: float
    """user + system CPU seconds of the child."""
    peak_mb: float
    """The child's VmHWM at exit."""
    returncode: int
    stdout: str
    stderr: str
    workers_cpu: float = 0.0
    """CPU seconds of the processes the child started and waited for (the checks' workers)."""
    workers_peak_mb: float = 0.0
    """The largest peak RSS among them."""


_WRAPPER = r"""
import atexit, json, os, resource, runpy, sys
out = os.environ.pop("MTREVIEW_BENCH_CHILD_REPORT")
def report():
    peak = 0.0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    r = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as fh:
        json.dump({"peak_mb": peak, "cpu": r.ru_utime + r.ru_stime, "workers_cpu": c.ru_utime + c.ru_stime,
                   "workers_peak_mb": c.ru_maxrss / 1024}, fh)
atexit.register(report)
kind, target = sys.argv[1], sys.argv[2]
sys.argv = [target, *sys.argv[3:]]
if kind == "-m":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    runpy.run_path(target, run_name="__main__")
"""


def run_child(
    argv: Sequence[str], env: dict[str, str] | None = None, check: bool = True, cwd: Path | None = None
) -> ChildRun:
    """Run a Python program as a user would (a fresh process), timing it from start to exit and reading
    its peak memory and CPU time at exit. ``argv`` is ``["-m", "module", args…]`` or
    ``["path/to/script.py", args…]``; e.g. ``run_child(["-m", "mtreview", "import", "x.tmx", ...])``."""
    if argv[0] == "-m":
        kind, target, rest = "-m", argv[1], list(argv[2:])
    else:
        kind, target, rest = "path", argv[0], list(argv[1:])
    fd, report = tempfile.mkstemp(prefix="bench-child-", suffix=".json")
    os.close(fd)
    child_env = dict(os.environ if env is None else env)
    child_env["MTREVIEW_BENCH_CHILD_REPORT"] = report
    try:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _WRAPPER, kind, target, *rest],
            capture_output=True,
            text=True,
            env=child_env,
            cwd=cwd,
        )
        wall = time.perf_counter() - t0
        try:
            with open(report) as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            data = {"peak_mb": 0.0, "cpu": 0.0}
    finally:
        os.unlink(report)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {proc.returncode}:\n{proc.stderr[-3000:]}")
    return ChildRun(
        wall,
        float(data["cpu"]),
        float(data["peak_mb"]),
        proc.returncode,
        proc.stdout,
        proc.stderr,
        float(data.get("workers_cpu", 0.0)),
        float(data.get("workers_peak_mb", 0.0)),
    )


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- recording -------------------------------------------------------------------------------------------


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    floor: float | None = None
    floor_label: str = ""
    ratio: float | None = None
    goal: str = ""
    met: bool | None = None
    load: float = 0.0
    n: int | None = None
    note: str = ""
    script: str = ""
    at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _fmt(value: float, unit: str) -> str:
    if unit in ("s", "ms", "µs"):
        digits = 3 if value < 10 else 2 if value < 100 else 1
        return f"{value:.{digits}f} {unit}"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:g} {unit}".strip()


def record(
    name: str,
    value: float,
    unit: str,
    *,
    floor: float | None = None,
    floor_label: str = "",
    max_ratio: float | None = None,
    max_value: float | None = None,
    min_ratio: float | None = None,
    n: int | None = None,
    note: str = "",
    **extra: Any,
) -> Figure:
    """Print one figure (with its floor, ratio, goal and the load average) and add it to the run's results.

    Goals: ``max_ratio`` (value/floor at most this), ``min_ratio`` (floor/value at least this: "N× faster
    than the floor"), ``max_value`` (an absolute bound in ``unit``)."""
    ratio = value / floor if floor else None
    goals: list[str] = []
    met: bool | None = None
    if max_ratio is not None and ratio is not None:
        goals.append(f"≤ {max_ratio:g}× floor")
        met = ratio <= max_ratio
    if min_ratio is not None and ratio is not None:
        goals.append(f"≥ {min_ratio:g}× faster than floor")
        met = (met is not False) and (1 / ratio >= min_ratio if ratio else True)
    if max_value is not None:
        goals.append(f"≤ {_fmt(max_value, unit)}")
        met = (met is not False) and value <= max_value
    fig = Figure(
        name=name,
        value=float(value),
        unit=unit,
        floor=None if floor is None else float(floor),
        floor_label=floor_label,
        ratio=ratio,
        goal=", ".join(goals),
        met=met,
        load=round(load_average(), 2),
        n=n,
        note=note,
        script=os.environ.get(SCRIPT_ENV, Path(sys.argv[0]).stem),
        at=time.strftime("%Y-%m-%d %H:%M"),
        extra=extra,
    )
    line = f"  {name}: {_fmt(fig.value, unit)}"
    if floor is not None:
        line += f"; floor ({floor_label}) {_fmt(floor, unit)}"
        if ratio is not None:
            line += f" → ratio {ratio:.2f}×"
    if fig.goal:
        line += f"; goal {fig.goal}: {'met' if met else 'NOT met'}"
    line += f"  [load {fig.load:.1f}]"
    if note:
        line += f"  ({note})"
    print(line, flush=True)
    path = os.environ.get(RESULTS_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(fig), ensure_ascii=False) + "\n")
    return fig


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
                break
    except OSError:
        pass
    import sqlite3

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
