"""What the fresh tune pages of 2026-12-07 (twenty-second session) taught, on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def test_a_speakers_own_negated_clause_after_what_was_said() -> None:
    source = (
        "The housing minister, Clara Venn, said the council would publish its plans next spring "
        "but did not commit to a date."
    )
    flipped = "クララ・ベン住宅相は、議会は来春計画を公表すると述べ、日程も約束した。"
    kept = "クララ・ベン住宅相は、議会は来春計画を公表すると述べたが、日程は約束しなかった。"
    # the flip is the clause after the reporting verb, not the reported one (公表する)
    assert _found("polarity", source, flipped) == ["約束した"]
    assert _found("polarity", source, kept) == []
    # a negation inside what was said stays with the reported clause
    reported = "Venn said the council would not publish its plans before the spring."
    assert _found("polarity", reported, "ベン氏は、議会は春より前に計画を公表すると述べた。") == ["公表する"]
