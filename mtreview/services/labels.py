"""Names people read for ids the core uses, in the UI language: check ids ("punctuation-width"), formats."""

from __future__ import annotations

import functools

from mtreview.i18n import _


@functools.lru_cache(maxsize=1)
def _check_names() -> dict[str, str]:
    from mtreview.qa.registry import available_checks

    checks, _errors = available_checks()
    return {cid: cls.name for cid, cls in checks.items() if getattr(cls, "name", "")}


def check_label(check_id: str) -> str:
    """A check's translatable name ("Punctuation and width"; in Japanese, its translation); the id itself
    for a check that is not installed (a finding made by a plug-in since removed) and for ``manual``."""
    if check_id == "manual":
        return _("manual")
    name = _check_names().get(check_id)
    return _(name) if name else check_id


def format_label(name: str, description: str) -> str:
    """A file format for a list: ``tmx — TMX 1.4b translation memory`` with the description translated
    (registered formats' descriptions are extracted into the catalogue)."""
    return f"{name} — {_(description)}" if description else name


def project_place(location: str, display_name: str) -> str:
    """Where a project is, for the title and the status bar: its path with the home folder as ``~``, or
    the database URL without its password (``display_name``)."""
    if "://" in location:
        return display_name
    from pathlib import Path

    path = Path(location)
    try:
        return "~/" + path.resolve().relative_to(Path.home().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return str(path)
