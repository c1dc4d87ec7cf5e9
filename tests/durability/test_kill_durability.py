"""SIGKILL at random moments loses nothing acknowledged (short run; the 200-kill run is a CI step).

``python -m tests.durability.kill_harness --kills 200`` is the long version; here 20 kills of the
editing worker and one kill per export format, with a seed printed for reproduction
(``MTREVIEW_KILL_SEED``).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import kill_harness as kh

SEED = int(os.environ.get("MTREVIEW_KILL_SEED", random.randrange(1, 100_000)))


def test_every_acknowledged_change_survives_random_sigkills(
    tmp_path: Path, figures: dict[str, list[str]]
) -> None:
    result = kh.run_kills(20, tmp_path, seed=SEED, window=0.8)
    figures["editing"] = [*result.lines()[:2], f"seed {SEED}"]
    assert result.failures == [], f"seed {SEED}"
    assert result.kills == result.survived == 20
    assert result.lost == 0
    # the run did something worth checking: many changes, and kills that landed inside an operation
    assert result.acknowledged >= 40
    assert result.in_flight >= 5


def test_the_harness_catches_a_worker_that_acknowledges_before_committing(tmp_path: Path) -> None:
    result = kh.run_kills(6, tmp_path, seed=SEED, window=0.6, fault="ack-before-commit")
    assert result.lost > 0, "a deliberately lossy worker went unnoticed"
    assert any("expected" in f for f in result.failures)


def test_a_kill_during_export_leaves_the_previous_file_intact(
    tmp_path: Path, figures: dict[str, list[str]]
) -> None:
    kills = 2 * len(kh.EXPORT_FORMATS)  # each format twice, killed at a random moment of a 1,500-unit export
    result = kh.run_export_kills(kills, tmp_path, seed=SEED, window=0.8, segments=1500)
    figures["export"] = [result.lines()[2]]
    assert result.failures == [], f"seed {SEED}"
    assert result.export_intact == result.export_kills == kills
    assert result.export_mid_write >= 3, "too few kills landed while a file was being written"


def test_the_export_check_catches_a_writer_that_overwrites_in_place(tmp_path: Path) -> None:
    result = kh.run_export_kills(3, tmp_path, seed=SEED, window=0.8, segments=1500, formats=("direct-csv",))
    assert result.export_intact < result.export_kills, "a non-atomic writer went unnoticed"
    assert any("damaged" in f or "differs" in f for f in result.failures)
