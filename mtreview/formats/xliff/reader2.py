"""The XLIFF 2.x reader (2.0, 2.1, 2.2): one segment per ``<segment>``, streaming one ``<unit>`` at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft
from mtreview.domain.progress import Progress
from mtreview.formats import common
from mtreview.formats import xmlsafe as X
from mtreview.formats.state import stamp
from mtreview.formats.xliff.common import (
    _LANG,
    _NMTOKEN,
    ITS_NS,
    MDA_NS,
    NS2,
    NS22,
    WRAP2,
    _text_of,
)
from mtreview.formats.xliff.modules2 import _check_modules
from mtreview.formats.xliff.states import arrival2
from mtreview.formats.xliff.validate2 import (
    _check_common_attrs,
    _check_ext_ids,
    _check_file_head,
    _check_lang_attr,
    _check_notes,
    _check_notes_el,
    _Validator2,
)
from mtreview.i18n import _


class _Reader2:
    def __init__(self, path: Path, ns: str) -> None:
        self.path = path
        self.ns = ns
        self.src_lang: str | None = None
        self.trg_lang: str | None = None
        self.slr_ids: set[str] = set()
        self.prefix = f"{{{ns}}}"
        self.position = 0
        """The next ``<segment>``'s position in the file (``meta["at"]``: where the export merges it back)."""

    def q(self, name: str) -> str:
        return self.prefix + name

    def err(self, message: str, el: Any) -> InputError:
        return InputError(
            _("invalid XLIFF: {error}").format(error=message), str(self.path), getattr(el, "sourceline", None)
        )

    def read(self, progress: Progress, segments: Any = None) -> ImportedDocument:
        with X.iterparse(self.path, events=("start", "end")) as context:
            return self.parse(context, progress, [] if segments is None else segments)

    def parse(self, context: Any, progress: Progress, segments: Any) -> ImportedDocument:
        root = None
        src_lang = trg_lang = None
        file_ids: set[str] = set()
        file_count = 0
        ids_in_file: set[str] = set()
        units_in_file = 0
        file_id = ""
        file_checked = False
        checked_groups: set[str | None] = set()
        started: set[Any] = set()
        self.subflows: list[tuple[str, Any]] = []
        group_stack: list[str] = []
        for event, el in X.iter_errors(context, self.path):
            if not isinstance(el.tag, str):
                continue
            tag = X.local(el.tag)
            in_ns = X.ns_of(el.tag) == self.ns
            if event == "start":
                parent = el.getparent()
                if parent is not None:
                    ptag = X.local(parent.tag) if X.ns_of(parent.tag) == self.ns else ""
                    top_ok = (in_ns and tag == "file") or (
                        self.ns == NS22 and ((in_ns and tag == "notes") or X.ns_of(el.tag) == MDA_NS)
                    )
                    if ptag == "xliff" and not top_ok:
                        raise self.err(_("<{tag}> is not allowed outside <file>").format(tag=tag), el)
                    if ptag in ("file", "group"):
                        if in_ns and tag in ("unit", "group"):
                            started.add(parent)
                        elif parent in started:
                            raise self.err(
                                _("<{tag}> must come before the units and groups").format(tag=tag), el
                            )
                    if in_ns and tag in ("file", "group", "unit") and not _NMTOKEN.match(el.get("id") or "x"):
                        raise self.err(_("invalid id {id!r}").format(id=el.get("id")), el)
                if root is None:
                    root = el
                    src_lang = el.get("srcLang")
                    trg_lang = el.get("trgLang")
                    self.src_lang, self.trg_lang = src_lang, trg_lang
                    if not el.get("version", "").startswith("2"):
                        raise self.err(_("version must be 2.x"), el)
                    if not src_lang:
                        raise self.err(_("<xliff> without srcLang"), el)
                    for name, v in (("srcLang", src_lang), ("trgLang", trg_lang)):
                        if v is not None and not _LANG.match(v):
                            raise self.err(
                                _("{name} is not a language tag: {value!r}").format(name=name, value=v), el
                            )
                    _check_lang_attr(self, el)
                elif in_ns and tag == "file":
                    file_count += 1
                    file_id = el.get("id") or ""
                    if not file_id:
                        raise self.err(_("<file> without id"), el)
                    if file_id in file_ids:
                        raise self.err(_("duplicate file id {id!r}").format(id=file_id), el)
                    file_ids.add(file_id)
                    ids_in_file = set()
                    units_in_file = 0
                    file_checked = False
                    self.subflows = []
                    _check_lang_attr(self, el)
                elif in_ns and tag in ("group", "unit"):
                    parent = el.getparent()
                    if parent is not None and X.local(parent.tag) == "file" and not file_checked:
                        _check_file_head(self, parent)
                        file_checked = True
                    elif (
                        parent is not None
                        and X.local(parent.tag) == "group"
                        and parent.get("id") not in checked_groups
                    ):
                        checked_groups.add(parent.get("id"))
                        _check_ext_ids(self, parent)
                        head = [
                            e
                            for c in parent
                            if c is not el and X.local(c.tag) not in ("unit", "group")
                            for e in c.iter()
                        ]
                        _check_modules(self, head)
                if in_ns and tag == "group":
                    _check_modules(self, [el])
                    gid = el.get("id")
                    if not gid:
                        raise self.err(_("<group> without id"), el)
                    if gid in ids_in_file:
                        raise self.err(_("duplicate group id {id!r}").format(id=gid), el)
                    ids_in_file.add(gid)
                    group_stack.append(gid)
                    _check_lang_attr(self, el)
                    _check_common_attrs(self, el)
                continue
            # end events
            if not in_ns:
                continue
            if tag == "unit":
                uid = el.get("id")
                if not uid:
                    raise self.err(_("<unit> without id"), el)
                if uid in ids_in_file:
                    raise self.err(_("duplicate unit id {id!r}").format(id=uid), el)
                ids_in_file.add(uid)
                units_in_file += 1
                _check_lang_attr(self, el)
                _Validator2(self, el, trg_lang, src_lang, file_id).run()
                segments.extend(self.unit(el, file_id, list(group_stack)))
                X.release(el)
                if len(segments) % 2000 < 1:
                    progress.check()
                    progress.report(len(segments), 0, "")
            elif tag == "group":
                group_stack.pop()
                started.discard(el)
                _check_notes(self, el)
            elif tag == "file":
                if units_in_file == 0 and not any(
                    X.local(c.tag) in ("unit", "group") for c in el if isinstance(c.tag, str)
                ):
                    raise self.err(_("<file> without any <unit> or <group>"), el)
                started.discard(el)
                if not file_checked:
                    _check_file_head(self, el)
                for refs, where in self.subflows:
                    for ref in refs.split():
                        if ref not in ids_in_file:
                            raise self.err(_("subFlows refers to unknown unit {id!r}").format(id=ref), where)
            elif tag == "notes":
                _check_notes_el(self, el)
        if file_count == 0:
            raise self.err(_("<xliff> without <file>"), root)
        return ImportedDocument(
            name=self.path.stem,
            segments=segments,
            source_lang=src_lang or "en",
            target_lang=trg_lang or "ja",
            path=str(self.path),
            format="xliff",
            meta={"xliff_version": root.get("version") if root is not None else "", "namespace": self.ns},
            original=self.path.read_bytes(),
        )

    def unit(self, unit: Any, file_id: str, groups: list[str]) -> list[SegmentDraft]:
        q = self.q
        uid = unit.get("id") or ""
        lqi = _take_lqi(unit, self.ns)
        parts = [
            c
            for c in unit
            if isinstance(c.tag, str)
            and X.local(c.tag) in ("segment", "ignorable")
            and X.ns_of(c.tag) == self.ns
        ]
        segs = [c for c in parts if X.local(c.tag) == "segment"]
        unit_extra = [
            X.serialize_standalone(c, self.path, NS2)
            for c in unit
            if not (
                isinstance(c.tag, str)
                and X.local(c.tag) in ("segment", "ignorable")
                and X.ns_of(c.tag) == self.ns
            )
        ]
        notes: list[str] = []
        carried: dict[str, Any] = {}
        for n in unit.iter(q("note")):
            category = n.get("category")
            if category == common.CONTEXT_PROP:  # what our writer carries from PO/TMX (formats.common)
                carried.setdefault("xliff_context", n.text or "")
            elif category == common.LOCATION_PROP:
                carried.setdefault("xliff_locations", []).append(n.text or "")
            elif category == common.DEVELOPER_PROP:
                carried.setdefault("developer_notes", []).append(n.text or "")
            elif category != "mtreview":  # our own annotation notes are annotations, not the file's notes
                notes.append(n.text or "")
        out: list[SegmentDraft] = []
        pending: list[str] = []
        markup_shared_src: list[dict[str, Any]] = []
        for part in parts:
            if X.local(part.tag) == "ignorable":
                pending.append(X.serialize_standalone(part, self.path, NS2))
                continue
            src_el = part.find(q("source"))
            tgt_el = part.find(q("target"))
            source, smarkup = _text_of(src_el, WRAP2, self.path)
            target, tmarkup = ("", []) if tgt_el is None else _text_of(tgt_el, WRAP2, self.path)
            meta: dict[str, Any] = {"xliff": "2", "file": file_id, "unit": uid, "at": self.position}
            self.position += 1
            if groups:
                meta["groups"] = groups
            seg_attrs = X.qattrs(part)
            if seg_attrs:
                meta["segment"] = seg_attrs
            space = next((a.get(X.XML_SPACE) for a in part.iterancestors() if a.get(X.XML_SPACE)), None)
            for label, e in (("source_attrs", src_el), ("target_attrs", tgt_el)):
                if e is not None:
                    a = X.qattrs(e)
                    if space and "xml:space" not in a:
                        a["xml:space"] = (
                            space  # inherited from the unit/group/file, which is not written back
                        )
                    if a:
                        meta[label] = a
            if len(segs) > 1:
                meta["unit_segments"] = len(segs)
            if tgt_el is not None:
                meta["had_target"] = True
            if pending:
                meta["ignorable_before"] = pending
                pending = []
            if not out:
                unit_attrs = X.qattrs(unit)
                if unit_attrs:
                    meta["unit_attrs"] = unit_attrs
                if unit_extra:
                    meta["unit_extra"] = unit_extra
                if notes:
                    meta["notes"] = notes
                meta.update(carried)
            if smarkup or tmarkup:
                meta["inline"] = {"format": "xliff2", "source": smarkup, "target": tmarkup}
            if lqi and not out:
                meta["its_lqi"] = lqi
            status, translated = arrival2(part, target)
            key = uid if len(segs) == 1 else f"{uid}:{part.get('id') or len(out) + 1}"
            draft = SegmentDraft(
                source=source,
                target=target,
                source_lines=(src_el.sourceline,),
                target_lines=(tgt_el.sourceline,) if tgt_el is not None else (),
                key=key,
                meta=meta,
                status=status,
            )
            out.append(stamp(draft, translated))
        if pending and out:
            last = out[-1]
            m = dict(last.meta)
            m["ignorable_after"] = pending
            out[-1] = SegmentDraft(
                last.source,
                last.target,
                last.source_lines,
                last.target_lines,
                last.confidence,
                last.corrected,
                last.key,
                m,
                last.status,
            )
        del markup_shared_src
        return out


def _unwrap(el: Any) -> None:
    """Replace an element by its content (text, children, tail kept in place)."""
    parent = el.getparent()
    idx = parent.index(el)
    prev = parent[idx - 1] if idx > 0 else None

    def append_text(t: str) -> None:
        if not t:
            return
        if prev is None:
            parent.text = (parent.text or "") + t
        else:
            prev.tail = (prev.tail or "") + t

    append_text(el.text or "")
    children = list(el)
    tail = el.tail or ""
    for i, child in enumerate(children):
        parent.insert(idx + i, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
        parent.remove(el)
    else:
        parent.remove(el)
        append_text(tail)


def _take_lqi(unit: Any, ns: str) -> list[dict[str, Any]]:
    """ITS Localization Quality Issues of a unit (standoff ``its:locQualityIssues`` and ``<mrk>``s that
    only carry LQI data), taken out of the unit: they are annotations, not markup or extensions."""
    found: list[dict[str, Any]] = []
    its = "{" + ITS_NS + "}"
    for standoff in [c for c in unit if isinstance(c.tag, str) and c.tag == its + "locQualityIssues"]:
        for issue in standoff:
            if isinstance(issue.tag, str) and issue.tag == its + "locQualityIssue":
                found.append({k.split("}", 1)[-1]: v for k, v in issue.attrib.items()})
        unit.remove(standoff)
    for mrk in [
        m for m in unit.iter(f"{{{ns}}}mrk") if any(k.startswith(its + "locQualityIssue") for k in m.attrib)
    ]:
        if mrk.get("type") not in (None, "its:any", "generic"):
            continue
        info = {k.split("}", 1)[-1]: v for k, v in mrk.attrib.items() if k.startswith(its)}
        info["text"] = "".join(mrk.itertext())
        found.append(info)
        _unwrap(mrk)
    return found
