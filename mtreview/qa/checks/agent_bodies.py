"""The agent check's bodies named by common nouns: how a Japanese body's name ends (委員会, 当局, 郡), the
English head of a body named by common nouns ("the health ministry": ministry), and whether the page uses a
Japanese body elsewhere for another English word ("board", where 地域保健委員会 stands). Also whose study
a sentence reports ("A survey by the council found", 同慈善団体の調査によると)."""

from __future__ import annotations

import re
from collections.abc import Iterable

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


JA_SPEAKER_AFTER_QUOTE = re.compile(
    r"と、(?P<np>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,12})(?:は|が)(?=[^、。「」]{0,12}?"
    r"(?:説明|述べ|語っ|明らかに|発表|指摘|強調|主張|話し))"
)
"""The speaker after a quotative と at the end of a sentence (…可能性もあると、貿易省は説明した)."""


def body_topic(target: str, japanese: tuple[int, int], opening: re.Pattern[str]) -> re.Match[str] | None:
    """The body the Japanese sentence speaks through: its opening topic (``opening``: 郡は, 地域保健委員会は)
    when that is a body, else the speaker after a closing quotative と (…と、貿易省は説明した)."""
    m = opening.match(target, japanese[0], japanese[1])
    if m is not None and m.group("np").endswith(BODY_ENDS):
        return m
    speakers = list(JA_SPEAKER_AFTER_QUOTE.finditer(target, japanese[0], japanese[1]))
    after = speakers[-1] if speakers else None  # the last one: the sentence's own speaker
    return after if after is not None and after.group("np").endswith(BODY_ENDS) else m


def agent_rendered(
    source: str, target: str, japanese: tuple[int, int], forms: Iterable[str]
) -> tuple[bool, bool]:
    """(Whether the dictionary knows a rendering of the English agent's head ``forms``, whether one stands
    in the Japanese sentence apart from a longer counterpart of another English word: 組合 of 組合員 for
    "members" does not render "the cooperative".)"""
    from mtreview.qa.analysis.coverage import coverage

    forms = set(forms)
    cov = coverage(source, target)
    others = [(a, b) for w in cov.words if w.lemma not in forms for a, b in w.strong]
    known = False
    for form in forms:
        multi, single, _stems = renderings(form)
        known = known or bool(multi or single)
        for r in (*multi, *single):
            at = target.find(r, japanese[0], japanese[1])
            while at >= 0:
                if not any(a <= at and at + len(r) <= b and b - a > len(r) for a, b in others):
                    return known, True
                at = target.find(r, at + 1, japanese[1])
    return known, False


def named_elsewhere(doc: DocumentFacts, segment_id: str, glossed: frozenset[str], head: str) -> str | None:
    """The word of ``glossed`` that the document's English says in another segment (a body it names there),
    unless a segment saying it also says ``head`` (then the two may be one body)."""
    forms = head_forms(head)
    found = None
    for other in doc.segments.values():
        if other.id == segment_id:
            continue
        words = lower_words(other.source)
        said = sorted(glossed & words)
        if said and not words.isdisjoint(forms):
            return None
        found = found or (said[0] if said else None)
    return found


BODY_WORDS_KANJI = (
    *("連盟", "協会", "連合", "委員会", "機構", "財団", "組合", "団体", "評議会", "協議会"),
    "議会",
)
BODY_WORDS_KANA = ("トラスト", "センター", "グループ", "クラブ", "アライアンス", "ユニオン")
"""The words a Japanese body's name ends with (全国オリエンテーリング連盟, 地域センター)."""
BODY_WORDS = BODY_WORDS_KANJI + BODY_WORDS_KANA
_BODY_TAIL = re.compile(rf"(?:{'|'.join(BODY_WORDS)})$")


def tail_renders(body: str, words: list[str]) -> bool:
    """Whether the word a Japanese body's name ends with (センター of 地域センター) renders an English one."""
    tail = _BODY_TAIL.search(body)
    return tail is not None and not known_glosses(tail.group()).isdisjoint(words)


def refers_to_body(
    doc: DocumentFacts, named: tuple[str, list[str]] | None, body: object, english: list[str]
) -> bool:
    """Whether an English agent named by a common noun (``named``: "the centre", "Organisers") may be the
    body the translation names (``body``: a body's word matched after the katakana), no other name of the
    document holding the noun."""
    return named is not None and bool(body) and not other_body_named(doc, named[0], english)


_NAME_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*")

DEMONYM_ENDS = frozenset({"ian", "an", "ean", "n", "ese", "nese", "ish", "i", "ic", "ern"})
"""What follows a name's stem in a word made of it (Canad-ian, Japa-nese): "Halford" is no word of "Hale"."""


def made_of(name: str, word: str) -> bool:
    """Whether the English agent's ``word`` is a word made of the name (canadian of Canada), not another
    name that begins as it does (Halford, Parker, Richards)."""
    stem = name.lower()[:-1]
    return len(name) >= 4 and word.startswith(stem) and word[len(stem) :] in DEMONYM_ENDS


def other_body_named(doc: DocumentFacts, head: str, english: list[str]) -> bool:
    """For an English agent named by a common noun ("the club"): True where another name of the document
    holds the noun ("Weston Rugby Club") and none of the Japanese agent's names does; False where the Japanese
    agent's name holds it ("Hale Community Centre" for "the centre") or no name does ("Organisers", "the
    charity": the translation may name the body the English refers to)."""
    own = other = False
    for segment in doc.segments.values():
        for m in _NAME_RUN.finditer(segment.source or ""):
            run = [x.lower() for x in m.group().split()]
            if run[0] in ("the", "a", "an", "its", "their"):
                run = run[1:]
            if len(run) < 2 or (head not in run and head.rstrip("s") not in run):
                continue  # (a name has two words at least: not "Organisers" opening a sentence)
            if any(e.lower() in run for e in english):
                own = True
            else:
                other = True
    return other and not own


def names_a_body(named: str, doc: DocumentFacts, text: str) -> bool:
    """Whether an English agent's name (in ``text``) is an organisation's: its last word one by the
    document's evidence, or an organisation word of the lexicon in a name the English gives with "the" ("the
    Norrhavn Rowing Association"; not "Coach Bruce Arena"). No "she" refers to it."""
    last = named.split()[-1]
    if doc.entities.kind(last) == "org":
        return True
    return (
        last.lower() in doc.entities.org_suffixes
        and re.search(rf"\bthe\s+{re.escape(named)}", text, re.I) is not None
    )


def common_word(katakana: str) -> bool:
    """A loanword of the dictionary, or its plural (パートナーズ, メタルズ): the common-noun end of a
    company's name, not a surname."""
    return bool(known_glosses(katakana)) or (katakana[-1:] in "ズス" and bool(known_glosses(katakana[:-1])))


COMPANY_WORDS = frozenset(
    {
        *("company", "firm", "carmaker", "group", "business", "retailer", "bank", "operator", "manufacturer"),
        *("maker", "supplier", "chain", "brewer", "insurer", "lender", "airline", "developer", "publisher"),
        *("studio", "startup", "employer", "builder", "contractor", "provider", "producer", "distributor"),
    }
)
"""What an English agent calls a company ("The carmaker said"): a translation may name it with 社."""
