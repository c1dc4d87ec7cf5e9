"""English left in the Japanese: single words, whole segments, and targets identical to the source."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.jtext import has_japanese

# Word boundaries are ASCII ones: Japanese glued to an English word (新しいmakerspaceが) does not hide it.
LATIN_TOKEN = re.compile(
    r"[A-Za-z](?<![A-Za-z0-9_@/.\\:#-][A-Za-z])[A-Za-z'’]*(?:-[A-Za-z]+)*(?![A-Za-z0-9_@/\\#]|\.[A-Za-z0-9_])"
)
CODE_SPANS = re.compile(
    r"`[^`]*`|https?://\S+|www\.\S+|\S+@\S+\.\w+|\{[^}]*\}|%\w|<[^>]+>|\$\w+|"
    # wiki links, and key=value settings (class=Start)
    r"\[\[[^\]]*\]\]|(?<![A-Za-z0-9_=])[A-Za-z_][A-Za-z0-9_.-]*=[^\s=]*|"
    r"\S+\.(?:py|js|"
    r"json|txt|csv|md|html|xml|exe|dll|so|zip|pdf|png|jpg)\b"
)
LOWER_WORDS = re.compile(r"[a-z]+")
LOWER_RUN = re.compile(r"[a-z](?<![A-Za-z][a-z])[a-z'’-]+(?![A-Za-z])")


# Lower-case forms that are normal in Japanese text: units, abbreviations, file and code words.
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


ALLOWED = _wordset("""kg g mg km m cm mm nm ml l kb mb gb tb kbps mbps gbps ms ns s h min hz khz mhz ghz kw w
    v mah px pt dpi fps rpm vs etc e g i e ex cf am pm ok eg ie aka app apps ios macos iphone ipad ebook
    email e-mail web wifi wi-fi""")
HONORIFIC_AFTER = re.compile(r"^\s*(?:氏|さん|様|さま|君|くん|ちゃん|先生|教授|博士|:|：)")


class Untranslated(Check):
    id = "untranslated"
    name = N_("Untranslated English")
    description = N_(
        "English words left in the Japanese that are not names, acronyms, code or product names "
        "present as such in the source; a target with no Japanese at all is reported whole."
    )
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR
    parameters: ClassVar[Mapping[str, Any]] = {"min_length": 3}

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        target = segment.target
        if not target or segment.source.strip() == target.strip():
            return
        if not has_japanese(target[:200]) and not has_japanese(target):
            words = LOWER_WORDS.findall(segment.source)
            if len(words) >= 3 and len(LOWER_WORDS.findall(target)) >= 3:
                yield self.finding(
                    segment,
                    Side.TARGET,
                    None,
                    None,
                    _("The segment is not translated."),
                    category="Non-translation!",
                )
            return
        if LOWER_RUN.search(target) is None:
            return  # no lower-case English word at all: names and acronyms only
        min_length = int(self.params["min_length"])
        candidates = [
            m
            for m in LATIN_TOKEN.finditer(target)
            if len(m.group()) >= min_length and m.group().islower() and m.group() not in ALLOWED
        ]
        if not candidates:
            return
        masked = CODE_SPANS.sub(lambda m: " " * len(m.group()), target)
        speakers = {s.lower() for s in doc.entities.speakers}
        for m in candidates:
            word = m.group()
            if masked[m.start() : m.end()] != word:
                continue  # inside code, a URL, a placeholder
            if word in speakers:
                continue
            if HONORIFIC_AFTER.match(target[m.end() : m.end() + 4]):
                continue  # a lower-case handle used as a name ("zephyrine 氏")
            if _kept_unknown(word, segment.source):
                continue
            yield self.finding(
                segment,
                Side.TARGET,
                m.start(),
                m.end(),
                _("English word “{word}” left untranslated.").format(word=word),
            )


def _kept_unknown(word: str, source: str) -> bool:
    """A word of the source the English dictionary does not know, nor as two known words (a handle, a typo,
    a foreign word: "kew", "luftullah", "pero"), kept as it is: there was no English to translate."""
    from mtreview.qa.analysis import english
    from mtreview.qa.analysis.coverage import known

    bare = word.strip("'’-")
    if not re.search(rf"(?<![A-Za-z]){re.escape(bare)}(?![A-Za-z])", source, re.IGNORECASE):
        return False
    lower = bare.lower()
    if known(english.lemma(lower)) or known(lower):
        return False
    # an English compound the dictionary lacks (makerspace = maker + space) is English all the same
    return not any(known(lower[:i]) and known(english.lemma(lower[i:])) for i in range(3, len(lower) - 2))


class Identical(Check):
    id = "identical"
    name = N_("Target identical to source")
    description = N_(
        "The translation is the English source unchanged (names, numbers, code and short "
        "labels that are legitimately the same are not reported)."
    )
    category = "Non-translation!"
    severity = Severity.MAJOR
    parameters: ClassVar[Mapping[str, Any]] = {"min_words": 2}

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        source, target = segment.source.strip(), segment.target.strip()
        if not target or source != target:
            return
        words = re.findall(r"[A-Za-z]+", source)
        lower = [w for w in words if w.islower() and len(w) >= 3]
        if len(words) < int(self.params["min_words"]) or not lower:
            return
        yield self.finding(segment, Side.TARGET, None, None, _("The translation is identical to the source."))
