"""Hand edits of an alignment: each operation, its preconditions, and re-alignment around locks."""

import pytest

from mtreview.align.edit import (
    EditError,
    Link,
    detach,
    merge_with_next,
    move_target_down,
    move_target_up,
    order,
    realign,
    split,
    toggle_lock,
    validate,
)

BASE = [Link((1,), (10,)), Link((2,), (11, 12)), Link((3,), (13,)), Link((), (14,))]


def test_merge_unions_lines():
    out = merge_with_next(BASE, 0)
    assert out[0] == Link((1, 2), (10, 11, 12), 1.0)
    assert len(out) == 3


def test_split_cuts_both_sides():
    out = split([Link((1, 2), (10, 11, 12))], 0)
    assert out == [Link((1,), (10, 11)), Link((2,), (12,))]


def test_split_one_to_one_is_refused():
    with pytest.raises(EditError):
        split(BASE, 0)


def test_move_target_up_and_down_are_inverse():
    up = move_target_up(BASE, 2)
    assert up[1].target_lines == (11, 12, 13)
    assert up[2].target_lines == () and up[2].source_lines == (3,)
    down = move_target_down(BASE, 1)
    assert down[1].target_lines == (11,) and down[2].target_lines == (12, 13)


def test_detach_makes_source_only_and_target_only():
    out = detach(BASE, 1)
    kinds = [(lk.source_lines, lk.target_lines) for lk in out]
    assert ((2,), ()) in kinds and ((), (11, 12)) in kinds
    validate(out)


def test_locked_links_refuse_edits_and_survive_realign():
    locked = toggle_lock(BASE, 1)
    with pytest.raises(EditError):
        merge_with_next(locked, 0)

    seen = []

    def naive(source, target, bounded):
        seen.append(bounded)
        return [Link((s,), (t,), 0.5) for s, t in zip(source, target, strict=False)] + [
            Link((), (t,), 0.0) for t in target[len(source) :]
        ]

    out = realign(locked, naive)
    assert seen == [False, False]  # before the only lock and after it: page edges, not inner gaps
    assert Link((2,), (11, 12), 1.0, locked=True) in out
    validate(out)
    covered_t = sorted(t for lk in out for t in lk.target_lines)
    assert covered_t == [10, 11, 12, 13, 14]


def test_order_places_target_only_between_pairs():
    links = [Link((2,), (20,)), Link((), (15,)), Link((1,), (10,))]
    assert [lk.target_lines for lk in order(links)] == [(10,), (15,), (20,)]


def test_validate_rejects_duplicates():
    with pytest.raises(EditError):
        validate([Link((1,), (2,)), Link((1,), (3,))])
