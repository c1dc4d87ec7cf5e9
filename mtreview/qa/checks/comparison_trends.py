"""A movement rendered the other way: "sales have risen for 18 years" rendered 18年連続で減少し, "prices fell
5%" rendered 5%上昇した. Only a sentence whose English moves one way (rise, grow, climb… or fall, drop,
decline…) and whose Japanese moves only the other way (減少, 低下… or 増加, 上昇…) is reported: two movements
side by side ("sales rose but profits fell"), a negated one ("did not rise") and the American autumn ("next
fall") say nothing of the direction."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis.pairs import sentence_pairs

EN_UP = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|gr(?:ow|ows|ew|own|owing)|climb(?:s|ed|ing)?|"
    r"jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|rebound(?:s|ed|ing)?|(?:go|goes|went|gone|going)\s+up)\b",
    re.IGNORECASE,
)
EN_DOWN = re.compile(
    r"\b(?:f(?:all|alls|ell|allen|alling)|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|"
    r"shr(?:ink|inks|ank|unk|inking)|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|slid(?:e|es|ing)?|"
    r"dip(?:s|ped|ping)?|(?:go|goes|went|gone|going)\s+down)\b",
    re.IGNORECASE,
)
EN_NOT_A_MOVEMENT = re.compile(
    r"\b(?:(?:next|last|this|the|in|early|late)\s+fall|f(?:all|alls|ell|allen|alling)\s+(?:short|behind|"
    r"ill|apart|through|into|under|foul|asleep|silent|victim|out)|declin(?:e|es|ed|ing)\s+to|"
    r"drop(?:s|ped|ping)?\s+(?:out|off|in|by|the|its|their|a|an|plans?|charges?)|grow(?:s|n|ing)?\s+up|"
    r"grew\s+up|ris(?:e|es|en|ing)\s+to\s+(?:the\s+)?(?:challenge|occasion|power|fame)|"
    # a fall as an accident ("dementia and falls", "to prevent falls") and a waterfall's name
    r"(?:and|or|of|from|to|prevent\w*|avoid\w*|more|fewer|serious)\s+falls|(?-i:[A-Z][a-z]+\s+Falls))\b",
    re.IGNORECASE,
)
EN_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t)\b", re.IGNORECASE)
JA_UP = re.compile(r"増加|増え|増や|増し|上昇|伸び|拡大|急増|急騰|高騰|上が|増益|増収|上向")
JA_DOWN = re.compile(r"減少|減っ|減ら|減り|減る|低下|下落|縮小|落ち込|下が|急減|急落|減益|減収|目減り|下降")
JA_TREND_QUICK = re.compile(f"{JA_UP.pattern}|{JA_DOWN.pattern}")
"""Any Japanese movement: a cheap test before the sentence pairs."""


def turned_trends(source: str, target: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(English movement, Japanese movement) of each sentence that the translation turns round."""
    for (es, ee), (js, je) in sentence_pairs(source, target):
        sentence = source[es:ee]
        if EN_NEGATED.search(sentence) or EN_NOT_A_MOVEMENT.search(sentence):
            continue
        up, down = EN_UP.search(source, es, ee), EN_DOWN.search(source, es, ee)
        if (up is None) == (down is None):
            continue  # no movement, or both ways
        ja_up, ja_down = JA_UP.search(target, js, je), JA_DOWN.search(target, js, je)
        english, japanese = (up, ja_down) if up is not None else (down, ja_up)
        if english is None or japanese is None or (ja_up is not None and ja_down is not None):
            continue
        yield (english.start(), english.end()), (japanese.start(), japanese.end())
