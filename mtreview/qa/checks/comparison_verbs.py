"""A than-comparison rendered by a verb of comparison that goes the other way: "took more bookings by the end
of February than in the whole of 2022" rendered …年間予約数を下回っている, "prices were higher than in 2019"
rendered 2019年を下回った. Japanese says "more than Y" with Yを上回る as often as with より; the verb's
direction is the comparison's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis import japanese
from mtreview.qa.analysis.pairs import sentence_pairs

UP, DOWN = "up", "down"

EN_THAN = re.compile(
    r"\b(?:(?P<up>higher|more|greater|larger|bigger|busier|stronger)|(?P<down>lower|less|fewer|smaller|weaker))"
    r"(?P<noun>(?:\s+[a-z][a-z'’-]*){0,8}?)\s+than\b"
    r"(?!\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty|hundreds?|thousands?|"
    r"dozens?|half|double|twice|\d|£|\$|€)\b)",
    re.IGNORECASE,
)
"""An English than-comparison, its noun and what qualifies it between ("more bookings by the end of February
than"); not a bound on a number ("more than 300", "fewer than half": the bounds are compared as values)."""
EN_COMPARE_VERB = re.compile(
    r"\b(?:(?P<up>exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outstrip(?:s|ped|ping)?|outperform(?:s|ed|ing)?)|"
    r"(?P<down>f(?:all|alls|ell|allen|alling)\s+short\s+of|lag(?:s|ged|ging)?\s+behind|undershot|undershoots?))\b"
    r"(?!\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?(?:\d|£|\$|€|¥))",
    re.IGNORECASE,
)
"""A verb of comparison ("the results had exceeded forecasts", "fell short of its target"): Japanese renders
it 上回る / 下回る. Not before a number ("exceed 120C": a bound, which the bounds compare as values)."""
EN_NOT_BEFORE = re.compile(r"\b(?:not|no|never|n['’]t)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
JA_VERBS = {"上回る": UP, "下回る": DOWN}
JA_NEGATED = re.compile(r"[^、。]{0,8}?(?:ない|なかった|なく|ず|ません)")
"""上回らない, 下回らず, 上回りません, 上回っていない, 上回れなかった: the verb negated after its stem (its
direction is no longer the comparison's)."""
NOUN_STOP = re.compile(r"\b(?:and|or|but|while|which|who|that|as|said|says|is|are|was|were|has|had|have)\b")
"""Words that end the noun phrase of a comparative: past them "than" belongs to another clause."""


def turned_comparisons(source: str, target: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(English comparative span, Japanese verb span) of each sentence whose one than-comparison a verb of
    comparison turns round, with no verb of the English direction in the sentence."""
    tokens = None
    for (es, ee), (js, je) in sentence_pairs(source, target):
        if "上回" not in target[js:je] and "下回" not in target[js:je]:
            continue
        found = [
            m
            for m in (*EN_THAN.finditer(source, es, ee), *EN_COMPARE_VERB.finditer(source, es, ee))
            if not NOUN_STOP.search(m.groupdict().get("noun") or "")
            and not EN_NOT_BEFORE.search(source, es, m.start())
            and _compares_amounts(m)
        ]
        found.sort(key=lambda m: m.start())
        directions = {UP if m.group("up") else DOWN for m in found}
        if len(directions) != 1:
            continue
        (en_dir,) = directions
        if tokens is None:
            tokens = japanese.tokens(target)
        verbs = [
            (t, JA_VERBS[t.base])
            for t in tokens
            if js <= t.start and t.end <= je and t.base in JA_VERBS
            if not JA_NEGATED.match(target, t.end)
        ]
        if not verbs or any(direction == en_dir for _t, direction in verbs):
            continue
        m, t = found[0], verbs[0][0]
        if not _object_renders(source, target, m.end(), ee, js, t.start, m.re is EN_COMPARE_VERB):
            continue  # its object is not what the English compares with (輸出は…輸入を下回った: turned round)
        yield (m.start(), m.end()), (t.start, t.end)


def _compares_amounts(m: re.Match[str]) -> bool:
    """A comparative of an amount: higher, fewer, or more/less of a counted noun ("more bookings by the end
    of February"), not of a manner or a quality ("more slowly", "more modest": their direction is not
    "more")."""
    if m.group("up") not in ("more", "More") and m.group("down") not in ("less", "fewer", "Less", "Fewer"):
        return True
    noun = (m.groupdict().get("noun") or "").split()
    if not noun:  # "cost far more than the grant": an amount compared with a thing, not a number's bound
        return THAN_THING.match(m.string, m.end()) is not None
    return noun[0].endswith("s") and not noun[0].endswith(("ss", "ous", "ly"))


THAN_THING = re.compile(r"\s+(?:the|its|their|his|her|our|that|this|those|these)\s+(?!other\b|same\b)[a-z]")
"""What a bare "more than" compares with when it is a thing ("more than the grant", "more than its
rivals"), not a clause or an adverb ("more than ever", "more than doubled")."""


JA_BEFORE_OBJECT = re.compile(r"[、。,]|[はが](?![じっずらる])")
JA_RELATIVE = re.compile(r"[^、。はがを]{1,8}?(?:た|る|ている|ていた)(?=[\u4e00-\u9fff\u30a1-\u30fa\d])")
"""A verb in its attributive form after が, then a noun (主催者が掲げた400万ポンドの目標): a relative
clause."""


def _object_renders(
    source: str,
    target: str,
    than_end: int,
    sentence_end: int,
    js: int,
    verb: int,
    verb_compared: bool = False,
) -> bool:
    """Whether the verb's object (what stands between the clause's topic or subject and the verb) renders a
    word of what the English compares with (the words after "than")."""
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    if not cov.available:
        return False
    lead = LEADING_PREPOSITION.match(source, than_end)
    begin = lead.end() if lead else than_end  # "than in 2022", "than before the pandemic"
    stop = PHRASE_END.search(source, begin, sentence_end)
    compared = cov.words_in(begin, stop.start() if stop else sentence_end)
    start = js
    for b in JA_BEFORE_OBJECT.finditer(target, js, verb):
        if b.group() != "が" or not JA_RELATIVE.match(target, b.end()):
            start = b.end()  # (主催者が掲げた目標: the subject of a clause that qualifies the object)
    referred = source[begin:].lstrip().lower().startswith("the ") and SAME_BODY.search(target, js, start)
    if verb_compared and (referred or any(js <= a < start for w in compared for a, _b in w.hits)):
        return False  # what the English compares with is the Japanese topic: the comparison said the other
        # way round (同社の業績は競合他社を下回った for "rivals outperformed the company")
    return any(start <= a < verb for w in compared for a, _b in w.hits)


SAME_BODY = re.compile(r"同[社行局市町村省庁会団店校院所]")
"""A topic that refers back to "the company", "the bank", "the council" (同社, 同行, 同市)."""
LEADING_PREPOSITION = re.compile(r"\s+(?:in|at|on|for|during|before|after|by|over|from|with|to)\b")
PHRASE_END = re.compile(
    r"[,.;:!?]|\b(?:and|but|while|although|as|because|in|at|on|for|during|before|after|by|over|from|with|to|"
    r"since|last|this|next)\b"
)
"""Where what the English compares with ends (its own phrase of "of" goes on: "the whole of 2022")."""
