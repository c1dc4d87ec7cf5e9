"""Editing the project glossary and the user's idiom lexicon (what the Glossary dialog saves)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.i18n import _
from mtreview.qa.glossary import read_glossary
from mtreview.qa.lexicons import FILES, add_user_idiom, user_lexicon_dir
from mtreview.services.project import ProjectService


def glossary_rows(service: ProjectService) -> list[dict[str, Any]]:
    value = service._store.get_setting("glossary", None)
    return [dict(row) for row in value] if isinstance(value, list) else []


def normalise_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Plain rows as the settings store them; empty rows dropped, duplicates of a source refused."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        source = str(row.get("source", "")).strip()
        if not source:
            continue
        if source.lower() in seen:
            raise InputError(_("the glossary lists {source!r} twice (row {n})").format(source=source, n=n))
        seen.add(source.lower())

        def split(value: Any) -> list[str]:
            if isinstance(value, str):
                return [t.strip() for t in value.split("|") if t.strip()]
            return [str(t).strip() for t in value or () if str(t).strip()]

        out.append(
            {
                "source": source,
                "targets": split(row.get("targets")),
                "type": str(row.get("type") or "term"),
                "forbidden": split(row.get("forbidden")),
                "note": str(row.get("note") or ""),
            }
        )
    return out


def save_glossary(service: ProjectService, rows: Iterable[Mapping[str, Any]]) -> None:
    service.set_setting("glossary", normalise_rows(rows))


def import_glossary_file(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Rows from a CSV or TBX glossary (errors name the file and line)."""
    return [
        {
            "source": e.source,
            "targets": list(e.targets),
            "type": e.type,
            "forbidden": list(e.forbidden),
            "note": e.note,
        }
        for e in read_glossary(path)
    ]


__all__ = ["add_user_idiom", "glossary_rows", "import_glossary_file", "save_glossary", "user_idioms_path"]


def user_idioms_path() -> Path:
    return user_lexicon_dir() / FILES["idioms"][0]
