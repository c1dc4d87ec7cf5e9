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


def pair_of(result, source_line: int) -> tuple[int, ...]:
    return next(p.target_lines for p in result.pairs if source_line in p.source_lines)


def test_a_japanese_ending_on_lines_of_its_own_closes_the_last_pair() -> None:
    """The translation put the last sentences of the final English paragraph on two lines of their own:
    both close that pair (a 1-3 link, beyond the DP's 1-2), and the chrome after them stays unpaired."""
    page = DATA / "closing_lines.txt"
    text = lines_of(page)
    result = align_page(page)
    last_en = next(n for n, t in text.items() if t.startswith("This year Lina Holmqvist"))
    own_lines = [n for n, t in text.items() if t.startswith(("観測員のリナ", "一番困るのは", "今年は二百冊"))]
    assert pair_of(result, last_en) == tuple(own_lines)
    chrome = {n for n, t in text.items() if t in ("Newsletter", "About us")}
    assert chrome <= set(result.source_only)


def test_a_closing_quotation_without_a_full_stop_is_a_sentence_that_closes_the_last_pair() -> None:
    """「…」 ends a Japanese sentence without 。: the quoted closing line joins the English paragraph that
    holds the quotation instead of being dropped as chrome."""
    page = DATA / "quoted_closing.txt"
    text = lines_of(page)
    result = align_page(page)
    last_en = next(n for n, t in text.items() if t.startswith("One of the members, Sofia Lamberti"))
    closing = next(n for n, t in text.items() if t.endswith("「ここは町の台所です」"))
    assert closing in pair_of(result, last_en)
    share = next(n for n, t in text.items() if t == "Share this story")
    assert share in result.source_only


def test_a_japanese_line_the_english_page_does_not_have_stays_unpaired() -> None:
    """A credit line only the Japanese page has: the last pair is complete without it, so it is not closed
    into it."""
    page = DATA / "credit_line.txt"
    text = lines_of(page)
    result = align_page(page)
    credit = next(n for n, t in text.items() if t.startswith("写真はすべて"))
    last_en = next(n for n, t in text.items() if t.startswith('"Nothing makes me happier'))
    quote_ja = next(n for n, t in text.items() if t.startswith("「止まった時計が"))
    assert pair_of(result, last_en) == (quote_ja,)
    assert credit in result.target_only
