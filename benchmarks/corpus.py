"""Benchmark data from ../shared/bench/make_corpus.py (kept for older imports: use ``_common.corpus``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, REPO, SHARED, corpus

__all__ = ["CACHE", "REPO", "SHARED", "corpus"]
