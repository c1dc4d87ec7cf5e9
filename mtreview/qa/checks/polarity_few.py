""" "Few" said as "many": the English says few people or things did something ("Few economists expect…",
"very few of the residents had been told"); the translation says many (多くのエコノミストは…予想している)
and has no negation nor a word of scarcity (ほとんど…ない, わずか, 少数, 一部). Used by the polarity check:
the sentence's quantity is turned round as a negation would be."""

from __future__ import annotations

import re

EN_FEW = re.compile(
    r"(?<![A-Za-z])(?<!\ba\s)(?<!\bthe\s)(?<!\bA\s)(?<!\bThe\s)"
    r"(?:(?:very|too|so|relatively|comparatively)\s+)?[Ff]ew\b(?!\s+(?:days|weeks|months|years|hours|"
    r"minutes|times|more|others?)\b)"
)
"""A bare "few" (not "a few", "the few", "the last few", "in a few days"): a quantity that is small."""
EN_NOT_BARE = re.compile(
    r"\b(?:last|next|first|past|every|these|those|its|their|his|her|our|quite|only)\s+$", re.I
)
JA_MANY = re.compile(
    r"多くの|多く(?=[がはもを])|多数の|多数(?=[がはもを])|大半の|大半(?=[がはもを])|大部分の|大勢の|ほとんどの"
)
"""What says many or most in Japanese."""
JA_SCARCE = re.compile(
    r"少な|わずか|僅か|少数|ごく一部|一握り|数える|まれ|稀|限られ|ない|なかった|なく|ず[、。に]|ません|ほぼ皆無|皆無"
)
"""A word of scarcity or any negation: the Japanese may say "few" in its own way (ほとんどいない)."""


def few_as_many(source: str, target: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(the English "few", the Japanese word of many) of each sentence whose "few" is rendered as many."""
    from mtreview.qa.analysis.pairs import sentence_pairs

    out = []
    for (es, ee), (js, je) in sentence_pairs(source, target):
        few = next(
            (m for m in EN_FEW.finditer(source, es, ee) if not EN_NOT_BARE.search(source, es, m.start())),
            None,
        )
        if few is None or JA_SCARCE.search(target, js, je):
            continue
        many = JA_MANY.search(target, js, je)
        if many is not None:
            out.append(((few.start(), few.end()), (many.start(), many.end())))
    return out
