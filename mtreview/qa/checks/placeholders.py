"""Placeholders and markup: printf (``%s``, ``%1$d``), braces (``{0}``, ``{name}``), ``${x}``, HTML/XML tags
and entities, and inline code must be in the translation as often as in the source.

Each kind is compared as a multiset of its exact text; a placeholder missing from the translation is
reported on the source (the translation has nowhere to point), one the source lacks on the target.
Malformed placeholders (an unclosed brace, a lone ``%``) are simply not placeholders.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts

PLACEHOLDER = re.compile(
    r"(?P<printf>%(?:\d{1,2}\$)?[-+ 0#]{0,3}(?:\d{1,3})?(?:\.\d{1,3})?(?:l|ll|h|z)?[sdifuxXeEgGcop@])"
    r"|(?P<dollar>\$\{[A-Za-z_][\w.]{0,40}\})"
    r"|(?P<brace>\{\{?[A-Za-z_0-9][\w.:,\- ]{0,40}\}?\})"
    r"|(?P<tag></?[A-Za-z][\w:-]{0,20}(?:\s+[\w:-]+(?:=(?:\"[^\"<>]{0,200}\"|'[^'<>]{0,200}'|[^\s>]{1,50}))?){0,10}\s*/?>)"
    r"|(?P<entity>&(?:[A-Za-z]{2,10}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});)"
    r"|(?P<code>`[^`\n]{1,80}`)"
)
QUICK = re.compile(r"[%{}<>&`$]")
KIND_NAMES = {
    "printf": N_("placeholder"),
    "dollar": N_("placeholder"),
    "brace": N_("placeholder"),
    "tag": N_("tag"),
    "entity": N_("entity"),
    "code": N_("inline code"),
}


def placeholders(text: str) -> list[re.Match[str]]:
    if QUICK.search(text) is None:
        return []
    out = []
    for m in PLACEHOLDER.finditer(text):
        if m.lastgroup == "printf":
            # "50% off", "100%s" — a percent after a digit is a percentage, not a format
            if m.start() > 0 and text[m.start() - 1].isdigit():
                continue
            if (
                m.group().endswith(("o", "c", "e", "i", "a"))
                and m.end() < len(text)
                and text[m.end()].isalpha()
            ):
                continue
            if len(m.group()) > 2 and m.group()[1] == " ":
                continue
        out.append(m)
    return out


class Placeholders(Check):
    id = "placeholders"
    name = N_("Placeholders and markup")
    description = N_(
        "Format placeholders (%s, %1$d, {0}, {name}, ${x}), HTML/XML tags, entities and inline code "
        "missing from the translation or added to it."
    )
    category = "Accuracy/Omission"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source, segment.target
        if not target or (QUICK.search(source) is None and QUICK.search(target) is None):
            return
        src = placeholders(source)
        tgt = placeholders(target)
        if not src and not tgt:
            return
        src_count = Counter(m.group() for m in src)
        tgt_count = Counter(m.group() for m in tgt)
        if src_count == tgt_count:
            return
        missing = src_count - tgt_count
        extra = tgt_count - src_count
        for m in src:
            if missing[m.group()] > 0:
                missing[m.group()] -= 1
                yield self.finding(
                    segment,
                    Side.SOURCE,
                    m.start(),
                    m.end(),
                    _("The {kind} “{text}” is missing from the translation.").format(
                        kind=_(KIND_NAMES[m.lastgroup or "printf"]), text=m.group()
                    ),
                )
        for m in tgt:
            if extra[m.group()] > 0:
                extra[m.group()] -= 1
                yield self.finding(
                    segment,
                    Side.TARGET,
                    m.start(),
                    m.end(),
                    _("The {kind} “{text}” is not in the source.").format(
                        kind=_(KIND_NAMES[m.lastgroup or "printf"]), text=m.group()
                    ),
                    category="Accuracy/Addition",
                )
