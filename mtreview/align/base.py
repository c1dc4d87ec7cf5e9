"""The alignment contract: what the aligner returns, in 1-based physical line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from mtreview.domain.model import ImportedDocument, SegmentDraft


@dataclass(frozen=True, slots=True)
class AlignedPair:
    source_lines: tuple[int, ...]
    target_lines: tuple[int, ...]
    source: str
    target: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every non-blank line of the input(s) is in exactly one of ``pairs``, ``source_only``, ``target_only``.

    ``source_only`` lines that are body paragraphs become segments with an empty target; ``source_only``
    lines that are not body (none today) and every ``target_only`` line are kept as notes.
    """

    pairs: list[AlignedPair]
    source_only: list[int]
    target_only: list[int]
    source_text: dict[int, str] = field(default_factory=dict)
    """Stripped text of every non-blank source line, by line number."""
    target_text: dict[int, str] = field(default_factory=dict)
    source_only_body: frozenset[int] | None = None
    """Source-only lines that are body paragraphs (segments); ``None`` means all of ``source_only``."""
    inputs: tuple[str, ...] = ()
    """The files aligned (absolute paths; a pair's source and target): recorded with the document so
    that no export or report ever overwrites one of them."""

    def to_json(self) -> dict[str, object]:
        return {
            "pairs": [
                {
                    "source_lines": list(p.source_lines),
                    "target_lines": list(p.target_lines),
                    "source": p.source,
                    "target": p.target,
                    "confidence": round(p.confidence, 4),
                }
                for p in self.pairs
            ],
            "source_only": list(self.source_only),
            "target_only": list(self.target_only),
        }

    def segments(self) -> list[SegmentDraft]:
        """Pairs and body source-only lines, ordered by first source line (PRODUCT.md "Segments")."""
        body = set(self.source_only) if self.source_only_body is None else set(self.source_only_body)
        drafts: list[tuple[int, SegmentDraft]] = [
            (
                p.source_lines[0],
                SegmentDraft(p.source, p.target, p.source_lines, p.target_lines, p.confidence),
            )
            for p in self.pairs
        ]
        drafts += [
            (line, SegmentDraft(self.source_text.get(line, ""), "", (line,), (), 0.0))
            for line in self.source_only
            if line in body
        ]
        drafts.sort(key=lambda item: item[0])
        return [d for _, d in drafts]

    def to_document(self, name: str, path: str | None, fmt: str) -> ImportedDocument:
        return ImportedDocument(
            name=name,
            segments=self.segments(),
            path=path,
            format=fmt,
            source_only=tuple(self.source_only),
            target_only=tuple(self.target_only),
            target_only_text={n: self.target_text.get(n, "") for n in self.target_only},
            source_notes={
                n: self.source_text.get(n, "")
                for n in self.source_only
                if self.source_only_body is not None and n not in self.source_only_body
            },
            meta={"input_files": list(self.inputs)} if self.inputs else {},
        )
