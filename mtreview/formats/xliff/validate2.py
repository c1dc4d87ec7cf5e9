"""XLIFF 2 core constraints a structural schema cannot express (ids, ``sc``/``ec`` order, data
references, languages, states…), checked on the elements the 2.x reader streams."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mtreview.domain.errors import InputError
from mtreview.formats import xmlsafe as X
from mtreview.formats.xliff.common import (
    _LANG,
    _NMTOKEN,
    _PREFIXED,
    _STATES2,
    _TYPES2,
    _XLF_SUBTYPES,
    _YESNO,
    FS_NS,
    NS2,
)
from mtreview.formats.xliff.modules2 import _check_modules, _parse_fragment
from mtreview.i18n import _

if TYPE_CHECKING:
    from mtreview.formats.xliff.reader2 import _Reader2


def _check_lang_attr(r: _Reader2, el: Any) -> None:
    v = el.get(X.XML_LANG)
    if v is not None and v != "" and not _LANG.match(v):
        raise r.err(_("xml:lang is not a language tag: {value!r}").format(value=v), el)
    sp = el.get(X.XML_SPACE)
    if sp is not None and sp not in ("default", "preserve"):
        raise r.err(_("invalid xml:space {value!r}").format(value=sp), el)


def _check_common_attrs(r: _Reader2, el: Any) -> None:
    for name in ("translate", "canResegment"):
        v = el.get(name)
        if v is not None and v not in _YESNO:
            raise r.err(_("invalid {name} value {value!r}").format(name=name, value=v), el)


def _check_notes_el(r: _Reader2, notes: Any) -> None:
    q = r.q
    items = notes.findall(q("note"))
    if not items:
        raise r.err(_("<notes> without <note>"), notes)
    seen: set[str] = set()
    for n in items:
        nid = n.get("id")
        if nid is not None:
            if nid in seen:
                raise r.err(_("duplicate note id {id!r}").format(id=nid), n)
            seen.add(nid)


def _check_notes(r: _Reader2, el: Any) -> None:
    for c in el:
        if isinstance(c.tag, str) and c.tag == r.q("notes"):
            _check_notes_el(r, c)


def _check_skeleton(r: _Reader2, file_el: Any) -> None:
    sk = file_el.find(r.q("skeleton"))
    if sk is None:
        return
    has_content = bool((sk.text or "").strip()) or len(sk) > 0
    if sk.get("href") is not None and has_content:
        raise r.err(_("<skeleton> with both href and content"), sk)
    if sk.get("href") is None and not has_content:
        raise r.err(_("empty <skeleton> without href"), sk)


def _check_file_head(r: _Reader2, file_el: Any) -> None:
    _check_notes(r, file_el)
    _check_skeleton(r, file_el)
    _check_ext_ids(r, file_el)
    head = [file_el] + [
        e
        for c in file_el
        if not (isinstance(c.tag, str) and X.local(c.tag) in ("unit", "group") and X.ns_of(c.tag) in NS2)
        for e in c.iter()
    ]
    _check_modules(r, head)


def _check_ext_ids(r: _Reader2, scope: Any) -> None:
    """Extension elements with an ``id`` must be unique among the siblings of their namespace."""
    seen: set[tuple[str, str]] = set()
    for c in scope:
        if not isinstance(c.tag, str):
            continue
        if X.ns_of(c.tag) not in NS2:
            ident = c.get("id") if c.get("id") is not None else c.get(f"{{{X.XML_NS}}}id")
            if ident is not None:
                k = (X.ns_of(c.tag), ident)
                if k in seen:
                    raise r.err(_("duplicate id {id!r} on extension elements").format(id=ident), c)
                seen.add(k)
            _check_ext_ids(r, c)


class _Validator2:
    """Constraints of XLIFF 2 core that a schema cannot express, checked on one ``<unit>``."""

    def __init__(
        self, reader: _Reader2, unit: Any, trg_lang: str | None, src_lang: str | None, file_id: str = ""
    ) -> None:
        self.file_id = file_id
        self.r = reader
        self.q = reader.q  # a bound method
        self.unit = unit
        self.trg_lang = trg_lang
        self.src_lang = src_lang

    def err(self, message: str, el: Any) -> InputError:
        return self.r.err(message, el)

    def run(self) -> None:
        q, unit = self.q, self.unit
        _check_common_attrs(self.r, unit)
        _check_notes(self.r, unit)
        _check_ext_ids(self.r, unit)
        _check_modules(self.r, unit.iter(), unit)
        inherited_lang = next((a.get(X.XML_LANG) for a in unit.iterancestors() if a.get(X.XML_LANG)), None)
        inherited_lang = unit.get(X.XML_LANG) or inherited_lang
        inherited_space = next((a.get(X.XML_SPACE) for a in unit.iterancestors() if a.get(X.XML_SPACE)), None)
        inherited_space = unit.get(X.XML_SPACE) or inherited_space or "default"
        notes_ids = {n.get("id") for n in unit.iter(q("note")) if n.get("id")}
        self.note_ids = notes_ids
        for el in unit.iter():
            if isinstance(el.tag, str) and X.ns_of(el.tag) in NS2:
                _check_lang_attr(self.r, el)
        seen_part = False
        for c in unit:
            if not isinstance(c.tag, str):
                continue
            if c.tag in (q("segment"), q("ignorable")):
                seen_part = True
            elif seen_part:
                raise self.err(_("<{tag}> must come before the segments").format(tag=X.local(c.tag)), c)
        for el in unit.iter():
            if isinstance(el.tag, str) and X.ns_of(el.tag) in NS2:
                self.check_element(el)
        parts = [c for c in unit if isinstance(c.tag, str) and c.tag in (q("segment"), q("ignorable"))]
        if not any(c.tag == q("segment") for c in parts):
            raise self.err(_("<unit> without <segment>"), unit)
        part_ids: set[str] = set()
        for part in parts:
            pid = part.get("id")
            if pid is not None:
                if pid in part_ids:
                    raise self.err(_("duplicate segment/ignorable id {id!r}").format(id=pid), part)
                part_ids.add(pid)
            sources = part.findall(q("source"))
            if len(sources) != 1:
                raise self.err(
                    _("<{tag}> must have exactly one <source>").format(tag=X.local(part.tag)), part
                )
            if len(part.findall(q("target"))) > 1:
                raise self.err(_("more than one <target>"), part)
            if part.tag == q("segment"):
                state, sub = part.get("state"), part.get("subState")
                if state is not None and state not in _STATES2:
                    raise self.err(_("invalid state {value!r}").format(value=state), part)
                if sub is not None and state is None:
                    raise self.err(_("subState without state"), part)
                if sub is not None and not _PREFIXED.match(sub):
                    raise self.err(_("invalid subState {value!r}").format(value=sub), part)
                _check_common_attrs(self.r, part)
            src = sources[0]
            lang = src.get(X.XML_LANG) or inherited_lang
            if lang is not None and self.src_lang and lang.lower() != self.src_lang.lower():
                raise self.err(
                    _("source xml:lang {lang} differs from srcLang {src}").format(
                        lang=lang, src=self.src_lang
                    ),
                    src,
                )
            tgt = part.find(q("target"))
            if tgt is not None:
                if not self.trg_lang:
                    raise self.err(_("<target> in a file without trgLang"), tgt)
                lang = tgt.get(X.XML_LANG) or (inherited_lang if tgt.get(X.XML_LANG) is None else None)
                if lang is not None and lang.lower() != self.trg_lang.lower():
                    raise self.err(
                        _("target xml:lang {lang} differs from trgLang {trg}").format(
                            lang=lang, trg=self.trg_lang
                        ),
                        tgt,
                    )
                if (src.get(X.XML_SPACE) or inherited_space) != (tgt.get(X.XML_SPACE) or inherited_space):
                    raise self.err(_("source and target differ in xml:space"), tgt)
        orders: dict[int, Any] = {}
        for i, part in enumerate(parts, start=1):
            tgt = part.find(q("target"))
            if tgt is None:
                continue
            order = tgt.get("order")
            if order is not None and (not order.isdigit() or not 1 <= int(order) <= len(parts)):
                raise self.err(_("invalid order {value!r}").format(value=order), tgt)
            n = int(order) if order is not None else i
            if n in orders:
                raise self.err(_("target order {n} used twice").format(n=n), tgt)
            orders[n] = tgt
        # originalData
        data_ids: set[str] = set()
        od = unit.find(q("originalData"))
        if od is not None:
            datas = od.findall(q("data"))
            if not datas:
                raise self.err(_("<originalData> without <data>"), od)
            for d in datas:
                did = d.get("id")
                if did in data_ids:
                    raise self.err(_("duplicate data id {id!r}").format(id=did), d)
                data_ids.add(did or "")
        for side in ("source", "target"):
            self.check_inline(parts, side, data_ids)
        self.check_codes_kept(parts)

    _NO_EXT = frozenset({"segment", "ignorable", "source", "target", "originalData", "data", "cp"})
    _MODULE_ATTRS_ONLY = frozenset({"ph", "pc", "sc", "ec"})
    _MODULE_ATTR_NS = frozenset({FS_NS, "urn:oasis:names:tc:xliff:sizerestriction:2.0"})
    _NO_EXT_CHILDREN = frozenset({"segment", "ignorable", "originalData", "data"})

    def check_element(self, el: Any) -> None:
        tag = X.local(el.tag)
        for k in el.attrib:
            ns = X.ns_of(k)
            if not ns or ns == X.XML_NS:
                continue
            if tag in self._NO_EXT or (tag in self._MODULE_ATTRS_ONLY and ns not in self._MODULE_ATTR_NS):
                raise self.err(
                    _("attribute {name} is not allowed on <{tag}>").format(name=k.split("}", 1)[1], tag=tag),
                    el,
                )
        if tag in self._NO_EXT_CHILDREN:
            for c in el:
                if isinstance(c.tag, str) and X.ns_of(c.tag) not in NS2:
                    raise self.err(
                        _("element <{name}> is not allowed in <{tag}>").format(name=X.local(c.tag), tag=tag),
                        c,
                    )
        d = el.get("dir")
        if d is not None and d not in ("ltr", "rtl", "auto"):
            raise self.err(_("invalid dir value {value!r}").format(value=d), el)
        if tag in ("source", "target") and d is not None:
            raise self.err(_("dir is not allowed on <{tag}>").format(tag=tag), el)
        if tag == "segment" and el.get("translate") is not None:
            raise self.err(_("translate is not allowed on <segment>"), el)
        eid = el.get("id")
        if eid is not None and not _NMTOKEN.match(eid):
            raise self.err(_("invalid id {id!r}").format(id=eid), el)

    def codes(self, container: Any) -> list[Any]:
        return [
            e
            for e in container.iter()
            if e is not container
            and isinstance(e.tag, str)
            and X.ns_of(e.tag) in NS2
            and X.local(e.tag) in ("ph", "pc", "sc", "ec")
        ]

    def check_codes_kept(self, parts: list[Any]) -> None:
        """Codes that cannot be deleted must be in the target; canReorder sequences keep their order."""
        q = self.q
        targets = [p.find(q("target")) for p in parts]
        target_ids: list[str] = []
        for t in targets:
            if t is not None:
                target_ids += [c.get("id") or c.get("startRef") or "" for c in self.codes(t)]
        sequences: list[list[str]] = []
        for part, tgt in zip(parts, targets, strict=True):
            src_codes = self.codes(part.find(q("source")))
            for c in src_codes:
                cid = c.get("id") or c.get("startRef") or ""
                if tgt is not None and c.get("canDelete") == "no" and cid not in target_ids:
                    raise self.err(
                        _("code {id!r} cannot be deleted but is missing from the target").format(id=cid), tgt
                    )
            prev = None
            for c in src_codes:
                cr = c.get("canReorder")
                cid = c.get("id") or c.get("startRef") or ""
                if X.local(c.tag) == "ec":
                    prev = cr
                    continue
                if cr == "firstNo":
                    sequences.append([cid])
                elif cr == "no":
                    if prev not in ("firstNo", "no") or not sequences:
                        raise self.err(
                            _("canReorder=no code {id!r} not preceded by a firstNo code").format(id=cid), c
                        )
                    sequences[-1].append(cid)
                prev = cr
        if all(t is None for t in targets):
            return

        def nesting(containers: list[Any]) -> dict[str, tuple[str, ...]]:
            out: dict[str, tuple[str, ...]] = {}
            for cont in containers:
                if cont is None:
                    continue
                for c in self.codes(cont):
                    anc = tuple(a.get("id") or "" for a in c.iterancestors() if a.tag == q("pc"))
                    out[c.get("id") or c.get("startRef") or ""] = anc
            return out

        src_nest = nesting([p.find(q("source")) for p in parts])
        tgt_nest = nesting(targets)
        for seq in sequences:
            for cid in seq:
                if cid in tgt_nest and src_nest.get(cid) != tgt_nest[cid]:
                    raise self.err(
                        _("code {id!r} cannot be reordered but moved in the target").format(id=cid), self.unit
                    )
            if len(seq) < 2 or not all(i in target_ids for i in seq):
                continue
            start = target_ids.index(seq[0])
            if target_ids[start : start + len(seq)] != seq:
                raise self.err(_("codes that cannot be reordered were reordered"), self.unit)

    def check_inline(self, parts: list[Any], side: str, data_ids: set[str]) -> None:
        q = self.q
        ids: dict[str, Any] = {}
        open_sc: dict[str, Any] = {}
        open_sm: set[str] = set()
        closed: set[str] = set()
        for part in parts:
            container = part.find(q(side))
            if container is None:
                continue
            for el in container.iter():
                if el is container or not isinstance(el.tag, str) or X.ns_of(el.tag) not in NS2:
                    continue
                tag = X.local(el.tag)
                eid = el.get("id")
                if tag in ("ph", "pc", "sc", "ec", "mrk", "sm", "em", "cp") and eid is not None:
                    if eid in ids or eid in {p.get("id") for p in parts if p.get("id")}:
                        raise self.err(_("duplicate inline id {id!r}").format(id=eid), el)
                    ids[eid] = el
                if tag in ("ph", "pc", "sc", "ec"):
                    self.check_code(el, tag, data_ids)
                    copy_of = el.get("copyOf")
                    if copy_of is not None:
                        if any(el.get(a) is not None for a in ("dataRef", "dataRefStart", "dataRefEnd")):
                            raise self.err(_("copyOf together with original data"), el)
                        base = ids.get(copy_of)
                        if base is None:
                            base = next(
                                (
                                    e
                                    for e in container.iter()
                                    if isinstance(e.tag, str) and e.get("id") == copy_of and e is not el
                                ),
                                None,
                            )
                        if base is None:
                            raise self.err(_("copyOf={ref!r} refers to no code").format(ref=copy_of), el)
                        if base.get("canCopy") == "no":
                            raise self.err(_("copyOf refers to a code that cannot be copied"), el)
                    for attr in ("subFlows", "subFlowsStart", "subFlowsEnd"):
                        v = el.get(attr)
                        if v is not None:
                            if not all(_NMTOKEN.match(x) for x in v.split()) or not v.split():
                                raise self.err(_("invalid {attr} value").format(attr=attr), el)
                            self.r.subflows.append((v, el))
                if tag == "sc":
                    if not eid:
                        raise self.err(_("<sc> without id"), el)
                    if el.get("isolated") not in (None, "yes", "no"):
                        raise self.err(_("invalid isolated value"), el)
                    if el.get("isolated") != "yes":
                        open_sc[eid] = el
                elif tag == "ec":
                    iso = el.get("isolated")
                    ref = el.get("startRef")
                    if iso not in (None, "yes", "no"):
                        raise self.err(_("invalid isolated value"), el)
                    if iso == "yes":
                        if ref is not None:
                            raise self.err(_("isolated <ec> with startRef"), el)
                        if not eid:
                            raise self.err(_("isolated <ec> without id"), el)
                    else:
                        if ref is None:
                            raise self.err(_("<ec> without startRef (and not isolated)"), el)
                        if eid is not None and ref is not None and iso is None:
                            raise self.err(_("non-isolated <ec> with an id"), el)
                        if ref not in open_sc:
                            raise self.err(_("<ec startRef={ref!r}> before its <sc>").format(ref=ref), el)
                        sc = open_sc.pop(ref)
                        closed.add(ref)
                        for attr in ("canCopy", "canDelete", "canOverlap", "canReorder"):
                            if (sc.get(attr) or "yes") != (el.get(attr) or "yes") and attr != "canReorder":
                                raise self.err(
                                    _("{attr} differs between <sc> and <ec>").format(attr=attr), el
                                )
                        if (sc.get("canReorder") or "yes") != (el.get("canReorder") or "yes"):
                            raise self.err(_("canReorder differs between <sc> and <ec>"), el)
                        for attr in ("type", "subType", "dir", "copyOf"):
                            if (
                                el.get(attr) is not None
                                and sc.get(attr) is not None
                                and el.get(attr) != sc.get(attr)
                            ):
                                raise self.err(
                                    _("{attr} differs between <sc> and <ec>").format(attr=attr), el
                                )
                elif tag == "sm":
                    if not eid:
                        raise self.err(_("<sm> without id"), el)
                    open_sm.add(eid)
                    self.check_mrk(el)
                elif tag == "em":
                    ref = el.get("startRef")
                    if ref not in open_sm:
                        raise self.err(
                            _("<em startRef={ref!r}> without a preceding <sm>").format(ref=ref), el
                        )
                    open_sm.discard(ref)
                elif tag == "mrk":
                    if not eid:
                        raise self.err(_("<mrk> without id"), el)
                    self.check_mrk(el)
                elif tag == "cp":
                    self.check_cp(el)
        if open_sc:
            eid, el = next(iter(open_sc.items()))
            raise self.err(_("<sc id={id!r}> without its <ec> (mark it isolated)").format(id=eid), el)
        if open_sm:
            raise self.err(_("<sm> without its <em>"), self.unit)

    def check_code(self, el: Any, tag: str, data_ids: set[str]) -> None:
        for attr in ("dataRef", "dataRefStart", "dataRefEnd"):
            v = el.get(attr)
            if v is not None and v not in data_ids:
                raise self.err(_("{attr}={value!r} refers to no <data>").format(attr=attr, value=v), el)
        for attr in ("canCopy", "canDelete", "canOverlap"):
            v = el.get(attr)
            if v is not None and v not in _YESNO:
                raise self.err(_("invalid {attr} value {value!r}").format(attr=attr, value=v), el)
        t, st = el.get("type"), el.get("subType")
        if t is not None and t not in _TYPES2:
            raise self.err(_("invalid type {value!r}").format(value=t), el)
        if st is not None:
            if t is None:
                raise self.err(_("subType without type"), el)
            if not _PREFIXED.match(st):
                raise self.err(_("invalid subType {value!r}").format(value=st), el)
            if st.startswith("xlf:") and _XLF_SUBTYPES.get(st) != t:
                raise self.err(_("subType {st} does not go with type {t}").format(st=st, t=t), el)
        cr = el.get("canReorder")
        if cr is not None and cr not in ("yes", "no", "firstNo"):
            raise self.err(_("invalid canReorder value {value!r}").format(value=cr), el)
        if cr in ("no", "firstNo") and el.get("canCopy") != "no" and tag != "ec":
            raise self.err(_("canReorder={value} requires canCopy=no").format(value=cr), el)
        if cr in ("no", "firstNo") and el.get("canDelete") != "no" and tag != "ec":
            raise self.err(_("canReorder={value} requires canDelete=no").format(value=cr), el)

    def check_mrk(self, el: Any) -> None:
        t = el.get("type")
        if t is not None and t not in ("generic", "comment", "term") and not _PREFIXED.match(t):
            raise self.err(_("invalid marker type {value!r}").format(value=t), el)
        if t == "comment":
            if el.get("value") is not None and el.get("ref") is not None:
                raise self.err(_("comment marker with both value and ref"), el)
            if el.get("value") is None and el.get("ref") is None:
                raise self.err(_("comment marker without value or ref"), el)
            ref = el.get("ref")
            if ref is not None:
                parts = _parse_fragment(ref) if ref.startswith("#") else None
                ok = False
                if parts and parts[-1][0] == "n" and parts[-1][1] in self.note_ids:
                    path = parts[:-1]
                    ok = path in ([], [("f", self.file_id), ("u", self.unit.get("id"))])
                if not ok:
                    raise self.err(
                        _("comment marker ref {ref!r} is not a note of the unit").format(ref=ref), el
                    )
        tr = el.get("translate")
        if tr is not None and tr not in _YESNO:
            raise self.err(_("invalid translate value {value!r}").format(value=tr), el)

    def check_cp(self, el: Any) -> None:
        h = el.get("hex") or ""
        if not re.fullmatch(r"[0-9A-Fa-f]{1,6}", h):
            raise self.err(_("invalid hex value {value!r}").format(value=h), el)
        v = int(h, 16)
        if v > 0x10FFFF:
            raise self.err(_("code point out of range {value!r}").format(value=h), el)
        if v in (0x9, 0xA, 0xD) or 0x20 <= v <= 0xD7FF or 0xE000 <= v <= 0xFFFD or v >= 0x10000:
            raise self.err(_("<cp> used for a character XML can carry ({value})").format(value=h), el)
