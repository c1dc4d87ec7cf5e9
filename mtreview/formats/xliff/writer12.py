"""A fresh XLIFF 1.2 file (``--format xliff12``) for units that did not come from an XLIFF file we can merge
into (``formats.xliff.merge`` does that): valid against the 1.2 *strict* schema, read by Translate Toolkit
(``xliff2po``), Okapi and OmegaT.

One ``<file>`` per document. Per unit: ``<source>``, ``<target state>`` (``formats.xliff.states``) with
the exact mtreview status as its ``phase-name`` (``mtreview-<status>``, phases declared in the header),
``approved="yes"`` where the unit is translated (Translate Toolkit's "not fuzzy"); PO data as context
groups (``purpose="location"`` with ``sourcefile``/``linenumber`` — the document and line a unit without
PO locations came from, which is how xliff2po tells units with the same source apart — and
``x-po-msgctxt``), notes from ``translator`` and ``developer``; annotations as
``<note from="mtreview">``. Inline codes of other formats become XLIFF 1.2 codes of the same kind:
paired ``bpt``/``ept`` (``rid``), isolated ``it``, standalone ``ph``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from mtreview import __version__
from mtreview.domain.model import Status
from mtreview.domain.progress import NO_PROGRESS, Progress
from mtreview.formats import codes as C
from mtreview.formats import common
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X
from mtreview.formats.base import DEFAULT_OPTIONS, ExportUnit, WriteOptions, atomic_output
from mtreview.formats.xliff.common import NS12
from mtreview.formats.xliff.states import APPROVED_12, PHASE_PREFIX, QUALIFIER_12, STATE_12

CP_CTYPE = "x-mtreview-cp"


def _header() -> str:
    phases = "".join(
        f'        <phase phase-name="{PHASE_PREFIX}{s.value}" process-name="review" tool-id="mtreview"/>\n'
        for s in Status
    )
    return (
        "    <header>\n      <phase-group>\n"
        + phases
        + "      </phase-group>\n"
        + '      <tool tool-id="mtreview" tool-name="mtreview"'
        + f' tool-version="{X.escape_attr(__version__)}"/>\n'
        + "    </header>\n"
    )


def control12() -> Any:
    """A C0 control as ``<ph ctype="x-mtreview-cp">`` (ids numbered per text)."""
    counter = [0]

    def control(ch: str) -> str:
        counter[0] += 1
        return f'<ph id="cp{counter[0]}" ctype="{CP_CTYPE}">{ph.hex_of(ch)}</ph>'

    return control


def inline12(text: str, inline: Mapping[str, Any] | None, side: str) -> str:
    """XLIFF 1.2 content: our own codes as they came, other formats' codes as 1.2 codes of the same kind,
    C0 controls as ``<ph ctype="x-mtreview-cp">``."""
    if not ph.has_placeholders(text):
        return ph.escape(text, control12())
    markup = (inline or {}).get(side) or []
    same = (inline or {}).get("format") == "xliff1"
    return ph.restore_markup(text, markup, converter12(text, markup, same), control12())[0]


def converter12(text: str, markup: Any, same: bool) -> Any:
    """XLIFF 1.2 codes of the same kind for another format's codes (paired ``bpt``/``ept`` with ``rid``,
    isolated ``it``, standalone ``ph``); 1.2's own codes as they came, except a pair a correction broke
    (isolated ``it``: a lone ``<g>`` half would not be well-formed)."""
    codes = C.analyse(markup)
    pairs = C.pairs_in(text, codes)
    closing = {c: o for o, c in pairs.items()}
    broken = C.broken(text, codes)

    def convert(record: Mapping[str, Any], n: int) -> str | None:
        code = codes[n]
        if same and n not in broken:
            return None
        native = X.escape_text(code.native)
        if n in pairs:
            return f'<bpt id="{n + 1}" rid="{n + 1}">{native}</bpt>'
        if n in closing:
            return f'<ept id="{n + 1}" rid="{closing[n] + 1}">{native}</ept>'
        if code.role in (C.OPEN, C.CLOSE):
            pos = "open" if code.role == C.OPEN else "close"
            return f'<it id="{n + 1}" pos="{pos}">{native}</it>'
        return f'<ph id="{n + 1}">{native}</ph>'

    return convert


def _context(u: ExportUnit, meta: Mapping[str, Any]) -> str:
    """Locations (the unit's own, else the document and line it came from: Translate Toolkit tells
    units with the same source apart by them) and the PO context, as po2xliff writes them."""
    parts = []
    places = common.locations(meta) or ([f"{u.document}:{u.source_lines[0]}"] if u.source_lines else [])
    # group names are unique in a <file> (strict schema); Translate Toolkit reads locations by purpose
    for k, loc in enumerate(places, start=1):
        file, line = common.parse_location(loc)
        parts.append(
            f'        <context-group name="location-{u.ordinal}-{k}" purpose="location">\n'
            f'          <context context-type="sourcefile">{X.escape_text(file)}</context>\n'
            + (
                f'          <context context-type="linenumber">{X.escape_text(line)}</context>\n'
                if line
                else ""
            )
            + "        </context-group>\n"
        )
    ctx = common.context(meta)
    if ctx is not None:
        parts.append(
            f'        <context-group name="context-{u.ordinal}" purpose="information">\n'
            f'          <context context-type="x-po-msgctxt">{X.escape_text(ctx)}</context>\n'
            "        </context-group>\n"
        )
    return "".join(parts)


def annotation_note(a: Any, unit: ExportUnit) -> str:
    where = str(a.side)
    if a.start is not None and a.end is not None:
        base = unit.source if where == "source" else unit.mt
        where += f" {a.start}-{a.end} «{ph.strip_placeholders(base[a.start : a.end])}»"
    text = f"{a.severity} {a.category} [{where}]"
    if a.comment:
        text += f" — {a.comment}"
    if a.suggestion:
        text += f" → {a.suggestion}"
    side = "source" if str(a.side) == "source" else "target"
    return f'        <note from="mtreview" annotates="{side}">{X.escape_text(text)}</note>\n'


def _unit(u: ExportUnit, options: WriteOptions) -> str:
    meta = u.meta or {}
    inline = meta.get("inline")
    state = u.state
    attrs: dict[str, str] = {"id": str(u.ordinal)}
    key = common.exportable_key(u.key)
    if key:
        attrs["resname"] = key
    attrs["approved"] = "yes" if state in APPROVED_12 else "no"
    attrs["xml:space"] = "preserve"
    tattrs = {"state": STATE_12[state]}
    if state in QUALIFIER_12:
        tattrs["state-qualifier"] = QUALIFIER_12[state]
    tattrs["phase-name"] = PHASE_PREFIX + str(u.status)
    parts = [
        f"      <trans-unit{X.attr_string(attrs)}>\n",
        f"        <source>{inline12(u.source, inline, 'source')}</source>\n",
        f"        <target{X.attr_string(tattrs)}>{inline12(u.target, inline, 'target')}</target>\n",
        _context(u, meta),
    ]
    for note in common.translator_notes(meta):
        parts.append(f'        <note from="translator">{X.escape_text(note)}</note>\n')
    for note in common.developer_notes(meta):
        parts.append(f'        <note from="developer">{X.escape_text(note)}</note>\n')
    if options.include_annotations:
        parts += [annotation_note(a, u) for a in u.annotations]
    parts.append("      </trans-unit>\n")
    return "".join(parts)


def write_xliff12(
    out_path: str | os.PathLike[str],
    units: Iterable[ExportUnit],
    options: WriteOptions = DEFAULT_OPTIONS,
    progress: Progress = NO_PROGRESS,
) -> int:
    count = 0
    with atomic_output(out_path, options.inputs) as f:
        w = f.write
        w(f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NS12}">\n')
        current: str | None = None
        for u in units:
            if u.document != current:
                if current is not None:
                    w("    </body>\n  </file>\n")
                current = u.document
                fattrs = {
                    "original": u.document,
                    "source-language": u.source_lang or options.source_lang,
                    "target-language": u.target_lang or options.target_lang,
                    "datatype": "plaintext",
                    "tool-id": "mtreview",
                }
                w(f"  <file{X.attr_string(fattrs)}>\n{_header()}    <body>\n")
            w(_unit(u, options))
            count += 1
            if count % 2000 == 0:
                progress.check()
                progress.report(count, 0, "")
        if current is None:
            fattrs = {"original": "empty", "source-language": options.source_lang, "datatype": "plaintext"}
            w(f"  <file{X.attr_string(fattrs)}>\n{_header()}    <body/>\n  </file>\n")
        else:
            w("    </body>\n  </file>\n")
        w("</xliff>\n")
    return count
