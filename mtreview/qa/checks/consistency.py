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
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis.coverage import EnWord, coverage, source_words, word_hits
from mtreview.qa.analysis.lookup import renderings as dictionary_renderings
from mtreview.qa.base import Check, Finding, KeyIndex, Observation, SegmentInput
from mtreview.qa.checks.term_candidates import (
    repeated_terms,
    source_candidates,
)
from mtreview.qa.checks.term_counts import group_of, majority_group, rendering_groups, usual_group
from mtreview.qa.checks.term_learned import (
    PARTIAL,
    PRONOUNS,
    VERB_AFTER,
    WEAK,
    ends_with_head,
    free_runs,
    learned_majority,
    only_place,
    related_run,
    weak_run,
    weak_runs,
)
from mtreview.qa.checks.term_rendering import (
    closed_compound,
    closed_forms,
    document_name,
    head_covered,
    known_word,
    loanword_run,
    renderings,
    run_at,
    same_word,
    sibling_run,
    tail_sibling_run,
    title_after_name,
    titles_a_name,
    variant_elsewhere,
    without_modifiers,
    without_name,
)
from mtreview.qa.context import DocumentFacts

PREDICATE_AFTER = re.compile(rf"{VERB_AFTER.pattern}|\s*(?:と(?:な|し|す)|の措置|に(?:な|入|踏))")
"""A verbal noun used as the predicate (運用停止となった, 飛行停止の措置が取られた): no term's rendering."""
KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc・]+$")
MAX_TERMS = 4
"""Terms followed per segment: its rarest repeated ones (a paragraph rarely holds more)."""
Item = tuple[
    int, int, tuple[tuple[int, int], ...], tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]
]
"""(English start, end, the Japanese spans that may render the term, their texts, the longer terms
around it, and when the dictionary gives no rendering: the target's runs no English word accounts for)."""


def _inside_longer(
    target: str, span: tuple[int, int], spans: list[tuple[int, int]], ending: bool = False
) -> bool:
    """Whether the hit is a piece of a longer one that does not end with it (Japanese compounds end with
    their head: 今冬 is "this winter", a modifier and 冬, while 比 in 積立比率 is no rendering of its own);
    ``ending``: one that ends with it too."""
    text = target[span[0] : span[1]]
    return any(
        b - a > len(text) and text in target[a:b] and (ending or not target[a:b].endswith(text))
        for a, b in spans
    )


WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")
"""The English word just before a position."""


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
        # "terms": the name mtreview.qa.parallel primes with the counts its workers made
        terms = doc.cached("terms", lambda: repeated_terms(s.source for s in doc.segments.values()))
        listed, _heads = source_candidates(source)
        repeated = sorted({k for k, _w, _r in listed if k in terms}, key=lambda k: (terms[k], k))
        if not repeated:
            return
        chosen = set(repeated[:MAX_TERMS])  # the rarest in the document: the most term-like
        runs = {r for k, _w, r in listed if k in chosen}
        made: dict[int, EnWord] = {}

        def word(i: int) -> EnWord:
            if i not in made:
                made[i] = EnWord(*source_words(source)[i])
            return made[i]

        candidates = [(k, [word(i) for i in w], r) for k, w, r in listed if r in runs]
        found = [c for c in candidates if c[0] in chosen]
        hits = word_hits(source, target, frozenset(x.lemma for _k, w, _r in candidates for x in w))
        if not hits:
            return  # no dictionary
        for made_word in made.values():
            if made_word.lemma in hits:
                made_word.found = hits[made_word.lemma]
        seen: set[tuple[str, ...]] = set()
        by_run: dict[int, list[tuple[tuple[str, ...], list[EnWord]]]] = {}
        for k, term, r in candidates:
            by_run.setdefault(r, []).append((k, term))
        memo: dict[tuple[str, ...], list[tuple[int, int]]] = {}

        loans: dict[tuple[str, ...], tuple[int, int] | None] = {}

        def loan(key: tuple[str, ...], words: list[EnWord]) -> tuple[int, int] | None:
            if key not in loans:
                loans[key] = loanword_run(target, words)
            return loans[key]

        def rendered(key: tuple[str, ...], words: list[EnWord]) -> list[tuple[int, int]]:
            # a term's counterparts depend on its lemmas only (every occurrence shares them)
            if key not in memo:
                # a term the dictionary writes as one word renders as that word ("break point": breakpoint)
                memo[key] = closed_compound(target, key) or [
                    sp
                    for sp in renderings(target, words, segment.source, loan(key, words))
                    if not VERB_AFTER.match(target, sp[1])
                ]
            return memo[key]

        for key, term_words, run in found:
            if key in seen:
                continue
            seen.add(key)
            es, ee = term_words[0].start, term_words[-1].end
            spans = rendered(key, term_words)
            around = [
                (k, w) for k, w in by_run[run] if len(k) > len(key) and w[0].start <= es and ee <= w[-1].end
            ]
            if spans and any(w[-1].end > ee and rendered(k, w)[:1] == spans[:1] for k, w in around):
                continue  # a modifier rendered as part of its compound ("river" of "river mouth", 河口)
            if any(loan(k, w) is not None for k, w in around):
                continue  # a word of a compound one loanword renders ("food" of "food bank": フードバンク)
            if spans and any(
                w[0].start < es
                and all(target[a:b] in dictionary_renderings(" ".join(k))[0] for a, b in spans)
                for k, w in around
            ):
                continue  # the head of a compound the dictionary renders as a whole ("car park": 駐車場)
            before = WORD_BEFORE.search(source, max(0, es - 20), es)
            if (
                spans
                and before is not None
                and all(
                    target[a:b] in dictionary_renderings(f"{before.group(1).lower()} {' '.join(key)}")[0]
                    for a, b in spans
                )
            ):
                continue  # with the word before it, a phrase the dictionary renders ("this season": 今季)
            # the counterparts of modifiers that are not part of a term ("northern" of "northern districts")
            # are not the term's rendering: 北部地区 renders "districts" as 地区
            in_terms = {x.lemma for k, w in around if k in terms for x in w}
            others = [w for w in made.values() if w.strong and w.lemma not in key and w.lemma not in in_terms]
            spans = [without_modifiers(sp, others, term_words, target, doc) for sp in spans]
            if len(spans) > 1:  # a hit inside a longer one says nothing more (比 beside 積立比率 for "ratio";
                # for a term of several words, 図書館 beside 拠点図書館 too: the head alone, mentioned again)
                spans = [sp for sp in spans if not _inside_longer(target, sp, spans, len(key) > 1)]
            if len(spans) > 1:  # パネル beside 研究委員会 for "panel … research committee": not committee's
                spans = _own_spans(source, target, key, spans)
            longer = tuple(k for k, _w in around)
            texts = tuple(sorted({target[a:b] for a, b in spans}))
            free = () if spans else (*weak_runs(target, term_words[-1]), *free_runs(source, target))
            yield key, (es, ee, tuple(spans), texts, longer, free)

    def item_class(self, item: Any) -> Hashable:
        texts: Hashable = item[3]
        return texts

    def decision(self, key: Hashable, index: KeyIndex) -> Hashable:
        majority = majority_group(index.counts(key), int(self.params["min_majority"]))
        if majority is not None:
            return majority
        return ("learned", learned_majority(index.get(key), int(self.params["min_majority"])))

    def judge(
        self, key: Hashable, observations: Mapping[str, list[Any]], doc: DocumentFacts, index: KeyIndex
    ) -> Iterable[Finding]:
        counts = index.counts(key)
        majority = majority_group(counts, int(self.params["min_majority"]))
        if majority is None:
            yield from self._judge_learned(key, observations, doc, index)
            return
        groups = rendering_groups(counts)
        n = groups.get(majority, 0)
        # the majority without a name of the document it opens with (オービス株 for "shares": 株)
        core = without_name(majority, doc)
        carried: set[Hashable] | None = None  # made when a segment without the majority needs it
        for sid, items in observations.items():
            segment = doc.segments[sid]
            if majority in segment.target:
                continue  # the majority rendering is there too (市内の…住宅 for "the city's homes")
            for es, ee, spans, texts, longer, _free in items:
                if any(group_of(t, counts) == majority for t in texts):
                    continue
                if carried is None:
                    carried = _carried(key, observations, doc, counts, majority)
                if carried and not carried.intersection(longer):
                    continue  # the majority renders a longer term around it (昨季, "last season")
                if texts and all(same_word(t, majority) or same_word(t, core) for t in texts):
                    continue  # the same word with another affix (議会内 beside 市議会)
                if spans and _with_no(segment.target, spans[0], majority):
                    continue  # 家賃水準の上限 holds the majority's words 家賃…上限 with の between
                if any(self._reported_by(k, sid, index) for k in longer):
                    continue  # the longer term ("packaging plant" around "plant") says it
                if any(self._agrees_with(k, segment, texts, index) for k in longer):
                    continue  # "price" of "base price": rendered as the longer term's majority is
                if texts and _modifier_here(key, longer) and all(t[:2] == majority[:2] for t in texts):
                    continue  # "board" of "board chair": 理事長 beside the majority 理事会, a compound
                # no counterpart found: a run that ends as the majority does and begins with another
                # rendering of the term's own word (衛生局 beside 保健当局), else the run left unexplained
                span = (
                    spans[0]
                    if spans
                    else (
                        tail_sibling_run(segment, majority, key)
                        or _sibling(segment, majority, key, glossed=True)
                        or self._partial(segment, es, ee, majority, doc, key)
                        or related_run(segment, _free, majority)
                    )
                )
                # a run that begins as the majority does (ブレークチャンス beside ブレークポイント):
                # where nothing else points at the rendering, or where the majority is the term written
                # as one word and the spans are a counterpart of one of its words (目 of 3度目, "point")
                sibling = None
                if (span is None and not spans) or (spans and majority in closed_forms(key)):
                    sibling = _sibling(segment, majority, key, glossed=False)
                    span = sibling or span
                if span is None or _counter(segment.target, span):
                    continue  # (a counter after a number: 3児 for "three children" beside 子ども)
                if (not spans or sibling) and (
                    same_word(segment.target[span[0] : span[1]], majority)
                    or variant_elsewhere(segment.target, majority, span)
                ):
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

    def _another_terms(self, text: str, key: Hashable, index: KeyIndex) -> bool:
        """Whether ``text`` is the usual rendering of another of the document's terms."""
        least = int(self.params["min_majority"])
        return any(k != key and usual_group(index.counts(k), least) == text for k in index.key_list())

    def _judge_learned(
        self, key: Hashable, observations: Mapping[str, list[Any]], doc: DocumentFacts, index: KeyIndex
    ) -> Iterable[Finding]:
        """Where the dictionary knows no rendering of the term, the one its segments share: the run no
        English word accounts for in most of them (審判所 for "tribunal"); a segment without it is
        reported at its own one unexplained run of that script (法廷), if there is exactly one."""
        learned = learned_majority(index.get(key), int(self.params["min_majority"]))
        if learned is None:
            return
        majority, n = learned
        for sid, items in observations.items():
            segment = doc.segments[sid]
            if majority in segment.target:
                continue
            for es, ee, spans, _texts, longer, free in items:
                if any(self._reported_by(k, sid, index) for k in longer):
                    continue
                if any(self._learned_elsewhere(k, segment, index) for k in longer):
                    continue  # the longer term ("launch window" around "window") says it
                if spans:
                    # the dictionary's rendering, where most segments agree on another word (学生組合
                    # beside 学生自治会 twice, "students' union")
                    span = spans[0]
                    text = segment.target[span[0] : span[1]]
                    if text in PRONOUNS or same_word(text, majority):
                        continue  # 同社 for "the company" stands for its name
                    if n < 3 and not ends_with_head(text, str(key[-1]) if isinstance(key, tuple) else ""):
                        continue  # against two segments only: a compound the term's head ends (開幕演奏会,
                        # "concert"), not one it merely opens (生産者組合 for "growers")
                else:
                    span = (
                        weak_run(segment, free, majority)
                        or tail_sibling_run(segment, majority, key)
                        or _odd_run(segment, free, majority, doc, key)
                        or sibling_run(segment, majority, key)
                        or related_run(segment, free, majority)
                    )
                if span is None or (
                    not spans and self._another_terms(segment.target[span[0] : span[1]], key, index)
                ):
                    continue  # (an unexplained run that is another term's usual rendering names the same
                    # thing by that term: コースター for "the ride" on a page about a coaster)
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

    def _agrees_with(
        self, key: Hashable, segment: SegmentInput, texts: Sequence[str], index: KeyIndex
    ) -> bool:
        """Whether the longer term ``key`` has a majority rendering, present in ``segment``, that holds the
        item's renderings or is held by them (基本乳価 for "price" where "base price" is 基本乳価)."""
        majority = usual_group(index.counts(key), int(self.params["min_majority"]))
        return (
            bool(texts)
            and majority is not None
            and majority in segment.target
            and all(t in majority or majority in t for t in texts)
        )

    def _learned_elsewhere(self, key: Hashable, segment: SegmentInput, index: KeyIndex) -> bool:
        learned = learned_majority(index.get(key), int(self.params["min_majority"]))
        return learned is not None and learned[0] not in segment.target

    def _reported_by(self, key: Hashable, sid: str, index: KeyIndex) -> bool:
        counts = index.counts(key)
        majority = majority_group(counts, int(self.params["min_majority"]))
        if majority is None:
            return False
        return any(
            not any(group_of(t, counts) == majority for t in item[3]) for item in index.get(key).get(sid, ())
        )

    def _partial(
        self, segment: SegmentInput, es: int, ee: int, majority: str, doc: DocumentFacts, key: Hashable
    ) -> tuple[int, int] | None:
        """Where the term's head has no counterpart: the run holding its other words' counterparts when
        it shares them with the majority rendering but is not it (純金利差益 beside 純金利マージン), else
        the one unexplained run of the majority's script."""
        cov = coverage(segment.source, segment.target)
        target = segment.target
        holding: dict[tuple[int, int], set[str]] = {}  # run → the modifiers whose counterparts it holds
        sharing: list[tuple[int, int]] = []  # runs with a modifier's counterpart that the majority holds
        for w in cov.words_in(es, ee)[:-1]:
            for hs, he in w.strong:
                run = run_at(target, hs, he)
                if run is None:
                    continue
                text = target[run[0] : run[1]]
                if majority in text:
                    return None  # it is the majority rendering after all
                if _with_no(target, run, majority):
                    return None  # 家賃の上限 is the majority 家賃上限 with の between its words
                if target[hs:he] in majority and run not in sharing and not _own_word(text, majority):
                    sharing.append(run)
                holding.setdefault(run, set()).add(w.lemma)
        if sharing:
            # the one that renders nothing but the term's words ("trade" is 貿易 of 貿易担当報道官 too, the
            # "trade spokesman" of the same sentence)
            own = set(key) if isinstance(key, tuple) else set()
            units = cov.units
            only_term = [
                r for r in sharing if all(u.lemmas <= own for u in units if u.start < r[1] and r[0] < u.end)
            ]
            if only_term:
                return only_term[0]
        if KATAKANA.match(majority):
            # a loanword majority (セントラルキッチン) against a kanji compound holding two of the term's
            # modifiers (中央製造工場, "central production kitchen"): the term rendered another way
            run = next((r for r, lemmas in holding.items() if len(lemmas) >= 2), None)
            if run is not None:
                return run
        return self._unexplained(segment, majority, doc, key)

    def _unexplained(
        self, segment: SegmentInput, majority: str, doc: DocumentFacts, key: Hashable
    ) -> tuple[int, int] | None:
        """The one run of the majority rendering's script with no counterpart in the English (and that is
        not a name of the document: "the studio" may well be rendered with the studio's name)."""
        cov = coverage(segment.source, segment.target)
        if not KATAKANA.match(majority):
            # unmatched kanji are common (the dictionary's gaps): only a run no source word glosses, and
            # only when it is the one such run
            return _odd_run(segment, free_runs(segment.source, segment.target), majority, doc, key)
        kata = True
        found: list[tuple[int, int]] = []
        for u in cov.units:
            if u.covered or not u.content or u.kind not in ("kanji", "kata"):
                continue
            if (u.kind == "kata") != kata:
                continue
            if u.kind == "kata" and document_name(u.text, doc):
                continue
            if _own_word(u.text, majority):
                continue
            found.append((u.start, u.end))
        if not found:
            # no loanword at all: a kanji compound of its own may render it (温度調節器 beside
            # サーモスタット), when it is the one run no English word accounts for and every other word has
            # its counterpart
            runs = [
                (u.start, u.end)
                for u in cov.units
                if not u.covered
                and u.content
                and u.kind == "kanji"
                and u.end - u.start >= 3
                and not PREDICATE_AFTER.match(segment.target, u.end)
            ]
            if len(runs) == 1 and not (key is not None and _other_word_unmatched(segment, key)):
                return runs[0]
        return found[0] if len(found) == 1 else None


def _own_spans(
    source: str, target: str, key: tuple[str, ...], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Of a term's several counterparts, those that are not the dictionary's rendering of another word of
    the sentence (委員会 is "committee" where the English says "research committee") nor, beside a span that
    is exactly the term's rendering (パネル), a compound that ends with one (研究委員会); all, if none is."""
    others = {w[3] for w in source_words(source) if w[4] == "word" and w[3] not in key}

    def said_by_others(text: str) -> bool:
        return any(text in dictionary_renderings(o)[0] for o in others)

    # a span that is the term's own rendering and no other word's (パネル)
    own_word = [
        sp
        for sp in spans
        if target[sp[0] : sp[1]] in dictionary_renderings(" ".join(key))[0]
        and not said_by_others(target[sp[0] : sp[1]])
    ]

    def others_word(text: str) -> bool:
        if said_by_others(text):
            return True
        # beside the term's own word, a compound that ends with another word's rendering (研究委員会)
        return bool(own_word) and any(
            text.endswith(r) for o in others for r in dictionary_renderings(o)[0] if len(r) > 1
        )

    own = [sp for sp in spans if sp in own_word or not others_word(target[sp[0] : sp[1]])]
    return own or spans


def _carried(
    key: Hashable,
    observations: Mapping[str, list[Any]],
    doc: DocumentFacts,
    counts: Mapping[Hashable, int],
    majority: str,
) -> set[Hashable]:
    """The longer terms around every one of the majority's occurrences that the majority renders whole (昨季
    for "last season"): it says nothing of the term alone ("this season": 今季)."""
    held = [
        {k for k in longer if _renders_longer(doc.segments[sid], spans, key, k, counts, majority)}
        for sid, items in observations.items()
        for _es, _ee, spans, texts, longer, _free in items
        if any(group_of(t, counts) == majority for t in texts)
    ]
    return set.intersection(*held) if held else set()


def _renders_longer(
    segment: SegmentInput,
    spans: Sequence[tuple[int, int]],
    key: Hashable,
    longer: Hashable,
    counts: Mapping[Hashable, int],
    majority: str,
) -> bool:
    """Whether the majority rendering in ``segment`` renders a word of the longer term too (昨 of 昨季, "last"
    of "last season"), not only the term."""
    if not isinstance(key, tuple) or not isinstance(longer, tuple):
        return False
    extra = set(longer) - set(key)
    target = segment.target
    at = [(a, b) for a, b in spans if group_of(target[a:b], counts) == majority]
    if not extra or not at:
        return False
    a, b = at[0]
    cov = coverage(segment.source, segment.target)
    return any(w.lemma in extra and any(a <= x and y <= b for x, y in w.hits) for w in cov.words)


def _modifier_here(key: Hashable, longer: Sequence[Hashable]) -> bool:
    """Whether the term modifies a noun after it here ("board" of "board chair")."""
    n = len(key) if isinstance(key, tuple) else 0
    return any(isinstance(k, tuple) and k[-n:] != key for k in longer)


def _with_no(target: str, run: tuple[int, int], majority: str) -> bool:
    """Whether the run, の and the run after it spell the majority rendering (家賃 + の + 上限 = 家賃上限), or
    the run opens the majority and the rest of it follows after の and a few characters (家賃水準の上限)."""
    text = target[run[0] : run[1]]
    if "の" in text[2:-1] and text[:2] == majority[:2] and text.endswith(majority[2:]) and len(majority) > 2:
        return True  # the run itself is 家賃水準の上限
    if target[run[1] : run[1] + 1] != "の" or not majority.startswith(text[:2]):
        return False
    rest = majority[len(text) :] if majority.startswith(text) else majority[2:]
    return bool(rest) and rest in target[run[1] + 1 : run[1] + 1 + len(rest) + 3]


def _sibling(segment: SegmentInput, majority: str, key: Hashable, glossed: bool) -> tuple[int, int] | None:
    """``sibling_run`` (with ``glossed``: only a run the dictionary glosses with the term's word, 市民会館
    beside 市民センター), unless the run holds the majority's words with の between (家賃水準の上限)."""
    run = sibling_run(segment, majority, key, glossed)
    return None if run is None or _with_no(segment.target, run, majority) else run


def _own_word(text: str, majority: str) -> bool:
    """A katakana word of its own that begins as the majority does (ブレークスルー, ブレークポイント)."""
    return text[:3] == majority[:3] and bool(KATAKANA.match(text)) and known_word(text)


def _odd_run(
    segment: SegmentInput,
    free: Sequence[str],
    majority: str,
    doc: DocumentFacts,
    key: Hashable | None = None,
) -> tuple[int, int] | None:
    """The one free run of the majority's script in ``segment`` (not a name of the document), unless some
    English word other than the term's (``key``, its lemmas) has no counterpart either."""
    kata = bool(KATAKANA.match(majority))
    # a partly free run whose head renders another English word renders that word (拠点図書館, "hub
    # libraries", is no rendering of "branches"): Japanese compounds end with their head
    free = [
        r.removeprefix(PARTIAL)
        for r in free
        if not r.startswith(WEAK) and not (r.startswith(PARTIAL) and head_covered(segment, r[1:]))
    ]
    picked = [
        r
        for r in dict.fromkeys(free)
        if bool(KATAKANA.match(r)) == kata
        and not (kata and document_name(r, doc))
        and r not in PRONOUNS
        and not (title_after_name(segment.target, r, doc) and not titles_a_name(segment.source, key))
    ]
    # (the majority's last kanji run: 命令 of 差し止め命令, a stem noun before its head)
    core = len(TRAILING_KANJI.search(majority).group())  # type: ignore[union-attr]
    headed = [r for r in picked if not kata and len(r) >= core and r[-1] == majority[-1]]
    if len(picked) > 1:
        # several: the longer compound with the majority's head (its last kanji: 全面封鎖 beside 閉鎖)
        picked = headed
    elif picked and not headed and key is not None and _other_word_unmatched(segment, key):
        return None  # the run may render another English word that has no counterpart ("strain": 負担)
    if len(picked) != 1:
        return None
    if _same_term(picked[0], majority):
        return None
    return only_place(segment.target, picked[0])


KANA = re.compile(r"[\u3041-\u309f]")


def _counter(target: str, span: tuple[int, int]) -> bool:
    """One or two characters right after a number: a counter (3児, 2人, 38カ所), no rendering of the term to
    compare; or 同 and one or two kanji, a word that refers back (同相, 同省: "the minister")."""
    if span[1] - span[0] <= 2 and span[0] > 0 and target[span[0] - 1].isdigit():
        return True
    return ANAPHOR.fullmatch(target, span[0], span[1]) is not None


ANAPHOR = re.compile(r"同[\u4e00-\u9fff]{1,2}")


def _same_term(run: str, majority: str) -> bool:
    """An okurigana variant of the majority (差止命令, 切替作業) or the majority's head referred back to with
    同 (同命令 for 差し止め命令)."""
    if KANA.sub("", run) == KANA.sub("", majority):
        return True
    core = TRAILING_KANJI.search(majority).group()  # type: ignore[union-attr]
    return core != majority and run == "同" + core


TRAILING_KANJI = re.compile(r"[\u4e00-\u9fff々]*$")


def _other_word_unmatched(segment: SegmentInput, key: Hashable) -> bool:
    """Whether a noun-like word of the source other than the term's (a word that could itself be a term:
    not a verb after "will" or "to", not an adverb) has no counterpart in the translation."""
    lemmas = set(key) if isinstance(key, tuple) else set()
    listed, _heads = source_candidates(segment.source)
    nouns = {k[0] for k, _w, _r in listed if len(k) == 1} - lemmas
    if not nouns:
        return False
    cov = coverage(segment.source, segment.target)
    return any(w.kind == "word" and not w.hits and w.lemma in nouns for w in cov.words)
