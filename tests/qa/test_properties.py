"""Property: on any text, every check runs without error and every span is exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from .helpers import run

ALPHABET = st.sampled_from(
    list(
        "abcXYZ 019,.!?:;()[]「」『』（）“”\"'$%万億円ドル社氏さん・ー"
        "アイウカキクサシタチナニハヒマミラリルンッャュョ"
        "がのはをにでしたですます。、ｶﾀ０１Ａ𠮷\n\t　"
    )
)
TEXT = st.text(ALPHABET, max_size=60)
NAMES = st.sampled_from(
    ["Holly Marsh", "Contoso Inc.", "Dr. Quill", "Ren:", "the beans", "25 million", "45%"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(st.one_of(TEXT, NAMES), max_size=4).map(" ".join), TEXT), min_size=1, max_size=6
    )
)
def test_any_text_no_errors_and_exact_spans(pairs: list[tuple[str, str]]) -> None:
    result = run(pairs)
    assert result.errors == []
    for f in result.findings:
        source, target = pairs[int(f.segment) - 1]
        text = source if f.side.value == "source" else target
        if f.start is None:
            assert f.end is None and f.text == text
        else:
            assert 0 <= f.start <= f.end <= len(text) and f.text == text[f.start : f.end]
