"""Bad input gets a clear InputError naming the file (and the line where it applies); legacy Japanese
encodings and UTF-16 are decoded rather than rejected."""

from __future__ import annotations

import pytest

from mtreview.align.bilingual import align_files, align_input, align_page
from mtreview.align.structure import MAX_LINE_CHARS
from mtreview.domain.errors import InputError

EN = [
    "The ferry service between the two islands will resume in April, the port authority said.",
    "Captain Ruth Delacroix, who has run the route since 2008, welcomed the decision.",
    "Tickets will cost 15% more than last year.",
]
JA = [
    "港湾局によると、二つの島を結ぶフェリーの運航は4月に再開される。",
    "2008年からこの航路を担ってきたルース・ドラクロワ船長は、この決定を歓迎した。",
    "乗船券は昨年より15%値上がりする。",
]
PAGE = "\n".join([*JA, "原文はこちら", *EN]) + "\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "shift_jis", "cp932", "euc_jp", "utf-16", "utf-16-le", "utf-16-be"],
)
def test_japanese_encodings_and_utf16_with_and_without_bom_are_decoded(tmp_path, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode(encoding))
    alignment = align_page(path)
    assert [(p.source_lines, p.target_lines) for p in alignment.pairs] == [
        ((5,), (1,)),
        ((6,), (2,)),
        ((7,), (3,)),
    ]
    assert alignment.pairs[1].target == JA[1]
    assert alignment.target_only == [4]


BAD_PAGES = {
    "empty": (b"", "empty"),
    "only blank lines": (b"\n  \n\t\n", "empty"),
    "english only": ("\n".join(EN).encode(), "Japanese"),
    "japanese only": ("\n".join(JA).encode(), "English"),
    "japanese with english chrome only": (
        ("\n".join(JA * 8) + "\nShare\nTweet\n").encode(),
        "second language",
    ),
    "binary": (bytes(range(256)) * 8, "binary"),
}


@pytest.mark.parametrize("case", sorted(BAD_PAGES))
def test_bad_pages_raise_a_clear_input_error(tmp_path, case):
    data, words = BAD_PAGES[case]
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        align_page(path)
    assert info.value.path == str(path)
    assert words.lower() in str(info.value).lower()


def test_extremely_long_line_names_its_line(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n".join([*JA, "x" * (MAX_LINE_CHARS + 1), *EN]), encoding="utf-8")
    with pytest.raises(InputError) as info:
        align_page(path)
    assert info.value.line == 4
    assert "too long" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as info:
        align_input(tmp_path / "nope.txt")
    assert "no such file" in str(info.value)


@pytest.mark.parametrize(("first", "second", "language"), [(EN, EN, "English"), (JA, JA, "Japanese")])
def test_two_files_in_the_same_language(tmp_path, first, second, language):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n".join(first), encoding="utf-8")
    b.write_text("\n".join(second), encoding="utf-8")
    with pytest.raises(InputError) as info:
        align_files(a, b)
    assert language in str(info.value)
    assert info.value.path == str(b)


def test_target_file_with_no_letters(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n".join(EN), encoding="utf-8")
    b.write_text("1\n2\n...\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        align_files(a, b)
    assert info.value.path == str(b)


JAPANESE_HEAVY = "港湾局によると、二つの島を結ぶフェリーの運航は4月に再開される。\n" * 20 + "The ferry.\n"


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-16-le", "utf-16-le"),  # no BOM and hardly any NUL bytes: recognised by content
        ("utf-16-be", "utf-16-be"),
        ("shift_jis", "cp932"),
        ("euc_jp", "euc_jp"),
        ("iso2022_jp", "iso2022_jp"),  # 7-bit, so it is also "valid UTF-8": the escapes give it away
    ],
)
def test_mostly_japanese_text_without_bom_is_decoded(encoding, detected):
    from mtreview.formats.textio import decode_bytes

    decoded = decode_bytes(JAPANESE_HEAVY.encode(encoding), "x.txt")
    assert decoded.encoding == detected
    assert decoded.text == JAPANESE_HEAVY


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_line_over_a_megabyte_is_rejected_before_the_file_is_read_whole(tmp_path, newline):
    from mtreview.formats.textio import MAX_LINE_BYTES, read_text

    path = tmp_path / "minified.txt"
    path.write_bytes(newline.join([b"first", b"second", b"x" * (MAX_LINE_BYTES + 10), b"last"]))
    with pytest.raises(InputError) as info:
        read_text(path)
    assert info.value.line == 3
    assert "too long" in str(info.value)
