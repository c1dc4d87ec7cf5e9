"""The polarity check's lexical negations: English words and phrases that say "not" in their meaning
("unchanged", "lack", "fewer than") and may explain a negation in the translation, never raising a finding
of their own."""

from __future__ import annotations

import re

EN_ASIDE_NO = r"\bor\s+no\b(?=\s*(?:[.!?]|$))|\bor\s+not\b(?=\s*(?:[,.!?;:]|$))|,\s*no\b(?=\s*,)"
"""An alternative or an aside, not a negation of the sentence: "yes or no.", "signed or not, …", "…, no, do
your job". Masked as a cue (``EN_NOT_NEGATION``), yet it explains a negation in the translation
(``EN_SOFT``: 署名されていてもいなくても)."""
EN_SOFT = re.compile(
    r"(?=[udirnalfshbptovmwckjey,])(?:"  # the alternatives' first letters: same matches, a faster search
    + EN_ASIDE_NO
    + r"|"
    r"\bun(?:protect|block|lock|do|install|subscribe|follow|check|pin|hide|mute|link|watch|wrap)[a-z]*\b|"
    r"\bdis(?:agree|like|approve|allow|obey|trust|continue|able|miss)[a-z]*\b|"
    r"\bin(?:accurate|correct|complete|valid|sufficient|effective|capable|appropriate|consistent|active)\b|"
    r"\b(?:refrain|nevermind|nothing\s+but|anything\s+but|dry\s+(?:taps?|wells?)|(?:run|runs|ran|gone)\s+dry|"
    r"(?:lie|lies|lay|lying|stay|stays|stayed|kept)\s+awake|(?:sit|sits|sat|sitting)\s+out|"
    r"(?:go|goes|went|gone|going|do|does|did|done|doing)\s+without)\b|"
    r"\bun(?!der|til|ion|it|ique|ivers|less|icorn|fold|iform|ison)[a-z]*(?:ed|able|ible|ful|known|clear|likely|sure|aware|usual|fair|"
    r"safe|even|wise|healthy|happy|real|paid|met|done|seen|said|til|certain|"
    # irregular participles: unshorn, unworn, unbroken, unsung, unsold, untaught, unbuilt, unspent, uncut
    r"orn|own|awn|en|ung|old|ught|uilt|ent|ept|eft|ead|ut|it)\b|\b(?:non|in|im|dis)[a-z]{3,}(?:able|ible)\b|"
    r"\b(?:lack|lacks|lacked|absent|absence|free\s+of|[a-z]+-free|rarely|seldom|hardly|barely|deny|denies|denied|reject|"
    r"rejects|rejected|avoid|avoids|avoided|prevent|prevented|stop|stopped|instead\s+of|rather\s+than|"
    r"too\s+\w+\s+to|(?<!\bnot\s)only|rul(?:e|es|ed|ing)\s+out|dismiss(?:es|ed|ing)?|turn(?:s|ed|ing)?\s+(?:\w+\s+)?(?:down|away)|"
    r"vot(?:e|es|ed|ing)\s+down|veto(?:es|ed|ing)?|throw(?:s|n|ing)?\s+out|threw\s+out|"
    # a state described by what it lacks: 使えない for "out of use", 知らせなかった for "in the dark",
    # まだ支払われていない for "still waiting for the payment", 守らなかった for "missed the deadline"
    r"out\s+of\s+(?:use|service|order|action|stock|reach|work|print|date|sight|bounds|the\s+question)|"
    r"in\s+the\s+dark|still\s+(?:waiting|awaiting)|(?-i:miss(?:ed|es|ing)?)|"
    # 届かなかった for "fell short of", 拒否した for "refused", ほとんど役立たない for "do little for"
    r"f(?:all|alls|ell|alling|allen)\s+short|(?:do|does|did|doing|done|see|sees|saw|seen)\s+little|"
    # ほとんどない for "little time", "few options" (not "a little", "a few")
    r"(?<!\ba\s)(?<!\bquite\s)(?<!\bthe\s)(?<!past\s)(?<!last\s)(?<!next\s)(?<!every\s)(?<!first\s)few\b|(?<!a\s)(?:little\s+(?:time|chance|hope|room|evidence|sign|interest|doubt|support|choice|money|"
    r"progress|change|effect|impact|incentive|reason|appetite|help|attention|information|sleep|warning|"
    r"notice|margin|scope|prospect|space|use|demand|light|sympathy|water|food|rain|to|left|else)\b)|"
    # 止めなかった, 絶やさなかった for "kept the county moving", "kept the line open"
    r"ke(?:ep|eps|pt|eping)\s+(?:\w+\s+){1,3}?(?:moving|going|running|open|alive|afloat)\b|"
    # なければ…はずの for "would otherwise have", 修理できないほど for "beyond repair" (not "beyond doubt")
    # 疑うべきではない for "should be in no doubt", 海草のない区域 for "bare areas", まだ結論が出ていない for
    # "the jury is still out" (空き for "vacant", "empty": ``empty_noun``)
    r"no\s+doubt|\bbare\b|still\s+out\b|"
    # 動かなくなった for "jammed", つながらない for "engaged tones", ないだろう for "I doubt"
    r"clear\s+of|jam(?:med|ming)|stalled|stuck|"
    r"engaged\s+tones?|(?:i|we|you|they|he|she)\s+doubt|doubted|"
    # 停止しないよう勧める for "advised against doing so"
    r"(?:advis|warn|argu|caution|counsel|recommend)\w*\s+(?:\w+\s+)?against|"
    r"(?:would|could|might)\s+otherwise|beyond\s+(?:(?:our|their|its|his|her|the\s+\w+['’]s?)\s+)?"
    r"(?:repair|recognition|control|reach|saving|recovery)|ke(?:ep|eps|pt|eping)\s+(?:\w+\s+){0,2}?off|"
    # the verb, not the noun ("refuse collection")
    r"refus(?:es|ed|ing|al)|(?-i:refuse)\s+(?:to|the|a|an|any|it|them|him|her|their|his|its)|"
    # "not just X but Y" may be rendered XではなくY as well as XだけでなくY
    r"not\s+(?:just|merely|simply|solely)(?=[^.;!?]{1,80}?\bbut\b)|"
    # "may or may not": されるかもしれないし、されないかもしれない
    r"(?P<aux>may|might|could|can|will|would|do|does|did|is|are|was|were)\s+or\s+(?P=aux)\s*(?:not|n['’]t))\b)",
    re.IGNORECASE,
)
"""Morphological and lexical negations ("unchanged", "lack"): they never raise a finding on their own but
explain a negation in the translation (変更はない)."""
EN_SOFT_CLAUSE = re.compile(rf"{EN_SOFT.pattern}|\b(?:fewer|less)\s+than\b|\bshort\s+of\b", re.IGNORECASE)
"""The lexical negations and the bounds (満たない for "fewer than") a Japanese negation of another clause
may render."""
NOT_SOFT = re.compile(r"only|instead|rather|not|,|or\b", re.IGNORECASE)
"""Lexical negations that Japanese renders with no negation of its own (しか…ない for "only" is none)."""


def explains(source: str, start: int, end: int, en: list[tuple[int, int]]) -> bool:
    """Whether a lexical negation of ``EN_SOFT`` in the sentence may explain a Japanese one: not one that
    an English negation itself negates ("would not rule out" is no negation to render)."""
    return any(
        not any(0 <= m.start() - e <= 12 for _s, e in en) for m in EN_SOFT.finditer(source, start, end)
    )
