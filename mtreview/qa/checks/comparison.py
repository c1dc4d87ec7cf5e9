"""Comparison and bounds: "more than 300" rendered 300未満, "up to 20%" rendered 少なくとも20%, "higher
than" rendered より低い.

English bounds (more than, over, above, exceed, at least, no less than, N or more… and fewer/less than,
under, below, up to, at most, no more than, N or less…) are tied to the number they bound; the same value
is looked up in the Japanese (with 万/億 scales understood) and its bound read around it (以上, 超, を超え,
を上回る, 少なくとも, 最低… / 以下, 未満, まで, 以内, を下回る, に満たない, 最大…). Comparatives without a
number ("higher than" ↔ より…低い) are compared by direction; so are comparatives of a quality with or
without "than" ("spread more slowly" ↔ より速く広がった, "cheaper" ↔ より高く: speed, price, height, size…).
Only opposite directions are reported; a bound the translation drops is not (MT often says 約 for "about",
and that is a matter of style).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis import japanese
from mtreview.qa.analysis.pairs import sentence_pairs
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.checks.comparison_trends import JA_TREND_QUICK, turned_trends
from mtreview.qa.checks.comparison_verbs import EN_COMPARE_VERB, EN_THAN, turned_comparisons
from mtreview.qa.checks.numbers import Quantity, english_quantities, japanese_quantities
from mtreview.qa.checks.superlatives import EN_WORD as EN_SUPERLATIVE
from mtreview.qa.checks.superlatives import JA_SUPERLATIVE_QUICK, reversed_superlatives
from mtreview.qa.checks.time_bounds import BEFORE, reversed_time_bounds, turned_time_limits
from mtreview.qa.context import DocumentFacts

UP, DOWN = "up", "down"
_NUMBER = (
    r"(?:the\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?(?=(?:[A-Z]{1,2}\$|[$£€¥])?\d|"
    r"(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|"
    r"eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|hundreds|"
    r"thousands|a\s+(?:half|third|quarter|fifth|tenth)|half)\b)"
)
EN_FRACTION = re.compile(
    r"(?:(a|one|two|three|four)\s+)?(half|thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE
)
"""A fraction in words: a third, two thirds, a quarter, half."""
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_NUMERATORS = {None: 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
JA_FRACTION = re.compile(r"(\d+)分の(\d+)|半分|半数|(\d+)[人件社校軒台頭本]に(\d+)[人件社校軒台頭本]")
"""A fraction in Japanese: 3分の1, 3分の2, 半分, 半数, 5人に1人."""


def _fractions_en(source: str, start: int) -> Quantity | None:
    while start < len(source) and source[start] == " ":
        start += 1  # "more than a third": the match of "more than" ends before the space
    m = EN_FRACTION.match(source, start)
    if m is None:
        return None
    numerator = _NUMERATORS[m.group(1) and m.group(1).lower()]
    value = numerator / _DENOMINATORS[m.group(2).lower().rstrip("s")]
    return Quantity(value, m.start(), m.end(), None, required=False)


def _fractions_ja(target: str) -> list[Quantity]:
    out = []
    for m in JA_FRACTION.finditer(target):
        whole, part = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        value = int(part) / int(whole) if whole and int(whole) else 0.5
        out.append(Quantity(value, m.start(), m.end(), None, required=False))
    return out


EN_BEFORE = re.compile(
    # the look-ahead of every alternative's first letter changes no match but lets the engine skip the
    # other positions quickly (as ``polarity.EN_CUE``)
    r"(?=[moaeghlbnuistfwcdy])(?:"
    r"\b(?P<up>(?<!no\s)(?<!not\s)(?:more|greater|higher|larger|bigger|longer|heavier|taller|older|wider|deeper)\s+than|"
    r"over|above|exceed(?:s|ed|ing)?|at\s+least|no\s+(?:less|fewer|lower|smaller|shorter|younger|lighter|narrower)\s+than|"
    r"a\s+minimum\s+of|upwards\s+of|"
    r"in\s+excess\s+of|beyond|surpass(?:es|ed|ing)?|top(?:s|ped)?)"
    r"|\b(?P<down>(?<!no\s)(?:fewer|less|lower|smaller|shorter|lighter|younger|narrower)\s+than|under|below|up\s+to|"
    r"capped\s+at|limited\s+to|a\s+cap\s+of|at\s+most|not\s+more\s+than|a\s+maximum\s+of|as\s+(?:few|little)\s+as|within|"
    # "no longer than 11 hours" is at most 11
    r"no\s+(?:more|greater|higher|larger|bigger|longer|heavier|taller|older|wider|deeper)\s+than|"
    r"nearly|almost)"
    rf"\s+{_NUMBER})",
    re.IGNORECASE,
)
EN_AFTER = re.compile(
    r"\s*(?:[a-z%]+\s+){0,2}?(?P<up>or\s+more|or\s+above|or\s+over|and\s+(?:above|over|up)|plus\b)"
    r"|\s*(?:[a-z%]+\s+){0,2}?(?P<down>or\s+(?:less|fewer|below|under)|and\s+(?:below|under))",
    re.IGNORECASE,
)
EN_AFTER_QUICK = re.compile(
    r"(?=[oap])\b(?:or\s+(?:more|above|over|less|fewer|below|under)|and\s+(?:above|over|up|below|under)|plus)\b",
    re.IGNORECASE,
)
"""A cheap test for ``EN_AFTER`` bounds anywhere in the source."""
_DEGREE = "(?:わずかに|僅かに|やや|若干|少し|大きく|大幅に|はるかに|さらに)?"
JA_AFTER = re.compile(
    r"^(?:(?:[人件戸台頭羽匹隻社店校歳年日週倍万億%％]|カ月|か月|キロ|トン|メートル|ドル|円|ユーロ)?"
    rf"(?P<near>近く|近い)|[^、。,0-9０-９]{{0,5}}?(?:(?P<up>以上|超|を{_DEGREE}超|を{_DEGREE}上回|余り|"
    rf"あまり|を突破|強)|(?P<down>以下|未満|(?<!前)まで|以内|を{_DEGREE}下回|に満たな|足らず|弱|"
    r"を切)))"
)
"""A bound after the number, a degree adverb allowed before its verb (49トンをわずかに上回った);
``14日前まで`` is a deadline, "by 14 days before", not a bound; 180人近く is "nearly 180", fewer (right
after its counter: 2つの工場の近く is "near two plants")."""
JA_BEFORE = re.compile(
    r"(?:(?P<up>少なくとも|最低|最低でも|最少でも)|(?P<down>最大|最高|最長|最多|多くて(?:も)?|多くとも|上限))(?P<de>で)?\s?"
    r"(?:週|月|年|毎週|毎月|毎年|年間|一日|1日)?$"  # a rate's period between: 最大で週4日, 少なくとも年2回
)
JA_BEFORE_GAP = re.compile(
    r"(?:(?P<up>少なくとも|最低でも|最少でも)|(?P<down>最大で|多くて|多くとも|せいぜい))、?[^、。,0-9０-９]{1,8}の\s?$"
)
"""An adverbial bound with a noun of the number between (最大で刑期の半分, "at most half the sentence")."""
EN_COMPARATIVE = re.compile(
    r"(?=[hmglbfsowtirudny])"  # the alternatives' first letters: same matches, a faster search
    r"\b(?:(?P<up>higher|more|greater|larger|bigger|longer|faster|heavier|stronger|older|wider|taller|"
    r"increased|rose|up|more\s+(?:likely|common|often|frequent|frequently|expensive|costly))|"
    r"(?P<down>lower|less|fewer|smaller|shorter|slower|lighter|weaker|younger|"
    r"narrower|decreased|fell|down|less\s+(?:likely|common|often|frequent|frequently|expensive|costly)))"
    r"\s+than\b",
    re.IGNORECASE,
)
JOINED_COMPARATIVE = re.compile(r"\b(?:[a-z]+er|more\s+[a-z]+)\s+(?:and|or)\s+$", re.IGNORECASE)
"""A comparative joined before another one ("flatter and", "more varied and")."""
EN_COMPARED_WITH = re.compile(r"\b(?:compared|comparison|relative)\s+(?:with|to)\b", re.IGNORECASE)
JA_UP = frozenset(
    {
        "高い",
        "多い",
        "大きい",
        "長い",
        "速い",
        "早い",
        "広い",
        "重い",
        "強い",
        "増える",
        "上回る",
        "上がる",
        "増加",
        "上昇",
        "増す",
    }
)
JA_DOWN = frozenset(
    {
        "低い",
        "少ない",
        "小さい",
        "短い",
        "遅い",
        "狭い",
        "軽い",
        "弱い",
        "減る",
        "下回る",
        "下がる",
        "減少",
        "低下",
        "減らす",
    }
)


def _key(value: float) -> float:
    return round(value, 6)


EN_ONE_IN = re.compile(
    r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+"
    r"(?P<m>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|100)\b",
    re.IGNORECASE,
)
"""A proportion in words: "one in ten", "3 out of 4" (as a percentage: Japanese says 1割, 75%)."""
_SMALL = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "a hundred": 100,
}


def _one_in(source: str, start: int) -> Quantity | None:
    """The proportion "one in ten" at ``start`` as a percentage."""
    m = EN_ONE_IN.match(source, start)
    if m is None:
        return None
    n, d = (
        int(x) if x.isdigit() else _SMALL[" ".join(x.lower().split())] for x in (m.group("n"), m.group("m"))
    )
    if not d or n >= d or d > 100:
        return None  # "300 in 2023" is a year
    return Quantity(100 * n / d, m.start(), m.end(), None, required=False)


def english_bounds(source: str) -> list[tuple[str, int, int, float]]:
    """(direction, phrase start, phrase end, value) of every bounded number in the English."""
    quantities = english_quantities(source)
    by_start = {q.start: q for q in quantities}
    out: list[tuple[str, int, int, float]] = []
    for m in EN_BEFORE.finditer(source):
        q = by_start.get(m.end())
        if q is None:
            q = next((x for x in quantities if m.end() <= x.start <= m.end() + 1), None)
        if q is None or (q.start == m.end() and EN_FRACTION.match(source, m.end())):
            q = _fractions_en(source, m.end())  # "fewer than a third" (not the "one" of "one third")
        if q is not None and q.start <= m.end() + 1:
            q = _one_in(source, q.start) or q  # "fewer than one in ten": 10%, not 1
        if q is None:
            continue
        out.append((UP if m.group("up") else DOWN, m.start(), q.end, q.value))
    for q in quantities:
        if not q.required and q.value > 1000:
            continue
        after = EN_AFTER.match(source, q.end)
        if after and (after.group("up") or after.group("down")):
            out.append((UP if after.group("up") else DOWN, q.start, after.end(), q.value))
    return out


OUTRIGHT = frozenset({"少なくとも", "最低", "最低でも", "最少でも", "多くて", "最大"})
"""Words before a number that bound it outright, whatever follows (少なくとも14日前まで); 過去最多 and
史上最高 ("record") do not."""


def japanese_bound(target: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The bound on the number at ``start:end``: a word after it (300人以上), else one before it (少なくとも
    300人); where both are there and disagree, an outright one before (少なくとも…まで) wins."""
    before = JA_BEFORE.search(target[max(0, start - 8) : start])
    after = JA_AFTER.match(target[end : end + 12])
    if after:
        kind = UP if after.group("up") else DOWN
        if before is None or (before.group("up") or before.group("down")) not in OUTRIGHT:
            return kind, start, end + after.end()
        if (UP if before.group("up") else DOWN) == kind:
            return kind, start, end + after.end()
    if before:
        kind = UP if before.group("up") else DOWN
        return kind, max(0, start - 8) + before.start(), end
    gap = JA_BEFORE_GAP.search(target, max(0, start - 16), start)
    if gap and not after:
        return (UP if gap.group("up") else DOWN), gap.start(), end
    return None


class Comparison(Check):
    id = "comparison"
    name = N_("Comparison or bound reversed")
    description = N_(
        "“More than 300” rendered 300未満 or 300人近く, “up to 20%” rendered 少なくとも20%, “higher "
        "than” rendered より低い, “as clearly as” rendered よりもはっきり: bounds are tied to the number "
        "they bound and compared as directions."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target or not source:
            return
        bounds = english_bounds(source) if EN_BEFORE.search(source) or EN_AFTER_QUICK.search(source) else []
        if bounds:
            tgt = japanese_quantities(target)
            fractions = _fractions_ja(target) if "分の" in target or "半" in target or "に" in target else []
            for direction, s_start, s_end, value in bounds:
                for q in tgt + fractions:
                    # (a fraction is also a percentage: 5分の1 for "one in five", read as 20%)
                    if _key(q.value) != _key(value) and not (
                        q in fractions and _key(100 * q.value) == _key(value)
                    ):
                        continue
                    found = japanese_bound(target, q.start, q.end)
                    if found is None or found[0] == direction:
                        continue
                    _kind, t_start, t_end = found
                    more = _("more") if found[0] == UP else _("less")
                    yield self._turned(segment, (s_start, s_end), (t_start, t_end), more)
                    break
        for direction, s_start, s_end, t_start, t_end in reversed_time_bounds(source, target):
            after = _("after it") if direction == BEFORE else _("before it")
            yield self._turned(segment, (s_start, s_end), (t_start, t_end), after)
        if "くと" in target or "くて" in target:  # 遅くとも, 早くても
            for (a, b), (c, d) in turned_time_limits(source, target):
                latest = target[c:d] in ("遅くとも", "遅くても")
                yield self._turned(
                    segment, (a, b), (c, d), _("at the latest") if latest else _("at the earliest")
                )
        compared = []
        if "より" in target or "比" in target:
            compared = list(self._comparatives(segment)) if EN_COMPARATIVE.search(source) else []
            yield from compared
        if "より" in target:
            if not compared and EN_DEGREE.search(source):
                compared = list(self._degrees(segment))
                yield from compared
            if not compared and EN_EQUAL.search(source):
                compared = list(self._equalities(segment))
                yield from compared
        if not compared and JA_CHANGE_QUICK.search(target) and EN_DEGREE.search(source):
            yield from self._changes(segment)
        if (
            not compared
            and ("上回" in target or "下回" in target)
            and (EN_THAN.search(source) or EN_COMPARE_VERB.search(source))
        ):
            for (a, b), (c, d) in turned_comparisons(source, target):
                message = _("English says “{en}”; the translation says “{ja}”.").format(
                    en=source[a:b], ja=target[c:d]
                )
                yield self.finding(segment, Side.TARGET, c, d, message, evidence=(a, b))
        if not compared and JA_TREND_QUICK.search(target):
            for (a, b), (c, d) in turned_trends(source, target):
                message = _("English says “{en}”; the translation says “{ja}”.")
                yield self.finding(
                    segment,
                    Side.TARGET,
                    c,
                    d,
                    message.format(en=source[a:b], ja=target[c:d]),
                    evidence=(a, b),
                )
        if JA_SUPERLATIVE_QUICK.search(target) and EN_SUPERLATIVE.search(source):
            yield from self._superlatives(segment)

    def _turned(
        self, segment: SegmentInput, english: tuple[int, int], japanese: tuple[int, int], direction: str
    ) -> Finding:
        """A bound the translation turns round: the Japanese span, the English one as evidence."""
        return self.finding(
            segment,
            Side.TARGET,
            japanese[0],
            japanese[1],
            _("English says {en}; the translation says {ja} ({direction}).").format(
                en=f"“{segment.source[english[0] : english[1]]}”",
                ja=f"“{segment.target[japanese[0] : japanese[1]]}”",
                direction=direction,
            ),
            evidence=english,
        )

    def _superlatives(self, segment: SegmentInput) -> Iterable[Finding]:
        """ "the oldest winner" rendered 最年少の優勝者: a superlative said the other way."""
        source, target = segment.source, segment.target
        for sentence, japanese_sentence in sentence_pairs(source, target):
            for js, je, es, ee in reversed_superlatives(source, target, sentence, japanese_sentence):
                yield self.finding(
                    segment,
                    Side.TARGET,
                    js,
                    je,
                    _("English says “{en}”; the translation says “{ja}” (the other way).").format(
                        en=source[es:ee], ja=target[js:je]
                    ),
                    evidence=(es, ee),
                )

    def _equalities(self, segment: SegmentInput) -> Iterable[Finding]:
        """ "as clearly as" (the same) rendered よりもはっきり (more): an English equality, and in the same
        sentence a より-comparison of a quality and no word of sameness (同じ, ほど, 並み…)."""
        source, target = segment.source, segment.target
        tokens = japanese.tokens(target)
        for (es, ee), (js, je) in sentence_pairs(source, target):
            equal = next(english_equalities(source, es, ee), None)
            if equal is None or JA_SAME.search(target, js, je) or EN_COMPARATIVE.search(source, es, ee):
                continue
            if english_degrees(source, es, ee):
                continue  # "as comfortable as the old ones and run faster": より is the comparative's
            unit = [t for t in tokens if js <= t.start and t.end <= je]
            for i, t in enumerate(unit):
                if t.surface != "より" or t.pos1 != "格助詞" or (i and unit[i - 1].surface == "に"):
                    continue  # により is "by"
                after = [
                    u
                    for u in unit[i + 1 : i + 5]
                    if u.surface not in ("も", "は") and u.base not in DEGREE_ADVERBS
                ][:1]
                if not after or not _quality(after[0]):
                    continue
                yield self.finding(
                    segment,
                    Side.TARGET,
                    t.start,
                    after[0].end,
                    _("English says “{en}” (the same); the translation says “{ja}” (not the same).").format(
                        en=equal.group(), ja=target[t.start : after[0].end]
                    ),
                    evidence=(equal.start(), equal.end()),
                )
                return

    def _degrees(self, segment: SegmentInput) -> Iterable[Finding]:
        """A comparative of a quality, with or without "than": "spread more slowly" rendered より速く広がった
        (a quality the English compares the other way, and none the same way)."""
        source, target = segment.source, segment.target
        tokens = japanese.tokens(target)
        for (es, ee), (js, je) in sentence_pairs(source, target):
            en = english_degrees(source, es, ee)
            if not en:
                continue
            said = {(dim, direction) for dim, direction, _m in en}
            unit = [t for t in tokens if js <= t.start and t.end <= je]
            for i, t in enumerate(unit):
                if t.surface != "より" or t.pos not in ("副詞", "助詞"):
                    continue
                # より as an adverb qualifies the next word (より速く); as a particle, the clause's next one
                following = unit[i + 1 : i + 2] if t.pos == "副詞" else _clause_after(unit, i + 1)
                word = next((u for u in following if u.base in JA_DEGREE or u.surface in "、。"), None)
                if word is None or word.base not in JA_DEGREE:
                    continue
                options = JA_DEGREE[word.base]
                if any(option in said for option in options):
                    continue
                opposite = next(
                    (m for dim, direction, m in en for d, r in options if d == dim and r != direction), None
                )
                if opposite is not None:
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        t.start,
                        word.end,
                        _("English says “{en}”; the translation says “{ja}”.").format(
                            en=opposite.group(), ja=target[t.start : word.end]
                        ),
                        evidence=(opposite.start(), opposite.end()),
                    )
                    return

    def _changes(self, segment: SegmentInput) -> Iterable[Finding]:
        """A comparative of a quality ("with longer hours") rendered by a word that changes the quality
        the other way (開放時間が短縮される), and nothing in the sentence that changes or compares it the
        English way."""
        source, target = segment.source, segment.target
        tokens = japanese.tokens(target)
        for (es, ee), (js, je) in sentence_pairs(source, target):
            if EN_COMPARATIVE.search(source, es, ee) or EN_BOTH_WAYS.search(source, es, ee):
                continue  # a than-comparison (said by より), or two movements side by side
            # not a name (Greater Manchester)
            en = [
                d for d in english_degrees(source, es, ee) if d[2].start() == es or d[2].group()[0].islower()
            ]
            if not en:
                continue
            said = {(dim, direction) for dim, direction, _m in en}
            unit = [t for t in tokens if js <= t.start and t.end <= je]
            said_ja = {
                option
                for t in unit
                for option in (
                    *JA_CHANGE.get(t.base, ()),
                    *JA_CHANGE.get(t.surface, ()),
                    *JA_DEGREE.get(t.base, ()),
                )
            }
            for t in unit:
                for dim, direction in (*JA_CHANGE.get(t.base, ()), *JA_CHANGE.get(t.surface, ())):
                    if (dim, direction) in said or (dim, UP if direction == DOWN else DOWN) in said_ja:
                        continue
                    opposite = next((m for d, r, m in en if d == dim and r != direction), None)
                    if opposite is None:
                        continue
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        t.start,
                        t.end,
                        _("English says “{en}”; the translation says “{ja}”.").format(
                            en=opposite.group(), ja=target[t.start : t.end]
                        ),
                        evidence=(opposite.start(), opposite.end()),
                    )
                    return

    def _comparatives(self, segment: SegmentInput) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        tokens = japanese.tokens(target)
        for (es, ee), (js, je) in sentence_pairs(source, target):
            # not the second of two joined comparatives ("hillier and shorter than"): より's first quality
            # is the first one's (起伏が多く), which the English does not compare by a word of this list
            en = [
                m
                for m in EN_COMPARATIVE.finditer(source, es, ee)
                if not JOINED_COMPARATIVE.search(source, max(es, m.start() - 30), m.start())
            ]
            if not en:
                continue
            directions = {UP if m.group("up") else DOWN for m in en}
            if len(directions) != 1:
                continue
            (en_dir,) = directions
            unit = [t for t in tokens if js <= t.start and t.end <= je]
            # より, or に比べ(て)/と比べ(て) (自転車の利用者に比べ、…可能性が低い)
            # (not where the English says "compared with": 前年に比べ5%増えた is that, not the "than")
            compared_with = EN_COMPARED_WITH.search(source, es, ee) is not None
            yori = [
                i + (unit[i + 1 : i + 2] != [] and unit[i + 1].surface == "て")
                for i, t in enumerate(unit)
                if (t.surface == "より" and t.pos == "助詞")
                or (
                    not compared_with
                    and t.base in ("比べる", "比較")
                    and i
                    and unit[i - 1].surface in ("に", "と")
                )
            ]
            for i in yori:
                after = unit[i + 1 : i + 13]
                if after and after[0].surface == "、":
                    after = after[1:]
                for t in after:  # (可能性が低い: a few tokens after より)
                    if t.surface in ("、", "。"):
                        break
                    if t.base in JA_UP or t.base in JA_DOWN:
                        ja_dir = UP if t.base in JA_UP else DOWN
                        if ja_dir != en_dir:
                            m = en[0]
                            end = t.end
                            yield self.finding(
                                segment,
                                Side.TARGET,
                                t.start,
                                end,
                                _("English says “{en}”; the translation says “{ja}”.").format(
                                    en=m.group(), ja=target[t.start : end]
                                ),
                                evidence=(m.start(), m.end()),
                            )
                            return
                        break


_DEGREES = {
    "speed": ("fast quick rapid swift", "slow"),
    "height": ("high", "low"),
    "size": ("large big great", "small"),
    "length": ("long", "short"),
    "width": ("wide broad", "narrow"),
    "weight": ("heavy", "light"),
    "strength": ("strong", "weak"),
    "price": ("expensive costly dear", "cheap"),
    "heat": ("warm hot", "cool cold"),
    "likelihood": ("likely probable", "unlikely"),
    "time": ("late", "early"),
}
"""The qualities an English comparative and a Japanese より-comparative are compared on, by direction."""
_EN_DEGREE: dict[str, tuple[str, str]] = {}
for _dim, (_ups, _downs) in _DEGREES.items():
    for _words, _dir in ((_ups, UP), (_downs, DOWN)):
        for _w in _words.split():
            _EN_DEGREE[_w] = (_dim, _dir)
            _EN_DEGREE[_w + "ly"] = (_dim, _dir)
            _stem = _w[:-1] + "i" if _w.endswith("y") else _w + _w[-1] if _w in ("big", "hot") else _w
            _EN_DEGREE[(_stem[:-1] if _stem.endswith("e") else _stem) + "er"] = (_dim, _dir)
EN_DEGREE = re.compile(
    r"\b(?:(more|less)\s+("
    + "|".join(sorted({w for w in _EN_DEGREE if not w.endswith("er")}, key=len, reverse=True))
    + r")|("
    + "|".join(sorted({w for w in _EN_DEGREE if w.endswith("er")}, key=len, reverse=True))
    + r"))\b",
    re.IGNORECASE,
)
"""An English comparative of a quality of ``_DEGREES``: faster, more slowly, less expensive, cheaper."""
JA_DEGREE: dict[str, tuple[tuple[str, str], ...]] = {
    "速い": (("speed", UP),),
    "早い": (("speed", UP), ("time", DOWN)),  # (earlier: 例年より早く)
    "遅い": (("speed", DOWN), ("time", UP)),
    "急速": (("speed", UP),),
    "緩やか": (("speed", DOWN),),
    "ゆっくり": (("speed", DOWN),),
    "高い": (("height", UP), ("price", UP), ("likelihood", UP)),  # (可能性が)より高い: "more likely"
    "低い": (("height", DOWN), ("likelihood", DOWN)),
    "安い": (("price", DOWN),),
    "大きい": (("size", UP),),
    "小さい": (("size", DOWN),),
    "長い": (("length", UP),),
    "短い": (("length", DOWN),),
    "広い": (("width", UP),),
    "狭い": (("width", DOWN),),
    "重い": (("weight", UP),),
    "軽い": (("weight", DOWN),),
    "強い": (("strength", UP),),
    "弱い": (("strength", DOWN),),
    "暖かい": (("heat", UP),),
    "温かい": (("heat", UP),),
    "暑い": (("heat", UP),),
    "熱い": (("heat", UP),),
    "涼しい": (("heat", DOWN),),
    "寒い": (("heat", DOWN),),
    "冷たい": (("heat", DOWN),),
}
"""Japanese words after より and the qualities and directions they can say (高い: height or price)."""
JA_CHANGE: dict[str, tuple[tuple[str, str], ...]] = {
    **dict.fromkeys(("延長", "延ばす", "延びる", "伸ばす"), (("length", UP),)),
    **dict.fromkeys(("短縮", "縮める"), (("length", DOWN),)),
    **dict.fromkeys(("拡大",), (("size", UP),)),
    **dict.fromkeys(("縮小",), (("size", DOWN),)),
    **dict.fromkeys(("値上げ",), (("price", UP),)),
    **dict.fromkeys(("値下げ",), (("price", DOWN),)),
    **dict.fromkeys(("加速",), (("speed", UP),)),
    **dict.fromkeys(("減速",), (("speed", DOWN),)),
    **dict.fromkeys(("拡幅",), (("width", UP),)),
    **dict.fromkeys(("強化",), (("strength", UP),)),
}
"""Japanese words that change a quality one way (短縮: shorter; 値上げ: dearer), by token base or surface —
not adverbs (長く閉鎖されていた, 大きく落ち込んだ: "long closed", "fell sharply")."""
EN_BOTH_WAYS = re.compile(
    r"\b(?:than|compared|while|whereas|but|although|though|after|before|as)\b", re.IGNORECASE
)
"""Sentences that set two movements or qualities side by side: a change word is not tied to one of them."""
JA_CHANGE_QUICK = re.compile("|".join(sorted({w[:2] for w in JA_CHANGE})))


NOT_A_DEGREE = re.compile(r"\b(?:no|any)\s+$", re.IGNORECASE)


def _clause_after(unit: list[japanese.Token], i: int) -> list[japanese.Token]:
    """Up to seven tokens from ``i``; past a comma when what goes before it is a predicate joined to the
    next (より平坦で、距離も長い: "flatter and shorter than"), up to seven more."""
    out = unit[i : i + 7]
    for k, u in enumerate(out):
        if u.surface == "、":
            before = out[k - 1] if k else None
            if (
                before is not None
                and before.surface.endswith(("で", "く", "て"))
                and (_quality(before) or (k >= 2 and _quality(out[k - 2])))
            ):
                return [*out[:k], *unit[i + k + 1 : i + k + 8]]
            return out[: k + 1]
    return out


def english_degrees(source: str, start: int, end: int) -> list[tuple[str, str, re.Match[str]]]:
    """(quality, direction, match) of each comparative of a quality in ``source[start:end]``."""
    out = []
    for m in EN_DEGREE.finditer(source, start, end):
        if NOT_A_DEGREE.search(source, max(0, m.start() - 4), m.start()):
            continue  # "no longer", "any longer": not a comparison
        if m.group(3):
            dim, direction = _EN_DEGREE[m.group(3).lower()]
        else:
            dim, direction = _EN_DEGREE[m.group(2).lower()]
            if m.group(1).lower() == "less":
                direction = DOWN if direction == UP else UP
        if dim == "time" and not source.startswith(" than", m.end()):
            continue  # "later" of a time ("the firm later said"): only "earlier/later than" compares
        out.append((dim, direction, m))
    return out


EN_EQUAL = re.compile(r"\bas\s+(?P<word>[a-z]+)\s+as\b", re.IGNORECASE)
NOT_EQUAL_WORDS = frozenset(
    re.findall(
        r"\w+",
        "well soon long far much many early late recently little few good such yet usual ever always before "
        "part of if though",
    )
)
"""Words between "as … as" that make no comparison of a quality ("as well as", "as soon as", "as much as
30%": a bound)."""
NOT_EQUAL_BEFORE = re.compile(
    r"(?:\b(?:not|never|no|nowhere\s+near|twice|thrice|times|half|nearly|almost|about)|n['’]t)"
    r"(?:\s+(?:quite|nearly|so|exactly|just))?\s+$",
    re.IGNORECASE,
)
"""What makes "as … as" other than the same: "not as large as" (less: より小さい may say it), "twice as
large as" (2倍)."""
JA_SAME = re.compile(r"同じ|同様|同等|同程度|ほど|並み|匹敵|くらい|ぐらい|変わら|劣らな|劣らず|負けな|負けず")


def english_equalities(source: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Each "as <quality> as" comparison of equality in ``source[start:end]`` (not "as well as", not "not
    as large as", not "as high as 30%")."""
    for m in EN_EQUAL.finditer(source, start, end):
        if m.group("word").lower() in NOT_EQUAL_WORDS:
            continue
        if NOT_EQUAL_BEFORE.search(source, max(0, m.start() - 24), m.start()):
            continue
        if re.match(r"\s*(?:[$£€¥]|\d)", source[m.end() : m.end() + 3]):
            continue  # "as high as 30%": a bound
        yield m


DEGREE_ADVERBS = frozenset(
    {"やや", "はるか", "ずっと", "少し", "もっと", "かなり", "さらに", "若干", "よほど", "一層"}
)
"""Adverbs of degree between より and the quality compared (よりやや小さい)."""


def _quality(token: japanese.Token) -> bool:
    """An adjective, an adverb or an adjectival noun: what a より-comparison compares."""
    return token.pos in ("形容詞", "副詞") or (token.pos == "名詞" and token.pos1 == "形容動詞語幹")
