"""Track changes: characters in Japanese, words in English; runs rebuild both texts exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtreview.services.diffing import DELETE, EQUAL, INSERT, diff, to_html, to_text


def test_japanese_diffs_by_character() -> None:
    runs = diff("ハリソン社はその本を書いた。", "ハリソン氏はその本を書いた。")
    assert to_text(runs) == "ハリソン[-社-]{+氏+}はその本を書いた。"
    deleted = next(r for r in runs if r.op == DELETE)
    assert "ハリソン社はその本を書いた。"[deleted.old_start : deleted.old_start + 1] == "社"


def test_english_diffs_by_word() -> None:
    assert to_text(diff("The quick brown fox jumps.", "The slow brown fox jumped.")) == (
        "The [-quick-]{+slow+} brown fox [-jumps-]{+jumped+}."
    )


def test_html_is_escaped() -> None:
    assert to_html(diff("a <b>", "a <i>")) == "a &lt;<del>b</del><ins>i</ins>&gt;"


@pytest.mark.parametrize(("old", "new"), [("", "新しい"), ("古い", ""), ("𠮷野家", "𠮷野屋🍜")])
def test_edges_and_astral_characters(old: str, new: str) -> None:
    runs = diff(old, new)
    assert "".join(r.text for r in runs if r.op != INSERT) == old
    assert "".join(r.text for r in runs if r.op != DELETE) == new


@given(st.text(max_size=40), st.text(max_size=40))
def test_runs_rebuild_both_sides_with_their_offsets(old: str, new: str) -> None:
    runs = diff(old, new)
    assert "".join(r.text for r in runs if r.op != INSERT) == old
    assert "".join(r.text for r in runs if r.op != DELETE) == new
    for r in runs:
        if r.op in (EQUAL, DELETE):
            assert old[r.old_start : r.old_start + len(r.text)] == r.text
        if r.op in (EQUAL, INSERT):
            assert new[r.new_start : r.new_start + len(r.text)] == r.text
