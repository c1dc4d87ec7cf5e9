"""The README's per-format table documents every export format (issue 15): each ``--format`` name a user
can pass has a row, and every row says what is read, written, kept and lost."""

from __future__ import annotations

import re
from pathlib import Path

import mtreview.services.export  # noqa: F401  (registers every writer)
from mtreview.formats.registry import writers

README = Path(__file__).resolve().parents[2] / "README.md"


def _rows() -> list[list[str]]:
    text = README.read_text("utf-8")
    table = text.split("**Per format.**", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("|")][2:]  # past header and rule
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_every_export_format_has_a_row_that_says_what_is_kept_and_lost() -> None:
    rows = _rows()
    assert rows and all(len(r) == 5 and all(r) for r in rows), rows
    documented = {name for r in rows for name in re.findall(r"`([a-z0-9-]+)`", r[0])}
    missing = {w.name for w in writers()} - documented
    assert not missing, f"README's per-format table lacks --format {sorted(missing)}"
