"""The rendering of a term that a document's pairs share where the dictionary does not give one (or gives one
only in a minority of its segments): the runs of the target no English word accounts for ("free runs") and
the one most segments share. Used by the term-consistency check (``consistency``)."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from mtreview.qa.analysis.coverage import Coverage, EnWord, JaUnit, coverage
from mtreview.qa.analysis.dictionary import generation
from mtreview.qa.analysis.lookup import glossed_by, glosses, same_stem
from mtreview.qa.base import SegmentInput
from mtreview.qa.checks.term_rendering import run_at, same_word

PRONOUNS = frozenset(
    {"我々", "我ら", "私", "私達", "僕", "俺", "彼", "彼女", "彼ら", "彼女ら", "自分", "自身", "自ら"}
    | {"同氏", "同社", "同行", "同省", "同市", "同庁", "当社", "当局", "双方", "各自"}
)
"""Words that stand for someone or something named elsewhere: never a term's rendering ("work" is not 我々
where the English says "us" and the translation 我々)."""
VERB_AFTER = re.compile(r"\s*(?:し|する|され|させ|した|して|しま|せず|できる|でき)")
"""A Japanese run used as a verb (増加し, 承認された): a predicate, not a term."""


def free_runs(source: str, target: str) -> tuple[str, ...]:
    """The target's kanji and katakana words that no English word of the pair accounts for (not a verb's
    stem: 公表する), in order: where a term the dictionary does not know may be rendered."""
    return _free_runs(source, target, generation())


@lru_cache(maxsize=1024)
def _free_runs(source: str, target: str, _generation: int) -> tuple[str, ...]:
    cov = coverage(source, target)
    if not cov.available:
        return ()
    tokens = frozenset(m.group().lower() for m in SOURCE_TOKEN.finditer(source))
    return tuple(
        (_with_stem_noun(target, u.start) + u.text) if not u.covered else PARTIAL + u.text
        for u in cov.units
        if (not u.covered or _mostly_free(cov, u))
        and u.content
        and u.kind in ("kanji", "kata")
        and not VERB_AFTER.match(target, u.end)
        and not glossed_by(u.text, tokens)  # (一部 for "some": function words count too)
    )


STEM_KANA = "しめげりえれせけきちみびねべじ"
"""The okurigana a verb's stem noun may end in (the し of 見直し, the め of 差し止め)."""
STEM_PAIR_RE = rf"[\u4e00-\u9fff々]{{1,2}}[{STEM_KANA}]"
"""One or two kanji and their okurigana (見直し, 差し, 止め): the unit the stem-noun regexes repeat."""
STEM_NOUN = re.compile(rf"(?:{STEM_PAIR_RE}){{1,2}}$")
"""A noun made of a verb's stem and its okurigana (差し止め, 見直し, 払い戻し, 受け入れ) — no particle
(は, を, に, で, て, と) and no adjective's い."""


def _with_stem_noun(target: str, start: int) -> str:
    """The stem noun that opens a compound ending at a free kanji run (差し止め of 差し止め命令,
    "injunction"; 払い戻し of 払い戻し請求): part of the run, where no kanji stands before it."""
    if start < 2 or target[start - 1] not in STEM_OKURIGANA:
        return ""
    m = STEM_NOUN.search(target, max(0, start - 6), start)
    if m is None or (m.start() > 0 and "\u4e00" <= target[m.start() - 1] <= "\u9fff"):
        return ""
    stem = m.group()
    if stem in NOT_STEM_NOUNS:
        return ""  # an adverb or a conjunction (再び, 同じ, 引き続き, 及び)
    if len(STEM_PAIR.findall(stem)) == 1 and m.start() > 0 and target[m.start() - 1] in "にをがと":
        return ""  # a verb's conjunctive form after its object (に向け, に対し, を受け, データを確かめ)
    return stem


NOT_STEM_NOUNS = frozenset(
    {"再び", "同じ", "及び", "並び", "引き続き", "概ね", "予め", "初め", "改め", "少し", "全て"}
)
STEM_PAIR = re.compile(STEM_PAIR_RE)


STEM_PREFIX = re.compile(rf"(?:{STEM_PAIR_RE})+")
STEM_OKURIGANA = frozenset(STEM_KANA)

WEAK = "\x02"
"""Marks a run that only a loose dictionary match ties to the term's head (仲裁人 for "arbiters", through
"arbitrator"): it supports a learned rendering as a whole, and is the odd rendering where it is the one such
run of a segment without the learned one."""
PARTIAL = "\x01"
"""Marks a free run that is only partly free (``_mostly_free``): it supports a learned rendering that some
segment has wholly free, but never makes one alone (港湾管理責任者, where "harbour" is 港湾, renders
"harbour master", not the "inquiry" of the same segments)."""


def _mostly_free(cov: Coverage, unit: JaUnit) -> bool:
    """A kanji compound of which two characters or more no English word accounts for (可能時間帯, where
    "time" is 時間, for "launch window"): it may render a term the dictionary does not know."""
    return unit.kind == "kanji" and len(unit.text) >= 3 and cov.uncovered_chars(unit) >= 2


SOURCE_TOKEN = re.compile(r"[A-Za-z]+")


def learned_majority(observations: Mapping[str, list[Any]], min_majority: int) -> tuple[str, int] | None:
    """The free run most of a term's segments share — where no segment has a dictionary rendering of it:
    at least ``min_majority`` segments (three, when the majority must outnumber the rest twice) and at
    least twice as many as the segments without it; a longer shared run wins over a piece of it."""
    segments: list[tuple[str, ...]] = []
    rendered = 0
    for items in observations.values():
        if any(item[3] for item in items):
            rendered += 1  # the dictionary renders the term here: a segment without the learned run
            segments.append(())
        else:
            segments.append(tuple(r for item in items for r in item[5]))
    n = len(segments)
    if rendered and 2 * rendered > n - rendered:
        return None  # the dictionary's renderings are no minority: their majority decides
    # (against a dictionary rendering, a learned one of two segments is judged only where the term's head
    # ends the dictionary's compound: ``ends_with_head``)
    if n < 3:
        return None
    memo_key = (min_majority, rendered, tuple(segments))
    last = _LEARNED_MEMO[0]
    if last is not None and last[0] == memo_key:
        return last[1]  # the decision, then the judgement of the same key: computed once
    counts: dict[str, int] = {}
    for runs in segments:
        for text in set(runs):
            if not text.startswith((PARTIAL, WEAK)):
                counts[text] = counts.get(text, 0) + 1
                stem = STEM_PREFIX.match(text)
                if stem is not None and stem.end() < len(text):
                    # the compound without its stem noun is a candidate too (可能時間帯 of 打ち上げ可能時間帯)
                    counts.setdefault(text[stem.end() :], 0)
    # one substring search per segment (runs hold no \n); a partly free run supports only as a whole
    joined = ["\n".join(r for r in runs if not r.startswith((PARTIAL, WEAK))) for runs in segments]
    partial = [{r[1:] for r in runs if r.startswith((PARTIAL, WEAK))} for runs in segments]
    allowed = n - (2 * n + 2) // 3  # segments without the text beyond this: it cannot be twice the rest
    best: tuple[int, int, str] | None = None
    for text in counts:
        if len(text) < 2 or text in PRONOUNS:
            continue
        missing = 0
        for together, whole in zip(joined, partial, strict=True):
            if text not in together and text not in whole:
                missing += 1
                if missing > allowed:
                    break
        k = n - missing
        if k < max(2, min_majority) or k < 2 * (n - k) or k == n:
            continue
        rank = (k, len(text), text)
        if best is None or rank[:2] > best[:2] or (rank[:2] == best[:2] and text < best[2]):
            best = rank
    result = (best[2], best[0]) if best else None
    _LEARNED_MEMO[0] = (memo_key, result)
    return result


_LEARNED_MEMO: list[tuple[Hashable, tuple[str, int] | None] | None] = [None]
"""The last ``_learned_majority`` input and answer."""


def weak_runs(target: str, head: EnWord) -> tuple[str, ...]:
    """The kanji and katakana runs that only loose dictionary matches tie to the term's head, marked
    ``WEAK``: a run the dictionary glosses with a word of the head's stem (仲裁人, "arbitrator", for
    "arbiters"), not a one-kanji or sound match."""
    strong = set(head.strong)
    out: dict[str, None] = {}
    for hs, he in head.found.spans:
        if (hs, he) in strong:
            continue
        run = run_at(target, hs, he)
        if run is None or run[1] - run[0] < 2:
            continue
        text = target[run[0] : run[1]]
        if any(same_stem(head.lemma, g) for g in glosses(text)):
            out[WEAK + text] = None
    return tuple(out)


def weak_run(segment: SegmentInput, free: Sequence[str], majority: str) -> tuple[int, int] | None:
    """The one run a loose match ties to the term's head, where the segment lacks the learned rendering
    (仲裁人 beside 審判員 twice, "arbiters"): its place, if it occurs once."""
    weak = list(dict.fromkeys(r[1:] for r in free if r.startswith(WEAK)))
    if len(weak) != 1 or weak[0] in PRONOUNS or same_word(weak[0], majority):
        return None
    return only_place(segment.target, weak[0])


def only_place(target: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` stands in ``target``, if it stands there exactly once."""
    start = target.find(text)
    if start < 0 or target.find(text, start + 1) >= 0:
        return None
    return start, start + len(text)


def ends_with_head(text: str, head: str) -> bool:
    """Whether a compound ends with a word the dictionary glosses with the term's head (or a word of its
    stem): 演奏会 of 開幕演奏会 for "concert" (a Japanese compound ends with its head)."""
    for i in range(max(0, len(text) - 6), len(text) - 1):
        if any(g == head or same_stem(head, g) for g in glosses(text[i:])):
            return True
    return False


def related(run: str, majority: str) -> bool:
    """Whether the dictionary glosses ``run`` and ``majority`` with a word in common (受講生 and 学習者,
    "student"; 診療所 and 動物病院, "clinic"): the same thing named with a synonym. (Runs that share
    characters are too often another thing: 貯水率 beside 貯水池, 感染源 beside 集団感染.)"""
    from mtreview.qa.analysis.lookup import glosses

    found = glosses(run)
    return bool(found) and not found.isdisjoint(glosses(majority))


def related_run(segment: SegmentInput, free: Sequence[str], majority: str) -> tuple[int, int] | None:
    """The one run no English word accounts for that names what the majority rendering names (``related``),
    where the segment lacks the majority: the term said with a synonym (受講生 where the page says 学習者)."""
    runs = dict.fromkeys(r.lstrip(PARTIAL + WEAK) for r in free)
    picked = [
        r
        for r in runs
        if len(r) >= 2
        and r not in PRONOUNS
        and r not in majority  # (試験 of 試験施設: the majority shortened, not another word)
        and majority not in r
        and not same_word(r, majority)
        and related(r, majority)
    ]
    if len(picked) != 1:
        return None
    return only_place(segment.target, picked[0])
