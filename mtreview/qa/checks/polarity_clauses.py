"""The Japanese predicates the polarity check points at: where a predicate ends (its auxiliaries), where it
begins (a サ変 noun before する), and which clause renders an English relative clause."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from mtreview.qa.analysis import english, japanese
from mtreview.qa.analysis.coverage import Coverage
from mtreview.qa.analysis.japanese import Token


def chain_end(unit: list[Token], i: int) -> int:
    """End offset of the predicate starting at token ``i`` (verb plus auxiliaries and て/で; a compound verb
    whole: 積み増した)."""
    end = unit[i].end
    for k, u in enumerate(unit[i + 1 :], i + 1):
        if (
            u.pos == "助動詞"
            or (u.pos == "動詞" and u.pos1 in ("非自立", "接尾"))
            or (u.pos == "動詞" and unit[k - 1].pos == "動詞" and unit[k - 1].end == u.start)
            or (u.pos == "助詞" and u.pos1 == "接続助詞" and u.surface in ("て", "で"))
        ):
            end = u.end
        else:
            break
    return end


EN_EMPTY = re.compile(r"\b(?:vacant|empty|idle|unoccupied|disused|unused)\b", re.IGNORECASE)


def empty_noun(source: str, es: int, ee: int, tokens: list[Token], cues: list[Token]) -> bool:
    """Whether an English word of emptiness ("the empty warehouses", "vacant", "idle") explains the Japanese
    negations ``cues``: each closes a clause before a noun (使われなくなった倉庫, 人のいない家), none is a
    predicate of the sentence (空き店舗は再開しない stays a negation)."""
    if not EN_EMPTY.search(source, es, ee):
        return False
    starts = {t.start: i for i, t in enumerate(tokens)}
    for cue in cues:
        i = starts.get(cue.start)
        if i is None:
            return False
        nxt = next((t for t in tokens[i + 1 :] if t.pos != "助動詞" and t.base not in ("なる", "いる")), None)
        if nxt is None or nxt.pos != "名詞" or nxt.pos1 == "非自立":
            return False
    return True


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


NOT_CUE = re.compile(r"not|never|n['’]t", re.IGNORECASE)
NO_LONGER = re.compile(r"no\s+longer\b", re.IGNORECASE)
EN_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas|yet)\s+|;\s+|\s+and\s+(?=(?:no|none|nobody|nothing|never|neither)\s)"
)


def ja_clause_breaks(unit: list[Token]) -> list[int]:
    """Where a Japanese sentence's clauses part: a 、 after a verb or a conjunctive particle, not after an
    attribution (規制当局によると、, 同社によれば、: no clause of the English)."""
    return [
        t.start
        for k, (prev, t) in enumerate(itertools.pairwise(unit))
        if t.surface == "、"
        and (prev.pos in ("動詞", "助動詞") or prev.pos1 == "接続助詞")
        and not (prev.surface in ("と", "ば") and k > 0 and unit[k - 1].base == "よる")
    ]


def split_at(span: tuple[int, int], breaks: list[int]) -> list[tuple[int, int]]:
    """``span`` cut at the offsets of ``breaks`` inside it."""
    points = [span[0], *sorted(b for b in breaks if span[0] < b < span[1]), span[1]]
    return [(a, b) for a, b in itertools.pairwise(points) if b > a]


EN_SUBORDINATE = re.compile(
    r",\s+(?:and|but|while|whereas|yet|which|who|where|saying|adding|arguing|insisting|noting)\s+|;\s+|"
    r"\s(?:if|unless|because|although|though|when|until|since)\s+|"
    # "had not ruled out changes but had no plans": a clause whose subject is left out, after a bare "but"
    # or "and" ("did not go far enough and would not cut waiting times")
    r"\s+(?:but|and)\s+(?=(?:had|has|have|was|were|is|are|would|will|could|did|does|said|says)\b)",
    re.IGNORECASE,
)
"""Where an English sentence's clauses part: coordinated clauses, and a subordinate clause (which Japanese
puts before the main one: "would not X if crews could not Y" → 作業班がYない場合、…Xした), and a bare
"but" before a verb (the same subject's second clause)."""
JA_WINDOW = 16
"""Characters before a Japanese negation in which its clause's words are looked for."""


def unmatched_negation(
    cov: Coverage,
    en_span: tuple[int, int],
    en: list[tuple[int, int]],
    ja_cues: list[int],
    min_rendered: float,
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """The English negation (cue, clause) whose clause no Japanese negation belongs to, when every Japanese
    negation belongs to another negated English clause: each Japanese cue (start offset) goes to the clause
    whose words are rendered most often in the ``JA_WINDOW`` characters before it (its arguments: Japanese
    puts them first). Nothing when a cue's clause is unclear (a tie, or no words), when two English
    negations share a clause, or when a negated clause is not rendered (an omission, not a flip)."""
    source = cov.source
    points = [en_span[0], *(m.start() for m in EN_SUBORDINATE.finditer(source, *en_span)), en_span[1]]
    clauses = [(a, b) for a, b in itertools.pairwise(points) if b > a]
    if len(clauses) < 2:
        return None
    target = cov.target
    if any("」" in target[max(0, start - JA_WINDOW) : start] for start in ja_cues):
        return None  # the negation of a verb of saying after a quotation: its subject may be far before
    negated: dict[int, tuple[int, int]] = {}
    for cue in en:
        k = next((i for i, (a, b) in enumerate(clauses) if a <= cue[0] < b), None)
        if k is None or k in negated or not cov.words_in(cue[1], clauses[k][1]):
            return None  # two in one clause, or a negation of nothing ("…, with no" cut short)
        negated[k] = cue
    hits_by_clause = []
    for k, (a, b) in enumerate(clauses):
        words = cov.words_in(a, b)
        covered = sum(1 for w in words if w.hits)
        if words and covered / len(words) < min_rendered and k in negated:
            return None
        hits_by_clause.append([h for w in words if w.kind != "number" for h in w.hits])
    owners: set[int] = set()
    for start in ja_cues:
        scores = [sum(1 for s, _e in hits if start - JA_WINDOW <= s < start) for hits in hits_by_clause]
        best = max(scores)
        if best == 0 or scores.count(best) > 1:
            return None
        if scores.index(best) in owners and len(ja_cues) > len(negated) - 1:
            return None  # two Japanese negations for one English clause, with one left over: unclear
        owners.add(scores.index(best))
    if not owners <= negated.keys():
        return None
    left = [k for k in negated if k not in owners]
    if len(left) != 1:
        return None
    k = left[0]
    hits = hits_by_clause[k]
    if not hits:
        return None
    # its rendering: the Japanese sentence with most of the clause's words, from the first of them
    ends = [i + 1 for i, c in enumerate(target) if c == "。"] + [len(target)]
    sentence = [bisect.bisect_right(ends, s) for s, _e in hits]
    best = max(set(sentence), key=lambda n: (sentence.count(n), -n))
    start = min(s for (s, _e), n in zip(hits, sentence, strict=True) if n == best)
    return negated[k], clauses[k], (start, ends[min(best, len(ends) - 1)])


EN_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.IGNORECASE)
NOT_BUT = re.compile(r"\bnot\b[^.;!?,]{1,60}?\bbut\b", re.IGNORECASE)
"""A contrast "not X but Y" (no comma: "did not oppose the plan, but said…" coordinates two clauses)."""


def contrast_left(source: str, target: str, en_span: tuple[int, int], ja: list[Token]) -> list[Token]:
    """The Japanese negations less those of ではなく/でなく that render an English "rather than" or
    "instead of" of the sentence (one each): that ない is the contrast's, not a negated verb's ("did not
    oppose the plant, but … rather than through the company's data" → 反対している … データに頼るの
    ではなく)."""
    if not ja:
        return ja
    contrasts = len(EN_CONTRAST.findall(source, *en_span))
    if not contrasts or NOT_BUT.search(source, *en_span):
        return ja  # "not money but time": a ではなく may be that one's (and "rather than" よりも)
    kept = []
    for cue in ja:
        after_de = target[: cue.start].endswith(("では", "で"))
        if contrasts and target.startswith("なく", cue.start) and after_de:
            contrasts -= 1
            continue
        if contrasts and target.startswith(("ずに", "ないで"), cue.start):
            contrasts -= 1  # 潜らずに for "instead of getting under": the contrast's verb, not negated
            continue
        kept.append(cue)
    return kept


JA_UNCHANGED = re.compile(r"変わら(?:な|ず)")
EN_SAME = re.compile(
    r"\b(?:(?:stay|stays|stayed|staying|remain|remains|remained|remaining|be|is|are|was|were|been|being|keep|"
    r"keeps|kept|look|looks|looked)\s+(?:much\s+|largely\s+|exactly\s+)?the\s+same\b|unchanged|unaltered|intact|"
    r"as\s+(?:before|usual)|(?:remain|stay|hold|keep)(?:s|ed|ing)?\s+(?:at|unchanged|steady|flat|level|stable|"
    r"put|in\s+place)|(?:held|kept)\s+(?:steady|flat|unchanged|level|stable))\b",
    re.IGNORECASE,
)
"""English words of sameness that Japanese renders with a negative verb (変わらない for "would stay the same",
変わらず for "unchanged"); not "the same survey"."""
JA_SAME_OTHERWISE = re.compile(r"同じ|据え?置|横ばい|維持|現状のまま|従来通り|不変")
"""Sameness the translation renders without a negation (同じままだ, 据え置かれた)."""


def sameness_left(
    source: str,
    target: str,
    spans: tuple[tuple[int, int], tuple[int, int]],
    en: list[tuple[int, int]],
    ja: list[Token],
) -> list[Token]:
    """The Japanese negations less those of 変わらない/変わらず that render a word of sameness of the English
    sentence (one each; not one an English negation stands just before, nor one the translation renders
    otherwise: 同じまま): "no worker would have their pay reduced, and overtime rates would stay the same"
    rendered 給与が減額される…割増率は変わらない keeps no negation that agrees with the "no"."""
    (es, ee), (js, je) = spans
    same = [m for m in EN_SAME.finditer(source, es, ee) if not any(0 <= m.start() - e <= 12 for _s, e in en)]
    left = len(same) - len(JA_SAME_OTHERWISE.findall(target, js, je))
    unchanged = [m.span() for m in JA_UNCHANGED.finditer(target, js, je)]
    return _less(ja, left, lambda cue: any(a <= cue.start < b + 1 for a, b in unchanged))


def _less(ja: list[Token], n: int, renders: Callable[[Token], bool]) -> list[Token]:
    """``ja`` less its first ``n`` cues (at most) for which ``renders`` holds: each renders one English word
    that is no negation."""
    kept = []
    for cue in ja:
        if n > 0 and renders(cue):
            n -= 1
            continue
        kept.append(cue)
    return kept


NEGATIVE_MEANING = frozenset(
    {
        *("fail", "failure", "lack", "shortage", "short", "absent", "absence", "miss", "invalid", "unknown"),
        *("impossible", "deficit", "unfit", "unsafe", "illegal", "unlawful", "insufficient", "inadequate"),
        *("incomplete", "unclear", "uncertain", "unpaid", "unavailable", "unable", "improper", "irregular"),
    }
)
"""English words negative in their meaning that Japanese says with a negative prefix (不合格, 不足, 不在)."""


def word_prefixes_left(
    source: str, target: str, en: list[tuple[int, int]], ja: list[Token]
) -> tuple[list[Token], list[tuple[int, int]]]:
    """The Japanese negations less the prefixes (不/未/非/無) inside a word the dictionary gives whole for an
    English word of the pair that is no negation cue (不合格 for "failed", 無効 for "invalid"), and those
    words: such a word says "not" with its meaning, as the English one does, and accounts for no English
    negation ("None of the jars failed" rendered いずれも不合格となった). 未承認 for "not approve" stays:
    the dictionary gives 承認; so does a word that is not negative in its meaning (無利息 for "interest")."""
    if not en or not any(c.pos == "接頭詞" for c in ja):
        return ja, []
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    if not cov.available:
        return ja, []
    # a word negative in its meaning ("failed", "shortage"): not 無償 for "paid", 無利息 for "interest"
    hits = [
        h
        for w in cov.words
        if w.lemma in NEGATIVE_MEANING and not any(a <= w.start < b for a, b in en)
        for h in w.hits
    ]
    words = [next((h for h in hits if h[0] <= c.start < h[1] - 1), None) for c in ja]
    kept = [c for c, w in zip(ja, words, strict=True) if c.pos != "接頭詞" or w is None]
    # 非 for the English prefix non- (非常勤 "non-executive", 非営利 "non-profit"), one each
    kept = _less(
        kept, len(EN_NON.findall(source)), lambda c: c.pos == "接頭詞" and c.surface.startswith("非")
    )
    # 外 of 対象外, 圏外 for "left out", "excluded", "outside" (one each)
    kept = _less(kept, len(EN_OUT.findall(source)), lambda c: c.surface == "外")
    return kept, [w for c, w in zip(ja, words, strict=True) if c.pos == "接頭詞" and w is not None]


EN_NON = re.compile(r"\bnon-?(?!e\b|sense)[a-z]{3,}", re.IGNORECASE)
"""An English word with the prefix non- (non-executive, nonprofit; not "none", "nonsense")."""
EN_OUT = re.compile(r"\b(?:(?:left|leave|leaves|leaving)\s+out|exclud\w*|exempt\w*|outside)\b", re.IGNORECASE)
"""English words of being left outside something (対象外, 圏外, 適用外)."""


def cues_left(
    source: str,
    target: str,
    spans: tuple[tuple[int, int], tuple[int, int]],
    en: list[tuple[int, int]],
    ja: list[Token],
    same: bool,
    bound: bool,
) -> tuple[list[Token], list[tuple[int, int]]]:
    """The Japanese negations that may render an English one of the sentence pair ``spans``: less those of
    sameness (``sameness_left``), of a bound (``bounds_left``) and the prefixes of words negative in
    themselves (``word_prefixes_left``, whose words come second)."""
    ja = sameness_left(source, target, spans, en, ja) if same else ja
    ja = bounds_left(source, target, spans, ja) if bound else ja
    return word_prefixes_left(source, target, en, ja)


def derived_forms(lemma: str) -> list[str]:
    """The lemma and the nouns English derives from it (approve → approval, agree → agreement), since
    Japanese often renders the verb with a サ変 noun (承認する) that JMdict glosses with the noun."""
    from mtreview.qa.lexicons import inflections

    forms = [lemma]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms += [stem + "al", lemma + "ment", stem + "ion", stem + "ation", stem + "ition", stem + "ance"]
    forms.append(lemma + "al")
    # and the gerund, which glosses サ変 nouns too (受賞: "winning (a prize)")
    forms += [f for f in inflections(lemma) if f.endswith("ing")]
    if lemma.endswith("y"):
        forms.append(lemma[:-1] + "ication")
    return forms


JA_LEXICAL = re.compile(
    r"退け|一蹴|反論|突っぱね|はねつけ|撥ね付け|控え|見送|欠席|逃し|逃す|逃した|避け|免れ|断念|保留|辞退|棄権|黙秘|"
    r"怠っ|怠り|怠る|欠か|失敗|否定|拒|却下|見合わせ|取りやめ|取り止め|やめ|中止|白紙|皆無|遅配|遠慮|"
    r"(?<![\u30a1-\u30fa\u30fc])ゼロ(?![\u30a1-\u30fa\u30fc\u4e00-\u9fff])"  # not ネットゼロ, ゼロ金利
)
"""Japanese words that say "not" with their meaning (退けた "rejected", 控えた "declined to", 欠席した
"did not attend", 逃した "did not win"): they account for an English negation without being one, so a
sentence that has one is not compared clause by clause or verb by verb, and an English verb of refusal
("rejected the criticism" → 批判を退けた) is no flip."""
VERB_CUE = re.compile(r"(?:deny|denies|denied|denying|reject|rejects|rejected|rejecting)", re.IGNORECASE)


def lexical_spans(
    source: str,
    target: str,
    sentence: tuple[int, int],
    japanese_span: tuple[int, int],
    en: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The Japanese words that say "not" with their meaning where the English negation may be rendered
    (``cue_sentences``)."""
    # words that render a negation unless they render an affirmative word of the English (据え置き for "would
    # stay at £40", 欠航 for "cancelled flights")
    kept = [ja for ja, en_affirmative in JA_LEXICAL_UNLESS if not en_affirmative.search(source, *sentence)]
    return [
        (m.start(), m.end())
        for a, b in cue_sentences(source, target, sentence, japanese_span, en)
        for pattern in (JA_LEXICAL, *kept)
        for m in pattern.finditer(target, a, b)
    ]


EN_STAY = re.compile(
    r"\b(?:stay|stays|stayed|remain|remains|remained|keep|keeps|kept|hold|holds|held|freez\w*|froze|frozen|"
    r"unchanged)\b",
    re.IGNORECASE,
)
EN_CUT_OFF = re.compile(
    r"\b(?:cancel\w*|suspend\w*|cut|cuts|outages?|blackouts?|clos\w*|shut\w*|halt\w*|grounded)\b",
    re.IGNORECASE,
)
JA_LEXICAL_UNLESS = (
    (re.compile(r"据え置"), EN_STAY),  # 据え置いた "did not change"
    (re.compile(r"停電|断水|運休|欠航|休校"), EN_CUT_OFF),  # 停電 "without power", 運休 "no trains will run"
    (re.compile(r"初めて"), re.compile(r"\bfirst\b", re.IGNORECASE)),  # 初めて "never before"
)
"""Japanese words that say "not" in their meaning where the English has no affirmative word they render."""


def left_by_lexical(
    source: str, target: str, en: list[tuple[int, int]], lexical: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The English negations that the ``lexical`` words (``lexical_spans``) leave unexplained. A word that
    renders a verb of refusal of the sentence (退けた for "rejected", read off the dictionary) explains that
    verb only; each other such word explains one negation: "had not been consulted … and rejected …"
    rendered 協議を受けていたと述べ、…退けた leaves the "not" unexplained, while "rejected … and did not
    comment" rendered 異を唱え、…コメントは控えた does not (控えた renders the "not")."""
    verbs = [c for c in en if VERB_CUE.fullmatch(source[c[0] : c[1]])]
    if not verbs:
        return []
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    verb_hits = [h for w in cov.words if any(w.start == c[0] for c in verbs) for h in w.hits]
    consumed = sum(1 for a, b in lexical if any(a < d and c < b for c, d in verb_hits))
    rest = [c for c in en if c not in verbs]
    return rest if consumed and len(rest) > len(lexical) - consumed else []


def cue_sentences(
    source: str,
    target: str,
    sentence: tuple[int, int],
    japanese_span: tuple[int, int],
    en: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Where a Japanese word of refusal or stopping may render the English negation: where the translation
    gives each clause of the English sentence a sentence of its own, the Japanese sentences but those that
    render another clause (販売を中止する for "stop selling" in the first does not say the second's "would
    not impose"); else the whole Japanese span. Which sentence renders a clause is read off the dictionary,
    not the order: a translation may tell the reason first (住民が反対した。このため…見送った for "did not
    approve …, because")."""
    clauses = english.clauses(source, *sentence)
    if len(clauses) < 2:
        return [japanese_span]
    ja = [(a, b) for a, b in japanese.sentences(target) if japanese_span[0] <= a and b <= japanese_span[1]]
    if len(ja) != len(clauses):
        return [japanese_span]
    k = next((i for i, (a, b) in enumerate(clauses) if a <= en[0][0] < b), None)
    if k is None or any(not (clauses[k][0] <= a < clauses[k][1]) for a, _b in en):
        return [japanese_span]
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    if not cov.available:
        return [japanese_span]

    def owner(clause: tuple[int, int]) -> int | None:
        """The one Japanese sentence holding most of the clause's words."""
        words = [w for w in cov.words if clause[0] <= w.start < clause[1] and w.kind == "word"]
        held = [sum(any(a <= s < b for s, _e in w.found.spans) for w in words) for a, b in ja]
        best = max(held)
        return held.index(best) if best and held.count(best) == 1 else None

    mine = owner(clauses[k])
    others = {owner(c) for i, c in enumerate(clauses) if i != k} - {None, mine}
    return [span for j, span in enumerate(ja) if j not in others] or [japanese_span]


NOT_EVEN = re.compile(
    r"(?P<n>[0-9０-９一二三四五六七八九十]+|半)[^\s、。0-9]{0,3}も[^、。]{0,8}?(?:ない|なかっ|ず|ません)"
)
"""A count with も before a negation (2年もたっていない, 10人もいない): "not even N", a bound below N."""
BOUND = re.compile(
    r"\b(?:(?:less|fewer)\s+than|within|inside|under)\s+(?:(?P<d>\d+(?:\.\d+)?)|(?P<w>a|an|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|twenty|thirty|fifty|hundred|half)\b)",
    re.IGNORECASE,
)
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_WORD_VALUES = {
    **dict.fromkeys(("a", "an", "one"), 1.0),
    **{w: float(i) for i, w in enumerate(NUMBER_WORDS, 2)},
    "twenty": 20.0,
    "thirty": 30.0,
    "fifty": 50.0,
    "hundred": 100.0,
    "half": 0.5,
}
_JA_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _ja_value(text: str) -> float | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text == "半":
        return 0.5
    if text.isdigit():
        return float(text)
    if text == "十":
        return 10.0
    if all(c in _JA_DIGITS for c in text):
        return float("".join(str(_JA_DIGITS[c]) for c in text))
    return None


def not_even_the_bound(
    source: str, target: str, sentence: tuple[int, int], japanese: tuple[int, int]
) -> bool:
    """Whether the Japanese says the English "less/fewer than N" (or "within N": 1時間もたたないうちに for
    "within an hour of") as "not even N" (Nも…ない) with the same N (半年も for "less than six months")."""
    bounds = set()
    for m in BOUND.finditer(source, *sentence):
        value = float(m.group("d")) if m.group("d") else _WORD_VALUES[m.group("w").lower()]
        bounds.add(value)
        if value == 6.0 and source[m.end() : m.end() + 7].strip().startswith("month"):
            bounds.add(0.5)  # 半年 for "six months"
    return any(_ja_value(m.group("n")) in bounds for m in NOT_EVEN.finditer(target, *japanese))


REPORTING_NOUNS = frozenset(
    {
        *("明らか", "説明", "発表", "指摘", "強調", "主張", "表明", "報告", "警告", "批判", "回答"),
        *("発言", "証言", "言明"),
    }
)
EN_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|warned|warns|added|adds|claimed|claims|argued|argues|stated|states|insisted|"
    r"insists|explained|explains|noted|notes|admitted|admits|announced|announces|confirmed|confirms|"
    r"acknowledged|acknowledges|wrote|writes)\b",
    re.IGNORECASE,
)

AND_THAT = re.compile(r"\band\s+that\b", re.IGNORECASE)


def quote_for(unit: list[Token], source: str, cue: tuple[int, int]) -> int | None:
    """The quoting と (before a reporting verb: …と述べた, …と明らかにした) of the clause that holds the
    English cue: where the Japanese reports several clauses (…と述べたうえで、…と警告した), the one of the
    cue's own reporting verb, by order ("said its members had not been consulted and warned that…": the
    first); else the last."""
    quotes = [
        i
        for i in range(len(unit) - 1)
        if unit[i].surface == "と"
        and (
            (
                unit[i].pos1 == "格助詞"
                and unit[i + 1].pos == "動詞"
                and unit[i + 1].base not in ("する", "なる")
            )
            or unit[i + 1].base in REPORTING_NOUNS  # (MeCab reads this と either way)
            or (i > 0 and unit[i - 1].surface in ("」", "』"))  # 「…」と、同社の社長は述べた
        )
    ]
    if len(quotes) > 1:
        start = max(source.rfind(". ", 0, cue[0]) + 1, 0)
        # each reporting verb before the cue, and each further "and that" clause of the last one
        before = len(EN_REPORTING.findall(source, start, cue[0])) + len(
            AND_THAT.findall(source, start, cue[0])
        )
        if 1 <= before <= len(quotes):
            return quotes[before - 1]
    return quotes[-1] if quotes else None


SPEAKER_GOES_ON = re.compile(
    r"\b(?:but|and)\s+(?:did|does|do|would|will|could|can|has|have|had|was|is)\s*$", re.IGNORECASE
)
"""A clause the speaker's own, after what was said: "said the plans would come … but did not commit"."""


def after_report(unit: list[Token], source: str, cue: tuple[int, int], quote: int) -> int | None:
    """Where the negated clause goes on after the reporting verb in the English ("Harland said …, but did
    not commit to a figure"), its rendering is the predicate after the Japanese one (…と述べ、…約束した):
    the index of the last verb there, if the reporting verb is not the last one."""
    start = max(source.rfind(". ", 0, cue[0]) + 1, 0)
    if SPEAKER_GOES_ON.search(source, max(start, cue[0] - 20), cue[0]) is None:
        return None
    if EN_REPORTING.search(source, start, cue[0]) is None:
        return None
    after = [
        i for i in range(quote + 2, len(unit)) if unit[i].pos in ("動詞", "形容詞") and unit[i].pos1 == "自立"
    ]
    return after[-1] if after else None


EN_ONLY_AFTER = re.compile(
    # (not "but" before a verb: "did not oppose the scheme but was worried" coordinates two clauses)
    r"[,;.:]|\b(?:but(?!\s+(?:was|were|is|are|had|has|have|would|will|could|did|does|said|says)\b)|except|"
    r"unless|until|other\s+than|apart\s+from|save\s+for)\b",
    re.I,
)


def only_after(source: str, cue: tuple[int, int], end: int) -> bool:
    """Whether the negation's clause goes on to say "only" ("no choice but", "cannot … unless", "nobody
    except"): the first of a clause break and such a word after the cue is the word."""
    m = EN_ONLY_AFTER.search(source, cue[1], end)
    return m is not None and m.group()[0] not in ",;.:"


def only_said(
    source: str, target: str, en: list[tuple[int, int]], end: int, japanese: tuple[int, int]
) -> bool:
    """Whether a negation whose clause goes on to say "only" (``only_after``) is rendered by a Japanese
    construction of "only" (しか…ない), not one of "must" (使用しなければならない for "must not use …
    except in an emergency" turns the prohibition round)."""
    return any(only_after(source, cue, end) for cue in en) and not JA_MUST.search(target, *japanese)


JA_MUST = re.compile(r"な(?:けれ|くて)(?:は|ば)(?:ならな|いけな)|ねばならな|なきゃ")


CANNOT = re.compile(r"\b(?:cannot|can\s+not|could\s+not|can['’]t|couldn['’]t)$", re.IGNORECASE)


def potential_predicate(
    source: str, cue: tuple[int, int], unit: list[Token], verb: tuple[int, int] | None
) -> tuple[int, int] | None:
    """For "cannot"/"could not", the potential the translation affirms: the first …ことは/ができる after the
    negated verb's rendering ``verb`` in the same clause ("can't arrest your way out" → 逮捕によって…抜け出す
    ことはできる: the possibility is what the English negates), not one of another clause (…救ったが、犬を
    救出することができた)."""
    if CANNOT.search(source, max(0, cue[0] - 8), cue[1]) is None:
        return None
    for i, t in enumerate(unit):
        if t.base != "できる" or i < 3 or unit[i - 2].surface != "こと":
            continue
        begin = with_noun(unit, i - 3)
        if verb is None or (
            verb[0] <= begin and not any(u.surface == "、" for u in unit if verb[1] <= u.start < begin)
        ):
            return begin, chain_end(unit, i)
    return None


NO_COMPARATIVE = (
    r"\bno\s+(?:more|less|fewer|later|earlier|sooner|longer|greater|higher|larger|bigger|lower|smaller|"
    r"shorter)\s+than\b"
)
"""A bound said as a negated comparison ("no more than", "no higher than"): no negation to render."""
NO_COMPARATIVE_THAN = re.compile(NO_COMPARATIVE, re.IGNORECASE)
JA_BOUND_NEGATION = re.compile(r"(?:上回ら|下回ら|超え|越え|超さ|過ぎ|増え|減ら)な")


JA_BOUND_WORDS = re.compile(r"以内|以下|(?<!前)まで|を上限|が上限|を限度|にとど")
JA_BOUND_BEFORE = re.compile(r"(?:上回|下回|超え|越え|超す|超さ)[^。、]{0,20}$")


def bounds_left(
    source: str, target: str, spans: tuple[tuple[int, int], tuple[int, int]], ja: list[Token]
) -> list[Token]:
    """The Japanese negations less those that render an English "no more than" of the sentence (one each,
    less those the translation renders as 以内/以下/まで): a negation after 上回る/超える in its clause
    ("will pay no more than they spend on gas" rendered ガス代を上回る料金を支払うことはない), so that another
    English negation of the sentence ("will not be required") has to be rendered by another one."""
    (es, ee), (js, je) = spans
    bounds = len(NO_COMPARATIVE_THAN.findall(source, es, ee)) - len(JA_BOUND_WORDS.findall(target, js, je))
    return _less(
        ja, bounds, lambda cue: JA_BOUND_BEFORE.search(target, max(0, cue.start - 24), cue.start) is not None
    )


def bound_negation(source: str, target: str, en: tuple[int, int], ja: tuple[int, int]) -> bool:
    """Whether a Japanese negation renders an English "no higher than" (上回らなかった, 超えない): a bound
    said as a negated comparison, not a negation of anything else in the sentence."""
    return bool(NO_COMPARATIVE_THAN.search(source, *en) and JA_BOUND_NEGATION.search(target, *ja))


COORDINATED = re.compile(r"[^.;!?]*?\b(?:and|but)\s+(?:had|has|have|was|were|is|are|would|will|did|could)\b")
"""A second clause of the subject after the negated verb ("had not been told … and had learned")."""
COORDINATED_VERB = re.compile(r"[^.;!?,]*?\s(?:and|but)\s+(?:also\s+|then\s+)?[a-z]+ed\b")
"""A second verb phrase of the subject after the negated one ("… but hoped", "… and asked")."""
