"""Rows added to the shipped senses lexicon (general dictionary knowledge; sentences of our own, issue 14):
each wrong sense is found, each right one left alone."""

from __future__ import annotations

import pytest

from .helpers import findings

WRONG = [
    (
        "About 200 of the 1,500 bus stops will be removed, riders were told.",
        "1500カ所の停止のうち約200カ所が廃止される。",
        "停止",
    ),
    ("The party lost four seats in the election.", "同党は選挙で4つの座席を失った。", "座席"),
    ("The company said it would honour the contract.", "同社は契約を称えると述べた。", "称える"),
    ("The government lifted the ban on fishing.", "政府は漁業の禁止を持ち上げた。", "持ち上げ"),
    ("Police foiled a plot to bomb the station.", "警察は駅を爆破する区画を阻止した。", "区画"),
    (
        "Traffic jams stretched for 20 km on the motorway.",
        "高速道路ではジャムが20キロにわたって続いた。",
        "ジャム",
    ),
    (
        "The airline plans to double its fleet of jets.",
        "同航空会社はジェット機の艦隊を倍増させる計画だ。",
        "艦隊",
    ),
    ("She has a degree in law from the university.", "彼女は大学で法律の程度を持っている。", "程度"),
    ("The arms embargo was extended for a year.", "腕の禁輸措置は1年延長された。", "腕"),
]


@pytest.mark.parametrize(("source", "target", "wrong"), WRONG)
def test_a_wrong_sense_is_found(source: str, target: str, wrong: str) -> None:
    assert [f.text for f in findings([(source, target)], "sense")] == [wrong]


RIGHT = [
    (
        "About 200 of the 1,500 bus stops will be removed, riders were told.",
        "1500カ所のバス停のうち約200カ所が廃止される。",
    ),
    ("The party lost four seats in the election.", "同党は選挙で4議席を失った。"),
    ("The company said it would honour the contract.", "同社は契約を履行すると述べた。"),
    ("The government lifted the ban on fishing.", "政府は漁業の禁止を解除した。"),
    ("The service will stop at midnight, the operator said.", "運行会社によると、運行は午前0時に停止する。"),
    ("He sat in the front seat of the car.", "彼は車の前の座席に座った。"),
    ("The crane lifted the steel beam onto the roof.", "クレーンが鉄骨を屋上へ持ち上げた。"),
]


@pytest.mark.parametrize(("source", "target"), RIGHT)
def test_a_right_sense_is_left_alone(source: str, target: str) -> None:
    assert findings([(source, target)], "sense") == []
