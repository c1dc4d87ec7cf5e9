"""Run imports of untrusted files in resource-limited child processes.

``python tests/hostile/sandbox.py`` imports the application once, prints ``ready`` and then serves one
JSON request per stdin line: ``{"path", "target", "project", "limit_mb", "cpu_s", "backstop_s"}``. For
each it forks a child that lowers its address-space limit (``RLIMIT_AS``) and its CPU-time limit
(``RLIMIT_CPU``: ``cpu_s`` plus a second of grace, after which the kernel stops it), imports ``path`` into
``project`` through ``ProjectService.import_path`` and reports back over a pipe, with the CPU time it
used. The work is bounded by CPU time, which does not depend on what else the machine is doing; the
wall-clock ``backstop_s`` only ends a child that hangs without using CPU. The answer is one JSON line::

    {"outcome": "rejected"|"imported"|"crashed"|"cpu-limit"|"timeout"|"killed", "message", "error",
     "segments", "texts", "seconds", "cpu_seconds", "vm_baseline_mb"}

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
    cpu = int(req["cpu_s"]) + 1  # whole seconds; the test compares the CPU time used with cpu_s
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    from mtreview.domain.errors import MtreviewError
    from mtreview.services.project import ProjectService

    answer: dict[str, Any] = {"vm_baseline_mb": round(_vm_mb(), 1)}
    started = time.monotonic()
    svc = ProjectService.open(req["project"], "hostile")
    try:
        result = svc.import_path(req["path"], req.get("target"))
        segs = list(svc.iter_segments(document_id=result.document.id))
        texts = [t for s in segs for t in (s.source, s.mt, s.corrected or "")]
        texts += [text for _line, text in svc.notes(result.document.id)]
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
        used = resource.getrusage(resource.RUSAGE_SELF)  # this child's own: a forked child starts at zero
        answer["cpu_seconds"] = round(used.ru_utime + used.ru_stime, 3)
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
        deadline = time.monotonic() + float(req["backstop_s"])
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
            answer: dict[str, Any] = {
                "outcome": "timeout",
                "message": f"no answer within the {req['backstop_s']} s backstop (hung?)",
            }
        elif (
            not chunks and os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL)
        ):
            answer = {
                "outcome": "cpu-limit",
                "message": f"stopped by RLIMIT_CPU after {req['cpu_s']} s of CPU time "
                f"(signal {os.WTERMSIG(status)})",
            }
        elif not chunks:
            answer = {"outcome": "killed", "message": f"child ended with status {status} and no answer"}
        else:
            answer = json.loads(b"".join(chunks))
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve()
