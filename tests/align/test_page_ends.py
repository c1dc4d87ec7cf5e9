"""The ends of a page are where chrome lives, but a body paragraph there is still a body paragraph
(issue 19): pages of our own whose last paragraphs used to be left unpaired or paired with chrome."""

from __future__ import annotations

from pathlib import Path

from mtreview.align.bilingual import align_page

DATA = Path(__file__).parent / "data" / "page_ends"


def lines_of(path: Path) -> dict[int, str]:
    return {n: t.strip() for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.strip()}


def test_a_short_closing_japanese_sentence_is_not_dropped_nor_paired_with_chrome() -> None:
    page = DATA / "closing.txt"
    text = lines_of(page)
    result = align_page(page)
    closing = next(n for n, t in text.items() if t == "彼女は今も岬にいる。")
    chrome = {n for n, t in text.items() if t in ("Share this article", "Subscribe to our newsletter")}
    chrome |= {n for n, t in text.items() if t.startswith("©")}
    paired_target = {n for p in result.pairs for n in p.target_lines}
    assert closing in paired_target, "the closing sentence was left unpaired"
    assert not any(set(p.source_lines) & chrome for p in result.pairs), "chrome was paired"
    assert chrome <= set(result.source_only)


def test_an_untranslated_paragraph_near_the_end_is_not_paired_with_chrome() -> None:
    page = DATA / "untranslated.txt"
    text = lines_of(page)
    result = align_page(page)
    untranslated = next(n for n, t in text.items() if t.startswith("The bakery is open every day"))
    related = next(n for n, t in text.items() if t == "関連記事")
    assert untranslated in result.source_only
    assert related in result.target_only
    last_body = next(n for n, t in text.items() if t.startswith('"Bread is honest.'))
    last_ja = next(n for n, t in text.items() if t.startswith("「パンは正直だ。"))
    assert any(p.source_lines == (last_body,) and p.target_lines == (last_ja,) for p in result.pairs)
