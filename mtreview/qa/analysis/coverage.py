"""Which words of an English paragraph have a counterpart in its Japanese translation, and which parts of
the Japanese have one in the English: the evidence the omission, addition and term checks share.

No MeCab here (it is the costliest analyser and the checks run on every segment): the Japanese is cut
into *units* by script — runs of kanji, runs of katakana, Latin words, numbers — and both directions of
the JMdict index are used:

* backwards, each unit (and, for a long kanji run the dictionary does not know, its two- and
  three-character pieces) is looked up for its English gloss words; an English content word whose lemma
  is among them is covered by that unit;
* forwards, the Japanese renderings of a still uncovered English word (those with a kanji or katakana,
  two characters or more, plus the stem of a verb or adjective: 広がる → 広が) are looked for in the text
  through an index of its character bigrams; a single kanji counts only as a unit of its own (秒 in 30秒);
* names are matched across scripts (``jtext.name_similarity``), Latin words by identity, numbers by value.

A word or unit with no counterpart is *uncovered*. Counterparts are kept per lemma (every "bridge" of a
paragraph shares them) and spans are found by bisection, so a 10,000-character paragraph that repeats
itself costs linear time. Results are cached per (source, target) pair.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from mtreview.qa.analysis import english
from mtreview.qa.analysis.lookup import prefix_index, rendering_index, renderings, same_stem, unit_glosses
from mtreview.qa.analysis.wordlists import (
    EN_TOKEN,
    JA_UNIT,
    KANJI_DIGITS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SKIP,
    UNIT_WORDS,
    Span,
)


@lru_cache(maxsize=65536)
def lemmas(lower: str) -> tuple[str, ...]:
    """The lemma and, for an irregular past form the lemmatiser reads as a noun (rose, found, left), the
    verb it is a form of."""
    from mtreview.qa.lexicons import irregular_base

    lemma = english.lemma(lower)
    base = irregular_base(lower)
    out = [lemma]
    if base and base != lemma:
        out.append(base)
    if lower != lemma:
        out.append(lower)
    return tuple(out)


@lru_cache(maxsize=65536)
def _forms(text: str) -> tuple[str, ...]:
    """``lemmas`` of a word as written (any case, typographic apostrophe)."""
    return lemmas(text.lower().replace("’", "'"))


@dataclass(slots=True)
class Hits:
    """The Japanese counterparts of one lemma (shared by every occurrence of the lemma)."""

    spans: list[Span] = field(default_factory=list)
    strong: list[Span] = field(default_factory=list)
    """The exact ones: a whole dictionary word either way, a name, a number (not a piece of a kanji run,
    a verb stem, a lone kanji or a derived word)."""


@dataclass(slots=True)
class EnWord:
    start: int
    end: int
    text: str
    lemma: str
    kind: str
    """``word``, ``name`` (capitalised inside a sentence, or unknown to the dictionary) or ``number``."""
    found: Hits = field(default_factory=Hits)

    @property
    def hits(self) -> list[Span]:
        return self.found.spans

    @property
    def strong(self) -> list[Span]:
        return self.found.strong

    @property
    def covered(self) -> bool:
        return bool(self.found.spans)


@dataclass(slots=True)
class JaUnit:
    start: int
    end: int
    text: str
    kind: str
    """``kanji``, ``kata``, ``latin`` or ``num``."""
    covered: bool = False
    lemmas: set[str] = field(default_factory=set)
    """The English lemmas whose counterpart overlaps the unit."""

    @property
    def content(self) -> bool:
        """Whether the unit carries content a source must account for (not a lone kanji or kana mark)."""
        return self.kind in ("latin", "num") or len(self.text.strip("ー・")) >= 2


@dataclass(slots=True)
class Coverage:
    source: str
    target: str
    words: list[EnWord]
    units: list[JaUnit]
    available: bool = True
    """False when the dictionary is not installed: only names, Latin words and numbers were matched."""
    _word_starts: list[int] = field(default_factory=list)
    _unit_starts: list[int] = field(default_factory=list)
    _lemma_span: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Lemma → (first, last) start offset of its occurrences in the source."""
    _hit_lemmas: dict[Span, set[str]] = field(default_factory=dict)
    _hit_starts: list[int] = field(default_factory=list)
    _hit_sorted: list[Span] = field(default_factory=list)
    _max_hit: int = 0
    _hit_bounds: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Lemma → (first start, last end) of its counterparts in the target."""
    _solid: dict[str, list[Span]] = field(default_factory=dict)
    """Lemma → its first solid counterparts (``source_own``; hits are shared by every occurrence)."""
    _hits_indexed: bool = False
    near: dict[str, tuple[str, list[Span], list[Span]]] | None = None
    """Lemma → (text, counterparts, exact ones) as ``word_hits`` finds them, kept from the coverage's pass."""

    def index(self) -> None:
        """Build the lookup structures once the matching is done (those of the counterparts on first use:
        the polarity check reads only the ratios)."""
        self._word_starts = [w.start for w in self.words]
        self._unit_starts = [u.start for u in self.units]

    def hit_spans(self) -> list[Span]:
        """Every counterpart found in the target, sorted."""
        self._index_hits()
        return self._hit_sorted

    def _index_hits(self) -> None:
        if self._hits_indexed:
            return
        # built in locals and published at the end: a coverage is cached and may be shared by threads
        lemma_span: dict[str, tuple[int, int]] = {}
        for w in self.words:  # in source order: the first occurrence is the least start
            span = lemma_span.get(w.lemma)
            lemma_span[w.lemma] = (w.start, w.start) if span is None else (span[0], w.start)
        hit_lemmas: dict[Span, set[str]] = {}
        seen: set[str] = set()
        for w in self.words:
            if w.lemma in seen:
                continue
            seen.add(w.lemma)
            for h in w.hits:
                hit_lemmas.setdefault(h, set()).add(w.lemma)
        hit_bounds: dict[str, tuple[int, int]] = {}
        for span, lemmas in hit_lemmas.items():
            for lemma in lemmas:
                lo, hi = hit_bounds.get(lemma, span)
                hit_bounds[lemma] = (min(lo, span[0]), max(hi, span[1]))
        hit_sorted = sorted(hit_lemmas)
        self._lemma_span = lemma_span
        self._hit_lemmas = hit_lemmas
        self._hit_bounds = hit_bounds
        self._hit_sorted = hit_sorted
        self._hit_starts = [h[0] for h in hit_sorted]
        self._max_hit = max((e - s for s, e in hit_sorted), default=0)
        self._hits_indexed = True

    def words_in(self, start: int, end: int) -> list[EnWord]:
        i = bisect.bisect_left(self._word_starts, start)
        out = []
        while i < len(self.words) and self.words[i].start < end:
            if self.words[i].end <= end:
                out.append(self.words[i])
            i += 1
        return out

    def units_in(self, start: int, end: int) -> list[JaUnit]:
        i = bisect.bisect_left(self._unit_starts, start)
        out = []
        while i < len(self.units) and self.units[i].start < end:
            if self.units[i].end <= end:
                out.append(self.units[i])
            i += 1
        return out

    def source_ratio(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """(covered, total) English content words in ``source[start:end]``."""
        words = self.words_in(start, len(self.source) if end is None else end)
        return sum(1 for w in words if w.hits), len(words)

    def _outside(self, lemma: str, start: int, end: int) -> bool:
        first, last = self._lemma_span.get(lemma, (start, start))
        return first < start or last >= end

    def source_own(self, start: int, end: int) -> tuple[int, int]:
        """(covered, total) English content words in ``source[start:end]``, counting a word covered only
        when one of its counterparts is not inside the counterpart of another word that also occurs
        outside the span (the 年 of "last year" does not cover "five years" in another clause)."""
        self._index_hits()
        inside = self.words_in(start, end)
        lemmas_inside = {w.lemma for w in inside}
        own = 0
        solid = self._solid
        for w in inside:
            if w.lemma not in solid:
                solid[w.lemma] = _solid(w, MAX_OWN_HITS)
            for h in solid[w.lemma]:
                if not self._taken(h, lemmas_inside, start, end):
                    own += 1
                    break
        return own, len(inside)

    def _taken(self, hit: Span, lemmas_inside: set[str], start: int, end: int) -> bool:
        i = bisect.bisect_left(self._hit_starts, hit[0] - self._max_hit)
        while i < len(self._hit_sorted) and self._hit_sorted[i][0] <= hit[0]:
            span = self._hit_sorted[i]
            i += 1
            if span[1] < hit[1]:
                continue
            for lemma in self._hit_lemmas[span]:
                if lemma not in lemmas_inside and self._outside(lemma, start, end):
                    return True
        return False

    def target_own(self, start: int, end: int) -> tuple[int, int]:
        """(covered, total) Japanese content units in ``target[start:end]``, counting a unit covered only
        when one of the English lemmas it matches has no counterpart outside the span (a sentence that
        repeats the paragraph's "workshops" renders nothing new)."""
        self._index_hits()
        units = [u for u in self.units_in(start, end) if u.content]
        own = 0
        for u in units:
            if u.covered and (
                not u.lemmas or any(self._only_inside(lemma, start, end) for lemma in u.lemmas)
            ):
                own += 1
        return own, len(units)

    def _only_inside(self, lemma: str, start: int, end: int) -> bool:
        bounds = self._hit_bounds.get(lemma)
        return bounds is not None and start <= bounds[0] and bounds[1] <= end

    def uncovered_chars(self, unit: JaUnit) -> int:
        """How many characters of ``unit`` no counterpart overlaps (3 of 可能時間帯, where "time" is 時間)."""
        self._index_hits()
        i = bisect.bisect_left(self._hit_starts, unit.start - self._max_hit)
        marked = [False] * (unit.end - unit.start)
        while i < len(self._hit_sorted) and self._hit_sorted[i][0] < unit.end:
            hs, he = self._hit_sorted[i]
            i += 1
            for k in range(max(hs, unit.start), min(he, unit.end)):
                marked[k - unit.start] = True
        return marked.count(False)

    def target_ratio(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """(covered, total) Japanese content units in ``target[start:end]``."""
        units = [u for u in self.units_in(start, len(self.target) if end is None else end) if u.content]
        return sum(1 for u in units if u.covered), len(units)


MAX_OWN_HITS = 16
"""Counterparts of one word tried by ``source_own`` (a word rendered more often than this in one paragraph is
a pathological paragraph: the bound keeps a 10,000-character one linear)."""


def _solid(word: EnWord, limit: int | None = None) -> list[Span]:
    """The hits that count as a rendering: exact ones, and inexact ones longer than a lone kanji (the first
    ``limit`` of them)."""
    strong = set(word.strong)
    out: list[Span] = []
    for h in word.hits:
        if h[1] - h[0] >= 2 or h in strong:
            out.append(h)
            if limit is not None and len(out) == limit:
                break
    return out


def source_words(source: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """``english_words`` as plain tuples (start, end, text, lemma, kind), cached: for callers that need a
    few of them only."""
    from mtreview.qa.analysis.dictionary import generation

    return _english_words(source, generation())


def english_words(source: str) -> list[EnWord]:
    """The content words of ``source`` (fresh objects: their counterparts are filled in by the caller)."""
    from mtreview.qa.analysis.dictionary import generation

    return [EnWord(*w) for w in _english_words(source, generation())]


@lru_cache(maxsize=1024)
def _english_words(source: str, _generation: int) -> tuple[tuple[int, int, str, str, str], ...]:
    out: list[tuple[int, int, str, str, str]] = []
    for m in EN_TOKEN.finditer(source):
        text = m.group()
        if text[0].isdigit():
            out.append((m.start(), m.end(), text, text.replace(",", "").rstrip("."), "number"))
            continue
        info = _word_info(text.lower())
        per = source[max(0, m.start() - 4) : m.start()].lower() == "per "
        if info is not None and info[0] == "cent" and per:
            info = ("percent", "number")  # "per cent" is the sign % ("per" is a function word)
        if info is None:
            if text[0].isupper() and text.lower() in MONTHS and not sentence_start(source, m.start()):
                out.append((m.start(), m.end(), text, text.lower(), "number"))  # "in May", not "may"
            continue
        lemma, kind = info
        if (
            kind == "word"
            and text[0].isupper()
            and (not sentence_start(source, m.start()) or not known(lemma))
        ):
            kind = "name"
        out.append((m.start(), m.end(), text, lemma, kind))
    return tuple(out)


@lru_cache(maxsize=65536)
def _word_info(lower: str) -> tuple[str, str] | None:
    """(lemma, ``word``|``number``) of a lower-case word form, or None for a function word."""
    if lower in MONTHS and lower in SKIP:
        return None  # "may": a month only when capitalised inside a sentence (the caller decides)
    if lower in SKIP or len(lower) < 2:
        return None
    lemma = english.lemma(lower)
    if lemma in SKIP:
        return None
    if lemma in UNIT_WORDS or lower in MONTHS or lower in ORDINALS or lower in NUMBER_WORDS:
        return lemma, "number"
    return lemma, "word"


def known(lemma: str) -> bool:
    """Whether the dictionary knows the word (a capitalised word at a sentence start that it does not know
    is a name)."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable

    try:
        multi, single, _stems = renderings(lemma)
        return bool(multi or single)
    except DictionaryUnavailable:
        return True


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence of ``text`` (after quotes or brackets that open it)."""
    before = text[max(0, pos - 40) : pos].rstrip(" \t\"'“‘(")  # (bounded: linear in a long paragraph)
    return not before or before[-1] in ".!?:;\n"


def japanese_units(target: str) -> list[JaUnit]:
    return [JaUnit(m.start(), m.end(), m.group(), m.lastgroup or "") for m in JA_UNIT.finditer(target)]


def coverage(source: str, target: str) -> Coverage:
    """The coverage of one aligned pair (cached; a result computed before the dictionary was available is
    not reused after)."""
    from mtreview.qa.analysis.dictionary import generation

    return _coverage(source, target, generation())


@lru_cache(maxsize=256)
def _coverage(source: str, target: str, _generation: int) -> Coverage:
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable

    raw = _english_words(source, _generation)
    units = japanese_units(target)
    if not raw or not units:
        cov = Coverage(source, target, [EnWord(*w) for w in raw], units)
        cov.index()
        return cov
    # one Hits per lemma, shared by its occurrences (no throw-away Hits per word)
    shared: dict[str, Hits] = {}
    words = []
    for start, end, text, lemma, kind in raw:
        found = shared.get(lemma)
        if found is None:
            found = shared[lemma] = Hits()
        words.append(EnWord(start, end, text, lemma, kind, found))
    cov = Coverage(source, target, words, units)
    cov._unit_starts = [u.start for u in units]
    try:
        _match_dictionary(cov)
    except DictionaryUnavailable:
        cov.available = False
    _match_names_and_latin(cov)
    _match_numbers(cov)
    for hits in shared.values():
        if hits.spans:
            hits.spans = sorted(set(hits.spans))
        if hits.strong:
            hits.strong = sorted(set(hits.strong))
    cov.index()
    return cov


def word_hits(source: str, target: str, lemmas: frozenset[str]) -> dict[str, Hits]:
    """The dictionary counterparts of the words of ``source`` with the given lemmas only (what the term
    check needs, for far less than a full ``coverage``); lemma → hits. Reuses a full coverage when one
    is cached."""
    from mtreview.qa.analysis.dictionary import generation

    return _word_hits(source, target, lemmas, generation())


def _word_hits(source: str, target: str, lemmas: frozenset[str], _generation: int) -> dict[str, Hits]:
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable

    texts = {w[3]: w[2] for w in _english_words(source, _generation) if w[3] in lemmas and w[4] != "number"}
    if not texts:
        return {}
    near = _coverage(source, target, _generation).near
    if near is not None and all(lemma in near and near[lemma][0] == text for lemma, text in texts.items()):
        # found by the coverage's own dictionary pass
        return {k: Hits(sorted(set(near[k][1])), sorted(set(near[k][2]))) for k in sorted(texts)}
    try:
        # terms are nouns: their renderings are runs the glosses name (no verb stems to look for)
        found = _dictionary_hits(target, tuple(sorted(texts.items())), forwards=False)
    except DictionaryUnavailable:
        return {}
    return {lemma: Hits(sorted(set(spans)), sorted(set(strong))) for lemma, (spans, strong) in found.items()}


def _mark(cov: Coverage, word: EnWord, start: int, end: int, strong: bool = True) -> None:
    word.found.spans.append((start, end))
    if strong:
        word.found.strong.append((start, end))
    i = bisect.bisect_right(cov._unit_starts, start) - 1
    i = max(i, 0)
    units = cov.units
    while i < len(units) and units[i].start < end:
        u = units[i]
        if u.end > start:
            u.covered = True
            u.lemmas.add(word.lemma)
        i += 1


def _representatives(cov: Coverage, kinds: tuple[str, ...]) -> list[EnWord]:
    """One word per lemma (they share their counterparts)."""
    seen: set[str] = set()
    out = []
    for w in cov.words:
        if w.kind in kinds and w.lemma not in seen:
            seen.add(w.lemma)
            out.append(w)
    return out


def _match_dictionary(cov: Coverage) -> None:
    words = _representatives(cov, ("word", "name"))
    if not words:
        return
    near: dict[str, tuple[list[Span], list[Span]]] = {}
    found = _dictionary_hits(cov.target, tuple((w.lemma, w.text) for w in words), near=near)
    by_lemma = {w.lemma: w for w in words}
    cov.near = {lemma: (by_lemma[lemma].text, *near[lemma]) for lemma in near}
    for lemma, (spans, strong) in found.items():
        w = by_lemma[lemma]
        strong_set = set(strong)
        for span in spans:
            _mark(cov, w, span[0], span[1], strong=span in strong_set)


@dataclass(frozen=True, slots=True)
class _Target:
    """What the dictionary matching needs of a Japanese text (cached per text)."""

    units: tuple[tuple[int, int, str, str], ...]
    """(start, end, text, kind) of each kanji or katakana run."""
    bigrams: frozenset[str]
    alone: dict[str, tuple[int, bool]]
    """A kanji that ends or starts a run → (position, exact): 壁 in 防潮壁 (the head of a compound) and 秒 in
    30秒 (a unit after a number) are exact; 株 in 株価 and 経 in 経て are not."""


@lru_cache(maxsize=64)
def _target(target: str) -> _Target:
    units = tuple(
        (m.start(), m.end(), m.group(), m.lastgroup or "")
        for m in JA_UNIT.finditer(target)
        if m.lastgroup in ("kanji", "kata")
    )
    alone: dict[str, tuple[int, bool]] = {}
    for start, end, text, kind in units:
        if kind == "kanji":
            after_digit = start > 0 and target[start - 1].isdigit()
            alone.setdefault(text[-1], (end - 1, len(text) >= 2 or after_digit))
            alone.setdefault(text[0], (start, after_digit))
    bigrams = frozenset(map(str.__add__, target, target[1:]))  # every two adjacent characters
    return _Target(units, bigrams, alone)


def _dictionary_hits(
    target: str,
    words: tuple[tuple[str, str], ...],
    forwards: bool = True,
    near: dict[str, tuple[list[Span], list[Span]]] | None = None,
) -> dict[str, tuple[list[Span], list[Span]]]:
    """(lemma, text) of English words → lemma → (counterparts, the exact ones): backwards through the
    glosses of every run, then derived words of the same stem, then forwards through the renderings of
    the words still unmatched (with ``forwards=False`` only their one-kanji renderings: 壁 of 防潮壁)."""
    t = _target(target)
    out: dict[str, tuple[list[Span], list[Span]]] = {lemma: ([], []) for lemma, _text in words}
    by_form: dict[str, list[str]] = {}
    for lemma, text in words:
        for form in _forms(text):
            bucket = by_form.setdefault(form, [])
            if lemma not in bucket:
                bucket.append(lemma)
    wanted = frozenset(by_form)
    for ustart, _uend, text, kind in t.units:
        for glosses, s, e, whole in unit_glosses(text, kind):
            shared = glosses & wanted
            if not shared:
                continue
            span = (ustart + s, ustart + e)
            exact = whole or e - s >= 2
            for gloss in sorted(shared):
                for lemma in by_form[gloss]:
                    out[lemma][0].append(span)
                    if exact:
                        out[lemma][1].append(span)
    left: dict[str, list[str]] = {}
    """First four letters → the still unmatched lemmas (of four letters or more) that start so."""
    for lemma, (spans, _strong) in out.items():
        if not spans and len(lemma) >= 4:
            left.setdefault(lemma[:4], []).append(lemma)
    if left:
        for ustart, _uend, text, kind in t.units:
            index = prefix_index(text, kind)
            if not index:
                continue
            for prefix in index.keys() & left.keys():
                entries = index[prefix]
                for lemma in left[prefix]:
                    for glosses, s, e in entries:
                        if any(same_stem(lemma, g) for g in glosses if g[:4] == prefix):
                            out[lemma][0].append((ustart + s, ustart + e))
                            break
    for lemma, (spans, strong) in out.items():
        if spans:
            if near is not None:
                near[lemma] = (list(spans), list(strong))
            continue
        by_bigram, firsts, single, stems = rendering_index(lemma)
        best: str | None = None
        # the best rendering found is the least (-length, text) of those in the target, whatever the
        # order the bigrams are tried in: a set intersection (in C) picks the groups to try
        for bigram in firsts & t.bigrams if forwards else ():
            for r in by_bigram[bigram]:  # longest first
                if (best is None or (-len(r), r) < (-len(best), best)) and r in target:
                    best = r
                    break
        alone_spans: list[Span] = []
        alone_strong: list[Span] = []
        if single and t.alone:
            present = t.alone.keys() & single
            if present:
                at = t.alone[min(present)]  # the first of ``single`` (sorted) that is there
                alone_spans.append((at[0], at[0] + 1))
                if at[1]:
                    alone_strong.append((at[0], at[0] + 1))
        if near is not None:
            near[lemma] = (alone_spans, alone_strong)
        if best is not None:
            pos = target.find(best)
            spans.append((pos, pos + len(best)))
            if best not in stems:
                strong.append((pos, pos + len(best)))
        else:
            spans.extend(alone_spans)
            strong.extend(alone_strong)
    return out


def _match_names_and_latin(cov: Coverage) -> None:
    from mtreview.qa.jtext import english_sounds, first_sound, katakana_full, name_similarity

    latin: dict[str, JaUnit] = {}
    parts: dict[str, list[tuple[int, int, str]]] = {}  # first sound → distinct katakana parts (first seen)
    seen: set[str] = set()
    for u in cov.units:
        if u.kind == "latin":
            latin.setdefault(u.text.lower(), u)
        elif u.kind == "kata":
            for m in _KATAKANA_PART.finditer(u.text):
                text = m.group()
                if len(text.strip("ー")) >= 2 and text not in seen:
                    seen.add(text)
                    sound = first_sound(katakana_full(text))
                    parts.setdefault(sound, []).append((u.start + m.start(), u.start + m.end(), text))
    if not latin and not parts:
        return  # no Latin word and no katakana: nothing for a name to match
    taken = {h for w in cov.words for h in w.hits}  # no word sounds like another's katakana: "call", カレン
    for w in _representatives(cov, ("word", "name")):
        if w.hits:
            continue
        same = latin.get(_latin_key(w.text)) if latin else None
        if same is not None:
            _mark(cov, w, same.start, same.end)
            continue
        if not parts or len(w.text) < 3:
            continue
        sounds = english_sounds(w.text)
        candidates = (  # in a fixed order: of two parts that sound alike the first wins, any hash seed
            [p for sound in sorted(sounds) for p in parts.get(sound, ())]
            if sounds
            else [p for group in parts.values() for p in group]
        )
        best, best_span = 0.0, None
        for start, end, text in candidates:
            if w.kind == "word" and (start, end) in taken:
                continue
            score = name_similarity(w.text, text)
            if score > best:
                best, best_span = score, (start, end)
        # a name is matched loosely (several spellings), a word closer ("scheme", ステッカー: 0.61)
        if best_span is not None and best >= (0.6 if w.kind == "name" else LOANWORD_SIMILARITY):
            _mark(cov, w, *best_span)
            taken.add(best_span)


_KATAKANA_PART = re.compile(r"[^・]+")
LOANWORD_SIMILARITY = 0.7
"""How like its katakana an English word (not a name) must sound to be matched by sound alone."""


@lru_cache(maxsize=65536)
def _latin_key(text: str) -> str:
    """An English word as a Latin word of the Japanese would be looked up (lower case, no 's)."""
    return text.lower().removesuffix("'s").removesuffix("’s")


def _match_numbers(cov: Coverage) -> None:
    """Numbers match by value, with scales understood (1,500 = 1500, $3.2 billion = 32億ドル)."""
    numbers = [w for w in cov.words if w.kind == "number"]
    if not numbers:
        return
    ja_nums = [u for u in cov.units if u.kind == "num"]
    from mtreview.qa.checks.numbers import english_quantities, japanese_quantities

    if ja_nums:
        ja_by_value: dict[float, tuple[int, int]] = {}
        for q in japanese_quantities(cov.target, kanji=False):
            if q.version is None:
                ja_by_value.setdefault(round(q.value, 6), (q.start, q.end))
        by_start = {w.start: w for w in numbers}
        for q in english_quantities(cov.source, words=False):
            span = ja_by_value.get(round(q.value, 6)) if q.version is None else None
            if span is None:
                continue
            for pos in (q.start, q.start + 1):
                w = by_start.get(pos)
                if w is not None and not w.hits:
                    _mark(cov, w, *span)
    digits = {u.text.replace(",", ""): u for u in ja_nums}
    target = cov.target
    done: set[str] = set()
    for w in numbers:
        if w.hits or w.lemma in done:
            continue
        done.add(w.lemma)
        if w.lemma in digits:
            u = digits[w.lemma]
            _mark(cov, w, u.start, u.end)
            continue
        lower = w.text.lower().rstrip(".")
        value = MONTHS.get(lower) or ORDINALS.get(lower) or NUMBER_WORDS.get(lower)
        if value is not None:
            hit = digits.get(str(value))
            if hit is not None:
                _mark(cov, w, hit.start, hit.end)
            elif value <= 10:
                pos = target.find(KANJI_DIGITS[value]) if value else -1
                if pos >= 0:
                    _mark(cov, w, pos, pos + 1)
            continue
        for sign in UNIT_WORDS.get(w.lemma, ()):
            pos = target.find(sign)
            if pos >= 0:
                _mark(cov, w, pos, pos + len(sign))
                break
