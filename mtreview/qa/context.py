"""What checks share: run-wide resources (lexicons, glossary) and per-document facts (cached indexes)."""

from __future__ import annotations

import bisect
import math
import os
import re
from array import array
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtreview.domain.errors import InputError
from mtreview.qa.base import DocumentInput, QaError, SegmentInput
from mtreview.qa.entities import (
    EntityIndex,
    Mention,
    MentionTable,
    build_entity_index,
    common_words,
    find_mentions,
    is_acronym,
)
from mtreview.qa.glossary import Glossary, read_glossary
from mtreview.qa.jtext import english_sounds, first_sound, katakana_full
from mtreview.qa.lexicons import Idiom, Lexicons, load_lexicons, shipped_lexicons

HONORIFIC = re.compile(
    r"([\u30a1-\u30fa\u30fc]{2,})(?:氏|さん|様|君|くん|ちゃん|教授|准教授|博士|議員|記者|先生|館長|選手|"
    r"容疑者|被告|夫人|医師|弁護士)"
)
"""A katakana name followed by a personal honorific or a title that only people bear (not 社長, 会長,
市長…: those also follow an organisation or a place, トヨタ社長)."""


@dataclass
class QaContext:
    """Resources for one run, built once from the settings; load errors are kept, not raised."""

    lexicons: Lexicons
    glossary: Glossary = field(default_factory=Glossary)
    errors: list[QaError] = field(default_factory=list)
    _idiom_index: dict[str, list[Idiom]] | None = None
    include_user: bool = False
    """Whether the user's lexicon folder is read (the meaning checks' lexicons load lazily)."""
    extra_lexicons: dict[str, list[str]] = field(default_factory=dict)

    @property
    def idiom_index(self) -> dict[str, list[Idiom]]:
        if self._idiom_index is None:
            self._idiom_index = self.lexicons.idiom_index()
        return self._idiom_index

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None = None) -> QaContext:
        """``settings`` keys used: ``lexicons`` ({kind: [paths]}), ``user_lexicons`` (bool, default True
        except when ``MTREVIEW_NO_USER_LEXICONS`` is set), ``glossary_files`` ([paths]) and ``glossary``
        ([{source, targets, type, forbidden, note}])."""
        settings = settings or {}
        extra = settings.get("lexicons") or {}
        include_user = bool(settings.get("user_lexicons", not os.environ.get("MTREVIEW_NO_USER_LEXICONS")))
        lexicons = (
            load_lexicons(extra, include_user=include_user) if (extra or include_user) else shipped_lexicons()
        )
        errors = [QaError(check, None, str(exc)) for check, exc in lexicons.errors]
        entries = []
        for path in settings.get("glossary_files") or ():
            try:
                entries.extend(read_glossary(path))
            except InputError as exc:
                errors.append(QaError("glossary", None, str(exc)))
        glossary = Glossary(entries + Glossary.from_entries(settings.get("glossary") or ()).entries)
        extra_paths = {k: [str(p) for p in v] for k, v in extra.items()}
        return cls(lexicons, glossary, errors, include_user=include_user, extra_lexicons=extra_paths)


NAN = math.nan


class LengthStats:
    """Sorted log length ratios of a document's non-empty pairs, updated in place on an edit."""

    def __init__(self, values: list[float]) -> None:
        self.values = array("d", sorted(values))
        self._quartiles: tuple[float, float, float] | None = None

    def add(self, value: float) -> None:
        bisect.insort(self.values, value)
        self._quartiles = None

    def remove(self, value: float) -> None:
        i = bisect.bisect_left(self.values, value)
        if i < len(self.values) and self.values[i] == value:
            del self.values[i]
        self._quartiles = None

    def quartiles(self) -> tuple[float, float, float]:
        if self._quartiles is None:
            self._quartiles = (self.quantile(0.25), self.quantile(0.5), self.quantile(0.75))
        return self._quartiles

    def quantile(self, q: float) -> float:
        if not self.values:
            return 0.0
        pos = q * (len(self.values) - 1)
        lo = math.floor(pos)
        hi = min(lo + 1, len(self.values) - 1)
        return self.values[lo] + (self.values[hi] - self.values[lo]) * (pos - lo)

    def __len__(self) -> int:
        return len(self.values)


def length_ratio(source: str, target: str) -> float | None:
    """log((target chars + 1) / (source chars + 1)) for a pair with text on both sides."""
    s, t = len(source.strip()), len(target.strip())
    if s == 0 or t == 0:
        return None
    return math.log((t + 1) / (s + 1))


class _MentionsById:
    """A segment's mentions by its id (``DocumentFacts.mentions.get(id, [])``), made from the table."""

    def __init__(self, table: MentionTable, order: Mapping[str, int]) -> None:
        self._table, self._order = table, order

    def get(self, segment_id: str, default: list[Mention] | None = None) -> list[Mention]:
        n = self._order.get(segment_id)
        if n is None:
            return [] if default is None else default
        return self._table[n]


class SegmentsById(MutableMapping[str, SegmentInput]):
    """A document's segments by id, read from its sequence (which may be packed: ``qa.packed``), with the
    segments updated since (``DocumentFacts.update_target``) on top."""

    def __init__(self, segments: Sequence[SegmentInput], order: Mapping[str, int]) -> None:
        self._segments, self._order = segments, order
        self._updated: dict[str, SegmentInput] = {}

    def __getitem__(self, segment_id: str) -> SegmentInput:
        updated = self._updated.get(segment_id)
        if updated is not None:
            return updated
        return self._segments[self._order[segment_id]]

    def __setitem__(self, segment_id: str, segment: SegmentInput) -> None:
        if segment_id not in self._order:
            raise KeyError(segment_id)  # a document's segments are fixed; only their targets change
        self._updated[segment_id] = segment

    def __delitem__(self, segment_id: str) -> None:
        raise TypeError("a document's segments are fixed")

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, segment_id: object) -> bool:
        return segment_id in self._order

    def at(self, index: int) -> SegmentInput:
        """The segment at ``index`` in document order (as updated)."""
        segment = self._segments[index]
        return self._updated.get(segment.id, segment)

    def values(self) -> Iterator[SegmentInput]:  # type: ignore[override]
        """In document order, one packed chunk at a time."""
        updated = self._updated
        for segment in self._segments:
            yield updated.get(segment.id, segment)


class SourceTexts(Sequence[str]):
    """The English of a document's segments, read from its sequence when asked for (a packed sequence keeps
    them compressed: a 100k-segment document's English is 40 MB as a list of strings)."""

    def __init__(self, segments: Sequence[SegmentInput]) -> None:
        self._segments = segments

    def __len__(self) -> int:
        return len(self._segments)

    def __getitem__(self, n: int) -> str:  # type: ignore[override]
        return self._segments[n].source

    def __iter__(self) -> Iterator[str]:
        return (s.source for s in self._segments)


class DocumentFacts:
    """Per-document indexes the checks read; the source side is fixed, the target side is updated."""

    def __init__(self, document: DocumentInput, context: QaContext) -> None:
        self.name = document.name
        self.context = context
        self.order: dict[str, int] = {s.id: i for i, s in enumerate(document.segments)}
        self.segments = SegmentsById(document.segments, self.order)
        sources = SourceTexts(document.segments)  # (not a list of 100k texts: read from the sequence)
        self.common = common_words(sources)
        lex = context.lexicons
        table = MentionTable(sources, (find_mentions(s, self.common, lex.given_names) for s in sources))
        self.mentions = _MentionsById(table, self.order)
        self.entities: EntityIndex = build_entity_index(
            sources, lex.given_names, lex.org_suffixes, context.glossary, table
        )
        self._name_index: dict[str, list[str]] | None = None
        self._honorifics: set[str] | None = None
        self.fallback_names: dict[str, str | None] = {}
        """Katakana run → the document's person or organisation it renders (cache of the name checks)."""
        self._ratio = array("d")
        """Each segment's length ratio, in document order (NaN: none): 8 bytes a segment."""
        for s in document.segments:
            r = length_ratio(s.source, s.target)
            self._ratio.append(NAN if r is None else r)
        self.ratios = LengthStats([r for r in self._ratio if r == r])
        self._cache: dict[str, Any] = {}

    def prime(self, name: str, value: Any) -> None:
        """Give ``cached(name)`` its value, built elsewhere (by worker processes, in parts)."""
        self._cache[name] = value

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """A document-level fact of the *source* side (which never changes), built on first use."""
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    def honorific(self, katakana: str) -> bool:
        """Whether the translation writes ``katakana`` with a personal honorific (氏, さん…) somewhere."""
        if self._honorifics is None:
            targets = (s.target for s in self.segments.values())
            self._honorifics = {m.group(1) for t in targets for m in HONORIFIC.finditer(t)}
        return katakana in self._honorifics

    def previous(self, segment_id: str) -> SegmentInput | None:
        """The segment before ``segment_id`` in the document, if any."""
        i = self.order.get(segment_id)
        if not i:
            return None
        return self.segments.at(i - 1)

    def name_candidates(self, katakana: str) -> list[str]:
        """Document names that could be rendered by ``katakana`` (same first sound). Callers keep only
        persons and organisations (Flow is not フロー)."""
        if self._name_index is None:
            index: dict[str, list[str]] = {}
            for token in sorted(self.entities.names):  # the same candidates' order in every process
                if len(token) >= 3 and token.isalpha() and not is_acronym(token):
                    for sound in english_sounds(token):
                        bucket = index.setdefault(sound, [])
                        if token not in bucket:
                            bucket.append(token)
            self._name_index = index
        full = katakana_full(katakana)
        if not full:
            return []
        return self._name_index.get(first_sound(full), [])

    def update_target(self, segment: SegmentInput) -> None:
        i = self.order[segment.id]
        old = self._ratio[i]
        if old == old:  # (not NaN)
            self.ratios.remove(old)
        r = length_ratio(segment.source, segment.target)
        self._ratio[i] = NAN if r is None else r
        if r is not None:
            self.ratios.add(r)
        self.segments[segment.id] = segment
