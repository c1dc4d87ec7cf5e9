"""The sense lexicon (``senses.tsv``): polysemous English words, the context cues that select a sense and
the Japanese renderings of the other senses that betray a wrong choice. A cue written ``!word`` is a
*guard*: a row with guards applies only where none of them is anywhere in the document (太鼓 for "drum"
where nothing speaks of music) and another segment renders the word in a right sense. Rows after a line
``#! strict`` are strict (see ``checks.sense``). Shipped in
``resources/lexicons/senses.tsv``; the user's file of the same name (lexicon folder) or an explicit one
adds rows, and a row with the same word and cues replaces the shipped one. Bad lines raise ``InputError``
with file and line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mtreview.domain.errors import InputError
from mtreview.i18n import _
from mtreview.qa.lexicons import LEXICON_DIR, _lines, _split, user_lexicon_dir

FILENAME = "senses.tsv"


@dataclass(frozen=True)
class Sense:
    word: str
    cues: frozenset[str]
    """Words one of which must be in the word's sentence (none: any sentence, for a row with guards)."""
    wrong: tuple[str, ...]
    right: tuple[str, ...]
    meaning: str
    path: str
    line: int
    guards: frozenset[str] = frozenset()
    """Words none of which may be in the document: they speak of the sense the wrong renderings have."""
    strict: bool = False
    """A row after a ``#! strict`` line: one cue is not enough; it needs two, or the document's translation
    rendering the word in the row's sense elsewhere (rows whose wrong renderings are the word's everyday
    sense: 負担 for "strain", 手術 for "surgery", 将来 for "futures")."""


STRICT = "#! strict"
"""The line after which the rows are strict (``Sense.strict``)."""


def load_senses(path: Path) -> list[Sense]:
    rows: list[Sense] = []
    seen: dict[tuple[str, frozenset[str]], int] = {}
    raw = path.read_text(encoding="utf-8").splitlines()
    strict_from = next((i for i, text in enumerate(raw, 1) if text.strip() == STRICT), len(raw) + 1)
    for number, line in _lines(path):
        cols = line.split("\t")
        if len(cols) < 4:
            raise InputError(
                _("expected at least 4 tab-separated columns (word, cues, wrong, right), found {n}").format(
                    n=len(cols)
                ),
                str(path),
                number,
            )
        word = cols[0].strip().lower()
        written = [c.lower() for c in _split(cols[1])]
        cues = frozenset(c for c in written if not c.startswith("!"))
        guards = frozenset(c[1:].strip() for c in written if c.startswith("!") and c[1:].strip())
        wrong, right = _split(cols[2]), _split(cols[3])
        if not word or " " in word:
            raise InputError(_("the word column must hold one English word"), str(path), number)
        if not (cues or guards) or not wrong:
            raise InputError(_("a sense needs context cues and wrong renderings"), str(path), number)
        key = (word, cues | {"!" + g for g in guards})
        if key in seen:
            raise InputError(
                _("duplicate sense {word!r} (first on line {line})").format(word=word, line=seen[key]),
                str(path),
                number,
            )
        seen[key] = number
        meaning = cols[4].strip() if len(cols) > 4 else ""
        rows.append(Sense(word, cues, wrong, right, meaning, str(path), number, guards, number > strict_from))
    return rows


def load_all(paths: Iterable[Path]) -> tuple[list[Sense], list[InputError]]:
    merged: dict[tuple[str, frozenset[str]], Sense] = {}
    errors: list[InputError] = []
    for path in paths:
        try:
            for sense in load_senses(path):
                merged[(sense.word, sense.cues | {"!" + g for g in sense.guards})] = sense
        except InputError as exc:
            errors.append(exc)
    return list(merged.values()), errors


@lru_cache(maxsize=4)
def senses_for(
    include_user: bool, extra: tuple[str, ...] = ()
) -> tuple[tuple[Sense, ...], tuple[InputError, ...]]:
    paths = [LEXICON_DIR / FILENAME]
    if include_user:
        user = user_lexicon_dir() / FILENAME
        if user.is_file():
            paths.append(user)
    paths += [Path(p) for p in extra]
    rows, errors = load_all(paths)
    return tuple(rows), tuple(errors)
