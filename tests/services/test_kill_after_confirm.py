"""A confirmed edit survives SIGKILL: a subprocess confirms, reports, and is killed; we reopen the project."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from mtreview.domain.model import Status
from mtreview.services.project import ProjectService

CHILD = textwrap.dedent(
    """
    import sys, time
    from mtreview.services.project import ProjectService
    from mtreview.services.saving import SegmentChange
    svc = ProjectService.open(sys.argv[1], "child")
    ids = svc.segment_ids()
    for n, sid in enumerate(ids):
        seg = svc.segment(sid)
        svc.save(SegmentChange.confirm(sid, f"確定 {n}", seg.version)).require_saved()
        print(sid, flush=True)          # acknowledged only after the commit returned
    time.sleep(60)                      # killed while idle, with the connection open
    """
)


def test_confirmed_edits_survive_sigkill(tmp_path):
    project = tmp_path / "k.mtreview"
    src = tmp_path / "pairs.tsv"
    src.write_text("".join(f"Sentence {i}.\t文{i}。\n" for i in range(20)), encoding="utf-8")
    svc = ProjectService.open(project, "parent", create=True)
    svc.import_path(src)
    svc.close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(project)], stdout=subprocess.PIPE, text=True)
    acknowledged = []
    assert child.stdout is not None
    while len(acknowledged) < 20:
        line = child.stdout.readline()
        assert line, "child died early"
        acknowledged.append(int(line))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    svc = ProjectService.open(project, "parent")
    try:
        assert svc.check_integrity() == []
        for n, sid in enumerate(acknowledged):
            seg = svc.segment(sid)
            assert seg.corrected == f"確定 {n}"
            assert seg.status == Status.APPROVED
    finally:
        svc.close()
