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
from collections.abc import Callable, Iterator
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
    for chunk in _iterencode(document):
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


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
_STRING = json.encoder.encode_basestring  # the C function where there is one, as json.dump uses


def _scalar(value: object) -> str | None:
    """A scalar as ``json.dump`` writes it, or ``None`` for anything else."""
    kind = type(value)
    if kind is str:
        return _STRING(value)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if value != value:
            return "NaN"
        if value in (_INF, -_INF):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    return None


_INF = float("inf")


def _iterencode(document: object, level: int = 0) -> Iterator[str]:
    """What ``JSONEncoder(ensure_ascii=False, indent=2).iterencode`` yields, the same text, with a fast path
    for the objects that make up most of a large document (a finding: a flat mapping of strings to
    scalars), written in one piece instead of token by token (a 100k-segment ``qa --json``: seconds)."""
    if type(document) is list and document:
        pad = "\n" + "  " * (level + 1)
        yield "["
        for i, item in enumerate(document):
            yield pad if i == 0 else "," + pad
            yield from _iterencode(item, level + 1)
        yield "\n" + "  " * level + "]"
        return
    if type(document) is dict and document:
        pad = "\n" + "  " * (level + 1)
        parts = []
        for key, value in document.items():
            text = _scalar(value)
            if type(key) is not str or text is None:
                break
            parts.append(_STRING(key) + ": " + text)
        else:
            yield "{" + pad + ("," + pad).join(parts) + "\n" + "  " * level + "}"
            return
        if all(type(k) is str for k in document):
            yield "{"
            for i, (key, value) in enumerate(document.items()):
                yield (pad if i == 0 else "," + pad) + _STRING(key) + ": "
                yield from _iterencode(value, level + 1)
            yield "\n" + "  " * level + "}"
            return
    text = _scalar(document)
    if text is not None:
        yield text
        return
    # anything else (empty containers, tuples, other keys): the standard encoder, indented to this depth
    # (a newline is only ever between tokens: one inside a string is written \n)
    pad = "\n" + "  " * level
    for chunk in _ENCODER.iterencode(document):
        yield chunk.replace("\n", pad) if level else chunk


def is_project_location(text: str) -> bool:
    """A ``*.mtreview`` path or a database URL."""
    return text.endswith(".mtreview") or "://" in text
