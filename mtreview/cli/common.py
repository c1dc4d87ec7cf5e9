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
from collections.abc import Callable
from typing import Any, TypeVar

import click

from mtreview.domain.errors import InputError, MtreviewError
from mtreview.i18n import _
from mtreview.services.crashlog import write_crash_log

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
    """The document on standard output, written as it is encoded (a 100k-segment ``qa --json`` is a few
    hundred MB: never held as one string)."""
    write = sys.stdout.write
    parts: list[str] = []
    size = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document):
        # whole chunks joined into pieces of about 64 KB: one write (and one redaction, main._Redacting)
        # per piece instead of per token; a JSON string is never split, so a URL in it is masked whole
        parts.append(chunk)
        size += len(chunk)
        if size >= 65536:
            write("".join(parts))
            parts.clear()
            size = 0
    parts.append("\n")
    write("".join(parts))
    sys.stdout.flush()


def is_project_location(text: str) -> bool:
    """A ``*.mtreview`` path or a database URL."""
    return text.endswith(".mtreview") or "://" in text
