"""A body the English names (in capitals, ending in what it is: "the Society of Imaging Professionals", "The
Telecoms Standards Authority said") that the translation replaces with another body where it attributes the
sentence (保健省によると, 国家監査委員会は…と述べた, 保健省が実施した調査では): no word of the English name is
rendered anywhere in the Japanese sentence, and the Japanese body renders no word of the English sentence.
Read off the dictionary coverage, so nothing is compared without the dictionary."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from mtreview.qa.analysis.coverage import Coverage
from mtreview.qa.checks.agent_bodies import BODY_ENDS, NOT_A_BODY
from mtreview.qa.checks.agent_japanese import JA_BODY_TOPIC

BODY_WORDS_EN = frozenset(
    {
        *("society", "association", "authority", "institute", "council", "agency", "board", "trust"),
        *("commission", "office", "union", "federation", "department", "ministry", "service", "foundation"),
        *("committee", "inspectorate", "regulator", "fund", "network", "alliance", "partnership", "forum"),
        *("panel", "centre", "center", "college", "organisation", "organization", "confederation", "league"),
        *("chamber", "bureau", "directorate", "executive", "institution", "observatory", "charity", "group"),
    }
)
"""What an English body's name says it is ("… Authority", "Society of …")."""
EN_NAMED_BODY = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|on|[A-Z][\w'’\-]*))+)"
)
EN_STUDY_BY_NAME = re.compile(
    r"\b(?:survey|study|report|analysis|review|poll|audit|investigation|assessment|inquiry|count)\s+"
    r"(?:commissioned\s+|carried\s+out\s+|published\s+|released\s+)?by\s+(?P<np>(?:the\s+)?[A-Z][^,.;:!?]{3,60}?)"
    r"(?=\s+(?:in|on|last|this|found|finds|showed|shows|suggested|suggests|concluded|estimated|said|says)\b)"
)
"""A study by a named body ("A survey by the Meridian Institute in March found")."""
JA_BODY_ENDS = (*BODY_ENDS, "主催者", "運営者", "事業者")
"""How a body's name ends in Japanese, organisers (大会主催者) too."""
JA_ACCORDING = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc])(?P<np>[\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{2,16})(?:によると|によれば)"
)
JA_STUDY_BY = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc])(?P<np>[\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{2,16})(?:が|の)"
    r"(?:[^、。]{0,12}(?:実施した|行った|委託した|まとめた|発表した))?(?:調査|研究|報告書?|分析|監査|評価)"
)


KIND_ENDS = {
    "members": ("協会", "学会", "連盟", "連合", "組合", "会議所", "同盟", "協議会", "クラブ"),
    "office": ("省", "庁", "局", "当局", "機関", "機構", "委員会", "監督庁", "規制庁"),
    "council": ("議会", "委員会", "理事会", "評議会", "審議会"),
    "trust": ("財団", "基金", "団体", "トラスト"),
    "school": ("大学", "学院", "研究所", "センター"),
}
"""How Japanese names end for each kind of English body (its standard name may say the kind and nothing else
the dictionary reads: 英経営者協会)."""
KIND_OF = {
    **dict.fromkeys(
        ("society", "association", "institute", "federation", "union", "league", "confederation", "chamber"),
        "members",
    ),
    **dict.fromkeys(("alliance", "network", "partnership", "group", "forum"), "members"),
    **dict.fromkeys(("authority", "agency", "office", "department", "ministry", "commission"), "office"),
    **dict.fromkeys(("inspectorate", "regulator", "bureau", "directorate", "executive"), "office"),
    **dict.fromkeys(("council", "board", "committee", "panel"), "council"),
    **dict.fromkeys(("trust", "foundation", "fund", "charity"), "trust"),
    **dict.fromkeys(("college", "centre", "center", "institution", "observatory"), "school"),
}


def named_body(source: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the English agent when it is a body's name: capitalised words, one of them what it is."""
    m = EN_NAMED_BODY.fullmatch(source, *span)
    if m is None:
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group("name"))]
    if len([w for w in words if w not in ("of", "for", "and", "on")]) < 2 or BODY_WORDS_EN.isdisjoint(words):
        return None
    return m.start("name"), m.end("name")


def study_by_name(source: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    m = EN_STUDY_BY_NAME.search(source, *sentence)
    if m is None:
        return None
    return named_body(source, (m.start("np"), m.end("np")))


def _japanese_bodies(target: str, japanese: tuple[int, int]) -> Iterator[tuple[int, int]]:
    m = JA_BODY_TOPIC.match(target, *japanese)
    if m is not None:
        yield m.start("np"), m.end("np")
    for pattern in (JA_ACCORDING, JA_STUDY_BY):
        for m in pattern.finditer(target, *japanese):
            yield m.start("np"), m.end("np")


def replaced_body(cov: Coverage, name: tuple[int, int], japanese: tuple[int, int]) -> tuple[int, int] | None:
    """The Japanese body that stands where the English names ``name``, when it is another body (see the
    module's docstring)."""
    if not cov.available:
        return None
    target = cov.target
    words = [w for w in cov.words if name[0] <= w.start < name[1] and w.kind in ("word", "name")]
    if len(words) < 2:
        return None
    js, je = japanese
    kinds = {KIND_OF[w.lemma] for w in words if w.lemma in KIND_OF}
    for a, b in _japanese_bodies(target, japanese):
        body = target[a:b]
        if body.startswith(NOT_A_BODY) or not body.endswith(JA_BODY_ENDS):
            continue
        if any(body.endswith(KIND_ENDS[k]) for k in kinds):
            return None  # a body of the same kind: the standard Japanese name of this one (英経営者協会 for
            # "the Institute of Directors"), which the dictionary cannot read word by word
        # (one kanji of a body of another kind, 会 of 市議会, says nothing of "Association", nor a loose
        # match, 評議会 for "Trust"; 金 of 金協会 still says "Gold")
        other_kind = any(body.endswith(ends) for ends in KIND_ENDS.values())
        weak = {
            (c, d)
            for w in words
            if w.lemma in KIND_OF
            for c, d in w.hits
            if other_kind and (d - c == 1 or (c, d) not in w.strong) and a <= c < b
        }
        if any(js <= c < je for w in words for c, d in w.hits if (c, d) not in weak):
            return None  # a word of the name is rendered in the sentence
        if weak:
            if any(c < b and a < d for w in cov.words for c, d in w.hits if (c, d) not in weak):
                return None
        elif any(u.covered for u in _head_units(cov, a, b)):
            return None  # it renders a word of the English (保健 for "health")
        if not any(u.content for u in cov.units_in(a, b)):
            continue
        return a, b
    return None


def _head_units(cov: Coverage, a: int, b: int) -> list[Any]:
    """The units of a Japanese body that say what it is: all of them, or only those after a katakana place
    or name that opens it (王立病院 of ソルトコム王立病院, where "Saltcombe" is a place the English sentence
    names elsewhere: the hospital is still another body than "Dunmarrow Regional Council")."""
    units = cov.units_in(a, b)
    if len(units) >= 2 and units[0].kind == "kata" and units[-1].kind == "kanji":
        return units[1:]
    return units


def replaced_named_body(
    source: str,
    target: str,
    agent: tuple[int, int] | None,
    sentence: tuple[int, int],
    japanese: tuple[int, int],
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(the English body's name, the Japanese body that replaces it), for the English sentence's agent (or,
    where it has none, the body whose study it reports)."""
    name = named_body(source, agent) if agent is not None else study_by_name(source, sentence)
    if name is None:
        return None
    from mtreview.qa.analysis.coverage import coverage

    other = replaced_body(coverage(source, target), name, japanese)
    return None if other is None else (name, other)


EN_COINED_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
"""A coined name written as one word with capitals inside (StepClear, BrightPath): a company's or a
charity's own name, which a translation spells in katakana or keeps in Latin letters."""
EN_PLAIN_NAME = re.compile(
    r"(?!The\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}"
    r"(?<!Street)(?<!Yard)(?<!House)(?<!Hall)(?<!Palace)(?<!Square)(?<!Road)(?<!Lane)(?<!Avenue)(?<!Park)"
)
"""A name of two or three capitalised words ("Thornbury Mutual"); not one with "The" (The White House, a
newspaper) nor a place that stands for an institution (Downing Street, Scotland Yard: 英首相官邸,
ロンドン警視庁 are their Japanese names)."""
KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc・]{2,}")


def replaced_coined_name(
    cov: Coverage, agent: tuple[int, int], japanese: tuple[int, int]
) -> tuple[int, int] | None:
    """The Japanese body in kanji (金融行為監督庁は, 保健省によると) that stands where the English agent is a
    coined name ("StepClear said") or a plain one (``EN_PLAIN_NAME``) none of whose words the Japanese
    sentence renders, when the sentence has the name nowhere: neither in Latin letters nor in katakana that
    sounds like it. A body's own name is not translated word by word into kanji."""
    from mtreview.qa.jtext import name_similarity

    source, target = cov.source, cov.target
    name = source[agent[0] : agent[1]].strip()
    js, je = japanese
    if EN_COINED_NAME.fullmatch(name) is None:
        # or a name of two or three capitalised words, none of them a body's word nor rendered in the
        # Japanese sentence ("Thornbury Mutual said" rendered 農村省は)
        if EN_PLAIN_NAME.fullmatch(name) is None or not BODY_WORDS_EN.isdisjoint(name.lower().split()):
            return None
        words = [w for w in cov.words if agent[0] <= w.start < agent[1]]
        if any(js <= a < je for w in words for a, _b in w.hits):
            return None
    if name.lower() in target[js:je].lower():
        return None
    if any(name_similarity(name, m.group()) >= 0.5 for m in KATAKANA_RUN.finditer(target, js, je)):
        return None
    for a, b in _japanese_bodies(target, japanese):
        body = target[a:b]
        if body.startswith(NOT_A_BODY) or not body.endswith(JA_BODY_ENDS):
            continue
        if KATAKANA_RUN.search(body) or not all("\u4e00" <= ch <= "\u9fff" for ch in body):
            return None  # a name in katakana (ステップクリア社): the names' business
        return a, b
    return None
