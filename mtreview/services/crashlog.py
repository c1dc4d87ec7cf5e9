"""Crash logs: the traceback of a defect, with every password masked, in the user log folder.

Shared by the command line (one line on stderr naming the log, exit status 70) and the window (the crash
dialog shows the same redacted text and names the log). ``MTREVIEW_LOG_DIR`` overrides the folder.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from mtreview.domain.redact import redact_text


def crash_log_dir() -> Path:
    env = os.environ.get("MTREVIEW_LOG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("mtreview", appauthor=False))


def crash_report(exc: BaseException) -> str:
    """What a crash log and the crash dialog hold: version, platform, arguments, traceback — redacted."""
    import platform

    from mtreview import __version__

    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    text = (
        f"mtreview {__version__}\nPython {sys.version.split()[0]} on {platform.platform()}\n{stamp}\n"
        f"argv: {' '.join(sys.argv)}\n\n" + "".join(traceback.format_exception(exc))
    )
    return redact_text(text)


def write_crash_log(exc: BaseException, report: str | None = None) -> Path | None:
    """``report`` (default: ``crash_report(exc)``) in a new crash log, readable by its owner only;
    ``None`` if it could not be written."""
    text = redact_text(report if report is not None else crash_report(exc))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    try:
        folder = crash_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(100):
            path = folder / f"crash-{stamp}-{os.getpid()}{f'-{n}' if n else ''}.log"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            return path
    except OSError:
        return None
    return None
