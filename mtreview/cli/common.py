"""Shared pieces of the subcommands: error reporting with exit status 2, JSON output, opening projects.

Every failure a user can cause ends in one line on stderr and exit status 2: the app's own errors, an
``OSError`` (full disk, permissions, a folder where a file was expected, a missing file: named with its
cause), a bad option value. Anything else is a defect: one line saying so and where the traceback was
written (a crash log), exit status 70 (``EX_SOFTWARE``) — never a traceback on the terminal.
"""

from __future__ import annotations

import errno
import functools
import json
import math
import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from mtreview.domain.errors import InputError, MtreviewError
from mtreview.i18n import _

F = TypeVar("F", bound=Callable[..., Any])

EXIT_BAD_INPUT = 2
EXIT_DEFECT = 70
"""A bug in mtreview (sysexits' EX_SOFTWARE): distinct from 1, which ``qa`` uses for findings."""


def fail(message: str) -> None:
    """One line on stderr, exit status 2."""
    from mtreview.domain.redact import redact_text

    click.echo("mtreview: " + redact_text(" ".join(message.split("\n"))), err=True)
    sys.exit(EXIT_BAD_INPUT)


def os_error_message(exc: OSError) -> str:
    """``FILE: cause`` for an ``OSError`` (the file it concerns, in words a user acts on)."""
    from mtreview.domain.outputs import _reason

    reason = _reason(exc)
    if exc.errno == errno.ENOSPC:
        reason = _("the disk is full")
    where = exc.filename if exc.filename is not None else None
    return f"{os.fsdecode(where)}: {reason}" if where is not None else reason


def crash_log_dir() -> Path:
    env = os.environ.get("MTREVIEW_LOG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("mtreview", appauthor=False))


def write_crash_log(exc: BaseException) -> Path | None:
    """The traceback in a crash log (passwords in URLs redacted); ``None`` if it could not be written."""
    from mtreview import __version__
    from mtreview.domain.redact import redact_text

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    text = f"mtreview {__version__} {stamp}\nargv: {' '.join(sys.argv)}\n\n" + "".join(
        traceback.format_exception(exc)
    )
    try:
        folder = crash_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}-{os.getpid()}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(redact_text(text))
        return path
    except OSError:
        return None


def report_defect(exc: BaseException) -> None:
    """One line for a bug, the traceback in a crash log; exit status 70."""
    from mtreview.domain.redact import redact_text

    log = write_crash_log(exc)
    what = redact_text(f"{type(exc).__name__}: {exc}".splitlines()[0])
    if log is not None:
        message = _("internal error ({what}); the details are in {log}").format(what=what, log=log)
    else:
        message = _("internal error ({what})").format(what=what)
    click.echo("mtreview: " + message, err=True)
    sys.exit(EXIT_DEFECT)


def handle_errors(fn: F) -> F:
    """Turn the app's own errors and OS errors into a one-line message and exit status 2; a defect into
    one line and a crash log."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            fail(str(exc))
        except MtreviewError as exc:
            fail(str(exc))
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader of our output went away (| head): not an error
                sys.exit(0)
            fail(os_error_message(exc))
        except MemoryError:
            fail(_("not enough memory for this input"))
        except KeyboardInterrupt:
            click.echo("mtreview: interrupted", err=True)
            sys.exit(130)
        except (SystemExit, click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            report_defect(exc)

    return wrapper  # type: ignore[return-value]


def finite_non_negative(_ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """A click callback: a number that is finite and not negative (``nan``, ``inf``, ``-1`` refused)."""
    if value is None:
        return None
    if not math.isfinite(value) or value < 0:
        raise click.BadParameter(_("must be a finite number, 0 or more (got {value})").format(value=value))
    return value


def print_json(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    sys.stdout.flush()


def is_project_location(text: str) -> bool:
    """A ``*.mtreview`` path or a database URL."""
    return text.endswith(".mtreview") or "://" in text
