"""What the tune pages taught in the twenty-third session (2026-12-08), on sentences of our own."""

from __future__ import annotations

from .helpers import findings


def _found(check: str, source: str, target: str) -> list[str]:
    return [f.text for f in findings([(source, target)], check)]


def test_a_phrase_between_commas_or_after_and_left_out_is_named() -> None:
    source = (
        "The charity said many carers, especially in remote villages with no bus service, would struggle "
        "to reach the new centre."
    )
    dropped = "同慈善団体は、多くの介護者が新しいセンターに通うのに苦労するだろうと述べた。"
    kept = (
        "同慈善団体は、多くの介護者、とりわけバスの便がない遠隔地の村に住む人々が、新しいセンターに通うのに"
        "苦労するだろうと述べた。"
    )
    # the phrase, not the whole sentence, is what has no counterpart
    assert _found("omission", source, dropped) == ["especially in remote villages with no bus service"]
    assert _found("omission", source, kept) == []
    source = (
        "The union said its members had not been asked before the decision and called the new rota "
        '"unworkable".'
    )
    dropped = "同組合は、決定の前に組合員への相談はなかったと述べた。"
    kept = "同組合は、決定の前に組合員への相談はなかったと述べ、新しい勤務表を「実行不可能」と批判した。"
    # a second verb phrase of the speaker after "and"; the quotation it opens ends with it
    assert _found("omission", source, dropped) == ['and called the new rota "unworkable"']
    assert _found("omission", source, kept) == []


def test_a_clause_after_a_quotation_that_ends_with_its_comma() -> None:
    source = (
        'The director said the festival had given local musicians "a stage of their own," and that the '
        "council would fund a second edition next year."
    )
    dropped = "同ディレクターは、フェスティバルが地元の音楽家に「自分たちの舞台」を与えたと述べた。"
    kept = (
        "同ディレクターは、フェスティバルが地元の音楽家に「自分たちの舞台」を与えたと述べ、市議会が来年の"
        "第2回開催に資金を出すとも語った。"
    )
    assert _found("omission", source, dropped) == [
        "and that the council would fund a second edition next year"
    ]
    assert _found("omission", source, kept) == []


def test_a_coined_name_said_by_a_body_in_kanji_is_another_agent() -> None:
    source = "BrightPath said it had advised 2,300 households on energy debts in the six months to September."
    swapped = "消費者保護庁は、9月までの6カ月間に2300世帯のエネルギー債務について助言したと明らかにした。"
    kept = "ブライトパスは、9月までの6カ月間に2300世帯のエネルギー債務について助言したと明らかにした。"
    assert _found("agent", source, swapped) == ["消費者保護庁"]
    assert _found("agent", source, kept) == []
    source = "According to BrightPath, 2,300 households were advised on energy debts."
    assert _found(
        "agent", source, "消費者保護庁によると、2300世帯がエネルギー債務について助言を受けた。"
    ) == ["消費者保護庁"]
    # the name kept in Latin letters
    assert _found("agent", source, "BrightPathによると、2300世帯がエネルギー債務について助言を受けた。") == []
