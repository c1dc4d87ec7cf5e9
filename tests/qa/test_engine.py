"""The engine: registry and entry points, settings, errors that do not stop a run, incremental re-checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

import pytest

from mtreview.domain.model import AnnotationState, Severity, Side
from mtreview.domain.progress import Progress
from mtreview.qa import Check, DocumentInput, Finding, IncrementalChecker, SegmentInput, run_checks
from mtreview.qa import registry as registry_module
from mtreview.qa.context import DocumentFacts
from mtreview.qa.registry import available_checks, default_settings

from .helpers import document, run

CHECK_IDS = [
    "name-as-company",
    "name-consistency",
    "untranslated",
    "numbers",
    "addition",
    "omission",
    "literal-idiom",
    "glossary",
    "register-mix",
    "punctuation-width",
    "identical",
]
CATEGORIES = {
    "Accuracy/Mistranslation",
    "Terminology/Inconsistent use of terminology",
    "Terminology/Inappropriate for context",
    "Accuracy/Untranslated text",
    "Accuracy/Addition",
    "Accuracy/Omission",
    "Fluency/Register",
    "Fluency/Punctuation",
    "Style/Awkward",
    "Non-translation!",
}


def test_builtin_checks_have_the_contract_ids_names_and_mqm_categories() -> None:
    checks, errors = available_checks()
    assert errors == []
    assert list(checks)[: len(CHECK_IDS)] == CHECK_IDS
    for cls in checks.values():
        assert cls.display_name() and cls.display_description()
        assert cls.category in CATEGORIES
        assert isinstance(cls.severity, Severity)
    assert set(default_settings()["checks"]) >= set(CHECK_IDS)


class _Exploding(Check):
    id = "exploding"
    name = "Explodes on one segment"
    description = "test"
    category = "Other"

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        if "boom" in segment.source:
            raise RuntimeError("kaboom")
        yield self.finding(segment, Side.TARGET, None, None, "seen")


class _FakeEntryPoint:
    def __init__(self, name: str, obj: Any) -> None:
        self.name, self.value, self._obj = name, f"plugin:{name}", obj

    def load(self) -> Any:
        if isinstance(self._obj, Exception):
            raise self._obj
        return self._obj


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> list[_FakeEntryPoint]:
    eps: list[_FakeEntryPoint] = []

    def fake_entry_points(group: str) -> list[_FakeEntryPoint]:
        assert group == "mtreview.checks"
        return eps

    monkeypatch.setattr(registry_module, "entry_points", fake_entry_points)
    return eps


def test_plugin_check_runs_and_a_raising_segment_is_an_error_of_that_check(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(_FakeEntryPoint("exploding", _Exploding))
    result = run(
        [("one boom here", "一つ"), ("two", "二つ"), ("He spilled the beans.", "彼は豆をこぼした。")],
        ["exploding", "literal-idiom"],
    )
    assert [(e.check, e.segment) for e in result.errors] == [("exploding", "1")]
    assert "kaboom" in result.errors[0].message
    assert {(f.check, f.segment) for f in result.findings} == {
        ("exploding", "2"),
        ("exploding", "3"),
        ("literal-idiom", "3"),
    }


def test_broken_plugins_are_reported_not_fatal(plugins: list[_FakeEntryPoint]) -> None:
    plugins.append(_FakeEntryPoint("broken", ImportError("no module named x")))
    plugins.append(_FakeEntryPoint("not-a-check", object))

    class Clash(_Exploding):
        id = "numbers"

    plugins.append(_FakeEntryPoint("clash", Clash))
    checks, errors = available_checks()
    assert checks["numbers"] is not Clash
    assert sorted(e.check for e in errors) == ["broken", "not-a-check", "numbers"]
    result = run([("It costs $5.", "6ドルです。")], ["numbers"])
    assert [f.text for f in result.findings] == ["6ドル"]


def test_settings_enable_disable_and_override_severity() -> None:
    pairs = [
        ("The change was substantial.", "その変更は substantial だった。"),
        ("Click here now.", "Click here now."),
    ]
    all_on = run(pairs)
    assert {"untranslated", "identical"} <= {f.check for f in all_on.findings}
    settings: dict[str, Any] = {
        "checks": {"untranslated": {"enabled": False}, "identical": {"severity": "minor"}}
    }
    result = run_checks([document(pairs)], {**settings, "user_lexicons": False})
    assert "untranslated" not in {f.check for f in result.findings}
    assert [f.severity for f in result.findings if f.check == "identical"] == [Severity.MINOR]
    off = run_checks([document(pairs)], {"checks": {"identical": False}, "user_lexicons": False})
    assert "identical" not in {f.check for f in off.findings}


def test_progress_is_reported_and_findings_become_proposals() -> None:
    seen: list[tuple[int, int]] = []
    pairs = [(f"Sentence {i} is here.", f"文{i}です。") for i in range(1500)] + [
        ("Click here now.", "Click here now.")
    ]
    result = run_checks(
        [document(pairs)], {"user_lexicons": False}, Progress(lambda d, t, m: seen.append((d, t)))
    )
    assert seen[0] == (1000, 1501) and seen[-1] == (1501, 1501)
    [identical] = [f for f in result.findings if f.check == "identical"]
    draft = identical.to_draft(42)
    assert (draft.segment_id, draft.origin, draft.state, draft.start) == (
        42,
        "identical",
        AnnotationState.PROPOSED,
        None,
    )
    assert identical.to_json()["severity"] == "major"


def _doc(pairs: list[tuple[str, str]]) -> DocumentInput:
    return document(pairs)


def test_incremental_recheck_matches_a_full_run() -> None:
    pairs = [
        ("Ingrid Sorensen opened the meeting.", "イングリッド・ソレンセンが会議を開きました。"),
        ("Sorensen then left the room.", "その後ソレンセンは退室しました。"),
        ("Later Sorensen came back.", "後でソーレンセンが戻ってきました。"),
        ("It was over by noon.", "正午には終わった。"),
        ("We thanked everyone.", "私たちは皆に感謝しました。"),
    ]
    settings = {"user_lexicons": False}
    checker = IncrementalChecker([_doc(pairs)], settings)
    first = checker.run()
    assert {(f.check, f.segment) for f in first.findings} >= {
        ("name-consistency", "3"),
        ("register-mix", "4"),
    }
    # the reviewer fixes the spelling and the register; the minority findings go away
    edits = {"3": "後でソレンセンが戻ってきました。", "4": "正午には終わりました。"}
    changed: dict[str, list[Finding]] = {}
    for sid, text in edits.items():
        old = next(s for s in checker.documents[0].segments if s.id == sid)
        changed.update(checker.update_segment(SegmentInput(sid, "doc", old.source, text)))
    assert changed["3"] == [] and changed["4"] == []
    fixed = [(s, edits.get(str(i), t)) for i, (s, t) in enumerate(pairs, 1)]
    assert checker.result().findings == run_checks([_doc(fixed)], settings).findings
    # and an edit that introduces a variant brings findings back, on the other segments too
    changed = checker.update_segment(
        SegmentInput("2", "doc", pairs[1][0], "その後ソーレンセンは退室しました。")
    )
    assert [f.text for f in changed["2"] if f.check == "name-consistency"] == ["ソーレンセン"]
    again = [(s, t) for s, t in fixed]
    again[1] = (pairs[1][0], "その後ソーレンセンは退室しました。")
    assert checker.result().findings == run_checks([_doc(again)], settings).findings


class _Counter(Check):
    id = "counter"
    name = "Counts"
    description = "test"
    category = "Other"
    calls: ClassVar[list[str]] = []

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        self.calls.append(segment.id)
        return ()


def test_recheck_runs_segment_checks_on_the_edited_segment_only(plugins: list[_FakeEntryPoint]) -> None:
    plugins.append(_FakeEntryPoint("counter", _Counter))
    _Counter.calls.clear()
    pairs = [(f"Line {i}.", f"行{i}。") for i in range(50)]
    checker = IncrementalChecker([_doc(pairs)], {"user_lexicons": False}, only=["counter"])
    checker.run()
    assert len(_Counter.calls) == 50
    checker.update_segment(SegmentInput("7", "doc", "Line 6.", "行六。"))
    assert _Counter.calls[50:] == ["7"]
