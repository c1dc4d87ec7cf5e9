"""Inputs and patterns that made work explode (issue 19): each runs as a real command in a child process
with ``RLIMIT_CPU``, and must finish (or refuse with exit 2 and one line) within a CPU-time limit.

Limits are CPU seconds of the child (``resource.getrusage(RUSAGE_CHILDREN)``), so a loaded machine does not
fail them; the wall clock is only a generous backstop.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

CPU_LIMIT_S = 60
"""The child is killed by the kernel (SIGXCPU) past this; the assertions use tighter figures."""


def run_limited(
    args: list[str], env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``mtreview ARGS`` under RLIMIT_CPU; (result, CPU seconds the child used)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S + 1))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "mtreview", *args],
        capture_output=True,
        text=True,
        timeout=CPU_LIMIT_S * 10,  # backstop only
        preexec_fn=limit,
        env={**os.environ, **(env or {})},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, cpu


def test_catastrophic_user_idiom_pattern_in_qa(tmp_path: Path) -> None:
    """``re:(\\w+\\s?)+policy\\.$`` in the user's idiom lexicon: Python's re ran `qa` past 90 s."""
    data = tmp_path / "data"
    (data / "lexicons").mkdir(parents=True)
    (data / "lexicons" / "idioms.tsv").write_text(
        "tax policy\tre:(\\w+\\s?)+policy\\.$\t税の政策\n", encoding="utf-8"
    )
    page = tmp_path / "pairs.tsv"
    source = "the new tax " * 2000 + "policy!"
    page.write_text(f"{source}\t新しい税の政策！\nShort line.\t短い行。\n", encoding="utf-8")
    result, cpu = run_limited(["qa", str(page), "--json"], env={"MTREVIEW_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["segments"]) == 2
    assert cpu < 20, f"qa used {cpu:.1f} CPU seconds"


def test_unsupported_user_idiom_pattern_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "lexicons").mkdir(parents=True)
    lexicon = data / "lexicons" / "idioms.tsv"
    lexicon.write_text("# mine\ncut corners\tre:(?<!\\w)cut\\s+corners\t角を切る\n", encoding="utf-8")
    page = tmp_path / "pairs.tsv"
    page.write_text("They cut corners.\t彼らは角を切った。\n", encoding="utf-8")
    result, _cpu = run_limited(["qa", str(page), "--json"], env={"MTREVIEW_DATA_DIR": str(data)})
    document = json.loads(result.stdout)
    errors = [e["message"] for e in document["errors"]]
    assert any(f"{lexicon}:2:" in m and "lookbehind" in m for m in errors), errors
    assert "Traceback" not in result.stderr


def test_many_short_alternating_lines_align_in_linear_time_and_bounded_memory(tmp_path: Path) -> None:
    """50,000 alternating one-character Japanese/English lines: quadratic before (40k lines 60 s and 1.2 GB;
    200k lines 633 s, 3.9 GB, then a MemoryError traceback). Now linear: the band has a cell budget (40k
    lines: 17 s of CPU on this machine under load)."""
    page = tmp_path / "alternating.txt"
    lines = []
    for i in range(25_000):
        lines.append("あいうえおかきくけこ"[i % 10])
        lines.append("abcdefghij"[i % 10])
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    limit = 1536 * 1024 * 1024

    def run_bounded() -> tuple[subprocess.CompletedProcess[str], float]:
        def limits() -> None:
            resource.setrlimit(resource.RLIMIT_CPU, (120, 121))
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(
            [sys.executable, "-m", "mtreview", "align", str(page), "--json"],
            capture_output=True,
            text=True,
            timeout=3000,
            preexec_fn=limits,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return result, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    result, cpu = run_bounded()
    assert result.returncode == 0, result.stderr[-500:]
    document = json.loads(result.stdout)
    covered = {n for p in document["pairs"] for n in p["source_lines"] + p["target_lines"]}
    covered |= set(document["source_only"]) | set(document["target_only"])
    assert covered == set(range(1, 50_001))  # every line accounted for, as the contract says
    assert cpu < 75, f"align used {cpu:.0f} CPU seconds"
