"""Register mix (です/ます against だ/である) and punctuation and width."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, ClassVar

from mtreview.domain.model import Severity, Side
from mtreview.i18n import N_, _
from mtreview.qa.base import Check, Finding, KeyIndex, Observation, SegmentInput
from mtreview.qa.context import DocumentFacts
from mtreview.qa.jtext import JA_CHAR, to_halfwidth_ascii

QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』|“[^“”]*”|\"[^\"]*\"|（[^（）]*）|\([^()]*\)")
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]")
POLITE = re.compile(
    r"(?:です|ます|ました|ません|でした|でしょう|ましょう|ください|下さい|ございます|ませんでした)"
    r"(?:か|ね|よ|よね|けど|が|から)?$"
)
PLAIN = re.compile(
    r"(?:である|であった|だった|ではない|じゃない|だろう|であろう|なかった|ない|のだ|んだ|だ|"
    r"[たるうくすつぬむぶぐい])(?:か|ね|よ|な|の|わ|ぞ)?$"
)
NEUTRAL = re.compile(r"(?:という|とのこと|とされる|とみられる|と見られる|もよう|模様|見通し|見込み|予定)$")
"""Reportive and nominal endings news uses in either register (…必要があったという, …する見込み)."""
_MASK = "\u25a1"


def _mask_quotes(text: str) -> str:
    """Quoted and bracketed text replaced by □ of the same length (a quotation keeps its own register)."""
    while QUOTED.search(text):
        text = QUOTED.sub(lambda m: _MASK * len(m.group()), text)
    return text


def sentence_endings(target: str) -> list[tuple[str, int, int]]:
    """(``polite``|``plain``, start, end) of each sentence's final predicate."""
    masked = _mask_quotes(target)
    out: list[tuple[str, int, int]] = []
    for m in SENTENCE.finditer(masked):
        body = m.group()[:-1].rstrip()
        end = m.start() + len(body)
        if not body or body.endswith(_MASK) or NEUTRAL.search(body):
            continue
        offset = max(0, len(body) - 12)
        tail = body[offset:]
        for style, pattern in (("polite", POLITE), ("plain", PLAIN)):
            pm = pattern.search(tail)
            if pm:
                start = offset + pm.start()
                while start > 0 and end - (m.start() + start) < 6 and "\u3041" <= body[start - 1] <= "\u309f":
                    start -= 1  # the whole kana inflection (することである, not る)
                if body[start] not in "でだじの":
                    # a verb's inflection: include its kanji stem (述べた, 指摘している; not 無料である)
                    stem = start
                    while stem > 0 and start - stem < 3 and "\u4e00" <= body[stem - 1] <= "\u9fff":
                        stem -= 1
                    start = stem
                out.append((style, m.start() + start, end))
                break
    return out


class RegisterMix(Check):
    id = "register-mix"
    name = N_("Register mix")
    description = N_(
        "Polite (です/ます) and plain (だ/である) sentence endings mixed in one document; the "
        "minority style is reported. Quotations are ignored."
    )
    category = "Fluency/Register"
    severity = Severity.MINOR
    document_level = True
    parameters: ClassVar[Mapping[str, Any]] = {"min_majority": 2}

    def observe(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Observation]:
        if not segment.target or not (
            "。" in segment.target or "？" in segment.target or "！" in segment.target
        ):
            return
        for style, start, end in sentence_endings(segment.target):
            yield style, (start, end)

    def linked_keys(self, keys: set[Hashable]) -> set[Hashable]:
        return {"polite", "plain"} if keys else keys

    def decision(self, key: Hashable, index: KeyIndex) -> Hashable:
        """Whether ``key``'s sentences are the minority style (then they are reported)."""
        other = "plain" if key == "polite" else "polite"
        mine, theirs = index.total(key), index.total(other)
        return not (
            theirs < int(self.params["min_majority"]) or mine > theirs or (mine == theirs and key == "polite")
        )

    def silent(self, key: Hashable, index: KeyIndex) -> bool:
        return not self.decision(key, index)  # the majority style is not reported

    def judge(
        self, key: Hashable, observations: Mapping[str, list[Any]], doc: DocumentFacts, index: KeyIndex
    ) -> Iterable[Finding]:
        if not self.decision(key, index):
            return
        if key == "plain":
            message = _("Plain style (だ/である) in a document that is mostly polite (です/ます).")
        else:
            message = _("Polite style (です/ます) in a document that is mostly plain (だ/である).")
        for sid, items in observations.items():
            segment = doc.segments[sid]
            for start, end in items:
                yield self.finding(segment, Side.TARGET, start, end, message)


PAIRS = {
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "【": "】",
    "［": "］",
    "〈": "〉",
    "《": "》",
    "“": "”",
}
CLOSERS = {v: k for k, v in PAIRS.items()}
BRACKET = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
FULLWIDTH_PUNCT = {",": "、", ".": "。", "!": "！", "?": "？", ":": "：", ";": "；", "(": "（", ")": "）"}
JA = re.compile(f"[{JA_CHAR}]")
ASCII_PUNCT = re.compile(r"\.\.\.|[,.!?:;()]")
WIDTH_SUSPECT = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uff9f]")
HALF_KATAKANA = re.compile(r"[\uff66-\uff9f]+")
FULL_ALNUM = re.compile(r"[Ａ-Ｚａ-ｚ０-９]+")
HALF_ALNUM = re.compile(r"[A-Za-z0-9]")
DOUBLE_SPACE = re.compile(r"[ \u3000](?<=\S[ \u3000])[ \u3000]+(?=\S)")
JA_GAP = re.compile(f"[ \u3000](?<=[{JA_CHAR}][ \u3000])(?=[{JA_CHAR}])")


class PunctuationWidth(Check):
    id = "punctuation-width"
    name = N_("Punctuation and width")
    description = N_(
        "Full-width/half-width mixing (half-width katakana, full-width letters and digits beside "
        "half-width ones), unbalanced 「」『』（） and quotes, doubled spaces, spaces between "
        "Japanese characters, and ASCII punctuation in Japanese text."
    )
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    def check_segment(self, segment: SegmentInput, doc: DocumentFacts) -> Iterable[Finding]:
        target = segment.target
        if not target:
            return
        wide = WIDTH_SUSPECT.search(target) is not None
        for m in HALF_KATAKANA.finditer(target) if wide else ():
            yield self.finding(
                segment,
                Side.TARGET,
                m.start(),
                m.end(),
                _("Half-width katakana."),
                _fullwidth_katakana(m.group()),
                category="Style/Awkward",
            )
        if wide and FULL_ALNUM.search(target) and HALF_ALNUM.search(target):
            for m in FULL_ALNUM.finditer(target):
                yield self.finding(
                    segment,
                    Side.TARGET,
                    m.start(),
                    m.end(),
                    _("Full-width letters or digits beside half-width ones."),
                    to_halfwidth_ascii(m.group()),
                    category="Style/Awkward",
                )
        yield from self._brackets(segment)
        spaced = " " in target or "\u3000" in target
        for m in DOUBLE_SPACE.finditer(target) if spaced else ():
            yield self.finding(segment, Side.TARGET, m.start(), m.end(), _("Doubled space."), " ")
        for m in JA_GAP.finditer(target) if spaced else ():
            yield self.finding(
                segment, Side.TARGET, m.start(), m.end(), _("Space between Japanese characters."), ""
            )
        for m in ASCII_PUNCT.finditer(target):
            start, end = m.start(), m.end()
            before = target[start - 1] if start else ""
            after = target[end] if end < len(target) else ""
            char = m.group()
            if not (JA.match(before) or (char in "()" and JA.match(after))):
                continue
            if char in ":;,." and after and after not in " \n" and not JA.match(after):
                continue  # 7.1.7, 10:30, a URL or a number
            if char in "()" and _ascii_parenthesis(target, start):
                continue  # (63), (NCRO): half-width brackets round half-width text, a common house style
            suggestion = "…" if char == "..." else FULLWIDTH_PUNCT[char]
            yield self.finding(
                segment,
                Side.TARGET,
                start,
                end,
                _("ASCII punctuation “{char}” in Japanese text.").format(char=char),
                suggestion,
            )

    def _brackets(self, segment: SegmentInput) -> Iterable[Finding]:
        target = segment.target
        if BRACKET.search(target) is None:
            return
        stack: list[tuple[str, int]] = []
        for m in BRACKET.finditer(target):
            i, ch = m.start(), m.group()
            if ch in PAIRS:
                stack.append((ch, i))
            elif ch in CLOSERS:
                if stack and stack[-1][0] == CLOSERS[ch]:
                    stack.pop()
                elif any(opener == CLOSERS[ch] for opener, _i in stack):
                    while stack and stack[-1][0] != CLOSERS[ch]:
                        opener, j = stack.pop()
                        yield self.finding(
                            segment, Side.TARGET, j, j + 1, _("Unbalanced “{char}”.").format(char=opener)
                        )
                    stack.pop()
                else:
                    yield self.finding(
                        segment, Side.TARGET, i, i + 1, _("Unbalanced “{char}”.").format(char=ch)
                    )
        for opener, j in stack:
            yield self.finding(segment, Side.TARGET, j, j + 1, _("Unbalanced “{char}”.").format(char=opener))


def _ascii_parenthesis(target: str, at: int) -> bool:
    """Whether the ASCII bracket at ``at`` is one of a pair on one line that holds only ASCII text (an
    age, an acronym, a short English name)."""
    if target[at] == "(":
        close = target.find(")", at + 1, at + 42)
        inner = target[at + 1 : close] if close > 0 else ""
    else:
        open_ = target.rfind("(", max(0, at - 41), at)
        inner = target[open_ + 1 : at] if open_ >= 0 else ""
    return bool(inner.strip()) and inner.isascii() and not any(c in inner for c in "()\n")


def _fullwidth_katakana(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text)
