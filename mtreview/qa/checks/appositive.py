"""A description in apposition to a name, dropped from the translation: "Ann Lee, a retired headteacher, said
…" rendered リー氏は…と述べた. Used by the omission check.

The English: a name, a comma, a noun phrase that opens with "a", "an" or "the" (two content words at
least), and a comma. Dropped when the translation renders the name but none of the description's common
words (no counterpart of two characters or more: a lone kanji such as 舎 of 市庁舎 is no rendering of
"school"), and nothing before the name in its Japanese clause, nor in brackets after it, is left unaccounted
for (3代目チーズ職人のフェンライト氏 may render "a third-generation cheesemaker" in words the dictionary
does not know)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtreview.qa.analysis.coverage import Coverage, EnWord, coverage
from mtreview.qa.analysis.wordlists import DAYS_AND_MONTHS
from mtreview.qa.latin import UPPER

APPOSITION = re.compile(
    rf"(?P<name>[{UPPER}][\w'’\-]+(?:\s+[{UPPER}][\w'’\-]+){{0,3}}),\s+"
    r"(?P<np>(?:a|an|the)\s+[^,;:.!?\"“”()]{3,80}?),"
)
"""A name and the description set off after it ("Noreen Ash, a retired primary school headteacher,")."""
NOT_A_NAME = re.compile(rf"\b(?:{DAYS_AND_MONTHS})\b")
MIN_WORDS = 2
"""Common words a description needs to count (not "a fan,")."""
PRENOMINAL = re.compile(r"[\u4e00-\u9fff々\u30a1-\u30fa\u30fc・のA-Za-z0-9０-９]")
"""What a noun phrase before a name is made of: words and の (not は, が, を: the clause before it)."""
CLAUSE_START = "、。「」『』（）()\n"


def dropped_appositives(source: str, target: str) -> Iterator[tuple[int, int]]:
    """(start, end) in ``source`` of each description in apposition that the translation leaves out."""
    if "," not in source or not target:
        return
    cov: Coverage | None = None
    for m in APPOSITION.finditer(source):
        if cov is None:
            cov = coverage(source, target)
            if not cov.available:
                return
        if NOT_A_NAME.search(m.group("name")):
            continue  # "… on Wednesday, the country's biggest sale": a date, not someone described
        name_start, name_end = m.start("name"), m.end("name")
        forward = FORWARD.match(source, m.end())
        if forward is not None:
            # "Meanwhile, the chief executive, Ann Smith, said": the description is the next name's
            name_start, name_end = forward.start("name"), forward.end("name")
        elif OPENERS.fullmatch(m.group("name")):
            continue
        name = [w for w in cov.words if name_start <= w.start and w.end <= name_end]
        described = [w for w in cov.words if m.start("np") <= w.start and w.end <= m.end("np")]
        common = [w for w in described if w.kind == "word"]
        if len(common) < MIN_WORDS or not name or not all(w.found.spans for w in name):
            continue
        sentence = _sentence_of(target, min(a for w in name for a, _b in w.found.spans))
        if any(_rendered(w, sentence, cov) for w in common):
            continue
        if _described_in_japanese(cov, target, name, {w.lemma for w in common}):
            continue
        yield m.start("np"), m.end("np")


FORWARD = re.compile(rf"\s+(?P<name>[{UPPER}][\w'’\-]+(?:\s+[{UPPER}][\w'’\-]+){{0,3}}),")
"""A name after the description: the description is in apposition to it, not to the word before."""
OPENERS = re.compile(
    r"Meanwhile|However|Instead|Yesterday|Today|Separately|Elsewhere|Nonetheless|Still|Later"
)


def _rendered(word: EnWord, sentence: tuple[int, int], cov: Coverage) -> bool:
    """A counterpart in the Japanese sentence of the name (チェーン of the sentence before renders the
    "chains" said there): of two characters or more, or a one-kanji word of its own (都 of かつての都)."""
    return any(
        sentence[0] <= a
        and b <= sentence[1]
        and (b - a >= 2 or any(u.start == a and u.end == b for u in cov.units))
        for a, b in word.found.spans
    )


def _sentence_of(target: str, at: int) -> tuple[int, int]:
    """The Japanese sentence at ``at`` and the one after it (a description may get a sentence of its own:
    …に上った。同国で10年余りで最大規模となる)."""
    start = max(target.rfind(mark, 0, at) for mark in "。！？") + 1
    end = at
    for _sentence in range(2):
        ends = [i for i in (target.find(mark, end) for mark in "。！？") if i >= 0]
        end = min(ends) + 1 if ends else len(target)
    return start, end


def _described_in_japanese(cov: Coverage, target: str, name: list[EnWord], lemmas: set[str]) -> bool:
    """Whether the Japanese noun phrase before the name, or brackets right after it, hold a
    kanji or katakana word of two characters or more that no English word accounts for but the
    description's own (業界団体, whose 体 is "body", for "a trade body"; not 主催者, "organiser", whose 主
    may be "primary")."""
    start = min(a for w in name for a, _b in w.found.spans)
    end = max(b for w in name for _a, b in w.found.spans)
    # back over the noun phrase before the name (元小学校校長の, 3代目のチーズ職人), not a topic
    clause = start
    while clause > 0 and PRENOMINAL.match(target[clause - 1]):
        clause -= 1
    if clause > 1 and target[clause - 1] == "、" and clause == start and _noun_end(target, clause - 1):
        # an apposition set off with 、 right before the name (かつての都、京都; 2児の母、サラさん)
        clause -= 1
        while clause > 0 and target[clause - 1] not in CLAUSE_START:
            clause -= 1
    after = end
    while after < len(target) and after - end < 4 and target[after] not in "（(―—":
        after += 1
    closer = {"（": "）", "(": ")", "―": "―", "—": "—"}
    opened = after
    while opened < len(target) and target[opened] in "―—":
        opened += 1  # a double dash (――元校長――)
    bracket_end = (
        target.find(closer[target[after]], max(opened, after + 1))
        if after < len(target) and target[after] in closer
        else -1
    )
    regions = [(clause, start), (end, _title_end(target, end))]
    regions += [(after, bracket_end)] if bracket_end > after else []
    regions += _restating_sentences(cov, target, name, start)
    return any(
        (not u.covered or u.lemmas <= lemmas)
        and u.kind in ("kanji", "kata", "latin")  # (CEO after the name)
        and len(u.text) >= 2
        and a <= u.start
        and u.end <= b
        for u in cov.units
        for a, b in regions
    )


def _noun_end(target: str, at: int) -> bool:
    """Whether the character before ``at`` ends a kanji or katakana word."""
    return at > 0 and re.match(r"[\u4e00-\u9fff々\u30a1-\u30fa\u30fc]", target[at - 1]) is not None


def _title_end(target: str, end: int) -> int:
    """The end of a title written right after the name (マリア・ロペス元校長, アン・スミスCEO)."""
    m = re.compile(r"[\u4e00-\u9fff々\u30a1-\u30fa\u30fcA-Z]+").match(target, end)
    return m.end() if m else end


def _restating_sentences(cov: Coverage, target: str, name: list[EnWord], start: int) -> list[tuple[int, int]]:
    """Later Japanese sentences whose topic is the person again (ロペスさんは元校長だ; 同氏は…), after the
    topic: where the description may be said in a sentence of its own."""
    from mtreview.qa.analysis import japanese

    last = name[-1]
    surname = {target[a:b] for a, b in last.found.spans}
    out = []
    for a, b in japanese.sentences(target):
        if a <= start:
            continue
        text = target[a:b].lstrip("「『 ")
        m = re.match(r"(?:同氏|同さん|彼女|彼)(?=は)", text) or next(
            (
                re.match(re.escape(s) + r"(?:氏|さん)?(?=は)", text)
                for s in surname
                if s and text.startswith(s)
            ),
            None,
        )
        if m is not None:  # the sentence is about the person: what it says of them follows the topic
            out.append((b - len(text) + m.end(), b))
    return out
