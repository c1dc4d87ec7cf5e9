"""The placeholder scheme: one private-use character per tag, restored exactly."""

from __future__ import annotations

import pytest

from mtreview.formats import placeholders as ph


@pytest.mark.parametrize(
    ("text", "markup", "xml"),
    [
        ("plain & <text>", [], "plain &amp; &lt;text&gt;"),
        (f"a{ph.placeholder(0)}b", [{"k": "ph", "x": '<ph id="1"/>'}], 'a<ph id="1"/>b'),
        (
            f"{ph.placeholder(1)}x{ph.placeholder(0)}",
            [{"k": "close", "x": "</pc>"}, {"k": "open", "x": '<pc id="1">'}],
            '<pc id="1">x</pc>',
        ),
        (f"lit{ph.placeholder(0)}", [{"k": "lit", "x": "\ue123"}], "lit\ue123"),
        ("cr\r\nlf", [], "cr&#13;\nlf"),
        (f"{ph.placeholder(5)}", [], ""),  # a placeholder without markup (typed by hand) is dropped
    ],
)
def test_restore_markup(text: str, markup: list[dict[str, str]], xml: str) -> None:
    assert ph.restore_markup(text, markup)[0] == xml


def test_literal_private_use_characters_are_protected_and_restored() -> None:
    markup: list[dict[str, object]] = []
    text = ph.escape_literal("a\ue000b\uf8ffc", markup)
    assert [r["k"] for r in markup] == ["lit", "lit"]
    assert ph.restore_text(text, markup) == "a\ue000b\uf8ffc"


def test_spans_and_stripping_count_code_points() -> None:
    text = f"𠮷{ph.placeholder(0)}😀{ph.placeholder(1)}"
    assert ph.placeholder_spans(text) == [(1, 2), (3, 4)]
    assert ph.strip_placeholders(text) == "𠮷😀"
    assert ph.same_shape(text, f"{ph.placeholder(1)}x{ph.placeholder(0)}")
    assert not ph.same_shape(text, ph.placeholder(0))


def test_index_range() -> None:
    assert ph.index_of(ph.placeholder(ph.LIMIT - 1)) == ph.LIMIT - 1
    with pytest.raises(ValueError):
        ph.placeholder(ph.LIMIT)
