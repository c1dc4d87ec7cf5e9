"""Idioms translated word for word, from the curated (user-extendable) idiom lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa import idiom_lemmas
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.lexicons import Idiom

WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")
HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
"""A hyphenated word (red-handed, eye-opener): an idiom's anchor as a whole."""


def _covered(target: str, start: int, end: int, accepted: tuple[str, ...]) -> bool:
    """The literal word is part of an accepted rendering (氷山 inside 氷山の一角)."""
    for phrase in accepted:
        for m in re.finditer(re.escape(phrase), target):
            if m.start() <= start and end <= m.end():
                return True
    return False


_KK = "\u4e00-\u9fff々\u30a1-\u30fa\u30fc"
_PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff\u30a1-\u30fa\u30fc])[をがはも](?=.)")


@lru_cache(maxsize=4096)
def _literal_re(literal: str) -> re.Pattern[str]:
    """A literal rendering with any case particle after a word: 針を動か matches 針は動かない and 針も動か."""
    if re.fullmatch("[\u4e00-\u9fff々]", literal):
        # a one-kanji literal is a word of its own, not a piece of one (脳 of 首脳 or 脳卒中, 豆 of 納豆)
        return re.compile(f"(?<![{_KK}]){re.escape(literal)}(?![{_KK}])")
    parts = []
    pos = 0
    for m in _PARTICLE.finditer(literal):
        parts.append(re.escape(literal[pos : m.start()]))
        parts.append("[をがはも]")
        pos = m.end()
    parts.append(re.escape(literal[pos:]))
    return re.compile("".join(parts))


_JOINT = re.compile(r"(?<=.)[をがはもにへで](?=.)")
_PUNCT = "、。，．！？「」『』（）\\s"


@lru_cache(maxsize=4096)
def _loose_re(literal: str) -> re.Pattern[str] | None:
    """A literal rendering of two words joined by a particle, with a few more characters on either side of
    the particle (後ろに反 matches 後ろ向きに体を反らせ): None for a literal without such a particle. Each
    piece stays a word of its own: no kanji or katakana continues it (not 方針 for 針, 指導 for 指, 上回 for
    回, 反対 for 反)."""
    pieces = _JOINT.split(literal)
    if len(pieces) < 2:
        return None
    joints = _JOINT.findall(literal)

    def word(piece: str) -> str:
        before = f"(?<![{_KK}])" if re.match(f"[{_KK}]", piece) else ""
        after = f"(?![{_KK}])" if re.search(f"[{_KK}]$", piece) else ""
        return before + re.escape(piece) + after

    parts = [word(pieces[0])]
    for joint, piece in zip(joints, pieces[1:], strict=True):
        parts.append(f"[^{_PUNCT}]{{0,3}}{joint}[^{_PUNCT}]{{0,3}}{word(piece)}")
    return re.compile("".join(parts))


def _literal_hits(literal: str, target: str) -> Iterable[re.Match[str]]:
    """Where a literal rendering stands in the target: as written (with any case particle), else loosely."""
    found = list(_literal_re(literal).finditer(target))
    if found:
        return found
    loose = _loose_re(literal)
    return loose.finditer(target) if loose is not None else ()


def _other_word(source: str, target: str, idiom: tuple[int, int], hit: tuple[int, int]) -> bool:
    """Whether the literal word is a piece of the exact rendering of an English word outside the idiom (脳 of
    首脳 for "leaders")."""
    from mtreview.qa.analysis.coverage import coverage

    cov = coverage(source, target)
    return any(
        not (idiom[0] <= w.start < idiom[1]) and any(a <= hit[0] and hit[1] <= b for a, b in w.found.strong)
        for w in cov.words
    )


class LiteralIdiom(Check):
    id = "literal-idiom"
    name = N_("Idiom translated literally")
    description = N_(
        "The source uses an English idiom and the translation contains the words of a literal "
        "rendering (氷を割る for “break the ice”, 豆をこぼす for “spill the beans”). The idiom lexicon ships "
        "with the application and can be extended by the user."
    )
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        target = segment.target
        if not target:
            return
        index = self.context.idiom_index
        lower = segment.source.lower()
        words = set(WORDS.findall(lower))
        if "-" in lower:
            words.update(HYPHENATED.findall(lower))
        candidates: dict[int, Idiom] = {}
        for word in words:
            for idiom in index.get(word, ()):
                candidates[id(idiom)] = idiom
        for idiom in candidates.values():
            if not any(next(iter(_literal_hits(literal, target)), None) for literal in idiom.literal):
                continue  # nothing word for word in the translation: the idiom cannot matter here
            m = idiom.pattern.search(segment.source) if idiom.required <= words else None
            if m is not None:
                found = m.group()
            else:
                # inflected or interrupted: "the ball was now firmly in their court"
                span = idiom_lemmas.match(idiom_lemmas.slots(idiom.words or idiom.idiom), segment.source)
                if span is None:
                    continue
                found = segment.source[span[0] : span[1]]
            hits: list[tuple[int, int, str, bool]] = []
            at = segment.source.find(found)
            for literal in idiom.literal:
                for lm in _literal_hits(literal, target):
                    if _other_word(segment.source, target, (at, at + len(found)), (lm.start(), lm.end())):
                        continue  # 赤レンガ for "red-brick" beside "brick-and-mortar"
                    if not _covered(target, lm.start(), lm.end(), idiom.accepted):
                        hits.append((lm.start(), lm.end(), lm.group(), lm.re is not _literal_re(literal)))
                        break
            if not hits:
                continue
            hits.sort()
            start, end, literal, loose = hits[0]
            suggestion = idiom.accepted[0] if idiom.accepted else None
            message = _("“{idiom}” seems translated word for word (“{literal}”).").format(
                idiom=found, literal=literal
            )
            if idiom.meaning:
                message += " " + _("It means: {meaning}.").format(meaning=idiom.meaning)
            if idiom.accepted:
                message += " " + _("Usual renderings: {accepted}.").format(accepted="、".join(idiom.accepted))
            # words apart (後ろ向きに体を反らせ) may be meant literally ("slowly bend over backwards" in a
            # yoga class): minor
            yield self.finding(
                segment,
                Side.TARGET,
                start,
                end,
                message,
                suggestion,
                severity=Severity.MINOR if loose else None,
            )
