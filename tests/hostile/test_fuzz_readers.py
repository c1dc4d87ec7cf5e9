"""Property-based tests for every reader (hypothesis).

1. Round trip: arbitrary text, drawn from the characters each format can carry, exported and imported
   comes back exactly, and a second export → import changes nothing (stable).
2. Arbitrary bytes — random, and valid files with bytes flipped, inserted, deleted or cut — make a
   reader either return a document or raise ``InputError``, never anything else.

Example counts are moderate for the default suite; ``HYPOTHESIS_PROFILE=ci-long`` runs ten times more.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtreview.domain.errors import InputError
from mtreview.domain.model import ImportedDocument, SegmentDraft, Status
from mtreview.formats.base import WriteOptions, units_from_document
from mtreview.formats.registry import require_writer
from mtreview.services.project import read_input

settings.register_profile(
    "default-suite",
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "ci-long",
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default-suite")
settings.load_profile(PROFILE)

CASES_RUN = {"round trip": 0, "arbitrary bytes": 0}

# ---------------------------------------------------------------------- alphabets

TRICKY = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "]]>",
    "&amp;",
    "&#13;",
    "<b>",
    "</seg>",
    "\\",
    "\\n",
    "%s",
    "{0}",
    "$",
    "=",
    "+",
    "-",
    "@",
    "|",
    "#",
    ",",
    ";",
    "«",
    "»",
    "⟦1⟧",
    "\t",
    " ",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "é",
    "e\u0301",
    "😀",
    "👩‍👩‍👧",
    "𠮷",
    "ｶﾞ",
    "図書館",
    "。",
    "、",
    "〜",
    "\u2028",
    "\u0085",
    "\x7f",
    "\U0010fffd",
]


def _chars(exclude: str, categories: tuple[str, ...] = ("Cs", "Co", "Cn")) -> st.SearchStrategy[str]:
    """Code points, minus surrogates, private use (the placeholders' range) and unassigned ones."""
    return st.characters(exclude_categories=categories, exclude_characters=exclude)


C0 = "".join(chr(c) for c in range(0x20))
XML_EXCLUDE = C0.replace("\t", "").replace("\n", "").replace("\r", "") + "\ufffe\uffff"
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def texts(exclude: str) -> st.SearchStrategy[str]:
    tricky = [t for t in TRICKY if not any(c in exclude for c in t)]
    piece = st.one_of(st.sampled_from(tricky), _chars(exclude))
    return st.lists(piece, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip() != "")


# What each format can carry (beyond that a writer must replace or refuse, which is not a round trip):
# XML 1.0 has no C0 controls but tab, LF and CR; xlsx cells are XML text too; CSV/TSV/PO carry any
# character but NUL (a text file with NUL is binary to our readers); PO also not U+0004, gettext's
# context separator, which msgfmt refuses in any string and our writer replaces with ␄
# (tests/formats/test_control_characters.py).
# TMX, XLIFF and PO keep one translation per unit (the correction, else the MT); CSV/TSV/xlsx keep both.
# xlsx writes placeholders as ⟦n⟧ tokens and doubles a literal ⟦ (see the test below).
FORMATS: dict[str, tuple[str, str, bool]] = {
    # name: (file extension, characters left out, MT and correction kept apart)
    "tmx": (".tmx", XML_EXCLUDE, False),
    "xliff": (".xlf", XML_EXCLUDE, False),
    "xlsx": (".xlsx", XML_EXCLUDE, True),
    "csv": (".csv", "\x00", True),
    "tsv": (".tsv", "\x00", True),
    "po": (".po", "\x00\x04", False),
}


def documents(exclude: str) -> st.SearchStrategy[ImportedDocument]:
    # a correction equal to the MT is no correction (a memory keeps one target): left out
    segment = st.tuples(texts(exclude), texts(exclude), st.one_of(st.none(), texts(exclude))).filter(
        lambda seg: seg[2] != seg[1]
    )
    return st.lists(segment, min_size=1, max_size=5).map(
        lambda segs: ImportedDocument(
            "fuzz",
            [
                SegmentDraft(source=s, target=t, corrected=c, status=Status.CORRECTED if c else Status.NEW)
                for s, t, c in segs
            ],
        )
    )


def _texts_of(doc: ImportedDocument, both: bool = True) -> list[tuple[str, ...]]:
    if both:
        return [(s.source, s.target, s.corrected or "") for s in doc.segments]
    return [(s.source, s.target if s.corrected is None else s.corrected) for s in doc.segments]


def _export(doc: ImportedDocument, fmt: str, out: Path) -> None:
    require_writer(fmt).write(out, units_from_document(doc), WriteOptions(include_annotations=False))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_is_exact_and_stable(fmt: str, tmp_path: Path) -> None:
    ext, exclude, both = FORMATS[fmt]

    @given(doc=documents(exclude))
    def check(doc: ImportedDocument) -> None:
        CASES_RUN["round trip"] += 1
        with tempfile.TemporaryDirectory(dir=tmp_path) as d:
            first, second = Path(d) / f"one{ext}", Path(d) / f"two{ext}"
            _export(doc, fmt, first)
            back = read_input(first)
            assert _texts_of(back, both) == _texts_of(doc, both)
            _export(back, fmt, second)
            again = read_input(second)
            assert _texts_of(again) == _texts_of(back)
            assert [s.status for s in again.segments] == [s.status for s in back.segments]

    check()


def test_xlsx_keeps_literal_placeholder_tokens(tmp_path: Path) -> None:
    doc = ImportedDocument("t", [SegmentDraft("Press ⟦1⟧ to start.", "⟦1⟧を押して開始。")])
    _export(doc, "xlsx", tmp_path / "t.xlsx")
    assert _texts_of(read_input(tmp_path / "t.xlsx")) == _texts_of(doc)


# ---------------------------------------------------------------------- arbitrary bytes

READERS = [".tmx", ".xlf", ".xliff", ".po", ".csv", ".tsv", ".xlsx", ".txt"]


def _sample(ext: str, folder: Path) -> bytes:
    """A valid file of this kind, to mutate."""
    doc = ImportedDocument(
        "s",
        [
            SegmentDraft(
                "The <library> opens at nine & closes late.",
                "図書館は九時に開館。",
                corrected="図書館は九時に開きます。",
            ),
            SegmentDraft("Second line.", "二行目。"),
        ],
    )
    path = folder / f"sample{ext}"
    if ext == ".txt":
        path.write_text("The library opens at nine.\n\n図書館は九時に開館します。\n", encoding="utf-8")
    else:
        fmt = {
            ".tmx": "tmx",
            ".xlf": "xliff",
            ".xliff": "xliff",
            ".po": "po",
            ".csv": "csv",
            ".tsv": "tsv",
            ".xlsx": "xlsx",
        }[ext]
        _export(doc, fmt, path)
    return path.read_bytes()


def mutations(sample: bytes) -> st.SearchStrategy[bytes]:
    def apply(ops: list[tuple[int, int, int]]) -> bytes:
        data = bytearray(sample)
        for kind, where, value in ops:
            if not data:
                break
            i = where % len(data)
            if kind == 0:
                data[i] = value
            elif kind == 1:
                data.insert(i, value)
            elif kind == 2:
                del data[i]
            else:
                del data[i:]
        return bytes(data)

    op = st.tuples(st.integers(0, 3), st.integers(0, 1 << 30), st.integers(0, 255))
    return st.lists(op, min_size=1, max_size=6).map(apply)


@pytest.mark.parametrize("ext", READERS)
def test_readers_raise_only_input_error_on_arbitrary_bytes(ext: str, tmp_path: Path) -> None:
    sample = _sample(ext, tmp_path)
    structured = [b"\xef\xbb\xbf", b"<?xml version='1.0'?>", b"PK\x03\x04", b'msgid "', b"source,target\n"]
    data = st.one_of(
        st.binary(max_size=3000),
        mutations(sample),
        st.tuples(st.sampled_from(structured), st.binary(max_size=500)).map(lambda t: t[0] + t[1]),
    )
    path = tmp_path / f"fuzz{ext}"

    @given(payload=data)
    def check(payload: bytes) -> None:
        CASES_RUN["arbitrary bytes"] += 1
        path.write_bytes(payload)
        try:
            doc = read_input(path)
        except InputError as exc:
            assert str(path) in str(exc), f"the message does not name the file: {exc}"
            return
        assert isinstance(doc, ImportedDocument)

    check()


@pytest.fixture(scope="module", autouse=True)
def _report(figures: dict[str, list[str]]) -> Iterator[None]:
    yield
    total = sum(CASES_RUN.values())
    figures["fuzz"] = [
        f"reader fuzz cases run: {total} (round trip {CASES_RUN['round trip']}, "
        f"arbitrary bytes {CASES_RUN['arbitrary bytes']}; profile {PROFILE})"
    ]
