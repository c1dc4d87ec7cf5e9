"""Units and dates compared as values (issue 14)."""

from __future__ import annotations

import pytest

from .helpers import findings

UNIT_CASES = [
    ("Take one 300 mg aspirin tablet.", "300gのアスピリン錠を1錠服用する。", ["300g"]),
    ("Margin narrowed by 0.2 percentage points.", "利ざやは0.2%縮小した。", ["0.2%"]),
    ("The trail is 10 km long.", "この道は全長10マイルだ。", ["10マイル"]),
    ("Take one 300 mg aspirin tablet.", "300mgのアスピリン錠を1錠服用する。", []),
    ("Take one 300 mg aspirin tablet.", "0.3gのアスピリン錠を1錠服用する。", []),
    ("Margin narrowed by 0.2 percentage points.", "利ざやは0.2ポイント縮小した。", []),
    ("Sales rose 8 percent.", "売上高は8%増加した。", []),
]


@pytest.mark.parametrize(("en", "ja", "expected"), UNIT_CASES)
def test_units(en: str, ja: str, expected: list[str]) -> None:
    found = findings([(en, ja)], "units")
    assert [f.text for f in found] == expected
    for f in found:
        assert f.source_start is not None and en[f.source_start : f.source_end]


DATE_CASES = [
    ("From next Monday, visits end at 8 p.m.", "来週の火曜日から、面会は午後8時までです。", ["火曜日"]),
    (
        "Harcastle said last Friday that it had agreed.",
        "ハーキャッスルは先週木曜日、合意したと発表した。",
        ["木曜日"],
    ),
    (
        "The export will start at 10:30 p.m. tonight.",
        "エクスポートは今夜午前10時30分に開始されます。",
        ["午前10時30分"],
    ),
    ("Prices rose last month.", "価格は来月上昇した。", ["来月"]),
    ("From next Monday, visits end at 8 p.m.", "来週月曜日から、面会は午後8時までです。", []),
    ("The export will start at 10:30 p.m. tonight.", "エクスポートは今夜22:30に開始されます。", []),
    ("The next match is on Wednesday, April 9.", "次の試合は4月9日（水）です。", []),
    ("Prices rose last month and will fall next year.", "価格は先月上昇し、来年は下落する見込み。", []),
]


@pytest.mark.parametrize(("en", "ja", "expected"), DATE_CASES)
def test_dates(en: str, ja: str, expected: list[str]) -> None:
    found = findings([(en, ja)], "dates")
    assert [f.text for f in found] == expected
