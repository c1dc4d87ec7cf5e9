"""Code points (Python ``str`` indices, what we store) <-> UTF-16 code units (Qt's text positions).

The one place where the two meet: characters outside the Basic Multilingual Plane (𠮷, emoji) are one
code point but two UTF-16 units. Positions that fall inside a surrogate pair snap to the character start.
"""

from __future__ import annotations


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def to_utf16(text: str, index: int) -> int:
    """UTF-16 position of code-point ``index`` in ``text`` (``0 <= index <= len(text)``)."""
    if not 0 <= index <= len(text):
        raise ValueError(f"code-point offset {index} outside text of length {len(text)}")
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    """Code-point index of UTF-16 ``position``; a position inside a surrogate pair snaps back."""
    if position < 0:
        raise ValueError(f"negative UTF-16 position {position}")
    units = 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > position:
            return i
        units += width
    if position > units:
        raise ValueError(f"UTF-16 position {position} outside text of {units} units")
    return len(text)


def span_to_utf16(text: str, start: int, end: int) -> tuple[int, int]:
    return to_utf16(text, start), to_utf16(text, end)


def span_from_utf16(text: str, start: int, end: int) -> tuple[int, int]:
    """Code-point span for a Qt selection; a partially selected surrogate pair is included whole."""
    s = from_utf16(text, start)
    e = from_utf16(text, end)
    if to_utf16(text, e) < end:
        e += 1
    return s, min(e, len(text))
