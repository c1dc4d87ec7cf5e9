"""Benchmark data from ../shared/bench/make_corpus.py, generated once per size into a cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MTREVIEW_SHARED", REPO.parent / "shared"))
CACHE = Path(os.environ.get("MTREVIEW_BENCH_DIR", "/tmp/mtreview-bench"))


def corpus(n: int) -> Path:
    """A folder with pairs.jsonl, corpus.po, corpus.tmx, source.en.txt, mt.ja.txt, postedit.ja.txt."""
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
