"""What the JMdict index answers for the dictionary coverage (qa.analysis.coverage), cached per word: the
Japanese renderings of an English lemma (grouped by their first two characters for the forward search),
the English glosses of a Japanese unit or of its pieces (for the backward search), and whether two English
words are derivations of one stem."""

from __future__ import annotations

import re
from functools import lru_cache

from mtreview.qa.analysis import english
from mtreview.qa.analysis.wordlists import HAS_KANJI_OR_KATAKANA, HIRAGANA, KANJI
from mtreview.qa.latin import LETTERS


@lru_cache(maxsize=2048)
def renderings(lemma: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(substrings to look for, single kanji that must start or end a run, the substrings that are verb
    or adjective stems) for an English lemma."""
    from mtreview.qa.analysis.dictionary import default_dictionary

    forms = default_dictionary().japanese(lemma)
    if "-" in lemma:
        forms = forms | default_dictionary().japanese(lemma.replace("-", " "))
    multi: set[str] = set()
    single: set[str] = set()
    stems: set[str] = set()
    for r in forms:
        if len(r) == 1:
            if KANJI.match(r):
                single.add(r)
            continue
        if not HAS_KANJI_OR_KATAKANA.search(r):
            continue
        multi.add(r)
        tail = HIRAGANA.search(r)
        if tail is not None:
            stem = r[: tail.start()]
            if len(stem) >= 2:
                multi.add(stem)
                stems.add(stem)
            elif len(stem) == 1 and len(r) - len(stem) >= 2:
                multi.add(r[:2])  # 広がる → 広が, 下げる → 下げ
                stems.add(r[:2])
    # longest first (a whole word before its stem), then in code-point order: the same text always gets
    # the same counterparts, whatever the process's hash seed
    return (
        tuple(sorted(multi, key=lambda r: (-len(r), r))),
        tuple(sorted(single)),
        frozenset(stems - forms),
    )


@lru_cache(maxsize=8192)
def glosses(unit: str) -> frozenset[str]:
    """The English gloss words of a Japanese word, with their lemmas (rising → rise)."""
    from mtreview.qa.analysis.dictionary import default_dictionary

    words = default_dictionary().english(unit)
    if not words:
        return words
    return words | {english.lemma(w) for w in words}


def glossed_by(unit: str, words: frozenset[str]) -> bool:
    """Whether the dictionary glosses a Japanese word with one of ``words`` (ガラス with "glass")."""
    return not glosses(unit).isdisjoint(words)


LOWER_WORD = re.compile(rf"(?<![{LETTERS}])[a-z]+")
"""A word of the English in lower case (not a name: a Mr Glass may well be ガラス氏)."""


def lower_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` and their lemmas (costs, cost)."""
    words = set(LOWER_WORD.findall(text))
    return frozenset(words | {english.lemma(w) for w in words})


def known_glosses(unit: str) -> frozenset[str]:
    """``glosses``, or none where the dictionary is unavailable."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable

    try:
        return glosses(unit)
    except DictionaryUnavailable:
        return frozenset()


def renders_a_word(katakana: str, words: frozenset[str]) -> bool:
    """Whether the katakana is a loanword the dictionary glosses with one of ``words`` (``lower_words`` of
    the English: ガラス for "glass", コスト for "costs"); False without the dictionary."""
    return not known_glosses(katakana).isdisjoint(words)


@lru_cache(maxsize=4096)
def unit_glosses(text: str, kind: str) -> tuple[tuple[frozenset[str], int, int, bool], ...]:
    """Gloss sets of a unit's text and, for a kanji run the dictionary does not know, of its pieces, with
    offsets into the text (the last item says whether the gloss is of the whole unit)."""
    out: list[tuple[frozenset[str], int, int, bool]] = []
    if kind == "kata":
        for part in re.finditer(r"[^・]+", text):
            g = glosses(part.group())
            if g:
                out.append((g, part.start(), part.end(), True))
            else:  # a compound the dictionary does not list: グランドスタッフ is グランド + スタッフ
                for s, e in katakana_words(part.group()):
                    out.append((glosses(part.group()[s:e]), part.start() + s, part.start() + e, False))
        return tuple(out)
    g = glosses(text)
    if g or len(text) <= 2:
        return ((g, 0, len(text), True),) if g else ()
    n = len(text)
    for size in (3, 2):
        for i in range(0, n - size + 1):
            piece = glosses(text[i : i + size])
            if piece:
                out.append((piece, i, i + size, False))
    # and the longer words of a compound the dictionary does not list whole: 洋上風力発電所 is 洋上 +
    # 風力発電所 ("wind farm"), which no piece of two or three characters says
    for s, e in compound_words(text, 1):
        if e - s >= 4:
            out.append((glosses(text[s:e]), s, e, False))
    return tuple(out)


_NOT_WORD_START = frozenset("ーァィゥェォッャュョヮヵヶ")
_KATA_MAX = 12
"""The longest piece of a katakana compound looked up (in characters)."""


def katakana_words(text: str) -> tuple[tuple[int, int], ...]:
    """The pieces of a katakana compound written without ・ (データセンター, カスタマーサポート): the fewest
    dictionary words of two characters or more that cover it exactly, none starting with ー or a small
    kana; ``()`` when there is no such cover, or the text is one word or shorter than four characters."""
    return compound_words(text, 2)


@lru_cache(maxsize=4096)
def compound_words(text: str, shortest: int) -> tuple[tuple[int, int], ...]:
    """The fewest dictionary words of ``shortest`` characters or more that cover ``text`` exactly (a
    compound the dictionary does not list whole), none starting with ー or a small kana; ``()`` when there
    is no such cover, or the text is one word or shorter than four characters."""
    n = len(text)
    if n < 4:
        return ()
    # fewest[i]: (pieces, -length of the first piece) of the best cover of text[:i], and where it came from
    fewest: list[tuple[int, int] | None] = [None] * (n + 1)
    back = [0] * (n + 1)
    fewest[0] = (0, 0)
    for i in range(shortest, n + 1):
        for j in range(max(0, i - _KATA_MAX), i - shortest + 1):
            before = fewest[j]
            if before is None or text[j] in _NOT_WORD_START:
                continue
            if not glosses(text[j:i]):
                continue
            rank = (before[0] + 1, before[1] if j else -(i - j))
            if fewest[i] is None or rank < fewest[i]:  # type: ignore[operator]
                fewest[i] = rank
                back[i] = j
    if fewest[n] is None or fewest[n][0] < 2:  # type: ignore[index]
        return ()
    pieces: list[tuple[int, int]] = []
    i = n
    while i > 0:
        pieces.append((back[i], i))
        i = back[i]
    return tuple(reversed(pieces))


def same_stem(a: str, b: str) -> bool:
    """Derivations of one stem: a shared prefix of at least four letters that leaves at most two letters of
    the shorter word (approve/approval, expect/expectation; not interest/international)."""
    if a[:4] != b[:4]:
        return False
    n = 4
    limit = min(len(a), len(b))
    while n < limit and a[n] == b[n]:
        n += 1
    if n < limit - 2:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    rest = longer[n:]
    if rest[:1] == shorter[-1:] and rest[1:] in DOUBLED_ENDINGS:
        return True  # a doubled consonant: shop/shopping, transfer/transferred, travel/travelled
    # a compound is no derivation: hand/handover, foot/football (but relation/relationship)
    return len(rest) < 3 or rest in SUFFIX_WORDS or not _is_word(rest)


DOUBLED_ENDINGS = frozenset({"ing", "ings", "ed", "er", "ers", "est", "ation", "able"})
"""Endings after a doubled final consonant (shop-p-ing, refer-r-ed), whose rest ("ping", "red") may be a
word."""


SUFFIX_WORDS = frozenset(
    {
        *(
            "ship",
            "hood",
            "less",
            "able",
            "ible",
            "age",
            "ion",
            "ment",
            "ness",
            "ward",
            "wise",
            "ing",
            "ings",
        ),
        *("ers", "ist", "ism", "ity", "ive", "ous", "ful", "ant", "ent", "ery", "ure", "ize", "ise", "ate"),
        *("ance", "ence", "ical", "ally", "ation", "ments", "ships", "ists", "ian", "ians"),
    }
)
"""Endings of derivations that are words of their own too."""


@lru_cache(maxsize=4096)
def _is_word(text: str) -> bool:
    """Whether the dictionary knows ``text`` as an English word."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable, default_dictionary

    try:
        return bool(default_dictionary().japanese(text))
    except DictionaryUnavailable:
        return False


@lru_cache(maxsize=1024)
def rendering_index(
    lemma: str,
) -> tuple[dict[str, tuple[str, ...]], frozenset[str], tuple[str, ...], frozenset[str]]:
    """``renderings`` grouped by their first two characters (each group longest first), the set of those
    first two characters (for a set intersection with a text's bigrams), the single kanji and the stems."""
    multi, single, stems = renderings(lemma)
    index: dict[str, list[str]] = {}
    for r in multi:
        index.setdefault(r[:2], []).append(r)
    return {k: tuple(v) for k, v in index.items()}, frozenset(index), single, stems


@lru_cache(maxsize=2048)
def prefix_index(text: str, kind: str) -> dict[str, tuple[tuple[frozenset[str], int, int], ...]]:
    """A unit's gloss sets by the first four letters of their words (for derived words)."""
    index: dict[str, list[tuple[frozenset[str], int, int]]] = {}
    for glosses, s, e, _whole in unit_glosses(text, kind):
        for prefix in {g[:4] for g in glosses if len(g) >= 4}:
            index.setdefault(prefix, []).append((glosses, s, e))
    return {k: tuple(v) for k, v in index.items()}
