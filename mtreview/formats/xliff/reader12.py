"""The XLIFF 1.2 reader (and 1.0/1.1): one segment per ``<trans-unit>``.

Each segment keeps ``meta["at"]``, the position of its ``<trans-unit>`` in the file (the export merges
the review back into the stored original there), and its arrival state (``formats.xliff.states``). A
gettext header unit (``restype="x-gettext-domain-header"``, Translate Toolkit's po2xliff) is not a
segment: it stays in the original untouched. Notes ``from="developer"`` and the PO data Translate Toolkit
writes as context groups (``po-reference`` locations, ``x-po-msgctxt``) are kept for other formats.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft
from mtreview.domain.progress import Progress
from mtreview.formats import xmlsafe as X
from mtreview.formats.state import stamp
from mtreview.formats.xliff.common import WRAP1, _text_of
from mtreview.formats.xliff.states import GETTEXT_HEADER, arrival12, po_context
from mtreview.i18n import _


class _Reader1:
    def __init__(self, path: Path, ns: str) -> None:
        self.path = path
        self.ns = ns
        self.src_lang: str | None = None
        self.trg_lang: str | None = None
        self.slr_ids: set[str] = set()
        self.prefix = f"{{{ns}}}" if ns else ""

    def q(self, name: str) -> str:
        return self.prefix + name

    def read(self, progress: Progress, segments: Any = None) -> ImportedDocument:
        with X.iterparse(self.path, events=("start", "end")) as context:
            return self.parse(context, progress, [] if segments is None else segments)

    def parse(self, context: Any, progress: Progress, segments: Any) -> ImportedDocument:
        q = self.q
        self.position = 0
        src_lang = trg_lang = None
        files = 0
        file_attrs: dict[str, str] = {}
        ids: set[tuple[str, str]] = set()
        for event, el in X.iter_errors(context, self.path):
            if not isinstance(el.tag, str):
                continue
            tag = el.tag
            if event == "start":
                if tag == q("file"):
                    files += 1
                    file_attrs = X.attrs(el)
                    src_lang = src_lang or el.get("source-language")
                    trg_lang = trg_lang or el.get("target-language")
                continue
            if tag != q("trans-unit"):
                continue
            seg = self.unit(el, file_attrs, ids)
            self.position += 1
            if seg is not None:
                segments.append(seg)
            X.release(el)
            if len(segments) % 2000 == 0:
                progress.check()
        if files == 0:
            raise InputError(_("invalid XLIFF: no <file> element"), str(self.path))
        return ImportedDocument(
            name=self.path.stem,
            segments=segments,
            source_lang=src_lang or "en",
            target_lang=trg_lang or "ja",
            path=str(self.path),
            format="xliff",
            meta={"xliff_version": "1.2", "namespace": self.ns},
            original=self.path.read_bytes(),
        )

    def unit(self, tu: Any, file_attrs: Mapping[str, str], ids: set[tuple[str, str]]) -> SegmentDraft | None:
        q = self.q
        src = tu.find(q("source"))
        if src is None:
            raise InputError(_("invalid XLIFF: <trans-unit> without <source>"), str(self.path), tu.sourceline)
        tid = tu.get("id")
        if tu.get("restype") == GETTEXT_HEADER:
            return None
        original = file_attrs.get("original", "")
        tgt = tu.find(q("target"))
        source, smarkup = _text_of(src, WRAP1, self.path)
        target, tmarkup = ("", []) if tgt is None else _text_of(tgt, WRAP1, self.path)
        meta: dict[str, Any] = {"xliff": "1.2", "file": original, "at": self.position}
        if tu.attrib:
            meta["unit_attrs"] = X.attrs(tu)
        if tgt is not None and tgt.attrib:
            meta["target_attrs"] = X.attrs(tgt)
        notes = [n for n in tu.findall(q("note")) if n.get("from") != "mtreview"]
        if any(n.get("from") != "developer" for n in notes):
            meta["notes"] = [n.text or "" for n in notes if n.get("from") != "developer"]
        if any(n.get("from") == "developer" for n in notes):
            meta["developer_notes"] = [n.text or "" for n in notes if n.get("from") == "developer"]
        meta.update(po_context(tu, q))
        extra = [
            X.serialize_standalone(c, self.path)
            for c in tu
            if isinstance(c.tag, str) and c.tag not in (q("source"), q("target"), q("note"))
        ]
        if extra:
            meta["unit_extra"] = extra
        if smarkup or tmarkup:
            meta["inline"] = {"format": "xliff1", "source": smarkup, "target": tmarkup}
        status, translated = arrival12(tu, tgt, target)
        draft = SegmentDraft(
            source=source,
            target=target,
            source_lines=(src.sourceline,),
            target_lines=(tgt.sourceline,) if tgt is not None else (),
            key=tid,
            meta=meta,
            status=status,
        )
        return stamp(draft, translated)
