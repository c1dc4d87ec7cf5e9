"""Copying a whole project between a ``.mtreview`` file and PostgreSQL (``mtreview copy``)."""

from __future__ import annotations

from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.storage.copy import copy_project as _copy_project
from mtreview.storage.engine import redact


def copy_project(source: str, destination: str, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Copy everything (ids included) into a new project; returns the rows copied per table."""
    return _copy_project(source, destination, progress)


def display_location(location: str) -> str:
    """A project location fit to show: a URL without its password."""
    return redact(location)


__all__ = ["copy_project", "display_location"]
