"""Shared pieces of the subcommands: error reporting with exit status 2, JSON output, opening projects."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from mtreview.domain.errors import InputError, MtreviewError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_BAD_INPUT = 2


def fail(message: str) -> None:
    """One line on stderr, exit status 2."""
    click.echo("mtreview: " + message.replace("\n", " "), err=True)
    sys.exit(EXIT_BAD_INPUT)


def handle_errors(fn: F) -> F:
    """Turn the app's own errors into a one-line message and exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            fail(str(exc))
        except MtreviewError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            click.echo("mtreview: interrupted", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def print_json(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    sys.stdout.flush()


def is_project_location(text: str) -> bool:
    """A ``*.mtreview`` path or a database URL."""
    return text.endswith(".mtreview") or "://" in text
