"""The agent check's bodies named by common nouns: how a Japanese body's name ends (委員会, 当局, 郡), the
English head of a body named by common nouns ("the health ministry": ministry), and whether the page uses a
Japanese body elsewhere for another English word ("board", where 地域保健委員会 stands). Also whose study
a sentence reports ("A survey by the council found", 同慈善団体の調査によると)."""

from __future__ import annotations

import re

from mtreview.qa.analysis import english
from mtreview.qa.analysis.lookup import known_glosses, lower_words, renderings
from mtreview.qa.context import DocumentFacts

KANJI_RUN = re.compile(r"[\u4e00-\u9fff]")
BODY_ENDS = (
    *("省", "庁", "局", "会", "団", "社", "部", "所", "院", "党", "郡", "市", "町", "村", "県", "州", "国"),
    *("府", "署", "隊", "組合", "当局", "政府", "銀行", "企業", "機関", "基金", "財団", "チーム", "クラブ"),
    *("連合", "同盟", "連盟", "協会", "機構", "センター", "グループ", "団体"),
)
"""How the names of bodies end in Japanese (委員会, 当局, 郡); not people (負傷者, 活動家: "the victims",
"campaigners" are often rendered by another word for the same people)."""
EN_STUDY_BY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:survey|study|report|analysis|review|poll|audit|investigation|"
    r"assessment|inquiry|count)\s+(?:commissioned\s+|carried\s+out\s+|published\s+|released\s+)?by\s+"
    r"(?P<np>(?:the|a|an|its|their)\s+[a-z][\w'’\-]*(?:\s+[a-z][\w'’\-]*){0,2}?)\s+"
    r"(?:found|finds|showed|shows|suggested|suggests|concluded|concludes|estimated|estimates|said|says|"
    r"revealed|reveals|indicated|indicates)\b"
)
"""Whose study the English reports ("A survey by the council found …"): a body named by common nouns."""
JA_STUDY_OF = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc])(?P<np>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,12})の"
    r"(?:[\u4e00-\u9fff]{0,4})(?:調査|研究|報告書?|分析|世論調査|監査|評価|検証|集計)(?:結果)?"
    r"(?:によると|によれば|では|で|は|が)"
)
"""The body whose study the Japanese reports (同慈善団体の調査によると)."""
NOT_A_BODY = ("同", "彼", "両", "各", "本", "当社", "私", "我", "誰", "皆")
"""Topics that refer back or to the speaker (同社, 彼女, 両氏): no other body."""
BODY_CANDIDATES = "agent-body-candidates"
"""The segments whose agent ``_other_body`` compared with the page's other bodies (``dependents``)."""
NEAR = 300
"""How many segments before and after the agent's the page's other bodies are looked for in (bounded: a
100k-segment document is read near the segment, not whole, for each candidate)."""


def head_forms(head: str) -> tuple[str, ...]:
    """The head and its lemma, in the dictionary's spelling too (organisers → organiser, organizer)."""
    forms = dict.fromkeys([head, english.lemma(head)])
    for form in list(forms):
        forms[re.sub(r"is(e|er|ers|ation|ations)$", r"iz\1", form)] = None
    return tuple(forms)


def known_english(word: str) -> bool:
    return any(renderings(form)[0] or renderings(form)[1] for form in head_forms(word))


def proper_name(body: str, pieces: tuple[tuple[frozenset[str], int, int, bool], ...]) -> bool:
    """Whether the topic has a part no dictionary word covers (三井住友銀行, みずほ銀行): a body's own name,
    not a description (地域保健委員会, 農業省: words and a body's ending)."""
    covered: set[int] = set()
    for _glosses, start, end, _whole in pieces:
        covered.update(range(start, end))
    if len(body) > 1 and body[-1] in BODY_ENDS:  # a body's one-character ending (省, 郡)
        covered.add(len(body) - 1)
    return len(covered) < len(body)


def head_glosses(body: str) -> frozenset[str]:
    """The glosses of the longest dictionary word that ends ``body`` (委員会 of 地域保健委員会)."""
    for i in range(len(body)):
        glossed = known_glosses(body[i:])
        if glossed:
            return glossed
    return frozenset()


def another_body(
    doc: DocumentFacts, segment_id: str, body: str, head: str, glossed: frozenset[str]
) -> str | None:
    """The word of ``glossed`` that the English says where the page's Japanese uses ``body`` on its own, in
    the segments near ``segment_id``: ``body`` is then another body of the page ("board", where 地域保健委員会
    stands). None when one of those segments says ``head`` (the page renders "the authority" by 水道公社
    elsewhere: 水道公社 is the authority) or none says a word of ``glossed``."""
    forms = head_forms(head)
    alone = re.compile(rf"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc]){re.escape(body)}(?![\u4e00-\u9fff])")
    i = doc.order[segment_id]
    found: str | None = None
    for j in range(max(0, i - NEAR), min(len(doc.order), i + NEAR + 1)):
        other = doc.segments.at(j)
        if j == i or body not in (other.target or "") or not alone.search(other.target):
            continue  # (郡 inside フェンムーア郡 is part of a name)
        words = lower_words(other.source)
        if not words.isdisjoint(forms):
            return None
        said = sorted(glossed & words)
        found = found or (said[0] if said else None)
    return found
