"""``read_xliff``: picks the 1.2 or the 2.x reader from the root element's namespace."""

from __future__ import annotations

import os
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import xmlsafe as X
from mtreview.formats.xliff.common import NS1, NS2, NS12, _root_namespace
from mtreview.formats.xliff.reader2 import _Reader2
from mtreview.formats.xliff.reader12 import _Reader1
from mtreview.formats.xliff.schema import _validate_schema, schema_files
from mtreview.i18n import _


def read_xliff(
    path: str | os.PathLike[str], progress: Progress = NO_PROGRESS, segments: Any = None
) -> ImportedDocument:
    """``segments``: where the units go as they are read (``services.import_stream``), else a new list."""
    p = X.fspath(path)
    ns, version, line = _root_namespace(p)
    if ns in NS2 or (ns == "" and version.startswith("2")):
        if ns not in NS2:
            raise InputError(_("XLIFF {version} without its namespace").format(version=version), str(p), line)
        _validate_schema(p, ns)
        return _Reader2(p, ns).read(progress, segments)
    if ns in NS1:
        _validate_schema(p, ns) if ns == NS12 and schema_files else None
        return _Reader1(p, ns).read(progress, segments)
    raise InputError(_("unknown XLIFF namespace {ns}").format(ns=ns), str(p), line)
