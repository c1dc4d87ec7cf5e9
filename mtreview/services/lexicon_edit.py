"""Editing the project glossary and the user's idiom lexicon (what the Glossary dialog saves)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.i18n import _
from mtreview.qa.glossary import read_glossary
from mtreview.qa.lexicons import FILES, load_idioms, user_lexicon_dir
from mtreview.services.project import ProjectService

IDIOM_HEADER = (
    "# Your idioms: idiom, pattern (empty: the idiom itself), literal Japanese words (|), accepted renderings (|),"
    " meaning.\n"
)


def glossary_rows(service: ProjectService) -> list[dict[str, Any]]:
    value = service.store.get_setting("glossary", None)
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


def user_idioms_path() -> Path:
    return user_lexicon_dir() / FILES["idioms"][0]


def add_user_idiom(
    idiom: str, literal: Iterable[str], accepted: Iterable[str] = (), meaning: str = "", pattern: str = ""
) -> Path:
    """Append an idiom to the user's lexicon (replacing a shipped entry with the same idiom); the file is
    validated before it replaces the old one, so a bad entry never breaks the checks."""
    literal = [w.strip() for w in literal if w.strip()]
    accepted = [w.strip() for w in accepted if w.strip()]
    if not idiom.strip() or not literal:
        raise InputError(_("an idiom needs its English words and at least one literal Japanese word"))
    path = user_idioms_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else IDIOM_HEADER
    kept = [
        line
        for line in old.splitlines(keepends=True)
        if line.startswith("#") or line.split("\t", 1)[0].strip().lower() != idiom.strip().lower()
    ]
    body = "".join(kept)
    if body and not body.endswith("\n"):
        body += "\n"
    line = "\t".join(
        [
            idiom.strip(),
            pattern.strip(),
            "|".join(literal),
            "|".join(accepted),
            meaning.replace("\t", " ").strip(),
        ]
    )
    fd, tmp = tempfile.mkstemp(prefix=".idioms-", suffix=".tsv", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body + line + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        load_idioms(Path(tmp))  # raises InputError naming the line if the new entry is malformed
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
