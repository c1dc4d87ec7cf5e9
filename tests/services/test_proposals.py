"""A flag on a proposed span decides the proposal; a correction that fixes a proposal is noticed."""

from __future__ import annotations

from datetime import UTC, datetime

from mtreview.domain.model import Annotation, AnnotationDraft, AnnotationState, Severity, Side
from mtreview.services.proposals import fixed_by_correction, proposal_for_flag

MT = "館長のアナ・ソルベルグ社は入場料を5ドルにした。"


def _ann(
    aid,
    start,
    end,
    category="Accuracy/Mistranslation",
    state=AnnotationState.PROPOSED,
    side=Side.TARGET,
    origin="name-as-company",
    segment=7,
):
    return Annotation(
        aid,
        segment,
        side,
        start,
        end,
        category,
        Severity.MAJOR,
        "",
        None,
        "mtreview-qa",
        origin,
        state,
        1,
        datetime.now(UTC),
    )


def _span(words):
    return MT.index(words), MT.index(words) + len(words)


def test_a_flag_on_the_same_span_decides_the_proposal():
    name = _ann(1, *_span("アナ・ソルベルグ社"))
    money = _ann(2, *_span("5ドル"), origin="numbers")
    draft = AnnotationDraft(
        7, "Locale convention/Name format", Severity.MINOR, Side.TARGET, *_span("アナ・ソルベルグ社")
    )
    assert proposal_for_flag([money, name], draft) is name


def test_an_overlapping_flag_of_the_same_kind_decides_it_another_kind_does_not():
    name = _ann(1, *_span("アナ・ソルベルグ社"))
    overlapping = AnnotationDraft(
        7, "Accuracy/Mistranslation", Severity.MAJOR, Side.TARGET, *_span("ソルベルグ社")
    )
    assert proposal_for_flag([name], overlapping) is name
    style = AnnotationDraft(7, "Style/Awkward", Severity.MINOR, Side.TARGET, *_span("ソルベルグ社"))
    assert proposal_for_flag([name], style) is None


def test_no_match_for_other_segments_sides_states_or_whole_segment_flags():
    name = _ann(1, *_span("アナ・ソルベルグ社"))
    start, end = _span("アナ・ソルベルグ社")
    assert (
        proposal_for_flag([name], AnnotationDraft(8, name.category, Severity.MAJOR, Side.TARGET, start, end))
        is None
    )
    assert (
        proposal_for_flag([name], AnnotationDraft(7, name.category, Severity.MAJOR, Side.SOURCE, start, end))
        is None
    )
    confirmed = _ann(3, start, end, state=AnnotationState.CONFIRMED)
    assert (
        proposal_for_flag(
            [confirmed], AnnotationDraft(7, name.category, Severity.MAJOR, Side.TARGET, start, end)
        )
        is None
    )
    assert proposal_for_flag([name], AnnotationDraft(7, name.category, Severity.MAJOR)) is None


def test_a_correction_that_removes_the_words_fixes_the_proposal():
    name = _ann(1, *_span("アナ・ソルベルグ社"))
    money = _ann(2, *_span("5ドル"), origin="numbers")
    corrected = "館長のアナ・ソルベルグ氏は入場料を5ドルにした。"
    assert fixed_by_correction([name, money], MT, corrected, []) == [name]


def test_words_still_in_the_correction_are_not_fixed():
    name = _ann(1, *_span("アナ・ソルベルグ社"))
    corrected = "館長アナ・ソルベルグ社が入場料を5ユーロにした。"  # reworded, the company is still there
    assert fixed_by_correction([name], MT, corrected, []) == []
