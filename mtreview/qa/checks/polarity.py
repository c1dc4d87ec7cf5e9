"""Polarity: a negated English sentence rendered affirmative, or the other way round.

Cues are counted per sentence pair (``analysis.pairs``). English: not, n't, never, no, none, nobody,
nothing, nowhere, neither/nor, without, cannot, unable, unless, fail/refuse/decline to — "not only", "no
more/less than" (bounds, the comparison check's business), "not least", "whether or not" and "no matter"
are not negations. Japanese, from MeCab tokens: the auxiliaries ない/ぬ (ません, ず), the
adjective ない/無い, なし, the prefixes 不/未/非/無, 拒否/拒む/断る — less the constructions whose
negations cancel out or mean something else: しか…ない ("only"),
なければならない/なくてはならない/ないといけない/ざるを得ない ("must"), かもしれない ("may"),
に違いない, だけでなく/のみならず ("not only").

A finding is reported only when one side has a negation and the other none (a double negation on one
side with none on the other stays silent); it points at the Japanese predicate that renders the negated
English verb (found through the dictionary) and names the English cue as evidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis import english, japanese
from mtreview.qa.analysis.japanese import Token
from mtreview.qa.analysis.pairs import sentence_pairs
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.checks.polarity_clauses import (
    COORDINATED,
    COORDINATED_VERB,
    EN_CLAUSE_BREAK,
    EN_CONTRAST,
    EN_SUBORDINATE,
    JA_LEXICAL,
    JA_UNCHANGED,
    NO_COMPARATIVE,
    NO_COMPARATIVE_THAN,
    NO_LONGER,
    NOT_CUE,
    VERB_CUE,
    after_report,
    bound_negation,
    contrast_left,
    cues_left,
    derived_forms,
    empty_noun,
    ja_clause_breaks,
    left_by_lexical,
    lexical_spans,
    not_even_the_bound,
    only_said,
    potential_predicate,
    quote_for,
    split_at,
    unmatched_negation,
)
from mtreview.qa.checks.polarity_clauses import attributive_predicate as _attributive_predicate
from mtreview.qa.checks.polarity_clauses import chain_end as _chain_end
from mtreview.qa.checks.polarity_clauses import relative_clause as _relative_clause
from mtreview.qa.checks.polarity_clauses import with_noun as _with_noun
from mtreview.qa.checks.polarity_few import few_as_many
from mtreview.qa.checks.polarity_refusal import (
    _ZU,
    EN_SKIP_AFTER_CUE,
    affirmative_in_meaning,
    english_phrase,
    not_just_rendered,
    refused_refusal,
)
from mtreview.qa.checks.polarity_refusal import negates_refusal as _negates_refusal
from mtreview.qa.checks.polarity_rendered import (
    MIN_RENDERED,
    own_clause_rendered,
    own_sentence_rendered,
    rendered,
)
from mtreview.qa.checks.polarity_soft import EN_ASIDE_NO, EN_SOFT, EN_SOFT_CLAUSE, NOT_SOFT, explains
from mtreview.qa.context import DocumentFacts
from mtreview.qa.lexicons import irregular_base

EN_CUE = re.compile(
    # the look-ahead names every first letter of the alternatives: it changes no match, but lets the
    # engine skip the other positions quickly (2× faster on a 400-character paragraph)
    r"(?=[nwcuidrsahf])(?:"
    r"\b(?:not|never|no|none|nobody|nothing|nowhere|neither|nor|without|cannot|unable|unless|unavailable|"
    r"impossible|unaware|deny|denies|denied|denying|reject|rejects|rejected|rejecting|hardly|"
    r"scarcely)\b|n['’]t\b|"
    r"\b(?:dont|doesnt|didnt|cant|couldnt|wont|wouldnt|shouldnt|isnt|arent|wasnt|werent|havent|hasnt|"
    r"hadnt|aint)\b|"
    r"\b(?:fail|fails|failed|failing|refuse|refuses|refused|refusing|decline|declines|declined|declining)"
    r"\s+to\b|\b(?:has|have|had|is|are|was|were)\s+yet\s+to\b)",
    re.IGNORECASE,
)
EN_NOT_NEGATION = re.compile(
    # every first letter of the alternatives in a look-ahead: same matches, but the engine skips the other
    # positions quickly
    r"(?=[nwio,mcda])(?:" + EN_ASIDE_NO + r"|"
    # "may or may not", "did or didn't": both at once, no negation
    r"\b(?P<aux>may|might|could|can|will|would|do|does|did|is|are|was|were)\s+or\s+(?P=aux)\s*(?:not\b|n['’]t\b)|"
    r"\bnot\s+only\b|" + NO_COMPARATIVE + r"|\bnot\s+least\b|"
    # "not just X but (also) Y" is "not only" (a "but" in the same sentence follows; "not just a game" stays)
    r"\bnot\s+(?:just|merely|simply|solely)\b(?=[^.;!?]{1,80}?\bbut\b)|"
    r"\bwhether\s+or\s+not\b|\bno\s+matter\b|\bno\s+doubt\b|\bnothing\s+but\b|\bif\s+not\b|\bno\.\s*\d|"
    r",\s*(?:is|are|was|were|do|does|did|have|has|can|could|would|will|should)n['’]?t\s+"
    r"(?:it|he|she|they|you|we|i|there|that)\s*\?)",  # a tag question: "Confusing, isn't it?"
    re.IGNORECASE,
)
EN_ANSWER_NO = re.compile(r"^\W*no\b(?=\s*[,!])", re.IGNORECASE)
"""'No, …' at the start: an answer, not a negation of the sentence (masked first: no other phrase of
``EN_NOT_NEGATION`` can start where it does, and it leaves no word boundary the others could use)."""
_JA_NEGATED_FORMS = rf"(?<![少危])な[いくかけ]|(?<![少危み])な[しさ]|ぬ|{_ZU}|ません|ませ|なし|却下|棄却"
"""The negating inflections (not 少ない, 危ない, みなす) and words of rejection both quick cues hold."""
JA_QUICK = re.compile(rf"{_JA_NEGATED_FORMS}|未|不|非|無|拒|断|否")
JA_QUICK_INFLECTION = re.compile(
    rf"{_JA_NEGATED_FORMS}|拒否|拒ま|拒み|拒絶|断ら|断り|断っ|断る|否定|否認|否決"
)
"""The quick cues that are a negation wherever they stand (a prefix kanji may be part of a word)."""
JA_AFFIRMATIVE_FORMS = (
    r"に(?:すぎ|過ぎ)(?:な|ませ)|なければ(?:なら|なりませ|いけ)|なくて(?:は|も)(?:なら|なりませ|いけ)|なくちゃ|なきゃ|ざるを(?:得|え)|かもしれ[なま]|かも知れ[なま]|"
    r"に違いな|だけ(?:で|じゃ)(?:は)?な|ばかりで(?:は)?な|のみならず|余儀な|に限らず|間違いな|思わぬ|見知らぬ|知らぬ間|に(?:とど|留)ま(?:らな|らず)|かねな|かねませ|"
    # のではないか "(I fear) that it may": 寸断されるのではないかと懸念している
    r"(?:の|ん)では(?:ないか|ないだろうか|なかろうか)|"
    # 確保できないか検討する: "consider whether it could be set aside", an embedded question
    r"(?:ない|なかった)か(?:どうか)?(?:を|、)?[^。、]{0,8}?(?:検討|調べ|調査|確認|探|模索|考え|見極め|協議|話し合|打診|相談|問い合わせ)"
)
"""Constructions whose negative form says something affirmative ("must", "may", "surely", "not only",
"unexpected", "whether it could"): a
cue inside one agrees with no English negation (with しか…ない "only": ``JA_AFFIRMATIVE_FORM``)."""
JA_OTHER_CANCELS = (
    r"ないと(?:いけ|だめ|なら)|ほかな|申し訳(?:ありませ|ございませ|な)|すみませ|すいませ|かかわらず|関わらず|拘らず|"
    r"違いありませ|たまらな|仕方(?:が)?な|しょうがな|気にしな|を問わず|問わず|満たな|満たず|"
    r"珍しくな|少なくな|欠かせな|否めな|見逃せな|絶えな|ないうちに|"  # litotes: "common"; "before"
    r"まで(?:は)?信じ(?:な|ませ|られな)|"  # "will believe it when I see it"
    r"(?:ても|でも)(?:構わ|かまわ)な|"  # "would be happy with", "does not mind"
    r"(?:休む|休み|絶え間|途切れる|途絶える|欠かす|余す|惜しみ)(?:こと)?な[くし]|欠かさず|残らず|漏れなく|余さず|"
    r"ないと(?=[」』。])|"  # always, every one; "(you'll) have to ask"
    # adjectives ending in ない that negate nothing of the sentence ("tasteless", "casual", "brief")
    r"味気な|頼りな|さりげな|何気な|素っ気な|そっけな|あっけな|心もとな|やるせな|はかな"
)
"""Constructions whose negation is none of the sentence's but still says "not" in a way an English
negation may match (気にしない "does not care", 仕方がない "cannot be helped")."""
JA_CANCEL = re.compile(f"{JA_AFFIRMATIVE_FORMS}|しかな|{JA_OTHER_CANCELS}")
"""Constructions whose negation is not one: must, may, not only, sorry (申し訳ない), despite (にもかかわらず),
surely (間違いなく), can't help (仕方がない), regardless of (を問わず), less than (3分の1に満たない,
1万人にも満たず: 満つ's negative is a bound, which the comparison check compares; 満たさない, "does not
meet", stays)."""
JA_NEG_BASES = frozenset(
    {
        *("ない", "ぬ", "ん", "無い", "なし", "無し", "拒否", "拒む", "断る", "拒絶", "否定"),
        *("否認", "否決", "却下", "棄却"),
    }
)
JA_OTHER_CANCEL = re.compile(JA_OTHER_CANCELS)
JA_AFFIRMATIVE_FORM = re.compile(rf"しか(?!し[、,，])|{JA_AFFIRMATIVE_FORMS}")
"""The constructions of ``JA_CANCEL`` whose negative form says something affirmative ("only", "must", "may",
"not only"): a cue inside one agrees with no English negation (気にしない "does not care" still does)."""
JA_STATE = re.compile(r"打ち切|高止まり|据え置|横ばい|閉店|休止|停止|欠場|休場|まま")
"""States that render a negated English clause of another (a clause's negation the translation may have put
into its verb: 打ち切った for "did not renew", 閉店したまま for "did not reopen")."""
JA_NEG_PREFIX = frozenset({"不", "未", "非", "無"})
NONE_CUE = re.compile(r"(?:none|nobody|nothing|neither|no\s+one|no(?!\s+longer))\b", re.IGNORECASE)
NOT_NEGATIONS = frozenset({"未満"})
"""Words that open with a negative prefix and negate nothing: 200人未満 is "fewer than 200"."""

_NO_DOT = re.compile(r"no\.", re.IGNORECASE)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def english_cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    piece = text[start:end]
    # masking turns letters into spaces, so it can only remove cues — except after "no. 5", whose digit
    # may have been glued to a word: without a cue and without "no." there is nothing to mask
    if EN_CUE.search(piece) is None and _NO_DOT.search(piece) is None:
        return []
    masked = EN_NOT_NEGATION.sub(_blank, EN_ANSWER_NO.sub(_blank, piece, count=1))
    return [(start + m.start(), start + m.end()) for m in EN_CUE.finditer(masked)]


def japanese_cues(tokens: Iterable[Token], text: str, start: int, end: int) -> list[Token]:
    if isinstance(tokens, list):  # the sentence's tokens by bisection: linear over a long paragraph
        lo = bisect.bisect_left(tokens, start, key=lambda t: t.start)
        tokens = tokens[lo : bisect.bisect_right(tokens, end, lo, key=lambda t: t.start)]
    unit = [t for t in tokens if start <= t.start and t.end <= end]
    cues: list[Token] = []
    for i, t in enumerate(unit):
        if t.base in JA_NEG_BASES and t.pos in ("助動詞", "形容詞", "名詞", "動詞"):
            if t.pos == "形容詞" and t.pos1 == "非自立":
                continue
            if t.base == "ん" and t.pos != "助動詞":
                continue  # …んです (explanatory の), not the negative ん of ません
            cues.append(t)
        elif t.pos == "接頭詞" and t.surface in JA_NEG_PREFIX:
            cues.append(t)
        elif (
            t.pos == "名詞"
            and len(t.surface) >= 2
            and t.surface[0] in JA_NEG_PREFIX
            and t.surface not in NOT_NEGATIONS
        ):
            cues.append(t._replace(pos="接頭詞"))  # 不要, 未定, 無料: one word, a prefix negation
        elif (
            t.surface == "外" and t.pos == "名詞" and t.pos1 == "接尾" and i > 0 and unit[i - 1].pos == "名詞"
        ):
            cues.append(
                t._replace(pos="接頭詞")
            )  # 対象外 "not covered", 想定外 "not expected": a word's negation
        elif t.pos == "助詞" and t.surface == "しか":
            # しか…ない is "only": drop the next negation
            for u in unit[i + 1 :]:
                if u.surface in ("、", "。", ",", "，"):
                    break  # not in its clause (MeCab reads しかし after a comma as しか + し)
                if u.base in ("ない", "ぬ", "ん"):
                    cues.append(Token("しか", -1, -1, "cancel", "", u.surface))
                    break
    cancel = sum(1 for c in cues if c.pos == "cancel")
    cues = [c for c in cues if c.pos != "cancel"]
    for m in JA_CANCEL.finditer(text, start, end):
        # the negations inside the construction (and the ない right after: なければなら|ない) go
        inside = [c for c in cues if m.start() <= c.start < m.end() + 2]
        cues = [c for c in cues if c not in inside]
    if cancel:
        cues = cues[: max(0, len(cues) - cancel)] if cancel >= len(cues) else cues[cancel:]
    return cues


_AUX_VERB = re.compile(
    r"\b(?:would|will|can|could|should|may|might|must|had|has|have|was|were|is|are|did|does|do)\s+"
    r"(?:been\s+|be\s+|ever\s+|yet\s+)?(?P<verb>[a-z]{3,})"
)


_NONE_VERB = re.compile(
    r"(?:\s+of\s+(?:(?:the|these|those|its|their|his|her|our)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+|"
    r"(?<=[Nn]either)\s+[\w'’-]+)?\s+(?P<verb>[A-Za-z]+)"
)
"""The verb after "none of the jars", "neither man", "nobody"."""
_BE_FORMS = frozenset({"was", "were", "is", "are", "be", "been"})
MITANAI = re.compile(r"満た[なず]")
SAID_BEFORE = re.compile(r"\b(?:said|says|told|tells)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?]|\bbut\b")
_NO_SUBJECT = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:had|has|have|was|were|is|are|will|would|could|can)\s")
"""A subject "no …" before its verb ("no water had leaked"): the verb is what the cue negates."""


def verb_rendering(
    source: str, cue: tuple[int, int], unit: list[Token], last: bool = True
) -> tuple[int, int] | None:
    """The span of the dictionary's rendering of the English word the cue negates (the first content
    word after it: "did not approve" → 承認した) among ``unit``'s tokens, if the dictionary finds one.
    ``last``: the predicate, i.e. the last rendering no noun follows; otherwise the first rendering (is a
    prefix on it? 未承認だが…承認されている)."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

    verb = None
    after = cue[1]
    word = source[cue[0] : cue[1]].lower()
    if word in ("none", "nobody", "neither") or (word == "no" and _NO_SUBJECT.match(source, cue[1])):
        # "none of the 46 staff would lose their jobs": the clause's verb, not the noun after the cue
        stop = _CLAUSE_END.search(source, cue[1], cue[1] + 80)
        aux = _AUX_VERB.search(source, cue[1], stop.start() if stop else cue[1] + 80)
        if aux is None:
            # "None of the jars passed", "Neither man was on the list" (a copula: no verb to look for)
            then = _NONE_VERB.match(source, cue[1])
            if then is None or then.group("verb").lower() in _BE_FORMS:
                return None
            after = then.start("verb")
        else:
            after = aux.start("verb")
    for m in english.WORD.finditer(source, after):
        lower = m.group().lower()
        lemma = irregular_base(lower) or english.lemma(lower)  # "had not won": win, not the currency
        if lemma not in EN_SKIP_AFTER_CUE and lower not in EN_SKIP_AFTER_CUE and len(lower) > 2:
            verb = (lower, lemma)
            break
    if verb is None:
        return None
    try:
        dictionary = default_dictionary()
        renderings = [dictionary.japanese(form) for form in (*derived_forms(verb[1]), verb[0])]
    except DictionaryUnavailable:
        return None
    # the verb of saying after a quotation's と renders the sentence's "said", not a negated "told" after it
    said = SAID_BEFORE.search(source, 0, cue[0]) is not None
    found = [
        i
        for i, t in enumerate(unit)
        # する renders "decide on" (にする) as well as everything else
        if t.base not in LIGHT_VERBS
        and not (said and i > 0 and unit[i - 1].surface == "と" and unit[i - 1].pos == "助詞")
        # the よる of によると/による (an attribution or a cause), not 選る ("choose") nor 寄る
        and not (t.base == "よる" and i > 0 and unit[i - 1].surface == "に")
        and t.pos in ("動詞", "名詞", "形容詞")
        # not a form word (ため, こと: "affecting" is listed under 為)
        and t.pos1 != "非自立"
        and any(t.base in forms or t.surface in forms for forms in renderings)
    ]
    if not found:
        return None
    # the predicate, not a compound it begins (調査チームは…調査の対象とした): the last rendering that no
    # noun follows; the first rendering when every one begins a compound
    heads = [i for i in found if i + 1 == len(unit) or unit[i + 1].pos != "名詞"]
    i = heads[-1] if heads and last else found[0]
    j = i
    # a サ変 noun takes its する: 承認 した
    if unit[i].pos == "名詞" and i + 1 < len(unit) and unit[i + 1].base == "する":
        j = i + 1
    return unit[i].start, _chain_end(unit, j)


def object_predicate(source: str, cue: tuple[int, int], unit: list[Token]) -> tuple[int, int] | None:
    """Where the dictionary does not know the negated verb's rendering: the first predicate after its
    object's rendering ("has not sought permission to hire…" → 許可を申請した: 許可 is "permission")."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

    said = source[cue[0] : cue[1]].lower().replace("’", "'")
    verbal = said in ("not", "never") or said.endswith(("n't", "nt"))
    if not verbal or said.startswith(("can", "could", "ca")):
        return None  # "cannot", "impossible", "no": the predicate is the possibility (できる) or no verb's
    words: list[tuple[str, str]] = []
    previous = cue[1]
    for m in english.WORD.finditer(source, cue[1]):
        if any(c in source[previous : m.start()] for c in ",;:.") or len(words) == 3:
            break  # the clause, and the verb with two words after it
        previous = m.end()
        lower = m.group().lower()
        lemma = irregular_base(lower) or english.lemma(lower)
        if lemma not in EN_SKIP_AFTER_CUE and len(lower) > 2:
            words.append((lower, lemma))
    try:
        dictionary = default_dictionary()
        for lower, lemma in words[1:]:
            forms = dictionary.japanese(lemma) | dictionary.japanese(lower)
            # the last mention: an earlier one may be in another clause ("…, although a complaint would…")
            at = max(
                (
                    i
                    for i, t in enumerate(unit)
                    if t.pos == "名詞" and (t.base in forms or t.surface in forms)
                ),
                default=None,
            )
            if at is None:
                continue
            for k in range(at + 1, min(at + 6, len(unit))):
                if unit[k].surface in ("、", "。", "，"):
                    break
                if unit[k].pos == "動詞" and unit[k].pos1 == "自立":
                    # the object is a サ変 noun and this its する (証言し for "give evidence")
                    if k == at + 1 and unit[k].base == "する":
                        return unit[at].start, _chain_end(unit, k)
                    if unit[k].base in LIGHT_VERBS:
                        continue  # 先週になって…: not the verb ("was not published until last week")
                    return unit[k].start, _chain_end(unit, k)
                if unit[k].pos == "名詞" and k + 1 < len(unit) and unit[k + 1].base == "する":
                    return unit[k].start, _chain_end(unit, k + 1)
            return None
    except DictionaryUnavailable:
        return None
    return None


NOT_ALL = re.compile(r"\s+(?:all|every\w*|many|much|both)\b", re.IGNORECASE)


def predicate_for(
    source: str, cue: tuple[int, int], tokens: list[Token], start: int, end: int, target: str = ""
) -> tuple[int, int] | None:
    """The Japanese predicate rendering the English verb that the cue negates (for "cannot", the potential
    after it in the same clause: 抜け出すことはできる)."""
    found = _predicate(source, cue, tokens, start, end, target)
    unit = [t for t in tokens if start <= t.start and t.end <= end]
    return potential_predicate(source, cue, unit, found) or found


def _predicate(
    source: str, cue: tuple[int, int], tokens: list[Token], start: int, end: int, target: str
) -> tuple[int, int] | None:
    if VERB_CUE.fullmatch(source[cue[0] : cue[1]]):
        # the cue is the verb itself ("denied the report"): its rendering is the sentence's predicate
        unit = [t for t in tokens if start <= t.start and t.end <= end]
        verbs = [i for i, t in enumerate(unit) if t.pos in ("動詞", "形容詞") and t.pos1 == "自立"]
        return (_with_noun(unit, verbs[-1]), _chain_end(unit, verbs[-1])) if verbs else None
    unit = [t for t in tokens if start <= t.start and t.end <= end]
    relative = _relative_clause(source, cue)
    # a negation in a relative clause: its rendering is a clause before the noun it describes
    found = _attributive_predicate(source, target, relative, unit) if relative else None
    if found is None and not NOT_ALL.match(source, cue[1]):  # "not all groups welcomed": the verb, below
        found = verb_rendering(source, cue, unit)
    if found is not None:
        return found
    # otherwise the last predicate before a reporting verb (…と述べた), or the last one
    verbs = [i for i, t in enumerate(unit) if t.pos in ("動詞", "形容詞") and t.pos1 == "自立"]
    # …しようとした: the attempt is the verb before よう, not the する after と
    verbs = [i for i in verbs if not _attempt_suru(unit, i)]
    # the quoting と before a reporting verb (…と述べた), not とする's (目的としている)
    # the predicate of the negated verb's object, where the dictionary finds the object: first when another
    # verb phrase follows ("had not been told about the plans … and had learned of them": not 知った)
    found = object_predicate(source, cue, unit) if COORDINATED.match(source, cue[1]) else None
    if found is not None:
        return found
    quote = quote_for(unit, source, cue)
    going_on = after_report(unit, source, cue, quote) if quote is not None else None
    if going_on is not None:
        return _with_noun(unit, going_on), _chain_end(unit, going_on)
    if quote is not None:
        before = [i for i in verbs if i < quote]
        if before:
            return _with_noun(unit, before[-1]), _chain_end(unit, before[-1])
    found = object_predicate(source, cue, unit)
    if found is not None:
        return found
    if verbs and COORDINATED_VERB.match(source, cue[1]):
        # "had not yet chosen a builder but hoped work would start": the first of the Japanese predicates
        # joined by a comma (選定しており、…目指しています), not the last
        for i in verbs:
            end = _chain_end(unit, i)
            if any(t.start == end and t.surface == "、" for t in unit):
                return _with_noun(unit, i), end
    if verbs:
        return _with_noun(unit, verbs[-1]), _chain_end(unit, verbs[-1])
    return None


def _attempt_suru(unit: list[Token], i: int) -> bool:
    """Whether token ``i`` is the する of …ようとする ("try to"), whose verb comes before よう."""
    return (
        unit[i].base == "する"
        and i >= 2
        and unit[i - 1].surface == "と"
        and unit[i - 2].surface in ("よう", "う")
    )


"""Nouns that make a reporting verb with する: …と明らかにした is "said that …"."""
LIGHT_VERBS = frozenset({"する", "なる", "ある", "いる", "おる", "くる", "いく", "できる", "れる", "られる"})


class Polarity(Check):
    id = "polarity"
    name = N_("Negation flipped")
    description = N_(
        "A sentence that is negative in the English (not, never, no, without, fail to…) and affirmative "
        "in the translation, or the other way round; “not only”, “only” (しか…ない) and “must” "
        "(なければならない) are understood."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not source.strip() or not target.strip():
            return
        for en_span, ja_span in few_as_many(source, target) if "ew " in source else ():  # "Few…": 多くの
            yield self._affirmative(segment, ja_span, en_span, en_span[1] + 40)
        en_quick = EN_CUE.search(source) is not None
        ja_quick = JA_QUICK.search(target) is not None
        if not en_quick and not ja_quick:
            return
        tokens: list[Token] | None = None
        for (es, ee), (js, je) in sentence_pairs(source, target):
            en = english_cues(source, es, ee)
            quick = JA_QUICK.search(target, js, je) is not None
            if quick and en and not JA_QUICK_INFLECTION.search(target, js, je):
                quick = False  # only 不/未/非/無/拒/断 in a kanji word (不服, 無料): MeCab decides
            # cheap first: both sides show a cue (agreement), or neither does, or only the Japanese and
            # the English has a lexical negation that explains it — MeCab only for what is left
            # two negated English clauses may need comparing one by one (below)
            # (so may a negation beside "rather than": its ではなく agrees with it only in the count)
            contrast = bool(en) and EN_CONTRAST.search(source, es, ee) is not None
            # a lexical negation of another clause ("companies that miss the targets", "because fewer than
            # half") may be what the one Japanese negation renders, the negated clause rendered affirmatively
            soft = (
                [m.span() for m in EN_SOFT_CLAUSE.finditer(source, es, ee) if not NOT_SOFT.match(m.group())]
                if en and quick
                else []
            )
            multi = contrast or (
                (len(en) >= 2 or bool(soft)) and EN_SUBORDINATE.search(source, es, ee) is not None
            )
            # (two negated clauses joined: "no water had leaked and no animals had been harmed")
            multi = multi or (len(en) >= 2 and EN_CLAUSE_BREAK.search(source, es, ee) is not None)
            # a cue inside a construction that is no negation (しか…ない "only", なければならない "must")
            # agrees with nothing: MeCab decides
            cancelled = quick and en and JA_AFFIRMATIVE_FORM.search(target, js, je) is not None
            # (変わらない may render "stay the same", ないし上回らない "no more than": MeCab decides)
            same = quick and JA_UNCHANGED.search(target, js, je) is not None
            bound = quick and bool(en) and NO_COMPARATIVE_THAN.search(source, es, ee) is not None
            refused = refused_refusal(source, target, en, (js, je), (es, ee))
            if refused is not None:  # "did not rule out opening" rendered 可能性を否定した
                yield self._affirmative(segment, refused, en[0], ee, refusal=True)
                continue
            spans = (source, target, en, (es, ee), (js, je))
            if (not quick and affirmative_in_meaning(*spans)) or (cancelled and not_just_rendered(*spans)):
                continue  # 開所する可能性もある for "did not rule out opening" (or "not until": のは…だ)
            if bool(en) == quick and not multi and not cancelled and not same and not bound:
                continue
            explained = quick and not cancelled and not contrast and explains(source, es, ee, en)
            if explained and not (soft and multi):
                continue
            if tokens is None:
                tokens = list(japanese.tokens(target))
            ja = contrast_left(source, target, (es, ee), japanese_cues(tokens, target, js, je))
            ja, whole_words = cues_left(source, target, ((es, ee), (js, je)), en, ja, same=same, bound=bound)
            if en and not ja and cancelled and JA_OTHER_CANCEL.search(target, js, je) is not None:
                continue  # 気にしない, 仕方がない: negative in form, as the English may well be
            if en and not ja and cancelled and only_said(source, target, en, ee, (js, je)):
                continue  # "had no choice but to", "cannot enter unless", "nobody except": しか…ない
            if bool(en) == bool(ja):
                if JA_LEXICAL.search(target, js, je):
                    continue  # a word that says "not" with its meaning may be the missing negation
                if en and len(en) > len(ja):
                    # both negative, the English more often: compare coordinated clauses one by one
                    yield from self._clauses(segment, tokens, (es, ee), (js, je), en, ja)
                elif en and soft and multi and not contrast:
                    # …or as often, when a lexical negation may be what a Japanese one renders
                    yield from self._clauses(segment, tokens, (es, ee), (js, je), en, ja, soft)
                elif en and all(c.pos == "接頭詞" for c in ja):
                    # the Japanese negation is only a prefix of some word (未了 for "pending"), and the
                    # verb the English negates is rendered affirmatively elsewhere ("did not approve" →
                    # 承認した)
                    yield from self._prefix_only(segment, tokens, (js, je), en, ja)
                continue
            if explained:
                continue  # the Japanese negation renders a lexical one of the English
            if ja and not en and (EN_SOFT.search(source, es, ee) or empty_noun(source, es, ee, tokens, ja)):
                continue  # (使われなくなった倉庫 for "the empty warehouses": a clause before its noun)
            if ja and not en and bound_negation(source, target, (es, ee), (js, je)):
                continue  # "no higher than" rendered 上回らなかった
            if ja and not en and not_even_the_bound(source, target, (es, ee), (js, je)):
                continue  # 2年もたっていない for "less than two years after": not even that much has passed
            lexical = lexical_spans(source, target, (es, ee), (js, je), en) if en and not ja else []
            if lexical:
                if all(VERB_CUE.fullmatch(source[a:b]) for a, b in en):
                    continue  # "rejected the criticism" → 批判を退けた: a verb of refusal rendered as one
                if not any(_negates_refusal(source, cue) for cue in en):
                    # "did not comment" → コメントを控えた, "did not win" → 受賞を逃した (what is left)
                    en = left_by_lexical(source, target, en, lexical)
                    if not en:
                        continue
            if ja and not en and all(c.pos == "接頭詞" for c in ja):
                continue  # 不/未/非/無 render "un-", "in-", "non-" as often as "not"
            # last, as the dearest test (the dictionary coverage of the pair)
            if not rendered(source, target, (es, ee), (js, je), en_side=bool(en)):
                continue  # the negated sentence is not translated at all: an omission, not a flip
            if en:
                en = [
                    c
                    for c in en
                    if own_sentence_rendered(source, target, (es, ee), c[0], en_side=True)
                    and own_clause_rendered(source, target, (es, ee), c[0])
                ]
                if not en:
                    continue  # the paragraph is rendered, but not the sentence (or clause) that negates
            elif not own_sentence_rendered(source, target, (js, je), ja[0].start, en_side=False):
                continue  # the negative Japanese sentence has no English counterpart: an addition
            if en:
                cue = en[0]
                span = predicate_for(source, cue, tokens, js, je, target) or (js, je)
                if whole_words and not en[1:] and NONE_CUE.match(source, cue[0]):
                    span = whole_words[0]  # 不合格 where "None of the jars" failed: no verb the cue negates
                yield self._affirmative(segment, span, cue, ee)
            else:
                finding = self._negative(segment, tokens, ja[0], (js, je), (es, ee))
                if finding is not None:
                    yield finding

    def _negative(
        self,
        segment: SegmentInput,
        tokens: list[Token],
        cue_token: Token,
        ja_span: tuple[int, int],
        en_span: tuple[int, int],
    ) -> Finding | None:
        """The finding of a Japanese negation (at ``cue_token``) where the English is affirmative."""
        target = segment.target
        unit = [t for t in tokens if ja_span[0] <= t.start and t.end <= ja_span[1]]
        k = next((i for i, t in enumerate(unit) if t is cue_token), None)
        if k is None:
            return None  # the cue is a token across the sentence boundary
        begin = k
        while begin > 0 and unit[begin - 1].pos in ("動詞", "助動詞") and k - begin < 3:
            begin -= 1
        span = (unit[begin].start, _chain_end(unit, k))
        return self.finding(
            segment,
            Side.TARGET,
            span[0],
            span[1],
            _("The translation is negative (“{ja}”); the English is affirmative.").format(
                ja=target[span[0] : span[1]]
            ),
            evidence=en_span,
        )

    def _affirmative(
        self,
        segment: SegmentInput,
        span: tuple[int, int],
        cue: tuple[int, int],
        limit: int,
        refusal: bool = False,
    ) -> Finding:
        """The finding of a negative English rendered affirmatively at ``span`` (or with ``refusal``, a
        negated refusal rendered as a refusal), with the cue's phrase (up to ``limit``) as its evidence."""
        source, target = segment.source, segment.target
        ps, pe = english_phrase(source, cue, limit)
        message = (
            _("English negates a refusal (“{en}”); the translation refuses (“{ja}”).")
            if refusal
            else _("English is negative (“{en}”); the translation is affirmative (“{ja}”).")
        )
        return self.finding(
            segment,
            Side.TARGET,
            span[0],
            span[1],
            message.format(en=source[ps:pe], ja=target[span[0] : span[1]]),
            evidence=(ps, pe),
        )

    def _prefix_only(
        self,
        segment: SegmentInput,
        tokens: list[Token],
        ja_span: tuple[int, int],
        en: list[tuple[int, int]],
        ja: list[Token],
    ) -> Iterable[Finding]:
        source = segment.source
        unit = [t for t in tokens if ja_span[0] <= t.start and t.end <= ja_span[1]]
        for cue in en:
            if VERB_CUE.fullmatch(source[cue[0] : cue[1]]) or not (
                NOT_CUE.fullmatch(source[cue[0] : cue[1]]) or NO_LONGER.match(source, cue[0])
            ):
                continue  # only "not"/"n't"/"never"/"no longer": their verb is the one negated
            span = verb_rendering(source, cue, unit, last=False) or object_predicate(source, cue, unit)
            if span is None or any(span[0] - 2 <= c.start < span[1] + 2 for c in ja):
                continue  # not found (nor its object's predicate: 在庫を積み増した), or prefixed (未承認)
            word = next((t for t in unit if t.start == span[0]), None)
            if word is None or len(word.surface) < 2:
                continue  # one kanji (外 of 対象外 for "not covered") says too little
            yield self._affirmative(segment, span, cue, len(source))
            return

    def _clauses(
        self,
        segment: SegmentInput,
        tokens: list[Token],
        en_span: tuple[int, int],
        ja_span: tuple[int, int],
        en: list[tuple[int, int]],
        ja: list[Token],
        soft: Sequence[tuple[int, int]] = (),
    ) -> Iterable[Finding]:
        """A negated clause rendered affirmatively beside one that kept its negation ("did not give
        evidence, and he showed no emotion" → 証言し、…表情一つ変えなかった): the English split at ", and" /
        ", but" / ";", the Japanese at a 、 after a verb or a conjunctive particle, compared in order
        when both have as many clauses. ``soft`` lexical negations of the sentence count as negated clauses
        that a Japanese negation may belong to, never as the one reported."""
        source = segment.source
        en_clauses = split_at(en_span, [m.start() for m in EN_CLAUSE_BREAK.finditer(source, *en_span)])
        unit = [t for t in tokens if ja_span[0] <= t.start and t.end <= ja_span[1]]
        ja_clauses = split_at(ja_span, ja_clause_breaks(unit))
        from mtreview.qa.analysis.coverage import coverage

        cov = coverage(source, segment.target)
        if len(en_clauses) < 2 or len(en_clauses) != len(ja_clauses):
            # not in order: each Japanese negation to the English clause whose words come before it
            negated = sorted({*en, *soft})
            starts = [t.start for t in ja]
            if soft:  # 満たない renders "fewer than": a negation of its own clause, cancelled as a bound
                starts = sorted([*starts, *(m.start() for m in MITANAI.finditer(segment.target, *ja_span))])
            found = unmatched_negation(cov, en_span, negated, starts, MIN_RENDERED)
            if found is not None and cov.available and found[0] in en:
                lone, (_cs, end), (ks, ke) = found
                ks, ke = max(ks, ja_span[0]), min(ke, ja_span[1])
                if JA_LEXICAL.search(segment.target, ks, ke) or JA_STATE.search(segment.target, ks, ke):
                    return  # a word that says "not" in its meaning renders it (高止まり: "did not fall")
                where = predicate_for(source, lone, tokens, ks, ke, segment.target) or (ks, ke)
                kept = [t.start for t in ja if where[0] <= t.start < where[1]]
                if kept and kept[0] > ks:  # a kept negation of another clause: the flip is before it
                    where = predicate_for(source, lone, tokens, ks, kept[0], segment.target) or where
                yield self._affirmative(segment, where, lone, end)
            return
        for cs, ce in en_clauses:  # every clause rendered, or the pairing in order means nothing
            covered, total = cov.source_ratio(cs, ce)
            if cov.available and (total == 0 or covered / total < MIN_RENDERED):
                return
        for (cs, ce), (ks, ke) in zip(en_clauses, ja_clauses, strict=True):
            cue = next((c for c in en if cs <= c[0] < ce), None)
            if cue is None or any(ks <= t.start < ke for t in ja):
                continue
            span = predicate_for(source, cue, tokens, ks, ke, segment.target) or (ks, ke)
            yield self._affirmative(segment, span, cue, ce)
            return
