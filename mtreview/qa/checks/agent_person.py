"""A person the English makes the speaker ("…, Reyes said") whom the translation replaces with a body
(議会によると…): the English says elsewhere in the document that the name is a person's (a title before it,
"Ms Reyes"; a given name and an apposition, "the managing director, Fiona Reyes,"; an age, "Reyes, 52,"),
the Japanese sentence has no katakana that sounds like the name, and the body it attributes the sentence to
renders no word of the English sentence. Only the document's English is read besides the pair."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mtreview.qa.checks.agent_bodies import BODY_CANDIDATES, BODY_ENDS, NEAR, NOT_A_BODY, common_word
from mtreview.qa.checks.agent_japanese import JA_BODY_TOPIC
from mtreview.qa.checks.agent_named import JA_ACCORDING

TITLES = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Councillor|Cllr|Judge|Justice|Sir|Dame|Lord|Lady|Inspector|"
    r"Sergeant|Sgt|Detective|Chief\s+Constable|Superintendent|Mayor|Senator|Rev|Father|Sister"
)
_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
PERSON = re.compile(
    rf"\b(?:{TITLES})\.?\s+(?:{_NAME}\s+)?(?P<a>{_NAME})\b"  # Ms Reyes, Dr Fiona Reyes
    rf"|,\s+{_NAME}\s+(?P<b>{_NAME}),"  # an apposition: ", Fiona Reyes,"
    rf"|\b(?P<c>{_NAME}),\s+\d{{1,3}},"  # an age: "Reyes, 52,"
)
JA_REPORTED = re.compile(r"と(?:述べ|語|話|説明|明らかに|強調|指摘|発表)|(?:呼びかけ|求め|訴え)(?:た|ました)")
KANJI_BODY = re.compile(r"[\u4e00-\u9fff]+")
ENDS = (*BODY_ENDS, "警察", "大学", "学校")
KATAKANA_LED = re.compile(r"^[\u30a1-\u30fa\u30fc・]+")
WHO_NAME = re.compile(rf"{_NAME}\s+(?P<surname>{_NAME}),\s+(?:who|whose)\b")
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
TITLED = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:氏|さん|教授|博士|会長|社長|市長|代表|議員|監督|選手)")

if TYPE_CHECKING:
    from mtreview.qa.context import DocumentFacts


def english_names(katakana: str, doc: DocumentFacts, threshold: float, segment_id: str) -> list[str]:
    """The document's English names that ``katakana`` renders best (by sound), if they reach
    ``threshold``: more than one when they sound alike (ラン: Lan, Lane), whatever their order; a little
    short of it, those the page's own pairs support (``said_together``)."""
    from mtreview.qa.jtext import katakana_full, name_similarity

    if not katakana_full(katakana):
        return []
    best: list[str] = []
    score = 0.0
    for token in doc.name_candidates(katakana):
        s = name_similarity(token, katakana)
        if s > score:
            best, score = [token], s
        elif s == score and best:
            best.append(token)
    if threshold - 0.15 <= score < threshold:  # ホイットコム (0.69) where a pair says Whitcombe
        return said_together(best, katakana, segment_id, doc)
    return best if score >= threshold else []


NEAR_SCORE = 0.03
"""How much less like a katakana name than the best reading an English word may sound and still be one."""


def near_names(katakana: str, doc: DocumentFacts, words: list[str]) -> list[str]:
    """The English agent's ``words`` (lower case) that sound about as like ``katakana`` as the document's
    best reading of it (キャロウミア: Columba 0.74, Carrowmere 0.72): the sound cannot tell them apart, so
    the agent is named. Only the agent's own words, and a name of one part (not バルネイ・ディスティラーズ,
    whose "Distillers" says nothing of whose): another name as close stays another name."""
    from mtreview.qa.jtext import katakana_full, name_similarity

    if "・" in katakana or not katakana_full(katakana):
        return []
    best = max((name_similarity(t, katakana) for t in doc.name_candidates(katakana)), default=0.0)
    return [
        w
        for w in words
        if len(w) >= 3 and best > 0 and best - name_similarity(w.title(), katakana) <= NEAR_SCORE
    ]


def said_together(names: list[str], katakana: str, segment_id: str, doc: DocumentFacts) -> list[str]:
    """Of ``names``, those a pair near ``segment_id`` supports (its English has the name, its translation
    the katakana): a name the sound matches a little short of the bar (ホイットコム for "Whitcombe") is
    read as the page's own rendering of it, not one a name of another pair sounds like (チェルニー, "Czerny",
    is no "Chernyshov"). The other pairs' translations are read: ``dependents`` re-checks this segment."""
    if not names or segment_id not in doc.order or any(common_word(p) for p in katakana.split("・")):
        return []  # (a word of the dictionary, ニシン or シティ, is no name a pair renders so)
    doc.cached(BODY_CANDIDATES, set).add(segment_id)
    i, found = doc.order[segment_id], []
    for j in range(max(0, i - NEAR), min(len(doc.order), i + NEAR + 1)):
        other = doc.segments.at(j)
        if j == i or katakana not in (other.target or "") or len(TITLED.findall(other.target)) > 1:
            continue  # (a pair of two persons, リー・シャオ氏 and ベン・ショー氏, says not which is which)
        found += [n for n in names if n in other.source and n not in found]
    return found


def _persons(sources: Iterable[str]) -> frozenset[str]:
    return frozenset(
        m.group("a") or m.group("b") or m.group("c") for source in sources for m in PERSON.finditer(source)
    )


def replaced_person(
    source: str,
    target: str,
    agent: tuple[int, int],
    sentence: tuple[int, int],
    japanese: tuple[int, int],
    sources: Iterable[str],
    cache: dict[str, frozenset[str]],
) -> tuple[int, int] | None:
    """The Japanese body that the translation makes the speaker where the English ``agent`` is a person
    (see the module's docstring)."""
    name = source[agent[0] : agent[1]].strip()
    who = WHO_NAME.match(name)
    if who is not None:
        name = who.group("surname")  # "Priya Lal, who chairs the forum, urged": a person, by her surname
    elif not re.fullmatch(_NAME, name):
        return None  # one surname: "Reyes said"
    else:
        if "persons" not in cache:
            cache["persons"] = _persons(sources)
        if name not in cache["persons"]:
            return None
    js, je = japanese
    from mtreview.qa.jtext import name_similarity

    if any(name_similarity(name, m.group()) >= 0.6 for m in KATAKANA.finditer(target, js, je)):
        return None  # the person is named (レイエス社長によると)
    m = JA_ACCORDING.search(target, js, je)
    if m is None:
        topic = JA_BODY_TOPIC.match(target, js, je)
        m = topic if topic is not None and JA_REPORTED.search(target, topic.end(), je) else None
    if m is None:
        return None
    body = m.group("np")
    # a kanji body, or one a katakana place opens (フェンウォルド警察: its head 警察 is what it is)
    head = KATAKANA_LED.sub("", body)
    if body.startswith(NOT_A_BODY) or not head.endswith(ENDS) or not KANJI_BODY.fullmatch(head):
        return None
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source[sentence[0] : sentence[1]], head)
    if not cov.available or cov.source_ratio()[0]:
        return None  # it renders a word of the English sentence ("the council")
    return m.start("np"), m.end("np")
