"""The Japanese predicates the polarity check points at: where a predicate ends (its auxiliaries), where it
begins (a サ変 noun before する), and which clause renders an English relative clause."""

from __future__ import annotations

import bisect
import re

from mtreview.qa.analysis.japanese import Token


def chain_end(unit: list[Token], i: int) -> int:
    """End offset of the predicate starting at token ``i`` (verb plus auxiliaries and て/で)."""
    end = unit[i].end
    for u in unit[i + 1 :]:
        if (
            u.pos == "助動詞"
            or (u.pos == "動詞" and u.pos1 in ("非自立", "接尾"))
            or (u.pos == "助詞" and u.pos1 == "接続助詞" and u.surface in ("て", "で"))
        ):
            end = u.end
        else:
            break
    return end


def with_noun(unit: list[Token], i: int) -> int:
    """Start of the predicate at token ``i``: a サ変 noun before する belongs to it (承認 した), and so does
    the noun of Nとする (目的 と して いる: "is intended")."""
    if unit[i].base != "する" or i == 0:
        return unit[i].start
    if unit[i - 1].surface == "と" and i >= 2:
        noun = unit[i - 2]
        return noun.start if noun.pos == "名詞" and noun.pos1 in ("一般", "サ変接続") else unit[i].start
    noun = unit[i - 1]
    if noun.pos == "名詞" and noun.pos1 not in ("非自立", "数", "代名詞", "接尾"):
        return noun.start
    return unit[i].start


_RELATIVE = re.compile(r",\s+(?:which|who|whose|that|where)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?]")


def relative_clause(source: str, cue: tuple[int, int]) -> tuple[int, int] | None:
    """The English relative clause the cue is in (", which have had no stations until now,"), if any."""
    head = None
    for m in _RELATIVE.finditer(source, 0, cue[0]):
        head = m
    if head is None or _CLAUSE_END.search(source, head.end(), cue[0]):
        return None
    end = _CLAUSE_END.search(source, cue[1])
    return head.start() + 1, end.start() if end else len(source)


def attributive_predicate(
    source: str, target: str, clause: tuple[int, int], unit: list[Token]
) -> tuple[int, int] | None:
    """The Japanese rendering of an English relative clause is a clause before its noun: of the predicates
    a noun follows, the one whose clause (from the last comma) holds most of the English clause's words
    (これまでもステーションが設置されていた for "which have had no stations until now"); None when none
    of them holds any. A clause of more than ``MAX_RELATIVE`` characters is not looked at (a sentence
    without a comma to end the clause), and each predicate's count is two bisections."""
    from mtreview.qa.analysis.coverage import coverage

    if not target or not unit or clause[1] - clause[0] > MAX_RELATIVE:
        return None
    spans = sorted(
        sp
        for w in coverage(source, target).words
        if clause[0] <= w.start and w.end <= clause[1]
        for sp in w.hits
    )
    starts = [a for a, _b in spans]
    best: tuple[int, int, int] | None = None
    boundary = unit[0].start
    for i, t in enumerate(unit):
        if t.surface in ("、", "，", "。"):
            boundary = t.end
            continue
        if t.pos not in ("動詞", "形容詞") or t.pos1 != "自立":
            continue
        end = chain_end(unit, i)
        k = i + 1
        while k < len(unit) and unit[k].start < end:
            k += 1
        if k == len(unit) or unit[k].pos != "名詞":
            continue
        held = bisect.bisect_left(starts, end) - bisect.bisect_left(starts, boundary)  # spans in the clause
        if held > 0 and (best is None or held >= best[0]):
            best = (held, with_noun(unit, i), end)
    return (best[1], best[2]) if best else None


MAX_RELATIVE = 300
"""Characters of an English relative clause the polarity check pairs with a Japanese clause."""
