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
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from mtreview import __version__
from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output, tmx_date
from mtreview.formats.registry import ReaderInfo, WriterInfo, register_reader, register_writer
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


def _notes_props(el: Any) -> tuple[list[str], list[list[str]]]:
    notes: list[str] = []
    props: list[list[str]] = []
    for child in el:
        tag = child.tag
        if tag == "note":
            notes.append(child.text or "")
        elif tag == "prop":
            props.append([child.get("type", ""), child.text or ""])
    return notes, props


class _TmxReader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.header: dict[str, Any] = {}
        self.srclang = ""
        self.tgtlang: str | None = None
        self.lang_attr: str | None = None
        self.version = ""
        self._roles: dict[tuple[str, tuple[str, ...]], tuple[int, int | None, list[int]]] = {}

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
        return text, markup, seg.sourceline

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

    def read(self, progress: Progress) -> ImportedDocument:
        segments: list[SegmentDraft] = []
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
        for _event, el in X.iter_errors(context, self.path):
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
                self.header = X.attrs(el)
                self.srclang = self.header.get("srclang", "")
                notes, props = _notes_props(el)
                ns: dict[str, str] = {}
                udes = [X.serialize(c, ns, self.path) for c in el if c.tag == "ude"]
                self.header_meta = {"attrs": self.header, "notes": notes, "props": props, "ude": udes}
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
            n, p = _notes_props(tuv)
            if n:
                info["notes"] = n
            if p:
                info["props"] = p
        return info

    def tu(self, tu: Any, skipped: list[dict[str, Any]]) -> SegmentDraft | None:
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
            notes, props = _notes_props(tu)
            own: dict[str, str] = {}
            keep_props = []
            for ptype, value in props:
                if ptype.startswith(PROP_PREFIX):
                    own[ptype[len(PROP_PREFIX) :]] = value
                else:
                    keep_props.append([ptype, value])
            if own.get("status") in _STATUSES:
                status = Status(own["status"])
            own_notes = [n[len(NOTE_PREFIX) :] for n in notes if n.startswith(NOTE_PREFIX)]
            notes = [n for n in notes if not n.startswith(NOTE_PREFIX)]
            if notes:
                meta["notes"] = notes
            if keep_props:
                meta["props"] = keep_props
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
        if extra:
            ns: dict[str, str] = {}
            meta["extra_tuvs"] = [_with_xml_lang(X.serialize(tuvs[i], ns, self.path)) for i in extra]
        if smarkup or tmarkup:
            meta["inline"] = {"format": "tmx", "source": smarkup, "target": tmarkup}
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


def read_tmx(path: str | os.PathLike[str], progress: Progress = NO_PROGRESS) -> ImportedDocument:
    return _TmxReader(X.fspath(path)).read(progress)


# ------------------------------------------------------------------------------------------- writer


def _generic(record: Mapping[str, Any], n: int) -> str | None:
    """TMX form of a placeholder imported from another format."""
    kind = record.get("k")
    body = X.escape_text(str(record.get("x", "")))
    if kind == "open":
        return f'<it pos="begin" x="{n + 1}">{body}</it>'
    if kind == "close":
        return f'<it pos="end" x="{n + 1}">{body}</it>'
    return f'<ph x="{n + 1}">{body}</ph>'


def seg_xml(text: str, inline: Mapping[str, Any] | None, side: str) -> str:
    if not ph.has_placeholders(text):
        return X.escape_text(text)
    markup = (inline or {}).get(side) or []
    same = (inline or {}).get("format") == "tmx"
    xml, _ns = ph.restore_markup(text, markup, None if same else _generic)
    return xml


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
    f.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
    )
    f.write("<header" + X.attr_string(attrs) + ">\n")
    for note in hdr.get("notes") or ():
        f.write(f"  <note>{X.escape_text(note)}</note>\n")
    for ptype, value in hdr.get("props") or ():
        f.write(f'  <prop type="{X.escape_attr(ptype)}">{X.escape_text(value)}</prop>\n')
    for ude in hdr.get("ude") or ():
        f.write(f"  {ude}\n")
    f.write("</header>\n<body>\n")


def _tuv_open(lang: str, info: Mapping[str, Any] | None) -> str:
    if not info:
        return f'  <tuv xml:lang="{X.escape_attr(lang)}">\n'
    attrs = X.attr_string(info.get("attrs") or {})
    parts = [f'  <tuv xml:lang="{X.escape_attr(info.get("lang") or lang)}"{attrs}>\n']
    for note in info.get("notes") or ():
        parts.append(f"    <note>{X.escape_text(note)}</note>\n")
    for ptype, value in info.get("props") or ():
        parts.append(f'    <prop type="{X.escape_attr(ptype)}">{X.escape_text(value)}</prop>\n')
    return "".join(parts)


def _write_tu(w: Any, u: ExportUnit, options: WriteOptions, now: str) -> None:
    meta = u.meta or {}
    tu_attrs = meta.get("tu") or {}
    attrs: dict[str, Any] = {}
    if u.key is not None:
        attrs["tuid"] = u.key
    if tu_attrs:
        for k, v in tu_attrs.items():
            if k not in _OWN_TU_ATTRS:
                attrs[k] = v
    created = tu_attrs.get("creationdate") or (tmx_date(u.created_at) if u.created_at else now)
    attrs["creationdate"] = created
    if tu_attrs.get("creationid") or u.author:
        attrs["creationid"] = tu_attrs.get("creationid") or u.author
    attrs["changedate"] = tmx_date(u.updated_at) if u.updated_at else (tu_attrs.get("changedate") or created)
    if u.author or tu_attrs.get("changeid"):
        attrs["changeid"] = u.author or tu_attrs.get("changeid")
    parts = ["<tu", X.attr_string(attrs), ">\n"]
    for note in meta.get("notes") or ():
        parts.append(f"  <note>{X.escape_text(note)}</note>\n")
    for ptype, value in meta.get("props") or ():
        parts.append(f'  <prop type="{X.escape_attr(ptype)}">{X.escape_text(value)}</prop>\n')
    parts.append(f'  <prop type="{PROP_PREFIX}status">{u.status}</prop>\n')
    if u.mqm_penalty is not None:
        parts.append(f'  <prop type="{PROP_PREFIX}mqm">{_fmt_score(u.mqm_penalty)}</prop>\n')
    if u.chrf is not None:
        parts.append(f'  <prop type="{PROP_PREFIX}chrf">{_fmt_score(u.chrf)}</prop>\n')
    if options.include_annotations:
        for a in u.annotations:
            parts.append(f"  <note>{X.escape_text(_annotation_note(a, u))}</note>\n")
    inline = meta.get("inline")
    parts.append(_tuv_open(u.source_lang or options.source_lang, meta.get("tuv_src")))
    parts.append(f"    <seg>{seg_xml(u.source, inline, 'source')}</seg>\n  </tuv>\n")
    parts.append(_tuv_open(u.target_lang or options.target_lang, meta.get("tuv_tgt")))
    parts.append(f"    <seg>{seg_xml(u.target, inline, 'target')}</seg>\n  </tuv>\n")
    for xml in meta.get("extra_tuvs") or ():
        parts.append(f"  {xml}\n")
    parts.append("</tu>\n")
    w("".join(parts))


register_reader(ReaderInfo("tmx", (".tmx",), read_tmx, "TMX 1.4b translation memory"))
register_writer(WriterInfo("tmx", ".tmx", write_tmx, "TMX 1.4b translation memory"))
