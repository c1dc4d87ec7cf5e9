"""Latin letters beyond ASCII, for the English side's regular expressions.

Names and borrowed words in English text are spelt with them (Ferrández, Wróblewska, Yılmaz, Đặng, café):
a pattern of ``[A-Za-z]`` cuts "Ferrández" into "Ferr" and "ndez". These are the letters of Latin-1
Supplement, Latin Extended-A and -B and Latin Extended Additional (Vietnamese), as character-class bodies.
"""

from __future__ import annotations

_EXTRA = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha()]
"""(µ, ª and º lie below U+00C0: not among them.)"""
UPPER = "A-Z" + "".join(c for c in _EXTRA if c.isupper())
LOWER = "a-z" + "".join(c for c in _EXTRA if not c.isupper())
LETTERS = "A-Za-z" + "".join(_EXTRA)


_LETTER_SET = frozenset(_EXTRA) | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def is_latin_letter(ch: str) -> bool:
    """A letter of ``LETTERS`` (ASCII included; not µ, ª or º, which the blocks' letter test leaves out)."""
    return ch in _LETTER_SET
