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
from mtreview.qa.latin import UPPER

APPOSITION = re.compile(
    rf"(?P<name>[{UPPER}][\w'’\-]+(?:\s+[{UPPER}][\w'’\-]+){{0,3}}),\s+"
    r"(?P<np>(?:a|an|the)\s+[^,;:.!?\"“”()]{3,80}?),"
)
"""A name and the description set off after it ("Noreen Ash, a retired primary school headteacher,")."""
NOT_A_NAME = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)
MIN_WORDS = 2
"""Common words a description needs to count (not "a fan,")."""
PRENOMINAL = re.compile(r"[\u4e00-\u9fff々\u30a1-\u30fa\u30fc・のA-Za-z0-9０-９]")
"""What a noun phrase before a name is made of: words and の (not は, が, を: the clause before it)."""


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
        name = [w for w in cov.words if m.start("name") <= w.start and w.end <= m.end("name")]
        described = [w for w in cov.words if m.start("np") <= w.start and w.end <= m.end("np")]
        common = [w for w in described if w.kind == "word"]
        if len(common) < MIN_WORDS or not name or not all(w.found.spans for w in name):
            continue
        sentence = _sentence_of(target, min(a for w in name for a, _b in w.found.spans))
        if any(_rendered(w, sentence) for w in common):
            continue
        if _described_in_japanese(cov, target, name, {w.lemma for w in common}):
            continue
        yield m.start("np"), m.end("np")


def _rendered(word: EnWord, sentence: tuple[int, int]) -> bool:
    """A counterpart of two characters or more in the Japanese sentence of the name (チェーン of the
    sentence before renders the "chains" said there)."""
    return any(b - a >= 2 and sentence[0] <= a and b <= sentence[1] for a, b in word.found.spans)


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
    after = end
    while after < len(target) and after - end < 4 and target[after] not in "（(":
        after += 1
    bracket_end = target.find("）", after) if after < len(target) and target[after] in "（(" else -1
    regions = [(clause, start)] + ([(after, bracket_end)] if bracket_end > after else [])
    return any(
        (not u.covered or u.lemmas <= lemmas)
        and u.kind in ("kanji", "kata")
        and len(u.text) >= 2
        and a <= u.start
        and u.end <= b
        for u in cov.units
        for a, b in regions
    )
