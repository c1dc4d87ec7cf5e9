"""Idioms translated word for word, from the curated (user-extendable) idiom lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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


_OKURIGANA = re.compile(r"(?<=[^\u3041-\u309f])[\u3041-\u309f]+$")
"""A verb's or adjective's inflected ending (覚える, 高い): an accepted rendering is written in its dictionary
form, a translation inflects it (コツを覚えれば)."""


def _covered(target: str, start: int, end: int, accepted: tuple[str, ...]) -> bool:
    """The literal word is part of an accepted rendering (氷山 inside 氷山の一角), inflected or not."""
    for phrase in accepted:
        stem = _OKURIGANA.sub("", phrase)
        inflected = len(stem) >= 2 and stem != phrase
        pattern = re.escape(stem) + "[\u3041-\u309f]*" if inflected else re.escape(phrase)
        for m in re.finditer(pattern, target):
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


LIGHT_VERBS = frozenset(
    {"be", "get", "go", "come", "make", "take", "put", "keep", "give", "set", "do", "let", "have"}
)
"""Verbs too general for their dictionary renderings to betray a word-for-word rendering."""

WINDOW = 12
"""At most this many characters between two words of a word-for-word rendering (平らな帆走, 角を一切切り)."""


@lru_cache(maxsize=4096)
def _content_lemmas(idiom: str) -> frozenset[str]:
    """The lemmas of an idiom's own content words (not its placeholders, function words or light verbs)."""
    from mtreview.qa.analysis.coverage import source_words

    return frozenset(
        lemma
        for _s, _e, _text, lemma, kind in source_words(idiom.replace("one's", "").replace("someone", ""))
        if kind == "word" and lemma not in LIGHT_VERBS
    )


_MINOR_WORDS = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "by", "with"})


def _title(found: str) -> bool:
    """Whether every content word of the English is capitalised (a name or a title, not an idiom)."""
    content = [w for w in re.findall(r"[A-Za-z]+", found) if w.lower() not in _MINOR_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


@lru_cache(maxsize=256)
def _source_forms(source: str) -> frozenset[str]:
    """Every lemma of every content word of a source (what an idiom's content words are looked for in)."""
    from mtreview.qa.analysis.coverage import lemmas, source_words

    return frozenset(form for word in source_words(source) for form in lemmas(word[2].lower()))


def word_for_word(source: str, target: str, span: tuple[int, int], idiom: Idiom) -> tuple[int, int] | None:
    """Where two or more of the idiom's content words are rendered by their dictionary senses side by side in
    the target (none of them inside an accepted rendering, nor the rendering of an English word outside the
    idiom): the span of that run, or None."""
    from mtreview.qa.analysis.coverage import coverage, lemmas

    wanted = _content_lemmas(idiom.idiom)
    if len(wanted) < 2:
        return None
    cov = coverage(source, target)
    if not cov.available:
        return None
    outside = [hit for w in cov.words if not (span[0] <= w.start < span[1]) for hit in w.found.strong]
    hits: list[tuple[int, int, str]] = []
    for w in cov.words:
        if (
            span[0] <= w.start < span[1]
            and w.kind == "word"
            and not wanted.isdisjoint(lemmas(w.text.lower()))
        ):
            for a, b in w.hits:
                if _covered(target, a, b, idiom.accepted):
                    continue
                if any(c <= a and b <= d for c, d in outside):
                    continue
                hits.append((a, b, w.text.lower()))
    hits.sort()
    for i, (a, b, lemma) in enumerate(hits):
        end, seen = b, {lemma}
        for c, d, other in hits[i + 1 :]:
            if c - end > WINDOW or _BREAK.search(target, end, c):
                break  # too far apart, or in another clause (past a quotation's と: …と監督は語った)
            end = max(end, d)
            seen.add(other)
        if len(seen) >= 2 and not _ONE_WORD.fullmatch(target, a, end):
            return a, end
    return None


_BREAK = re.compile(
    r"[、。，．！？!?,;；:：「」『』（）()\s]|(?<=[うくすつぬむるただい])と(?=[^、。]{0,12}[はが])"
)
_ONE_WORD = re.compile(f"[{_KK}]+")
"""One compound (閲覧室 for "reading room"): a term of its own, not a phrase rendered word for word."""


def idiom_candidates(text: str, index: Mapping[str, Sequence[Idiom]]) -> tuple[set[str], list[Idiom]]:
    """The lower-case words of ``text`` (hyphenated ones too) and the idioms of ``index`` (word → idioms)
    that any of them may open, once each."""
    lower = text.lower()
    words = set(WORDS.findall(lower))
    if "-" in lower:
        words.update(HYPHENATED.findall(lower))
    found: dict[int, Idiom] = {}
    for word in words:
        for idiom in index.get(word, ()):
            found[id(idiom)] = idiom
    return words, list(found.values())


def has_idiom(text: str, index: Mapping[str, Sequence[Idiom]]) -> bool:
    """Whether ``text`` holds an idiom of the lexicon, such as "over the moon": a sentence a translator may
    render by a word of another ("We are over the moon. …" → …大喜びしている)."""
    words, candidates = idiom_candidates(text, index)
    return any(idiom.required <= words and idiom.pattern.search(text) is not None for idiom in candidates)


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
        words, candidates = idiom_candidates(segment.source, self.context.idiom_index)
        for idiom in candidates:
            listed = any(next(iter(_literal_hits(literal, target)), None) for literal in idiom.literal)
            if not listed and len(_content_lemmas(idiom.idiom) & _source_forms(segment.source)) < 2:
                continue  # nothing word for word in the translation: the idiom cannot matter here
            m = idiom.pattern.search(segment.source) if idiom.required <= words else None
            if m is not None:
                found, at = m.group(), m.start()
            else:
                if len((idiom.words or idiom.idiom).split()) < 2:
                    continue  # one word ("tanked"): its pattern says which forms are the idiom's ("tanks")
                # inflected or interrupted: "the ball was now firmly in their court"
                span = idiom_lemmas.match(idiom_lemmas.slots(idiom.words or idiom.idiom), segment.source)
                if span is None:
                    continue
                found, at = segment.source[span[0] : span[1]], span[0]
            if _title(found):
                continue  # "the Inside Track", a newspaper's name
            if not listed:
                # no listed literal word: the idiom's own words rendered by their dictionary senses, side by
                # side (平らな帆走 for "plain sailing", 陪審員はまだ外に for "the jury is out"), where the
                # English holds the idiom closely (not "open for the 2027 season" for "open season")
                size = len(WORDS.findall(idiom.idiom))
                if len(WORDS.findall(found.lower())) - size > max(1, size // 2):
                    continue
                literal_run = word_for_word(segment.source, target, (at, at + len(found)), idiom)
                if literal_run is not None:
                    start, end = literal_run
                    yield self._literal(segment, idiom, found, start, end, target[start:end], False)
                continue
            hits: list[tuple[int, int, str, bool]] = []
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
            yield self._literal(segment, idiom, found, start, end, literal, loose)

    def _literal(
        self, segment: SegmentInput, idiom: Idiom, found: str, start: int, end: int, literal: str, loose: bool
    ) -> Finding:
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
        return self.finding(
            segment,
            Side.TARGET,
            start,
            end,
            message,
            suggestion,
            severity=Severity.MINOR if loose else None,
        )
