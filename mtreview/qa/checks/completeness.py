"""Additions and omissions.

* ``addition``: parenthetical glosses the source does not have, and whole Japanese sentences none of whose
  words has a counterpart in the English (``analysis.coverage``) while the rest of the paragraph has;
* ``omission``: empty targets; English clauses or sentences none of whose content words has a
  counterpart in the Japanese while the rest of the paragraph has (the English span is reported); and,
  where the dictionary cannot say, translations much shorter than the document's own length ratio.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis import english, japanese
from mtreview.qa.analysis.coverage import Coverage, coverage
from mtreview.qa.analysis.pairs import sentence_pairs
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.checks.appositive import dropped_appositives
from mtreview.qa.checks.completeness_glosses import (
    WEEKDAY_MARK,
    abbreviation_of_word_before,
    figures_in_source,
    initials_of,
    synonym_of_word_before,
)
from mtreview.qa.checks.dropped_phrases import free_units, pieces, uncovered_runs
from mtreview.qa.checks.idioms import has_idiom
from mtreview.qa.checks.numbers import UNITS_TENS
from mtreview.qa.checks.units import conversion_notes
from mtreview.qa.context import DocumentFacts, length_ratio

HAS_LETTER = re.compile(r"[A-Za-z]")
ADDED_TIME = re.compile(
    r"(?:昨|今|来|前|翌|先|同)(?:年|年度|月|週|春|夏|秋|冬|季)|[春夏秋冬]|年[内末初明]|年度内|月内|近く|近日|今後"
)
"""A Japanese word of time a translation may add with a sentence of its own (昨年, 夏ごろ, 年内)."""
PRIOR_MEDIAN = math.log(0.49)
PRIOR_IQR = 0.34
"""Length ratio (Japanese/English characters, log) of English→Japanese MT where a document is too short to
give its own: median and interquartile range of the WMT21 en-ja dev pairs (1,000 sentences)."""
TARGET_PARENS = re.compile(r"[(（]([^()（）]{1,200})[)）]")
SOURCE_PARENS = re.compile(r"[(\[]([^()\[\]]{1,300})[)\]]")
SOURCE_DASHES = re.compile(r"(?:—| – | -- )\s*([^—–()\[\]]{1,300}?)\s*(?:—| – | -- )")
"""An aside between a pair of em dashes, or of spaced en dashes or double hyphens (not a range: 10–12)."""
RELATIVE_ASIDE = re.compile(r"(?:who|which|whose|whom)\b")
"""How a dropped relative clause's span opens (``Omission._dropped_asides``)."""
SOURCE_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s+([^,;.!?]{3,300}),")
"""A non-restrictive relative clause between commas: an aside Japanese often sets in brackets."""
PERIOD_NUMBERS = {w: v for w, v in UNITS_TENS.items() if 3 <= v <= 11}
SPELLED_PERIOD = re.compile(
    rf"\b((?i:{'|'.join(PERIOD_NUMBERS)}))\s+(?:more\s+|full\s+|consecutive\s+|straight\s+)?"
    r"(years?|months?|weeks?|decades?)\b"
)
"""A number of years, months, weeks or decades spelled out (not "two": 両, 二度 often render it; not a title
in capitals, "Five Years")."""
_NOT_COUNTED = r"(?!(?:times|years|months|weeks|decades)\b)"
SPELLED_COUNT = re.compile(
    rf"\b((?i:{'|'.join(PERIOD_NUMBERS)}))\s+(?:{_NOT_COUNTED}[a-z]+\s+)?{_NOT_COUNTED}"
    r"[a-z]{3,}s\b(?![-'’]|\s+a\s+(?:day|week|month|year)\b)"
)
"""A count of things spelled out ("at its three sites", "four new stores"): three to eleven, a plural noun
at most one word after it (not a period, which ``SPELLED_PERIOD`` reads, nor "three times", "seven days a
week"; nor what ``COUNT_UNSAID`` leaves out)."""
COUNT_UNSAID = re.compile(
    r"\b(?:of\s+(?:the|its|his|her|their|our|these|those|[A-Z][\w'’]*['’]s)|in|out\s+of)\s+$"
)
"""Before a count Japanese often leaves unsaid: a partitive's whole ("one of its three sites"), a ratio's
denominator ("three in ten voters": 3割)."""
PERIOD_WORDS = {
    (6.0, "m"): ("半年",),
    (3.0, "m"): ("四半期",),
    (10.0, "y"): ("10年", "十年"),
    (4.0, "w"): ("1カ月", "1か月", "1ヶ月", "ひと月", "一カ月"),
    (5.0, "d"): ("半世紀",),
    (10.0, "d"): ("1世紀", "一世紀"),
}
"""Japanese words that say a period without its number: 半年 (six months), 四半期 (three)."""
TOKENS = re.compile(r"[A-Za-z][A-Za-z0-9\-]+|\d+(?:\.\d+)?")
TERM_CHAR = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z0-9」』]")
# A restructured clause rather than a gloss: punctuation, a polite predicate, or a hiragana ending (a gloss
# is a noun phrase, relative clauses included: 義務論, ものづくりのための共同作業場, 試合の流れを変えるもの).
CLAUSE_MARKS = re.compile(r"ます|です|、|。|[\u3040-\u309f]$(?<!もの|こと|など|たち)(?<!ところ)")


class Addition(Check):
    id = "addition"
    name = N_("Added glosses")
    description = N_(
        "Parenthetical glosses or explanations in the translation that have no counterpart in "
        "the source, such as a katakana word followed by its meaning in brackets."
    )
    category = "Accuracy/Addition"
    severity = Severity.MINOR
    parameters: ClassVar[Mapping[str, Any]] = {
        "max_gloss_chars": 24,
        "min_units": 2,
        "max_share": 0.15,
        "min_rest_share": 0.35,
        "long_gate": 0.1,
        "short_rest_share": 0.6,
        "min_segments": 10,
        "prior_median": PRIOR_MEDIAN,
    }

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        yield from self._glosses(segment)
        yield from self._sentences(segment, doc)

    def _sentences(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        """A Japanese sentence with no counterpart in the English, in a paragraph that is otherwise
        translated."""
        source, target = segment.source, segment.target
        if not source.strip() or not japanese.has_sentence_break(target):
            return
        spans = japanese.sentences(target)
        english_sentences = len(english.sentences(source))
        if len(spans) < 2 or len(spans) <= english_sentences:
            return  # an added sentence makes the translation longer by a sentence
        ratio = length_ratio(source, target)
        if ratio is None:
            return
        # …and longer than this document's translations usually are; a short added sentence need not make
        # it so, when nothing in it is its own rendering of the English and the rest is well covered
        long = ratio >= _median(doc, self.params) + float(self.params["long_gate"])
        # (one long sentence is often split in three, another in two: a short addition needs two sentences
        # more than an English paragraph of several — or a sentence none of whose four words or more is
        # found in the English, all of which the other sentences render: only a split may say so little)
        split = not long and (english_sentences < 2 or len(spans) < english_sentences + 2)
        cov = coverage(source, target)
        if not cov.available:
            return
        total_c, total_n = cov.target_ratio()
        english_left = sum(1 for w in cov.words if not w.hits)
        if split and cov.source_ratio()[1] < 5:
            return
        verbs: list[int] | None = None  # where the unmatched verbs start (made once: linear time)
        for js, je in spans:
            c, n = cov.target_ratio(js, je)
            own = cov.target_own(js, je)[0]
            # a sentence of five words or more that renders nothing of the English of its own (at most the
            # topic another sentence renders: 組合は…), more of them than the English words nothing matched
            # could account for: no part of a split
            clear = own == 0 and c <= 1 and n >= 5 and (n - c) - english_left >= 3
            # a sentence of nothing of its own that says when, where the English does not (昨年, 夏ごろ)
            timed = (
                own == 0
                and n - c >= 2
                and any(not u.covered and ADDED_TIME.fullmatch(u.text) for u in cov.units_in(js, je))
            )
            # (a sentence that says when is reported whatever the gates of a split or a chance match say)
            if not (timed and _rest_covered(total_c - c, total_n - n, self.params)):
                if split and (english_left > 1 or c > 0 or n < 4) and not clear:
                    continue
                if n - c < 2 or not (_uncovered(own, n, self.params) or (own == 1 and n - own >= 3)):
                    # it renders something of the English that no other sentence does (one chance match
                    # among three unmatched words or more does not: 転作 "change", 財源 "finance")
                    continue
                numbers = (u for u in cov.units_in(js, je) if u.kind == "num" and u.covered)
                if own == 1 and c >= 2 and any(cov.target_own(u.start, u.end)[0] for u in numbers):
                    continue  # a number of its own beside another rendering: no chance match (…11カ所あった)
                if not _rest_covered(total_c - c, total_n - n, self.params):
                    continue
                if not long and (
                    own > 0 or c > 1 or (total_c - c) < float(self.params["short_rest_share"]) * (total_n - n)
                ):
                    continue  # a short addition: nothing of its own, the rest of the paragraph well covered
                # English words nothing matched may be what its words render, unless the other sentences'
                # unmatched words account for them (their verbs too: 使わせる, 買わない are no units)
                if verbs is None:
                    verbs = _unmatched_verbs(cov, target)
                inside = bisect.bisect_left(verbs, je) - bisect.bisect_left(verbs, js)
                other_left = (total_n - total_c) - (n - c) + len(verbs) - inside
                if (n - c) - max(0, english_left - other_left) < 2:
                    continue
            yield self.finding(
                segment,
                Side.TARGET,
                js,
                je,
                _("This sentence has no counterpart in the source."),
                "",
                severity=Severity.MAJOR,
            )

    def _glosses(self, segment: SegmentInput) -> Iterable[Finding]:
        target = segment.target
        if "(" not in target and "（" not in target:
            return
        groups = list(TARGET_PARENS.finditer(target))
        if not groups:
            return
        source_groups = [m.group(1) for m in SOURCE_PARENS.finditer(segment.source)]
        # an aside between dashes is often set in brackets in Japanese ("the ratio — dead as a share of all
        # counted — rose": 比率（…の割合）)
        source_groups += [m.group(1) for m in SOURCE_DASHES.finditer(segment.source)]
        max_chars = int(self.params["max_gloss_chars"])

        source_tokens = [{t.lower() for t in TOKENS.findall(s)} for s in source_groups]

        def shared(content: str) -> int:
            tokens = {t.lower() for t in TOKENS.findall(content)}
            return max((len(tokens & group) for group in source_tokens), default=0) if tokens else 0

        def gloss_score(m: re.Match[str]) -> float:
            content = m.group(1).strip()
            before = target[m.start() - 1] if m.start() > 0 else " "
            score = 0.0
            if TERM_CHAR.match(before):
                score += 2
            if len(content) <= max_chars:
                score += 1
            if not CLAUSE_MARKS.search(content):
                score += 1
            return score - 3 * shared(content)

        # the source's own parentheses account for as many target groups, least gloss-like first
        if len(source_groups) >= len(groups):
            return
        ranked = sorted(groups, key=gloss_score)
        unmatched = ranked[len(source_groups) :]
        for m in sorted(unmatched, key=lambda g: g.start()):
            content = m.group(1).strip()
            before = target[m.start() - 1] if m.start() > 0 else " "
            if not TERM_CHAR.match(before) or len(content) > max_chars or CLAUSE_MARKS.search(content):
                continue  # a restructured clause, not a gloss
            if WEEKDAY_MARK.fullmatch(content):
                continue  # a date's weekday: 9月4日（月）
            if figures_in_source(content, segment.source):
                continue  # the source's own figures, set in brackets: 被告（52）
            if any(a <= m.start() and m.end() <= b for a, b in conversion_notes(target)):
                continue  # the quantity before it in another unit: 3200フィート（約975メートル）
            if initials_of(content, segment.source):
                continue  # the English words' usual abbreviation: 最高経営責任者（CEO）, 世界保健機関（WHO）
            if abbreviation_of_word_before(content, target, m.start()):
                continue  # the abbreviation of the word it follows: 電気自動車（EV） for "electric car"
            if synonym_of_word_before(content, segment.source, target, m.start()):
                continue  # another name of the English word the word before renders: レアアース（希土類）
            if _names_the_source_says(segment.source, target, m.start(), m.end()):
                continue  # "flight LK417, an Airbus A320," → LK417便（エアバスA320）
            if _renders_an_aside(segment.source, target, m.start(), m.end()):
                continue  # ", which compares assets with pensions," → 比率（資産を年金給付と比べた指標）
            yield self.finding(
                segment,
                Side.TARGET,
                m.start(),
                m.end(),
                _("Parenthetical “{text}” has no counterpart in the source.").format(text=m.group()),
                "",
            )


class Omission(Check):
    id = "omission"
    name = N_("Omissions")
    description = N_(
        "Empty translations; English clauses or sentences with no counterpart in the translation, and "
        "periods spelled out (“repayable over five years”) whose number it does not have; translations much "
        "shorter than the document's own length ratio suggests."
    )
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    parameters: ClassVar[Mapping[str, Any]] = {
        "min_source_chars": 40,
        "min_segments": 10,
        "fence": 2.0,
        "min_factor": 2.2,
        "prior_median": PRIOR_MEDIAN,
        "prior_iqr": PRIOR_IQR,
        "min_words": 5,
        "min_units": 2,
        "max_share": 0.2,
        "min_rest_share": 0.35,
        "min_rest_share_long": 0.6,
        "min_sentence_words": 5,
        "max_short_coverage": 0.7,
        "short_gate": 0.15,
        "aside_gate": 0.05,
        "max_garbled": 0.4,
    }

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        found = list(self._omissions(segment, doc))
        yield from found
        if segment.target.strip() and ", " in segment.source and not any(f.start is None for f in found):
            reported = [(f.start, f.end) for f in found if f.start is not None and f.end is not None]
            for start, end in dropped_appositives(segment.source, segment.target):
                if not any(a < end and start < b for a, b in reported):
                    yield self.finding(
                        segment,
                        Side.SOURCE,
                        start,
                        end,
                        _(
                            "The description “{text}” of the name before it is missing from the translation."
                        ).format(text=segment.source[start:end]),
                    )
        spelled = SPELLED_PERIOD.search(segment.source) or SPELLED_COUNT.search(segment.source)
        if segment.target.strip() and spelled:
            spans = [(f.start, f.end) for f in found if f.start is not None and f.end is not None]
            for p in self._periods(segment):  # (a period inside a clause reported dropped is that clause's)
                at = p.start or 0
                if not any(a <= at < b for a, b in spans):
                    yield p

    def _omissions(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source = segment.source.strip()
        if not HAS_LETTER.search(source):
            return
        if not segment.target.strip():
            yield self.finding(segment, Side.SOURCE, None, None, _("The source has no translation."))
            return
        shortfall = self._shortfall(segment, doc)
        usual = shortfall is not None and shortfall <= float(self.params["short_gate"])
        # as long as this document's translations usually are, but with fewer sentences: one may be left out
        sentences_only = usual and _fewer_sentences(source, segment.target)
        gate = float(self.params["aside_gate" if sentences_only else "short_gate"])
        if shortfall is None or shortfall <= gate:
            if shortfall is not None and shortfall > float(self.params["aside_gate"]):
                yield from self._dropped_asides(segment)
            return  # about as long as this document's translations usually are: nothing is missing from it
        cov = coverage(segment.source, segment.target)
        if cov.available:
            dropped = list(self._dropped(segment, cov, sentences_only))
            if sentences_only:  # as long as usual, but with fewer sentences: a sentence left out, or an aside
                yield from dropped or self._dropped_asides(segment)
                return
            if dropped:
                yield from dropped
                return
            covered, total = cov.source_ratio()
            if total >= int(self.params["min_words"]) and covered / total < float(self.params["max_garbled"]):
                yield self.finding(
                    segment,
                    Side.SOURCE,
                    None,
                    None,
                    _(
                        "The translation is short and little of the English is found in it ({pct:.0%} of its "
                        "words): much of the source may be missing or mistranslated."
                    ).format(pct=covered / total),
                )
                return
        if len(source) < int(self.params["min_source_chars"]):
            return
        share = self._short(segment, doc)
        if share is None:
            return
        if cov.available:
            covered, total = cov.source_ratio()
            if total and covered / total >= float(self.params["max_short_coverage"]):
                return  # short, but every part of the English is accounted for: a terse translation
        yield self.finding(
            segment,
            Side.SOURCE,
            None,
            None,
            _(
                "The translation is much shorter than usual in this document ({pct:.0%} of the typical "
                "length): part of the source may be missing."
            ).format(pct=share),
            severity=Severity.MINOR,
        )

    def _periods(self, segment: SegmentInput) -> Iterable[Finding]:
        """A period spelled out ("repayable over five years") whose number is nowhere in the translation
        (5年, 五年; 40年 for four decades; 半年 for six months, 四半期 for three): a phrase dropped, however
        short."""
        from mtreview.qa.checks.numbers import japanese_quantities

        source, target = segment.source, segment.target
        values = {q.value for q in japanese_quantities(target)}

        def dropped_period(m: re.Match[str]) -> bool:
            value = PERIOD_NUMBERS[m.group(1).lower()]
            return not (
                value in values
                or (m.group(2)[:1].lower() == "d" and value * 10 in values)
                or any(w in target for w in PERIOD_WORDS.get((value, m.group(2)[:1]), ()))
            )

        def dropped_count(m: re.Match[str]) -> bool:
            # (a count spelled out the same way: "at its three sites")
            unsaid = COUNT_UNSAID.search(source, max(0, m.start() - 30), m.start())
            return PERIOD_NUMBERS[m.group(1).lower()] not in values and unsaid is None

        for pattern, dropped in ((SPELLED_PERIOD, dropped_period), (SPELLED_COUNT, dropped_count)):
            for m in filter(dropped, pattern.finditer(source)):
                yield self.finding(
                    segment,
                    Side.SOURCE,
                    m.start(),
                    m.end(),
                    _("“{text}” has no counterpart in the translation.").format(text=m.group()),
                )

    def _dropped(
        self, segment: SegmentInput, cov: Coverage, sentences_only: bool = False
    ) -> Iterable[Finding]:
        """English clauses (or sentences) with no counterpart, in a paragraph otherwise translated."""
        source = segment.source
        total_c, total_n = cov.source_ratio()
        if total_n < int(self.params["min_words"]):
            return
        sentences = english.sentences(source)
        spans: list[tuple[int, int]] = []
        for ss, se in sentences:
            parts = english.clauses(source, ss, se)
            if len(sentences) > 1:
                spans.append((ss, se))
            if len(parts) > 1:
                spans.extend(parts)
        spans.extend(uncovered_runs(cov, sentences, spans))
        spans.extend(pieces(cov, sentences, spans))
        whole = set(sentences) if len(sentences) > 1 else set()
        min_words = int(self.params["min_sentence_words"])
        reported: list[tuple[int, int]] = []
        pairs = sentence_pairs(source, segment.target)
        occurrences = Counter(w.lemma for w in cov.words)
        renderings: dict[int, int] = {}
        counted: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        for start, end in spans:
            if any(rs <= start and end <= re_ for rs, re_ in reported):
                continue
            if sentences_only and not (
                (start, end) in whole and len(_LATIN_WORD.findall(source, start, end)) >= min_words
            ):
                continue  # (the translation is as long as usual: only a whole sentence can be missing)
            if (start, end) in whole and has_idiom(source[start:end], self.context.idiom_index):
                continue  # an idiom's sentence is said freely ("The writing was on the wall": 目に見えていた)
            c, n = cov.source_own(start, end)
            if whole:  # a sentence or a clause of a paragraph of several sentences
                c = min(c, rendered_here(cov, start, end, occurrences, renderings))
            if c > 0 and n >= 3 and not any(w.strong for w in cov.words_in(start, end)):
                c = 0  # only loose matches (骨折 for "taken"): nothing of the clause is rendered for sure
            if not (
                _uncovered(c, n, self.params)
                or (c == 0 < n and (start, end) in whole and _negates(source, start, end))
                or (c == 0 < n and sentences_only)  # a whole sentence left out: "Thank you for your help."
            ) or not _rest_covered(total_c - c, total_n - n, self.params, sentences_only):
                continue  # (a dropped sentence that negates is one however short: "It was not approved.")
            if _unexplained_target(cov, pairs, start, end, counted) * 2 > n:
                continue  # the translation has unmatched words enough to render it freely ("gut punch")
            start, end = _trim(source, start, end)
            reported.append((start, end))
            yield self.finding(
                segment,
                Side.SOURCE,
                start,
                end,
                _("“{text}” has no counterpart in the translation.").format(text=source[start:end]),
            )

    def _dropped_asides(self, segment: SegmentInput) -> Iterable[Finding]:
        """A relative clause set off by a comma (", who owns a chain of garden centres") with no counterpart:
        an aside whose words the rest of the sentence seldom repeats, so that its loss needs to shorten the
        translation less (``aside_gate``) than a clause's before the clauses are weighed."""
        if ", wh" not in segment.source:
            return
        cov = coverage(segment.source, segment.target)
        if cov.available:
            yield from (f for f in self._dropped(segment, cov) if RELATIVE_ASIDE.match(f.text or ""))

    def _shortfall(self, segment: SegmentInput, doc: DocumentFacts) -> float | None:
        """A cheap test before the coverage: how much shorter than the document's median (log length ratio)
        the translation is; a clause dropped from a paragraph leaves it short by ``short_gate`` at least."""
        ratio = length_ratio(segment.source, segment.target)
        return None if ratio is None else _median(doc, self.params) - ratio

    def _short(self, segment: SegmentInput, doc: DocumentFacts) -> float | None:
        """The pair's length as a share of the document's typical one, when it is a short outlier."""
        ratio = length_ratio(segment.source, segment.target)
        if ratio is None:
            return None
        stats = doc.ratios
        if len(stats) >= int(self.params["min_segments"]):
            q1, median, q3 = stats.quartiles()
            iqr = max(q3 - q1, 0.15)
        else:
            median, iqr = float(self.params["prior_median"]), float(self.params["prior_iqr"])
            q1 = median - iqr / 2
        fence = min(
            q1 - float(self.params["fence"]) * iqr, median - math.log(float(self.params["min_factor"]))
        )
        if ratio < fence:
            return math.exp(ratio - median)
        return None


def _renders_an_aside(source: str, target: str, start: int, end: int) -> bool:
    """Whether the bracketed ``target[start:end]`` renders an English relative clause between commas: most
    (two or more) of its words have a counterpart inside the brackets."""
    asides = [m for m in SOURCE_RELATIVE.finditer(source)] if ", wh" in source else []
    if not asides:
        return False
    cov = coverage(source, target)
    for aside in asides:
        words = [w for w in cov.words_in(aside.start(1), aside.end(1)) if w.kind == "word"]
        inside = [w for w in words if any(start <= s and e <= end for s, e in w.hits)]
        if len(inside) >= 2 and 2 * len(inside) >= len(words):
            return True
    return False


def rendered_here(
    cov: Coverage, start: int, end: int, occurrences: Mapping[str, int], renderings: dict[int, int]
) -> int:
    """The words of a sentence (or clause) with a counterpart that is theirs: not a word the paragraph
    repeats in another sentence more often than the translation renders it ("…we know you are honest. I
    suspect you already know that." with one 知っている: the second sentence may be the one left out).
    ``renderings`` caches each word's count of distinct counterparts (by its hits), for linear time."""
    inside = cov.words_in(start, end)
    here = Counter(w.lemma for w in inside)
    count = 0
    for w in inside:
        if not w.hits:
            continue
        total = occurrences.get(w.lemma, 0)
        if total > here[w.lemma]:
            key = id(w.found)
            if key not in renderings:
                renderings[key] = len(set(w.found.strong or w.found.spans))
            if renderings[key] < total:
                continue  # repeated elsewhere, rendered fewer times than said: not evidence for this one
        count += 1
    return count


def _names_the_source_says(source: str, target: str, start: int, end: int) -> bool:
    """Whether everything in the brackets is a name, a Latin word or a number of the English (a model,
    a code: エアバスA320 for "an Airbus A320")."""
    cov = coverage(source, target)
    inside = [
        u for u in cov.units if start <= u.start and u.end <= end and u.kind in ("kanji", "kata", "latin")
    ]
    if not inside or any(not u.covered for u in inside):
        return False
    kinds = {w.lemma: w.kind for w in cov.words}
    return all(
        u.kind == "latin" or all(kinds.get(lemma) in ("name", "number") for lemma in u.lemmas) for u in inside
    )


def _median(doc: DocumentFacts, params: Mapping[str, Any]) -> float:
    """The document's median log length ratio (a prior for a document too short to have one)."""
    stats = doc.ratios
    if len(stats) >= int(params["min_segments"]):
        return stats.quartiles()[1]
    return float(params["prior_median"])


def _fewer_sentences(source: str, target: str) -> bool:
    """Whether the translation has fewer sentences than the English (one may have been left out)."""
    return len(japanese.sentences(target)) < len(english.sentences(source))


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _negates(source: str, start: int, end: int) -> bool:
    from mtreview.qa.checks.polarity import english_cues

    return bool(english_cues(source, start, end))


def _unmatched_verbs(cov: Coverage, target: str) -> list[int]:
    """Where the verbs written with kanji that no English word matched start (使わせる for "let … use"),
    in order: what English words nothing matched may render in the other sentences. One pass over the
    tokens and the sorted counterparts."""
    hits = cov.hit_spans()
    out = []
    k = 0
    reach = -1  # the furthest end of the counterparts that start before the token
    for t in japanese.tokens(target):
        while k < len(hits) and hits[k][0] < t.end:
            reach = max(reach, hits[k][1])
            k += 1
        if (
            t.pos == "動詞"
            and t.pos1 == "自立"
            and any("\u4e00" <= ch <= "\u9fff" for ch in t.surface)
            and reach <= t.start
        ):
            out.append(t.start)
    return out


def _uncovered(covered: int, total: int, params: Mapping[str, Any]) -> bool:
    """Whether a span with ``covered`` of ``total`` content items matched is missing from the other side."""
    if total < int(params["min_units"]):
        return False
    return covered == 0 or (total >= 5 and covered / total <= float(params["max_share"]))


def _rest_covered(covered: int, total: int, params: Mapping[str, Any], strict: bool = False) -> bool:
    """Whether the rest of the paragraph is translated (otherwise the pair is misaligned or mistranslated
    as a whole, which is not an omission of one part); ``strict`` for a translation as long as usual."""
    share = float(params["min_rest_share_long" if strict else "min_rest_share"])
    return total >= 3 and covered / total >= share


def _unexplained_target(
    cov: Coverage,
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    start: int,
    end: int,
    counted: dict[tuple[int, int, int, int], tuple[int, int]],
) -> int:
    """Japanese content units of the sentence paired with ``source[start:end]`` that match nothing
    (``free_units``), less the English words outside the span that match nothing (they may be what those
    units render).
    ``counted`` keeps each sentence pair's two counts: spans without a pair share the whole paragraph's,
    which is counted once (linear time)."""
    es, ee, js, je = 0, len(cov.source), 0, len(cov.target)
    for (ps, pe), (ts, te) in pairs:
        if ps <= start and end <= pe:
            es, ee, js, je = ps, pe, ts, te
            break
    if (es, ee, js, je) not in counted:
        counted[(es, ee, js, je)] = (
            free_units(cov, (js, je), (es, ee)),
            sum(1 for w in cov.words_in(es, ee) if not w.hits),
        )
    units, unmatched = counted[(es, ee, js, je)]
    inside = sum(1 for w in cov.words_in(max(start, es), min(end, ee)) if not w.hits)
    return units - (unmatched - inside)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:—–(\"'“‘":
        start += 1
    while end > start and text[end - 1] in " .,;:!?)\"'”’":
        end -= 1
    if end < len(text) and (
        (text[end] == '"' and text.count('"', start, end) % 2)
        or (text[end] == "”" and text.count("“", start, end) > text.count("”", start, end))
    ):
        end += 1  # the quotation the span opens ends with it: 'called the rota "unworkable"'
    return start, end
