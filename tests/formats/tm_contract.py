"""The contract every translation-memory format passes (Translate Toolkit's test_base.py idea).

A format's test module subclasses ``FormatContract`` and sets ``reader``, ``writer``, ``suffix`` and
what it can carry. The base class writes a set of tricky units, reads them back, writes what it read
and reads that again, and checks what a user would notice: the exported text (corrected where there is
a correction), keys, statuses, inline tags, Japanese and non-BMP characters, atomic writes and the
refusal to overwrite an input.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.formats import placeholders as ph
from mtreview.formats.base import ExportUnit, WriteOptions, units_from_document

P0, P1, P2 = ph.placeholder(0), ph.placeholder(1), ph.placeholder(2)

# (key, source, mt, corrected, status) — our own sample sentences
TEXTS: list[tuple[str, str, str, str | None, Status]] = [
    ("greeting", "Hello, world.", "こんにちは、世界。", None, Status.NEW),
    (
        "nonbmp",
        "The 𠮷 character and an emoji 😀.",
        "𠮷野家の絵文字😀です。",
        "「𠮷」と絵文字😀。",
        Status.APPROVED,
    ),
    ("ideographic-space", "Two  spaces", "全角\u3000スペース\u3000二つ", None, Status.CORRECTED),
    (
        "xml-specials",
        "Use <b> & \"quotes\" > 'apostrophes'",
        '<b>と&と"引用符"',
        "<b>と&amp;と“引用符”",
        Status.REJECTED,
    ),
    ("formula", "=SUM(A1:A3)", "-負の数", "+1 @mention", Status.APPROVED),
    ("half-width", "Half-width katakana", "ｶﾀｶﾅとカタカナ", None, Status.NEW),
    ("multi-line", "First line\nsecond line", "一行目\n二行目", "一行目\n二行目（修正）", Status.CORRECTED),
    ("combining", "e\u0301 and cafe\u0301", "が (か\u3099)", None, Status.NEW),
]


def visible(text: str, meta: Mapping[str, Any] | None, side: str) -> str:
    """The text as exported: placeholders replaced by their markup."""
    inline = (meta or {}).get("inline") or {}
    return ph.restore_text(text, inline.get(side))


def exported_target(seg: SegmentDraft) -> str:
    return seg.target if seg.corrected is None else seg.corrected


class FormatContract:
    reader: ClassVar[Callable[..., ImportedDocument]]
    writer: ClassVar[Callable[..., int]]
    suffix: ClassVar[str]
    keeps_keys: ClassVar[bool] = True
    keeps_status: ClassVar[frozenset[Status]] = frozenset(Status)
    """Statuses the format reads back exactly (others read back as something else or nothing)."""
    inline_format: ClassVar[str | None] = None
    inline_source: ClassVar[Sequence[dict[str, Any]]] = ()
    inline_target: ClassVar[Sequence[dict[str, Any]]] = ()
    volatile_meta: ClassVar[frozenset[str]] = frozenset()
    bad_inputs: ClassVar[Sequence[tuple[bytes, int | None]]] = ()
    """Malformed files (bytes) and the line the error must name (``None``: any line)."""

    # ------------------------------------------------------------------ helpers
    def units(self) -> list[ExportUnit]:
        out = []
        for i, (key, source, mt, corrected, status) in enumerate(TEXTS, start=1):
            out.append(
                ExportUnit(
                    document="doc",
                    ordinal=i,
                    source=source,
                    mt=mt,
                    target=mt if corrected is None else corrected,
                    status=status,
                    key=key,
                    corrected=corrected,
                )
            )
        if self.inline_format:
            meta = {
                "inline": {
                    "format": self.inline_format,
                    "source": self.inline_source,
                    "target": self.inline_target,
                }
            }
            src = f"Press {P0}Start{P1} now{P2}."
            tgt = f"今すぐ{P0}スタート{P1}を押す{P2}。"
            out.append(ExportUnit("doc", len(out) + 1, src, tgt, tgt, Status.APPROVED, key="tags", meta=meta))
        return out

    def write(self, path: Path, units: Any, **options: Any) -> int:
        opts = WriteOptions(**options)
        return type(self).writer(path, units, opts)

    def read(self, path: Path) -> ImportedDocument:
        return type(self).reader(path)

    def normal(self, seg: SegmentDraft) -> tuple[Any, ...]:
        meta = {k: v for k, v in seg.meta.items() if k not in self.volatile_meta}
        return (seg.source, seg.target, seg.corrected, seg.key, meta)

    # ------------------------------------------------------------------ the contract
    def test_written_units_read_back_with_their_text(self, tmp_path: Path) -> None:
        units = self.units()
        out = tmp_path / f"out{self.suffix}"
        assert self.write(out, iter(units)) == len(units)
        doc = self.read(out)
        assert len(doc.segments) == len(units)
        for unit, seg in zip(units, doc.segments, strict=True):
            assert visible(seg.source, seg.meta, "source") == visible(unit.source, unit.meta, "source")
            assert visible(exported_target(seg), seg.meta, "target") == visible(
                unit.target, unit.meta, "target"
            )
            if self.keeps_keys:
                assert seg.key == unit.key
            if unit.status in self.keeps_status:
                assert (seg.status or Status.NEW) == unit.status

    def test_read_write_read_is_identity(self, tmp_path: Path) -> None:
        first = tmp_path / f"first{self.suffix}"
        self.write(first, iter(self.units()))
        doc1 = self.read(first)
        second = tmp_path / f"second{self.suffix}"
        self.write(
            second,
            units_from_document(doc1),
            source_lang=doc1.source_lang,
            target_lang=doc1.target_lang,
            document_meta=doc1.meta,
        )
        doc2 = self.read(second)
        assert [self.normal(s) for s in doc2.segments] == [self.normal(s) for s in doc1.segments]

    def test_inline_tags_come_back_as_placeholders(self, tmp_path: Path) -> None:
        if not self.inline_format:
            self.check_tags_in_a_format_without_markup(tmp_path)
            return
        out = tmp_path / f"tags{self.suffix}"
        self.write(out, iter(self.units()))
        seg = self.read(out).segments[-1]
        assert seg.source == f"Press {P0}Start{P1} now{P2}."
        assert exported_target(seg) == f"今すぐ{P0}スタート{P1}を押す{P2}。"
        assert [r["x"] for r in seg.meta["inline"]["source"]] == [r["x"] for r in self.inline_source]

    placeholders_stay: ClassVar[bool] = False
    """A format without inline markup writes a tag as its original markup text, except a review sheet
    (``placeholders_stay``), which shows tokens and reads them back as the same placeholders."""

    def check_tags_in_a_format_without_markup(self, tmp_path: Path) -> None:
        markup = [
            {"k": "ph", "x": '<bpt i="1">&lt;b&gt;</bpt>'},
            {"k": "ph", "x": '<ept i="1">&lt;/b&gt;</ept>'},
        ]
        meta = {"inline": {"format": "tmx", "source": markup, "target": markup}}
        src, tgt = f"a {P0}bold{P1} word", f"{P0}太字{P1}の語"
        out = tmp_path / f"tags{self.suffix}"
        self.write(out, [ExportUnit("doc", 1, src, tgt, tgt, Status.NEW, key="t", meta=meta)])
        seg = self.read(out).segments[0]
        if self.placeholders_stay:
            assert (seg.source, exported_target(seg)) == (src, tgt)
        else:
            assert (
                visible(seg.source, seg.meta, "source")
                == 'a <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> word'
            )
            assert visible(exported_target(seg), seg.meta, "target") == visible(tgt, meta, "target")

    def test_failed_write_leaves_no_file(self, tmp_path: Path) -> None:
        out = tmp_path / f"broken{self.suffix}"

        def failing() -> Iterator[ExportUnit]:
            yield self.units()[0]
            raise RuntimeError("disk on fire")

        with pytest.raises(RuntimeError):
            self.write(out, failing())
        assert not out.exists()
        assert os.listdir(tmp_path) == []

    def test_failed_write_keeps_the_previous_file(self, tmp_path: Path) -> None:
        out = tmp_path / f"previous{self.suffix}"
        self.write(out, iter(self.units()))
        before = out.read_bytes()

        def failing() -> Iterator[ExportUnit]:
            yield self.units()[1]
            raise RuntimeError("cancelled")

        with pytest.raises(RuntimeError):
            self.write(out, failing())
        assert out.read_bytes() == before
        assert sorted(os.listdir(tmp_path)) == [out.name]

    def test_refuses_to_overwrite_an_input(self, tmp_path: Path) -> None:
        src = tmp_path / f"input{self.suffix}"
        src.write_bytes(b"original input")
        with pytest.raises(InputError) as err:
            self.write(src, iter(self.units()), inputs=(str(src),))
        assert str(src) in str(err.value)
        assert src.read_bytes() == b"original input"
        # the same file under another spelling of its path
        other = tmp_path / "sub" / ".." / src.name
        (tmp_path / "sub").mkdir()
        with pytest.raises(InputError):
            self.write(other, iter(self.units()), inputs=(str(src),))
        assert src.read_bytes() == b"original input"

    def test_empty_export_reads_back_empty(self, tmp_path: Path) -> None:
        out = tmp_path / f"empty{self.suffix}"
        assert self.write(out, iter([])) == 0
        assert self.read(out).segments == []

    def test_bad_input_is_rejected_with_file_and_line(self, tmp_path: Path) -> None:
        if not self.bad_inputs:
            pytest.skip("no malformed samples for this format")
        for i, (data, line) in enumerate(self.bad_inputs):
            path = tmp_path / f"bad{i}{self.suffix}"
            path.write_bytes(data)
            with pytest.raises(InputError) as err:
                self.read(path)
            assert err.value.path == str(path), data
            if line is not None:
                assert err.value.line == line, (data, err.value)

    def test_missing_file_is_an_input_error(self, tmp_path: Path) -> None:
        with pytest.raises(InputError):
            self.read(tmp_path / f"nothing{self.suffix}")
