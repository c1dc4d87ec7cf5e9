"""TMX inline content: placeholders written back as TMX codes (``bpt``/``ept``/``it``/``ph``) and the C0
control characters XML 1.0 cannot hold, written as a ``ph`` the reader turns back into them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from mtreview.formats import codes as C
from mtreview.formats import placeholders as ph
from mtreview.formats import xmlsafe as X


def _converter(text: str, markup: Sequence[Mapping[str, Any]], same: bool) -> Any:
    """TMX codes for placeholders imported from another format, of the same kind (``formats.codes``):
    a pair that opens before it closes in this text as ``bpt``/``ept``, any other opening or closing
    code as an isolated ``it``, a standalone one as ``ph``; each carries the code's native text. TMX's
    own codes are written as they came, except a pair a correction broke (``it``, so it reads back)."""
    codes = C.analyse(markup)
    pairs = C.pairs_in(text, codes)
    closing = {c: o for o, c in pairs.items()}
    broken = C.broken(text, codes)

    def convert(record: Mapping[str, Any], n: int) -> str | None:
        code = codes[n]
        if same and n not in broken:
            return None
        body = X.escape_text(code.native)
        if n in pairs:
            return f'<bpt i="{n + 1}">{body}</bpt>'
        if n in closing:
            return f'<ept i="{closing[n] + 1}">{body}</ept>'
        if code.role == C.OPEN:
            return f'<it pos="begin" x="{n + 1}">{body}</it>'
        if code.role == C.CLOSE:
            return f'<it pos="end" x="{n + 1}">{body}</it>'
        return f'<ph x="{n + 1}">{body}</ph>'

    return convert


CP_TYPE = "x-mtreview-cp"
_CP = re.compile(r'^<ph type="x-mtreview-cp">([0-9A-F]{4})</ph>$')


def control_code(ch: str) -> str:
    """A C0 control character (XML 1.0 cannot hold it) as a ``<ph>`` our reader turns back into it."""
    return f'<ph type="{CP_TYPE}">{ph.hex_of(ch)}</ph>'


def control_of(record: Mapping[str, Any]) -> str | None:
    m = _CP.match(str(record.get("x", "")))
    return chr(int(m.group(1), 16)) if m and record.get("k") == "ph" else None


def seg_xml(text: str, inline: Mapping[str, Any] | None, side: str) -> str:
    if not ph.has_placeholders(text):
        return ph.escape(text, control_code)
    markup = (inline or {}).get(side) or []
    same = (inline or {}).get("format") == "tmx"
    xml, _ns = ph.restore_markup(text, markup, _converter(text, markup, same), control_code)
    return xml
