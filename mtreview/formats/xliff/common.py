"""What the XLIFF modules share: namespaces, value patterns, the root element and inline text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X
from mtreview.i18n import _

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS1 = (
    "urn:oasis:names:tc:xliff:document:1.2",
    "urn:oasis:names:tc:xliff:document:1.1",
    "urn:oasis:names:tc:xliff:document:1.0",
    "",
)
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS22 = "urn:oasis:names:tc:xliff:document:2.2"
NS2 = (NS20, NS22)
ITS_NS = "http://www.w3.org/2005/11/its"
MTREVIEW_SUBSTATE = "mtreview:"

WRAP2 = frozenset({"pc", "mrk"})
WRAP1 = frozenset({"g", "mrk"})

_LANG = re.compile(r"^(?:[A-Za-z]{2,8}|[xXiI])(-[A-Za-z0-9]{1,8})*$")
_NMTOKEN = re.compile(r"^[\w.\-:]+$")
_PREFIXED = re.compile(r"^[A-Za-z0-9_-]+:.+$")
_STATES2 = {"initial", "translated", "reviewed", "final"}
_TYPES2 = {"fmt", "ui", "quote", "link", "image", "other"}
_XLF_SUBTYPES = {
    "xlf:lb": "fmt",
    "xlf:pb": "fmt",
    "xlf:b": "fmt",
    "xlf:i": "fmt",
    "xlf:u": "fmt",
    "xlf:var": "ui",
}
_YESNO = {"yes", "no"}
_APPROVED_12 = {"final", "signed-off"}
FS_NS = "urn:oasis:names:tc:xliff:fs:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
GLS_NS = "urn:oasis:names:tc:xliff:glossary:2.0"
RES_NS = "urn:oasis:names:tc:xliff:resourcedata:2.0"
SLR_NS = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
VAL_NS = "urn:oasis:names:tc:xliff:validation:2.0"
CTR_NS = "urn:oasis:names:tc:xliff:changetracking:2.0"


def _root_namespace(path: Path) -> tuple[str, str, int]:
    """Namespace, version and line of the root element, from the first start event."""
    with X.iterparse(path, events=("start",)) as context:
        for _event, el in X.iter_errors(context, path):
            if X.local(el.tag) != "xliff":
                raise InputError(
                    _("not an XLIFF file (root element <{tag}>)").format(tag=X.local(el.tag)),
                    str(path),
                    el.sourceline,
                )
            return X.ns_of(el.tag), el.get("version", ""), el.sourceline
    raise InputError(_("the file has no root element"), str(path))


_CP2 = re.compile(r'^<cp hex="([0-9A-Fa-f]{1,6})"\s*/>$')
_CP12 = re.compile(r'^<ph id="[^"]*" ctype="x-mtreview-cp">([0-9A-F]{4})</ph>$')


def _control_of(record: Any) -> str | None:
    """The character an XLIFF 2 ``<cp hex>`` (or our XLIFF 1.2 ``<ph ctype="x-mtreview-cp">``) stands for."""
    x = str(record.get("x", ""))
    m = _CP2.match(x) or _CP12.match(x)
    if m is None or record.get("k") != "ph":
        return None
    code = int(m.group(1), 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else None


def cp2(ch: str) -> str:
    """XLIFF 2's own form of a character XML cannot hold."""
    return f'<cp hex="{ph.hex_of(ch)}"/>'


def _text_of(el: Any, wrapping: frozenset[str], path: Path) -> tuple[str, list[dict[str, Any]]]:
    if len(el) == 0:
        markup: list[dict[str, Any]] = []
        return ph.escape_literal(el.text or "", markup), markup
    text, markup = X.inline_content(el, wrapping, path)
    text, kept = ph.controls_from_codes(text, markup, _control_of)
    return text, [dict(r) for r in kept]
