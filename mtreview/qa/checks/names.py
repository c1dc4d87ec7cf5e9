"""Names: a person rendered as a company, and one English name rendered several ways in a document."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.analysis.lookup import lower_words, renders_a_word
from mtreview.qa.base import Check, Finding, KeyIndex, Observation, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.entities import is_acronym
from mtreview.qa.jtext import KATAKANA_RUN, english_sounds, first_sound, katakana_full, name_similarity
from mtreview.qa.latin import LETTERS, LOWER, UPPER

# X社 (not 社会 society, 社交, 社説, 社是), 株式会社X, X株式会社, X Inc.
_KATA = r"[\u30a1-\u30fa\u30fc\u30fb＝=]+"
_LATIN = r"[A-Za-z][A-Za-z0-9&'’.\-]*(?: [A-Z][A-Za-z0-9&'’.\-]*)*"
COMPANY_AFTER = re.compile(
    rf"(?P<name>{_KATA}|{_LATIN})\s?(?P<suffix>株式会社|有限会社|合同会社|社(?![会交説是団長員内外屋宅])|"
    r"コーポレーション|インコーポレイテッド|ホールディングス|グループ|"
    r"Inc\.?|Corp\.?|Co\.,? ?Ltd\.?|Ltd\.?|LLC)"
)
COMPANY_BEFORE = re.compile(
    rf"(?P<suffix>株式会社|有限会社|合同会社|\(株\)|（株）)\s?(?P<name>{_KATA}|{_LATIN})"
)
NAME_PARTS = re.compile(r"[^・=＝\s]+")
LATIN_NAME = re.compile(
    rf"[{UPPER}](?<![{LETTERS}][{UPPER}])[{LOWER}]+(?:[{UPPER}][{LOWER}]+)*(?![{LETTERS}])"
)


def _best_token(part: str, tokens: Iterable[str], threshold: float) -> tuple[str | None, float]:
    best, score = None, 0.0
    ascii_part = part.isascii()
    sound = "" if ascii_part else first_sound(katakana_full(part))
    for token in tokens:
        if part == token:
            return token, 1.0
        if ascii_part:
            s = 1.0 if part.lower() == token.lower() else 0.0
        elif sound not in english_sounds(token):
            continue
        else:
            s = name_similarity(token, part)
        if s > score or (s == score and best is not None and token < best):  # ties: the same in every run
            best, score = token, s
    return (best, score) if score >= threshold else (None, score)


class NameAsCompany(Check):
    id = "name-as-company"
    name = N_("Person's name rendered as a company")
    description = N_(
        "A person named in the source is rendered with a company suffix (社, 株式会社…) in the "
        "translation. Persons are recognised from full names with known given names, speaker "
        "labels, titles and pronouns, organisations from suffixes (Inc., Labs…) and context; "
        "the project glossary's entity types override both."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    parameters: ClassVar[Mapping[str, Any]] = {"threshold": 0.8, "local_threshold": 0.65}

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        target = segment.target
        if (
            "社" not in target
            and "株" not in target
            and not re.search(r"Inc|Corp|Ltd|LLC|コーポ|ホールディ|グループ", target)
        ):
            return
        threshold = float(self.params["threshold"])
        local_threshold = float(self.params["local_threshold"])
        mentions = doc.mentions.get(segment.id, [])
        local = [t for m in mentions for t in m.tokens]
        entities = doc.entities
        for pattern in (COMPANY_AFTER, COMPANY_BEFORE):
            for m in pattern.finditer(target):
                name = m.group("name")
                parts = [p for p in NAME_PARTS.findall(name) if p]
                if not parts:
                    continue
                persons: list[str] = []
                org_hit = False
                for part in parts:
                    # a name of this very segment needs less similarity (テイト for Tate) than one of
                    # the whole document
                    token, _score = _best_token(part, local, local_threshold)
                    if token is None:
                        # the name may sit in a neighbouring segment (alignment): accept strong matches only
                        token, _score = _best_token(part, entities.names, max(threshold, 0.88))
                    if token is None:
                        continue
                    kind = entities.kind(token)
                    if kind == "name" and doc.honorific(part):
                        kind = "person"  # the translation itself calls it 氏/さん elsewhere
                    if kind == "person":
                        persons.append(token)
                    elif kind == "org":
                        org_hit = True
                if persons and not org_hit:
                    bare = name.strip()
                    yield self.finding(
                        segment,
                        Side.TARGET,
                        m.start(),
                        m.end(),
                        _(
                            "“{name}” is a person in the source, but the translation makes it a company "
                            "({suffix})."
                        ).format(name=" ".join(dict.fromkeys(persons)), suffix=m.group("suffix")),
                        bare,
                    )


class NameConsistency(Check):
    id = "name-consistency"
    name = N_("Name and term consistency")
    description = N_(
        "The same English name is rendered differently in different segments (katakana "
        "variants such as カーノフスキー/カルノフスキー, or the Latin name in some places and "
        "katakana in others). The minority renderings are reported with the majority one as the "
        "suggestion."
    )
    category = "Terminology/Inconsistent use of terminology"
    severity = Severity.MINOR
    document_level = True
    parameters: ClassVar[Mapping[str, Any]] = {"threshold": 0.8, "min_letters": 3}

    def observe(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Observation]:
        target = segment.target
        if not target:
            return
        min_letters = int(self.params["min_letters"])
        local = {
            t
            for m in doc.mentions.get(segment.id, [])
            for t in m.tokens
            if len(t) >= min_letters and t.isalpha() and not is_acronym(t)
        }
        for e in doc.context.glossary.entries:
            if e.type in ("person", "org", "product") and " " not in e.source and e.source in segment.source:
                local.add(e.source)
        names = doc.entities.names
        for m in LATIN_NAME.finditer(target):
            token = m.group()
            if token in local or (token in names and len(token) >= min_letters and not is_acronym(token)):
                yield token.lower(), (token, m.start(), m.end(), token)
        threshold = float(self.params["threshold"])
        source_words: frozenset[str] | None = None
        for run in KATAKANA_RUN.finditer(target):
            for part in NAME_PARTS.finditer(run.group()):
                text = part.group().strip("ー")
                if len(text) < 2:
                    continue
                if source_words is None:
                    source_words = lower_words(segment.source)
                if renders_a_word(part.group(), source_words):
                    continue  # ガラス for the "glass" of the English, not "Gareth"
                best, _score = _best_token(text, local, threshold)
                if best is None:
                    # alignment may have put the English name in a neighbouring segment
                    best = doc.fallback_names.get(text, "")
                    if best == "":
                        best, _score = _best_token(text, doc.name_candidates(text), max(threshold, 0.88))
                        if best is not None and doc.entities.kind(best) not in ("person", "org"):
                            best = None  # only known persons and organisations (Flow is not フロー)
                        doc.fallback_names[text] = best
                if best is not None:
                    start = run.start() + part.start()
                    yield best.lower(), (best, start, start + len(part.group()), part.group())

    def item_class(self, item: Any) -> Hashable:
        rendering: Hashable = item[3]
        return rendering

    def decision(self, key: Hashable, index: KeyIndex) -> Hashable:
        counts = index.counts(key)
        if len(counts) < 2:
            return None
        majority: Hashable = _majority(counts)
        return majority

    def judge(
        self, key: Hashable, observations: Mapping[str, list[Any]], doc: DocumentFacts, index: KeyIndex
    ) -> Iterable[Finding]:
        counts = index.counts(key)
        if len(counts) < 2:
            return
        majority = _majority(counts)
        for sid, items in observations.items():
            segment = doc.segments[sid]
            for token, start, end, rendering in items:
                if rendering == majority:
                    continue
                yield self.finding(
                    segment,
                    Side.TARGET,
                    start,
                    end,
                    _("“{name}” is rendered {this} here but {majority} in {n} other place(s).").format(
                        name=token, this=rendering, majority=majority, n=counts[majority]
                    ),
                    majority,
                )


def _majority(counts: Mapping[Hashable, int]) -> Any:
    """The most frequent rendering; ties go to the katakana one, then the first in code-point order."""
    return min(counts, key=lambda r: (-counts[r], str(r).isascii(), str(r)))
