"""Glossary terms, forbidden terms and false friends."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts


class GlossaryCheck(Check):
    id = "glossary"
    name = N_("Glossary and forbidden terms")
    description = N_(
        "A source term from the project glossary whose required Japanese rendering is missing, "
        "a rendering the glossary forbids, and false friends (ナイーブ for “naive”, マンション for "
        "“mansion”) from the shipped, user-extendable list."
    )
    category = "Terminology/Inappropriate for context"
    severity = Severity.MINOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        target = segment.target
        if not target:
            return
        glossary = self.context.glossary
        for entry, s_start, s_end in glossary.matches(segment.source):
            for bad in entry.forbidden:
                for m in re.finditer(re.escape(bad), target):
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        m.start(),
                        m.end(),
                        _("“{bad}” is a forbidden rendering of “{term}”.").format(bad=bad, term=entry.source),
                        entry.targets[0] if entry.targets else None,
                        severity=Severity.MAJOR,
                    )
            if entry.targets and not any(t in target for t in entry.targets):
                if entry.type != "term" and entry.source in target:
                    continue  # a name kept in Latin script is not a terminology error
                yield self.finding(
                    segment,
                    Side.SOURCE,
                    s_start,
                    s_end,
                    _("Glossary: “{term}” should be rendered {targets}.").format(
                        term=entry.source, targets=" / ".join(entry.targets)
                    ),
                    entry.targets[0],
                )
        lower = None
        for term in self.context.lexicons.false_friends:
            if term.forbidden not in target:
                continue
            if term.source is not None:
                if lower is None:
                    lower = segment.source
                if not term.source.search(lower):
                    continue
            hit = re.search(re.escape(term.forbidden), target)
            if hit is None:
                continue
            message = _("“{term}” is a false friend here.").format(term=term.forbidden)
            if term.note:
                message += " " + term.note
            yield self.finding(
                segment,
                Side.TARGET,
                hit.start(),
                hit.end(),
                message,
                term.suggestion or None,
                severity=Severity.MAJOR,
                category="Accuracy/Mistranslation",
            )
