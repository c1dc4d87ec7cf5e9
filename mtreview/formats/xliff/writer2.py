"""The XLIFF 2.1 writer: ``<target state>`` from the status, notes kept, annotations as ITS Localization
Quality Issues."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mtreview.domain.model import Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import codes as C
from mtreview.formats import common
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output
from mtreview.formats.xliff.common import ITS_NS, MTREVIEW_SUBSTATE, NS2, NS20, NS22, cp2
from mtreview.formats.xliff.states import STATE_2

_LQI_SEVERITY = {"neutral": "0", "minor": "10", "major": "50", "critical": "100"}
# MQM top-level → ITS 2.0 locQualityIssueType
_LQI_TYPE = {
    "accuracy/mistranslation": "mistranslation",
    "accuracy/omission": "omission",
    "accuracy/addition": "addition",
    "accuracy/untranslated text": "untranslated",
    "fluency/grammar": "grammar",
    "fluency/punctuation": "typographical",
    "fluency/spelling": "misspelling",
    "fluency/register": "register",
    "fluency/inconsistency": "inconsistency",
    "fluency/character encoding": "characters",
    "terminology": "terminology",
    "style": "style",
    "locale convention": "locale-specific-content",
    "non-translation!": "untranslated",
}


def _lqi_type(category: str) -> str:
    c = category.lower()
    if c in _LQI_TYPE:
        return _LQI_TYPE[c]
    top = c.split("/")[0]
    return _LQI_TYPE.get(top, "other")


def _converter(text: str, markup: Sequence[Mapping[str, Any]]) -> Any:
    """XLIFF 2 codes for placeholders of another format, of the same kind (``formats.codes``): a pair
    that opens before it closes as ``sc``/``ec`` (``startRef``), any other opening or closing code as an
    isolated one, a standalone code as ``ph``; ``disp`` shows the native code."""
    codes = C.analyse(markup)
    pairs = C.pairs_in(text, codes)
    closing = {c: o for o, c in pairs.items()}

    def convert(record: Mapping[str, Any], n: int) -> str | None:
        code = codes[n]
        disp = X.escape_attr(code.native)
        if n in pairs:
            return f'<sc id="m{n}" disp="{disp}"/>'
        if n in closing:
            return f'<ec startRef="m{closing[n]}" disp="{disp}"/>'
        if code.role == C.OPEN:
            return f'<sc id="m{n}" isolated="yes" disp="{disp}"/>'
        if code.role == C.CLOSE:
            return f'<ec id="m{n}" isolated="yes" disp="{disp}"/>'
        return f'<ph id="m{n}" disp="{disp}"/>'

    return convert


_DECLARED = {"its": ITS_NS}


def _inline2(text: str, meta: Mapping[str, Any], side: str) -> str:
    if not ph.has_placeholders(text):
        return ph.escape(text, cp2)
    inline = meta.get("inline") or {}
    markup = inline.get(side) or []
    if inline.get("format") != "xliff2":
        return ph.restore_markup(text, markup, _converter(text, markup), cp2)[0]
    isolated = _converter(text, markup)
    broken = C.broken(text, C.analyse(markup))

    def convert(record: Mapping[str, Any], n: int) -> str | None:
        if n in broken:  # a pair a correction broke: isolated codes, so the file stays valid
            return str(isolated(record, n))
        ns = {
            p: u
            for p, u in (record.get("ns") or {}).items()
            if not (p == "" and u in NS2) and _DECLARED.get(p) != u
        }
        x = str(record.get("x", ""))
        if ns and record.get("k") != "close":
            return X.declare(x, ns)
        return x

    return ph.restore_markup(text, markup, convert, cp2)[0]


def _needs_preserve(text: str) -> bool:
    return "\n" in text or "\t" in text or "  " in text or text != text.strip()


def write_xliff(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    count = 0
    dmeta = options.document_meta or {}
    ns, version = (NS22, "2.2") if dmeta.get("namespace") == NS22 else (NS20, "2.1")
    with atomic_output(out_path, options.inputs) as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w(
            f'<xliff xmlns="{ns}" xmlns:its="{ITS_NS}" version="{version}"'
            f' srcLang="{X.escape_attr(options.source_lang)}" trgLang="{X.escape_attr(options.target_lang)}"'
            ' its:version="2.0">\n'
        )
        current: tuple[str, Any] | None = None
        file_ids: set[str] = set()
        used_ids: set[str] = set()
        pending: list[ExportUnit] = []
        for u in units:
            umeta = u.meta or {}
            where = (u.document, umeta.get("file") if umeta.get("xliff") == "2" else None)
            if where != current:
                if pending:
                    _write_unit(w, pending, used_ids, options)
                    pending = []
                if current is not None:
                    w("</file>\n")
                current = where
                used_ids = set()
                fid = str(where[1] or f"f{len(file_ids) + 1}")
                while fid in file_ids or not re.fullmatch(r"[\w.\-:]+", fid):
                    fid = (
                        f"f{len(file_ids) + 1}_{fid}"
                        if re.fullmatch(r"[\w.\-:]+", fid)
                        else f"f{len(file_ids) + 1}"
                    )
                file_ids.add(fid)
                w(f'<file id="{X.escape_attr(fid)}" original="{X.escape_attr(u.document)}">\n')
            meta = u.meta or {}
            if pending and (
                meta.get("unit") is None
                or meta.get("unit") != (pending[0].meta or {}).get("unit")
                or not meta.get("unit_segments")
            ):
                _write_unit(w, pending, used_ids, options)
                pending = []
            pending.append(u)
            count += 1
            if count % 2000 == 0:
                progress.check()
                progress.report(count, 0, "")
        if pending:
            _write_unit(w, pending, used_ids, options)
        if current is not None:
            w("</file>\n")
        else:
            w('<file id="f1"><group id="empty"/></file>\n')
        w("</xliff>\n")
    return count


def _notes(meta: Mapping[str, Any]) -> list[str]:
    """``<note>``s of a unit: translator comments and notes plain; the context, locations and developer
    comments another format carried (PO ``msgctxt``/``#:``/``#.``, TMX props, XLIFF 1.2 context groups) with
    ``category`` ``x-context``/``x-location``/``x-developer-comment``, which the reader gives back to them."""
    out = []
    ctx = common.context(meta)
    if ctx is not None:
        out.append(f'    <note category="{common.CONTEXT_PROP}">{X.escape_text(ctx)}</note>\n')
    for category, texts in (
        (common.LOCATION_PROP, common.locations(meta)),
        (common.DEVELOPER_PROP, common.developer_notes(meta)),
    ):
        out += [f'    <note category="{category}">{X.escape_text(t)}</note>\n' for t in texts]
    return out + [f"    <note>{X.escape_text(t)}</note>\n" for t in common.translator_notes(meta)]


def _write_unit(w: Any, units: list[ExportUnit], used_ids: set[str], options: WriteOptions) -> None:
    first = units[0]
    meta = first.meta or {}
    uid = str(meta.get("unit") or first.key or first.ordinal)
    if not re.fullmatch(r"[\w.\-:]+", uid) or uid in used_ids:
        uid = f"u{first.ordinal}"
        while uid in used_ids:
            uid += "_"
    used_ids.add(uid)
    from_xliff2 = meta.get("xliff") == "2"
    attrs = dict(meta.get("unit_attrs") or {}) if from_xliff2 else {}
    attrs["id"] = uid
    key = common.exportable_key(first.key)  # a PO key (msgctxt U+0004 msgid): its context goes as a note
    if "name" not in attrs and key and key != uid:
        attrs["name"] = key
    w(f"<unit{X.attr_string(attrs)}>\n")
    lqi: list[tuple[ExportUnit, Any]] = (
        [(u, a) for u in units for a in u.annotations] if options.include_annotations else []
    )
    if lqi:
        # extension elements come first in a <unit> (before <notes>, <originalData>, segments)
        w(f'  <its:locQualityIssues xml:id="lqi-{X.escape_attr(uid)}">\n')
        for u, a in lqi:
            comment = a.comment or ""
            if a.start is not None and a.end is not None:
                base = u.source if str(a.side) == "source" else u.mt
                quoted = ph.strip_placeholders(base[a.start : a.end])
                comment = f"[{a.side} {a.start}-{a.end} «{quoted}»] {comment}".strip()
            if a.suggestion:
                comment += f" → {a.suggestion}"
            text = f"{a.category}: {comment}" if comment else a.category
            w(
                f'    <its:locQualityIssue locQualityIssueType="{_lqi_type(a.category)}"'
                f' locQualityIssueComment="{X.escape_attr(text)}"'
                f' locQualityIssueSeverity="{_LQI_SEVERITY.get(str(a.severity), "50")}"/>\n'
            )
        w("  </its:locQualityIssues>\n")
    extras = list(meta.get("unit_extra") or ()) if from_xliff2 else []
    notes = [] if any(x.startswith("<notes") for x in extras) else _notes(meta)
    notes_xml = ("  <notes>\n" + "".join(notes) + "  </notes>\n") if notes else ""
    for extra in extras:
        if notes_xml and extra.startswith("<originalData"):
            w(notes_xml)
            notes_xml = ""
        w(f"  {extra}\n")
    w(notes_xml)
    for i, u in enumerate(units):
        m = u.meta or {}
        for ign in m.get("ignorable_before") or () if from_xliff2 else ():
            w(f"  {ign}\n")
        seg_attrs = dict(m.get("segment") or {}) if from_xliff2 else {}
        status = Status(u.status)
        if not (from_xliff2 and u.untouched):  # an untouched XLIFF 2 segment keeps the state it came with
            seg_attrs["state"] = STATE_2[u.state]
            seg_attrs["subState"] = MTREVIEW_SUBSTATE + status.value
        w(f"  <segment{X.attr_string(seg_attrs)}>\n")
        sattrs = dict(m.get("source_attrs") or {}) if from_xliff2 else {}
        if _needs_preserve(u.source) or _needs_preserve(u.target):
            # line breaks and runs of spaces are text, not layout (source and target must agree)
            sattrs["xml:space"] = "preserve"
        w(f"    <source{X.attr_string(sattrs)}>{_inline2(u.source, m, 'source')}</source>\n")
        target = _inline2(u.target, m, "target")
        if lqi and u.annotations:
            ref = f"#lqi-{X.escape_attr(uid)}"
            target = f'<mrk id="lqi{i + 1}" type="its:any" its:locQualityIssuesRef="{ref}">{target}</mrk>'
        tattrs = dict(m.get("target_attrs") or {}) if from_xliff2 else {}
        if "xml:space" in sattrs:
            tattrs["xml:space"] = sattrs["xml:space"]
        if u.target or m.get("had_target") or not from_xliff2 or status is not Status.NEW:
            w(f"    <target{X.attr_string(tattrs)}>{target}</target>\n")
        w("  </segment>\n")
        for ign in m.get("ignorable_after") or () if from_xliff2 else ():
            w(f"  {ign}\n")
    w("</unit>\n")
