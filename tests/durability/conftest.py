"""Durability tests print their figures at the end of the run (kills survived, acknowledged, lost)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The harness is also a script (``python -m tests.durability.kill_harness``); tests import it by name.
sys.path.insert(0, str(Path(__file__).parent))

FIGURES: dict[str, list[str]] = {}


@pytest.fixture(scope="session")
def figures() -> dict[str, list[str]]:
    return FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, lines in FIGURES.items():
        for line in lines:
            terminalreporter.write_line(f"durability ({name}): {line}")
