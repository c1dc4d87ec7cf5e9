"""The XLIFF 1.2 reader (and 1.0/1.1): one segment per ``<trans-unit>``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.domain.progress import Progress
from mtreview.formats import xmlsafe as X
from mtreview.formats.xliff.common import _APPROVED_12, WRAP1, _text_of
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

    def read(self, progress: Progress) -> ImportedDocument:
        with X.iterparse(self.path, events=("start", "end")) as context:
            return self.parse(context, progress)

    def parse(self, context: Any, progress: Progress) -> ImportedDocument:
        q = self.q
        segments: list[SegmentDraft] = []
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
        )

    def unit(self, tu: Any, file_attrs: Mapping[str, str], ids: set[tuple[str, str]]) -> SegmentDraft | None:
        q = self.q
        src = tu.find(q("source"))
        if src is None:
            raise InputError(_("invalid XLIFF: <trans-unit> without <source>"), str(self.path), tu.sourceline)
        tid = tu.get("id")
        original = file_attrs.get("original", "")
        tgt = tu.find(q("target"))
        source, smarkup = _text_of(src, WRAP1, self.path)
        target, tmarkup = ("", []) if tgt is None else _text_of(tgt, WRAP1, self.path)
        meta: dict[str, Any] = {"xliff": "1.2", "file": original}
        if tu.attrib:
            meta["unit_attrs"] = X.attrs(tu)
        if tgt is not None and tgt.attrib:
            meta["target_attrs"] = X.attrs(tgt)
        notes = [n.text or "" for n in tu.findall(q("note"))]
        if notes:
            meta["notes"] = notes
        extra = [
            X.serialize_standalone(c, self.path)
            for c in tu
            if isinstance(c.tag, str) and c.tag not in (q("source"), q("target"), q("note"))
        ]
        if extra:
            meta["unit_extra"] = extra
        if smarkup or tmarkup:
            meta["inline"] = {"format": "xliff1", "source": smarkup, "target": tmarkup}
        state = tgt.get("state") if tgt is not None else None
        status = Status.APPROVED if state in _APPROVED_12 or tu.get("approved") == "yes" else None
        return SegmentDraft(
            source=source,
            target=target,
            source_lines=(src.sourceline,),
            target_lines=(tgt.sourceline,) if tgt is not None else (),
            key=tid,
            meta=meta,
            status=status,
        )
