"""Page structure by script statistics: paragraphs (units) and the English and Japanese blocks.

A unit is one line, or in a Markdown-style file (paragraphs separated by blank lines) one paragraph of
consecutive lines; a unit never mixes languages, and Markdown headings, list items, quotes, tables
and code fences stay units of their own.

A bilingual page is cut into two blocks at the point that best separates the languages (each unit
votes with its script: Japanese, English, or neither). Units of the other language at the outer
edges of a block are page chrome (a Japanese "related articles" list after the English body, an
English byline before the Japanese one). Units of the other language inside a block stay there: a
paragraph the MT left in English is still a target paragraph. Which Japanese units are preface or
summary and which are body is not decided here but by the aligner (see ``aligner``): nothing keys on
a separator string.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from mtreview.align.features import script_counts
from mtreview.domain.errors import InputError
from mtreview.formats.textio import split_lines
from mtreview.i18n import _

MAX_LINE_CHARS = 100_000
"""A longer line is not a paragraph: minified text, a data dump or a binary file."""

_BLOCK_MARKER = re.compile(r"^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\||```|~~~|<!--)")


@dataclass(frozen=True, slots=True)
class Unit:
    lines: tuple[int, ...]
    """1-based physical line numbers."""
    texts: tuple[str, ...]
    """Each line stripped of surrounding whitespace."""
    language: str
    """``ja``, ``en`` or ``sym`` (no letters)."""
    ja_letters: int = 0
    latin_letters: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def flat(self) -> str:
        return " ".join(self.texts)


def read_units(text: str, path: str) -> list[Unit]:
    """Units of a decoded file. Raises ``InputError`` for an overlong line or a file with no text."""
    physical = split_lines(text)
    numbered: list[tuple[int, str]] = []
    blank = 0
    for number, line in enumerate(physical, start=1):
        stripped = line.strip()
        if not stripped:
            blank += 1
            continue
        if len(stripped) > MAX_LINE_CHARS:
            raise InputError(
                _(
                    "line is too long ({length} characters; the limit is {limit}): not a text document?"
                ).format(length=len(stripped), limit=MAX_LINE_CHARS),
                path,
                number,
            )
        numbered.append((number, stripped))
    if not numbered:
        raise InputError(_("the file has no text"), path)
    paragraphs = _markdown_paragraphs(numbered, blank)
    units: list[Unit] = []
    for group in paragraphs:
        current: list[tuple[int, str, str, int, int]] = []
        for number, line in group:
            ja, latin = script_counts(line)
            lang = "sym" if ja + latin == 0 else ("ja" if ja / (ja + latin * 0.35) >= 0.5 else "en")
            if current and (lang != current[-1][2] and "sym" not in (lang, current[-1][2])):
                units.append(_unit(current))
                current = []
            current.append((number, line, lang, ja, latin))
        if current:
            units.append(_unit(current))
    return units


def _unit(items: list[tuple[int, str, str, int, int]]) -> Unit:
    langs = {item[2] for item in items} - {"sym"}
    ja = sum(item[3] for item in items)
    latin = sum(item[4] for item in items)
    if len(langs) == 1:
        language = langs.pop()
    elif not langs:
        language = "sym"
    else:
        language = "ja" if ja / (ja + latin * 0.35) >= 0.5 else "en"
    return Unit(tuple(item[0] for item in items), tuple(item[1] for item in items), language, ja, latin)


def _markdown_paragraphs(numbered: list[tuple[int, str]], blank: int) -> list[list[tuple[int, str]]]:
    """Groups of lines that form one paragraph. Only files that separate paragraphs by blank lines
    are grouped (a page with one paragraph per line stays one unit per line)."""
    singles = [[item] for item in numbered]
    if blank < max(2, len(numbered) // 5):
        return singles
    blocks: list[list[tuple[int, str]]] = []
    previous = -10
    for number, line in numbered:
        if number == previous + 1 and blocks:
            blocks[-1].append((number, line))
        else:
            blocks.append([(number, line)])
        previous = number
    if not any(len(b) > 1 for b in blocks):
        return singles
    groups: list[list[tuple[int, str]]] = []
    for block in blocks:
        if len(block) > 1 and not _hard_wrapped(block):
            groups.extend([item] for item in block)
            continue
        in_fence = block[0][1].startswith(("```", "~~~"))
        current: list[tuple[int, str]] = []
        for number, line in block:
            if in_fence or _BLOCK_MARKER.match(line):
                if current:
                    groups.append(current)
                current = []
                groups.append([(number, line)])
                continue
            current.append((number, line))
        if current:
            groups.append(current)
    return groups


_SENTENCE_END = tuple('。．.!?！？」』"”’)）:：…')


def _hard_wrapped(block: list[tuple[int, str]]) -> bool:
    """Most line breaks of the block fall mid-sentence: one paragraph wrapped over several lines
    (a block of complete sentences, one per line, stays one unit per line)."""
    breaks = [line for _, line in block[:-1] if not _BLOCK_MARKER.match(line)]
    if not breaks:
        return True
    wraps = sum(1 for line in breaks if not line.endswith(_SENTENCE_END))
    return wraps * 2 >= len(breaks)


def language_mass(units: list[Unit]) -> tuple[float, float]:
    """(English, Japanese) amount of text in English-equivalent characters."""
    en = ja = 0.0
    for unit in units:
        if unit.language == "en":
            en += unit.latin_letters
        elif unit.language == "ja":
            ja += unit.ja_letters * 2.5
    return en, ja


@dataclass
class PageBlocks:
    source: list[Unit]
    """English block (body candidates), in order."""
    target: list[Unit]
    source_chrome: list[Unit]
    """Other-language units at the edges of the English block, and English units at the edges of the
    Japanese block; never paired."""
    target_chrome: list[Unit]
    japanese_first: bool


def split_page(units: list[Unit], path: str) -> PageBlocks:
    """Cut one bilingual page into its English and Japanese blocks."""
    votes = [1 if u.language == "ja" else -1 if u.language == "en" else 0 for u in units]
    if not any(v == -1 for v in votes):
        raise InputError(
            _("no English text found: a bilingual page needs the English original and its translation"),
            path,
        )
    if not any(v == 1 for v in votes):
        raise InputError(
            _("no Japanese text found: a bilingual page needs the English original and its translation"),
            path,
        )
    if _interleaved(votes):
        return _split_interleaved(units)
    total = sum(votes)
    best = (-(10**9), 0, True)
    prefix = 0
    for p in range(1, len(units)):
        prefix += votes[p - 1]
        suffix = total - prefix
        ja_first = prefix - suffix  # Japanese before p, English from p
        en_first = suffix - prefix
        if ja_first > best[0]:
            best = (ja_first, p, True)
        if en_first > best[0]:
            best = (en_first, p, False)
    cut, japanese_first = best[1], best[2]
    first, second = units[:cut], units[cut:]
    ja_block, en_block = (first, second) if japanese_first else (second, first)
    ja_body, ja_edges = _peel(ja_block, "ja")
    en_body, en_edges = _peel(en_block, "en")
    source_chrome = [u for u in ja_edges if u.language == "en"] + [u for u in en_edges if u.language != "ja"]
    target_chrome = [u for u in ja_edges if u.language != "en"] + [u for u in en_edges if u.language == "ja"]
    en_mass = language_mass(en_body)[0]
    ja_mass = language_mass(ja_body)[1]
    if not en_body or not ja_body or min(en_mass, ja_mass) < 0.06 * max(en_mass, ja_mass):
        which = _("English") if en_mass < ja_mass else _("Japanese")
        raise InputError(
            _(
                "no detectable second language: the page is almost all {other}; the little {which} text "
                "there is looks like page chrome, not a translation"
            ).format(which=which, other=_("Japanese") if which == _("English") else _("English")),
            path,
        )
    return PageBlocks(en_body, ja_body, source_chrome, target_chrome, japanese_first)


def _interleaved(votes: list[int]) -> bool:
    """English and Japanese alternate paragraph by paragraph (a parallel-text layout), not in two blocks."""
    langs = [v for v in votes if v]
    switches = sum(1 for a, b in itertools.pairwise(langs) if a != b)
    return switches >= max(6, len(langs) // 3)


def _split_interleaved(units: list[Unit]) -> PageBlocks:
    """Each language keeps its order, so every English unit is source and every Japanese unit target;
    a symbol-only line goes with the language before it."""
    source: list[Unit] = []
    target: list[Unit] = []
    side = "ja"
    for unit in units:
        if unit.language != "sym":
            side = unit.language
        (source if side == "en" else target).append(unit)
    return PageBlocks(source, target, [], [], japanese_first=units[0].language != "en")


def _peel(block: list[Unit], language: str) -> tuple[list[Unit], list[Unit]]:
    """(body, edges): units of the other language at either end of ``block`` are edges (chrome).
    Symbol-only lines (``...``, ``---``) next to the body stay with it; the aligner pairs or skips them."""
    other = "en" if language == "ja" else "ja"
    start, end = 0, len(block)
    while start < end and block[start].language in (other, "sym"):
        start += 1
    while end > start and block[end - 1].language in (other, "sym"):
        end -= 1
    while start > 0 and block[start - 1].language == "sym":
        start -= 1
    while end < len(block) and block[end].language == "sym":
        end += 1
    return block[start:end], block[:start] + block[end:]


def file_language(units: list[Unit]) -> str | None:
    """Majority language of a file, or ``None`` when it has no letters at all."""
    en, ja = language_mass(units)
    if en == 0 and ja == 0:
        return None
    return "ja" if ja > en else "en"


def peel_file(units: list[Unit], language: str) -> tuple[list[Unit], list[Unit]]:
    return _peel(units, language)
