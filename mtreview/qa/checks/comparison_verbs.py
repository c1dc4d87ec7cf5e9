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
    r"(?P<noun>(?:\s+[a-z][a-z'’-]*){0,8}?)\s+than\b(?!\s+(?:a|an|one|half|double|twice|\d|£|\$|€))",
    re.IGNORECASE,
)
"""An English than-comparison, its noun and what qualifies it between ("more bookings by the end of February
than"); not a bound on a number ("more than 300", "fewer than half": the bounds are compared as values)."""
EN_NOT_BEFORE = re.compile(r"\b(?:not|no|never|n['’]t)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
JA_VERBS = {"上回る": UP, "下回る": DOWN}
JA_NEGATED = re.compile(r"[らり](?:な|ず|ませ)")
"""上回らない, 下回らず, 上回りません: the verb negated (its direction is no longer the comparison's)."""
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
            for m in EN_THAN.finditer(source, es, ee)
            if not NOUN_STOP.search(m.group("noun")) and not EN_NOT_BEFORE.search(source, es, m.start())
        ]
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
            if not JA_NEGATED.match(target, t.end - 1)
        ]
        if not verbs or any(direction == en_dir for _t, direction in verbs):
            continue
        m, t = found[0], verbs[0][0]
        yield (m.start(), m.end()), (t.start, t.end)
