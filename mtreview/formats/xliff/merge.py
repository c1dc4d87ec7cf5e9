"""Merge-back: the review written into the XLIFF file a document was imported from (1.2 or 2.x).

The original's bytes are stored with the document (``storage.originals``); an export parses them and
changes only what the review changed — for a reviewed unit its target text and state (1.2 ``state``,
``state-qualifier``, ``approved``; 2.x ``state``, ``subState="mtreview:<status>"``), and for a unit with
annotations a ``<note>`` each (1.2 ``from="mtreview"``, 2.x ``category="mtreview"``). Everything else —
groups, ``alt-trans``, context and count groups, skeletons, SDL/memoQ/Okapi extensions, other namespaces,
comments — is the original's, so an untouched export is XML-canonically identical to the input (the
XML declaration is copied as it was, the encoding and byte order mark kept).

Each segment knows its place in the file (``meta["at"]``: the n-th ``<trans-unit>``, or the n-th
``<segment>`` in 2.x); a stored original whose unit there has another source text is refused.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from mtreview.domain.errors import InputError
from mtreview.domain.model import Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import codes as C
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output
from mtreview.formats.xliff.common import MTREVIEW_SUBSTATE, NS1, NS2, WRAP1, WRAP2, _text_of, cp2
from mtreview.formats.xliff.states import APPROVED_12, QUALIFIER_12, STATE_2, STATE_12
from mtreview.formats.xliff.writer12 import control12, converter12
from mtreview.i18n import _

_DECL = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_NOTE_ORDER_12 = (
    "source",
    "seg-source",
    "target",
    "context-group",
    "count-group",
    "prop-group",
    "note",
    "alt-trans",
)


def _parse(data: bytes, name: str) -> Any:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
    )
    try:
        return etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        raise InputError(
            _("the stored original file cannot be read: {error}").format(error=exc), name
        ) from None


def _codec(encoding: str, data: bytes) -> tuple[str, bytes]:
    """The codec to write with and the byte order mark the original started with."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return codec, bom
    if encoding.lower().replace("_", "-") in ("utf-16", "utf-16le", "utf-16-le") and data[1:2] == b"\x00":
        return "utf-16-le", b""
    if encoding.lower().replace("_", "-") in ("utf-16", "utf-16be", "utf-16-be") and data[:1] == b"\x00":
        return "utf-16-be", b""
    return encoding, b""


def _content_xml(
    text: str, markup: list[dict[str, Any]] | None, version2: bool
) -> tuple[str, dict[str, str]]:
    """The target's new content: its own codes, but a pair the correction broke as isolated codes."""
    markup = markup or []
    if version2:
        return ph.restore_markup(text, markup, _broken2(text, markup), cp2)
    return ph.restore_markup(text, markup, converter12(text, markup, True), control12())


def _broken2(text: str, markup: list[dict[str, Any]]) -> Any:
    from mtreview.formats.xliff.writer2 import _converter

    isolated = _converter(text, markup)
    broken = C.broken(text, C.analyse(markup))
    return lambda record, n: isolated(record, n) if n in broken else None


def _set_content(el: Any, text: str, markup: list[dict[str, Any]] | None, ns: str, version2: bool) -> None:
    xml, used = _content_xml(text, markup, version2)
    decls = "".join(f' xmlns:{p}="{X.escape_attr(u)}"' for p, u in used.items() if p and p != "xml")
    wrapper = etree.fromstring(f'<w xmlns="{ns}"{decls}>{xml}</w>'.encode())
    for child in list(el):
        el.remove(child)
    el.text = wrapper.text
    for child in wrapper:
        el.append(child)


def _insert_after_last(parent: Any, new: Any, names: tuple[str, ...], ns: str) -> None:
    """Insert ``new`` after the last child of ``parent`` named in ``names`` (in namespace ``ns``)."""
    last = None
    for child in parent:
        if isinstance(child.tag, str) and X.ns_of(child.tag) == ns and X.local(child.tag) in names:
            last = child
    if last is None:
        parent.append(new)
        return
    new.tail = last.tail
    last.addnext(new)


def _annotation_text(a: Any, u: ExportUnit) -> str:
    where = str(a.side)
    if a.start is not None and a.end is not None:
        base = u.source if where == "source" else u.mt
        where += f" {a.start}-{a.end} «{ph.strip_placeholders(base[a.start : a.end])}»"
    text = f"{a.severity} {a.category} [{where}]"
    if a.comment:
        text += f" — {a.comment}"
    if a.suggestion:
        text += f" → {a.suggestion}"
    return ph.CONTROLS.sub("\ufffd", ph.strip_placeholders(text))


def _merge12(tu: Any, u: ExportUnit, ns: str, options: WriteOptions) -> None:
    def q(name: str) -> str:
        return f"{{{ns}}}{name}" if ns else name

    if not u.untouched:
        target = tu.find(q("target"))
        if target is None:
            target = etree.Element(q("target"))
            _insert_after_last(tu, target, ("source", "seg-source"), ns)
        markup = ((u.meta or {}).get("inline") or {}).get("target")
        _set_content(target, u.target, markup, ns, False)
        state = u.state
        target.set("state", STATE_12[state])
        if state in QUALIFIER_12:
            target.set("state-qualifier", QUALIFIER_12[state])
        elif "state-qualifier" in target.attrib:
            del target.attrib["state-qualifier"]  # "leveraged-mt" or "rejected-…" no longer says what it is
        if state in APPROVED_12:
            tu.set("approved", "yes")
        elif "approved" in tu.attrib:
            tu.set("approved", "no")
    for old in tu.findall(q("note")):
        if old.get("from") == "mtreview":
            tu.remove(old)
    if options.include_annotations:
        for a in u.annotations:
            note = etree.Element(
                q("note"),
                {"from": "mtreview", "annotates": "source" if str(a.side) == "source" else "target"},
            )
            note.text = _annotation_text(a, u)
            _insert_after_last(tu, note, _NOTE_ORDER_12, ns)


def _merge2(segment: Any, u: ExportUnit, ns: str, options: WriteOptions) -> None:
    def q(name: str) -> str:
        return f"{{{ns}}}{name}"

    if not u.untouched:
        target = segment.find(q("target"))
        if target is None:
            target = etree.Element(q("target"))
            source = segment.find(q("source"))
            if source is not None and source.get(X.XML_SPACE):
                target.set(X.XML_SPACE, source.get(X.XML_SPACE))
            _insert_after_last(segment, target, ("source",), ns)
        markup = ((u.meta or {}).get("inline") or {}).get("target")
        _set_content(target, u.target, markup, ns, True)
        segment.set("state", STATE_2[u.state])
        segment.set("subState", MTREVIEW_SUBSTATE + Status(u.status).value)
    unit = segment.getparent()
    notes = unit.find(q("notes"))
    if notes is not None:
        for old in notes.findall(q("note")):
            if old.get("category") == "mtreview":
                notes.remove(old)
    if not (options.include_annotations and u.annotations):
        if notes is not None and len(notes) == 0:
            unit.remove(notes)
        return
    if notes is None:
        notes = etree.Element(q("notes"))
        first = next(
            (
                c
                for c in unit
                if isinstance(c.tag, str) and X.ns_of(c.tag) == ns and X.local(c.tag) != "notes"
            ),
            None,
        )
        if first is None:
            unit.append(notes)
        else:
            notes.tail = first.getprevious().tail if first.getprevious() is not None else unit.text
            first.addprevious(notes)
    for a in u.annotations:
        note = etree.SubElement(notes, q("note"), {"category": "mtreview"})
        note.set("appliesTo", "source" if str(a.side) == "source" else "target")
        note.text = _annotation_text(a, u)


def merge_xliff(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Write ``options.original`` with the review of ``units`` merged in (see the module docstring)."""
    data = options.original
    if data is None:
        raise InputError(_("the original XLIFF file of this document is not stored in the project"))
    name = str((options.document_meta or {}).get("original_name") or "original")
    tree = _parse(data, name)
    root = tree.getroot()
    ns = X.ns_of(root.tag)
    version2 = ns in NS2
    if not version2 and ns not in NS1:
        raise InputError(_("the stored original is not an XLIFF file"), name)
    places = list(
        root.iter(f"{{{ns}}}segment" if version2 else (f"{{{ns}}}trans-unit" if ns else "trans-unit"))
    )
    count = 0
    for u in units:
        count += 1
        at = (u.meta or {}).get("at")
        if not isinstance(at, int) or not 0 <= at < len(places):
            raise InputError(
                _("segment {id} has no place in the stored original file").format(id=u.segment_id), name
            )
        el = places[at]
        if u.untouched and not (options.include_annotations and u.annotations):
            continue
        src = el.find(f"{{{ns}}}source" if ns else "source")
        if src is None or _text_of(src, WRAP2 if version2 else WRAP1, X.fspath(name))[0] != u.source:
            raise InputError(
                _("the stored original does not match segment {id} (another source text there)").format(
                    id=u.segment_id
                ),
                name,
                el.sourceline,
            )
        if version2:
            _merge2(el, u, ns, options)
        else:
            _merge12(el, u, ns, options)
        if count % 2000 == 0:
            progress.check()
            progress.report(count, 0, "")
    codec, bom = _codec(tree.docinfo.encoding or "UTF-8", data)
    original = data[len(bom) :].decode(codec, errors="replace")
    decl = _DECL.match(original)
    # the declaration as it was (lxml would respell it), then the document as lxml keeps it
    text = (decl.group() + "\n" if decl else "") + etree.tostring(tree, encoding="unicode")
    if original.endswith("\n"):
        text += "\n"
    out = bom + text.encode(codec, errors="xmlcharrefreplace")
    with atomic_output(out_path, options.inputs, binary=True) as f:
        f.write(out)
    return count


def mergeable(meta: Mapping[str, Any] | None, fmt: str) -> bool:
    """Whether a document imported with this meta merges back for an export in ``fmt``."""
    version = str((meta or {}).get("xliff_version") or "")
    if fmt == "xliff":
        return bool(version)
    return fmt == "xliff12" and version.startswith("1")
