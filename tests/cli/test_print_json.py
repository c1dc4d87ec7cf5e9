"""``print_json``: the text ``json.dump(indent=2)`` writes, in pieces of whole tokens, through the redacting
stream — a password in a URL is masked wherever the pieces fall."""

from __future__ import annotations

import io
import json
import sys

import pytest

from mtreview.cli.common import print_json
from mtreview.cli.main import _Redacting


def _document() -> dict[str, object]:
    findings = [
        {"segment": f"doc#{i}", "message": "いいえ " * (i % 7), "start": i, "end": None, "ok": i % 2 == 0}
        for i in range(3000)
    ]
    # a URL with a password in the middle of the output, after more than one 64 KB piece
    findings.insert(1700, {"segment": "postgresql+psycopg://alice:s3cret-pw@db.example/team", "start": 1})
    return {"segments": [], "findings": findings, "errors": [], "empty": {}, "nan": 1.5}


def test_output_is_what_json_dump_writes_and_the_password_is_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    document = _document()
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stdout", plain)
    print_json(document)
    expected = io.StringIO()
    json.dump(document, expected, ensure_ascii=False, indent=2)
    assert plain.getvalue() == expected.getvalue() + "\n"
    assert len(plain.getvalue()) > 3 * 65536  # written in several pieces

    masked = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _Redacting(masked))
    print_json(document)
    out = masked.getvalue()
    assert "s3cret-pw" not in out
    assert "postgresql+psycopg://alice:***@db.example/team" in out
    assert json.loads(out)["findings"][1700]["segment"] == "postgresql+psycopg://alice:***@db.example/team"


class _Code(int):
    pass


@pytest.mark.parametrize(
    "document",
    [
        {},
        [],
        None,
        'text\nwith "quotes", \\ and \x01 control',
        {"a": 1, "b": 2.5, "c": True, "d": None, "e": "é日本", "f": float("nan"), "g": float("inf")},
        {"f": -float("inf"), "g": 1e300, "h": -0.0, "i": 10**30, "j": _Code(7), "k": False},
        {"nested": {"list": [1, [2, [3, {}]], ()], "tuple": (1, "x"), "empty": {}}, "after": [[]]},
        [
            {"segment": "d#1", "start": 0},
            {"segment": "d#2", "span": [1, 2]},
            {1: "int key"},
            {"x": {"y": {}}},
        ],
        {"findings": [{"a": "b"}] * 3, "counts": {"major": 2, "minor": 0}, "errors": []},
        {"deep": [[[[{"a": [{"b": {"c": [None, 1.0]}}]}]]]]},
    ],
)
def test_every_shape_is_written_as_json_dump_writes_it(
    monkeypatch: pytest.MonkeyPatch, document: object
) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    print_json(document)
    assert out.getvalue() == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
