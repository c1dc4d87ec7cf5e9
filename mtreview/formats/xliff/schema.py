"""Validation against local XSD files (never fetched): ``schema_files`` or ``MTREVIEW_XLIFF_SCHEMAS``."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from mtreview.domain.errors import InputError
from mtreview.formats import xmlsafe as X
from mtreview.i18n import _

ENV_SCHEMAS = "MTREVIEW_XLIFF_SCHEMAS"
schema_files: list[str] = []
"""Local XSD files to validate against (e.g. set by tests to the OASIS schemas); never fetched."""


class _LocalOnly(etree.Resolver):  # type: ignore[misc]
    """Resolve schema imports to local files by name; a missing module schema becomes a permissive stub
    declaring the elements the main schema refers to; nothing is ever fetched."""

    def __init__(self, files: Sequence[str], stubs: Mapping[str, str]) -> None:
        super().__init__()
        self.by_name = {Path(f).name: f for f in files}
        self.stubs = stubs

    def resolve(self, url: str, pubid: str | None, context: Any) -> Any:
        name = url.rsplit("/", 1)[-1]
        if name in self.by_name:
            return self.resolve_filename(self.by_name[name], context)
        if os.path.isfile(url):
            return self.resolve_filename(url, context)
        if name in self.stubs:
            return self.resolve_string(self.stubs[name], context)
        return None  # libxml2 then skips the import (network access is off)


def _stubs(xsd: Any) -> dict[str, str]:
    """Permissive schemas for the imported namespaces whose schema file is not available."""
    root = xsd.getroot()
    xs = "{http://www.w3.org/2001/XMLSchema}"
    out: dict[str, str] = {}
    for imp in root.iter(xs + "import"):
        ns, loc = imp.get("namespace"), imp.get("schemaLocation") or ""
        if not ns or ns == X.XML_NS:
            continue
        prefixes = [p for p, u in root.nsmap.items() if u == ns and p]
        names = sorted(
            {
                r.split(":", 1)[1]
                for e in root.iter(xs + "element")
                for r in [e.get("ref") or ""]
                if ":" in r and r.split(":", 1)[0] in prefixes
            }
        )
        decls = "".join(
            f'<xs:element name="{n}"><xs:complexType mixed="true"><xs:sequence>'
            '<xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>'
            '<xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>'
            for n in names
        )
        out[loc.rsplit("/", 1)[-1]] = (
            f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{ns}">'
            f"{decls}</xs:schema>"
        )
    return out


_SCHEMA_CACHE: dict[tuple[str, tuple[str, ...]], Any] = {}


def _schema_for(namespace: str) -> Any | None:
    files = list(schema_files) + [f for f in os.environ.get(ENV_SCHEMAS, "").split(os.pathsep) if f]
    key = (namespace, tuple(files))
    if key in _SCHEMA_CACHE:
        return _SCHEMA_CACHE[key]
    schema = None
    for f in files:
        try:
            head = Path(f).read_text("utf-8", errors="replace")[:4000]
        except OSError:
            continue
        if f'targetNamespace="{namespace}"' not in head:
            continue
        parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
        try:
            doc = etree.parse(f, parser)
            parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
            parser.resolvers.add(_LocalOnly(files, _stubs(doc)))
            schema = etree.XMLSchema(etree.parse(f, parser))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError):
            schema = None
        if schema is not None:
            break
    _SCHEMA_CACHE[key] = schema
    return schema


def _validate_schema(path: Path, namespace: str) -> None:
    schema = _schema_for(namespace)
    if schema is None:
        return
    tree = X.parse_tree(path)
    if not schema.validate(tree):
        err = schema.error_log.filter_from_errors()[0]
        msg = re.sub(r"^Element '\{[^}]*\}", "Element '", err.message)
        msg = re.sub(r"\{urn:oasis:names:tc:xliff:document:[0-9.]+\}", "", msg)
        raise InputError(_("invalid XLIFF: {error}").format(error=msg), str(path), err.line or None)
