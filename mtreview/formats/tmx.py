"""TMX 1.4b (1.1 tolerated): a streaming reader (lxml iterparse) and a streaming writer.

Reading: the header's ``srclang`` picks the source ``<tuv>`` (``*all*``: English if present, else the
first); the target language is Japanese if the file has it, else the first other language; further
``<tuv>``s are kept verbatim in ``meta["extra_tuvs"]`` and written back. Inline elements become
placeholders (``mtreview.formats.placeholders``). Notes, props and attributes of ``<tu>`` and both
``<tuv>``s are kept in ``meta``; the ``x-mtreview-*`` props and ``[mtreview]`` notes this writer adds are
read back as status and annotations, not as foreign metadata, so an export re-imports identically.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from mtreview import __version__
from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import common
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output, tmx_date
from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
from mtreview.formats.state import ARRIVAL, arrival_of, arrived_translated, record_arrival
from mtreview.formats.tmx_inline import control_of, seg_xml
from mtreview.i18n import _

WRAPPING = frozenset({"hi"})
_XML_LANG = X.XML_LANG
PROP_PREFIX = "x-mtreview-"
NOTE_PREFIX = "[mtreview] "
_STATUSES = {s.value for s in Status}
_OWN_TU_ATTRS = frozenset({"tuid", "changedate", "changeid", "creationid", "creationdate"})


def _lang_match(lang: str, wanted: str) -> bool:
    a, b = lang.lower(), wanted.lower()
    return a == b or a.split("-")[0] == b.split("-")[0]


Note = str | list[Any]
"""A ``<note>``: its text, or ``[text, {attributes}]`` when it has attributes (``xml:lang``…)."""
Prop = list[Any]
"""A ``<prop>``: ``[type, value]``, or ``[type, value, {other attributes}]``."""


def _notes_props(el: Any) -> tuple[list[Note], list[Prop], str]:
    """The ``<note>``s and ``<prop>``s of an element and their order (``"n"``/``"p"``/``"u"`` for ``<ude>``
    per child)."""
    notes: list[Note] = []
    props: list[Prop] = []
    order: list[str] = []
    for child in el:
        tag = child.tag
        if tag == "note":
            text = child.text or ""
            notes.append([text, X.attrs(child)] if child.attrib else text)
            order.append("n")
        elif tag == "prop":
            prop: Prop = [child.get("type"), child.text or ""]
            if len(child.attrib) > 1 or (child.attrib and "type" not in child.attrib):
                others = X.attrs(child)
                others.pop("type", None)
                prop.append(others)
            props.append(prop)
            order.append("p")
        elif tag == "ude":
            order.append("u")
    return notes, props, "".join(order)


def _order_kept(order: str) -> str | None:
    """The order to record: ``None`` when it is the one the writer uses anyway (notes, props, udes)."""
    canonical = "n" * order.count("n") + "p" * order.count("p") + "u" * order.count("u")
    return None if order == canonical else order


def _children_xml(
    notes: Sequence[Note], props: Sequence[Prop], udes: Sequence[str], order: str | None, indent: str
) -> str:
    parts = {
        "n": [_note_xml(n, indent) for n in notes],
        "p": [_prop_xml(p, indent) for p in props],
        "u": [f"{indent}{u}\n" for u in udes],
    }
    if order and all(order.count(k) == len(v) for k, v in parts.items()):
        pending = {k: iter(v) for k, v in parts.items()}
        return "".join(next(pending[k]) for k in order)
    return "".join(parts["n"] + parts["p"] + parts["u"])


def note_text(note: Note) -> str:
    return note if isinstance(note, str) else str(note[0])


def _note_xml(note: Note, indent: str) -> str:
    if isinstance(note, str):
        return f"{indent}<note>{X.escape_text(note)}</note>\n"
    return f"{indent}<note{X.attr_string(note[1] or {})}>{X.escape_text(str(note[0]))}</note>\n"


def _prop_xml(prop: Sequence[Any], indent: str) -> str:
    ptype = "" if prop[0] is None else f' type="{X.escape_attr(str(prop[0]))}"'
    others = X.attr_string(prop[2]) if len(prop) > 2 and prop[2] else ""
    return f"{indent}<prop{ptype}{others}>{X.escape_text(str(prop[1]))}</prop>\n"


class _TmxReader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.header: dict[str, Any] = {}
        self.srclang = ""
        self.tgtlang: str | None = None
        self.lang_attr: str | None = None
        self.version = ""
        self._roles: dict[tuple[str, tuple[str, ...]], tuple[int, int | None, list[int]]] = {}
        self._plain: tuple[str, str] | None = None
        """(source, target) language of the units ``plain_tu`` reads: set once the general path has read
        one such unit (its languages are then the document's, and in that order)."""

    @property
    def default_src(self) -> str:
        """The source language the document reports (what the writer falls back to)."""
        return self.srclang if self.srclang and self.srclang != "*all*" else "en"

    def lang_of(self, tuv: Any) -> str:
        lang = tuv.get(X.XML_LANG)
        attr = "xml:lang"
        if lang is None:
            lang = tuv.get("lang")
            attr = "lang"
        if lang is None:
            raise InputError(_("<tuv> without a language (xml:lang)"), str(self.path), tuv.sourceline)
        if self.lang_attr is None:
            self.lang_attr = attr
        elif self.lang_attr != attr:
            raise InputError(
                _("the file mixes the TMX 1.1 'lang' attribute with 'xml:lang'"),
                str(self.path),
                tuv.sourceline,
            )
        return str(lang)

    def seg_text(self, tuv: Any) -> tuple[str, list[dict[str, Any]], int]:
        seg = tuv[-1] if len(tuv) else None
        if seg is not None and seg.tag == "seg" and len(seg) == 0:
            text = seg.text or ""
            if text.isascii() or not ph.has_placeholders(text):
                return text, [], seg.sourceline
        seg = None
        for child in tuv:
            if child.tag == "seg":
                seg = child
        if seg is None:
            raise InputError(_("<tuv> without <seg>"), str(self.path), tuv.sourceline)
        if len(seg) == 0:
            markup: list[dict[str, Any]] = []
            return ph.escape_literal(seg.text or "", markup), markup, seg.sourceline
        text, markup = X.inline_content(seg, WRAPPING, self.path)
        self.check_pairs(seg)
        text, kept = ph.controls_from_codes(text, markup, control_of)
        return text, [dict(r) for r in kept], seg.sourceline

    def check_pairs(self, seg: Any) -> None:
        open_ids: set[str] = set()
        for el in seg.iter("bpt", "ept"):
            i = el.get("i")
            if i is None:
                raise InputError(
                    _("<{tag}> without the 'i' attribute").format(tag=el.tag), str(self.path), el.sourceline
                )
            if el.tag == "bpt":
                if i in open_ids:
                    raise InputError(
                        _("two <bpt> with the same i={i}").format(i=i), str(self.path), el.sourceline
                    )
                open_ids.add(i)
            else:
                if i not in open_ids:
                    raise InputError(
                        _("<ept i={i}> without a preceding <bpt i={i}>").format(i=i),
                        str(self.path),
                        el.sourceline,
                    )
                open_ids.discard(i)

    def read(self, progress: Progress, segments: Any = None) -> ImportedDocument:
        segments = [] if segments is None else segments
        skipped: list[dict[str, Any]] = []
        header_meta: dict[str, Any] = {}
        with X.iterparse(self.path, tags=("header", "tu")) as context:
            seen_root = self.parse(context, segments, skipped, header_meta, progress)
        header_meta = self.header_meta
        if not seen_root:
            # iterparse saw no <header>/<tu>: find out whether this is TMX at all
            tree = X.parse_tree(self.path)
            root = tree.getroot()
            if root.tag != "tmx":
                raise InputError(
                    _("not a TMX file (root element <{tag}>)").format(tag=X.local(root.tag)),
                    str(self.path),
                    root.sourceline,
                )
        doc_meta: dict[str, Any] = {"tmx_version": self.version, "header": header_meta}
        if skipped:
            doc_meta["skipped"] = skipped
        return ImportedDocument(
            name=self.path.stem,
            segments=segments,
            source_lang=(self.srclang if self.srclang and self.srclang != "*all*" else "en"),
            target_lang=self.tgtlang or "ja",
            path=str(self.path),
            format="tmx",
            meta=doc_meta,
        )

    def parse(
        self,
        context: Any,
        segments: list[SegmentDraft],
        skipped: list[dict[str, Any]],
        header_meta: dict[str, Any],
        progress: Progress,
    ) -> bool:
        self.header_meta = header_meta
        seen_root = False
        for _event, el in X.iter_errors(context, self.path, check=False):  # checked below (plain_tu)
            if not seen_root:
                root = el.getroottree().getroot()
                if root.tag != "tmx":
                    raise InputError(
                        _("not a TMX file (root element <{tag}>)").format(tag=X.local(root.tag)),
                        str(self.path),
                        root.sourceline,
                    )
                self.version = root.get("version", "")
                seen_root = True
            if el.tag == "header":
                X.check_attributes(el, self.path)
                self.header = X.attrs(el)
                self.srclang = self.header.get("srclang", "")
                notes, props, order = _notes_props(el)
                ns: dict[str, str] = {}
                udes = [X.serialize(c, ns, self.path) for c in el if c.tag == "ude"]
                self.header_meta = {"attrs": self.header, "notes": notes, "props": props, "ude": udes}
                if _order_kept(order):
                    self.header_meta["order"] = order
                continue
            seg = self.tu(el, skipped)
            if seg is not None:
                segments.append(seg)
                if len(segments) % 2000 == 0:
                    progress.check()
                    progress.report(len(segments), 0, "")
            X.release(el)
        return seen_root

    def roles(self, tu: Any, langs: list[str]) -> tuple[int, int | None, list[int]] | None:
        """Which ``<tuv>`` is the source, which the target, which are extra (cached per language list)."""
        srclang = tu.get("srclang") or self.srclang
        key = (srclang, tuple(langs))
        cached = self._roles.get(key)
        if cached is not None and self.tgtlang is not None:
            return cached
        if not srclang or srclang == "*all*":
            src_i = next((i for i, lang in enumerate(langs) if _lang_match(lang, "en")), 0)
        else:
            exact = [i for i, lang in enumerate(langs) if lang.lower() == srclang.lower()]
            near = [i for i, lang in enumerate(langs) if _lang_match(lang, srclang)]
            if not (exact or near):
                return None
            src_i = (exact or near)[0]
        others = [i for i in range(len(langs)) if i != src_i]
        if self.tgtlang is None and others:
            ja = [i for i in others if _lang_match(langs[i], "ja")]
            self.tgtlang = langs[(ja or others)[0]]
        tgt_i = None
        if self.tgtlang is not None:
            exact = [i for i in others if langs[i].lower() == self.tgtlang.lower()]
            near = [i for i in others if _lang_match(langs[i], self.tgtlang)]
            if exact or near:
                tgt_i = (exact or near)[0]
        result = (src_i, tgt_i, [i for i in others if i != tgt_i])
        if self.tgtlang is not None:
            self._roles[key] = result
            if (
                self._plain is None
                and result == (0, 1, [])
                and self.lang_attr == "xml:lang"
                and tu.get("srclang") is None
                and langs == [self.default_src, self.tgtlang]
            ):
                self._plain = (self.default_src, self.tgtlang)
        return result

    def tuv_meta(self, tuv: Any, lang: str, default_lang: str | None) -> dict[str, Any] | None:
        """Attributes, notes and props of a ``<tuv>`` (``None`` when it has none and the usual language)."""
        attrib = tuv.attrib
        if len(attrib) == 1 and len(tuv) == 1 and lang == default_lang:
            return None
        a = X.attrs(tuv)
        a.pop("xml:lang", None)
        a.pop("lang", None)
        info: dict[str, Any] = {"lang": lang}
        if a:
            info["attrs"] = a
        if len(tuv) > 1:
            n, p, order = _notes_props(tuv)
            if n:
                info["notes"] = n
            if p:
                info["props"] = p
            if _order_kept(order):
                info["order"] = order
        return info

    def plain_tu(self, tu: Any) -> SegmentDraft | None:
        """The commonest unit, read without the general path's bookkeeping (a third of its time): two
        ``<tuv>`` in the usual order and languages, each with ``xml:lang`` only and one ``<seg>`` of plain
        text, and no attribute on the ``<tu>`` but ``tuid``. ``None`` for any other unit: the general
        path reads it (``tests/formats/test_tmx_plain.py`` checks both read every unit alike)."""
        plain = self._plain
        if plain is None or len(tu) != 2:
            return None
        attrib = tu.attrib
        n = len(attrib)
        if n > 1 or (n == 1 and "tuid" not in attrib):
            return None
        a, b = tu
        if a.tag != "tuv" or b.tag != "tuv" or len(a) != 1 or len(b) != 1:
            return None
        if a.get(_XML_LANG) != plain[0] or b.get(_XML_LANG) != plain[1]:
            return None
        if len(a.attrib) != 1 or len(b.attrib) != 1:
            return None
        sseg = a[0]
        tseg = b[0]
        if sseg.tag != "seg" or tseg.tag != "seg" or len(sseg) or len(tseg):
            return None
        if len(sseg.attrib) > X.MAX_ATTRIBUTES or len(tseg.attrib) > X.MAX_ATTRIBUTES:
            return None  # the five elements checked: the general path refuses the unit
        source = sseg.text or ""
        target = tseg.text or ""
        if not (source.isascii() or not ph.has_placeholders(source)):
            return None
        if not (target.isascii() or not ph.has_placeholders(target)):
            return None
        return SegmentDraft(
            source=source,
            target=target,
            source_lines=(sseg.sourceline,),
            target_lines=(tseg.sourceline,),
            key=attrib.get("tuid"),
            meta={ARRIVAL: {"translated": True}} if target else {},
            status=None,
        )

    def tu(self, tu: Any, skipped: list[dict[str, Any]]) -> SegmentDraft | None:
        fast = self.plain_tu(tu)
        if fast is not None:
            return fast
        X.check_attributes(tu, self.path)
        tuvs = list(tu.iterchildren("tuv"))
        langs: list[str] = []
        for c in tuvs:
            lang = c.get(_XML_LANG)
            langs.append(lang if lang is not None and self.lang_attr == "xml:lang" else self.lang_of(c))
        has_meta_children = len(tu) != len(tuvs) and any(c.tag in ("note", "prop") for c in tu)
        if not tuvs:
            skipped.append({"line": tu.sourceline, "reason": "no <tuv>"})
            return None
        roles = self.roles(tu, langs)
        if roles is None:
            srclang = tu.get("srclang") or self.srclang
            skipped.append({"line": tu.sourceline, "reason": f"no <tuv> in the source language {srclang}"})
            return None
        src_i, tgt_i, extra = roles
        source, smarkup, sline = self.seg_text(tuvs[src_i])
        if tgt_i is not None:
            target, tmarkup, tline = self.seg_text(tuvs[tgt_i])
        else:
            target, tmarkup, tline = "", [], 0
        meta: dict[str, Any] = {}
        status: Status | None = None
        if has_meta_children:
            all_notes, all_props, all_order = _notes_props(tu)
            own: dict[str, str] = {}
            own_notes: list[str] = []
            notes: list[Note] = []
            props: list[Prop] = []
            order = []
            items = {"n": iter(all_notes), "p": iter(all_props)}
            for kind in all_order:
                item = next(items[kind])
                if kind == "p" and str(item[0]).startswith(PROP_PREFIX):
                    own[item[0][len(PROP_PREFIX) :]] = item[1]
                elif kind == "n" and isinstance(item, str) and item.startswith(NOTE_PREFIX):
                    own_notes.append(item[len(NOTE_PREFIX) :])
                else:
                    (notes if kind == "n" else props).append(item)  # type: ignore[arg-type]
                    order.append(kind)
            if own.get("status") in _STATUSES:
                status = Status(own["status"])
            if notes:
                meta["notes"] = notes
            if props:
                meta["props"] = props
            if _order_kept("".join(order)):
                meta["np_order"] = "".join(order)
            if own_notes:
                meta["mtreview_notes"] = own_notes
        attrib = tu.attrib
        if len(attrib) > 1 or (attrib and "tuid" not in attrib):
            tu_attrs = X.attrs(tu)
            tu_attrs.pop("tuid", None)
            meta["tu"] = tu_attrs
        info = self.tuv_meta(tuvs[src_i], langs[src_i], self.default_src)
        if info is not None:
            meta["tuv_src"] = info
        if tgt_i is not None:
            info = self.tuv_meta(tuvs[tgt_i], langs[tgt_i], self.tgtlang)
            if info is not None:
                meta["tuv_tgt"] = info
        if not (src_i == 0 and tgt_i == 1 and len(tuvs) == 2):  # not the usual source, target
            layout = "".join("s" if i == src_i else "t" if i == tgt_i else "x" for i in range(len(tuvs)))
            if layout != "st" + "x" * len(extra) and not (tgt_i is None and layout == "s" + "x" * len(extra)):
                meta["tuv_order"] = layout  # written back in the order they came
        if extra:
            ns: dict[str, str] = {}
            meta["extra_tuvs"] = [_with_xml_lang(X.serialize(tuvs[i], ns, self.path)) for i in extra]
        if smarkup or tmarkup:
            meta["inline"] = {"format": "tmx", "source": smarkup, "target": tmarkup}
        # a <tu> is a translation, unless our own status prop says it was unconfirmed MT or rejected (the
        # arrival recorded as ``state.stamp`` records it, without building the draft twice)
        translated = status in (None, Status.APPROVED, Status.CORRECTED)
        record_arrival(meta, status or Status.NEW, target, None, translated)
        return SegmentDraft(
            source=source,
            target=target,
            source_lines=(sline,),
            target_lines=(tline,) if tline else (),
            key=attrib.get("tuid"),
            meta=meta,
            status=status,
        )


def _with_xml_lang(xml: str) -> str:
    # TMX 1.1's lang= becomes 1.4's xml:lang= when the <tuv> is written back
    if xml.startswith("<tuv lang="):
        return "<tuv xml:lang=" + xml[len("<tuv lang=") :]
    return xml


def read_tmx(
    path: str | os.PathLike[str], progress: Progress = NO_PROGRESS, segments: Any = None
) -> ImportedDocument:
    """``segments``: where the units go as they are read (``services.import_stream``), else a new list."""
    return _TmxReader(X.fspath(path)).read(progress, segments)


# ------------------------------------------------------------------------------------------- writer


def _annotation_note(a: Any, unit: ExportUnit) -> str:
    where = ""
    base = unit.source if str(a.side) == "source" else unit.mt
    if a.start is not None and a.end is not None:
        where = f" [{a.side} {a.start}-{a.end} «{ph.strip_placeholders(base[a.start : a.end])}»]"
    else:
        where = f" [{a.side}]"
    text = f"{NOTE_PREFIX}{a.severity} {a.category}{where}"
    if a.comment:
        text += f" — {a.comment}"
    if a.suggestion:
        text += f" → {a.suggestion}"
    return text


def _fmt_score(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") if v == v else "nan"


def write_tmx(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    count = 0
    with atomic_output(out_path, options.inputs) as f:
        _write_header(f, options)
        w = f.write
        now = tmx_date(None)
        for u in units:
            _write_tu(w, u, options, now)
            count += 1
            if count % 2000 == 0:
                progress.check()
                progress.report(count, 0, "")
        w("</body>\n</tmx>\n")
    return count


def _write_header(f: IO[str], options: WriteOptions) -> None:
    hdr = (options.document_meta or {}).get("header") or {}
    attrs = {
        "creationtool": "mtreview",
        "creationtoolversion": options.tool_version or __version__,
        "segtype": "paragraph",
        "o-tmf": "mtreview",
        "adminlang": "en",
        "srclang": options.source_lang,
        "datatype": "plaintext",
        "creationdate": tmx_date(None),
    }
    if hdr.get("attrs"):
        # one TMX document exported back: its header as it came (the DTD's required attributes added
        # where it lacked them)
        kept = dict(hdr["attrs"])
        for name in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang"):
            kept.setdefault(name, attrs[name])
        kept.setdefault("datatype", attrs["datatype"])
        attrs = kept
    f.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
    )
    f.write("<header" + X.attr_string(attrs) + ">\n")
    f.write(
        _children_xml(
            hdr.get("notes") or (), hdr.get("props") or (), hdr.get("ude") or (), hdr.get("order"), "  "
        )
    )
    f.write("</header>\n<body>\n")


def _tuv_open(lang: str, info: Mapping[str, Any] | None) -> str:
    if not info:
        return f'  <tuv xml:lang="{X.escape_attr(lang)}">\n'
    attrs = X.attr_string(info.get("attrs") or {})
    head = f'  <tuv xml:lang="{X.escape_attr(info.get("lang") or lang)}"{attrs}>\n'
    return head + _children_xml(
        info.get("notes") or (), info.get("props") or (), (), info.get("order"), "    "
    )


def _clean(u: ExportUnit) -> bool:
    """A TMX unit nobody touched, that arrived translated without our props and has no annotations: it is
    written back exactly as it came, without ``x-mtreview-*`` props."""
    return (
        u.origin == "tmx"
        and u.untouched
        and arrived_translated(u.meta)
        and "status" not in arrival_of(u.meta)
        and not u.annotations
    )


def _dates(u: ExportUnit, tu_attrs: Mapping[str, Any], now: str) -> dict[str, Any]:
    """creation/change dates and ids: as they arrived for an untouched unit; for a reviewed one, the
    reviewer and the time of the change (creation kept from the arrival where there was one)."""
    out: dict[str, Any] = {}
    created = tu_attrs.get("creationdate") or (tmx_date(u.created_at) if u.created_at else now)
    out["creationdate"] = created
    creator = tu_attrs.get("creationid") or u.author
    if creator:
        out["creationid"] = creator
    if u.untouched:
        changed = tu_attrs.get("changedate") or (tmx_date(u.updated_at) if u.updated_at else None)
        changer = tu_attrs.get("changeid")
    else:
        changed = tmx_date(u.updated_at) if u.updated_at else now
        changer = u.author or tu_attrs.get("changeid")
    if changed:
        out["changedate"] = changed
    if changer:
        out["changeid"] = changer
    if u.untouched and u.origin == "tmx":
        # exactly the attributes the unit arrived with: none added, none dropped
        return {k: v for k, v in out.items() if k in tu_attrs}
    return out


def _carried(meta: Mapping[str, Any]) -> tuple[list[Note], list[Prop]]:
    """What a unit from another format says besides its text: PO translator comments as ``<note>``s, the
    context, locations and developer comments (PO ``msgctxt``/``#:``/``#.``, XLIFF context groups and
    developer notes) as ``x-context``/``x-location``/``x-developer-comment`` props — read back by
    ``formats.common``, so PO → TMX → PO keeps them. Nothing for what the unit's own props already say."""
    have = {str(p[0]) for p in meta.get("props") or () if isinstance(p, Sequence) and p}
    props: list[Prop] = []
    ctx = common.context(meta)
    if ctx is not None and common.CONTEXT_PROP not in have:
        props.append([common.CONTEXT_PROP, ctx])
    if common.LOCATION_PROP not in have:
        props += [[common.LOCATION_PROP, loc] for loc in common.locations(meta)]
    if common.DEVELOPER_PROP not in have:
        props += [[common.DEVELOPER_PROP, note] for note in common.developer_notes(meta)]
    comments = meta.get("comments")
    notes: list[Note] = []
    if isinstance(comments, str) and comments:
        notes += comments.split("\n")
    return notes, props


def _write_tu(w: Any, u: ExportUnit, options: WriteOptions, now: str) -> None:
    meta = u.meta or {}
    tu_attrs = meta.get("tu") or {}
    attrs: dict[str, Any] = {}
    key = common.exportable_key(u.key)  # a PO key (msgctxt U+0004 msgid): its context goes as a prop
    if key is not None:
        attrs["tuid"] = key
    for k, v in tu_attrs.items():
        if k not in _OWN_TU_ATTRS:
            attrs[k] = v
    attrs.update(_dates(u, tu_attrs, now))
    order = list(tu_attrs)  # the arrival's attribute order, then ours
    attrs = {k: attrs[k] for k in sorted(attrs, key=lambda k: order.index(k) if k in order else len(order))}
    parts = ["<tu", X.attr_string(attrs), ">\n"]
    parts.append(
        _children_xml(meta.get("notes") or (), meta.get("props") or (), (), meta.get("np_order"), "  ")
    )
    notes, props = _carried(meta)
    parts.append(_children_xml(notes, props, (), None, "  "))
    if not _clean(u):
        parts.append(f'  <prop type="{PROP_PREFIX}status">{u.status}</prop>\n')
        if u.mqm_penalty is not None:
            parts.append(f'  <prop type="{PROP_PREFIX}mqm">{_fmt_score(u.mqm_penalty)}</prop>\n')
        if u.chrf is not None:
            parts.append(f'  <prop type="{PROP_PREFIX}chrf">{_fmt_score(u.chrf)}</prop>\n')
    if options.include_annotations:
        for a in u.annotations:
            parts.append(f"  <note>{X.escape_text(_annotation_note(a, u))}</note>\n")
    inline = meta.get("inline")
    src = _tuv_open(u.source_lang or options.source_lang, meta.get("tuv_src"))
    src += f"    <seg>{seg_xml(u.source, inline, 'source')}</seg>\n  </tuv>\n"
    tgt = _tuv_open(u.target_lang or options.target_lang, _target_tuv(u, meta.get("tuv_tgt"), now))
    tgt += f"    <seg>{seg_xml(u.target, inline, 'target')}</seg>\n  </tuv>\n"
    extras = [f"  {xml}\n" for xml in meta.get("extra_tuvs") or ()]
    tuv_order = str(meta.get("tuv_order") or "")
    if tuv_order and tuv_order.count("s") == 1 and tuv_order.count("x") == len(extras):
        pending = iter(extras)
        tgt_written = False
        for role in tuv_order:
            if role == "s":
                parts.append(src)
            elif role == "t":
                parts.append(tgt)
                tgt_written = True
            else:
                parts.append(next(pending))
        if not tgt_written and u.target:  # a target the unit did not have when it came
            parts.append(tgt)
    else:
        parts += [src, tgt, *extras]
    parts.append("</tu>\n")
    w("".join(parts))


def _target_tuv(u: ExportUnit, info: Mapping[str, Any] | None, now: str) -> Mapping[str, Any] | None:
    """A reviewed target ``<tuv>`` that carried its own change date/id gets the reviewer's."""
    if not info or u.untouched:
        return info
    attrs = dict(info.get("attrs") or {})
    if "changedate" in attrs:
        attrs["changedate"] = tmx_date(u.updated_at) if u.updated_at else now
    if "changeid" in attrs and u.author:
        attrs["changeid"] = u.author
    return {**info, "attrs": attrs}


register_reader(ReaderInfo("tmx", (".tmx",), read_tmx, "TMX 1.4b translation memory", sink=True))
register_writer(WriterInfo("tmx", ".tmx", write_tmx, "TMX 1.4b translation memory", memory=True))
