"""The doer of a passive the English names with "by" ("Research commissioned by the Food Standards Agency",
"the gates will be operated by the river authority"), rendered as another body: the Japanese sentence has
none of the doer's words and makes another body or person the subject (議会が委託した調査, 町議会が運用し).
Used by the agent check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis.coverage import Coverage, EnWord
from mtreview.qa.analysis.lookup import renderings
from mtreview.qa.checks.agent_bodies import BODY_ENDS, NOT_A_BODY

EN_BY_AGENT = re.compile(
    r"\b(?P<verb>[a-z]+(?:ed|wn|un|ght|en))(?:\s+(?:and|or)\s+[a-z]+(?:ed|wn|un|ght|en))?"
    r"(?:\s+(?:up|out|in|on|back))?(?:\s+(?:in|on|at|last|this|next)\s+[A-Za-z]+)?\s+by\s+"
    r"(?P<agent>(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[A-Za-z][^,.;:()\"“”]{1,80}?)"
    r"(?=\s*[,.;:()\"“”]|\s+(?:and|who|which|that|to|for|in|on|at|with|from|after|before|but|until|since|"
    r"over|into|under|because|while|as)\b|\s*$)"
)
"""A participle ("commissioned", "drawn up", "approved in May") and the doer after its "by"."""
NOT_PASSIVE = frozenset({"followed", "accompanied", "surrounded", "caused", "driven", "hit", "replaced"})
"""Participles whose "by" names a cause or a sequel as often as a doer ("followed by a vote")."""
JA_SUBJECT = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc・])(?P<np>[\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{2,20})が"
)
"""A kanji or katakana run marked as a subject (議会が, パーク側が)."""
KATAKANA = re.compile(r"[\u30a1-\u30fa]{2}")
AGENT_ENDS = (*BODY_ENDS, "側", "氏", "さん", "員", "者", "家", "長", "官", "陣")
"""How a Japanese doer ends: a body (委員会, 当局), a side (パーク側) or a person (氏, 研究者)."""


def by_agents(
    cov: Coverage, sentence: tuple[int, int], japanese: tuple[int, int]
) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(Japanese subject, English doer) of each "by" doer of the English sentence that the Japanese
    sentence does not render while its one subject that is a doer renders none of the doer's words."""
    source, target = cov.source, cov.target
    es, ee = sentence
    js, je = japanese
    if not cov.available:
        return  # (without the dictionary every doer would look unrendered)
    for m in EN_BY_AGENT.finditer(source, es, ee):
        if m.group("verb").lower() in NOT_PASSIVE:
            continue
        words = [w for w in cov.words_in(m.start("agent"), m.end("agent")) if w.kind in ("word", "name")]
        if not words or any(js <= a and b <= je for w in words for a, b in w.hits):
            continue  # the doer is rendered (or has no word to look for)
        subjects = [
            s
            for s in JA_SUBJECT.finditer(target, js, je)
            if s.group("np").endswith(AGENT_ENDS) and not s.group("np").startswith(NOT_A_BODY)
        ]
        if len(subjects) != 1:
            continue  # none, or several: which renders the doer is unclear
        subject = subjects[0].group("np")
        if m.group("agent")[:1].isupper() and KATAKANA.search(subject):
            continue  # a name for a name ("by Northgate Runners" as 全国ハリアーズ連盟): the names' business
        if _may_render(subject, words):
            continue  # 議会 for "the council": a part of its renderings (市議会, 町議会) the coverage misses
        yield subjects[0].span("np"), m.span("agent")


def _may_render(subject: str, words: list[EnWord]) -> bool:
    """Whether ``subject`` is, holds or is part of a dictionary rendering of one of the doer's words."""
    for w in words:
        for form in {w.lemma, w.text.lower()}:
            if any(
                len(r) >= 2 and (r in subject or subject in r or _same_end(r, subject))
                for r in renderings(form)[0]
            ):
                return True
    return False


def _same_end(a: str, b: str) -> bool:
    """Whether two bodies end in the same word of two characters or more (州議会 and 市議会: 議会)."""
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]
