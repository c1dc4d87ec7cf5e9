"""One Ctrl+Enter is one write and only the reads it needs (issue 13), counted — not timed — with a
counting wrapper around the project's store (every database call the service makes goes through it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from mtreview.domain.model import Status

SEGMENT_WRITES = {"change_segment", "update_segment"}
OTHER_WRITES = {"set_editing", "save_draft", "discard_draft", "add_annotations", "update_annotation"}
NOT_CALLS = {"read", "write", "notify", "transaction", "close", "listener"}


def _count_store_calls(service: Any) -> Counter[str]:
    calls: Counter[str] = Counter()
    store = service._store
    for name in dir(store):
        fn = getattr(store, name)
        if name.startswith("_") or name in NOT_CALLS or not callable(fn):
            continue

        def counted(*args: Any, _name: str = name, _fn: Callable[..., Any] = fn, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _fn(*args, **kwargs)

        setattr(store, name, counted)
    return calls


def _count_loads(editor: Any) -> list[object]:
    loads: list[object] = []
    original = editor.load

    def load(*args: Any, **kwargs: Any) -> None:
        loads.append(args[0] if args else None)
        original(*args, **kwargs)

    editor.load = load
    return loads


def _ctrl_enter(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    correction = window.editor.correction
    correction.setFocus()
    correction.selectAll()
    correction.insertPlainText(text)
    qtbot.keyClick(correction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_one_ctrl_enter_is_one_write_a_few_reads_and_one_editor_load(qtbot, window, project):
    window.grid.select_row(0)
    _ctrl_enter(qtbot, window, "一つ目")  # warms the per-document check index (read once per document)
    second = window.review.current
    calls = _count_store_calls(project)
    loads = _count_loads(window.editor)

    _ctrl_enter(qtbot, window, "二つ目")
    calls = Counter(calls)  # what the keypress did (the checks below read too)

    stored = project.segment(second.id)
    assert (stored.corrected, stored.status) == ("二つ目", Status.APPROVED)
    assert window.review.current.id != second.id
    writes = sum(n for name, n in calls.items() if name in SEGMENT_WRITES)
    reads = {name: n for name, n in calls.items() if name not in SEGMENT_WRITES | OTHER_WRITES}
    assert writes == 1, calls
    assert set(calls) - SEGMENT_WRITES - set(reads) <= {"set_editing"}, calls  # a presence heartbeat
    # next unconfirmed, status counts, the next segment's draft and annotations
    assert sum(reads.values()) <= 4, sorted(reads.items())
    assert loads == [window.review.current], loads  # the editor shows the next segment once


def test_saving_by_leaving_a_segment_is_one_write(qtbot, window, project):
    window.grid.select_row(0)
    first = window.review.current
    window.editor.correction.setPlainText("途中")
    calls = _count_store_calls(project)
    window.grid.select_row(1)
    calls = Counter(calls)
    assert project.segment(first.id).status == Status.CORRECTED
    assert sum(n for name, n in calls.items() if name in SEGMENT_WRITES) == 1, calls
