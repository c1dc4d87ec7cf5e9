"""Fixing a document's alignment by hand: merge, split, shift, detach, lock, re-run the aligner.

Each edit is a ``SetAlignment`` command: it writes the new links and returns the old ones as its
inverse, so the alignment view's undo/redo is the same mechanism as every other edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from mtreview.align import edit
from mtreview.align.edit import Link
from mtreview.domain.model import Changes
from mtreview.services.project import ProjectService
from mtreview.storage.alignment import DocumentLines, read_links, write_links

ALIGNABLE_FORMATS = {"page", "text-pair", "text", "markdown"}


def document_lines(service: ProjectService, document_id: int) -> DocumentLines:
    return read_links(service.store, document_id)


@dataclass
class SetAlignment:
    document_id: int
    links: list[Link]
    label: str = "Change alignment"

    def apply(self, service: ProjectService) -> tuple[SetAlignment, Changes]:
        current = read_links(service.store, self.document_id)
        new = replace(current, links=list(self.links))
        changed = write_links(service.store, self.document_id, new, service.author)
        inverse = SetAlignment(self.document_id, list(current.links), self.label)
        return inverse, Changes(segments=frozenset(changed), documents=frozenset({self.document_id}))


Operation = Callable[[Sequence[Link], int], list[Link]]

OPERATIONS: dict[str, Operation] = {
    "merge": edit.merge_with_next,
    "split": edit.split,
    "up": edit.move_target_up,
    "down": edit.move_target_down,
    "detach": edit.detach,
    "lock": edit.toggle_lock,
}


def align_lines(
    source: list[int],
    target: list[int],
    source_text: dict[int, str],
    target_text: dict[int, str],
    bounded: bool = False,
) -> list[Link]:
    """Run the paragraph aligner on free lines (each line one paragraph) and express the result as links.
    ``bounded``: the lines lie between locked pairs, so unpaired lines at their ends are not page chrome."""
    from mtreview.align.aligner import AlignParams
    from mtreview.align.bilingual import align_units_to_alignment
    from mtreview.align.structure import Unit

    if not source or not target:
        return [Link((n,), (), 0.0) for n in source] + [Link((), (n,), 0.0) for n in target]
    src_units = [Unit((n,), (source_text.get(n, ""),), "en") for n in source]
    tgt_units = [Unit((n,), (target_text.get(n, ""),), "ja") for n in target]
    params = AlignParams(edge_cost=AlignParams().skip_cost) if bounded else None
    alignment = align_units_to_alignment(src_units, tgt_units, [], [], params=params)
    body = (
        set(alignment.source_only) if alignment.source_only_body is None else set(alignment.source_only_body)
    )
    links = [Link(p.source_lines, p.target_lines, p.confidence) for p in alignment.pairs]
    links += [Link((n,), (), 0.0, note=n not in body) for n in alignment.source_only]
    links += [Link((), (n,), 0.0) for n in alignment.target_only]
    return edit.order(links)


def realign_links(service: ProjectService, document_id: int) -> list[Link]:
    """Re-run the aligner on the document, keeping locked links as they are."""
    lines = read_links(service.store, document_id)

    def aligner(source: list[int], target: list[int], bounded: bool) -> list[Link]:
        return align_lines(source, target, lines.source_text, lines.target_text, bounded)

    return edit.order(edit.realign(lines.links, aligner))
