"""Run imports of untrusted files in resource-limited child processes.

``python tests/hostile/sandbox.py`` imports the application once, prints ``ready`` and then serves one
JSON request per stdin line: ``{"path", "target", "project", "limit_mb", "timeout"}``. For each it forks a
child that lowers its address-space limit (``RLIMIT_AS``) and CPU limit, imports ``path`` into
``project`` through ``ProjectService.import_path`` and reports back over a pipe; the server kills the
child when it overruns the wall-clock ``timeout``. The answer is one JSON line on stdout::

    {"outcome": "rejected"|"imported"|"crashed"|"timeout"|"killed", "message", "error", "segments",
     "texts", "seconds", "vm_baseline_mb"}

Forking from an interpreter that already imported everything keeps each case fast; every case still
runs in its own process with its own limits, as a separate program would.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import sys
import time
import traceback
from typing import Any


def _vm_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _child(req: dict[str, Any], out_fd: int) -> None:
    limit = int(req["limit_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(req["timeout"]) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    from mtreview.domain.errors import MtreviewError
    from mtreview.services.project import ProjectService

    answer: dict[str, Any] = {"vm_baseline_mb": round(_vm_mb(), 1)}
    started = time.monotonic()
    svc = ProjectService.open(req["project"], "hostile")
    try:
        result = svc.import_path(req["path"], req.get("target"))
        segs = list(svc.store.iter_segments(document_id=result.document.id))
        texts = [t for s in segs for t in (s.source, s.mt, s.corrected or "")]
        texts += [text for _line, text in svc.store.notes(result.document.id)]
        answer.update(outcome="imported", segments=len(segs), texts="\n".join(texts)[:2_000_000])
    except MtreviewError as exc:
        answer.update(outcome="rejected", error=type(exc).__name__, message=str(exc))
    except BaseException as exc:  # anything else is a defect the test reports
        answer.update(
            outcome="crashed",
            error=type(exc).__name__,
            message="".join(traceback.format_exception(exc))[-3000:],
        )
    finally:
        answer["seconds"] = round(time.monotonic() - started, 3)
        with contextlib.suppress(BaseException):  # report what happened before, not a close failure
            svc.close()
    data = json.dumps(answer).encode()
    view = memoryview(data)
    while view:
        n = os.write(out_fd, view)
        view = view[n:]


def serve() -> None:
    import mtreview.align.bilingual
    import mtreview.formats
    import mtreview.services.project  # noqa: F401

    print("ready", flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_fd)
            code = 0
            try:
                _child(req, write_fd)
            except BaseException:
                code = 3
            finally:
                os._exit(code)
        os.close(write_fd)
        deadline = time.monotonic() + float(req["timeout"])
        chunks: list[bytes] = []
        timed_out = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        os.close(read_fd)
        _pid, status = os.waitpid(pid, 0)
        if timed_out:
            answer: dict[str, Any] = {"outcome": "timeout", "seconds": float(req["timeout"])}
        elif not chunks:
            answer = {"outcome": "killed", "message": f"child ended with status {status} and no answer"}
        else:
            answer = json.loads(b"".join(chunks))
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve()
