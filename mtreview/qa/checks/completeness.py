"""Additions (parenthetical glosses the source does not have) and omissions (empty or too-short targets)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts, length_ratio

HAS_LETTER = re.compile(r"[A-Za-z]")
TARGET_PARENS = re.compile(r"[(（]([^()（）]{1,200})[)）]")
SOURCE_PARENS = re.compile(r"[(\[]([^()\[\]]{1,300})[)\]]")
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
    parameters: ClassVar[Mapping[str, Any]] = {"max_gloss_chars": 24}

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        target = segment.target
        if "(" not in target and "（" not in target:
            return
        groups = list(TARGET_PARENS.finditer(target))
        if not groups:
            return
        source_groups = [m.group(1) for m in SOURCE_PARENS.finditer(segment.source)]
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
        "Empty translations, source paragraphs with no translation, and translations much "
        "shorter than the document's own length ratio suggests."
    )
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    parameters: ClassVar[Mapping[str, Any]] = {
        "min_source_chars": 40,
        "min_segments": 10,
        "fence": 2.0,
        "min_factor": 2.2,
        "prior_median": math.log(0.45),
        "prior_iqr": 0.45,
    }

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source = segment.source.strip()
        if not HAS_LETTER.search(source):
            return
        if not segment.target.strip():
            yield self.finding(segment, Side.SOURCE, None, None, _("The source has no translation."))
            return
        if len(source) < int(self.params["min_source_chars"]):
            return
        ratio = length_ratio(segment.source, segment.target)
        if ratio is None:
            return
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
            share = math.exp(ratio - median)
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
