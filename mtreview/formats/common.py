"""What every format can say about a unit besides its text: context, locations, notes — read from the
``meta`` of whichever format the unit came from, so a writer carries another format's metadata over.

Each reader keeps its own format's shape in ``meta`` (for an exact round trip in the same format):

* PO (and CSV/xlsx columns, read back into the same keys): ``msgctxt``, ``references`` (``[[file,
  line], …]``), ``comments`` (translator comments, one string), ``extracted`` (``#.`` comments);
* TMX: ``notes`` (text, or ``[text, {attributes}]``), ``props`` (``[type, value(, {attributes})]``) —
  ``x-context``, ``x-location`` and ``x-developer-comment`` props are what we write for the PO data;
* XLIFF: ``notes`` (text), ``xliff_context``/``xliff_locations``/``developer_notes`` where the file had
  them.

Writers for another format use the accessors below; the mapping is in the README's per-format table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

CONTEXT_PROP = "x-context"
LOCATION_PROP = "x-location"
DEVELOPER_PROP = "x-developer-comment"
CARRIED_PROPS = frozenset({CONTEXT_PROP, LOCATION_PROP, DEVELOPER_PROP})
"""TMX prop types that carry PO data (read back by the accessors, not kept as foreign props twice)."""


def note_text(note: Any) -> str:
    if isinstance(note, str):
        return note
    if isinstance(note, Sequence) and note:
        return str(note[0])
    return str(note)


def _props(meta: Mapping[str, Any], ptype: str) -> list[str]:
    return [
        str(p[1]) for p in meta.get("props") or () if isinstance(p, Sequence) and len(p) > 1 and p[0] == ptype
    ]


def context(meta: Mapping[str, Any] | None) -> str | None:
    """The disambiguating context (PO msgctxt) of a unit, whatever format it came from."""
    meta = meta or {}
    value = meta.get("msgctxt")
    if isinstance(value, str):
        return value
    value = meta.get("xliff_context")
    if isinstance(value, str):
        return value
    props = _props(meta, CONTEXT_PROP)
    return props[0] if props else None


def locations(meta: Mapping[str, Any] | None) -> list[str]:
    """Source-code locations (``file:line``)."""
    meta = meta or {}
    out = []
    for ref in meta.get("references") or ():
        if isinstance(ref, Sequence) and not isinstance(ref, str):
            file, line = [*list(ref), ""][:2]
            out.append(f"{file}:{line}" if line else str(file))
        else:
            out.append(str(ref))
    out += [str(x) for x in meta.get("xliff_locations") or ()]
    return out + _props(meta, LOCATION_PROP)


def translator_notes(meta: Mapping[str, Any] | None) -> list[str]:
    """Translator comments (PO ``#``), TMX notes, XLIFF notes."""
    meta = meta or {}
    comments = meta.get("comments")
    out = comments.split("\n") if isinstance(comments, str) and comments else []
    return out + [note_text(n) for n in meta.get("notes") or ()]


def developer_notes(meta: Mapping[str, Any] | None) -> list[str]:
    """Comments for translators from the developers (PO ``#.``, XLIFF ``from="developer"``)."""
    meta = meta or {}
    extracted = meta.get("extracted")
    out = extracted.split("\n") if isinstance(extracted, str) and extracted else []
    out += [str(x) for x in meta.get("developer_notes") or ()]
    return out + _props(meta, DEVELOPER_PROP)


def parse_location(text: str) -> list[str]:
    """``file:line`` → ``[file, line]`` (PO references); a location without a line number → ``[file, ""]``."""
    file, sep, line = text.rpartition(":")
    if sep and line.isdigit() and file:
        return [file, line]
    return [text, ""]


def po_shaped(
    context_text: str | None, location_lines: Sequence[str], translator: str, developer: str
) -> dict[str, Any]:
    """Meta keys in the PO shape for data read from columns (CSV, xlsx)."""
    meta: dict[str, Any] = {}
    if context_text is not None:
        meta["msgctxt"] = context_text
    refs = [parse_location(x) for x in location_lines if x.strip()]
    if refs:
        meta["references"] = refs
    if translator:
        meta["comments"] = translator
    if developer:
        meta["extracted"] = developer
    return meta


def exportable_key(key: str | None) -> str | None:
    """A unit key another format can carry as an id: a PO key (``msgctxt`` + U+0004 + msgid) is not one —
    its context travels as context."""
    if key is None or "\x04" in key:
        return None
    return key
