"""Lessons of the fresh pages of 2026-12-05 (their misses, in our own words): comparatives of a quality
without "than", and the polarity of English refusal phrasal verbs."""

from __future__ import annotations

import pytest

from .helpers import findings

DEGREES = [
    # a quality compared the other way: speed, price, height, heat, time
    (
        "The infection spread more slowly in the northern valleys, where winters are colder.",
        "北部の谷では冬がより寒く、感染はより速く広がった。",
        ["より速く"],
    ),
    ("Tickets will be cheaper this season.", "今季はチケットがより高くなる。", ["より高く"]),
    ("Water levels fell lower than last spring.", "水位は昨春より高くなった。", ["高く"]),
    ("The second test ran faster.", "2回目の試験はより遅く進んだ。", ["より遅く"]),
    # the same way, or another quality than the English compares, or none
    (
        "The infection spread more slowly in the northern valleys, where winters are colder.",
        "北部の谷では冬がより寒く、感染はより緩やかに広がった。",
        [],
    ),
    ("Tickets will be cheaper this season.", "今季はチケットがより安くなる。", []),
    ("The new boats are lighter and more widely used.", "新しい船はより軽く、より広く使われている。", []),
    ("The hall is larger, and tickets are cheaper.", "ホールはより大きく、チケットはより安い。", []),
    ("Later, prices rose faster.", "その後、価格はより早く上昇した。", []),
    ("The plan is simpler.", "計画はより高度になった。", []),
]


@pytest.mark.parametrize(("en", "ja", "spans"), DEGREES)
def test_a_comparative_of_a_quality_is_compared_by_its_direction(en: str, ja: str, spans: list[str]) -> None:
    found = findings([(en, ja)], "comparison")
    assert [f.text for f in found] == spans
    for f in found:
        assert f.source_start is not None and en[f.source_start : f.source_end] in f.message


ASIDES = [
    # an English relative clause between commas, set in brackets: no addition
    (
        "The harbour's dredging index, which measures the silt removed against the silt expected, rose.",
        "港の浚渫指数（除去した土砂を予想された土砂と比べて測る指標）は上昇した。",
        [],
    ),
    # a bracketed gloss the relative clause does not say: an addition still
    (
        "The harbour's dredging index, which rose sharply in May, is watched closely.",
        "5月に急上昇した港の浚渫指数（海運業界が重視する指標）は注目されている。",
        ["（海運業界が重視する指標）"],
    ),
]


@pytest.mark.parametrize(("en", "ja", "spans"), ASIDES)
def test_a_relative_clause_set_in_brackets_is_no_addition(en: str, ja: str, spans: list[str]) -> None:
    assert [f.text for f in findings([(en, ja)], "addition")] == spans
