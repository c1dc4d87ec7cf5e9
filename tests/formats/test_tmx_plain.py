# ruff: noqa: E501  (each unit of test data on one line)
"""The TMX reader's fast path for plain units (``_TmxReader.plain_tu``) reads every unit exactly as the
general path does: on every TMX file of the shared test data (OmegaT, Okapi, the LISA compliance kit) and
on units written to sit at the edge of "plain" (an extra attribute, a note, a third language, placeholders,
the languages in the other order, TMX 1.1's ``lang``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.domain.errors import InputError
from mtreview.formats import tmx
from mtreview.formats.tmx import read_tmx

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header srclang="en" segtype="paragraph" '
    'adminlang="en" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/>\n<body>\n'
)
_EDGES = [
    '<tu tuid="1"><tuv xml:lang="en"><seg>Plain one.</seg></tuv><tuv xml:lang="ja"><seg>普通の一つ。</seg></tuv></tu>',
    '<tu><tuv xml:lang="en"><seg>No tuid.</seg></tuv><tuv xml:lang="ja"><seg>IDなし。</seg></tuv></tu>',
    '<tu tuid="2" changedate="20240101T000000Z"><tuv xml:lang="en"><seg>Dated.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>日付あり。</seg></tuv></tu>',
    '<tu tuid="3" srclang="en"><tuv xml:lang="en"><seg>Own srclang.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>自前のsrclang。</seg></tuv></tu>',
    '<tu tuid="4"><note>a note</note><tuv xml:lang="en"><seg>Noted.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>注記あり。</seg></tuv></tu>',
    '<tu tuid="5"><tuv xml:lang="ja"><seg>逆順。</seg></tuv><tuv xml:lang="en"><seg>Reversed.</seg></tuv></tu>',
    '<tu tuid="6"><tuv xml:lang="en"><seg>Three.</seg></tuv><tuv xml:lang="ja"><seg>三つ。</seg></tuv>'
    '<tuv xml:lang="fr"><seg>Trois.</seg></tuv></tu>',
    '<tu tuid="7"><tuv xml:lang="en" creationid="me"><seg>Tuv attribute.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>属性あり。</seg></tuv></tu>',
    '<tu tuid="8"><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>.'
    '</seg></tuv><tuv xml:lang="ja"><seg><bpt i="1">&lt;b&gt;</bpt>保存<ept i="1">&lt;/b&gt;</ept>を押す。'
    "</seg></tuv></tu>",
    '<tu tuid="9"><tuv xml:lang="en"><seg>Private \ue000 use.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>私用\ue001領域。</seg></tuv></tu>',
    '<tu tuid="10"><tuv xml:lang="en"><seg>Empty target.</seg></tuv><tuv xml:lang="ja"><seg></seg></tuv></tu>',
    '<tu tuid="11"><tuv xml:lang="EN"><seg>Other case.</seg></tuv><tuv xml:lang="ja"><seg>大文字。</seg></tuv></tu>',
    '<tu tuid="12"><tuv xml:lang="en"><seg>Only source.</seg></tuv></tu>',
    '<tu tuid="13"><tuv xml:lang="en"><!-- c --><seg>Comment.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>コメント。</seg></tuv></tu>',
    '<tu tuid="14"><prop type="x-mtreview-status">rejected</prop><tuv xml:lang="en"><seg>Rejected.</seg></tuv>'
    '<tuv xml:lang="ja"><seg>却下。</seg></tuv></tu>',
    '<tu tuid="15"><tuv xml:lang="en"><seg>Plain again.</seg></tuv><tuv xml:lang="ja"><seg>また普通。</seg></tuv></tu>',
]


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, int]:
    """(fast read, general read, units the fast path read) — or the two errors' texts."""
    fast_reads = 0
    plain = tmx._TmxReader.plain_tu

    def counting(self: tmx._TmxReader, tu: object) -> object:
        nonlocal fast_reads
        out = plain(self, tu)
        fast_reads += out is not None
        return out

    def read() -> object:
        try:
            return read_tmx(path)
        except InputError as exc:
            return ("error", str(exc), exc.line)

    with monkeypatch.context() as m:
        m.setattr(tmx._TmxReader, "plain_tu", counting)
        fast = read()
    with monkeypatch.context() as m:
        m.setattr(tmx._TmxReader, "plain_tu", lambda self, tu: None)
        general = read()
    return fast, general, fast_reads


def test_edge_units_read_alike_by_both_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "edges.tmx"
    path.write_text(_HEAD + "\n".join(_EDGES) + "\n</body>\n</tmx>\n", encoding="utf-8")
    fast, general, fast_reads = _both(path, monkeypatch)
    assert fast == general
    assert not isinstance(fast, tuple)
    # the fast path read the plain units after the first (which the general path reads) and no other
    assert fast_reads == 3  # "No tuid.", "Empty target.", "Plain again."
    by_key = {s.key: s for s in fast.segments}  # type: ignore[attr-defined]
    assert by_key["10"].meta == {} and by_key["15"].meta == {"arrival": {"translated": True}}


def test_shared_tmx_files_read_alike_by_both_paths(testdata: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(testdata.rglob("*.tmx"))
    assert len(files) > 20
    plain_units = 0
    for path in files:
        fast, general, fast_reads = _both(path, monkeypatch)
        assert fast == general, path
        plain_units += fast_reads
    assert plain_units > 0  # the fast path was taken somewhere
