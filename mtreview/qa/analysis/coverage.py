"""Which words of an English paragraph have a counterpart in its Japanese translation, and which parts of
the Japanese have one in the English: the evidence the omission, addition and term checks share.

No MeCab here (it is the costliest analyser and the checks run on every segment): the Japanese is cut
into *units* by script — runs of kanji, runs of katakana, Latin words, numbers — and both directions of
the JMdict index are used:

* backwards, each unit (and, for a long kanji run the dictionary does not know, its two- and
  three-character pieces) is looked up for its English gloss words; an English content word whose lemma
  is among them is covered by that unit;
* forwards, the Japanese renderings of a still uncovered English word (those with a kanji or katakana,
  two characters or more, plus the stem of a verb or adjective: 広がる → 広が) are looked for in the text
  through an index of its character bigrams; a single kanji counts only as a unit of its own (秒 in 30秒);
* names are matched across scripts (``jtext.name_similarity``), Latin words by identity, numbers by value.

A word or unit with no counterpart is *uncovered*. Results are cached per (source, target) pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from mtreview.qa.analysis import english

EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d[\d,.]*\d|\d")
JA_UNIT = re.compile(
    r"(?P<kanji>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+)|(?P<kata>[\u30a1-\u30fa\u30fc\u30fb]+)|"
    r"(?P<latin>[A-Za-z][A-Za-z0-9'\-]*)|(?P<num>[0-9０-９][0-9０-９,.]*)"
)
HIRAGANA = re.compile(r"[\u3041-\u309f]+$")
HAS_KANJI_OR_KATAKANA = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々\u30a1-\u30fa]")
KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々]")

SKIP = english.STOPWORDS | frozenset(
    """would will whether because while since until before after during against between through across
    among within without including according ago again both either neither many much few several around
    although though however therefore thus per via whose onto toward towards upon
    mr mrs ms dr prof st jr sr inc ltd co""".split()
)
"""Function words, which carry no content a translation must show."""

Span = tuple[int, int]

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1
    )
}
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "percent": ("%", "％", "パーセント", "ポイント"),
    "percentage": ("%", "％", "パーセント", "ポイント"),
    "pct": ("%", "％", "パーセント"),
    "thousand": ("千", "万", "000"),
    "million": ("万", "億", "000"),
    "billion": ("億", "兆", "000"),
    "trillion": ("兆",),
    "bn": ("億", "兆"),
    "mn": ("万", "億"),
}
"""Words a number carries with it, rendered as a sign or a scale rather than a word."""
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "twice": 2})
KANJI_DIGITS = "〇一二三四五六七八九十"


@lru_cache(maxsize=65536)
def lemmas(lower: str) -> tuple[str, ...]:
    """The lemma and, for an irregular past form the lemmatiser reads as a noun (rose, found, left), the
    verb it is a form of."""
    from mtreview.qa.lexicons import irregular_base

    lemma = english.lemma(lower)
    base = irregular_base(lower)
    out = [lemma]
    if base and base != lemma:
        out.append(base)
    if lower != lemma:
        out.append(lower)
    return tuple(out)


@dataclass(slots=True)
class EnWord:
    start: int
    end: int
    text: str
    lemma: str
    kind: str
    """``word``, ``name`` (capitalised inside a sentence, or unknown to the dictionary) or ``number``."""
    hits: list[Span] = field(default_factory=list)
    strong: list[Span] = field(default_factory=list)
    """The hits that are exact: a whole dictionary word either way, a name, a number (not a piece of a
    kanji run, a verb stem, a lone kanji or a derived word)."""

    @property
    def covered(self) -> bool:
        return bool(self.hits)


@dataclass(slots=True)
class JaUnit:
    start: int
    end: int
    text: str
    kind: str
    """``kanji``, ``kata``, ``latin`` or ``num``."""
    covered: bool = False

    @property
    def content(self) -> bool:
        """Whether the unit carries content a source must account for (not a lone kanji or kana mark)."""
        return self.kind in ("latin", "num") or len(self.text.strip("ー・")) >= 2


@dataclass(slots=True)
class Coverage:
    source: str
    target: str
    words: list[EnWord]
    units: list[JaUnit]
    available: bool = True
    """False when the dictionary is not installed: only names, Latin words and numbers were matched."""

    def words_in(self, start: int, end: int) -> list[EnWord]:
        return [w for w in self.words if start <= w.start and w.end <= end]

    def units_in(self, start: int, end: int) -> list[JaUnit]:
        return [u for u in self.units if start <= u.start and u.end <= end]

    def source_ratio(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """(covered, total) English content words in ``source[start:end]``."""
        words = self.words_in(start, len(self.source) if end is None else end)
        return sum(1 for w in words if w.hits), len(words)

    def source_own(self, start: int, end: int) -> tuple[int, int]:
        """(covered, total) English content words in ``source[start:end]``, counting a word covered only
        when one of its counterparts is not also the counterpart of a word outside the span (the year of
        "last year" does not cover "five years" in another clause)."""
        inside = self.words_in(start, end)
        lemmas_inside = {w.lemma for w in inside}
        taken = [
            h
            for w in self.words
            if not (start <= w.start and w.end <= end) and w.lemma not in lemmas_inside
            for h in w.hits
        ]
        own = sum(1 for w in inside if any(not _within(h, taken) for h in w.hits))
        return own, len(inside)

    def target_own(self, start: int, end: int) -> tuple[int, int]:
        """(covered, total) Japanese content units in ``target[start:end]``, counting a unit covered only
        when one of the English words it matches has no counterpart outside the span (a sentence that
        repeats the paragraph's "workshops" renders nothing new)."""
        units = [u for u in self.units_in(start, end) if u.content]
        own = 0
        for u in units:
            if not u.covered:
                continue
            span = [(u.start, u.end)]
            matched = [w for w in self.words if any(_overlaps(h, span) for h in w.hits)]
            if not matched or any(
                all(start <= h[0] and h[1] <= end for h in w.hits) for w in matched
            ):
                own += 1
        return own, len(units)

    def target_ratio(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """(covered, total) Japanese content units in ``target[start:end]``."""
        units = [u for u in self.units_in(start, len(self.target) if end is None else end) if u.content]
        return sum(1 for u in units if u.covered), len(units)


def _within(span: Span, spans: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def english_words(source: str) -> list[EnWord]:
    out: list[EnWord] = []
    for m in EN_TOKEN.finditer(source):
        text = m.group()
        if text[0].isdigit():
            out.append(EnWord(m.start(), m.end(), text, text.replace(",", "").rstrip("."), "number"))
            continue
        lower = text.lower()
        if lower in SKIP or len(lower) < 2:
            continue
        lemma = english.lemma(lower)
        if lemma in SKIP:
            continue
        kind = "word"
        if lemma in UNIT_WORDS or lower in MONTHS or lower in ORDINALS or lower in NUMBER_WORDS:
            kind = "number"
        elif text[0].isupper() and (not _sentence_start(source, m.start()) or not _known(lemma)):
            kind = "name"
        out.append(EnWord(m.start(), m.end(), text, lemma, kind))
    return out


def _known(lemma: str) -> bool:
    """Whether the dictionary knows the word (a capitalised word at a sentence start that it does not know
    is a name)."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable

    try:
        multi, single, _stems = _renderings(lemma)
        return bool(multi or single)
    except DictionaryUnavailable:
        return True


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def japanese_units(target: str) -> list[JaUnit]:
    return [JaUnit(m.start(), m.end(), m.group(), m.lastgroup or "") for m in JA_UNIT.finditer(target)]


@lru_cache(maxsize=65536)
def _renderings(lemma: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
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


@lru_cache(maxsize=65536)
def _glosses(unit: str) -> frozenset[str]:
    """The English gloss words of a Japanese word, with their lemmas (rising → rise)."""
    from mtreview.qa.analysis.dictionary import default_dictionary

    words = default_dictionary().english(unit)
    if not words:
        return words
    return words | {english.lemma(w) for w in words}


def _unit_glosses(unit: JaUnit) -> Iterable[tuple[frozenset[str], int, int, bool]]:
    """Gloss sets of a unit and, for a kanji run the dictionary does not know, of its pieces (the last
    item says whether the gloss is of the whole unit)."""
    text = unit.text
    if unit.kind == "kata":
        for part in re.finditer(r"[^・]+", text):
            g = _glosses(part.group())
            if g:
                yield g, unit.start + part.start(), unit.start + part.end(), True
        return
    g = _glosses(text)
    if g or len(text) <= 2:
        if g:
            yield g, unit.start, unit.end, True
        return
    n = len(text)
    for size in (3, 2):
        for i in range(0, n - size + 1):
            piece = _glosses(text[i : i + size])
            if piece:
                yield piece, unit.start + i, unit.start + i + size, False


def _same_stem(a: str, b: str) -> bool:
    """Derivations of one stem: a shared prefix of at least four letters that leaves at most two letters of
    the shorter word (approve/approval, expect/expectation; not interest/international)."""
    if a[:4] != b[:4]:
        return False
    n = 4
    limit = min(len(a), len(b))
    while n < limit and a[n] == b[n]:
        n += 1
    return n >= limit - 2


def _bigrams(target: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i in range(len(target) - 1):
        index.setdefault(target[i : i + 2], []).append(i)
    return index


@lru_cache(maxsize=2048)
def coverage(source: str, target: str) -> Coverage:
    """The coverage of one aligned pair (cached)."""
    from mtreview.qa.analysis.dictionary import DictionaryUnavailable

    words = english_words(source)
    units = japanese_units(target)
    cov = Coverage(source, target, words, units)
    if not words or not units:
        return cov
    try:
        _match_dictionary(cov)
    except DictionaryUnavailable:
        cov.available = False
    _match_names_and_latin(cov)
    _match_numbers(cov)
    for w in cov.words:
        w.hits.sort()
        w.strong.sort()
    return cov


def _mark(cov: Coverage, word: EnWord, start: int, end: int, strong: bool = True) -> None:
    word.hits.append((start, end))
    if strong:
        word.strong.append((start, end))
    for u in cov.units:
        if u.start < end and start < u.end:
            u.covered = True


def _match_dictionary(cov: Coverage) -> None:
    by_lemma: dict[str, list[EnWord]] = {}
    for w in cov.words:
        if w.kind != "number":
            for lemma in lemmas(w.text.lower().replace("’", "'")):
                by_lemma.setdefault(lemma, []).append(w)
    # backwards: the glosses of every unit
    unit_glosses: list[tuple[frozenset[str], int, int, JaUnit]] = []
    for unit in cov.units:
        if unit.kind not in ("kanji", "kata"):
            continue
        for glosses, start, end, whole in _unit_glosses(unit):
            unit_glosses.append((glosses, start, end, unit))
            for gloss in glosses:
                for w in by_lemma.get(gloss, ()):
                    w.hits.append((start, end))
                    if whole or end - start >= 2:
                        w.strong.append((start, end))
                    unit.covered = True
    # a derived word of the same stem (expect ↔ expectation, approve ↔ approval, publish ↔ publication)
    left = [w for w in cov.words if not w.hits and w.kind != "number" and len(w.lemma) >= 4]
    if left and unit_glosses:
        for w in left:
            for glosses, start, end, unit in unit_glosses:
                if any(_same_stem(w.lemma, g) for g in glosses):
                    w.hits.append((start, end))
                    unit.covered = True
    # forwards: renderings of the words still uncovered
    target = cov.target
    bigrams: dict[str, list[int]] | None = None
    alone: dict[str, tuple[int, bool]] = {}
    for u in cov.units:
        if u.kind == "kanji":
            # 秒 in 30秒 and 壁 in 防潮壁 (the head of a compound) are exact; 株 in 株価 is not
            alone.setdefault(u.text[-1], (u.end - 1, True))
            alone.setdefault(u.text[0], (u.start, False))
    for w in cov.words:
        if w.hits or w.kind == "number":
            continue
        multi, single, stems = _renderings(w.lemma)
        if bigrams is None:
            bigrams = _bigrams(target)
        for r in multi:
            positions = bigrams.get(r[:2])
            if not positions:
                continue
            for pos in positions:
                if target.startswith(r, pos):
                    _mark(cov, w, pos, pos + len(r), strong=r not in stems)
                    break
            if w.hits:
                break
        if not w.hits and alone and single:
            for ch in single:
                at = alone.get(ch)
                if at is not None:
                    _mark(cov, w, at[0], at[0] + 1, strong=at[1])
                    break


def _match_names_and_latin(cov: Coverage) -> None:
    from mtreview.qa.jtext import first_sound, katakana_full, name_similarity

    latin = {u.text.lower(): u for u in cov.units if u.kind == "latin"}
    kata = [u for u in cov.units if u.kind == "kata"]
    parts: list[tuple[int, int, str, str]] = []
    for u in kata:
        for m in re.finditer(r"[^・]+", u.text):
            text = m.group()
            if len(text.strip("ー")) >= 2:
                parts.append((u.start + m.start(), u.start + m.end(), text, first_sound(katakana_full(text))))
    for w in cov.words:
        if w.hits or w.kind == "number":
            continue
        same = latin.get(w.text.lower().removesuffix("'s").removesuffix("’s"))
        if same is not None:
            _mark(cov, w, same.start, same.end)
            continue
        if not parts or len(w.text) < 3:
            continue
        from mtreview.qa.jtext import english_sounds

        sounds = english_sounds(w.text)
        best, best_span = 0.0, None
        for start, end, text, sound in parts:
            if sounds and sound not in sounds:
                continue
            s = name_similarity(w.text, text)
            if s > best:
                best, best_span = s, (start, end)
        if best_span is not None and best >= 0.6:
            _mark(cov, w, *best_span)


def _match_numbers(cov: Coverage) -> None:
    """Numbers match by value, with scales understood (1,500 = 1500, $3.2 billion = 32億ドル)."""
    numbers = [w for w in cov.words if w.kind == "number"]
    ja_nums = [u for u in cov.units if u.kind == "num"]
    if not numbers:
        return
    from mtreview.qa.checks.numbers import english_quantities, japanese_quantities

    ja_by_value: dict[float, list[tuple[int, int]]] = {}
    for q in japanese_quantities(cov.target, kanji=False):
        if q.version is None:
            ja_by_value.setdefault(round(q.value, 6), []).append((q.start, q.end))
    for q in english_quantities(cov.source, words=False):
        spans = ja_by_value.get(round(q.value, 6)) if q.version is None else None
        if not spans:
            continue
        for w in numbers:
            if q.start <= w.start and w.end <= q.end + 1 and not w.hits:
                _mark(cov, w, *spans[0])
    digits = {u.text.replace(",", ""): u for u in ja_nums}
    target = cov.target
    for w in numbers:
        if w.hits:
            continue
        if w.lemma in digits:
            u = digits[w.lemma]
            _mark(cov, w, u.start, u.end)
            continue
        lower = w.text.lower().rstrip(".")
        value = MONTHS.get(lower) or ORDINALS.get(lower) or NUMBER_WORDS.get(lower)
        if value is not None:
            hit = digits.get(str(value))
            if hit is not None:
                _mark(cov, w, hit.start, hit.end)
            elif value <= 10:
                pos = target.find(KANJI_DIGITS[value]) if value else -1
                if pos >= 0:
                    _mark(cov, w, pos, pos + 1)
            continue
        for sign in UNIT_WORDS.get(w.lemma, ()):
            pos = target.find(sign)
            if pos >= 0:
                _mark(cov, w, pos, pos + len(sign))
                break
