"""A movement rendered the other way: "sales have risen for 18 years" rendered 18年連続で減少し, "prices fell
5%" rendered 5%上昇した. Only a sentence whose English moves one way (rise, grow, climb… or fall, drop,
decline…) and whose Japanese moves only the other way (減少, 低下… or 増加, 上昇…) is reported: two movements
side by side ("sales rose but profits fell"), a negated one ("did not rise") and the American autumn ("next
fall") say nothing of the direction."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis.pairs import sentence_pairs

_AUX = (
    "(?:"
    + "|".join(
        rf"(?<={aux}\s)" for aux in ("will", "would", "could", "may", "might", "to", "did", "does", "can")
    )
    + ")"
)
"""Right after an auxiliary or "to": a bare verb (will rise), not a noun (the rise)."""
EN_UP = re.compile(
    r"\b(?:rose|risen|rises|increased|increases|grew|grown|climbed|climbs|jumped|jumps|soared|soars|surged|"
    r"surges|rebounded|(?:went|gone|goes)\s+up|raised|raises|doubled|doubles|widened|widens|"
    + _AUX
    + r"(?:rise|increase|grow|climb|jump|soar|surge|go\s+up))\b",
    re.IGNORECASE,
)
"""A finite verb of going up (not "rising costs", "a tax increase": an adjective or a noun)."""
EN_DOWN = re.compile(
    r"\b(?:fell|fallen|falls|dropped|drops|declined|declines|decreased|decreases|shrank|shrunk|shrinks|"
    r"slumped|slumps|plunged|plunges|slid|slides|dipped|dips|(?:went|gone|goes)\s+down|lowered|lowers|"
    r"halved|halves|narrowed|narrows|slipped|slips|"
    + _AUX
    + r"(?:fall|drop|decline|decrease|shrink|slump|plunge|slide|dip|go\s+down))\b",
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
EN_LINKED = re.compile(
    r"\b(?:than|against|before|unless|until|pushing|driving|sending|leaving|helped|hit|hurt|fuelled|fueled)\b|"
    r"\b(?:down|up)\s+from\b|\b(?:who|that|which|they|we|you|farmers)\s+grow\b|"
    r"(?-i:\bRose\b)|\b(?:rising\s+stars?|high-rise|falls?\s+on|fell\s+from|fall\s+from\s+grace|"
    r"growth|have\s+had\s+a\s+fall|had\s+a\s+fall|declin(?:e|es|ed|ing)\s+(?:comment|an?\b|the\b)|"
    r"drop(?:s|ped|ping)?\s+(?:\w+\s+){0,2}(?:proposals?|plans?|charges?|bids?|ideas?|cases?))",
    re.IGNORECASE,
)
"""A sentence whose movement may belong to another thing than the translation's (a cause and its effect,
"the pound fell" as "the dollar rose", a rate of growth falling), or a word that is no movement."""
JA_NOT_A_MOVEMENT = re.compile(r"(?:率|幅|傾向|方針|案|計画|見通し|分|額|ペース)")
"""After a movement word: a noun it makes (物価上昇率, 赤字幅の縮小 is one too), not the predicate."""
JA_UP = re.compile(
    r"増加|増え|増や|増し|上昇|伸び|拡大|急増|急騰|高騰|上が|増益|増収|上向|引き上げ|引上げ|上方修正|倍増"
)
JA_DOWN = re.compile(
    r"減少|減っ|減ら|減り|減る|低下|下落|縮小|落ち込|下が|急減|急落|減益|減収|目減り|下降|引き下げ|引下げ|下方修正|半減"
)
JA_TREND_QUICK = re.compile(f"{JA_UP.pattern}|{JA_DOWN.pattern}")
"""Any Japanese movement: a cheap test before the sentence pairs."""


def turned_trends(source: str, target: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(English movement, Japanese movement) of each sentence that the translation turns round."""
    for (es, ee), (js, je) in sentence_pairs(source, target):
        sentence = source[es:ee]
        if EN_NEGATED.search(sentence) or EN_NOT_A_MOVEMENT.search(sentence) or EN_LINKED.search(sentence):
            continue
        en = [(m, True) for m in EN_UP.finditer(source, es, ee)]
        en += [(m, False) for m in EN_DOWN.finditer(source, es, ee)]
        ja = [(m, True) for m in JA_UP.finditer(target, js, je)]
        ja += [(m, False) for m in JA_DOWN.finditer(target, js, je)]
        if not 1 <= len(en) <= 2 or len(ja) != len(en):
            continue  # no movement, or the two sides move a different number of times
        ja = [(m, up) for m, up in ja if not _not_a_movement(target, m)]
        if len(ja) != len(en):
            continue  # 上昇率, 伸び幅; 声が上がる (voices are raised)
        if EN_CAUSE_OR_TIME.search(source, es, ee) and not all(_predicate(target, m) for m, _up in ja):
            continue  # beside a cause, a noun (赤字幅の縮小を好感し) may render the cause, not the movement
        ups = sum(up for _m, up in en)
        if ups == sum(up for _m, up in ja):
            continue  # the same ways ("fell after the city lowered limits": 引き下げた後、減少した)
        # a cause and its effect: English puts the main clause first ("rose after … lowered"), Japanese
        # last (…引き下げた後、…増加した), so the two are paired crosswise where a conjunction joins them
        en.sort(key=lambda e: e[0].start())
        ja.sort(key=lambda j: j[0].start())
        if len(en) == 2 and EN_CAUSE_OR_TIME.search(source, en[0][0].end(), en[1][0].start()):
            ja.reverse()
        (english, _up), (japanese, _ja_up) = next((e, j) for e, j in zip(en, ja, strict=True) if e[1] != j[1])
        yield (english.start(), english.end()), (japanese.start(), japanese.end())


EN_CAUSE_OR_TIME = re.compile(r"\b(?:after|as|because|since|when|while|following|amid|despite|once)\b", re.I)
"""A conjunction between a main clause and the one that says its cause or its time."""


def _predicate(target: str, m: re.Match[str]) -> bool:
    """Whether the movement is said as a verb (減少した, 増え, 引き下げた), not as a noun (縮小を)."""
    return not "\u4e00" <= m.group()[-1] <= "\u9fff" or target[m.end() : m.end() + 1] in VERB_ENDINGS


VERB_ENDINGS = "しすさせ"
"""What follows a movement noun said as a verb (減少した, 拡大する, 縮小させた)."""


def _not_a_movement(target: str, m: re.Match[str]) -> bool:
    return JA_NOT_A_MOVEMENT.match(target, m.end()) is not None or target.endswith("声が", 0, m.start())
