"""Inline markup as protected placeholders.

The scheme
----------
Every inline element of a segment (TMX ``bpt/ept/ph/it/ut``, the start and end of ``hi``; XLIFF 1.2
``x/bx/ex/ph/bpt/ept/it`` and the start and end of ``g/mrk``; XLIFF 2 ``ph/sc/ec`` and the start and end
of ``pc/mrk``, ``sm/em``) is replaced in the segment text by **one character** of the Unicode Private Use
Area: the n-th placeholder of a segment side is ``chr(0xE000 + n)`` (n = 0 … 6399).

* One character per tag keeps annotation offsets (code points) simple and stable; the editor renders
  these characters as chips and refuses to edit inside them; the checks skip them (``is_placeholder``,
  ``strip_placeholders``).
* The markup itself lives beside the text, in ``SegmentDraft.meta["inline"]``::

      {"format": "tmx" | "xliff1" | "xliff2",
       "source": [ {"k": "open"|"close"|"ph", "x": "<bpt i=\"1\">&lt;b&gt;</bpt>", "ns": {...}}, … ],
       "target": [ … ]}

  ``k`` is the kind (``open``/``close`` for the two halves of a wrapping element such as ``<hi>``,
  ``<g>``, ``<pc>``, ``<mrk>``; ``ph`` for a standalone element), ``x`` is the exact XML of the element
  (a start tag, an end tag, or a whole element with its content), ``ns`` the namespace declarations
  the markup needs (only when it uses prefixes or a default namespace).
* A Private Use Area character that is literally in the input text is itself stored as a placeholder
  whose markup is the character (kind ``"lit"``), so restoring gives back exactly the input.
* Restoring (``restore_markup``) replaces each placeholder character by its markup; text between them
  is XML-escaped. A placeholder of another format (say an XLIFF ``<pc>`` exported to TMX) is written
  with the generic form of the target format by the writer (see ``generic``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

BASE = 0xE000
LIMIT = 6400  # U+E000 … U+F8FF
_PUA = re.compile("[\ue000-\uf8ff]")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_NEEDS_ESCAPE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")
"""C0 control characters other than tab, LF and CR: text may hold them (a PO ``\\a``, an XLIFF 2
``<cp hex="0007"/>``), XML 1.0 cannot. Each XML format writes them as an inline code of its own (XLIFF 2
``<cp>``; TMX and XLIFF 1.2 a ``<ph>`` of type ``x-mtreview-cp``) that our readers turn back into the
character (``controls_from_codes``). NUL is refused at import: no text format carries it."""

Control = Callable[[str], str]
"""XML for one control character (``code_for``)."""


def escape(text: str, control: Control | None = None) -> str:
    """XML character data: ``& < >`` escaped, CR as ``&#13;`` (else it reads back as LF); C0 controls
    written with ``control`` (else, like the other characters XML 1.0 cannot carry, as U+FFFD)."""
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    if control is not None and CONTROLS.search(text):
        parts = CONTROLS.split(text)
        codes = [control(ch) for ch in CONTROLS.findall(text)]
        out = [escape(parts[0])]
        for code, part in zip(codes, parts[1:], strict=True):
            out += [code, escape(part)]
        return "".join(out)
    if _INVALID_XML.search(text):
        text = _INVALID_XML.sub("\ufffd", text)
    return xml_escape(text, {"\r": "&#13;"}) if "\r" in text else xml_escape(text)


def xml_escape(text: str, entities: Mapping[str, str] | None = None) -> str:
    """``&``, ``<`` and ``>`` as entities, then each key of ``entities`` as its value: what
    ``xml.sax.saxutils.escape`` does, without loading ``urllib`` (a fifth of the formats' start-up)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for key, value in (entities or {}).items():
        text = text.replace(key, value)
    return text


def hex_of(ch: str) -> str:
    return f"{ord(ch):04X}"


def controls_from_codes(
    text: str, markup: Sequence[Mapping[str, Any]], char_of: Callable[[Mapping[str, Any]], str | None]
) -> tuple[str, list[Mapping[str, Any]]]:
    """Turn the placeholders whose record ``char_of`` recognises as a control-character code back into
    that character; the other placeholders are renumbered in order."""
    if not markup or not any(char_of(r) is not None for r in markup):
        return text, list(markup)
    kept: list[Mapping[str, Any]] = []
    new_index: dict[int, int | str] = {}
    for n, record in enumerate(markup):
        ch = char_of(record)
        if ch is not None:
            new_index[n] = ch
        else:
            new_index[n] = len(kept)
            kept.append(record)

    def repl(m: re.Match[str]) -> str:
        target = new_index.get(index_of(m.group()))
        if target is None:
            return m.group()
        return target if isinstance(target, str) else placeholder(target)

    return _PUA.sub(repl, text), kept


def placeholder(n: int) -> str:
    if not 0 <= n < LIMIT:
        raise ValueError(f"placeholder index {n} out of range")
    return chr(BASE + n)


def is_placeholder(ch: str) -> bool:
    return len(ch) == 1 and BASE <= ord(ch) < BASE + LIMIT


def index_of(ch: str) -> int:
    return ord(ch) - BASE


def has_placeholders(text: str) -> bool:
    return _PUA.search(text) is not None


def strip_placeholders(text: str) -> str:
    """The text without its placeholders (what checks and scores look at)."""
    return _PUA.sub("", text)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Code-point spans ``[start, end)`` of each placeholder (for the editor's chips)."""
    return [(m.start(), m.end()) for m in _PUA.finditer(text)]


def extract(text: str, markup: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The markup records of the placeholders present in ``text``, in text order."""
    out = []
    for m in _PUA.finditer(text):
        n = index_of(m.group())
        if n < len(markup):
            out.append(markup[n])
    return out


def escape_literal(text: str, markup: list[dict[str, Any]]) -> str:
    """Protect Private Use Area characters already in input text (see module docstring)."""
    if not has_placeholders(text):
        return text

    def repl(m: re.Match[str]) -> str:
        markup.append({"k": "lit", "x": m.group()})
        return placeholder(len(markup) - 1)

    return _PUA.sub(repl, text)


def restore_text(text: str, markup: Sequence[Mapping[str, Any]] | None) -> str:
    """Plain text with literal characters restored and markup placeholders kept as their raw markup
    text (for formats without inline markup: PO, CSV, xlsx)."""
    if not markup or not has_placeholders(text):
        return text

    def repl(m: re.Match[str]) -> str:
        n = index_of(m.group())
        if n < len(markup):
            return str(markup[n]["x"])
        return m.group()

    return _PUA.sub(repl, text)


def restore_markup(
    text: str,
    markup: Sequence[Mapping[str, Any]] | None,
    convert: Any = None,
    control: Control | None = None,
) -> tuple[str, dict[str, str]]:
    """XML content for ``text``: escaped text, each placeholder replaced by its markup.

    ``convert(record, n)`` may return replacement markup for records of another format (or ``None``
    to keep the record's own). Returns the XML fragment and the namespace declarations it needs.
    Placeholders without a record (e.g. typed by hand) are dropped.
    """
    if not has_placeholders(text):
        return escape(text, control), {}
    parts: list[str] = []
    ns: dict[str, str] = {}
    pos = 0
    for m in _PUA.finditer(text):
        parts.append(escape(text[pos : m.start()], control))
        pos = m.end()
        n = index_of(m.group())
        if not markup or n >= len(markup):
            continue
        record = markup[n]
        if record.get("k") == "lit":
            parts.append(escape(str(record["x"]), control))
            continue
        replaced = convert(record, n) if convert is not None else None
        if replaced is not None:
            parts.append(replaced)
        else:
            parts.append(str(record["x"]))
            ns.update(record.get("ns") or {})
    parts.append(escape(text[pos:], control))
    return "".join(parts), ns


def same_shape(a: str, b: str) -> bool:
    """Whether two texts hold the same placeholders (same count of each), as a QA helper."""
    return sorted(_PUA.findall(a)) == sorted(_PUA.findall(b))


# ---------------------------------------------------------------- readable tokens (PO, CSV)

_TOKEN = re.compile(r"\u27e6\u27e6|\u27e6(\d+)\u27e7")


def has_codes(markup: Sequence[Mapping[str, Any]] | None) -> bool:
    """Whether ``markup`` holds inline codes (not only literal Private Use characters)."""
    return any(r.get("k") != "lit" for r in markup or ())


def to_tokens(text: str, markup: Sequence[Mapping[str, Any]] | None) -> str:
    """Text for a format without inline markup (PO, CSV): each code as a readable token ``⟦n⟧`` (n from
    1), a literal Private Use character as itself, a literal ``⟦`` doubled (``from_tokens`` reverses it;
    the codes travel beside the text, in a PO comment or a CSV column)."""
    text = text.replace("\u27e6", "\u27e6\u27e6")
    if not has_placeholders(text):
        return text

    def repl(m: re.Match[str]) -> str:
        n = index_of(m.group())
        record = markup[n] if markup and n < len(markup) else None
        if record is not None and record.get("k") == "lit":
            return str(record["x"])
        return f"\u27e6{n + 1}\u27e7"

    return _PUA.sub(repl, text)


def from_tokens(text: str, markup: list[dict[str, Any]]) -> str:
    """The reverse of ``to_tokens``: tokens become placeholders again; Private Use characters in the text
    are protected as literal records appended to ``markup``."""
    text = escape_literal(text, markup)

    def repl(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return "\u27e6"
        n = int(m.group(1))
        return placeholder(n - 1) if 0 < n <= LIMIT else m.group()

    return _TOKEN.sub(repl, text)
