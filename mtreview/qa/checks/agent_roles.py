"""Swapped roles: the English says one named party acts on another ("Northgate Falcons will host
Dunmere"); the translation makes the other one the subject and the first one the object
(ダンミアが…ノースゲート・ファルコンズを本拠地に迎える).

Per sentence pair: a katakana name of the document marked as the subject or topic (が, は) and another
marked as the object (を); their English names are read back by sound (``Agent._name_parts``). Reported
when, in the English sentence, the object's name opens a clause as the subject of an active verb and the
subject's name follows that verb in the same clause: no "by" (a passive: "were beaten by Dunmere" is
ダンミアが…を破った), no "and" or comma between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from mtreview.qa.latin import UPPER

_NAME = r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]+)*"
JA_ROLE = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])(?P<name>{_NAME})(?:氏|さん|様|選手|監督|[\u4e00-\u9fff]{{1,5}}(?:長|相|官|員|手|師|士))?"
    r"(?P<role>が|は|を)(?![\u3041-\u3093])"
)
"""A katakana name marked as the subject or topic (が, は) or the object (を), not a word that goes on
(はじめ, をめぐる)."""
MAX_PARTIES = 3
"""Subjects and objects of a Japanese sentence compared (bounded: linear time in the sentence)."""
EN_NAME_RUN = re.compile(rf"[{UPPER}][\w'’\-]*(?:\s+[{UPPER}][\w'’\-]*)*")
CONVERSE = (
    *("trail", "lose", "lost", "los", "fall", "fell", "finish", "travel", "face", "meet", "met", "play"),
    *("join", "visit", "welcom", "entertain", "follow"),
)
"""Verbs whose object is the doer's opposite number, or whose Japanese may take either party as the
subject (stems: "trails", "lost to", "visit", "welcomes")."""
EN_ACTIVE = re.compile(
    r"\s+(?:(?:will|would|has|have|had|can|could|may|might|must|should|did|does|also|then|now|again|"
    r"first|later)\s+)*(?!(?:and|or|of|by|was|were|is|are|be|been|being|said|says|say|told|who|which|"
    r"that|to|in|at|on|for|with|from|as|after|before|said)\b)(?![a-z]*(?:"
    + "|".join(CONVERSE)
    + r"))[a-z]+\b(?=\s+(?:the\s+)?[A-Z])"
)
"""An active verb (with its auxiliaries) right after a subject and right before its object: "Falcons will
host Dunmere", "Dunmere beat Falcons" — not a verb whose object is its doer's opposite number or whose
Japanese may take either side as the subject ("trails", "lost to", "travel to", "face", "join")."""
EN_BETWEEN_STOP = re.compile(r"[,;:]|\b(?:by|and|or|but|while|than|whom?|which|that)\b", re.IGNORECASE)


def swapped_roles(
    source: str,
    target: str,
    sentence: tuple[int, int],
    japanese: tuple[int, int],
    english_of: Callable[[str], list[str]],
) -> Iterator[tuple[int, int, tuple[int, int], str, str]]:
    """(start, end of the Japanese subject's name, the English clause's span, the English subject, the
    English object) for each pair of roles swapped in the sentence."""
    es, ee = sentence
    js, je = japanese
    subjects: list[tuple[int, int, str]] = []
    objects: list[tuple[int, int, str]] = []
    for m in JA_ROLE.finditer(target, js, je):
        (objects if m.group("role") == "を" else subjects).append(
            (m.start("name"), m.end("name"), m.group("name"))
        )
    if not subjects or not objects:
        return
    text = source[es:ee]
    # a few parties of each role: a list of fixtures names dozens, and each pair reads the sentence
    for s_start, s_end, s_name in subjects[:MAX_PARTIES]:
        said_subject = english_of(s_name)
        for _o_start, _o_end, o_name in objects[:MAX_PARTIES]:
            said_object = english_of(o_name)
            if not said_subject or not said_object or set(said_subject) & set(said_object):
                continue
            # the English has the object's party act on the subject's: actively, or in a passive
            # ("Halden were beaten by Marwick": Marwick acts)
            found = _english_order(text, said_object, said_subject) or _english_passive(
                text, said_subject, said_object
            )
            if found is not None:
                (a, b), first, second = found
                yield s_start, s_end, (es + a, es + b), first, second
                return


def _english_order(
    text: str, first_names: list[str], second_names: list[str]
) -> tuple[tuple[int, int], str, str] | None:
    """Where the English says <first> <active verb> … <second> in one clause: the clause's span and the two
    name runs."""
    for run in EN_NAME_RUN.finditer(text):
        if not _holds(run.group(), first_names):
            continue
        verb = EN_ACTIVE.match(text, run.end())
        if verb is None:
            continue
        rest = text[verb.end() : verb.end() + 80]
        stop = EN_BETWEEN_STOP.search(rest)
        clause = rest[: stop.start()] if stop else rest
        for other in EN_NAME_RUN.finditer(clause):
            if _holds(other.group(), second_names):
                return (run.start(), verb.end() + other.end()), run.group(), other.group()
    return None


EN_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are|will\s+be|has\s+been|have\s+been|had\s+been|being)\s+(?:[a-z]+ly\s+)?"
    r"(?:beaten|defeated|overtaken|eliminated|knocked\s+out|thrashed|outscored|outplayed|relegated)\s+by\s+"
)
"""A passive of a contest with its winner after "by": "were beaten by" (not "was represented by", where
the Japanese may well make the first party the subject: ケラウェイ氏は…ハートリー氏を代理人に立てた)."""


def _english_passive(
    text: str, patient_names: list[str], agent_names: list[str]
) -> tuple[tuple[int, int], str, str] | None:
    """Where the English says <patient> <passive verb> by <agent>: the clause's span and the two name runs
    (the agent first, as the doer)."""
    for run in EN_NAME_RUN.finditer(text):
        if not _holds(run.group(), patient_names):
            continue
        verb = EN_PASSIVE.match(text, run.end())
        if verb is None:
            continue
        agent = EN_NAME_RUN.match(text, verb.end())
        if agent is not None and _holds(agent.group(), agent_names):
            return (run.start(), agent.end()), agent.group(), run.group()
    return None


def _holds(run: str, names: list[str]) -> bool:
    words = {w.removesuffix("'s").removesuffix("’s").lower() for w in run.split()}
    return any(n.lower() in words for n in names)
