"""What the term-consistency check reads off a pair: the Japanese spans that may render a term (runs of
kanji and katakana holding its words' dictionary counterparts), trimmed of what is not the term's, and how
two renderings compare (the same word with another affix, a variant of the majority)."""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

from mtreview.qa.analysis.coverage import EnWord, JaUnit, coverage, japanese_units
from mtreview.qa.analysis.english import STOPWORDS
from mtreview.qa.analysis.lookup import glosses, lower_words
from mtreview.qa.base import SegmentInput
from mtreview.qa.context import DocumentFacts

RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ\u30a1-\u30fa\u30fc]+")
KATAKANA_PREFIX = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
MAX_RENDERINGS = 8
"""Distinct renderings of one term kept per segment (a long paragraph repeating itself has few)."""


def renderings(
    target: str, words: list[EnWord], source: str, loan: tuple[int, int] | None
) -> list[tuple[int, int]]:
    """The Japanese spans that may render ``words``: each run of kanji/katakana holding an exact
    counterpart of the term's head (its last word), extended over の to a run holding another word's
    (手首のセンサー), best first (most of the term's words, then longest). ``loan`` is the term's
    loanword run (``loanword_run``), which renders it whole where there is one."""
    if loan is not None:
        return [loan]
    head = words[-1]
    if not head.strong:
        return _modifier_compound(target, words, source)
    runs: dict[tuple[int, int], set[int]] = {}
    for i, w in enumerate(words):
        for hs, he in w.strong:
            run = run_at(target, hs, he)
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
    if len(words) > 1 and found and found[0][0] == len(words):
        # where a run renders every word of the term, a run with the head alone is a later mention of the
        # head by itself ("the battery pack … when the pack is charged"), not a rendering of the term
        found = [f for f in found if f[0] == len(words)]
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


KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc・]{4,}")
LOANWORD_TERM = 0.8
"""How like a katakana run a term of several words, written as one, must sound to be its loanword
(ローターセイル for "rotor sails", ソーラーファーム for "solar farm")."""


def loanword_run(target: str, words: list[EnWord]) -> tuple[int, int] | None:
    """The katakana run that renders a term of several words as one loanword, by sound: the dictionary
    knows its words one by one (帆 for "sail", 航海 for "sailed") but not the compound."""
    if len(words) < 2 or not all(w.text.isalpha() for w in words) or not KATAKANA_RUN.search(target):
        return None
    from mtreview.qa.jtext import english_sounds, first_sound, katakana_full, name_similarity

    similarity = name_similarity.__wrapped__  # (not its cache: these pairs seldom come again)
    written = "".join(w.lemma for w in words)
    sounds = english_sounds(written)
    best, span = LOANWORD_TERM, None
    for m in KATAKANA_RUN.finditer(target):
        kana = m.group().replace("・", "")
        if not 0.5 * len(written) <= len(kana) <= 1.5 * len(written):
            continue  # (a loanword is about as long in katakana as in letters: ローターセイル, "rotorsail")
        if sounds and first_sound(katakana_full.__wrapped__(kana)) not in sounds:
            continue  # (nor does it begin with another sound)
        score = similarity(written, kana)
        if score >= best:
            best, span = score, m.span()
    return span


def _modifier_compound(target: str, words: list[EnWord], source: str = "") -> list[tuple[int, int]]:
    """Where the head of a term of several words has no counterpart: the run in which the word before it
    has one, when that counterpart opens the run and the run goes on after it — a Japanese compound
    puts its head last, so the rest is the head's rendering the dictionary does not know (家賃上限 for
    "rent cap": 家賃 is "rent")."""
    if len(words) < 2:
        return []
    out: list[tuple[int, int]] = []
    modifier = words[-2]
    others = (
        (frozenset(lower_words(source)) - STOPWORDS - {w.lemma for w in words}) if source else frozenset()
    )
    for hs, he in modifier.strong:
        run = run_at(target, hs, he)
        if run is None or run[0] != hs or run in out:
            continue
        if run[1] > he or (run[1] == he and _opens_with(target[hs:he], modifier.lemma, others)):
            out.append(run)
    return out[:MAX_RENDERINGS]


def _opens_with(compound: str, lemma: str, others: frozenset[str] = frozenset()) -> bool:
    """Whether a compound the dictionary glosses whole with the modifier begins with a word of two
    characters or more that renders the modifier alone (衛星 of 衛星中継, "satellite transmission", for
    "satellite link"): the rest is the head's rendering."""
    others = others - {lemma}
    if others and not glosses(compound).isdisjoint(others):
        return False  # the compound renders another English word of the pair (価格競争, "price competition")
    return any(
        lemma in glosses(compound[:k]) and glosses(compound[k:]).isdisjoint(others)
        for k in range(2, len(compound) - 1)
    )


def without_modifiers(
    span: tuple[int, int], others: list[EnWord], term: list[EnWord], target: str, doc: DocumentFacts
) -> tuple[int, int]:
    """``span`` less what it opens with that is not the term's, as long as a word of two characters or
    more stays, holding the head's own counterpart whole: the counterparts of other English words (北部地区
    for "districts" of "northern districts" is 地区, like the hillside districts' 丘陵地区), a name of the
    document that renders none of the term (アリエタ農場 for "the farm" of Arrieta's is 農場) and 同 ("the
    said": 同風力発電所 is 風力発電所). 洪水壁 stays
    洪水壁: a lone 壁 is too little to say it renders "walls" as the majority's 防潮壁 does."""
    start, end = span
    head = term[-1]

    def keeps(new_start: int) -> bool:
        return end - new_start >= 2 and any(new_start <= a and b <= end for a, b in head.strong)

    moved = True
    while moved:
        moved = False
        for w in others:
            for hs, he in w.strong:
                if hs == start and he > start and keeps(he):
                    start, moved = he, True
        if target[start] == "同" and keeps(start + 1):
            start, moved = start + 1, True
        name = KATAKANA_PREFIX.match(target, start, end)
        if (
            name
            and keeps(name.end())
            and not any(name.start() < b and a < name.end() for w in term for a, b in w.strong)
            and document_name(name.group(), doc)
        ):
            start, moved = name.end(), True
    return start, end


def without_name(rendering: str, doc: DocumentFacts) -> str:
    """``rendering`` less a katakana name of the document it opens with (オービス株 → 株)."""
    m = KATAKANA_PREFIX.match(rendering)
    if m and m.end() < len(rendering) and document_name(m.group(), doc):
        return rendering[m.end() :]
    return rendering


def variant_elsewhere(target: str, majority: str, span: tuple[int, int]) -> bool:
    """Whether a run of ``target`` other than ``span`` opens with the majority rendering's first two
    characters or more and goes on differently (研究チーム beside 研究者): the term is rendered there with a
    variant of the majority, and ``span`` (現地) is some other word."""
    if len(majority) < 3:
        return False
    for m in RUN.finditer(target):
        if m.start() < span[1] and span[0] < m.end():
            continue
        run = m.group()
        if len(run) > 2 and run[:2] == majority[:2] and not run.startswith(majority):
            return True
    return False


RELATIONAL_SUFFIXES = frozenset("内外中上下前後間比側等用")
"""One-character suffixes that relate a word to something else (議会内 "in the council", 前年比 "against the
year before"): the word without them is the rendering."""


def _bare(text: str) -> str:
    """``text`` without a relational suffix and without a leading 同 ("the said")."""
    if len(text) >= 2 and text[-1] in RELATIONAL_SUFFIXES:
        text = text[:-1]
    if len(text) > 1 and text[0] == "同":
        text = text[1:]
    return text


def same_word(text: str, majority: str) -> bool:
    """Two renderings that are one word, once a relational suffix and 同 are set aside, one holding
    the other with one character more: 議会内 ("in the council") and 市議会 ("city council") both hold 議会,
    前年比 and 年間 both 年; 同社 ("the company": it refers back) and 親会社 both say 社. Not 展示会 and
    展覧会, 洪水壁 and 防潮壁, 首相 and 外相, 市議会 and 県議会, 株式 and 株価: what differs is a word of
    its own."""
    for one, other in ((majority, text), (text, majority)):
        if one.startswith("同") and len(one) >= 2 and one[1:] in other:
            return True  # 同社 ("the company") refers back; 親会社 says "company" with the same word
    a, b = _bare(text), _bare(majority)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short not in long_:
        return False
    # the longer one may add a one-character modifier (市議会 beside 議会内's 議会), not a word of its own
    return len(long_) - len(short) <= 1


def run_at(target: str, start: int, end: int) -> tuple[int, int] | None:
    """The run of kanji and katakana around ``start:end``, less a number's scale before it (the 万 of
    1億1000万リットル) and the 当 of 当たり ("per") after it."""
    for m in RUN.finditer(target, max(0, start - 40), min(len(target), end + 40)):
        if m.start() <= start and end <= m.end():
            a, b = m.start(), m.end()
            while a < start and target[a] in SCALES and a and target[a - 1].isdigit():
                a += 1
            if b > end and target[b - 1] == "当" and target.startswith("たり", b):
                b -= 1
            if a and target[a - 1].isdigit():
                # a bound after a counted unit (1500時間以上, 200時間近く) is no part of its rendering
                bound = BOUND_AFTER_UNIT.search(target, end, b)
                if bound is not None and bound.end() == b:
                    b = bound.start()
            return a, b
    return None


SCALES = frozenset("十百千万億兆")
BOUND_AFTER_UNIT = re.compile(r"(?:以上|以下|未満|以内|近|超|強|弱|余)$")


def document_name(katakana: str, doc: DocumentFacts) -> bool:
    from mtreview.qa.jtext import name_similarity

    return any(name_similarity(token, katakana) >= 0.7 for token in doc.name_candidates(katakana))


def sibling_run(
    segment: SegmentInput, majority: str, term: Hashable, glossed: bool = False
) -> tuple[int, int] | None:
    """The one run of ``segment``'s target that begins as the term's ``majority`` rendering does and
    then goes another way (水道公社 beside 水道局, ブレークチャンス beside ブレークポイント): a rendering
    of the same term with another word in it. Its own part must be no rendering of another English word of the
    sentence (水道管 where the English says "pipes" is another word, not another rendering)."""
    katakana = "\u30a1" <= majority[0] <= "\u30fc"
    shared = 3 if katakana else 2
    if len(majority) <= shared:
        return None
    head = majority[:shared]
    target = segment.target
    # its own part is a word, not a one-kanji suffix that makes another noun of the head (貯水率, the
    # reservoir's level, beside 貯水池)
    found = [
        (u.start, u.end)
        for u in japanese_units(target)
        if u.kind in ("kanji", "kata")
        and u.text.startswith(head)
        and len(u.text) >= shared + 2
        and majority not in u.text
    ]
    if len(found) != 1:
        return None
    start, end = found[0]
    words = term if isinstance(term, tuple) else ()
    said = _glosses_term(target[start:end], words)
    if (known_word(target[start:end]) or glossed) and not said:
        return None  # a word of its own (ブレークスルー, ブレークダンス), not another rendering of the term
        # (市民会館, "civic hall", beside 市民センター is one: the dictionary glosses it with "civic"; with
        # ``glossed``, only such a run: it is tried before the segment's unexplained runs)
    rest = start + shared
    cov = coverage(segment.source, target)
    for word in cov.words:
        if word.lemma in words:
            continue
        if any(a < end and b > rest for a, b in word.found.spans):
            return None  # the run's own part renders another word of the English
    return start, end


def _glosses_term(text: str, words: Sequence[str]) -> bool:
    """Whether the dictionary glosses ``text`` with one of a term's words (British or American spelling)."""
    said = {w.replace("centre", "center").replace("metre", "meter") for w in words}
    return not said.isdisjoint(glosses(text))


def tail_sibling_run(segment: SegmentInput, majority: str, term: Hashable) -> tuple[int, int] | None:
    """The one kanji run of ``segment``'s target that ends as the term's ``majority`` rendering ends and
    begins with another rendering of one of the term's own words (衛生局 beside 保健当局 for "health
    authority": 衛生 renders "health" too): the same term, another rendering. No other English word of the
    sentence may be rendered inside it."""
    words = term if isinstance(term, tuple) else ()
    if len(words) < 2 or len(majority) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in majority):
        return None
    target = segment.target
    units = [
        u
        for u in japanese_units(target)
        if u.kind == "kanji" and len(u.text) >= 2 and u.text[-1] == majority[-1] and majority not in u.text
    ]
    if not units:
        return None
    cov = coverage(segment.source, target)
    found = []
    for u in units:
        own = other = False
        for word in cov.words:
            spans = [(a, b) for a, b in word.found.spans if a < u.end and b > u.start]
            if not spans:
                continue
            if word.lemma not in words:
                other = True
            elif any(a == u.start and target[a:b] not in majority for a, b in spans):
                own = True
        if own and not other:
            found.append((u.start, u.end))
    return found[0] if len(found) == 1 else None


def closed_forms(key: Hashable) -> frozenset[str]:
    """The renderings of a two-word term the dictionary writes as one word ("break point": "breakpoint",
    ブレークポイント); none for any other key."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

    if not isinstance(key, tuple) or len(key) != 2:
        return frozenset()
    try:
        return frozenset(f for f in default_dictionary().japanese("".join(key)) if len(f) >= 2)
    except DictionaryUnavailable:
        return frozenset()


def closed_compound(target: str, key: Sequence[str]) -> list[tuple[int, int]]:
    """The places in ``target`` of the longest of ``closed_forms(key)`` there; else none."""
    present = [f for f in closed_forms(tuple(key)) if f in target]
    if not present:
        return []
    best = max(present, key=lambda f: (len(f), f))
    spans = []
    at = target.find(best)
    while at >= 0:
        spans.append((at, at + len(best)))
        at = target.find(best, at + len(best))
    return spans


def known_word(text: str) -> bool:
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

    try:
        return bool(default_dictionary().english(text))
    except DictionaryUnavailable:
        return True  # nothing to tell a variant from another word by: say nothing


def head_covered(segment: SegmentInput, run: str) -> bool:
    """Whether the last character of ``run`` (where it first stands) renders some English word."""
    cov = coverage(segment.source, segment.target)
    at = segment.target.find(run)
    if at < 0 or not run:
        return False
    return cov.uncovered_chars(JaUnit(at + len(run) - 1, at + len(run), run[-1], "kanji")) == 0


def title_after_name(target: str, run: str, doc: DocumentFacts) -> bool:
    """Whether ``run`` stands right after a katakana name of the document: a title (フェランディス局長)."""
    at = target.find(run)
    name = KATAKANA_BEFORE.search(target, 0, at) if at > 0 else None
    return name is not None and document_name(name.group().split("・")[-1], doc)


def titles_a_name(source: str, key: Hashable | None) -> bool:
    """Whether the term stands before a name in the English ("Judge Fiona MacLeod": the title after the
    Japanese name may render it)."""
    words = key if isinstance(key, tuple) else ()
    return any(re.search(rf"\b(?i:{re.escape(w)})\w*\s+[A-Z]", source) for w in words[-1:])


KATAKANA_BEFORE = re.compile(r"[\u30a1-\u30fa\u30fc・]{2,}$")
