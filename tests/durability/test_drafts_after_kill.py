"""Unconfirmed editor text saved as a draft survives SIGKILL of the process that saved it and is offered back.

The GUI saves the editor's text with ``store.save_draft`` on a timer (every 2 s by default) and, when a
segment is shown again, offers the reviewer's draft if it differs from the segment's text
(``MainWindow._load_segment``). Here a worker saves drafts as fast as it can, reporting each one after
``save_draft`` returned, and is killed at a random moment.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange

WORKER = textwrap.dedent(
    """
    import itertools, sys
    from mtreview.services.project import ProjectService
    svc = ProjectService.open(sys.argv[1], "drafter")
    ids = svc.segment_ids()
    print("ready", flush=True)
    for n in itertools.count():
        sid = ids[n % len(ids)]
        seg = svc.segment(sid)
        text = f"下書き {n}: unfinished correction"
        svc.save_draft(sid, text, seg.version)
        print(sid, text, sep="\\t", flush=True)   # acknowledged after save_draft returned
    """
)


def _offered(svc: ProjectService) -> dict[int, str]:
    """What the editor would offer back, by the GUI's rule: the reviewer's draft where it differs."""
    out = {}
    for sid, (text, _base) in svc.drafts().items():
        if text != svc.segment(sid).target:
            out[sid] = text
    return out


def test_drafts_survive_a_kill_and_are_offered_back(tmp_path: Path) -> None:
    project = tmp_path / "d.mtreview"
    src = tmp_path / "pairs.tsv"
    src.write_text("".join(f"Sentence {i}.\t文{i}。\n" for i in range(5)), encoding="utf-8")
    svc = ProjectService.open(project, "drafter", create=True)
    svc.import_path(src)
    svc.close()
    rng = random.Random()
    for _round in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(project)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # the first acknowledged draft (an event, however loaded the machine), then a random moment
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.5))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        acked: dict[int, str] = {}
        for line in [first, *child.stdout.read().splitlines()]:
            line = line.rstrip("\n")
            if line.count("\t") == 1:
                sid, text = line.split("\t")
                acked[int(sid)] = text
        child.stdout.close()
        assert acked, "the worker saved no draft before the kill"
        svc = ProjectService.open(project, "drafter")
        try:
            assert svc.check_integrity() == []
            offered = _offered(svc)
            for sid, text in acked.items():
                # the acknowledged draft, or one saved after it that was not reported before the kill
                assert sid in offered, f"draft on segment {sid} lost"
                assert offered[sid] == text or int(offered[sid].split()[1].rstrip(":")) > int(
                    text.split()[1].rstrip(":")
                )
            # another reviewer is not offered this reviewer's drafts
            assert ProjectService(svc._store, "someone-else").drafts() == {}
        finally:
            svc.close()


def test_confirming_clears_the_draft_so_it_is_not_offered_again(tmp_path: Path) -> None:
    project = tmp_path / "c.mtreview"
    src = tmp_path / "pairs.tsv"
    src.write_text("One.\t一。\nTwo.\t二。\n", encoding="utf-8")
    svc = ProjectService.open(project, "drafter", create=True)
    try:
        svc.import_path(src)
        sid = svc.segment_ids()[0]
        seg = svc.segment(sid)
        svc._store.save_draft(sid, svc.author, "一つ。", seg.version)
        assert _offered(svc) == {sid: "一つ。"}
        svc.save(SegmentChange.confirm(sid, "一つ。", seg.version)).require_saved()
        assert _offered(svc) == {}
    finally:
        svc.close()
