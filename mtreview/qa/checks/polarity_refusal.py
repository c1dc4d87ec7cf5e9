"""Negations that are affirmative in meaning, and the phrase of a polarity finding's evidence: a negated verb
of refusal ("did not reject the plan", "did not rule out opening on Saturdays": it may open), where a
Japanese word of refusal (退けた, 否定した) is the flip, not the rendering of the negation; "not … until X"
rendered "only at X" (手にできるのはクリスマス)."""

from __future__ import annotations

import re

from mtreview.qa.analysis import english, japanese
from mtreview.qa.checks.polarity_clauses import NOT_CUE, chain_end
from mtreview.qa.lexicons import irregular_base

EN_SKIP_AFTER_CUE = (english.STOPWORDS - {"say", "says", "said", "tell", "told"}) | {
    *("yet", "ever", "always", "quite", "really", "immediately", "longer", "per", "se"),
    *("itself", "themselves", "himself", "herself", "ourselves", "necessarily", "entirely", "fully"),
}
"""Words between a negation and the verb it negates (a reporting verb is the verb negated: "had not been
told about the plans" is no 計画)."""
REFUSALS = frozenset(
    {
        *("reject", "deny", "dispute", "refuse", "decline", "oppose", "dismiss", "avoid", "skip", "miss"),
        *("cancel", "postpone", "abandon", "fail", "resist", "veto", "block", "ban", "halt", "suspend"),
        "withdraw",
    }
)
"""Verbs of refusal (a Japanese word of refusal may render one, or the negation of its opposite)."""
DENIALS = frozenset({"reject", "deny", "dispute", "refuse", "dismiss", "oppose", "veto", "against", "immune"})
"""The verbs of refusal whose negation is affirmative in meaning ("did not reject" it; not "decline", which
is also to fall), and the words that say the same ("not against" it; "not immune to" a slowdown: hit by
it)."""


def negates_refusal(source: str, cue: tuple[int, int], verbs: frozenset[str] = REFUSALS) -> bool:
    """Whether the English negates a verb of refusal ("did not reject"): then a Japanese word of refusal
    (退けた) is the flip, not the negation."""
    for m in english.WORD.finditer(source, cue[1]):
        lemma = _lemma(m)
        if lemma in EN_SKIP_AFTER_CUE:
            continue
        return _refusal(lemma, source, m.end(), verbs)
    return False


JA_REFUSAL = re.compile(
    r"否定(?!的)|排除|拒否|拒ん|拒む|退け|却下|一蹴|否認|反論|免れ|反対(?=する|し[たてな]|の(?:立場|意向|姿勢)|を(?:表明|示))"
)
"""Japanese verbs of refusal: one in a sentence with no negation renders a refusal, not its negation."""
_ZU = r"(?<![必は])(?<![、。「」\n]ま)(?<!かかわら)(?<!関わら)(?<!拘わら)ず(?!か|っと|つ|いぶん|れ|から)"
"""ず as a negation (行かず, 払わず, 休まず), not that of わずか, 必ず, いずれ, はず, ずっと, ずつ, まず…,
nor にもかかわらず ("despite", "regardless")."""
JA_NEGATED = re.compile(rf"(?<![少危])な(?:い|かっ|く|けれ)|ぬ|{_ZU}|ません")
"""A verbal negation anywhere in the sentence (否定しなかった, 排除せず)."""
RULE_OUT = re.compile(r"\s+(?:(?:it|this|that|them)\s+)?out\b", re.IGNORECASE)
"""The "out" of "rule out" ("did not rule out opening on Saturdays" is no 否定)."""


def _lemma(m: re.Match[str]) -> str:
    lower = m.group().lower()
    return irregular_base(lower) or english.lemma(lower)


def _refusal(lemma: str, source: str, end: int, verbs: frozenset[str]) -> bool:
    """Whether the English word ending at `end` is a verb of refusal among `verbs`, or the "rule" of
    "rule out"."""
    return lemma in verbs or (lemma == "rule" and RULE_OUT.match(source, end) is not None)


SAID_REFUSALS = DENIALS | {"decline", "object", "critic", "opponent", "opposite", "reverse", "objection"}
"""The English refusals a Japanese word of refusal (拒む, 否定, 退け…) may render ("avoid" is 避ける)."""


def _refusal_cue(source: str, cue: tuple[int, int]) -> bool:
    """Whether the English cue is itself a verb of refusal ("decline to", "refused"): nothing to negate."""
    first = english.WORD.match(source, cue[0])
    return first is not None and _lemma(first) in REFUSALS


REFUSAL_NEGATED = 12
"""Characters between a Japanese word of refusal and a negation that negates it (否定はしなかった,
反対しているわけではない)."""


def refused_refusal(
    source: str,
    target: str,
    en: list[tuple[int, int]],
    japanese_span: tuple[int, int],
    sentence: tuple[int, int],
) -> tuple[int, int] | None:
    """The Japanese word of refusal where every English negation (other than a verb of refusal itself)
    negates a verb of refusal and the Japanese sentence has no negation of its own: "did not rule out
    opening" (it may open) rendered 可能性を否定した (it will not)."""
    negations = [c for c in en if NOT_CUE.fullmatch(source[c[0] : c[1]])]
    refusing = [c for c in negations if negates_refusal(source, c, DENIALS)]
    if not refusing:
        return None
    # the other negations of the sentence ("had not ruled out changes but had no plans"), one Japanese
    # negation each (計画はない), none of them the refusal's own (否定しなかった)
    others = sum(1 for c in en if c not in refusing and not _refusal_cue(source, c))
    js, je = japanese_span
    # the last: an earlier one may render another refusal of the English ("staff who decline to move"
    # rendered 移転を拒む職員 before 可能性を否定した) — as long as every English refusal has one
    # ("did not rule out tax rises but refused to give details": 含みを持たせたが…拒んだ is right)
    refusals = list(JA_REFUSAL.finditer(target, js, je))
    said = sum(
        1
        for m in english.WORD.finditer(source, *sentence)
        if _refusal(_lemma(m), source, m.end(), SAID_REFUSALS)
    )
    negated = list(JA_NEGATED.finditer(target, js, je))
    if not refusals or len(refusals) < said or len(negated) != others:
        return None
    refused = refusals[-1]
    if any(
        0 <= n.start() - refused.end() <= REFUSAL_NEGATED and "、" not in target[refused.end() : n.start()]
        for n in negated
    ):
        return None  # the refusal itself negated (排除しておらず): the English negation is rendered
    tokens = list(japanese.tokens(target))
    i = next((k for k, t in enumerate(tokens) if t.start == refused.start()), None)
    if i is None:
        return refused.start(), refused.end()
    j = i + 1 if i + 1 < len(tokens) and tokens[i + 1].base == "する" else i  # 否定 した
    return refused.start(), chain_end(tokens, j)


def only_refusals_negated(source: str, en: list[tuple[int, int]]) -> bool:
    """Whether every English negation (other than a verb of refusal itself) negates a verb of refusal: the
    sentence is affirmative in meaning ("did not rule out opening": 開所する可能性もある)."""
    negations = [c for c in en if NOT_CUE.fullmatch(source[c[0] : c[1]])]  # (not "decline to", "refused")
    return bool(negations) and all(negates_refusal(source, cue, DENIALS) for cue in negations)


NOT_JUST = re.compile(r"\bnot(?=\s+(?:just|merely|simply|solely|only)\b)", re.IGNORECASE)
JA_NOT_JUST = re.compile(r"だけで(?:は)?な|のみならず|ばかりでな|にとどまらず|に限らず")
NOT_UNTIL = re.compile(r"(?:\bnot|n['’]t)\b(?=[^.;!?]{1,40}?\buntil\b)", re.IGNORECASE)
"""A negation before "until": "don't see the vinyl until Christmas" (they see it only then)."""
JA_ONLY_THEN = re.compile(r"のは[^、。]{1,30}(?:だ|です|になる|となる)|ようやく|やっと|初めて|になって(?!も)")
"""How Japanese says "only then" without a negation (手にできるのはクリスマスです, 5月になってようやく)."""


def affirmative_in_meaning(
    source: str, target: str, en: list[tuple[int, int]], sentence: tuple[int, int], japanese: tuple[int, int]
) -> bool:
    """Whether the English negations say something affirmative that the Japanese says without a negation:
    every one negates a refusal (``only_refusals_negated``), or they are "not … until X" rendered "only
    at X" (まで…ない stays the negative rendering, and 2026年まで再開される a flip)."""
    if only_refusals_negated(source, en):
        return True
    if not_just_rendered(source, target, en, sentence, japanese):
        return True
    until = [m.start() for m in NOT_UNTIL.finditer(source, *sentence)]
    return (
        bool(until)
        and all(any(abs(c[0] - a) <= 4 for a in until) for c in en)
        and JA_ONLY_THEN.search(target, *japanese) is not None
    )


def english_phrase(source: str, cue: tuple[int, int], limit: int) -> tuple[int, int]:
    """The cue with the word before it and the next two words (“had not received any”)."""
    end = cue[1]
    for n, m in enumerate(english.WORD.finditer(source, cue[1], limit), 1):
        end = m.end()
        if english.lemma(m.group().lower()) not in EN_SKIP_AFTER_CUE or n == 3:
            break
    before = english.word_before(source, cue[0])
    start = before[0] if before and cue[0] - before[1] <= 1 else cue[0]
    return start, end


def not_just_rendered(
    source: str, target: str, en: list[tuple[int, int]], sentence: tuple[int, int], japanese: tuple[int, int]
) -> bool:
    """Whether every English negation is the "not" of "not just X" and the Japanese says だけでなく (or
    のみならず…): "not just trainers" rendered スニーカーだけでなく, with no "but" after it."""
    just = [m.start() for m in NOT_JUST.finditer(source, *sentence)]
    return bool(just) and all(c[0] in just for c in en) and JA_NOT_JUST.search(target, *japanese) is not None
