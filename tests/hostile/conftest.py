"""Hostile-input tests print their figures at the end of the run (inputs tried, fuzz cases run)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # corpus, sandbox, watch: helpers beside the tests

FIGURES: dict[str, list[str]] = {}


@pytest.fixture(scope="session")
def figures() -> dict[str, list[str]]:
    return FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, lines in FIGURES.items():
        for line in lines:
            terminalreporter.write_line(f"hostile ({name}): {line}")
