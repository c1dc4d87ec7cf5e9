"""A sentence left out of a paragraph whose translation is as long as the document's usually are (the
Japanese has fewer sentences than the English, and one English sentence has nothing of its own in it)."""

from __future__ import annotations

from .helpers import findings


def _omitted(source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], "omission")]


STALL = (
    "The market stall will move to the station forecourt next month. "
    "Traders say the old square floods every winter."
)


def test_a_sentence_left_out_is_reported_though_the_translation_is_not_short() -> None:
    # the first sentence translated at length (as long as the whole usually is), the second nowhere
    kept_one = (
        "市場にある屋台については、来月になると、駅の前にある前庭のほうへと移ることになっているという。"
    )
    assert _omitted(STALL, kept_one) == ["Traders say the old square floods every winter"]


def test_two_sentences_merged_into_one_are_no_omission() -> None:
    merged = "古い広場は毎年冬に冠水すると商店主は言い、市場の屋台は来月、駅の前庭に移る。"
    assert _omitted(STALL, merged) == []
    both = "市場の屋台は来月、駅の前庭に移る。古い広場は毎年冬に冠水すると商店主は言う。"
    assert _omitted(STALL, both) == []


def test_a_short_sentence_or_several_unrendered_ones_are_left_alone() -> None:
    # a sentence of fewer than five words ("Share this story") is page furniture as often as text
    short = "The market stall will move to the station forecourt next month. Share this story."
    verbose = "市場にある屋台については、来月になると、駅の前にある前庭のほうへと移ることになっている。"
    assert _omitted(short, verbose) == []
    # most of the rest unrendered too: garbled as a whole, not one sentence left out
    three = (
        "The library will open on Sundays from March. Volunteers painted the fences near the lake. "
        "Ferries resume their winter timetable soon."
    )
    garbled = (
        "図書館については、3月からは日曜日にも開館するようになる予定だという。"
        "日曜日の開館は、3月からになるということだそうだ。"
    )
    assert _omitted(three, garbled) == []
    one_left = (
        "図書館については、3月からは日曜日にも開館するようになる予定になっているという。"
        "湖の近くの柵はボランティアが塗ったという。"
    )
    assert _omitted(three, one_left) == ["Ferries resume their winter timetable soon"]


def test_an_idiom_said_freely_by_another_sentence_is_no_omission() -> None:
    # "The writing was on the wall" rendered 結果は目に見えていた inside the other sentence
    source = "The writing was on the wall. Orders had fallen for six years in a row."
    assert _omitted(source, "受注は6年連続で減少しており、結果は目に見えていた。") == []
    # a plain sentence left out the same way is still one
    plain = "The factory had lost money. Orders had fallen for six years in a row."
    assert _omitted(plain, "受注は6年連続で減少しており、状況は厳しいものだった。") == [
        "The factory had lost money"
    ]
