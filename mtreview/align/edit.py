"""Editing an alignment by hand, as pure functions on a list of links (Qt-free, undoable as data).

A document's alignment is an ordered list of ``Link``s covering each of its non-blank lines once:
pairs (source and target lines), source-only links (a source paragraph with no translation: a segment
with an empty target, or, with ``note=True``, page chrome kept as a note), and target-only links
(target lines that pair with nothing: summaries, separators; kept as notes). Every operation returns a
new list; the previous list is the undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Link:
    source_lines: tuple[int, ...]
    target_lines: tuple[int, ...]
    confidence: float = 1.0
    locked: bool = False
    note: bool = False
    """A source-only link that is not a body paragraph (page chrome): kept as a note, not a segment."""

    @property
    def is_pair(self) -> bool:
        return bool(self.source_lines) and bool(self.target_lines)

    @property
    def is_segment(self) -> bool:
        return bool(self.source_lines) and not self.note


Aligner = Callable[[list[int], list[int], bool], list[Link]]
"""Given free source and target line numbers (in order), propose links covering all of them. The flag is
true when a locked link borders the gap: its ends are then not the page's edges (no chrome there)."""


class EditError(ValueError):
    """The operation does not apply here (e.g. merging the last link); the message says why."""


def _check(links: Sequence[Link], i: int) -> None:
    if not 0 <= i < len(links):
        raise EditError(f"no link {i}")


def _tidy(links: list[Link]) -> list[Link]:
    return [link for link in links if link.source_lines or link.target_lines]


def order(links: Sequence[Link]) -> list[Link]:
    """Links in reading order: by source line; target-only links after the link holding the target line
    before theirs."""
    with_source = sorted((lk for lk in links if lk.source_lines), key=lambda lk: lk.source_lines[0])
    target_only = sorted((lk for lk in links if not lk.source_lines), key=lambda lk: lk.target_lines[0])
    out: list[Link] = []
    pending = list(target_only)
    for link in with_source:
        if link.target_lines:
            first = link.target_lines[0]
            while pending and pending[0].target_lines[0] < first:
                out.append(pending.pop(0))
        out.append(link)
    out.extend(pending)
    return out


def merge_with_next(links: Sequence[Link], i: int) -> list[Link]:
    _check(links, i)
    if i + 1 >= len(links):
        raise EditError("the last link has nothing after it to merge with")
    a, b = links[i], links[i + 1]
    if a.locked or b.locked:
        raise EditError("unlock the pair first")
    merged = Link(
        tuple(sorted(a.source_lines + b.source_lines)),
        tuple(sorted(a.target_lines + b.target_lines)),
        min(a.confidence, b.confidence),
        False,
        False,
    )
    return [*links[:i], merged, *links[i + 2 :]]


def split(links: Sequence[Link], i: int) -> list[Link]:
    """Split a link of several lines into two, each side cut in the middle (rounded up for the first)."""
    _check(links, i)
    link = links[i]
    if link.locked:
        raise EditError("unlock the pair first")
    s, t = link.source_lines, link.target_lines
    if len(s) < 2 and len(t) < 2:
        raise EditError("a link of one source and one target line cannot be split; detach it instead")
    ks, kt = (len(s) + 1) // 2, (len(t) + 1) // 2
    first = Link(s[:ks], t[:kt], link.confidence, False, False)
    second = Link(s[ks:], t[kt:], link.confidence, False, False)
    return _tidy([*links[:i], first, second, *links[i + 1 :]])


def move_target_up(links: Sequence[Link], i: int) -> list[Link]:
    """Give the first target line of link ``i`` to the link before it."""
    _check(links, i)
    if i == 0:
        raise EditError("the first link has no link before it")
    prev, link = links[i - 1], links[i]
    if prev.locked or link.locked:
        raise EditError("unlock the pair first")
    if not link.target_lines:
        raise EditError("this link has no target line to move")
    line = link.target_lines[0]
    new_prev = replace(prev, target_lines=(*prev.target_lines, line), note=False)
    new_link = replace(link, target_lines=link.target_lines[1:])
    return _tidy([*links[: i - 1], new_prev, new_link, *links[i + 1 :]])


def move_target_down(links: Sequence[Link], i: int) -> list[Link]:
    """Give the last target line of link ``i`` to the link after it."""
    _check(links, i)
    if i + 1 >= len(links):
        raise EditError("the last link has no link after it")
    link, nxt = links[i], links[i + 1]
    if nxt.locked or link.locked:
        raise EditError("unlock the pair first")
    if not link.target_lines:
        raise EditError("this link has no target line to move")
    line = link.target_lines[-1]
    new_link = replace(link, target_lines=link.target_lines[:-1])
    new_next = replace(nxt, target_lines=(line, *nxt.target_lines), note=False)
    return _tidy([*links[:i], new_link, new_next, *links[i + 2 :]])


def detach(links: Sequence[Link], i: int) -> list[Link]:
    """Make a pair into a source-only segment and a target-only note."""
    _check(links, i)
    link = links[i]
    if link.locked:
        raise EditError("unlock the pair first")
    if not link.is_pair:
        raise EditError("this link is not a pair")
    parts = [Link(link.source_lines, (), 0.0), Link((), link.target_lines, 0.0)]
    return order([*links[:i], *parts, *links[i + 1 :]])


def toggle_lock(links: Sequence[Link], i: int) -> list[Link]:
    _check(links, i)
    link = links[i]
    return [*links[:i], replace(link, locked=not link.locked), *links[i + 1 :]]


def realign(links: Sequence[Link], aligner: Aligner) -> list[Link]:
    """Re-run the aligner on everything between locked links; locked links stay exactly as they are."""
    out: list[Link] = []
    free_source: list[int] = []
    free_target: list[int] = []

    def flush(bounded: bool) -> None:
        if free_source or free_target:
            out.extend(aligner(sorted(free_source), sorted(free_target), bounded))
            free_source.clear()
            free_target.clear()

    locked_before = False
    for link in links:
        if link.locked:
            flush(locked_before)  # a gap between two locked pairs is all body; before the first, not
            out.append(link)
            locked_before = True
        else:
            free_source.extend(link.source_lines)
            free_target.extend(link.target_lines)
    flush(False)  # after the last locked pair comes the page's end (chrome may be there)
    return out


def validate(links: Sequence[Link]) -> None:
    """Every line at most once; raises ``EditError`` otherwise."""
    seen_s: set[int] = set()
    seen_t: set[int] = set()
    for link in links:
        for line in link.source_lines:
            if line in seen_s:
                raise EditError(f"source line {line} is in two links")
            seen_s.add(line)
        for line in link.target_lines:
            if line in seen_t:
                raise EditError(f"target line {line} is in two links")
            seen_t.add(line)
