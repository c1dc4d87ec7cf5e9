"""Fixing a document's alignment by hand: merge, split, shift, detach, lock, re-run the aligner.

Each edit is a ``SetAlignment`` command: it writes the new links and returns the old ones as its
inverse, so the alignment view's undo/redo is the same mechanism as every other edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from mtreview.align import edit
from mtreview.align.edit import Link
from mtreview.domain.errors import InputError
from mtreview.domain.model import Changes
from mtreview.i18n import _
from mtreview.services.commands import Command
from mtreview.services.project import ProjectService
from mtreview.storage.alignment import DocumentLines as DocumentLines  # what the UI receives
from mtreview.storage.alignment import (
    DocumentSnapshot,
    read_links,
    restore,
    snapshot,
    write_links,
)

ALIGNABLE_FORMATS = {"page", "text-pair", "text", "markdown"}


def document_lines(service: ProjectService, document_id: int) -> DocumentLines:
    return read_links(service._store, document_id)


@dataclass
class SetAlignment:
    """Rewrite a document's links; the inverse puts back exactly what was there (segments with their
    ids, corrections, statuses and annotations), so undo loses nothing an alignment edit removed."""

    document_id: int
    links: list[Link]
    label: str = "Change alignment"

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        check_alignable(service, self.document_id)
        before = snapshot(service._store, self.document_id)
        current = read_links(service._store, self.document_id)
        new = replace(current, links=list(self.links))
        changed = write_links(service._store, self.document_id, new, service.author)
        inverse = RestoreDocument(self.document_id, before, self.label)
        return inverse, Changes(segments=frozenset(changed), documents=frozenset({self.document_id}))


@dataclass
class RestoreDocument:
    document_id: int
    state: DocumentSnapshot
    label: str = "Change alignment"

    def apply(self, service: ProjectService) -> tuple[Command, Changes]:
        now_state = snapshot(service._store, self.document_id)
        changed = restore(service._store, self.document_id, self.state, service.author)
        inverse = RestoreDocument(self.document_id, now_state, self.label)
        return inverse, Changes(segments=frozenset(changed), documents=frozenset({self.document_id}))


def check_alignable(service: ProjectService, document_id: int) -> None:
    """Only text pages and file pairs are aligned here: TM files (TMX, XLIFF, PO, CSV…) come paired, and
    their units carry ids and markup that a re-alignment would lose."""
    doc = service._store.document(document_id)
    if doc.format not in ALIGNABLE_FORMATS:
        raise InputError(
            _("{name} was imported as {format}, already paired: its alignment cannot be edited").format(
                name=doc.name, format=doc.format
            )
        )


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
    lines = read_links(service._store, document_id)

    def aligner(source: list[int], target: list[int], bounded: bool) -> list[Link]:
        return align_lines(source, target, lines.source_text, lines.target_text, bounded)

    return edit.order(edit.realign(lines.links, aligner))
