"""PRODUCT.md "Lines": line endings, a last line without ending, BOM, blank lines, per-file numbering."""

from __future__ import annotations

import pytest

from mtreview.align.bilingual import align_files, align_page

EN = [
    "The museum reopened on Monday after a two-year renovation costing $12 million.",
    "Curator Elena Vasquez said 40,000 visitors had already booked tickets.",
    "The new east wing holds the collection of 1,200 maps.",
]
JA = [
    "博物館は、1200万ドルをかけた2年間の改修を経て月曜日に再開した。",
    "学芸員のエレナ・バスケス氏によると、すでに4万人が入場券を予約しているという。",
    "新しい東棟には1,200点の地図のコレクションが収められている。",
]


def _page(newline: str, *, blank: bool = False, final: bool = True, bom: bool = False) -> str:
    lines = [*JA, "", *EN] if blank else [*JA, *EN]
    if blank:
        lines = [lines[0], "   ", *lines[1:]]
    text = newline.join(lines) + (newline if final else "")
    return ("\ufeff" if bom else "") + text


CASES = {
    "lf": dict(newline="\n"),
    "crlf": dict(newline="\r\n"),
    "cr": dict(newline="\r"),
    "no final newline": dict(newline="\n", final=False),
    "bom": dict(newline="\n", bom=True),
    "crlf bom no final": dict(newline="\r\n", bom=True, final=False),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_line_endings_and_bom(tmp_path, case):
    path = tmp_path / "page.txt"
    path.write_bytes(_page(**CASES[case]).encode("utf-8"))
    alignment = align_page(path)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((4,), (1,)),
        ((5,), (2,)),
        ((6,), (3,)),
    ]
    assert alignment.source_only == [] and alignment.target_only == []
    assert alignment.pairs[0].target == JA[0]  # no BOM, no \r in the text
    assert alignment.pairs[-1].source == EN[-1]


def test_blank_lines_count_for_numbering_but_are_in_no_list(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(_page("\n", blank=True), encoding="utf-8")  # line 2 is spaces, line 5 empty
    alignment = align_page(path)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((6,), (1,)),
        ((7,), (3,)),
        ((8,), (4,)),
    ]
    everywhere = [n for p in alignment.pairs for n in p.source_lines + p.target_lines]
    everywhere += alignment.source_only + alignment.target_only
    assert 2 not in everywhere and 5 not in everywhere


def test_surrounding_whitespace_is_stripped_inner_kept(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "\n".join(["  " + JA[0] + "\t", *JA[1:], "\t" + EN[0].replace(" on ", "  on ") + "  ", *EN[1:]]),
        encoding="utf-8",
    )
    pair = align_page(path).pairs[0]
    assert pair.target == JA[0]
    assert pair.source == EN[0].replace(" on ", "  on ")


def test_english_first_page_still_has_english_as_source(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("\n".join([*EN, "――", *JA]), encoding="utf-8")
    alignment = align_page(path)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((1,), (5,)),
        ((2,), (6,)),
        ((3,), (7,)),
    ]
    assert alignment.target_only == [4] or alignment.source_only == [4]


def test_two_files_number_lines_per_file(tmp_path):
    en, ja = tmp_path / "en.txt", tmp_path / "ja.txt"
    en.write_text("\r\n".join(EN), encoding="utf-8")
    ja.write_text("\n\n".join(JA) + "\n", encoding="utf-8")
    alignment = align_files(en, ja)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((1,), (1,)),
        ((2,), (3,)),
        ((3,), (5,)),
    ]


def test_markdown_paragraphs_keep_all_their_lines(tmp_path):
    en, ja = tmp_path / "en.md", tmp_path / "ja.md"
    en.write_text("# Reopening\n\n" + EN[0] + "\n" + EN[1] + "\n\n" + EN[2] + "\n", encoding="utf-8")
    ja.write_text("# 再開\n\n" + JA[0] + JA[1] + "\n\n" + JA[2] + "\n", encoding="utf-8")
    alignment = align_files(en, ja)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((1,), (1,)),
        ((3, 4), (3,)),
        ((6,), (5,)),
    ]
    assert alignment.pairs[1].source == EN[0] + "\n" + EN[1]


def test_interleaved_parallel_text_pairs_neighbours(tmp_path):
    """A layout where each English paragraph is followed by its translation (no two blocks)."""
    en = [*EN, "The cafe on the ground floor opens at 9 a.m.", "Admission is free for children under 12."]
    ja = [*JA, "1階のカフェは午前9時に開店する。", "12歳未満の子どもは入場無料だ。"]
    path = tmp_path / "parallel.txt"
    path.write_text("\n".join(line for pair in zip(en, ja, strict=True) for line in pair), encoding="utf-8")
    alignment = align_page(path)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((k,), (k + 1,)) for k in range(1, 2 * len(en), 2)
    ]
