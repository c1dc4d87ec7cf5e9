"""Term consistency: one English term rendered two different ways in a document, learned from the pairs.

Candidate terms are runs of one to three adjacent English content words that are not verb or adverb
forms ("net interest margin", "wrist sensors", "striker") and occur in at least two segments of the
document. In each segment, the term's rendering is read off the dictionary coverage
(``analysis.coverage``): the run of kanji/katakana holding the words' counterparts, two runs joined by
の (手首のセンサー) when the words fall into both. Renderings are grouped by containment (半導体パッケージング
工場 is パッケージング工場); when one group holds the majority (at least two segments, more than any other),
every other rendering is reported with the majority one as the suggestion. Where a segment shows no
counterpart at all, its one uncovered run in the majority's script (フォワード beside ストライカー) is
reported instead, if there is exactly one.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis.coverage import EnWord, coverage, english_words
from mtreview.qa.base import Check, Finding, KeyIndex, Observation, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.lexicons import irregular_base

RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ\u30a1-\u30fa\u30fc]+")
KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc・]+$")
VERB_BEFORE = frozenset(
    [
        "to",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "not",
        "cannot",
        "won't",
        "don't",
        "didn't",
        "i",
        "we",
        "they",
        "you",
        "he",
        "she",
        "it",
        "who",
    ]
)
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "any",
        "each",
        "every",
        "no",
        "another",
        "other",
    ]
)
VERB_AFTER = re.compile(r"\s*(?:し|する|され|させ|した|して|しま|せず|できる|でき)")
"""A Japanese run used as a verb (増加し, 承認された): a predicate, not a term."""
MAX_RENDERINGS = 8
"""Distinct renderings of one term kept per segment (a long paragraph repeating itself has few)."""
MAX_SEGMENTS_SHARE = 0.25
"""A word in more than this share of a document's segments is its vocabulary, not a term to watch."""

Item = tuple[int, int, tuple[tuple[int, int], ...], tuple[str, ...], tuple[tuple[str, ...], ...]]
"""(English start, end, the Japanese spans that may render the term, their texts, the longer terms
around it)."""


def _verb_like(source: str, word: EnWord) -> bool:
    lower = word.text.lower()
    if lower.endswith("ly") and len(lower) > 4:
        return True
    if irregular_base(lower) is not None:
        return True
    if lower != word.lemma and lower.endswith(("ed", "ing")):
        return True
    before = source[max(0, word.start - 12) : word.start].split()
    return bool(before) and before[-1].lower() in VERB_BEFORE


def candidate_terms(source: str, words: list[EnWord]) -> list[tuple[tuple[str, ...], list[EnWord], int]]:
    """Runs of one to three adjacent content words (no verb or adverb forms): (lemmas, words, run)."""
    runs: list[list[EnWord]] = []
    current: list[EnWord] = []
    for w in words:
        usable = w.kind == "word" and len(w.lemma) > 2 and not _verb_like(source, w)
        if usable and current and source[current[-1].end : w.start] in (" ", "-"):
            current.append(w)
            continue
        if current:
            runs.append(current)
        current = [w] if usable else []
    if current:
        runs.append(current)
    out: list[tuple[tuple[str, ...], list[EnWord], int]] = []
    for r, run in enumerate(runs):
        run = run[-3:]
        for n in range(1, len(run) + 1):
            for i in range(0, len(run) - n + 1):
                words = run[i : i + n]
                out.append((tuple(w.lemma for w in words), words, r))
    return out


def repeated_terms(sources: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Candidate terms found in at least two of ``sources`` (and, in a long document, in at most a quarter
    of them) whose last word is used as a noun somewhere: after a determiner, at the end of its phrase
    ("the best striker in", not "a clear sign")."""
    per_segment: dict[tuple[str, ...], int] = {}
    nouns: set[str] = set()
    n = 0
    for source in sources:
        n += 1
        if not source:
            continue
        words = english_words(source)
        nouns.update(_noun_heads(source, words))
        for key in {key for key, _w, _r in candidate_terms(source, words)}:
            per_segment[key] = per_segment.get(key, 0) + 1
    limit = max(10, int(n * MAX_SEGMENTS_SHARE))
    return frozenset(k for k, c in per_segment.items() if 2 <= c <= limit and k[-1] in nouns)


TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[^\sA-Za-z]")


def _noun_heads(source: str, words: list[EnWord]) -> set[str]:
    """Lemmas used as the head of a noun phrase in ``source``: a determiner, up to two content words, the
    word, then anything but a content word."""
    content = {w.start: w for w in words if w.kind == "word"}
    tokens = [(m.start(), m.group().lower()) for m in TOKEN.finditer(source)]
    heads: set[str] = set()
    for i, (_pos, tok) in enumerate(tokens):
        if tok not in DETERMINERS:
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 3 and tokens[j][0] in content:
            nxt = tokens[j + 1][0] if j + 1 < len(tokens) else None
            if nxt is None or nxt not in content:
                heads.add(content[tokens[j][0]].lemma)
                break
            j += 1
    return heads


def renderings(target: str, words: list[EnWord]) -> list[tuple[int, int]]:
    """The Japanese spans that may render ``words``: each run of kanji/katakana holding an exact
    counterpart of the term's head (its last word), extended over の to a run holding another word's
    (手首のセンサー), best first (most of the term's words, then longest)."""
    head = words[-1]
    if not head.strong:
        return []  # the head of the term has no exact counterpart here
    runs: dict[tuple[int, int], set[int]] = {}
    for i, w in enumerate(words):
        for hs, he in w.strong:
            run = _run_at(target, hs, he)
            if run is not None:
                runs.setdefault(run, set()).add(i)
    spans = sorted(runs)
    found: list[tuple[int, int, tuple[int, int]]] = []
    for k, (start, end) in enumerate(spans):
        covered = set(runs[(start, end)])
        if len(words) - 1 not in covered:
            # a modifier's run: it counts only when の joins it to the head's
            following = spans[k + 1] if k + 1 < len(spans) else None
            if (
                following is None
                or target[end : following[0]] != "の"
                or len(words) - 1 not in runs[following]
            ):
                continue
            covered |= runs[following]
            end = following[1]
        found.append((len(covered), end - start, (start, end)))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]))
    out: list[tuple[int, int]] = []
    texts: set[str] = set()
    for _n, _length, span in found:
        text = target[span[0] : span[1]]
        if text in texts or any(s <= span[0] and span[1] <= e for s, e in out):
            continue
        texts.add(text)
        out.append(span)
        if len(out) == MAX_RENDERINGS:
            break
    return out


def _run_at(target: str, start: int, end: int) -> tuple[int, int] | None:
    for m in RUN.finditer(target, max(0, start - 40), min(len(target), end + 40)):
        if m.start() <= start and end <= m.end():
            return m.start(), m.end()
    return None


def _observed(counts: Mapping[Hashable, int]) -> list[str]:
    return sorted({t for texts in counts if isinstance(texts, tuple) for t in texts})


def _group_of(text: str, counts: Mapping[Hashable, int]) -> str:
    """The shortest observed rendering contained in ``text`` (its group: 半導体パッケージング工場 is
    パッケージング工場)."""
    best = text
    for r in _observed(counts):
        if len(r) < len(best) and r in text:
            best = r
    return best


def _groups(counts: Mapping[Hashable, int]) -> dict[str, int]:
    """Segments per rendering group (a segment counts once per group among its candidates)."""
    observed = _observed(counts)
    out: dict[str, int] = {}
    for texts, k in counts.items():
        if not isinstance(texts, tuple):
            continue
        for g in {_group_of(t, counts) for t in texts} if observed else ():
            out[g] = out.get(g, 0) + k
    return out


class TermConsistency(Check):
    id = "term-consistency"
    name = N_("Term rendered inconsistently")
    description = N_(
        "An English term rendered two different ways in one document (純金利マージン and 純金利差益 for "
        "“net interest margin”), learned from the aligned pairs through the dictionary: the minority "
        "rendering is reported with the majority one as the suggestion."
    )
    category = "Terminology/Inconsistent use of terminology"
    severity = Severity.MINOR
    document_level = True
    parameters: ClassVar[Mapping[str, Any]] = {"min_majority": 2}

    def observe(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Observation]:
        source, target = segment.source, segment.target
        if not source or not target:
            return
        terms = doc.cached("terms", lambda: repeated_terms(s.source for s in doc.segments.values()))
        cov = coverage(source, target)
        if not cov.available or not cov.words:
            return
        seen: set[tuple[str, ...]] = set()
        found = candidate_terms(source, cov.words)
        by_run: dict[int, list[tuple[tuple[str, ...], list[EnWord]]]] = {}
        for k, w, r in found:
            by_run.setdefault(r, []).append((k, w))
        memo: dict[tuple[str, ...], list[tuple[int, int]]] = {}

        def rendered(key: tuple[str, ...], words: list[EnWord]) -> list[tuple[int, int]]:
            # a term's counterparts depend on its lemmas only (every occurrence shares them)
            if key not in memo:
                memo[key] = [sp for sp in renderings(target, words) if not VERB_AFTER.match(target, sp[1])]
            return memo[key]

        for key, words, run in found:
            if key in seen or key not in terms:
                continue
            seen.add(key)
            es, ee = words[0].start, words[-1].end
            spans = rendered(key, words)
            around = [
                (k, w) for k, w in by_run[run] if len(k) > len(key) and w[0].start <= es and ee <= w[-1].end
            ]
            if spans and any(w[-1].end > ee and rendered(k, w)[:1] == spans[:1] for k, w in around):
                continue  # a modifier rendered as part of its compound ("river" of "river mouth", 河口)
            longer = tuple(k for k, _w in around)
            texts = tuple(sorted({target[a:b] for a, b in spans}))
            yield key, (es, ee, tuple(spans), texts, longer)

    def item_class(self, item: Any) -> Hashable:
        texts: Hashable = item[3]
        return texts

    def decision(self, key: Hashable, index: KeyIndex) -> Hashable:
        return _majority(index.counts(key), int(self.params["min_majority"]))

    def judge(
        self, key: Hashable, observations: Mapping[str, list[Any]], doc: DocumentFacts, index: KeyIndex
    ) -> Iterable[Finding]:
        counts = index.counts(key)
        majority = _majority(counts, int(self.params["min_majority"]))
        if majority is None:
            return
        groups = _groups(counts)
        n = groups.get(majority, 0)
        for sid, items in observations.items():
            segment = doc.segments[sid]
            for es, ee, spans, texts, longer in items:
                if any(_group_of(t, counts) == majority for t in texts):
                    continue
                if any(self._reported_by(k, sid, index) for k in longer):
                    continue  # the longer term ("packaging plant" around "plant") says it
                span = spans[0] if spans else self._partial(segment, es, ee, majority, doc)
                if span is None:
                    continue
                yield self.finding(
                    segment,
                    Side.TARGET,
                    span[0],
                    span[1],
                    _("“{term}” is rendered {this} here but {majority} in {n} other place(s).").format(
                        term=segment.source[es:ee],
                        this=segment.target[span[0] : span[1]],
                        majority=majority,
                        n=n,
                    ),
                    majority,
                    evidence=(es, ee),
                )

    def _reported_by(self, key: Hashable, sid: str, index: KeyIndex) -> bool:
        counts = index.counts(key)
        majority = _majority(counts, int(self.params["min_majority"]))
        if majority is None:
            return False
        return any(
            not any(_group_of(t, counts) == majority for t in item[3]) for item in index.get(key).get(sid, ())
        )

    def _partial(
        self, segment: SegmentInput, es: int, ee: int, majority: str, doc: DocumentFacts
    ) -> tuple[int, int] | None:
        """Where the term's head has no counterpart: the run holding its other words' counterparts when
        it shares them with the majority rendering but is not it (純金利差益 beside 純金利マージン), else
        the one unexplained run of the majority's script."""
        cov = coverage(segment.source, segment.target)
        target = segment.target
        for w in cov.words_in(es, ee)[:-1]:
            for hs, he in w.strong:
                run = _run_at(target, hs, he)
                if run is None:
                    continue
                text = target[run[0] : run[1]]
                if majority in text:
                    return None  # it is the majority rendering after all
                if target[hs:he] in majority:
                    return run
        return self._unexplained(segment, majority, doc)

    def _unexplained(
        self, segment: SegmentInput, majority: str, doc: DocumentFacts
    ) -> tuple[int, int] | None:
        """The one run of the majority rendering's script with no counterpart in the English (and that is
        not a name of the document: "the studio" may well be rendered with the studio's name)."""
        cov = coverage(segment.source, segment.target)
        if not KATAKANA.match(majority):
            return None  # unmatched kanji are too common (the dictionary's gaps) to point at one
        kata = True
        found: list[tuple[int, int]] = []
        for u in cov.units:
            if u.covered or not u.content or u.kind not in ("kanji", "kata"):
                continue
            if (u.kind == "kata") != kata:
                continue
            if u.kind == "kata" and _document_name(u.text, doc):
                continue
            found.append((u.start, u.end))
        return found[0] if len(found) == 1 else None


def _document_name(katakana: str, doc: DocumentFacts) -> bool:
    from mtreview.qa.jtext import name_similarity

    return any(name_similarity(token, katakana) >= 0.7 for token in doc.name_candidates(katakana))


def _majority(counts: Mapping[Hashable, int], min_majority: int) -> str | None:
    """The rendering group that holds the term's majority: at least ``min_majority`` segments and at least
    twice as many as the segments without it, which must not scatter over several other renderings — a
    word rendered a different way each time is free vocabulary, not a term."""
    groups = _groups(counts)
    if not groups:
        return None
    best, count = min(groups.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
    total = sum(k for texts, k in counts.items() if isinstance(texts, tuple))
    others = total - count
    other_groups = {
        g
        for texts in counts
        if isinstance(texts, tuple) and not any(_group_of(t, counts) == best for t in texts)
        for g in ({_group_of(t, counts) for t in texts} or {""})
    }
    if others == 0 or count < min_majority or count < 2 * others or len(other_groups) > 1:
        return None
    return best
