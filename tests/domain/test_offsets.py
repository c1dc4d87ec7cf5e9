import pytest

from mtreview.align.offsets import from_utf16, span_from_utf16, span_to_utf16, to_utf16, utf16_length

CASES = [
    # text, code-point index, UTF-16 position
    ("abc", 2, 2),
    ("𠮷野家", 1, 2),
    ("𠮷野家", 3, 4),
    ("a😀b", 2, 3),
    ("😀😀", 2, 4),
    ("ホルデン社", 4, 4),
]


@pytest.mark.parametrize(("text", "cp", "u16"), CASES)
def test_round_trip(text, cp, u16):
    assert to_utf16(text, cp) == u16
    assert from_utf16(text, u16) == cp


def test_length_counts_surrogate_pairs():
    assert utf16_length("𠮷野家😀") == 6


def test_position_inside_surrogate_pair_snaps_to_character_start():
    assert from_utf16("a𠮷b", 2) == 1


def test_selection_that_cuts_a_pair_includes_the_whole_character():
    text = "x𠮷y"
    assert span_from_utf16(text, 1, 2) == (1, 2)
    assert span_to_utf16(text, 1, 2) == (1, 3)


@pytest.mark.parametrize("bad", [-1, 10])
def test_out_of_range_is_an_error_not_a_clamp(bad):
    with pytest.raises(ValueError):
        to_utf16("abc", bad)
