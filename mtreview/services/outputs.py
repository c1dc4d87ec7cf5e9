"""What a project's outputs must never overwrite: the project itself (and SQLite's companion files) and
every file it was imported from (source and target alike). Every command and window action that writes
a file passes this to the guard in ``domain.outputs``."""

from __future__ import annotations

import os
from typing import Any

from mtreview.domain.outputs import document_inputs, project_files


def protected_files(store: Any) -> tuple[str, ...]:
    """The project's own files and the inputs of every document in it."""
    from mtreview.storage.engine import sqlite_path

    found: list[str] = []
    file = sqlite_path(store.location)
    if file is not None:
        found += project_files(file)
    for document in store.documents():
        found += document_inputs(document)
    return tuple(dict.fromkeys(found))


def protected_for_location(location: str | os.PathLike[str]) -> tuple[str, ...]:
    """``protected_files`` of the project at ``location`` (opened read-only for the question); for a
    plain input file (scored without a project), that file itself."""
    from mtreview.storage import open_project
    from mtreview.storage.engine import is_url

    text = str(location)
    if not (text.endswith(".mtreview") or is_url(text)):
        return (text,)
    store = open_project(text, create=False)
    try:
        return protected_files(store)
    finally:
        store.close()
